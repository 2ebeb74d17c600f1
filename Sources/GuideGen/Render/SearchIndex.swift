/// The offline search index: one script per language, `<lang>/search-index.js`, which the theme's
/// `search.js` loads when a reader first uses the search box.
///
/// A script rather than JSON because `fetch` cannot read files from `file://`, and the site must work
/// from there; a `<script>` element can. The search itself runs in the browser over substrings (CJK text
/// has no spaces to split words at), so the index holds text, not tokens: each page's title, section,
/// description, headings and the opening of its text (`bodyBudget`), so a large site's index stays a few
/// megabytes per language.
enum SearchIndex {
    /// One indexed page or list page.
    struct Entry {
        var title: String
        /// Site-root-relative URL (`en/returns/refund/index.html`, or `en/returns/refund/` with `base_url`).
        var url: String
        var section: String
        var description: String
        var headings: [String]
        var body: String
    }

    /// How much of each page's text is indexed, in UTF-8 bytes: 4 KB (about 1,300 CJK characters or 700
    /// English words) on a site of up to 500 pages per language, less on a larger one so that a language's
    /// index stays about 2 MB of text (the reader's browser loads it whole), never under 256 bytes.
    static func bodyBudget(pagesPerLanguage pages: Int) -> Int {
        max(256, min(4096, 2_000_000 / max(pages, 1)))
    }

    /// A page's searchable text: its paragraphs, table cells and flow labels (headings are indexed on their
    /// own), whitespace runs as single spaces, cut at `budget` bytes on a character boundary.
    static func bodyText(from prose: [ProseBlock], budget: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(budget)
        for block in prose where block.kind != .heading {
            let more = block.utf8.withUnsafeBufferPointer { appendCollapsed($0, to: &out, budget: budget) }
            if !more { break }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `bytes` (one block) after a space, with each whitespace run inside as one space (none between
    /// CJK characters); false once `out` holds `budget` bytes. Runs
    /// between spaces are copied whole, and only a lead byte that can start a non-ASCII space is decoded.
    static func appendCollapsed(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], budget: Int) -> Bool {
        var runStart = 0
        var i = 0
        var appendedHere = false
        while i <= bytes.count {
            var spaceLength = 0
            if i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    if b == 0x20 || (b >= 0x09 && b <= 0x0D) { spaceLength = 1 }
                } else if b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3 {
                    let (scalar, length) = UTF8Scan.scalar(bytes, at: i)
                    if UTF8Scan.isWhitespace(scalar) { spaceLength = length }
                }
                if spaceLength == 0 {
                    i += 1
                    continue
                }
            }
            if runStart < i {
                // Blocks are kept apart by a space; inside a block, a line break between two CJK characters is
                // none (`退货\n运费` must still match 退货运费), as `Excerpt` reads it too.
                let joined = appendedHere && UTF8Scan.endsWide(out) && UTF8Scan.scalar(bytes, at: runStart).scalar.value >= 0x2E80
                let separator = out.isEmpty || joined ? 0 : 1
                if out.count + separator + (i - runStart) > budget {
                    var end = runStart + max(0, budget - out.count - separator)
                    while end > runStart, bytes[end] & 0xC0 == 0x80 { end -= 1 }  // not inside a character
                    if end > runStart {
                        if separator == 1 { out.append(0x20) }
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end]))
                    }
                    return false
                }
                if separator == 1 { out.append(0x20) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                appendedHere = true
            }
            i += max(spaceLength, 1)
            runStart = i
        }
        return out.count < budget
    }

    /// The script for one language: `window.guidegenSearchIndex = [[title, url, section, description,
    /// headings, body], …];`, strings escaped so no text can end the script or a line of it.
    static func script(_ entries: [Entry], language: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entries.reduce(256) { $0 + $1.body.utf8.count + $1.description.utf8.count + 200 })
        out += "/* guidegen search index: ".utf8
        out += language.utf8.filter { $0 != 0x2A && $0 != 0x2F }
        out += ", \(entries.count) pages */\nwindow.guidegenSearchIndex = [\n".utf8
        for (n, entry) in entries.enumerated() {
            if n > 0 { out += ",\n".utf8 }
            out.append(0x5B)
            for (i, field) in [entry.title, entry.url, entry.section, entry.description].enumerated() {
                if i > 0 { out.append(0x2C) }
                FAQSchema.appendQuoted(field, to: &out)
            }
            out.append(0x2C)
            // Headings as one string: the browser only searches and shows them, never one by one.
            FAQSchema.appendQuoted(entry.headings.joined(separator: " · "), to: &out)
            out.append(0x2C)
            FAQSchema.appendQuoted(entry.body, to: &out)
            out.append(0x5D)
        }
        out += "\n];\n".utf8
        return out
    }

    /// Where a language's index is written.
    static func path(language: String) -> String { "\(language)/search-index.js" }
}
