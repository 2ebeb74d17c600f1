import Foundation
import GuideGen

/// Invariant checks for the fuzz targets: a failed check prints its name and aborts, which libFuzzer
/// reports as a crash and saves the input for.
///
/// `FUZZ_ALLOW=name,name` skips the named checks, so a known finding that is not fixed yet does not
/// stop a local run from exploring further. CI (run.sh) never sets it.
public enum Invariant {
    /// Check names listed in `FUZZ_ALLOW`.
    private static let allowed: Set<String> = {
        let raw = ProcessInfo.processInfo.environment["FUZZ_ALLOW"] ?? ""
        return Set(raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }()

    /// `FUZZ_DUMP=1`: targets print what they computed (to describe a finding).
    public static let dump = ProcessInfo.processInfo.environment["FUZZ_DUMP"] == "1"

    /// Writes a line to stderr (unbuffered, so it survives an abort).
    public static func log(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Aborts with `name` and `message` unless `condition` holds or `name` is allowed.
    @inline(__always)
    public static func require(_ condition: Bool, _ name: String, _ message: @autoclosure () -> String) {
        if condition || allowed.contains(name) { return }
        fail(name, message())
    }

    /// Prints the failed check and aborts.
    public static func fail(_ name: String, _ message: String) -> Never {
        let shown = message.count > 400 ? message.prefix(400) + "…" : Substring(message)
        FileHandle.standardError.write(Data("\n==guidegen-fuzz== invariant `\(name)` failed: \(shown)\n".utf8))
        abort()
    }

    /// Byte ranges that lie inside `bytes`, are non-empty, ascend without overlapping and, when
    /// `aligned`, start and end on UTF-8 scalar boundaries.
    public static func ranges(_ ranges: [Range<Int>], in bytes: [UInt8], name: String, aligned: Bool = true) {
        var previousEnd = 0
        for (index, range) in ranges.enumerated() {
            require(range.lowerBound >= 0 && range.upperBound <= bytes.count, name + "-bounds", "range \(index) \(range) outside 0..<\(bytes.count)")
            require(!range.isEmpty, name + "-empty", "range \(index) \(range) is empty")
            require(range.lowerBound >= previousEnd, name + "-order", "range \(index) \(range) starts before the previous one ends at \(previousEnd)")
            if aligned {
                require(isBoundary(bytes, range.lowerBound) && isBoundary(bytes, range.upperBound), name + "-alignment", "range \(index) \(range) splits a UTF-8 sequence")
            }
            previousEnd = range.upperBound
        }
    }

    /// Whether `offset` is the start of a scalar (or the end) in valid UTF-8 `bytes`.
    public static func isBoundary(_ bytes: [UInt8], _ offset: Int) -> Bool {
        offset <= 0 || offset >= bytes.count || bytes[offset] & 0xC0 != 0x80
    }

    /// Every diagnostic (and note) about a file in `sources` points at a line of that file and at most one
    /// column past its last character; every diagnostic has a message. Also renders them as the CLI does.
    public static func diagnostics(_ diagnostics: [Diagnostic], sources: [String: String]) {
        var lineTables: [String: [Int]] = [:]
        func check(_ location: SourceLocation, what: String) {
            require(location.line >= 1 && location.column >= 1, "diagnostic-position", "\(what) at \(location.line):\(location.column)")
            guard let text = sources[location.file] else { return }
            let lines = lineTables[location.file] ?? text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.unicodeScalars.count }
            lineTables[location.file] = lines
            require(location.line <= lines.count, "diagnostic-position", "\(what) at line \(location.line) of a \(lines.count)-line file")
            guard location.line <= lines.count else { return }
            let length = lines[location.line - 1]
            require(location.column <= length + 1, "diagnostic-position", "\(what) at \(location.line):\(location.column) on a line of \(length) characters")
        }
        for d in diagnostics {
            require(!d.message.isEmpty, "diagnostic-message", "empty message for [\(d.check)]")
            check(d.location, what: "[\(d.check)] \(d.message)")
            for note in d.notes { check(note.location, what: "note of [\(d.check)]") }
        }
        for format in [DiagnosticPrinter.Format.text, .sarif] {
            let printed = DiagnosticPrinter(format: format, colour: false, sources: sources, toolVersion: "fuzz").render(diagnostics, fileCount: sources.count)
            require(!printed.isEmpty, "diagnostic-printer", "\(format) output is empty")
        }
    }

    /// No element that runs script: `<script`, and no `href`/`src`/`xlink:href` a browser would run.
    /// Scans bytes once: Foundation's `range(of:)` on a long substring would make this quadratic.
    public static func noScript(_ html: String, name: String) {
        let b = Array(html.utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let script = Array("<script".utf8)
        let attributes = [" href=\"", " src=\"", ":href=\""].map { Array($0.utf8) }
        var i = 0
        while i < b.count {
            if b[i] == 0x3C, b[i...].starts(with: script) { fail(name + "-script-tag", "output contains `<script` at byte \(i)") }
            if b[i] == 0x20 || b[i] == 0x3A, let attribute = attributes.first(where: { b[i...].starts(with: $0) }) {
                let start = i + attribute.count
                var end = start
                while end < b.count, b[end] != 0x22 { end += 1 }
                // What a browser would see: entities decoded, tabs and line breaks dropped, leading blanks trimmed.
                var url = String(decoding: b[start..<end], as: UTF8.self).replacingOccurrences(of: "&amp;", with: "&")
                    .replacingOccurrences(of: "&#x3a;", with: ":").replacingOccurrences(of: "&colon;", with: ":")
                url.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
                url = String(url.drop { $0.unicodeScalars.first!.value <= 0x20 })
                require(!URLSafety.isDangerous(url), name + "-dangerous-url", "output links to `\(url.prefix(60))`")
                i = end
                continue
            }
            i += 1
        }
    }
}

/// Fixed site settings the targets validate against: the shipped site's languages and platforms.
public enum FuzzSite {
    /// Read through `ConfigValidator` because `SiteConfig.Platform` has no public initializer.
    public static let config: SiteConfig = {
        let yaml = """
            title: {zh-Hans: 网购售后指南, en: Online Shopping After-Sales Guide}
            languages: [zh-Hans, en]
            platforms:
              taobao:    {zh-Hans: 淘宝, en: Taobao}
              tmall:     {zh-Hans: 天猫, en: Tmall}
              jd:        {zh-Hans: 京东, en: JD.com}
              pinduoduo: {zh-Hans: 拼多多, en: Pinduoduo}

            """
        let (config, diagnostics) = ConfigValidator.validate(SourceText(path: "guidegen.yaml", text: yaml))
        if !diagnostics.isEmpty || config.platforms.count != 4 { Invariant.fail("fuzz-setup", "the fixed guidegen.yaml did not validate: \(diagnostics)") }
        return config
    }()
}

extension UnsafePointer where Pointee == UInt8 {
    /// The fuzz input as bytes.
    public func bytes(_ count: Int) -> [UInt8] { Array(UnsafeBufferPointer(start: self, count: count)) }
    /// The fuzz input as `SourceText.decode` hands it to every later stage (no BOM, CR or NUL), or nil when
    /// the pipeline would refuse the file.
    public func decodedText(_ count: Int) -> String? {
        guard case .success(let source) = SourceText.decode(bytes(count), path: "fuzz") else { return nil }
        return source.text
    }
}
