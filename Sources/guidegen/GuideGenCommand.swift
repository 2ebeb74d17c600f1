import ArgumentParser
import Foundation
import GuideGen

/// The version `--version` prints and SARIF records.
let guidegenVersion = "0.1.0"

/// A run's result, held until the process exits: the system takes its memory back at once, where freeing
/// its millions of objects one by one cost the main thread about 15 ms at 10,000 pages.
nonisolated(unsafe) var keptUntilExit: PipelineResult?

@main
struct GuideGenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guidegen",
        abstract: "Build bilingual consumer guides whose facts come from rule tables.",
        discussion: """
            Examples:
              guidegen build                      ./content + ./site-templates → ./public
              guidegen build --base-url https://example.org/guide/
              guidegen lint --strict --format github
              guidegen schema > front-matter.schema.json
              guidegen translations               show every page's status per language
            """,
        version: guidegenVersion,
        subcommands: [Build.self, Lint.self, Schema.self, Translations.self, Checks.self, Serve.self])

    /// Like ArgumentParser's own entry point, but a usage error exits with 2 (the contract's "could not
    /// run"), not 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try (command as? ChecksFolders)?.checkFolders()
            try command.run()
        } catch {
            // A missing folder is not a usage mistake: say what is wrong without the usage text.
            if let error = error as? SetupError {
                FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
                Foundation.exit(2)
            }
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Options shared by `build` and `lint`.
struct SiteOptions: ParsableArguments {
    @Option(help: "The content folder.") var content = "content"
    @Option(help: ArgumentHelp(ThemeFolder.help))
    var templates: String?
    @Option(help: "Absolute base URL (overrides base_url in guidegen.yaml).") var baseURL: String?
    @Flag(help: "Include pages with `draft: true`.") var drafts = false
    @Flag(help: "Treat warnings as errors (missing translations included).") var strict = false
    @Option(help: "Output format for findings: text, json, github, sarif.") var format: DiagnosticPrinter.Format = .text
    @Option(name: .customLong("check"), help: "Report only this check id (repeatable).") var onlyChecks: [String] = []
    @Option(name: .customLong("skip"), help: "Do not report this check id (repeatable).") var skippedChecks: [String] = []
    @Option(help: "Worker threads (0: one per core).") var threads = 0

    func validate() throws {
        if let baseURL, !baseURL.isEmpty, let problem = ConfigValidator.baseURLProblem(baseURL) {
            throw ValidationError("--base-url `\(baseURL)` \(problem), e.g. --base-url https://example.org/guide/")
        }
        let known = CheckID.allCases.map(\.rawValue)
        for id in onlyChecks + skippedChecks where !known.contains(id) {
            throw ValidationError(
                "unknown check `\(id)`; \(Suggestion.help(for: id, in: known, noun: "checks")) (`guidegen checks` lists them all)")
        }
    }

    /// The content and theme folders exist (after parsing, so a problem is reported without the usage text).
    func checkFolders() throws {
        try SetupError.checkContentFolder(content)
        _ = try ThemeFolder.resolve(templates, content: content)
    }

    /// The theme folder in use; nil for the built-in theme.
    var themeFolder: URL? { (try? ThemeFolder.resolve(templates, content: content)) ?? nil }

    var pipelineOptions: PipelineOptions {
        PipelineOptions(
            content: URL(fileURLWithPath: content), templates: themeFolder, baseURL: baseURL, includeDrafts: drafts,
            threads: threads)
    }

    /// Whether --check/--skip let a finding through.
    func shows(_ d: Diagnostic) -> Bool { (onlyChecks.isEmpty || onlyChecks.contains(d.check)) && !skippedChecks.contains(d.check) }

    /// "N errors not shown because of --check/--skip …" for the errors those options hid; nil when none.
    func hiddenErrors(_ diagnostics: [Diagnostic]) -> String? {
        let hidden = diagnostics.filter { $0.severity == .error && !shows($0) }.count
        guard hidden > 0 else { return nil }
        let (noun, pronoun) = hidden == 1 ? ("error", "it") : ("errors", "them")
        return "\(hidden) \(noun) not shown because of --check/--skip (run without them to see \(pronoun))"
    }

    /// Applies --check/--skip and --strict.
    func filter(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter(shows).map { d in
            var d = d
            if strict, d.severity == .warning { d.severity = .error }
            return d
        }
    }

    /// Prints findings to stderr (text) or stdout (machine formats).
    func report(_ diagnostics: [Diagnostic], result: PipelineResult) {
        // Only the files a finding points into are needed (for the source line under each message): a clean
        // build of 10,000 pages made a string of every page here.
        var named = Set(diagnostics.map(\.location.file))
        for d in diagnostics { named.formUnion(d.notes.map(\.location.file)) }
        var pageTexts: [String: String] = [:]
        for page in result.site.pages where named.contains(page.path) { pageTexts[page.path] = page.text }
        // Theme files are named from the theme folder already (`site-templates/page.mustache`).
        let (shown, shownSources) = Self.shownFromWorkingDirectory(
            diagnostics, content: content, pageTexts: pageTexts, themePrefix: Theme.folderName(of: themeFolder) + "/")
        let printer = DiagnosticPrinter(
            format: format, colour: format == .text && isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil,
            sources: shownSources, toolVersion: guidegenVersion)
        let text = printer.render(shown, fileCount: result.fileCount)
        if format == .text { FileHandle.standardError.write(Data(text.utf8)) } else { FileHandle.standardOutput.write(Data(text.utf8)) }
    }

    /// `diagnostics` with their files named from the working directory, as compilers name them, and the
    /// source text of each file they point into (`pageTexts`, else a YAML file read from `content`).
    static func shownFromWorkingDirectory(
        _ diagnostics: [Diagnostic], content: String, pageTexts: [String: String] = [:], themePrefix: String? = nil
    ) -> (diagnostics: [Diagnostic], sources: [String: String]) {
        var sources = pageTexts
        let contentRoot = URL(fileURLWithPath: content)
        for d in diagnostics where sources[d.location.file] == nil && d.location.file.hasSuffix(".yaml") {
            if let data = FileManager.default.contents(atPath: contentRoot.appendingPathComponent(d.location.file).path) {
                sources[d.location.file] = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            }
        }
        let prefix = DiagnosticPrinter.shownPrefix(ofFolder: content)
        func shownPath(_ file: String) -> String { themePrefix.map { file.hasPrefix($0) } == true ? file : prefix + file }
        let shown = diagnostics.map { d -> Diagnostic in
            var d = d
            d.location.file = shownPath(d.location.file)
            d.notes = d.notes.map { n in
                var n = n
                n.location.file = shownPath(n.location.file)
                return n
            }
            return d
        }
        return (shown, Dictionary(uniqueKeysWithValues: sources.map { (prefix + $0.key, $0.value) }))
    }
}

extension DiagnosticPrinter.Format: ExpressibleByArgument {}

/// Where the theme comes from, as a Hugo user expects: the folder named by `--templates`, else
/// `./site-templates`, else `site-templates/` beside the content folder, else the theme built into guidegen.
enum ThemeFolder {
    /// The `--templates` help of `build`, `lint` and `serve`.
    static let help =
        "The theme folder (default: ./site-templates, else site-templates beside the content folder, else the built-in theme)."

    /// The folder to use, or nil for the built-in theme; throws when `--templates` names no folder.
    static func resolve(_ explicit: String?, content: String) throws -> URL? {
        if let explicit {
            switch SetupError.kind(of: explicit) {
            case .folder: return URL(fileURLWithPath: explicit)
            case .file:
                throw SetupError(message: "templates folder `\(explicit)` is not a folder; leave out --templates to use the built-in theme")
            case .missing:
                throw SetupError(message: "templates folder `\(explicit)` does not exist; leave out --templates to use the built-in theme")
            }
        }
        let beside = URL(fileURLWithPath: content).standardizedFileURL.deletingLastPathComponent().appendingPathComponent("site-templates")
        for candidate in [URL(fileURLWithPath: "site-templates"), beside] where SetupError.kind(of: candidate.path) == .folder {
            return candidate
        }
        return nil
    }
}

struct Build: ParsableCommand, ChecksFolders {
    func checkFolders() throws { try site.checkFolders() }

    static let configuration = CommandConfiguration(
        abstract: "Check the content and write the site (nothing is written when there are errors).",
        discussion: "Example: guidegen build --content content --output public --base-url https://example.org/")

    @OptionGroup var site: SiteOptions
    @Option(help: "The output folder (replaced atomically; must be empty or written by guidegen).") var output = "public"

    func run() throws {
        let writer = OutputWriter(
            protectedFolders: [URL(fileURLWithPath: site.content)] + (site.themeFolder.map { [$0] } ?? []),
            rootFolders: [
                URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                URL(fileURLWithPath: site.content).deletingLastPathComponent(),
            ])
        // Pages are written to a staging folder while they render; the output is replaced only when the
        // whole site rendered cleanly, and left as it was otherwise.
        let staging: OutputStaging
        do {
            staging = try writer.begin(URL(fileURLWithPath: output))
        } catch {
            reportOutputProblem("\(error)")
            throw ExitCode(2)
        }
        let site = self.site
        // Errors block the build whether or not --check/--skip show them.
        let sink = OutputSink(accepts: { found in !site.filter(found).hasErrors && !found.hasErrors }, emit: staging.write)
        let result = Pipeline.run(site.pipelineOptions, render: true, sink: sink)
        keptUntilExit = result
        let diagnostics = site.filter(result.diagnostics)
        site.report(diagnostics, result: result)
        PhaseClock.mark("report")
        if diagnostics.hasErrors || result.diagnostics.hasErrors {
            staging.discard()
            let why = site.hiddenErrors(result.diagnostics).map { ": " + $0 } ?? ""
            FileHandle.standardError.write(Data("error: the site was not written\(why); \(output) is unchanged\n".utf8))
            throw ExitCode(1)
        }
        if let failure = staging.failure {
            staging.discard()
            reportOutputProblem("\(failure); \(output) is unchanged")
            throw ExitCode(2)
        }
        do {
            try staging.commit()
            PhaseClock.mark("swap")
        } catch {
            reportOutputProblem("\(error)")
            throw ExitCode(2)
        }
        if site.format == .text {
            let unchanged = staging.filesLinked
            let note = unchanged > 0 ? " (\(unchanged) unchanged files linked from the previous build)" : ""
            FileHandle.standardError.write(Data("wrote \(staging.pagesWritten) pages to \(output)\(note)\n".utf8))
        }
    }
}

extension Build {
    /// An output folder that cannot be written: `error: …` on stderr, and in `--format json|github|sarif` also
    /// an `output` finding on stdout, so a CI step that parses the report sees why nothing was written.
    func reportOutputProblem(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        guard site.format != .text else { return }
        let finding = Diagnostic(.error, .output, at: SourceLocation(file: output, line: 1, column: 1), message)
        let printer = DiagnosticPrinter(format: site.format, colour: false, sources: [:], toolVersion: guidegenVersion)
        FileHandle.standardOutput.write(Data(printer.render([finding], fileCount: 0).utf8))
    }
}

struct Lint: ParsableCommand, ChecksFolders {
    static let configuration = CommandConfiguration(
        abstract: "Check the content: exit 0 when clean, 1 on errors (or warnings with --strict), 2 when it cannot run.",
        discussion:
            "Examples:\n  guidegen lint\n  guidegen lint --strict --format sarif > guidegen.sarif\n  guidegen lint --check claim-contradicts-rule"
    )

    @OptionGroup var site: SiteOptions

    func checkFolders() throws { try site.checkFolders() }

    func run() throws {
        let result = Pipeline.run(site.pipelineOptions, render: false)
        keptUntilExit = result
        let diagnostics = site.filter(result.diagnostics)
        site.report(diagnostics, result: result)
        // --check/--skip choose what lint reports (and its exit code); it still says what they hid, as build does.
        if let hidden = site.hiddenErrors(result.diagnostics), site.format == .text {
            FileHandle.standardError.write(Data("note: \(hidden)\n".utf8))
        }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the front matter schema as JSON Schema (draft 2020-12).")

    @Option(help: "Content folder whose platforms to enumerate (default: ./content when it holds guidegen.yaml).")
    var content: String?

    func run() throws {
        var platforms: [String]?
        // In a project, as every other command does: `guidegen schema > front-matter.schema.json` lists its platforms.
        if content == nil, FileManager.default.fileExists(atPath: "content/guidegen.yaml") {
            let (raw, _) = ContentReader().read(root: URL(fileURLWithPath: "content"))
            let (config, diagnostics) = ConfigValidator.validate(raw.config)
            if diagnostics.contains(where: { $0.severity == .error }) {
                FileHandle.standardError.write(
                    Data("note: content/guidegen.yaml has errors, so the schema lists no platforms (`guidegen lint` shows them)\n".utf8))
            } else {
                platforms = config.platforms.map(\.key)
            }
        }
        if let content {
            // A schema made from no configuration would refuse every platform: say why and exit 2 instead.
            try SetupError.checkContentFolder(content)
            let (raw, _) = ContentReader().read(root: URL(fileURLWithPath: content))
            let (config, diagnostics) = ConfigValidator.validate(raw.config)
            if let error = diagnostics.first(where: { $0.severity == .error }) {
                throw SetupError(
                    message: "\(error.location.file):\(error.location.line):\(error.location.column): \(error.message); "
                        + "run `guidegen lint --content \(content)` for every problem")
            }
            platforms = config.platforms.map(\.key)
        }
        print(FrontMatterSchema.jsonSchema(platforms: platforms), terminator: "")
    }
}

struct Checks: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every check id with what it catches.")
    func run() throws {
        for check in CheckID.allCases { print("\(check.rawValue.padding(toLength: 24, withPad: " ", startingAt: 0)) \(check.summary)") }
    }
}

/// A folder guidegen needs is missing or is a file: exit 2 with the reason, without the usage text.
struct SetupError: Error {
    var message: String

    enum PathKind { case folder, file, missing }

    /// What is at `path`.
    static func kind(of path: String) -> PathKind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        return isDirectory.boolValue ? .folder : .file
    }

    static func checkContentFolder(_ content: String) throws {
        switch kind(of: content) {
        case .folder:
            // Listing a folder needs read and search permission; without them every file would look missing.
            guard access(content, R_OK | X_OK) == 0 else {
                let why = String(cString: strerror(errno))
                throw SetupError(message: "content folder `\(content)` cannot be read (\(why)); check its permissions")
            }
            let config = (content as NSString).appendingPathComponent("guidegen.yaml")
            if kind(of: config) == .folder {
                throw SetupError(message: "`\(config)` is a folder; the site's configuration is a file of that name")
            }
            if kind(of: config) == .file, access(config, R_OK) != 0 {
                throw SetupError(message: "`\(config)` cannot be read (\(String(cString: strerror(errno)))); check its permissions")
            }
            return
        case .file:
            throw SetupError(message: "content folder `\(content)` is a file, not a folder; pass the folder that holds guidegen.yaml")
        case .missing:
            throw SetupError(
                message: "content folder `\(content)` does not exist; run guidegen where content/ is, or pass --content with its path")
        }
    }
}

/// A command whose folders are checked after parsing and before it runs.
protocol ChecksFolders {
    func checkFolders() throws
}
