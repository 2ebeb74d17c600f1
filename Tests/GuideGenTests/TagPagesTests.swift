import Foundation
import Testing

@testable import GuideGen

/// A page's `tags:` are a taxonomy per language, as Hugo's are in a multilingual site: each language's tags
/// get pages listing the pages of that language that carry them, and a page listing them all.
@Suite struct TagPagesTests {
    static func page(_ title: String, tags: String, order: Int, draft: Bool = false) -> String {
        "---\ntitle: \(title)\ntype: policy\ntags: \(tags)\norder: \(order)\(draft ? "\ndraft: true" : "")\n---\nText.\n"
    }

    static func build(_ extra: [String: String] = [:]) throws -> PipelineResult {
        var files = ["guidegen.yaml": "title: {zh-Hans: 指南, en: Guide}\nlanguages: [zh-Hans, en]\n"]
        files["returns/refund.zh-Hans.md"] = page("退款", tags: "[退款, 运费险]", order: 2)
        // `Refunds` and `refunds` are one tag (one URL); the first spelling in reading order names it.
        files["returns/refund.en.md"] = page("Refunds", tags: "[refunds, Refunds, iPhone]", order: 2)
        files["returns/exchange.zh-Hans.md"] = page("换货", tags: "[退款, iPhone]", order: 1)
        files["returns/exchange.en.md"] = page("Exchanges", tags: "[Refunds, \"!!!\"]", order: 1)
        files["returns/old.en.md"] = page("Old", tags: "[refunds, retired]", order: 3, draft: true)
        for (path, text) in extra { files[path] = text }
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        return Pipeline.run(PipelineOptions(content: root, templates: nil), render: true)
    }

    @Test func eachLanguageHasPagesForItsOwnTags() throws {
        let result = try Self.build()
        // A tag of punctuation only has nothing to name a URL by, and `Refunds` after `refunds` is one tag:
        // both are warnings, left out of the page.
        #expect(
            TestSupport.lines(result.diagnostics).filter { !$0.contains("missing-translation") } == [
                "4:17 warning[wrong-type] the tag `!!!` has no letter or digit to name its page by; it is left out | write the tag as a word",
                "4:17 warning[wrong-type] the tag `Refunds` repeats an earlier one; it is shown once | remove it",
            ])
        // No page for `!!!` nor for the draft's `retired`.
        #expect(
            result.files.keys.filter { $0.contains("/tags/") }.sorted() == [
                "en/tags/index.html", "en/tags/iphone/index.html", "en/tags/refunds/index.html", "zh-Hans/tags/index.html",
                "zh-Hans/tags/iphone/index.html", "zh-Hans/tags/运费险/index.html", "zh-Hans/tags/退款/index.html",
            ])
        let refunds = try PlatformPagesTests.text(result, "en/tags/refunds/index.html")
        #expect(
            PlatformPagesTests.cards(refunds) == [
                "../../../en/returns/exchange/index.html Exchanges", "../../../en/returns/refund/index.html Refunds",
            ])
        #expect(refunds.contains("<h1>Refunds</h1>"))
        let list = try PlatformPagesTests.text(result, "zh-Hans/tags/index.html")
        #expect(
            PlatformPagesTests.cards(list) == [
                // Code-point order, the same on every machine: 运 (U+8FD0) before 退 (U+9000).
                "../../zh-Hans/tags/iphone/index.html iPhone", "../../zh-Hans/tags/运费险/index.html 运费险",
                "../../zh-Hans/tags/退款/index.html 退款",
            ])
        #expect(list.contains(#"<span class="card__kind">2 篇</span>"#))
    }

    @Test func aPageLinksItsTagsAndTheSwitcherFindsTheOtherLanguage() throws {
        let result = try Self.build()
        let exchange = try PlatformPagesTests.text(result, "en/returns/exchange/index.html")
        #expect(exchange.contains(#"<a class="tag" href="../../../en/tags/refunds/index.html">Refunds</a>"#))
        #expect(!exchange.contains("!!!"))
        let refundPage = try PlatformPagesTests.text(result, "en/returns/refund/index.html")
        #expect(refundPage.components(separatedBy: "tags/refunds/index.html").count == 2, "one chip for refunds and Refunds")
        // A tag both languages use is its own translation; elsewhere the switcher leads to the tag list.
        let iphone = try PlatformPagesTests.text(result, "en/tags/iphone/index.html")
        #expect(iphone.contains(#"<a href="../../../zh-Hans/tags/iphone/index.html" hreflang="zh-Hans""#))
        #expect(iphone.contains(#"<link rel="alternate" hreflang="zh-Hans" href="../../../zh-Hans/tags/iphone/index.html">"#))
        let refund = try PlatformPagesTests.text(result, "zh-Hans/tags/退款/index.html")
        #expect(refund.contains(#"<a href="../../../en/tags/index.html" hreflang="en""#))
        #expect(!refund.contains(#"hreflang="en" href="#))
        let sitemap = try PlatformPagesTests.text(result, "sitemap.xml")
        #expect(sitemap.contains("<loc>zh-Hans/tags/%E8%BF%90%E8%B4%B9%E9%99%A9/</loc>"))
        #expect(sitemap.contains("<loc>en/tags/</loc>"))
        // Every link of every tag page leads to a file the build wrote.
        var checked = 0
        for (path, bytes) in result.files where path.contains("/tags/") {
            let html = String(decoding: bytes, as: UTF8.self)
            for match in html.matches(of: /href="(\.\.\/[^"#]*)"/) {
                let target = URL(fileURLWithPath: "/" + path).deletingLastPathComponent().appendingPathComponent(String(match.output.1))
                let resolved = String(target.standardized.path.dropFirst()).removingPercentEncoding ?? ""
                #expect(result.files[resolved] != nil, "\(path) links to \(match.output.1)")
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    /// A page missing in English is shown there as its Chinese copy with its Chinese tags; each tag links to an
    /// English tag page that lists the copy (it led to a list without the page, or to nowhere).
    @Test func aFallbackCopyIsListedUnderTheTagsItShows() throws {
        let result = try Self.build(["returns/only.zh-Hans.md": Self.page("仅中文", tags: "[退款, 新标签]", order: 4)])
        let newTag = try PlatformPagesTests.text(result, "en/tags/新标签/index.html")
        #expect(PlatformPagesTests.cards(newTag) == ["../../../en/returns/only/index.html 仅中文"])
        // Its title is marked as the Chinese it is, on an English page.
        #expect(newTag.contains(#"<span class="card__title" lang="zh-Hans">仅中文</span>"#))
        let copy = try PlatformPagesTests.text(result, "en/returns/only/index.html")
        #expect(copy.contains(#"href="../../../en/tags/新标签/index.html""#))
        #expect(copy.contains(#"href="../../../en/tags/退款/index.html""#))
        #expect(
            try PlatformPagesTests.cards(PlatformPagesTests.text(result, "en/tags/退款/index.html")).contains(
                "../../../en/returns/only/index.html 仅中文"))
    }

    @Test func aSectionCalledTagsKeepsItsURL() throws {
        let result = try Self.build(["tags/list.zh-Hans.md": Self.page("标签", tags: "[x]", order: 1)])
        #expect(result.files["zh-Hans/tags/list/index.html"] != nil)
        #expect(result.files["zh-Hans/tags/x/index.html"] == nil)
        let exchange = try PlatformPagesTests.text(result, "zh-Hans/returns/exchange/index.html")
        #expect(exchange.contains(#"<span class="tag">退款</span>"#))
    }
}

/// Each language lists its pages by its own `order`, then its own titles, as Hugo sorts each language: the
/// English list followed the Chinese titles and ignored an `order` set only in English.
@Suite struct LanguageOrderTests {
    @Test func eachLanguageSortsByItsOwnOrderAndTitles() throws {
        func page(_ title: String, _ extra: String = "") -> String { "---\ntitle: \(title)\ntype: policy\ntags: [t]\n\(extra)---\nText.\n" }
        let files = [
            "guidegen.yaml": "title: {zh-Hans: 指南, en: Guide}\nlanguages: [zh-Hans, en]\n",
            "s/zebra.zh-Hans.md": page("无序页"), "s/zebra.en.md": page("Zebra unordered"),
            "s/damaged.zh-Hans.md": page("破损商品"), "s/damaged.en.md": page("Damaged goods"),
            "s/first.zh-Hans.md": page("退款"), "s/first.en.md": page("Refunds", "order: 1\n"),
        ]
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Pipeline.run(PipelineOptions(content: root, templates: nil), render: true)
        #expect(!result.diagnostics.hasErrors)
        let en = try PlatformPagesTests.text(result, "en/s/index.html")
        #expect(
            PlatformPagesTests.cards(en).map { String($0.split(separator: " ", maxSplits: 1)[1]) } == [
                "Refunds", "Damaged goods", "Zebra unordered",
            ])
        let zh = try PlatformPagesTests.text(result, "zh-Hans/s/index.html")
        #expect(PlatformPagesTests.cards(zh).map { String($0.split(separator: " ", maxSplits: 1)[1]) } == ["无序页", "破损商品", "退款"])
        // The tag page, and previous / next, follow the same order.
        let tag = try PlatformPagesTests.text(result, "en/tags/t/index.html")
        #expect(
            PlatformPagesTests.cards(tag).map { String($0.split(separator: " ", maxSplits: 1)[1]) } == [
                "Refunds", "Damaged goods", "Zebra unordered",
            ])
        let damaged = try PlatformPagesTests.text(result, "en/s/damaged/index.html")
        #expect(damaged.contains("Refunds</a>") && damaged.contains("Zebra unordered</a>"))
        let pager = String(damaged[damaged.range(of: "class=\"pager\"")!.lowerBound...].prefix(600))
        #expect(pager.range(of: "Refunds")!.lowerBound < pager.range(of: "Zebra unordered")!.lowerBound)
        let refunds = try PlatformPagesTests.text(result, "en/s/first/index.html")
        #expect(!refunds.contains("pager__prev"))
    }
}
