/// Writes `translation_of: <hash>` into a page's front matter, keeping everything else byte for byte.
public enum TranslationMarker {
    /// The file text with the key replaced, or added before the closing `---`.
    public static func set(hash: String, in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first?.trimmingBlanks() == "---" else { return text }
        var close = 1
        while close < lines.count, lines[close].trimmingBlanks() != "---" { close += 1 }
        guard close < lines.count else { return text }
        if let existing = (1..<close).first(where: { lines[$0].hasPrefix("translation_of:") }) {
            lines[existing] = "translation_of: \(hash)"
        } else {
            lines.insert("translation_of: \(hash)", at: close)
        }
        return lines.joined(separator: "\n")
    }
}
