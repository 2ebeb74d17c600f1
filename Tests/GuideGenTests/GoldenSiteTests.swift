import Foundation
import Testing

@testable import GuideGen

/// Golden files: the rendered HTML of the basic fixture site and the diagnostics of the broken one.
/// Rewrite them on purpose with `GUIDEGEN_UPDATE_GOLDENS=1 swift test`.
@Suite struct GoldenSiteTests {
    static func options(_ site: String) -> PipelineOptions {
        PipelineOptions(
            content: TestSupport.fixtures.appendingPathComponent("sites/\(site)/content"),
            templates: TestSupport.repository.appendingPathComponent("site-templates"))
    }

    @Test func basicSiteRendersToTheGoldenHTML() throws {
        let result = Pipeline.run(Self.options("basic"), render: true)
        #expect(!result.diagnostics.hasErrors)
        let pages = result.files.keys.filter {
            $0.hasSuffix(".html") || $0.hasSuffix(".xml") || $0.hasSuffix("search-index.js") || $0 == "robots.txt"
        }.sorted()
        #expect(
            pages == [
                "404.html", "en/faq/basics/index.html", "en/faq/index.html", "en/index.html", "en/platforms/index.html",
                "en/platforms/taobao/index.html", "en/policies/index.html", "en/policies/windows/index.html", "en/search-index.js",
                "en/tags/after-sales/index.html", "en/tags/index.html", "en/tags/iphone/index.html", "en/tags/refunds/index.html",
                "index.html", "robots.txt", "sitemap.xml", "zh-Hans/faq/basics/index.html", "zh-Hans/faq/index.html", "zh-Hans/index.html",
                "zh-Hans/platforms/index.html", "zh-Hans/platforms/taobao/index.html", "zh-Hans/policies/index.html",
                "zh-Hans/policies/windows/index.html", "zh-Hans/search-index.js", "zh-Hans/tags/index.html",
                "zh-Hans/tags/iphone/index.html", "zh-Hans/tags/退款/index.html",
            ])
        for page in pages {
            try TestSupport.expectGolden(String(decoding: result.files[page]!, as: UTF8.self), "basic/\(page)")
        }
    }

    @Test func buildIsDeterministicAcrossThreadCounts() {
        var one = Self.options("basic")
        one.threads = 1
        var many = Self.options("basic")
        many.threads = 8
        #expect(Pipeline.run(one, render: true).files == Pipeline.run(many, render: true).files)
    }

    @Test func brokenSiteDiagnosticsMatchTheGolden() throws {
        let result = Pipeline.run(Self.options("broken"), render: false)
        var sources: [String: String] = [:]
        for page in result.site.pages { sources[page.path] = page.text }
        let text = DiagnosticPrinter(format: .text, colour: false, sources: sources, toolVersion: "test").render(
            result.diagnostics, fileCount: result.fileCount)
        try TestSupport.expectGolden(text, "broken/lint.txt")
    }

    @Test func baseURLGivesCanonicalAlternatesAndAnAbsoluteSitemap() {
        var options = Self.options("basic")
        options.baseURL = "https://example.org/guide"
        let files = Pipeline.run(options, render: true).files
        let page = String(decoding: files["en/policies/windows/index.html"]!, as: UTF8.self)
        let head = page.split(separator: "\n").filter { $0.hasPrefix("<link rel=\"canonical\"") || $0.hasPrefix("<link rel=\"alternate\"") }
        #expect(
            head == [
                "<link rel=\"canonical\" href=\"https://example.org/guide/en/policies/windows/\">",
                "<link rel=\"alternate\" hreflang=\"zh-Hans\" href=\"https://example.org/guide/zh-Hans/policies/windows/\">",
                "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/guide/en/policies/windows/\">",
                "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/guide/zh-Hans/policies/windows/\">",
            ])
        // Links between pages become pretty URLs.
        #expect(page.contains("<a href=\"../../../en/faq/basics/\">FAQ</a>"))
        let sitemap = String(decoding: files["sitemap.xml"]!, as: UTF8.self)
        #expect(sitemap.contains("<loc>https://example.org/guide/zh-Hans/policies/windows/</loc>"))
        #expect(
            sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/guide/zh-Hans/index.html\"/>")
                == false)
        // 404.html is served at any depth: every link on it is absolute (or a fragment).
        let notFound = String(decoding: files["404.html"]!, as: UTF8.self)
        var hrefs: [String] = []
        var rest = notFound[...]
        while let range = rest.range(of: #"(href|src)="[^"]*""#, options: .regularExpression) {
            hrefs.append(String(rest[range].split(separator: "\"")[1]))
            rest = rest[range.upperBound...]
        }
        #expect(hrefs.count > 5)
        #expect(hrefs.filter { !$0.hasPrefix("https://example.org/guide/") && !$0.hasPrefix("#") } == [])
        // A crawler must not index the 404 page, nor take it for a page with translations.
        #expect(notFound.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(!notFound.contains("rel=\"canonical\"") && !notFound.contains("rel=\"alternate\"") && !notFound.contains("og:url"))
        #expect(!page.contains("noindex"))
        #expect(page.contains("<meta property=\"og:url\" content=\"https://example.org/guide/en/policies/windows/\">"))
        // The language chooser's alternates are full URLs too (hreflang needs them), and robots.txt names the sitemap.
        let root = String(decoding: files["index.html"]!, as: UTF8.self)
        #expect(root.contains("hreflang=\"x-default\" href=\"https://example.org/guide/\""))
        #expect(root.contains("hreflang=\"en\" href=\"https://example.org/guide/en/\""))
        #expect(
            String(decoding: files["robots.txt"]!, as: UTF8.self)
                == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/guide/sitemap.xml\n")
    }
}
