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
        var out = ""
        var used = 0
        var pendingSpace = false
        var lastSpace: String.Index?
        for scalar in text.unicodeScalars {
            if UTF8Scan.isWhitespace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            let width = scalar.value >= 0x2E80 ? 2 : 1
            // A line break between two CJK characters is no space (`协商，\n再申请` reads 协商，再申请).
            if pendingSpace, width == 2, let last = out.unicodeScalars.last, last.value >= 0x2E80 { pendingSpace = false }
            if used + width + (pendingSpace ? 1 : 0) > budget - 1 {
                // Cut at the last space when it keeps most of the text, so a word is not split.
                if let lastSpace, out.distance(from: lastSpace, to: out.endIndex) < 30 { out = String(out[..<lastSpace]) }
                while let last = out.unicodeScalars.last, ",;:，、；：".unicodeScalars.contains(last) { out.unicodeScalars.removeLast() }
                return out + "…"
            }
            if pendingSpace {
                lastSpace = out.endIndex
                out.unicodeScalars.append(" ")
                used += 1
                pendingSpace = false
            }
            out.unicodeScalars.append(scalar)
            used += width
        }
        return out
    }
}
