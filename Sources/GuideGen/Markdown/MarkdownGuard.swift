import Dispatch
import Foundation

/// Keeps hostile Markdown from stalling a build on Debian's cmark-gfm 0.29.0.gfm.6, which lacks the fixes
/// for several polynomial-time advisories (CVE-2023-22483, -22486, -24824, -37463).
///
/// A linear pre-scan refuses inputs beyond limits measured on that library (each limit keeps the parse
/// well under 250 ms), and a watchdog fails any file whose rendering still takes too long.
public struct MarkdownGuard: Sendable {
    /// Most `[` in one file: `![[]()` repeated is quadratic (20,000 repeats take 0.7 s, 50,000 take 6 s).
    public var maxOpenBrackets = 10_000
    /// Widest table delimiter row: table parsing costs columns × following lines.
    public var maxTableColumns = 64
    /// Most cells one table may span (columns × lines until a blank line): 128 × 20,000 take 0.7 s in cmark,
    /// and guidegen walks every cell, so 2 × 50,000 already take 0.3 s.
    public var maxTableCells = 60_000
    /// Deepest block quote / list nesting at the start of a line.
    public var maxNesting = 100
    /// Longest line, in bytes.
    public var maxLineBytes = 200_000
    /// Longest a single file may take to render before it fails.
    public var timeout: Double = 5

    /// Bodies at least this large (bytes) render under the watchdog.
    public static let watchdogThreshold = 32 * 1024

    public init() {}

    /// The first limit `markdown` exceeds, as a diagnostic at the offending line; nil when it is safe.
    public func check(_ markdown: String, file: String, firstLine: Int) -> Diagnostic? {
        var brackets = 0
        var line = 1
        var lineBytes = 0
        var depth = 0
        var inPrefix = true
        // Digits so far of what may be an ordered list marker at the line's start.
        var digits = 0
        // Table tracking: columns of the current table and lines it spans.
        var tableColumns = 0
        var tableLines = 0
        var currentPipes = 0
        var currentDashesOnly = true
        var currentHasDash = false
        var blankLine = true
        func at(_ l: Int) -> SourceLocation { SourceLocation(file: file, line: l + firstLine - 1, column: 1) }
        func limit(_ l: Int, _ message: String, _ help: String) -> Diagnostic {
            Diagnostic(.error, .markdownLimit, at: at(l), message, help: help)
        }
        // Read in place: iterating `String.UTF8View` was a visible share of the Markdown stage.
        return UTF8Scan.withBytes(markdown) { bytes -> Diagnostic? in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if !inPrefix && !currentDashesOnly && b != 0x0A {
                    // The rest of a line that cannot be a table's delimiter row: only its `[` and its
                    // length count (most bytes of a page go this way, two memchrs per line).
                    let end = ByteSearch.find(0x0A, in: bytes, from: i) ?? n
                    let lineLimit = i + (maxLineBytes - lineBytes)
                    var j = i
                    let stop = min(end, lineLimit)
                    while let bracket = ByteSearch.find(0x5B, in: bytes, from: j, to: stop) {
                        brackets += 1
                        if brackets > maxOpenBrackets {
                            return limit(
                                line, "more than \(maxOpenBrackets) `[` in one file",
                                "split the page; long runs of brackets are slow to parse")
                        }
                        j = bracket + 1
                    }
                    if end > lineLimit { return limit(line, "a line longer than \(maxLineBytes / 1000) kB", "break the line") }
                    lineBytes += end - i
                    i = end
                    continue
                }
                i += 1
                if b == 0x0A {
                    // End of line: update the table state.
                    if currentHasDash && currentDashesOnly && currentPipes >= 2 {
                        tableColumns = max(tableColumns, currentPipes - 1)
                        tableLines = 0
                        if tableColumns > maxTableColumns {
                            return limit(
                                line, "a table with \(tableColumns) columns (the limit is \(maxTableColumns))",
                                "split the table; wide tables are slow to parse")
                        }
                    } else if blankLine {
                        tableColumns = 0
                        tableLines = 0
                    } else if tableColumns > 0 {
                        tableLines += 1
                        if tableColumns * tableLines > maxTableCells {
                            return limit(
                                line, "a table spanning more than \(maxTableCells) cells", "end the table with a blank line or split it")
                        }
                    }
                    line += 1
                    lineBytes = 0
                    depth = 0
                    digits = 0
                    inPrefix = true
                    currentPipes = 0
                    currentDashesOnly = true
                    currentHasDash = false
                    blankLine = true
                    continue
                }
                lineBytes += 1
                if lineBytes > maxLineBytes {
                    return limit(line, "a line longer than \(maxLineBytes / 1000) kB", "break the line")
                }
                if b != 0x20 && b != 0x09 { blankLine = false }
                if inPrefix {
                    // Markers (`>`, `-`, `*` and `+` before a blank, `1.` and `1)`) and indentation all nest (each
                    // list level indents by two or more columns). A `-` run (`-----`, a rule) is no marker.
                    let listMarker = (b == 0x2D || b == 0x2A || b == 0x2B) && (i == n || Self.isBlank(bytes[i]))
                    var nests = false
                    if digits > 0 {
                        // An ordered marker: up to nine digits, then `.` or `)` (cmark nests `1. 1. 1.` as deep as `- - -`).
                        if b >= 0x30 && b <= 0x39 && digits < 9 {
                            digits += 1
                        } else {
                            nests = b == 0x2E || b == 0x29
                            if !nests { inPrefix = false }
                            digits = 0
                        }
                    } else if b >= 0x30 && b <= 0x39 {
                        digits = 1
                    } else if b == 0x3E || listMarker || (b == 0x20 && lineBytes % 2 == 0) || b == 0x09 {
                        nests = true
                    } else if b != 0x20 && b != 0x09 {
                        inPrefix = false
                    }
                    if nests {
                        depth += b == 0x09 ? 2 : 1
                        if depth > maxNesting {
                            return limit(line, "quotes or lists nested deeper than \(maxNesting) levels", "flatten the nesting")
                        }
                    }
                }
                switch b {
                case 0x5B:
                    brackets += 1
                    if brackets > maxOpenBrackets {
                        return limit(
                            line, "more than \(maxOpenBrackets) `[` in one file", "split the page; long runs of brackets are slow to parse")
                    }
                case 0x7C: currentPipes += 1
                case 0x2D: currentHasDash = true
                case 0x3A, 0x20, 0x09: break
                default: currentDashesOnly = false
                }
            }
            return nil
        }
    }

    /// A space, tab or line break: what follows a bullet marker.
    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A }

    /// Runs `work` on its own thread and waits at most `timeout` seconds; nil when it did not finish
    /// (the thread is abandoned: C code cannot be cancelled, but the build goes on and fails that file).
    public func withDeadline<T: Sendable>(_ work: @escaping @Sendable () -> T) -> T? {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = work()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        return done.wait(timeout: .now() + timeout) == .success ? box.value : nil
    }
}

/// Hands a result from the watchdog's worker thread back; written once before the semaphore signals.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
