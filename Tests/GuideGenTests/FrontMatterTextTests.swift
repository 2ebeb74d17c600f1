import Foundation
import Testing

@testable import GuideGen

/// A page's `title` is its `<h1>` and its `summary` its description and card text: `{{rule}}` references
/// work in them and they are checked against the rule tables like any heading or paragraph.
@Suite struct FrontMatterTextTests {
    static let files: [String: String] = [
        "guidegen.yaml": "title: {zh-Hans: 指南, en: Guide}\nlanguages: [zh-Hans, en]\n",
        "rules/windows.yaml": TestSupport.windowTable(zh: "售后期", en: "after-sales period"),
    ]

    static func run(_ pages: [String: String], render: Bool = false) throws -> PipelineResult {
        let root = try TestSupport.site(files.merging(pages) { $1 })
        defer { try? FileManager.default.removeItem(at: root) }
        return Pipeline.run(PipelineOptions(content: root, templates: nil), render: render)
    }

    static func html(_ result: PipelineResult, _ path: String) -> String { String(decoding: result.files[path] ?? [], as: UTF8.self) }

    /// A section's home card carries its landing page's summary, else the landing page's opening text (the
    /// card of a landing page without `summary:` had no description beside cards that had one).
    @Test func aSectionCardDescribesTheSectionWithoutASummary() throws {
        let result = try Self.run(
            [
                "p/_index.zh-Hans.md": "---\ntitle: 退货\n---\n\n退货的一切。\n",
                "p/_index.en.md": "---\ntitle: Returns\nsummary: All of it.\n---\n\nText.\n",
                "p/a.zh-Hans.md": "---\ntitle: 甲\ntype: policy\n---\n\n正文。\n", "p/a.en.md": "---\ntitle: A\ntype: policy\n---\n\nText.\n",
            ], render: true)
        #expect(Self.html(result, "zh-Hans/index.html").contains("<p>退货的一切。</p>"))
        #expect(Self.html(result, "en/index.html").contains("<p>All of it.</p>"))
    }

    @Test func referencesInTitleAndSummaryShowTheirValuesEverywhere() throws {
        let result = try Self.run(
            [
                "p/a.zh-Hans.md":
                    "---\ntitle: 售后期{{rule windows.general.window}}\nsummary: \"售后期是{{rule windows.general.window}}。\"\ntype: policy\n---\n\n正文。\n",
                "p/a.en.md":
                    "---\ntitle: \"The after-sales period is {{rule windows.general.window}}\"\ntype: policy\n---\n\nText.\n",
            ], render: true)
        #expect(TestSupport.lines(result.diagnostics) == [])
        let zh = Self.html(result, "zh-Hans/p/a/index.html")
        // A value's number and unit are joined by a no-break space (U+00A0) wherever the value is shown.
        #expect(zh.contains("<h1>售后期 15\u{00A0}天</h1>"))
        #expect(zh.contains("<title>售后期 15\u{00A0}天 · 指南</title>"))
        #expect(zh.contains("<meta name=\"description\" content=\"售后期是 15\u{00A0}天。\">"))
        #expect(!zh.contains("{{rule"))
        // The section page's card and the English page read the value too.
        #expect(Self.html(result, "zh-Hans/p/index.html").contains("售后期 15\u{00A0}天"))
        #expect(Self.html(result, "en/p/a/index.html").contains("<h1>The after-sales period is 15\u{00A0}days</h1>"))
        // A translation's hash is of what was written, so a rule change does not outdate translations.
        let page = try #require(result.site.pages.first { $0.path == "p/a.zh-Hans.md" })
        #expect(page.frontMatter.writtenTitle == "售后期{{rule windows.general.window}}")
        var unexpanded = page
        unexpanded.frontMatter.title = page.frontMatter.writtenTitle!
        unexpanded.frontMatter.summary = page.frontMatter.writtenSummary
        unexpanded.frontMatter.writtenTitle = nil
        unexpanded.frontMatter.writtenSummary = nil
        #expect(TranslationHash.of(page) == TranslationHash.of(unexpanded))
    }

    @Test func titleAndSummaryAreClaimsAndReferencesAreChecked() throws {
        let result = try Self.run([
            "p/a.zh-Hans.md": "---\ntitle: 售后期为7天\nsummary: \"售后期是 15 天。\"\ntype: policy\n---\n\n正文。\n",
            "p/a.en.md":
                "---\ntitle: Windows {{rule windows.general.windw}}\nsummary: The after-sales period is 8 days.\ntype: policy\n---\n\nText.\n",
        ])
        let found = result.diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.check)" }
        #expect(
            found == [
                "p/a.en.md:2:16 unknown-rule",
                "p/a.en.md:3:36 claim-contradicts-rule",
                "p/a.zh-Hans.md:2:12 claim-contradicts-rule",
                "p/a.zh-Hans.md:3:16 hard-coded-rule-value",
            ])
        #expect(result.diagnostics.first?.help?.contains("`window`") == true)
    }
}
