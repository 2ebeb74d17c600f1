/// The short hash a translation's `translation_of` records: FNV-1a over the page's title, summary and body.
public enum TranslationHash {
    /// 8 lowercase hex digits; trailing spaces and blank lines at the end do not change it.
    public static func of(_ page: PageSource) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func feed(_ s: String) {
            for b in s.utf8 {
                hash ^= UInt64(b)
                hash = hash &* 0x100_0000_01b3
            }
            hash ^= 0xFF
            hash = hash &* 0x100_0000_01b3
        }
        feed(page.frontMatter.title)
        feed(page.frontMatter.summary ?? "")
        let lines = page.body.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var l = line
            while let last = l.last, last == " " || last == "\t" { l = l.dropLast() }
            return l
        }
        var end = lines.count
        while end > 0, lines[end - 1].isEmpty { end -= 1 }
        feed(lines[..<end].joined(separator: "\n"))
        let folded = UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
        let hex = String(folded, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
