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
        let pages = result.files.keys.filter { $0.hasSuffix(".html") || $0.hasSuffix(".xml") }.sorted()
        #expect(pages == [
            "404.html", "en/faq/basics/index.html", "en/faq/index.html", "en/index.html", "en/policies/index.html",
            "en/policies/windows/index.html", "index.html", "sitemap.xml", "zh-Hans/faq/basics/index.html", "zh-Hans/faq/index.html",
            "zh-Hans/index.html", "zh-Hans/policies/index.html", "zh-Hans/policies/windows/index.html",
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
        let text = DiagnosticPrinter(format: .text, colour: false, sources: sources, toolVersion: "test").render(result.diagnostics, fileCount: result.fileCount)
        try TestSupport.expectGolden(text, "broken/lint.txt")
    }
}
