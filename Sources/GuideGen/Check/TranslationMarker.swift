/// Writes `translation_of: <hash>` into a page's front matter, keeping everything else byte for byte.
public enum TranslationMarker {
    /// The file text with the key replaced, or added before the closing `---`. `text` is the file as it is
    /// on disk: a byte-order mark and CRLF line endings stay, and the new line ends like its neighbours.
    public static func set(hash: String, in text: String) -> String {
        let bom = "\u{FEFF}"
        let hasBOM = text.unicodeScalars.first == "\u{FEFF}"
        let body = hasBOM ? String(text.unicodeScalars.dropFirst()) : text
        // Split on bytes: to `String`, "\r\n" is one character, not a line break after a CR.
        var lines = body.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) }
        /// A line without its CR, for comparisons.
        func bare(_ line: String) -> String { line.hasSuffix("\r") ? String(line.dropLast()) : line }
        guard let first = lines.first, bare(first).trimmingBlanks() == "---" else { return text }
        let ending = first.hasSuffix("\r") ? "\r" : ""
        var close = 1
        while close < lines.count, bare(lines[close]).trimmingBlanks() != "---" { close += 1 }
        guard close < lines.count else { return text }
        // A hash YAML would read as a number (`12345678`, `1234e567`) is quoted, so editors using
        // `guidegen schema` see text.
        let numeric = hash.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 || $0 == 0x65 } && hash.utf8.first != 0x65 && hash.utf8.last != 0x65
        let value = "translation_of: \(numeric ? "\"\(hash)\"" : hash)"
        if let existing = (1..<close).first(where: { lines[$0].hasPrefix("translation_of:") }) {
            // A comment after the old value stays after the new one.
            let old = lines[existing]
            lines[existing] = value + trailingComment(of: bare(old)) + (old.hasSuffix("\r") ? "\r" : "")
        } else {
            lines.insert(value + ending, at: close)
        }
        return (hasBOM ? bom : "") + lines.joined(separator: "\n")
    }

    /// The ` # comment` ending a `key: value` line (with the blanks before it), or "" when there is none. A
    /// `#` starts a comment only after a blank, and not inside a quoted value.
    static func trailingComment(of line: String) -> String {
        let bytes = Array(line.utf8)
        guard var i = bytes.firstIndex(of: 0x3A) else { return "" }
        i += 1
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        if i < bytes.count, bytes[i] == 0x22 || bytes[i] == 0x27 {
            // Past the closing quote (a doubled `''` or an escaped `\"` is part of the value).
            let quote = bytes[i]
            i += 1
            while i < bytes.count {
                if quote == 0x22, bytes[i] == 0x5C { i += 2; continue }
                if bytes[i] == quote {
                    if quote == 0x27, i + 1 < bytes.count, bytes[i + 1] == 0x27 { i += 2; continue }
                    i += 1
                    break
                }
                i += 1
            }
        }
        var j = i
        while j < bytes.count {
            if bytes[j] == 0x23, j > 0, bytes[j - 1] == 0x20 || bytes[j - 1] == 0x09 {
                var start = j
                while start > i, bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09 { start -= 1 }
                return String(decoding: bytes[start...], as: UTF8.self)
            }
            j += 1
        }
        return ""
    }
}
