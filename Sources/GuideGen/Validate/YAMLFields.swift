/// Typed reading of YAML nodes with positioned diagnostics, shared by every validator.
struct YAMLFields {
    let file: String
    /// Added to Yams' 1-based lines (front matter starts below the `---` line).
    let lineOffset: Int
    var diagnostics: [Diagnostic] = []

    /// Lines of the YAML text: libyaml may put a mark on the line after the last (an empty document).
    let lineCount: Int

    init(file: String, firstLine: Int = 1, text: String) {
        self.file = file
        self.lineOffset = firstLine - 1
        // Counted over the text's own buffer: `utf8.reduce` walks the view's iterator byte by byte.
        let newlines = UTF8Scan.withBytes(text) { bytes in bytes.reduce(0) { $0 &+ ($1 == 0x0A ? 1 : 0) } }
        self.lineCount = max(1, text.hasSuffix("\n") ? newlines : newlines + 1)
    }

    /// Location of a node (or of the file start when Yams gives none).
    func location(_ node: YAMLNode?) -> SourceLocation {
        let line = node?.mark.line ?? 1
        if line > lineCount { return SourceLocation(file: file, line: lineCount + lineOffset, column: 1) }
        return SourceLocation(file: file, line: line + lineOffset, column: node?.mark.column ?? 1)
    }

    mutating func error(_ check: CheckID, _ node: YAMLNode?, _ message: String, help: String? = nil) {
        diagnostics.append(Diagnostic(.error, check, at: location(node), message, help: help))
    }

    mutating func warning(_ check: CheckID, _ node: YAMLNode?, _ message: String, help: String? = nil) {
        diagnostics.append(Diagnostic(.warning, check, at: location(node), message, help: help))
    }

    /// Key/value pairs of a mapping with string keys, or an error naming what it is instead.
    mutating func pairs(_ node: YAMLNode, what: String) -> [(key: String, keyNode: YAMLNode, value: YAMLNode)]? {
        guard case .mapping(let mapping, _) = node else {
            error(.wrongType, node, "\(what) must be a mapping of keys to values, not \(node.kindName)")
            return nil
        }
        var out: [(String, YAMLNode, YAMLNode)] = []
        for pair in mapping {
            let (k, v) = (pair.key, pair.value)
            guard let key = k.scalarText else {
                error(.wrongType, k, "keys in \(what) must be plain text")
                continue
            }
            out.append((key, k, v))
        }
        return out
    }

    /// A non-empty string scalar.
    mutating func string(_ node: YAMLNode, key: String) -> String? {
        guard case .scalar(let s) = node else {
            error(.wrongType, node, "`\(key)` must be text, not \(node.kindName)")
            return nil
        }
        if s.string.isEmpty || (s.isPlain && s.string == "~") || (s.isPlain && s.string == "null") {
            error(.wrongType, node, "`\(key)` is empty", help: "give `\(key)` a value or remove the key")
            return nil
        }
        // Only spaces (`title: "   "`) would publish an empty heading and a link nobody can see.
        if ByteSearch.trimmed(s.string, newlines: true).isEmpty {
            error(.wrongType, node, "`\(key)` holds only white space", help: "give `\(key)` a value or remove the key")
            return nil
        }
        // A quoted escape (`"T\u0000"`) gets past the file's own NUL check and would be written into the HTML.
        if let control = Self.controlCharacter(in: s.string) {
            let hex = String(control, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: 4 - hex.count) + hex
            error(
                .wrongType, node, "`\(key)` holds the control character \(code)",
                help: "remove it (a quoted `\\x`, `\\u` or `\\0` escape writes one); only tabs and line breaks are allowed")
            return nil
        }
        return s.string
    }

    /// The first C0 or C1 control character in `text` other than tab, line feed and carriage return.
    static func controlCharacter(in text: String) -> UInt32? {
        UTF8Scan.withBytes(text) { b in
            var i = 0
            while i < b.count {
                let c = b[i]
                if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D { return UInt32(c) }
                if c == 0x7F { return 0x7F }
                if c == 0xC2, i + 1 < b.count, b[i + 1] >= 0x80, b[i + 1] <= 0x9F { return UInt32(b[i + 1]) }
                i += 1
            }
            return nil
        }
    }

    /// A string scalar that YAML reads as text: `title: 123` or `title: true` is a number or a boolean to
    /// YAML (and to editors using `guidegen schema`), so it must be quoted to be a title.
    mutating func text(_ node: YAMLNode, key: String, listItem: Bool = false) -> String? {
        if case .scalar(let s) = node, s.isPlain, let kind = Self.nonTextKind(s.string) {
            let quoted = listItem ? "\"\(s.string)\"" : "\(key): \"\(s.string)\""
            error(
                .wrongType, node, "`\(key)` must be text; YAML reads `\(s.string)` as \(kind)", help: "quote it: `\(quoted)`")
            return nil
        }
        return string(node, key: key)
    }

    /// "a number", "a boolean" or "null" when YAML 1.2's core schema (what editors using `guidegen schema`
    /// read) resolves plain scalar `s` to one: `1e3`, `0x1A`, `0o17`, `.inf`, `.NaN`, `NULL` included.
    static func nonTextKind(_ s: String) -> String? {
        switch s {
        case "true", "True", "TRUE", "false", "False", "FALSE": return "a boolean"
        case "null", "Null", "NULL", "~": return "null (no value)"
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN": return "a number"
        default: break
        }
        let all = Array(s.utf8)
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        // 0o17, 0x1A (unsigned in the core schema).
        if all.count > 2, all[0] == 0x30, all[1] == 0x6F {
            return all.dropFirst(2).allSatisfy { $0 >= 0x30 && $0 <= 0x37 } ? "a number" : nil
        }
        if all.count > 2, all[0] == 0x30, all[1] == 0x78 {
            return all.dropFirst(2).allSatisfy { isDigit($0) || (0x61...0x66).contains($0 | 0x20) } ? "a number" : nil
        }
        // [-+]? ( . digits | digits ( . digits? )? ) ( [eE] [-+]? digits )?
        var i = 0
        if i < all.count, all[i] == 0x2B || all[i] == 0x2D { i += 1 }
        var mantissa = 0
        while i < all.count, isDigit(all[i]) {
            i += 1
            mantissa += 1
        }
        if i < all.count, all[i] == 0x2E {
            i += 1
            while i < all.count, isDigit(all[i]) {
                i += 1
                mantissa += 1
            }
        }
        guard mantissa > 0 else { return nil }
        if i < all.count, all[i] | 0x20 == 0x65 {
            i += 1
            if i < all.count, all[i] == 0x2B || all[i] == 0x2D { i += 1 }
            let exponentStart = i
            while i < all.count, isDigit(all[i]) { i += 1 }
            guard i > exponentStart else { return nil }
        }
        return i == all.count ? "a number" : nil
    }

    /// The help for a quoted scalar that would have been right unquoted (`order: "3"`, `draft: "true"`).
    static func quotedHelp(_ node: YAMLNode, key: String, valid: (String) -> Bool) -> (what: String, help: String)? {
        guard case .scalar(let s) = node, !s.isPlain, valid(s.string) else { return nil }
        return ("the quoted text `\"\(s.string)\"`", "remove the quotes: `\(key): \(s.string)`")
    }

    mutating func integer(_ node: YAMLNode, key: String) -> Int? {
        if case .scalar(let s) = node, s.isPlain, let v = Int(s.string) { return v }
        if let quoted = Self.quotedHelp(node, key: key, valid: { Int($0) != nil }) {
            error(.wrongType, node, "`\(key)` must be a whole number, not \(quoted.what)", help: quoted.help)
            return nil
        }
        error(
            .wrongType, node, "`\(key)` must be a whole number, not `\(node.scalarText ?? node.kindName)`",
            help: "write a number such as `\(key): 10`")
        return nil
    }

    mutating func boolean(_ node: YAMLNode, key: String) -> Bool? {
        if case .scalar(let s) = node, s.isPlain {
            switch s.string {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        if let quoted = Self.quotedHelp(node, key: key, valid: { ["true", "false"].contains($0.lowercased()) }) {
            error(.wrongType, node, "`\(key)` must be `true` or `false`, not \(quoted.what)", help: quoted.help)
            return nil
        }
        error(.wrongType, node, "`\(key)` must be `true` or `false`, not `\(node.scalarText ?? node.kindName)`")
        return nil
    }

    /// A real calendar date written `YYYY-MM-DD`.
    mutating func date(_ node: YAMLNode, key: String) -> String? {
        guard case .scalar(let s) = node else {
            error(.badDate, node, "`\(key)` must be a date `YYYY-MM-DD`, not \(node.kindName)")
            return nil
        }
        if Self.isValidDate(s.string) { return s.string }
        if let missing = Self.missingDay(s.string) {
            error(
                .badDate, node, "`\(key)`: `\(s.string)` is not a day of the calendar (\(missing))", help: "write e.g. `\(key): 2026-11-20`"
            )
            return nil
        }
        error(.badDate, node, "`\(key)`: `\(s.string)` is not a date in the form YYYY-MM-DD", help: "write e.g. `\(key): 2026-11-20`")
        return nil
    }

    /// Why a date in the form YYYY-MM-DD names no day (`2026-02-30`: "February 2026 has 28 days"); nil when
    /// it is not in that form, or is a day.
    static func missingDay(_ s: String) -> String? {
        guard let (y, m, d) = dateFields(s), !isValidDate(s) else { return nil }
        guard (1...12).contains(m) else { return "there is no month \(m)" }
        guard d >= 1 else { return "days start at 01" }
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        ]
        return "\(months[m - 1]) \(y) has \(daysIn(month: m, of: y)) days"
    }

    static func isValidDate(_ s: String) -> Bool {
        guard let (y, m, d) = dateFields(s), (1...12).contains(m), d >= 1 else { return false }
        return d <= daysIn(month: m, of: y)
    }

    /// Year, month and day of text written `YYYY-MM-DD` (digits and dashes only, whatever their values).
    private static func dateFields(_ s: String) -> (year: Int, month: Int, day: Int)? {
        let b = Array(s.utf8)
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
        for i in [0, 1, 2, 3, 5, 6, 8, 9] where !(0x30...0x39).contains(b[i]) { return nil }
        func num(_ r: Range<Int>) -> Int { r.reduce(0) { $0 * 10 + Int(b[$1] - 0x30) } }
        return (num(0..<4), num(5..<7), num(8..<10))
    }

    private static func daysIn(month m: Int, of y: Int) -> Int {
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    }

    /// A list of strings; with `single`, a single string is accepted as a one-item list (rule terms and
    /// `languages`); front matter lists must be lists, as its JSON Schema says.
    /// With `text`, items YAML reads as numbers or booleans are errors (see `text(_:key:)`).
    mutating func stringList(_ node: YAMLNode, key: String, single: Bool = true, text: Bool = false) -> [(String, YAMLNode)]? {
        switch node {
        case .scalar(let scalar):
            guard single else {
                let item = scalar.isPlain ? scalar.string : "\"\(scalar.string)\""
                error(.wrongType, node, "`\(key)` must be a list, not a single value", help: "write `\(key): [\(item)]`")
                return nil
            }
            if let s = string(node, key: key) { return [(s, node)] }
            return nil
        case .sequence(let seq, _):
            var out: [(String, YAMLNode)] = []
            for item in seq {
                if let s = text ? self.text(item, key: key, listItem: true) : string(item, key: key) { out.append((s, item)) }
            }
            return out
        default:
            error(.wrongType, node, "`\(key)` must be a list of text, not \(node.kindName)", help: "write `\(key): [a, b]`")
            return nil
        }
    }

    /// Where a scalar's text starts in the file: past an opening quote, or on the line after a block
    /// scalar's `|` or `>`, at its indentation. `yaml` is the text the marks count in.
    func textStart(_ scalar: YAMLScalar, in yaml: String) -> SourceLocation {
        var location = location(.scalar(scalar))
        guard !scalar.isPlain else { return location }
        // Bytes: this runs for every quoted title, and `split` on a String walks Characters.
        return UTF8Scan.withBytes(yaml) { b in
            var lineStart = 0
            var line = 1
            while line < scalar.mark.line, let newline = ByteSearch.find(0x0A, in: b, from: lineStart) {
                lineStart = newline + 1
                line += 1
            }
            guard line == scalar.mark.line else { return location }
            // The mark's column counts scalars: skip that many lead bytes.
            var i = lineStart
            var column = 1
            while column < scalar.mark.column, i < b.count, b[i] != 0x0A {
                i += 1
                while i < b.count, b[i] & 0xC0 == 0x80 { i += 1 }
                column += 1
            }
            guard i < b.count else { return location }
            switch b[i] {
            case 0x22, 0x27:  // " '
                location.column += 1
            case 0x7C, 0x3E:  // | >
                guard let newline = ByteSearch.find(0x0A, in: b, from: i) else { break }
                var indent = 0
                while newline + 1 + indent < b.count, b[newline + 1 + indent] == 0x20 { indent += 1 }
                location.line += 1
                location.column = indent + 1
            default: break
            }
            return location
        }
    }

    /// A map of language tag to text. The first (default) language must be there; a missing other language
    /// is a `missing-translation` warning and shows the default language's text, so adding a language to
    /// `languages:` changes nothing else until its texts are written (authoring contract, section 1).
    mutating func localized(_ node: YAMLNode, key: String, languages: [String]) -> Localized? {
        if case .scalar = node, languages.count == 1, let s = string(node, key: key) { return Localized([languages[0]: s]) }
        // One text for a site of several languages (`title: 网购售后指南`, as a Hugo site writes it) is the
        // default language's: the others show it, and each is a missing translation, as for a map without them.
        if case .scalar(let scalar) = node, languages.count > 1, !scalar.string.isEmpty, let s = string(node, key: key) {
            for lang in languages.dropFirst() {
                diagnostics.append(
                    Diagnostic(
                        .warning, .missingTranslation, at: location(node),
                        "`\(key)` is one text, taken as \(languages[0]); \(lang) readers see it too",
                        help:
                            "write it per language: `\(key.split(separator: ".").last ?? Substring(key)): {\(languages.map { "\($0): …" }.joined(separator: ", "))}`"
                    ))
            }
            return Localized([languages[0]: s])
        }
        guard let pairs = pairs(node, what: "`\(key)`") else { return nil }
        var values: [String: String] = [:]
        for (lang, keyNode, value) in pairs {
            guard languages.contains(lang) else {
                error(
                    .wrongType, keyNode, "`\(key)`: `\(lang)` is not a configured language",
                    help: Suggestion.help(for: lang, in: languages, noun: "languages"))
                continue
            }
            if let s = string(value, key: "\(key).\(lang)") { values[lang] = s }
        }
        for (position, lang) in languages.enumerated() where values[lang] == nil && !pairs.contains(where: { $0.key == lang }) {
            if position == 0 {
                error(.missingKey, node, "`\(key)` has no `\(lang)` text", help: "add `\(lang): …`")
            } else {
                diagnostics.append(
                    Diagnostic(
                        .warning, .missingTranslation, at: location(node),
                        "`\(key)` has no `\(lang)` text; \(lang) readers see the \(languages[0]) text", help: "add `\(lang): …`"))
            }
        }
        return Localized(values)
    }
}
