import Foundation
import Testing

@testable import GuideGen

/// Links written to source files become the right URLs, whichever way an author writes them.
@Suite struct LinkResolutionTests {
    static let config = "title: {zh-Hans: 指南, en: Guide}\nlanguages: [zh-Hans, en]\n"

    static func page(_ title: String, _ body: String = "Text.") -> String { "---\ntitle: \(title)\ntype: article\n---\n\(body)\n" }

    /// Every `href` and `src` in the body of a rendered page, in order.
    static func targets(_ html: String) -> [String] {
        let body = html.components(separatedBy: "<div class=\"prose\">").last?.components(separatedBy: "</div>").first ?? ""
        var out: [String] = []
        var rest = body[...]
        while let range = rest.range(of: #"(href|src)="[^"]*""#, options: .regularExpression) {
            out.append(String(rest[range].split(separator: "\"")[1]))
            rest = rest[range.upperBound...]
        }
        return out
    }

    /// A `{{rule}}` in an autolink's URL is reported where the URL is written: cmark gives a `<https://…>`
    /// autolink no position, which had put the error at its paragraph's first column.
    @Test func aReferenceInAnAutolinkIsReportedWhereItIsWritten() throws {
        let body =
            "Some text.\nSee www.example.com/{{rule t.general.window}} and\n  <https://example.com/{{rule t.general.window}}>, 退货 <https://example.org/{{rule t.general.window}}>.\n"
        let root = try TestSupport.site([
            "guidegen.yaml": Self.config, "rules/t.yaml": TestSupport.windowTable(zh: "售后期", en: "after-sales window"),
            "p/a.en.md": Self.page("A", body), "p/a.zh-Hans.md": Self.page("甲"),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let found = Pipeline.run(PipelineOptions(content: root, templates: nil), render: false).diagnostics
            .filter { $0.check == CheckID.unknownRule.rawValue }.map { "\($0.location.line):\($0.location.column)" }
        #expect(found == ["6:5", "7:4", "7:56"])
    }

    @Test func relativeContentRootAndSectionLinksResolve() throws {
        let links =
            "[a](../returns/_index.en.md) [b](../returns/_index.md) [c](../returns/refund.md#fees) [d](./other.md) "
            + "[e](other.zh-Hans.md) [f](/returns/refund.md) [g](https://example.com/x.md) [h](#here) ![i](/assets/pic.png) "
            + "![j](../assets/pic.png) [k](../assets/pic.png?download=1#p2) ![Press <Enter> to zoom](../assets/pic.png?v=2)"
        var files = ["guidegen.yaml": Self.config, "assets/pic.png": "PNG"]
        for lang in ["zh-Hans", "en"] {
            files["returns/_index.\(lang).md"] = Self.page("Returns")
            files["returns/refund.\(lang).md"] = Self.page("Refund", "## Fees\n\nText.")
            files["faq/other.\(lang).md"] = Self.page("Other")
            files["faq/links.\(lang).md"] = Self.page("Links", links + "\n\n## Here")
        }
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Pipeline.run(PipelineOptions(content: root, templates: nil), render: true)
        #expect(TestSupport.lines(result.diagnostics) == [])
        let html = String(decoding: try #require(result.files["en/faq/links/index.html"]), as: UTF8.self)
        #expect(
            Self.targets(html) == [
                "../../../en/returns/index.html", "../../../en/returns/index.html", "../../../en/returns/refund/index.html#fees",
                "../../../en/faq/other/index.html", "../../../zh-Hans/faq/other/index.html", "../../../en/returns/refund/index.html",
                "https://example.com/x.md", "#here", "../../../assets/pic.png", "../../../assets/pic.png",
                "../../../assets/pic.png?download=1#p2", "../../../assets/pic.png?v=2",
            ])
        // Markup in an image's description is alt text, read as written (as cmark-gfm's safe mode gives it).
        #expect(html.contains(#"alt="Press &lt;Enter&gt; to zoom""#))
    }

    /// A slug in Chinese (or any script) is a page like any other: its output folder keeps the name, links to
    /// it resolve however they are written, and URLs percent-encode it.
    @Test func aChineseSlugIsAPageAndLinksToItResolve() throws {
        var files = ["guidegen.yaml": Self.config + "base_url: https://example.org/\n"]
        for lang in ["zh-Hans", "en"] {
            files["退货/退货政策.\(lang).md"] = Self.page("Policy \(lang)")
            files["faq/links.\(lang).md"] = Self.page("Links", "[a](../退货/退货政策.md) [b](/退货/退货政策.zh-Hans.md)")
        }
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Pipeline.run(PipelineOptions(content: root, templates: nil), render: true)
        #expect(TestSupport.lines(result.diagnostics) == [])
        #expect(result.files["en/退货/退货政策/index.html"] != nil)
        let html = String(decoding: try #require(result.files["en/faq/links/index.html"]), as: UTF8.self)
        let encoded = "%E9%80%80%E8%B4%A7/%E9%80%80%E8%B4%A7%E6%94%BF%E7%AD%96/"
        #expect(Self.targets(html) == ["../../../en/\(encoded)", "../../../zh-Hans/\(encoded)"])
        let sitemap = String(decoding: try #require(result.files["sitemap.xml"]), as: UTF8.self)
        #expect(sitemap.contains("<loc>https://example.org/en/\(encoded)</loc>"))
    }

    /// A page directly in content/ is listed on the home page, in the sitemap and in reading order.
    @Test func aPageAtTheContentRootIsLinked() throws {
        var files = ["guidegen.yaml": Self.config]
        for lang in ["zh-Hans", "en"] {
            files["about.\(lang).md"] = Self.page("About")
            files["s/x.\(lang).md"] = Self.page("X")
        }
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Pipeline.run(PipelineOptions(content: root, templates: nil), render: true)
        let home = String(decoding: try #require(result.files["en/index.html"]), as: UTF8.self)
        #expect(home.contains("<ul class=\"home__pages\"><li><a href=\"../en/about/index.html\">About</a></li></ul>"))
        let sitemap = String(decoding: try #require(result.files["sitemap.xml"]), as: UTF8.self)
        #expect(sitemap.contains("<loc>en/about/</loc>"))
        let about = String(decoding: try #require(result.files["en/about/index.html"]), as: UTF8.self)
        #expect(about.contains("../../en/s/x/index.html"))
    }

    /// Output paths become URLs: a space or `%` in a folder name is percent-encoded in links, and the sitemap
    /// and canonical URLs encode non-ASCII too; the files keep their names.
    @Test func folderNamesArePercentEncodedInURLs() throws {
        var files = ["guidegen.yaml": Self.config]
        for lang in ["zh-Hans", "en"] {
            files["my guides/x.\(lang).md"] = Self.page("X")
            files["退货/y.\(lang).md"] = Self.page("Y", "[x](../my%20guides/x.md)")
        }
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        var options = PipelineOptions(content: root, templates: nil)
        let result = Pipeline.run(options, render: true)
        #expect(TestSupport.lines(result.diagnostics) == [])
        let y = String(decoding: try #require(result.files["en/退货/y/index.html"]), as: UTF8.self)
        #expect(Self.targets(y) == ["../../../en/my%20guides/x/index.html"])
        options.baseURL = "https://example.org/"
        let pretty = Pipeline.run(options, render: true).files
        let sitemap = String(decoding: try #require(pretty["sitemap.xml"]), as: UTF8.self)
        #expect(sitemap.contains("<loc>https://example.org/en/my%20guides/x/</loc>"))
        #expect(sitemap.contains("<loc>https://example.org/en/%E9%80%80%E8%B4%A7/y/</loc>"))
        let page = String(decoding: try #require(pretty["en/退货/y/index.html"]), as: UTF8.self)
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/en/%E9%80%80%E8%B4%A7/y/\">"))
    }

    /// A page in a nested folder has its top section and each nested `_index` page in its breadcrumbs.
    @Test func nestedSectionsAreStepsOfTheBreadcrumbs() throws {
        var files = ["guidegen.yaml": Self.config]
        for lang in ["zh-Hans", "en"] {
            files["a/_index.\(lang).md"] = Self.page("Section A")
            files["a/b/_index.\(lang).md"] = Self.page("Part B")
            files["a/b/page.\(lang).md"] = Self.page("Nested page")
        }
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Pipeline.run(PipelineOptions(content: root, templates: nil), render: true)
        let page = String(decoding: try #require(result.files["en/a/b/page/index.html"]), as: UTF8.self)
        let trail = page.components(separatedBy: "class=\"breadcrumbs\"").last?.components(separatedBy: "</nav>").first ?? ""
        #expect(trail.contains("Section A"))
        #expect(trail.contains("<a href=\"../../../../en/a/b/index.html\">Part B</a>"))
    }

    /// A misspelt link suggests the closest page as a link from this page; a link to a draft says so.
    @Test func brokenLinksSuggestThePageOrExplainTheDraft() throws {
        var files = ["guidegen.yaml": Self.config]
        for lang in ["zh-Hans", "en"] {
            files["p/x.\(lang).md"] = Self.page("X")
            files["p/d.\(lang).md"] = "---\ntitle: D\ntype: article\ndraft: true\n---\nDraft.\n"
            files["returns/refund.\(lang).md"] = Self.page("Refund")
            files["p/links.\(lang).md"] = Self.page("Links", "[a](./xx.md) [b](../returns/refnd.md) [c](./refund.md) [d](./d.md)")
        }
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let diagnostics = Pipeline.run(PipelineOptions(content: root, templates: nil), render: false).diagnostics
        #expect(
            TestSupport.lines(diagnostics.filter { $0.location.file == "p/links.en.md" }) == [
                "5:1 error[broken-link] link to `./xx.md`, which is not a page of this site | did you mean `x.md`?",
                "5:14 error[broken-link] link to `../returns/refnd.md`, which is not a page of this site | did you mean `../returns/refund.md`?",
                "5:39 error[broken-link] link to `./refund.md`, which is not a page of this site | did you mean `../returns/refund.md`?",
                "5:56 error[broken-link] link to `./d.md`, a draft (`draft: true`) that this build leaves out | publish the page (remove `draft: true`), or build with `--drafts` to preview both",
            ])
    }

    /// A link to a page left out by its file's own errors (here invalid UTF-8, which is not decoded) points
    /// at those errors instead of suggesting another page.
    @Test func aLinkToAPageWhoseFileHasErrorsSaysSo() throws {
        var files = ["guidegen.yaml": Self.config]
        for lang in ["zh-Hans", "en"] { files["p/links.\(lang).md"] = Self.page("Links", "[a](./bad.md)") }
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        for lang in ["zh-Hans", "en"] {
            try Data(Array("---\ntitle: Bad\ntype: article\n---\nNo ".utf8) + [0xFF] + Array(" title.\n".utf8))
                .write(to: root.appendingPathComponent("p/bad.\(lang).md"))
        }
        let diagnostics = Pipeline.run(PipelineOptions(content: root, templates: nil), render: false).diagnostics
        #expect(
            TestSupport.lines(diagnostics.filter { $0.location.file == "p/links.en.md" }) == [
                "5:1 error[broken-link] link to `./bad.md`, a page left out because its file `p/bad.en.md` has errors | fix the errors reported for `p/bad.en.md`; the link works again once the page builds"
            ])
    }

    /// A page shown in place of a missing translation links to pages in the reader's language; a link that
    /// names its language keeps it.
    @Test func aFallbackCopyLinksToTheReadersLanguage() throws {
        var files = ["guidegen.yaml": Self.config, "p/only.zh-Hans.md": Self.page("只有中文", "[页](./x.md) [根](/p/x.md) [中文](./x.zh-Hans.md)")]
        for lang in ["zh-Hans", "en"] { files["p/x.\(lang).md"] = Self.page("X") }
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Pipeline.run(PipelineOptions(content: root, templates: nil), render: true)
        let english = String(decoding: try #require(result.files["en/p/only/index.html"]), as: UTF8.self)
        #expect(Self.targets(english) == ["../../../en/p/x/index.html", "../../../en/p/x/index.html", "../../../zh-Hans/p/x/index.html"])
        let chinese = String(decoding: try #require(result.files["zh-Hans/p/only/index.html"]), as: UTF8.self)
        #expect(
            Self.targets(chinese) == [
                "../../../zh-Hans/p/x/index.html", "../../../zh-Hans/p/x/index.html", "../../../zh-Hans/p/x/index.html",
            ])
    }

    /// A fallback copy's link to a heading leads to the same heading in the reader's language (ids differ:
    /// `#运费`, `#postage`); a link that names its language, and a heading the other version lacks, do not.
    @Test func aFallbackCopysHeadingLinksFollowTheHeading() throws {
        let root = try TestSupport.site([
            "guidegen.yaml": Self.config,
            "p/only.zh-Hans.md": Self.page("只有中文", "[运费](./x.md#运费) [退货](x.md#%E9%80%80%E8%B4%A7) [中文](./x.zh-Hans.md#运费) [尾](x.md#尾注)"),
            "p/x.zh-Hans.md": Self.page("X", "## 运费\n\n## 退货\n\n## 尾注\n"),
            "p/x.en.md": Self.page("X", "## Postage\n\n## Returns\n"),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Pipeline.run(PipelineOptions(content: root, templates: nil), render: true)
        #expect(result.diagnostics.filter { $0.check == CheckID.brokenAnchor.rawValue }.isEmpty)
        let english = String(decoding: try #require(result.files["en/p/only/index.html"]), as: UTF8.self)
        #expect(
            Self.targets(english) == [
                "../../../en/p/x/index.html#postage", "../../../en/p/x/index.html#returns",
                "../../../zh-Hans/p/x/index.html#%E8%BF%90%E8%B4%B9", "../../../en/p/x/index.html",
            ])
        let chinese = String(decoding: try #require(result.files["zh-Hans/p/only/index.html"]), as: UTF8.self)
        #expect(Self.targets(chinese).first == "../../../zh-Hans/p/x/index.html#%E8%BF%90%E8%B4%B9")
    }

    /// An output URL instead of a source file is an error that says what to write instead; a path leaving
    /// the content folder from its root is never resolved; `//host/…` is a network URL and left alone.
    @Test func outputURLsAndEscapesFromTheRootAreErrors() throws {
        var files = ["guidegen.yaml": Self.config]
        for lang in ["zh-Hans", "en"] {
            files["s/p.\(lang).md"] = Self.page(
                "P",
                "[x](/en/s/) [y](/../outside.md) [z](//host/x.md) [a](p.html) [b](/zh-hans/s/p/index.html) [c](/) [d](nowhere/) [e](index.md)"
            )
        }
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let diagnostics = Pipeline.run(PipelineOptions(content: root, templates: nil), render: false).diagnostics
        let url = "Link to the page's source file; guidegen writes the URL"
        #expect(
            TestSupport.lines(diagnostics.filter { $0.location.file == "s/p.en.md" }) == [
                "5:1 error[broken-link] link `/en/s/` is a URL of the built site, not a source file | did you mean `_index.md`? \(url)",
                "5:13 error[broken-link] link to `/../outside.md`, which is not a page of this site | link to a page's source file, relative to this one (`../section/page.md`) or to content/ (`/section/page.md`)",
                "5:50 error[broken-link] link `p.html` is a URL of the built site, not a source file | did you mean `p.md`? \(url)",
                "5:62 error[broken-link] link `/zh-hans/s/p/index.html` is a URL of the built site, not a source file | did you mean `p.md`? \(url)",
                "5:91 error[broken-link] link `/` is a URL of the built site, not a source file | did you mean `../_index.md`? \(url)",
                "5:98 error[broken-link] link `nowhere/` points at a file that does not exist | link to the page's source file (`../section/page.md`, `/section/_index.md`); guidegen writes the URL",
                "5:112 error[broken-link] link to `index.md`, which is not a page of this site | did you mean `_index.md`? A folder's own page is `_index.<lang>.md`",
            ])
    }

    /// The nearest asset is suggested as the link was written, so the suggestion works where it stands.
    @Test func aMissingAssetSuggestsTheNearestAsItWouldBeWritten() throws {
        var files = ["guidegen.yaml": Self.config, "assets/photo.png": "png", "assets/a#b.png": "png"]
        for lang in ["zh-Hans", "en"] {
            files["s/p.\(lang).md"] = Self.page(
                "P", "[x](../assets/phot.png) [y](/assets/phoot.png) ![z](assets/photo.png) ![w](photo.png) ![v](../assets/a_b.png)")
        }
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let diagnostics = Pipeline.run(PipelineOptions(content: root, templates: nil), render: false).diagnostics
        // `assets/photo.png` written in s/ (as from the content folder) and a bare file name find the asset;
        // a `#` in a suggested name is escaped, or it would be read as a fragment.
        #expect(
            diagnostics.filter { $0.location.file == "s/p.en.md" }.map { $0.help ?? "" } == [
                "did you mean `../assets/photo.png`?", "did you mean `/assets/photo.png`?", "did you mean `../assets/photo.png`?",
                "did you mean `../assets/photo.png`?", "did you mean `../assets/a%23b.png`?",
            ])
    }

    /// A link to a heading the target page does not have is a warning with the nearest heading; ids guidegen
    /// writes itself (footnotes, rule tables) and headings written percent-encoded count as found.
    @Test func linksToMissingHeadingsAreWarnings() throws {
        let rules =
            "title: {zh-Hans: 期限, en: Windows}\nchanged: 2026-11-01\ncolumns:\n  w: {type: duration, title: {zh-Hans: 期限, en: W}}\n"
            + "rows:\n  a:\n    label: {zh-Hans: 甲, en: A}\n    w: 15 days\n"
        let body =
            "## Fees\n\n## 运费\n\n{{table t}}\n\nA note[^n].\n\n[^n]: Note.\n\n"
            + "[a](#fees) [b](#feess) [c](#%E8%BF%90%E8%B4%B9) [d](#fn-n) [e](#rules-t) [f](#rule-t-a) [g](other.md#nothing) "
            + "[h](other.md#intro) [i](other.zh-Hans.md#简介) [j](other.zh-Hans.md#intro)\n"
        let root = try TestSupport.site([
            "guidegen.yaml": Self.config, "rules/t.yaml": rules,
            "s/links.zh-Hans.md": Self.page("链接", body), "s/links.en.md": Self.page("Links", body),
            "s/other.zh-Hans.md": Self.page("其他", "## 简介\n\n正文。"), "s/other.en.md": Self.page("Other", "## Intro\n\nText."),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Pipeline.run(PipelineOptions(content: root, templates: nil), render: false)
        #expect(
            TestSupport.lines(result.diagnostics.filter { $0.location.file == "s/links.en.md" }) == [
                "15:12 warning[broken-anchor] link `#feess`: this page has no heading with the id `feess` | did you mean `#fees`?",
                "15:89 warning[broken-anchor] link `other.md#nothing`: `s/other` has no heading with the id `nothing` | its headings: `#intro`",
                "15:156 warning[broken-anchor] link `other.zh-Hans.md#intro`: `s/other` has no heading with the id `intro` | its headings: `#简介`",
            ])
    }

    /// A link to an id guidegen writes counts as found only where the page really has it: `#flow9` on a page
    /// with one flow, a row or table that is not embedded, a footnote that is not there are warnings.
    @Test func linksToGeneratedIDsTheTargetLacksAreWarnings() throws {
        let rules =
            "title: {zh-Hans: 期限, en: Windows}\nchanged: 2026-11-01\ncolumns:\n  w: {type: duration, title: {zh-Hans: 期限, en: W}}\n"
            + "rows:\n  a:\n    label: {zh-Hans: 甲, en: A}\n    w: 15 days\n"
        let body =
            "```mermaid\nflowchart TD\n  a[Start] --> b[End]\n```\n\n{{table t}}\n\nA note[^n] and again[^n], and[^注].\n\n[^n]: Note.\n\n[^注]: 注。\n\n"
            + "[a](#flow1) [b](#flow1-steps) [c](#rule-t-a) [d](#fn-n) [e](#fnref-n-2) [f](#main) [l](#fn-注) [m](#fnref-%E6%B3%A8) "
            + "[n](#flow1-step-2) [g](#flow9) [h](#rule-t-b) [i](#rules-u) [j](#fn-m) [k](#fnref-n-x) [o](#flow1-step-3)\n"
        let root = try TestSupport.site([
            "guidegen.yaml": Self.config, "rules/t.yaml": rules,
            "s/links.zh-Hans.md": Self.page("链接", body), "s/links.en.md": Self.page("Links", body),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        // `lint` draws nothing but must see the ids a build writes.
        for render in [false, true] {
            let result = Pipeline.run(PipelineOptions(content: root, templates: nil), render: render)
            let fragments = result.diagnostics.filter { $0.location.file == "s/links.en.md" && $0.check == CheckID.brokenAnchor.rawValue }
                .map { $0.message.split(separator: "`")[1] }
            #expect(fragments == ["#flow9", "#rule-t-b", "#rules-u", "#fn-m", "#fnref-n-x", "#flow1-step-3"], "render: \(render)")
        }
    }

    /// A section without `_index` files, and a site without a home text, still have list pages, and links
    /// to their `_index.md` lead there; a folder that is no section stays a broken link.
    @Test func linksToGeneratedListPagesResolve() throws {
        var files = ["guidegen.yaml": Self.config]
        for lang in ["zh-Hans", "en"] {
            files["docs/a.\(lang).md"] = Self.page("A", "[s](_index.md) [h](/_index.md) [z](/docs/_index.zh-Hans.md)")
            files["other/b.\(lang).md"] = Self.page("B", "[s](../docs/_index.md)")
        }
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Pipeline.run(PipelineOptions(content: root, templates: nil), render: true)
        #expect(result.diagnostics.isEmpty)
        let page = String(decoding: try #require(result.files["en/docs/a/index.html"]), as: UTF8.self)
        #expect(Self.targets(page) == ["../../../en/docs/index.html", "../../../en/index.html", "../../../zh-Hans/docs/index.html"])
        let other = String(decoding: try #require(result.files["en/other/b/index.html"]), as: UTF8.self)
        #expect(Self.targets(other) == ["../../../en/docs/index.html"])

        let broken = try TestSupport.site(["guidegen.yaml": Self.config, "docs/a.en.md": Self.page("A", "[x](/nosection/_index.md)")])
        defer { try? FileManager.default.removeItem(at: broken) }
        let linted = Pipeline.run(PipelineOptions(content: broken, templates: nil), render: false)
        #expect(linted.diagnostics.map(\.check).contains(CheckID.brokenLink.rawValue))
    }

    /// A `{{rule …}}` in a link's title (its tooltip) is expanded like the text's; an unknown one is an error.
    @Test func ruleReferencesInLinkTitlesAreExpanded() throws {
        let rules =
            "title: {zh-Hans: 期限, en: Windows}\nchanged: 2026-11-01\ncolumns:\n  w: {type: duration, title: {zh-Hans: 期限, en: W}}\n"
            + "rows:\n  a:\n    label: {zh-Hans: 甲, en: A}\n    w: 15 days\n"
        func site(_ body: String) throws -> URL {
            try TestSupport.site([
                "guidegen.yaml": Self.config, "rules/t.yaml": rules,
                "s/p.zh-Hans.md": Self.page("页", body), "s/p.en.md": Self.page("Page", body),
            ])
        }
        let good = try site("[a](https://example.com/ \"Window: {{rule t.a.w}}\")\n")
        defer { try? FileManager.default.removeItem(at: good) }
        let built = Pipeline.run(PipelineOptions(content: good, templates: nil), render: true)
        let html = String(decoding: try #require(built.files["en/s/p/index.html"]), as: UTF8.self)
        #expect(html.contains("title=\"Window: 15\u{00A0}days\""))
        #expect(!html.contains("{{rule"))
        let bad = try site("Text [b](https://example.com/ \"{{rule nope.a.w}}\")\n")
        defer { try? FileManager.default.removeItem(at: bad) }
        let linted = Pipeline.run(PipelineOptions(content: bad, templates: nil), render: false)
        #expect(
            linted.diagnostics.filter { $0.location.file == "s/p.en.md" }.map { "\($0.location.line):\($0.location.column) \($0.check)" }
                == ["5:6 unknown-rule"])
    }

    /// A heading does not take an id a flow, a rule table or a footnote writes, wherever it stands: it gets
    /// the next suffix, and links to either lead where they should.
    @Test func headingsDoNotTakeGeneratedIDs() throws {
        let rules =
            "title: {zh-Hans: 期限, en: Windows}\nchanged: 2026-11-01\ncolumns:\n  w: {type: duration, title: {zh-Hans: 期限, en: W}}\n"
            + "rows:\n  a:\n    label: {zh-Hans: 甲, en: A}\n    w: 15 days\n"
        let body =
            "## Flow1\n\n## Rules t\n\n## Rule t a\n\n## Fn note\n\n```mermaid\nflowchart TD\n  a[Start] --> b[End]\n```\n\n"
            + "{{table t}}\n\nA note[^note].\n\n[^note]: Note.\n\n## Flow1\n"
        let root = try TestSupport.site([
            "guidegen.yaml": Self.config, "rules/t.yaml": rules,
            "s/p.zh-Hans.md": Self.page("页", body), "s/p.en.md": Self.page("Page", body),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Pipeline.run(PipelineOptions(content: root, templates: nil), render: true)
        let html = String(decoding: try #require(result.files["en/s/p/index.html"]), as: UTF8.self)
        var ids: [Substring] = []
        var rest = html[...]
        while let hit = rest.range(of: " id=\"") {
            rest = rest[hit.upperBound...]
            ids.append(rest.prefix { $0 != "\"" })
        }
        let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated.isEmpty)
        for id in ["flow1-1", "rules-t-1", "rule-t-a-1", "fn-note-1", "flow1-2", "flow1", "rules-t", "rule-t-a", "fn-note"] {
            #expect(ids.contains(Substring(id)), "no id \(id)")
        }
    }

    /// An ignore marker silences the checks it names for its block and the blocks inside it, link checks and
    /// flow checks too; safety checks (`unsafe-path`) stay.
    @Test func ignoreMarkersSilenceTheChecksTheyName() throws {
        let body =
            "<!-- guidegen-ignore: broken-link, broken-anchor, flow-decision, unsafe-path -->\n"
            + "- [a](missing.md) [b](#nowhere) ![c](../../x.png)\n"
            + "- ```mermaid\n  flowchart TD\n    q{Ready?} --> go[Go]\n  ```\n\n"
            + "[d](missing.md) [e](#nowhere)\n"
        let root = try TestSupport.site([
            "guidegen.yaml": Self.config, "s/p.zh-Hans.md": Self.page("页", body), "s/p.en.md": Self.page("Page", body),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Pipeline.run(PipelineOptions(content: root, templates: nil), render: false)
        #expect(
            result.diagnostics.filter { $0.location.file == "s/p.en.md" }.map { "\($0.location.line):\($0.location.column) \($0.check)" }
                == [
                    "6:33 unsafe-path", "12:1 broken-link", "12:17 broken-anchor",
                ])
    }
}
