/// One page in one language after the Markdown stage: body HTML and the facts the checks read.
///
/// Copy on write, as `PageSource` is: the checks and the theme stage group and pass bodies around, and
/// each copy of ten fields retained every array and string in them.
public struct RenderedBody: Sendable {
    private struct Fields: Sendable {
        var key, language: String
        var source: PageSource
        var isFallback: Bool
        var outputPath: String
        var markdown: MarkdownResult
        var references: [ReferenceUse]
        var flows: [FlowUse]
        var claims: [Diagnostic]
        var anchorLinks: [AnchorLink]
        var unresolvedReferences = 0
    }

    private var fields: CopyOnWrite<Fields>

    public init(
        key: String, language: String, source: PageSource, isFallback: Bool, outputPath: String, markdown: MarkdownResult,
        references: [ReferenceUse], flows: [FlowUse], claims: [Diagnostic] = [], anchorLinks: [AnchorLink] = [],
        unresolvedReferences: Int = 0
    ) {
        fields = CopyOnWrite(
            Fields(
                key: key, language: language, source: source, isFallback: isFallback, outputPath: outputPath, markdown: markdown,
                references: references, flows: flows, claims: claims, anchorLinks: anchorLinks,
                unresolvedReferences: unresolvedReferences))
    }

    /// `section/slug`.
    public var key: String {
        _read { yield fields.value.key }
        _modify { yield &fields.value.key }
    }
    /// The language this output is for.
    public var language: String {
        _read { yield fields.value.language }
        _modify { yield &fields.value.language }
    }
    /// The file that was rendered (the default-language file when this language is missing).
    public var source: PageSource {
        _read { yield fields.value.source }
        _modify { yield &fields.value.source }
    }
    /// True when `source` is in another language (a missing translation).
    public var isFallback: Bool {
        _read { yield fields.value.isFallback }
        _modify { yield &fields.value.isFallback }
    }
    /// Output path relative to the output root.
    public var outputPath: String {
        _read { yield fields.value.outputPath }
        _modify { yield &fields.value.outputPath }
    }
    public var markdown: MarkdownResult {
        _read { yield fields.value.markdown }
        _modify { yield &fields.value.markdown }
    }
    /// Every rule reference with where it was written.
    public var references: [ReferenceUse] {
        _read { yield fields.value.references }
        _modify { yield &fields.value.references }
    }
    /// How many `{{…}}` references resolved to nothing (each reported where it stands).
    public var unresolvedReferences: Int { fields.value.unresolvedReferences }
    /// Flow structure signatures with where each flow starts.
    public var flows: [FlowUse] {
        _read { yield fields.value.flows }
        _modify { yield &fields.value.flows }
    }
    /// What the claims checker found, when it ran with the Markdown stage.
    public var claims: [Diagnostic] {
        _read { yield fields.value.claims }
        _modify { yield &fields.value.claims }
    }
    /// Links to a heading (`#fees`, `refund.md#fees`), checked once every page's headings are known.
    public var anchorLinks: [AnchorLink] {
        _read { yield fields.value.anchorLinks }
        _modify { yield &fields.value.anchorLinks }
    }

    /// The meta description: the summary, else the opening of the first paragraph (nil when there is neither).
    public var description: String? { source.frontMatter.summary ?? (markdown.excerpt.isEmpty ? nil : markdown.excerpt) }

    /// A link with a fragment: to this page when `key` is nil.
    public struct AnchorLink: Sendable {
        public var url: String
        public var key: String?
        public var language: String
        public var fragment: String
        public var location: SourceLocation
    }

    /// One use of a rule reference.
    public struct ReferenceUse: Sendable {
        public var reference: RuleReference
        public var location: SourceLocation
    }

    /// One flow on the page.
    public struct FlowUse: Sendable {
        /// Its node ids and edges; nil when the flow has errors of its own (already reported), so its
        /// translations are compared with it by count only.
        public var signature: String?
        public var location: SourceLocation
    }
}

/// The Markdown stage over the whole site: every page file rendered once, in parallel.
/// Bodies grouped by page key, then language: what the translation checks and the page templates look
/// each page's other versions up in. Made once per build and shared by both.
public typealias BodyVersions = [String: [String: RenderedBody]]

extension RenderedBody {
    public static func versions(_ bodies: [RenderedBody]) -> BodyVersions {
        var byKey: BodyVersions = [:]
        byKey.reserveCapacity(bodies.count)
        for body in bodies { byKey[body.key, default: [:]][body.language] = body }
        return byKey
    }
}

public enum BodyRenderer {
    /// Renders each page source; a missing translation reuses the default-language body. `drawFlows: false`
    /// (`lint`) checks everything but makes no HTML: no flow drawings and no rendered bodies. With `claims`,
    /// each page's prose is checked right after it renders (on the same core) and, unless `keepProse`,
    /// dropped: prose is a third of a large site's memory and nothing after the checks reads it.
    public static func render(
        site: Site, index: SiteIndex, threads: Int = 0, drawFlows: Bool = true, claims: ClaimChecker? = nil, keepProse: Bool = true
    ) -> [RenderedBody] {
        let rules = claims?.rules ?? RuleBook(site.rules, languages: site.config.languages)
        let assets = Set(site.assets)
        let siteOptions = MarkdownOptions(unsafeHTML: site.config.unsafeHTML)
        /// `reader`: the language whose interface words a fallback copy uses.
        @Sendable func options(for page: PageSource, reader: String? = nil) -> MarkdownOptions {
            var options = siteOptions
            // Only FAQ pages use the text under their questions (JSON-LD); the others need just the count.
            options.sectionTexts = page.frontMatter.kind == .faq
            options.renderHTML = drawFlows
            let strings = site.config.uiStrings(reader ?? page.language)
            if strings.backToContent != UIStrings.english.backToContent { options.footnoteBackLabel = strings.backToContent }
            options.taskLabels = (strings.taskDone, strings.taskOpen)
            options.tableLabel = strings.table
            return options
        }
        let searchBudget =
            drawFlows && site.config.search
            ? SearchIndex.bodyBudget(pagesPerLanguage: site.pages.count / max(site.config.languages.count, 1)) : nil
        let rendered = ParallelMap.map(site.pages, threads: threads) { page -> RenderedBody in
            let outputPath = index.outputPath(key: page.pageKey, language: page.language)
            let hooks = PageHooks(page: page, index: index, rules: rules, outputPath: outputPath, assets: assets)
            hooks.drawFlows = drawFlows
            let (expanded, frontMatterProse, frontMatterDiagnostics) = hooks.expandFrontMatterText()
            var markdown = renderGuarded(page, options: options(for: page), hooks: hooks)
            // Before the front matter's prose joins: the index holds the title and summary on their own.
            if let searchBudget { markdown.searchText = SearchIndex.bodyText(from: markdown.prose, budget: searchBudget) }
            // Inserted in place: `+` copied (retained, then released) every block of every page.
            markdown.prose.insert(contentsOf: frontMatterProse, at: 0)
            markdown.diagnostics = frontMatterDiagnostics + markdown.diagnostics + emptyAnswers(markdown, page: page)
            // A step-by-step page without its flow: probably a fence written ```text or forgotten.
            if page.frontMatter.kind == .flow, hooks.flows.isEmpty, page.slug != "_index" {
                markdown.diagnostics.append(
                    Diagnostic(
                        .warning, .flowEmpty, at: SourceLocation(file: page.path, line: page.bodyLine, column: 1),
                        "this `type: flow` page has no flow",
                        help: "draw its steps in a ```mermaid block (`flowchart TD`), or change `type:`"))
            }
            var body = RenderedBody(
                key: page.pageKey, language: page.language, source: expanded, isFallback: false, outputPath: outputPath, markdown: markdown,
                references: hooks.references.map { .init(reference: $0.0, location: $0.1) },
                flows: hooks.flows.map { .init(signature: $0.signature, location: $0.location) },
                unresolvedReferences: hooks.unresolvedReferences)
            body.anchorLinks = hooks.anchorLinks
            // Only a page without a summary is described by its text.
            if page.frontMatter.summary == nil { body.markdown.excerpt = Excerpt.make(from: markdown.prose) }
            if let claims {
                body.claims = claims.check(body)
                if !keepProse { body.markdown.prose = [] }
            }
            return body
        }
        // Fill each missing language with the default-language body (or any language, in config order).
        let byKey = RenderedBody.versions(rendered)
        var out = rendered
        // The heading ids each page shows in each language (its own, else its fallback's), for the links
        // of the fallback copies below; made only when there is a missing translation.
        var servedHeadingIDs: [String: [String]] = [:]
        if drawFlows, byKey.values.contains(where: { $0.count < site.config.languages.count }) {
            for (key, versions) in byKey {
                let original = versions[site.config.defaultLanguage] ?? site.config.languages.lazy.compactMap({ versions[$0] }).first
                for language in site.config.languages {
                    if let body = versions[language] ?? original {
                        servedHeadingIDs["\(key)|\(language)"] = body.markdown.headings.map(\.id)
                    }
                }
            }
        }
        for key in byKey.keys.sorted() {
            let versions = byKey[key]!
            guard let original = versions[site.config.defaultLanguage] ?? site.config.languages.lazy.compactMap({ versions[$0] }).first
            else { continue }
            for language in site.config.languages where versions[language] == nil {
                var copy = original
                copy.language = language
                copy.isFallback = true
                copy.outputPath = index.outputPath(key: key, language: language)
                // The copy's links lead to pages in the reader's language: render its HTML again with them
                // (missing translations are few; the findings stay the original's).
                if drawFlows {
                    // Its interface words (a flow's "Steps as a list", alert titles) are the reader's, as the page around it.
                    let hooks = PageHooks(
                        page: original.source, index: index, rules: rules, outputPath: copy.outputPath, assets: assets, reader: language)
                    hooks.linkLanguage = language
                    hooks.servedHeadingIDs = servedHeadingIDs
                    copy.markdown = renderGuarded(original.source, options: options(for: original.source, reader: language), hooks: hooks)
                    copy.markdown.prose = []
                    copy.markdown.excerpt = original.markdown.excerpt
                    copy.markdown.searchText = original.markdown.searchText
                }
                copy.markdown.diagnostics = []
                copy.claims = []
                out.append(copy)
            }
        }
        return out
    }

    /// An FAQ page's questions that have nothing under them before the next question.
    static func emptyAnswers(_ markdown: MarkdownResult, page: PageSource) -> [Diagnostic] {
        guard page.frontMatter.kind == .faq else { return [] }
        if markdown.sections.isEmpty {
            // FAQPage data needs at least one question; search engines refuse it empty.
            return [
                Diagnostic(
                    .warning, .faqEmptyAnswer, at: SourceLocation(file: page.path, line: page.bodyLine, column: 1),
                    "this FAQ page has no questions",
                    help: "write each question as a `##` heading with its answer below it, or change `type:`")
            ]
        }
        let unnamed = markdown.sections.filter { ByteSearch.trimmed($0.heading.text, newlines: true).isEmpty }.map {
            Diagnostic(
                .warning, .faqEmptyAnswer, at: SourceLocation(file: page.path, line: $0.heading.line, column: 1),
                "this `##` heading is empty, so its answer has no question",
                help: "write the question after `## `; until then it is left out of the FAQPage data")
        }
        return unnamed
            // An empty heading was just reported: its answer is not also "the question “” has no answer".
            + markdown.sections.filter {
                ByteSearch.trimmed($0.text, newlines: true).isEmpty && !ByteSearch.trimmed($0.heading.text, newlines: true).isEmpty
            }.map {
                Diagnostic(
                    .warning, .faqEmptyAnswer, at: SourceLocation(file: page.path, line: $0.heading.line, column: 1),
                    "the question “\($0.heading.text)” has no answer under it",
                    help: "write the answer below the question, before the next `##`; until then it is left out of the FAQPage data")
            }
    }

    /// Renders one body behind `MarkdownGuard`: refused when the pre-scan finds a limit exceeded, and,
    /// for large bodies, stopped by the watchdog. Small pages that pass the pre-scan render in
    /// milliseconds, so they skip the watchdog thread (a thread per page would cost more than the page).
    static func renderGuarded(_ page: PageSource, options: MarkdownOptions, hooks: PageHooks) -> MarkdownResult {
        let guardian = MarkdownGuard()
        func failed(_ d: Diagnostic) -> MarkdownResult {
            MarkdownResult(htmlBytes: [], headings: [], prose: [], sections: [], diagnostics: [d])
        }
        // The body as a String of its own for the length of the render only: the page keeps it as a slice
        // of its file's text.
        let body = String(page.body)
        if let refused = guardian.check(body, file: page.path, firstLine: page.bodyLine) { return failed(refused) }
        let render = { @Sendable in MarkdownRenderer.render(body, file: page.path, firstLine: page.bodyLine, options: options, hooks: hooks)
        }
        if body.utf8.count < MarkdownGuard.watchdogThreshold { return render() }
        return guardian.withDeadline(render)
            ?? failed(
                Diagnostic(
                    .error, .markdownTimeout, at: SourceLocation(file: page.path, line: page.bodyLine, column: 1),
                    "rendering took longer than \(Int(guardian.timeout)) s and was stopped",
                    help: "simplify the page; this input is pathological for the Markdown library"))
    }
}
