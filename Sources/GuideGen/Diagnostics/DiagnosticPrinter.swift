import Foundation

/// Prints diagnostics for people (text with carets) and machines (JSON, GitHub annotations, SARIF 2.1.0).
public struct DiagnosticPrinter: Sendable {
    /// Output formats of `lint --format`.
    public enum Format: String, Sendable, CaseIterable { case text, json, github, sarif }

    public var format: Format
    /// ANSI colours (only when printing to a terminal).
    public var colour: Bool
    /// Source texts by diagnostic path, for the caret lines.
    public var sources: [String: String]
    /// Version written into SARIF.
    public var toolVersion: String

    /// What goes before a content-relative file name so that it reads from the working directory, as a
    /// compiler prints it: the folder as given, tidied (`./content/./` → `content/`, `.` → nothing). Only
    /// `.` segments and repeated slashes go; `..` stays, since resolving it would cross symlinks.
    public static func shownPrefix(ofFolder folder: String) -> String {
        let absolute = folder.hasPrefix("/")
        let parts = folder.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        if parts.isEmpty { return absolute ? "/" : "" }
        return (absolute ? "/" : "") + parts.joined(separator: "/") + "/"
    }

    public init(format: Format, colour: Bool, sources: [String: String], toolVersion: String) {
        self.format = format
        self.colour = colour
        self.sources = sources
        self.toolVersion = toolVersion
    }

    /// The whole report, including the summary line for text.
    public func render(_ diagnostics: [Diagnostic], fileCount: Int) -> String {
        switch format {
        case .text: return text(diagnostics, fileCount: fileCount)
        case .json: return json(diagnostics)
        case .github: return github(diagnostics)
        case .sarif: return sarif(diagnostics)
        }
    }

    // MARK: text

    func paint(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    func text(_ diagnostics: [Diagnostic], fileCount: Int) -> String {
        var out = ""
        var lineIndexes: [String: LineIndex] = [:]
        var lineScalars: [String: [Unicode.Scalar]] = [:]
        for d in diagnostics {
            let l = d.location
            let severity = paint(
                "\(d.severity.rawValue)[\(d.check)]", d.severity == .error ? "1;31" : d.severity == .warning ? "1;33" : "1;36")
            out += "\(paint("\(Self.printable(l.file)):\(l.line):\(l.column)", "1")): \(severity): \(Self.printable(d.message))\n"
            if let text = sources[l.file] {
                let index = lineIndexes[l.file] ?? LineIndex(text)
                lineIndexes[l.file] = index
                let key = "\(l.line)\u{0}\(l.file)"
                let scalars = lineScalars[key] ?? Array(index.line(l.line).unicodeScalars)
                lineScalars[key] = scalars
                if !scalars.isEmpty {
                    // Long lines are shown as a window around the column (and stay O(window) per finding).
                    let column = min(l.column - 1, scalars.count)
                    let from = scalars.count > Self.maxShown ? max(0, column - Self.maxShown / 3) : 0
                    let to = min(scalars.count, from + Self.maxShown)
                    var shown = Self.printable(
                        String(String.UnicodeScalarView(scalars[from..<to])).replacingOccurrences(of: "\t", with: " "))
                    var lead = 0
                    if from > 0 {
                        shown = "…" + shown
                        lead = 1
                    }
                    if to < scalars.count { shown += "…" }
                    let number = String(l.line)
                    let gutter = String(repeating: " ", count: number.count)
                    out += " \(paint(number, "34")) | \(shown)\n"
                    let cells = lead + scalars[from..<max(from, column)].reduce(0) { $0 + Self.cellWidth($1) }
                    out += " \(gutter) | \(String(repeating: " ", count: cells))\(paint("^", d.severity == .error ? "1;31" : "1;33"))\n"
                }
            }
            if let help = d.help { out += "  \(paint("help:", "1;32")) \(Self.printable(help, keepNewlines: true))\n" }
            for note in d.notes {
                let at = "\(Self.printable(note.location.file)):\(note.location.line):\(note.location.column)"
                out += "  \(paint("note:", "1;36")) \(at): \(Self.printable(note.message))\n"
            }
        }
        out += Self.summary(diagnostics, fileCount: fileCount) + "\n"
        return out
    }

    /// `s` with control characters shown as their Unicode pictures (`␍`, `␛`; one cell each, so a caret
    /// under a source line stays put): a key or file name holding a line break or an escape sequence could
    /// otherwise print a forged finding or drive the terminal.
    static func printable(_ s: String, keepNewlines: Bool = false) -> String {
        guard s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepNewlines, 0x09: out.append(scalar)
            case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: out.append("\u{2421}")
            case 0x80..<0xA0: out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Most characters of a source line shown under a finding.
    static let maxShown = 160

    /// "2 errors, 1 warning in 40 files".
    public static func summary(_ diagnostics: [Diagnostic], fileCount: Int) -> String {
        let e = diagnostics.count(.error)
        let w = diagnostics.count(.warning)
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(e, "error")), \(plural(w, "warning")) in \(plural(fileCount, "file"))"
    }

    /// Terminal cells of a text (`cellWidth` summed), for aligning tables of CJK names.
    public static func cellWidth(of text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + cellWidth($1) } }

    /// Terminal cells of a scalar: 2 for East Asian wide and full-width characters and emoji, 0 for
    /// combining marks, joiners and variation selectors (they draw on the character before them).
    static func cellWidth(_ s: Unicode.Scalar) -> Int {
        if UTF8Scan.isEastAsianWide(s.value) { return 2 }
        switch s.value {
        case 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF: return 2
        case 0x200B...0x200F, 0xFE00...0xFE0F, 0xE0100...0xE01EF: return 0
        case 0..<0x300: return 1
        default:
            switch s.properties.generalCategory {
            case .nonspacingMark, .enclosingMark: return 0
            default: return s.properties.isEmojiPresentation ? 2 : 1
            }
        }
    }

    // MARK: machines

    func json(_ diagnostics: [Diagnostic]) -> String {
        let items: [[String: Any]] = diagnostics.map { d in
            var item: [String: Any] = [
                "file": d.location.file, "line": d.location.line, "column": d.location.column, "severity": d.severity.rawValue,
                "check": d.check, "message": d.message,
            ]
            if let help = d.help { item["help"] = help }
            if !d.notes.isEmpty {
                item["notes"] = d.notes.map {
                    ["file": $0.location.file, "line": $0.location.line, "column": $0.location.column, "message": $0.message]
                }
            }
            return item
        }
        let object: [String: Any] = ["diagnostics": items, "errors": diagnostics.count(.error), "warnings": diagnostics.count(.warning)]
        return Self.serialize(object) + "\n"
    }

    func github(_ diagnostics: [Diagnostic]) -> String {
        func escapeData(_ s: String) -> String {
            s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(
                of: "\n", with: "%0A")
        }
        func escapeProperty(_ s: String) -> String {
            escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        return diagnostics.map { d in
            let level = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice"
            // Annotations have no related locations: the notes (the rule table's line) go into the message.
            // guidegen's own line breaks (before a note or `help:`) are escaped below; control characters inside
            // the texts (a line break or escape sequence in a quoted key) are shown as pictures, as in text output,
            // so they cannot pass for guidegen's.
            let notes = d.notes.map {
                "\nnote: \($0.location.file):\($0.location.line):\($0.location.column): \(Self.printable($0.message))"
            }.joined()
            let message = Self.printable(d.message) + notes + (d.help.map { "\nhelp: \(Self.printable($0, keepNewlines: true))" } ?? "")
            return
                "::\(level) file=\(escapeProperty(d.location.file)),line=\(d.location.line),col=\(d.location.column),title=\(escapeProperty(d.check))::\(escapeData(message))"
        }.joined(separator: "\n") + (diagnostics.isEmpty ? "" : "\n")
    }

    func sarif(_ diagnostics: [Diagnostic]) -> String {
        let usedChecks = Array(Set(diagnostics.map(\.check))).sorted()
        let rules: [[String: Any]] = usedChecks.map { id in
            [
                // No helpUri: guidegen has no web site of its own; `guidegen checks` lists the ids.
                "id": id, "name": id, "shortDescription": ["text": CheckID(rawValue: id)?.summary ?? id],
            ]
        }
        let results: [[String: Any]] = diagnostics.map { d in
            var message = d.message
            if let help = d.help { message += " (help: \(help))" }
            var result: [String: Any] = [
                "ruleId": d.check,
                "ruleIndex": usedChecks.firstIndex(of: d.check) ?? 0,
                "level": d.severity == .error ? "error" : d.severity == .warning ? "warning" : "note",
                "message": ["text": message],
                "locations": [
                    [
                        "physicalLocation": [
                            "artifactLocation": Self.artifactLocation(d.location.file),
                            "region": ["startLine": d.location.line, "startColumn": d.location.column],
                        ]
                    ]
                ],
            ]
            if !d.notes.isEmpty {
                result["relatedLocations"] = d.notes.enumerated().map { i, n in
                    [
                        "id": i, "message": ["text": n.message],
                        "physicalLocation": [
                            "artifactLocation": Self.artifactLocation(n.location.file),
                            "region": ["startLine": n.location.line, "startColumn": n.location.column],
                        ],
                    ] as [String: Any]
                }
            }
            return result
        }
        let log: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                [
                    "tool": [
                        "driver": ["name": "guidegen", "version": toolVersion, "rules": rules]
                    ], "results": results, "columnKind": "unicodeCodePoints",
                ]
            ],
        ]
        return Self.serialize(log) + "\n"
    }

    /// A SARIF artifact location: a relative path as a URI reference against `SRCROOT`, an absolute one as a
    /// `file://` URI; either percent-encoded (spaces, `%`, CJK) as `uri-reference` requires.
    static func artifactLocation(_ path: String) -> [String: Any] {
        let encoded = PercentEncoding.encode(path, keeping: PercentEncoding.isUnreserved)
        if path.hasPrefix("/") { return ["uri": "file://" + encoded] }
        return ["uri": encoded, "uriBaseId": "SRCROOT"]
    }

    static func serialize(_ object: Any) -> String {
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
