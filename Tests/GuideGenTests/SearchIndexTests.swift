import Foundation
import Testing

@testable import GuideGen

/// The offline search index: one script per language, the text it holds, and the box that loads it.
@Suite struct SearchIndexTests {
    static let config = """
        title: {zh-Hans: 指南, en: Guide}
        languages: [zh-Hans, en]

        """

    static func build(_ files: [String: String], config: String = Self.config) throws -> PipelineResult {
        var all = files
        all["guidegen.yaml"] = config
        let root = try TestSupport.site(all)
        defer { try? FileManager.default.removeItem(at: root) }
        return Pipeline.run(PipelineOptions(content: root, templates: nil), render: true)
    }

    static func text(_ result: PipelineResult, _ path: String) throws -> String {
        String(decoding: try #require(result.files[path], "\(path) was not written"), as: UTF8.self)
    }

    /// The index's entries, read back as the browser does (the script is JSON after its `=`).
    static func entries(_ script: String) throws -> [[String]] {
        let json = try #require(script.split(separator: "=", maxSplits: 1).last).trimmingCharacters(in: .whitespacesAndNewlines)
        let array = String(json.dropLast())  // the `;`
        return try #require(try JSONSerialization.jsonObject(with: Data(array.utf8)) as? [[String]])
    }

    static let pages = [
        "returns/refund.zh-Hans.md": "---\ntitle: 退款\ntype: policy\nsummary: 退款多久到账。\norder: 2\n---\n## 到账时间\n\n原路退回，  一般\n三天内到账。\n",
        "returns/refund.en.md":
            "---\ntitle: Refunds\ntype: policy\norder: 2\n---\n## When it arrives\n\nMoney goes back\nthe way it came.\n",
        "returns/exchange.zh-Hans.md": "---\ntitle: 换货\ntype: article\norder: 1\n---\n换一件新的。\n",
    ]

    @Test func eachLanguageGetsAnIndexOfItsPagesInReadingOrder() throws {
        let result = try Self.build(Self.pages)
        #expect(TestSupport.lines(result.diagnostics).map { $0.prefix(32) } == ["1:1 warning[missing-translation]"])
        let zh = try Self.entries(try Self.text(result, "zh-Hans/search-index.js"))
        #expect(zh.map { $0[0] } == ["换货", "退款"])
        #expect(zh[1] == ["退款", "zh-Hans/returns/refund/index.html", "Returns", "退款多久到账。", "到账时间", "原路退回，一般三天内到账。"])
        let en = try Self.entries(try Self.text(result, "en/search-index.js"))
        // The missing translation is served in Chinese at its English URL, and found there.
        #expect(en.map { $0[1] } == ["en/returns/exchange/index.html", "en/returns/refund/index.html"])
        #expect(en[0] == ["换货", "en/returns/exchange/index.html", "Returns", "换一件新的。", "", "换一件新的。"])
        #expect(en[1][5] == "Money goes back the way it came.")
        #expect(en[1][3] == "Money goes back the way it came.", "no summary: the description is the opening text")
    }

    @Test func pagesLoadTheirLanguagesIndexThroughTheSearchBox() throws {
        let result = try Self.build(Self.pages)
        let html = try Self.text(result, "en/returns/refund/index.html")
        #expect(html.contains(#"<form class="search" role="search" hidden data-index="../../../en/search-index.js" data-root="../../../""#))
        #expect(html.contains(#"<script src="../../../theme/search.js" defer></script>"#))
        #expect(html.contains(#"placeholder="Search the guide""#))
        #expect(try Self.text(result, "zh-Hans/index.html").contains(#"placeholder="搜索本指南""#))
        #expect(result.files["theme/search.js"] != nil)
    }

    @Test func prettyURLsInTheIndexWithABaseURL() throws {
        let result = try Self.build(Self.pages, config: Self.config + "base_url: https://example.org/guide/\n")
        let zh = try Self.entries(try Self.text(result, "zh-Hans/search-index.js"))
        #expect(zh.map { $0[1] } == ["zh-Hans/returns/exchange/", "zh-Hans/returns/refund/"])
    }

    @Test func searchFalseWritesNoIndexAndNoBox() throws {
        let result = try Self.build(Self.pages, config: Self.config + "search: false\n")
        #expect(result.files.keys.filter { $0.hasSuffix("search-index.js") }.isEmpty)
        #expect(!(try Self.text(result, "en/returns/refund/index.html")).contains("search"))
    }

    @Test func searchMustBeABoolean() throws {
        let result = try Self.build(Self.pages, config: Self.config + "search: sometimes\n")
        #expect(
            TestSupport.lines(result.diagnostics.filter { $0.location.file == "guidegen.yaml" }) == [
                "3:9 error[wrong-type] `search` must be `true` or `false`, not `sometimes`"
            ])
        #expect(result.files.isEmpty)
    }

    @Test func noTextCanEndTheScriptOrALineOfIt() throws {
        let entry = SearchIndex.Entry(
            title: "a</script><script>alert(1)</script>", url: "en/x/index.html", section: "\"quoted\" \\ back",
            description: "line\u{2028}separator\u{2029}and\nnewline", headings: ["<h>", "&"], body: "body")
        let script = String(decoding: SearchIndex.script([entry], language: "en*/"), as: UTF8.self)
        #expect(!script.contains("</script"))
        #expect(!script.contains("\u{2028}") && !script.contains("\u{2029}"))
        #expect(script.hasPrefix("/* guidegen search index: en, 1 pages */\n"))
        let back = try Self.entries(script)
        #expect(back == [[entry.title, entry.url, entry.section, entry.description, "<h> · &", "body"]])
    }

    @Test func bodyTextSkipsHeadingsCollapsesSpaceAndStopsAtTheBudget() {
        func block(_ kind: ProseBlock.Kind, _ text: String) -> ProseBlock { ProseBlock(kind: kind, text: text, anchors: []) }
        #expect(
            SearchIndex.bodyText(
                from: [block(.heading, "Title"), block(.paragraph, "  one\n\ttwo\u{3000}三\u{A0}"), block(.tableCell, "\u{2003}四")],
                budget: 100) == "one two 三 四")
        // A line break inside Chinese text is no space; between Chinese and Latin text it is one.
        #expect(
            SearchIndex.bodyText(from: [block(.paragraph, "退货 运费\n由 Taobao 定"), block(.paragraph, "。下一段")], budget: 100)
                == "退货运费由 Taobao 定 。下一段")
        // Three-byte characters never split at the cut, and text after the budget is not read.
        let cut = SearchIndex.bodyText(
            from: [block(.paragraph, String(repeating: "退", count: 100)), block(.paragraph, "later")], budget: 50)
        #expect(cut == String(repeating: "退", count: 16))
        #expect(SearchIndex.bodyText(from: [block(.paragraph, "ab cd"), block(.paragraph, "ef")], budget: 5) == "ab cd")
        #expect(SearchIndex.bodyText(from: [block(.paragraph, "ab cd"), block(.paragraph, "ef")], budget: 7) == "ab cd e")
        #expect(SearchIndex.bodyText(from: [block(.paragraph, "ab cd"), block(.paragraph, "ef")], budget: 6) == "ab cd")
    }

    @Test func largeSitesIndexLessOfEachPage() {
        #expect(SearchIndex.bodyBudget(pagesPerLanguage: 30) == 4096)
        #expect(SearchIndex.bodyBudget(pagesPerLanguage: 5000) == 400)
        #expect(SearchIndex.bodyBudget(pagesPerLanguage: 1_000_000) == 256)
        #expect(SearchIndex.bodyBudget(pagesPerLanguage: 0) == 4096)
    }
}
