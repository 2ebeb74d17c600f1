/// Descriptions for pages that have no `summary`: search engines show a page's meta description under
/// its title, and without one they pick any text of the page (menus, notices).
enum Excerpt {
    /// How long a description may be, in Latin letters; a CJK character counts as two (search results
    /// cut Chinese descriptions at about half the characters of English ones).
    static let budget = 160

    /// The opening of the first paragraph of `prose` (not a heading, table cell or flow label).
    static func make(from prose: [ProseBlock]) -> String {
        for block in prose where block.kind == .paragraph {
            let text = shortened(block.text)
            if !text.isEmpty { return text }
        }
        return ""
    }

    /// A list page's description: its title and the first items' titles ("Returns: Refunds, Postage, …").
    static func list(_ title: String, items: [String], strings: UIStrings) -> String {
        guard !items.isEmpty else { return title }
        let listed = items.prefix(12).joined(separator: strings.listSeparator)
        return shortened(title + strings.colon + listed + (items.count > 12 ? strings.listSeparator + "…" : ""))
    }

    /// `text` with its whitespace runs as single spaces (none between CJK characters), cut within `budget` (at a space in Latin text)
    /// and ended with "…" when cut.
    static func shortened(_ text: String) -> String {
        UTF8Scan.withBytes(text) { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(min(bytes.count, budget * 2))
            var used = 0
            var pendingSpace = false
            var lastSpace: Int?  // byte offset in `out`
            var lastWasWide = false
            var i = 0
            while i < bytes.count {
                let (scalar, length) = UTF8Scan.scalar(bytes, at: i)
                defer { i += length }
                if UTF8Scan.isWhitespace(scalar) {
                    pendingSpace = !out.isEmpty
                    continue
                }
                let wide = scalar.value >= 0x2E80
                // A line break between two CJK characters is no space (`协商，\n再申请` reads 协商，再申请).
                if pendingSpace, wide, lastWasWide { pendingSpace = false }
                if used + (wide ? 2 : 1) + (pendingSpace ? 1 : 0) > budget - 1 {
                    // Cut at the last space when it keeps most of the text, so a word is not split.
                    if let lastSpace, out.count - lastSpace < 30 { out.removeSubrange(lastSpace...) }
                    while let last = out.withUnsafeBufferPointer({ UTF8Scan.scalar($0, before: $0.count) }),
                        trailingPunctuation.contains(last.scalar)
                    {
                        out.removeSubrange(last.start...)
                    }
                    return String(decoding: out, as: UTF8.self) + "…"
                }
                if pendingSpace {
                    lastSpace = out.count
                    out.append(0x20)
                    used += 1
                    pendingSpace = false
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
                used += wide ? 2 : 1
                lastWasWide = wide
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Not left at the end of a cut description.
    private static let trailingPunctuation = Set(",;:，、；：".unicodeScalars)
}
