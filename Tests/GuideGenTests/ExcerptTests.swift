import Foundation
import Testing

@testable import GuideGen

/// Every page gets a meta description: its summary, else the opening of its first paragraph; list pages
/// without text are described by what they list.
@Suite struct ExcerptTests {
    @Test func longTextIsCutAtAWordAndCJKCountsDouble() {
        #expect(Excerpt.shortened("  Short\n  text.  ") == "Short text.")
        let english = Excerpt.shortened(String(repeating: "word ", count: 60))
        #expect(english.hasSuffix("word…") && english.count <= Excerpt.budget)
        let chinese = Excerpt.shortened(String(repeating: "售后", count: 100))
        #expect(chinese.count == Excerpt.budget / 2 && chinese.hasSuffix("…"))
        #expect(Excerpt.shortened(String(repeating: "一二三，", count: 40)).hasSuffix("三…"))
    }

    @Test func aPageWithoutSummaryIsDescribedByItsFirstParagraph() throws {
        let root = try TestSupport.site([
            "guidegen.yaml": "title: {zh-Hans: 指南, en: Guide}\nlanguages: [zh-Hans, en]\n",
            "returns/refund.zh-Hans.md": "---\ntitle: 退款\ntype: policy\n---\n## 何时\n\n先和卖家**协商**，\n再申请售后。\n",
            "returns/refund.en.md": "---\ntitle: Refunds\ntype: policy\nsummary: How refunds work.\n---\nText.\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Pipeline.run(PipelineOptions(content: root, templates: nil), render: true)
        func description(_ path: String) -> String? {
            let html = String(decoding: result.files[path] ?? [], as: UTF8.self)
            guard let start = html.range(of: "<meta name=\"description\" content=\"") else { return nil }
            return String(html[start.upperBound...].prefix { $0 != "\"" })
        }
        #expect(description("zh-Hans/returns/refund/index.html") == "先和卖家协商，再申请售后。")
        #expect(description("en/returns/refund/index.html") == "How refunds work.")
        #expect(description("en/returns/index.html") == "Returns: Refunds")
        #expect(description("zh-Hans/index.html") == "指南：Returns")
    }
}
