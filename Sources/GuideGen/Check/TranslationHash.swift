/// The short hash a translation's `translation_of` records: FNV-1a over the page's title, summary and body.
public enum TranslationHash {
    /// Whether a recorded hash names `current`: hex digits ignore case, as git's do.
    public static func matches(_ recorded: String, _ current: String) -> Bool {
        recorded == current || recorded.lowercased() == current
    }

    /// Whether `text` has the form of a hash (8 hex digits, either case).
    public static func isHash(_ text: String) -> Bool {
        text.utf8.count == 8 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0 | 0x20) }
    }

    /// 8 lowercase hex digits; trailing spaces and blank lines at the end do not change it.
    public static func of(_ page: PageSource) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        /// A field's bytes, then 0xFF (never a UTF-8 byte) so that fields cannot run into each other.
        func feed(_ s: String) {
            for b in s.utf8 { mix(b) }
            mix(0xFF)
        }
        feed(page.frontMatter.writtenTitle ?? page.frontMatter.title)
        feed(page.frontMatter.writtenSummary ?? page.frontMatter.summary ?? "")
        // Lines end at "\n" but not at "\r\n" (one Character, which the hash has always kept inside a line);
        // each line loses its trailing spaces and tabs, and the blank lines at the end are left out. Bytes, not
        // Characters: this runs over every page's body.
        UTF8Scan.withBytes(page.body) { b in
            var lines: [Range<Int>] = []
            var start = 0
            func close(_ end: Int) {
                var last = end
                while last > start, b[last - 1] == 0x20 || b[last - 1] == 0x09 { last -= 1 }
                lines.append(start..<last)
            }
            for i in 0..<b.count where b[i] == 0x0A && (i == 0 || b[i - 1] != 0x0D) {
                close(i)
                start = i + 1
            }
            close(b.count)
            var count = lines.count
            while count > 0, lines[count - 1].isEmpty { count -= 1 }
            for (n, line) in lines[..<count].enumerated() {
                if n > 0 { mix(0x0A) }
                for i in line { mix(b[i]) }
            }
        }
        mix(0xFF)
        let folded = UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
        let hex = String(folded, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
