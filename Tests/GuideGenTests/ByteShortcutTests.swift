import Foundation
import Testing

@testable import GuideGen

/// Byte-level rewrites made for speed give exactly what the plainer code they replaced gave: each test holds
/// the new code to a direct reading of the same rule (the replaced implementation, kept here) on many
/// random inputs built from the bytes that matter.
@Suite struct ByteShortcutTests {
    /// The segment-list reading of a source link that `SiteIndex.sourceLinkKey` replaced.
    static func referenceLinkKey(_ target: String, section: String, fromContentRoot: Bool, language: String, languages: [String]) -> (
        key: String, language: String
    )? {
        var segments = section.isEmpty || fromContentRoot ? [] : section.split(separator: "/").map(String.init)
        for part in target.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            if part.isEmpty || part == "." { continue }
            if part == ".." {
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            } else {
                segments.append(part)
            }
        }
        guard let file = segments.popLast(), file.hasSuffix(".md") else { return nil }
        var slug = String(file.dropLast(3))
        var language = language
        if let dot = slug.firstIndex(of: ".") {
            let suffix = String(slug[slug.index(after: dot)...])
            if languages.contains(suffix) {
                slug = String(slug[..<dot])
                language = suffix
            }
        }
        return ((segments + [slug]).joined(separator: "/"), language)
    }

    @Test func sourceLinkKeysMatchTheSegmentReading() {
        let config = TestSupport.config
        let index = SiteIndex(pages: [], config: config)
        var random = SeededRandom(seed: 7)
        let parts = ["..", ".", "", "returns", "退货", "a.b", "x.md", "x.en.md", "y.zh-Hans.md", "z.fr.md", ".md", "q.md.md", "en.md"]
        for _ in 0..<4000 {
            let section = (0..<random.below(3)).map { _ in random.pick(["returns", "售后", "a", "b.c"]) }.joined(separator: "/")
            let target = (0..<(1 + random.below(5))).map { _ in random.pick(parts) }.joined(separator: "/")
            let fromRoot = random.below(4) == 0
            let language = random.pick(["zh-Hans", "en"])
            var front = FrontMatter()
            front.title = "T"
            let page = PageSource(
                path: "p.md", section: section, slug: "p", language: language, text: "", body: "", bodyLine: 1, frontMatter: front)
            let got = index.sourceLinkKey(target, from: page, fromContentRoot: fromRoot)
            let want = Self.referenceLinkKey(
                target, section: section, fromContentRoot: fromRoot, language: language, languages: config.languages)
            #expect(got?.key == want?.key && got?.language == want?.language, "\(section) + \(target) (root: \(fromRoot))")
        }
    }

    /// Escaping eight bytes at a time finds every special byte wherever it sits in a word.
    @Test func escapingMatchesAByteByByteReading() {
        var random = SeededRandom(seed: 11)
        let pieces = ["a", "&", "<", ">", "\"", "'", "中", "é", " ", "x1", "&amp;", "\u{0}", "~"]
        for _ in 0..<3000 {
            let text = (0..<random.below(40)).map { _ in random.pick(pieces) }.joined()
            var want = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": want += "&amp;"
                case "<": want += "&lt;"
                case ">": want += "&gt;"
                case "\"": want += "&quot;"
                case "'": want += "&#39;"
                default: want.unicodeScalars.append(scalar)
                }
            }
            var out: [UInt8] = []
            HTML.appendEscaped(text, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == want, "\(text.debugDescription)")
            #expect(HTML.escape(text) == want)
        }
    }

    /// The `<`-by-`<` reading of heading markers that `insertHeadingIDs` replaced.
    static func referenceHeadingIDs(_ html: [UInt8], _ ids: [String]) -> [UInt8] {
        let marker: [UInt8] = Array("\u{E000}".utf8)
        var out: [UInt8] = []
        var index = 0
        var i = 0
        while i < html.count {
            if i + 4 + marker.count <= html.count, html[i] == 0x3C, html[i + 1] == 0x68, html[i + 2] >= 0x31, html[i + 2] <= 0x36,
                html[i + 3] == 0x3E, Array(html[(i + 4)..<(i + 7)]) == marker
            {
                let id = index < ids.count ? ids[index] : ""
                index += 1
                out += [0x3C, 0x68, html[i + 2]]
                if !id.isEmpty { out += " id=\"\(HTML.escape(id))\"".utf8 }
                out.append(0x3E)
                i += 7
                continue
            }
            out.append(html[i])
            i += 1
        }
        return out
    }

    @Test func headingIDsMatchTheTagByTagReading() {
        var random = SeededRandom(seed: 13)
        let pieces = [
            "<h2>\u{E000}", "<h1>\u{E000}", "<h7>\u{E000}", "<h3>", "\u{E000}", "<p>", "文", "</h2>\n", "<", "h2>", "\u{E001}", "x",
        ]
        for _ in 0..<3000 {
            let html = Array((0..<random.below(16)).map { _ in random.pick(pieces) }.joined().utf8)
            let ids = (0..<random.below(5)).map { _ in random.pick(["a", "", "退货-b", "x\"y", "q&r"]) }
            let got = html.withUnsafeBufferPointer { MarkdownRenderer.insertHeadingIDs($0, ids) }
            #expect(got == Self.referenceHeadingIDs(html, ids), "\(String(decoding: html, as: UTF8.self).debugDescription)")
        }
    }

    /// The reference body reading `RuleReference.parse` keeps: `rule` and three non-empty parts, or `table`
    /// and one, with spaces around.
    @Test func referencesParseAsTheWordsSay() {
        var random = SeededRandom(seed: 17)
        let pieces = ["rule", "table", " ", ".", "a", "退货", "b-c", "  ", "x.y", "..", "rules"]
        for _ in 0..<4000 {
            let body = (0..<random.below(8)).map { _ in random.pick(pieces) }.joined()
            let words = body.split(separator: " ").map(String.init)
            var want: RuleReference?
            if words.count == 2, !body.hasPrefix(" ") {
                let parts = words[1].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                if !parts.contains("") {
                    if words[0] == "rule", parts.count == 3 {
                        want = RuleReference(kind: .rule, table: parts[0], row: parts[1], column: parts[2])
                    } else if words[0] == "table", parts.count == 1 {
                        want = RuleReference(kind: .table, table: parts[0])
                    }
                }
            }
            #expect(RuleReference.parse(body) == want, "\(body.debugDescription)")
        }
    }

    /// Sentences end after each run of CJK terminators, however long the characters between them are
    /// (2-, 3- and 4-byte UTF-8: the splitter skips non-terminators by their lead byte).
    @Test func sentencesSplitAfterTerminatorsAcrossCharacterWidths() {
        var random = SeededRandom(seed: 19)
        let letters = ["售", "后", "é", "ß", "😀", "𠀋", "a", "期"]
        let terminators = ["。", "！", "？", "；", "｡"]
        for _ in 0..<2000 {
            var text = ""
            var expected: [Range<Int>] = []
            var start = 0
            for _ in 0..<(1 + random.below(5)) {
                let sentence = (0..<(1 + random.below(6))).map { _ in random.pick(letters) }.joined()
                let ending = (0..<random.below(3)).map { _ in random.pick(terminators) }.joined()
                text += sentence + ending
                if !ending.isEmpty {
                    expected.append(start..<text.utf8.count)
                    start = text.utf8.count
                }
            }
            if start < text.utf8.count { expected.append(start..<text.utf8.count) }
            #expect(SentenceSplitter.sentences(in: text) == expected, "\(text)")
        }
    }
}
