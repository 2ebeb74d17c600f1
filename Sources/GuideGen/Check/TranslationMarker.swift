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
        let line = "translation_of: \(numeric ? "\"\(hash)\"" : hash)" + ending
        if let existing = (1..<close).first(where: { lines[$0].hasPrefix("translation_of:") }) {
            lines[existing] = line
        } else {
            lines.insert(line, at: close)
        }
        return (hasBOM ? bom : "") + lines.joined(separator: "\n")
    }
}
