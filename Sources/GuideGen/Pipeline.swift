import Foundation

/// What a run of the pipeline reads and how strict it is.
public struct PipelineOptions: Sendable {
    public var content: URL
    /// The site's theme folder, laid over the built-in theme; nil for the built-in theme alone.
    public var templates: URL?
    /// Overrides `base_url` from guidegen.yaml when set.
    public var baseURL: String?
    public var includeDrafts = false
    /// Worker threads for parsing and rendering; 0 means one per core.
    public var threads = 0

    public init(content: URL, templates: URL?, baseURL: String? = nil, includeDrafts: Bool = false, threads: Int = 0) {
        self.content = content
        self.templates = templates
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.threads = threads
    }
}

/// The result of a run: the loaded site, the files to write (when rendering) and every finding.
public struct PipelineResult: Sendable {
    public var site: Site
    public var bodies: [RenderedBody]
    /// Output-relative path → bytes; empty for `lint`.
    public var files: [String: [UInt8]]
    /// Sorted by file, line and column.
    public var diagnostics: [Diagnostic]
    /// How many content files were read.
    public var fileCount: Int
}

/// Where a build's files go as they are rendered (instead of `PipelineResult.files`).
public struct OutputSink {
    /// Called once with every finding before the theme runs; false means the site will not be written,
    /// so nothing is rendered.
    public var accepts: ([Diagnostic]) -> Bool
    /// Takes one file; called from the rendering threads.
    public var emit: @Sendable (String, [UInt8]) -> Void

    public init(accepts: @escaping ([Diagnostic]) -> Bool, emit: @escaping @Sendable (String, [UInt8]) -> Void) {
        self.accepts = accepts
        self.emit = emit
    }
}

/// load → validate → resolve rules → render → check (→ write, done by the caller with `OutputWriter`).
public enum Pipeline {
    /// Runs every stage; with `render: false` it is `lint`: everything but the theme and the output.
    /// With a `sink`, rendered files go there as they are made and `files` stays empty.
    public static func run(_ options: PipelineOptions, render: Bool, sink: OutputSink? = nil) -> PipelineResult {
        PhaseClock.start()
        // The theme is compiled on a thread of its own from the start: it needs nothing the content gives,
        // and the first stages leave a core idle (listing folders, building the index).
        let themeLoad =
            render || options.templates != nil
            ? Background { Theme.load(from: options.templates, skeletons: render) } : nil
        // Load: read and decode files.
        var reader = ContentReader()
        reader.threads = options.threads
        let (raw, readDiagnostics) = reader.read(root: options.content)
        var diagnostics = readDiagnostics
        PhaseClock.mark("read")

        // Validate: configuration, page front matter, rule tables.
        var (config, configDiagnostics) = ConfigValidator.validate(raw.config)
        diagnostics += configDiagnostics
        // Without the site's languages every page would be "not in a listed language" and every rule table
        // text "not a configured language": the configuration's own findings are the whole report, as Hugo
        // stops at a bad config.
        if !config.languagesGiven {
            let site = Site(config: config, pages: [], rules: [], assets: raw.assets)
            _ = themeLoad?.value
            return PipelineResult(
                site: site, bodies: [], files: [:], diagnostics: Array(Set(diagnostics)).sorted(by: Diagnostic.ordered),
                fileCount: raw.pages.count + raw.rules.count + (raw.config == nil ? 0 : 1))
        }
        if let base = options.baseURL { config.baseURL = base.isEmpty ? nil : ConfigValidator.normalizedBaseURL(base) }
        var drafts: [PageSource] = []
        let (pages, pageDiagnostics) = PageValidator.validate(
            raw.pages, config: config, includeDrafts: options.includeDrafts, drafts: &drafts)
        diagnostics += pageDiagnostics
        PhaseClock.mark("front matter")

        // Resolve rules: typed tables every page refers to.
        var tables: [RuleTable] = []
        var failedTables: [String: String] = [:]
        for file in raw.rules {
            let (table, found) = RuleTableValidator.validate(file, languages: config.languages)
            diagnostics += found
            guard let table else {
                failedTables[RuleTableValidator.tableID(of: file.path)] = file.path
                continue
            }
            if let first = tables.first(where: { $0.id == table.id }) {
                diagnostics.append(
                    Diagnostic(
                        .error, .ruleTable, at: SourceLocation(file: file.path, line: 1, column: 1),
                        "`\(file.path)` and `\(first.path)` are both rule table `\(table.id)`", help: "keep one of the two files"))
                continue
            }
            tables.append(table)
        }
        var site = Site(config: config, pages: pages, rules: tables.sorted { $0.id < $1.id }, assets: raw.assets)

        // Render bodies: Markdown, references, links, flows — in parallel, into memory; each page's claims
        // are checked as soon as it renders.
        // Files and folders with errors of their own (unreadable, bad front matter): pages that exist on disk.
        let failedPaths = Set((readDiagnostics + pageDiagnostics).filter { $0.severity == .error }.map(\.location.file))
        var index = SiteIndex(pages: pages, config: config)
        index.draftKeys = Set(drafts.map(\.pageKey))
        index.failedPaths = failedPaths
        var rules = RuleBook(tables, languages: config.languages)
        rules.failedTables = failedTables
        let bodies = BodyRenderer.render(
            site: site, index: index, threads: options.threads, drawFlows: render, claims: ClaimChecker(rules: rules), keepProse: false)
        for body in bodies where !body.isFallback { diagnostics += body.markdown.diagnostics + body.claims }
        // A title or summary with a `{{rule}}` in it reads expanded everywhere it is shown (navigation,
        // cards, sitemap): the pages are indexed again, with the bodies' expanded sources.
        if bodies.contains(where: { $0.source.frontMatter.writtenTitle != nil || $0.source.frontMatter.writtenSummary != nil }) {
            site.pages = bodies.filter { !$0.isFallback }.map(\.source)
            index = SiteIndex(pages: site.pages, config: config)
            index.draftKeys = Set(drafts.map(\.pageKey))
            index.failedPaths = failedPaths
        }
        PhaseClock.mark("markdown and claims")

        // Check: translations, rule usage and reviews.
        // A page file with errors of its own (unreadable, no front matter) exists: its twins are not told it is missing.
        let versions = RenderedBody.versions(bodies)
        diagnostics += TranslationChecker.check(
            bodies: bodies, config: config, unreadable: failedPaths, drafts: Set(drafts.map(\.path)), threads: options.threads,
            versions: versions)
        diagnostics += RuleUsageChecker.check(bodies: bodies, rules: rules, threads: options.threads)
        diagnostics += AnchorChecker.check(bodies: bodies)
        PhaseClock.mark("checks")

        var files: [String: [UInt8]] = [:]
        if render, let themeLoad {
            let (theme, themeDiagnostics) = themeLoad.value
            diagnostics += themeDiagnostics
            if let theme, !diagnostics.hasErrors, sink?.accepts(diagnostics) ?? true {
                let assetBytes = readAssets(raw.assets, root: options.content)
                let (rendered, renderDiagnostics) = SiteRenderer(site: site, index: index, theme: theme, assetBytes: assetBytes).render(
                    bodies: bodies, threads: options.threads, emit: sink?.emit, versions: versions)
                files = rendered
                diagnostics += renderDiagnostics
                PhaseClock.mark("templates")
                if PhaseClock.enabled, let skeletons = theme.skeletons {
                    // Shape misses cost a swift-mustache render each; fills are the cheap path.
                    FileHandle.standardError.write(
                        Data("timing: skeletons: \(skeletons.mustacheRenders) mustache renders, \(skeletons.listFills) list fills\n".utf8))
                }
            }
        } else if let themeLoad {
            // `lint` reports what `build` would: a site's own templates are compiled, not rendered.
            diagnostics += themeLoad.value.1
        }
        let sorted = Array(Set(diagnostics)).sorted(by: Diagnostic.ordered)
        PhaseClock.mark("diagnostics")
        return PipelineResult(
            site: site, bodies: bodies, files: files, diagnostics: sorted,
            fileCount: raw.pages.count + raw.rules.count + (raw.config == nil ? 0 : 1))
    }

    /// Asset files as bytes; links and symlinks outside the content folder were already refused.
    static func readAssets(_ paths: [String], root: URL) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for path in paths {
            if let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) { out[path] = [UInt8](data) }
        }
        return out
    }
}

/// Work started on a thread of its own at once; `value` waits for its result. A `Thread`, not the
/// global dispatch queue, so that it never takes a worker `concurrentPerform` is counting on.
final class Background<Value: Sendable>: @unchecked Sendable {
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            result = work()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The result (the first call waits for it).
    var value: Value {
        done.wait()
        done.signal()
        return result!
    }
}
