// Micro-benchmarks of guidegen's hot stages, one core each, so a change to one stage shows in its own
// number instead of drowning in a whole build's noise. Run from the repository root:
//
//     swift run -c release stage-benchmarks [content-folder] [--templates site-templates]
//
// The default content folder is bench/out/1000/guidegen/content when bench/run.sh made it, else the shipped
// content/. Numbers are printed, never asserted (see bench/README.md).
import Foundation
import GuideGen

var arguments = Array(CommandLine.arguments.dropFirst())
var templates = URL(fileURLWithPath: "site-templates")
if let i = arguments.firstIndex(of: "--templates"), i + 1 < arguments.count {
    templates = URL(fileURLWithPath: arguments[i + 1])
    arguments.removeSubrange(i...(i + 1))
}
let onlyIndex = arguments.firstIndex(of: "--only").flatMap { $0 + 1 < arguments.count ? $0 : nil }
let only = onlyIndex.map { arguments[$0 + 1] }
if let i = onlyIndex { arguments.removeSubrange(i...(i + 1)) }
/// Whether to run a group (`--only front-matter|markdown|claims|flows|templates`, for profiling one).
@MainActor func want(_ group: String) -> Bool { only == nil || only == group }
let defaultCorpus = "bench/out/1000/guidegen/content"
let contentPath = arguments.first ?? (FileManager.default.fileExists(atPath: defaultCorpus) ? defaultCorpus : "content")

/// Runs `body` until at least `minimum` seconds have passed (at least 3 times) and returns the fastest run.
func fastest(minimum: Double = 1.0, _ body: () -> Void) -> Double {
    var best = Double.infinity
    var total = 0.0
    var runs = 0
    while total < minimum || runs < 3 {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        best = min(best, seconds)
        total += seconds
        runs += 1
    }
    return best
}

func report(_ name: String, _ value: Double, _ unit: String) {
    print(name.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "%10.1f %@", value, unit))
}

// The site, loaded once.
let content = URL(fileURLWithPath: contentPath)
let (raw, _) = ContentReader().read(root: content)
let (config, _) = ConfigValidator.validate(raw.config)
let (pages, _) = PageValidator.validate(raw.pages, config: config, includeDrafts: false)
let tables = raw.rules.compactMap { RuleTableValidator.validate($0, languages: config.languages).0 }.sorted { $0.id < $1.id }
let site = Site(config: config, pages: pages, rules: tables, assets: raw.assets)
let index = SiteIndex(pages: pages, config: config)
let bodies = BodyRenderer.render(site: site, index: index, threads: 1)
let markdownBytes = raw.pages.reduce(0) { $0 + $1.text.utf8.count }
print("corpus: \(contentPath), \(pages.count) pages, \(markdownBytes / 1024) KiB of Markdown; one thread\n")

// Load and validate: front matter through YAML and the schema.
if want("front-matter") {
    let frontMatter = fastest { _ = PageValidator.validate(raw.pages, config: config, includeDrafts: false) }
    report("front matter + schema, per page", frontMatter / Double(pages.count) * 1e6, "µs")
}

// Markdown: cmark-gfm parse, hooks (references, links, flows), HTML.
if want("markdown") {
    let markdown = fastest { _ = BodyRenderer.render(site: site, index: index, threads: 1) }
    report("Markdown body, per page", markdown / Double(pages.count) * 1e6, "µs")
    report("Markdown throughput", Double(markdownBytes) / markdown / 1e6, "MB/s")
    let markdownParallel = fastest { _ = BodyRenderer.render(site: site, index: index, threads: 0) }
    report("Markdown body, all cores, wall per page", markdownParallel / Double(pages.count) * 1e6, "µs")
    // The floor: cmark-gfm alone on the same bodies (parse and render, no hooks, no checks).
    let bodyTexts = pages.map { String($0.body) }
    let cmark = fastest { for text in bodyTexts { _ = MarkdownRenderer.libraryHTML(text, unsafe: true) } }
    report("cmark-gfm alone, per page", cmark / Double(pages.count) * 1e6, "µs")
}

// Claims: every prose block through the term matcher and the quantity scanner.
if want("claims") {
    let checker = ClaimChecker(rules: RuleBook(tables))
    let proseBytes = bodies.reduce(0) { $0 + $1.markdown.prose.reduce(0) { $0 + $1.text.utf8.count } }
    let claims = fastest { _ = checker.check(bodies: bodies) }
    report("claims checker throughput (prose)", Double(proseBytes) / claims / 1e6, "MB/s")
    let prose = bodies.flatMap { $0.markdown.prose.map(\.text) }
    let scan = fastest { for text in prose { _ = QuantityScanner.scan(text) } }
    report("quantity scanner throughput", Double(proseBytes) / scan / 1e6, "MB/s")
}

// Flow layout: synthetic flowcharts of 20 and 200 steps (a chain of decisions with side branches).
func flowSource(steps: Int) -> String {
    var lines = ["flowchart TD"]
    for i in 0..<steps {
        if i % 4 == 1 {
            lines.append("  n\(i){是否在 15 天内申请? step \(i)}")
            if i + 1 < steps { lines.append("  n\(i) -->|是| n\(i + 1)") }
            if i + 3 < steps { lines.append("  n\(i) -->|否| n\(i + 3)") }
        } else {
            lines.append("  n\(i)[第 \(i) 步：提交售后申请并上传凭证]")
            if i + 1 < steps { lines.append("  n\(i) --> n\(i + 1)") }
        }
    }
    return lines.joined(separator: "\n") + "\n"
}
for steps in [20, 200] where want("flows") {
    let source = flowSource(steps: steps)
    guard let diagram = FlowParser.parse(source).0 else { fatalError("the synthetic flow does not parse") }
    let layout = fastest(minimum: 0.5) { _ = FlowLayout.layout(diagram) }
    report("flow layout, \(steps) steps", layout * 1e3, "ms")
    let whole = fastest(minimum: 0.5) {
        let (parsed, _) = FlowParser.parse(source)
        _ = FlowSVG.render(parsed!, FlowLayout.layout(parsed!), title: "flow", idPrefix: "f")
    }
    report("flow parse + layout + SVG, \(steps) steps", whole * 1e3, "ms")
}

// Templates: every page through the theme (page, section and home templates, sidebars cached per block).
let (theme, themeDiagnostics) = Theme.load(from: templates)
guard let theme else { fatalError("the theme does not load: \(themeDiagnostics)") }
if want("templates") {
    let template = fastest {
        // A new renderer each run, so the sidebar cache is rebuilt as in a real build.
        _ = SiteRenderer(site: site, index: index, theme: theme, assetBytes: [:]).render(bodies: bodies, threads: 1)
    }
    report("templates, per page", template / Double(bodies.count) * 1e6, "µs")
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let parallel = fastest {
        _ = SiteRenderer(site: site, index: index, theme: theme, assetBytes: [:]).render(bodies: bodies, threads: 0)
    }
    report("templates, \(cores) cores, wall per page", parallel / Double(bodies.count) * 1e6, "µs")
}
