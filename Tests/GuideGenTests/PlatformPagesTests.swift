import Foundation
import Testing

@testable import GuideGen

/// The platforms of `guidegen.yaml` are a taxonomy, as Hugo's are: a page per platform listing the pages that
/// name it, a page listing the platforms, links from each page's platform names and from the home page.
@Suite struct PlatformPagesTests {
    static let config = """
        title: {zh-Hans: 指南, en: Guide}
        languages: [zh-Hans, en]
        platforms:
          taobao: {zh-Hans: 淘宝, en: Taobao}
          jd: {zh-Hans: 京东, en: JD}
          tmall global: {zh-Hans: 天猫国际, en: Tmall Global}
          pdd: {zh-Hans: 拼多多, en: Pinduoduo}

        """

    static func page(_ title: String, platforms: String, order: Int) -> String {
        "---\ntitle: \(title)\ntype: policy\nplatforms: \(platforms)\norder: \(order)\n---\nText.\n"
    }

    static func build(_ extra: [String: String] = [:]) throws -> PipelineResult {
        var files = ["guidegen.yaml": config]
        // The English `refund` names no platform: membership is the union of the languages.
        files["returns/refund.zh-Hans.md"] = page("退款", platforms: "[taobao, jd]", order: 2)
        files["returns/refund.en.md"] = page("Refunds", platforms: "[]", order: 2)
        files["returns/exchange.zh-Hans.md"] = page("换货", platforms: "[taobao, \"tmall global\"]", order: 1)
        files["returns/exchange.en.md"] = page("Exchanges", platforms: "[taobao, \"tmall global\"]", order: 1)
        for (path, text) in extra { files[path] = text }
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        return Pipeline.run(PipelineOptions(content: root, templates: nil), render: true)
    }

    static func text(_ result: PipelineResult, _ path: String) throws -> String {
        String(decoding: try #require(result.files[path], "\(path) was not written"), as: UTF8.self)
    }

    /// The `<a href>` targets and texts of the page's cards.
    static func cards(_ html: String) -> [String] {
        html.matches(of: /<li class="card"><a href="([^"]*)">.*?<span class="card__title"(?: lang="[^"]*")?>([^<]*)<\/span>/).map {
            "\($0.output.1) \($0.output.2)"
        }
    }

    @Test func eachPlatformWithPagesGetsAPageInEveryLanguage() throws {
        let result = try Self.build()
        #expect(TestSupport.lines(result.diagnostics) == [])
        let platformFiles = result.files.keys.filter { $0.contains("/platforms/") }.sorted()
        // No page for `pdd` (nothing names it) nor `tmall global` (not a slug, so no URL of its own).
        #expect(
            platformFiles == [
                "en/platforms/index.html", "en/platforms/jd/index.html", "en/platforms/taobao/index.html",
                "zh-Hans/platforms/index.html", "zh-Hans/platforms/jd/index.html", "zh-Hans/platforms/taobao/index.html",
            ])
        #expect(
            Self.cards(try Self.text(result, "en/platforms/taobao/index.html")) == [
                "../../../en/returns/exchange/index.html Exchanges", "../../../en/returns/refund/index.html Refunds",
            ])
        #expect(Self.cards(try Self.text(result, "zh-Hans/platforms/jd/index.html")) == ["../../../zh-Hans/returns/refund/index.html 退款"])
        let list = try Self.text(result, "zh-Hans/platforms/index.html")
        #expect(
            Self.cards(list) == ["../../zh-Hans/platforms/taobao/index.html 淘宝", "../../zh-Hans/platforms/jd/index.html 京东"])
        #expect(list.contains(#"<span class="card__kind">2 篇</span>"#))
        #expect(try Self.text(result, "en/platforms/index.html").contains(#"<span class="card__kind">1 page</span>"#))
    }

    @Test func platformNamesLinkToTheirPages() throws {
        let result = try Self.build()
        let exchange = try Self.text(result, "en/returns/exchange/index.html")
        #expect(exchange.contains(#"<a class="platform" href="../../../en/platforms/taobao/index.html">Taobao</a>"#))
        #expect(exchange.contains(#"<span class="platform">Tmall Global</span>"#))
        let home = try Self.text(result, "zh-Hans/index.html")
        #expect(home.contains(#"<h2 id="home-platforms-title"><a href="../zh-Hans/platforms/index.html">平台</a></h2>"#))
        #expect(home.contains(#"<a class="platform" href="../zh-Hans/platforms/jd/index.html">京东</a>"#))
        let sitemap = try Self.text(result, "sitemap.xml")
        #expect(sitemap.contains("<loc>en/platforms/taobao/</loc>"))
        #expect(sitemap.contains("<loc>zh-Hans/platforms/</loc>"))
    }

    /// A section of the site called `platforms` keeps its URL; the platform pages give way.
    @Test func aSectionCalledPlatformsKeepsItsURL() throws {
        let section = "---\ntitle: 平台说明\ntype: article\n---\nText.\n"
        let result = try Self.build(["platforms/overview.zh-Hans.md": section, "platforms/overview.en.md": section])
        #expect(
            result.files.keys.filter { $0.contains("/platforms/") }.sorted().allSatisfy {
                $0.contains("/platforms/overview/") || $0.hasSuffix("/platforms/index.html")
            })
        #expect(result.files["en/platforms/taobao/index.html"] == nil)
        #expect(try Self.text(result, "en/returns/exchange/index.html").contains(#"<span class="platform">Taobao</span>"#))
        #expect(!(try Self.text(result, "en/index.html")).contains("home__platforms"))
    }

    /// A page's `tags:` are shown under its text, escaped, with the label in the page's language, each linking
    /// to its tag page (`TagPagesTests`).
    @Test func tagsAreShownUnderThePage() throws {
        let tagged = "---\ntitle: T\ntype: article\ntags: [运费, \"<b>x</b>\"]\n---\nText.\n"
        let result = try Self.build([
            "faq/tagged.zh-Hans.md": tagged, "faq/tagged.en.md": tagged.replacingOccurrences(of: "运费", with: "shipping"),
        ])
        #expect(
            try Self.text(result, "zh-Hans/faq/tagged/index.html").contains(
                #"<p class="page-tags"><span class="page-tags__label">标签：</span><a class="tag" href="../../../zh-Hans/tags/运费/index.html">运费</a><a class="tag" href="../../../zh-Hans/tags/bxb/index.html">&lt;b&gt;x&lt;/b&gt;</a></p>"#
            ))
        #expect(
            try Self.text(result, "en/faq/tagged/index.html").contains(
                #"<span class="page-tags__label">Tags: </span><a class="tag" href="../../../en/tags/shipping/index.html">shipping</a>"#))
        #expect(try Self.text(result, "en/tags/bxb/index.html").contains("<h1>&lt;b&gt;x&lt;/b&gt;</h1>"))
        #expect(!(try Self.text(result, "en/returns/refund/index.html")).contains("page-tags"))
    }
}
