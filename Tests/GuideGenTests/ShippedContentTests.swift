import Foundation
import Testing

@testable import GuideGen

/// The shipped guide is the product's showcase: complete in both languages, every rule table used,
/// and clean under the strictest lint.
@Suite struct ShippedContentTests {
    static let result = Pipeline.run(
        PipelineOptions(
            content: TestSupport.repository.appendingPathComponent("content"),
            templates: TestSupport.repository.appendingPathComponent("site-templates")),
        render: true)

    @Test func lintsCleanWithNoWarnings() {
        #expect(TestSupport.lines(Self.result.diagnostics) == [])
    }

    @Test func everyPageExistsInEveryLanguage() {
        let config = Self.result.site.config
        var languages: [String: Set<String>] = [:]
        for page in Self.result.site.pages { languages[page.pageKey, default: []].insert(page.language) }
        #expect(languages.count >= 25)
        for (key, found) in languages.sorted(by: { $0.key < $1.key }) {
            #expect(found == Set(config.languages), "\(key) is in \(found.sorted()) only")
        }
    }

    @Test func everyRuleTableIsUsedByAPage() {
        let used = Set(Self.result.bodies.flatMap { $0.references.map(\.reference.table) })
        #expect(Set(Self.result.site.rules.map(\.id)).subtracting(used) == [])
    }

    @Test func everyPageIsReviewedSourcedSummarizedAndTagged() {
        for page in Self.result.site.pages where !page.isSectionIndex {
            #expect(page.frontMatter.reviewed != nil, "\(page.path) has no reviewed date")
            #expect(!page.frontMatter.sources.isEmpty, "\(page.path) has no sources")
            #expect(page.frontMatter.summary != nil, "\(page.path) has no summary")
            #expect(!page.frontMatter.platforms.isEmpty, "\(page.path) has no platforms")
        }
    }

    @Test func theContentHasTheKindsOfPagesTheGuideNeeds() {
        let pages = Self.result.site.pages.filter { $0.language == "en" && !$0.isSectionIndex }
        func count(_ kind: PageKind) -> Int { pages.filter { $0.frontMatter.kind == kind }.count }
        #expect(count(.policy) >= 8)
        #expect(count(.flow) >= 6)
        #expect(count(.faq) >= 4)
        #expect(count(.article) >= 3)
        let questions = Self.result.bodies.filter { $0.language == "en" && $0.source.frontMatter.kind == .faq && !$0.isFallback }.map(
            \.markdown.sections.count
        ).reduce(0, +)
        #expect(questions >= 24)
        let flows = Self.result.bodies.filter { $0.language == "en" && $0.source.frontMatter.kind == .flow }.filter { !$0.flows.isEmpty }
        #expect(flows.count >= 6)
    }
}
