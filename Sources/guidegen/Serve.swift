import ArgumentParser
import Dispatch
import Foundation
import GuideGen

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct Serve: ParsableCommand, ChecksFolders {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site on this machine, rebuilding and reloading the browser on every change.",
        discussion: """
            The site is built in memory (no base URL, nothing is written) and served from memory on 127.0.0.1 \
            only. Content and templates are polled every 300 ms; after a change the site is rebuilt and open \
            pages reload. While the build has errors they are printed here and shown in the browser instead \
            of every page; other files keep coming from the last good build.

            Examples:
              guidegen serve                     http://127.0.0.1:1313/
              guidegen serve --port 8080 --drafts
              guidegen serve --port 0            any free port
            """)

    @Option(help: "The content folder.") var content = "content"
    @Option(help: ArgumentHelp(ThemeFolder.help))
    var templates: String?
    @Option(help: "The port (0: any free port).") var port = 1313
    @Option(help: "localhost, 127.0.0.1 or ::1; the preview is never served to the network.") var host = "127.0.0.1"
    @Flag(help: "Include pages with `draft: true`.") var drafts = false

    func validate() throws {
        guard address != nil else {
            throw ValidationError("--host must be localhost, 127.0.0.1 or ::1 (`\(host)` would expose the preview to the network)")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func checkFolders() throws {
        try SetupError.checkContentFolder(content)
        _ = try ThemeFolder.resolve(templates, content: content)
    }

    /// The loopback address for `--host`; nil for anything else.
    var address: PreviewServer.Address? {
        switch host.lowercased() {
        case "localhost", "127.0.0.1": return .ipv4Loopback
        case "::1", "[::1]": return .ipv6Loopback
        default: return nil
        }
    }

    func run() throws {
        // A browser closing a tab mid-response must not kill the server.
        signal(SIGPIPE, SIG_IGN)
        let state = PreviewServerState()
        let server: PreviewServer
        do {
            server = try PreviewServer(address: address ?? .ipv4Loopback, port: port, state: state)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }

        let themeFolder = (try? ThemeFolder.resolve(templates, content: content)) ?? nil
        let builder = ServeBuilder(
            options: PipelineOptions(
                content: URL(fileURLWithPath: content), templates: themeFolder, baseURL: "", includeDrafts: drafts),
            contentPath: content, state: state)
        builder.build(initial: true)

        // Ctrl-C and `kill`: stop accepting, end event streams, let `run` return.
        var signalSources: [DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { state.stop() }
            source.resume()
            signalSources.append(source)
        }

        let watcher = FileWatcher(roots: [URL(fileURLWithPath: content)] + (themeFolder.map { [$0] } ?? []))
        let watcherThread = Thread {
            watcher.run(shouldStop: { state.isStopping }, onChange: { builder.build(initial: false) })
        }
        watcherThread.start()

        let url = "http://\((address ?? .ipv4Loopback).urlHost):\(server.port)/"
        FileHandle.standardOutput.write(Data("Serving at \(url) (Ctrl-C to stop)\n".utf8))
        withExtendedLifetime(signalSources) { server.run() }
        FileHandle.standardError.write(Data("\nstopped\n".utf8))
    }
}

/// Runs the pipeline for `serve`, prints what it found and publishes the result to the server.
/// Only the watcher thread calls `build` after the first build, so builds never overlap.
final class ServeBuilder: @unchecked Sendable {
    let options: PipelineOptions
    /// The content folder as given, to print paths as `build` and `lint` do.
    let contentPath: String
    let state: PreviewServerState
    private var lastPrinted: [Diagnostic]?

    init(options: PipelineOptions, contentPath: String, state: PreviewServerState) {
        self.options = options
        self.contentPath = contentPath
        self.state = state
    }

    func build(initial: Bool) {
        let started = Date()
        let result = Pipeline.run(options, render: true)
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        let failed = result.diagnostics.hasErrors
        let (shown, sources) = shownDiagnostics(result)
        // Warnings are printed once, not after every save; errors every time, since they block the site.
        if failed || shown != lastPrinted, !shown.isEmpty {
            let colour = isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            let printer = DiagnosticPrinter(format: .text, colour: colour, sources: sources, toolVersion: guidegenVersion)
            FileHandle.standardError.write(Data(printer.render(shown, fileCount: result.fileCount).utf8))
        }
        lastPrinted = shown
        var report: String?
        if failed {
            let errors = shown.filter { $0.severity == .error }
            report = DiagnosticPrinter(format: .text, colour: false, sources: sources, toolVersion: guidegenVersion).render(
                errors, fileCount: result.fileCount)
        }
        state.publish(files: failed ? nil : result.files, errorReport: report)
        let build = state.snapshot.build
        let pages = result.files.keys.filter { $0.hasSuffix(".html") }.count
        let message: String
        if failed {
            message =
                "build \(build) failed in \(milliseconds) ms; "
                + (state.snapshot.files.isEmpty
                    ? "pages show the errors until they are fixed" : "serving the last good site with the errors on every page")
        } else {
            message = "\(initial ? "built" : "rebuilt") \(pages) pages in \(milliseconds) ms (build \(build))"
        }
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Diagnostics with paths relative to the working directory and the sources for caret lines, as
    /// `SiteOptions.report` prints them for `build` and `lint`.
    private func shownDiagnostics(_ result: PipelineResult) -> ([Diagnostic], [String: String]) {
        var sources: [String: String] = [:]
        for page in result.site.pages { sources[page.path] = page.text }
        for d in result.diagnostics where sources[d.location.file] == nil && d.location.file.hasSuffix(".yaml") {
            if let data = FileManager.default.contents(atPath: options.content.appendingPathComponent(d.location.file).path) {
                sources[d.location.file] = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            }
        }
        let prefix = DiagnosticPrinter.shownPrefix(ofFolder: contentPath)
        let themePrefix = Theme.folderName(of: options.templates) + "/"
        func shown(_ file: String) -> String { file.hasPrefix(themePrefix) ? file : prefix + file }
        let diagnostics = result.diagnostics.map { d -> Diagnostic in
            var d = d
            d.location.file = shown(d.location.file)
            d.notes = d.notes.map { note in
                var note = note
                note.location.file = shown(note.location.file)
                return note
            }
            return d
        }
        return (diagnostics, Dictionary(sources.map { (shown($0.key), $0.value) }, uniquingKeysWith: { first, _ in first }))
    }
}
