import ArgumentParser
import Foundation
import GuideGen

struct Translations: ParsableCommand, ChecksFolders {
    static let configuration = CommandConfiguration(
        abstract: "Show every page's translation status per language, or mark a translation current.",
        discussion: """
            Status: original, up to date, outdated (the original changed since translation_of was recorded),
            missing, untracked (no translation_of yet).
            Examples:
              guidegen translations
              guidegen translations --mark content/policies/claim-windows.en.md   after checking it
              guidegen translations --mark-all                                     start tracking every translation
            """)

    @Option(help: "The content folder.") var content = "content"
    @Option(help: "Record that this translation matches its current original (repeatable).") var mark: [String] = []
    @Flag(help: "Mark every existing translation as current.") var markAll = false

    /// A missing or unreadable content folder is "could not run" (exit 2), as for `build` and `lint`.
    func checkFolders() throws { try SetupError.checkContentFolder(content) }

    func run() throws {
        let (raw, readDiagnostics) = ContentReader().read(root: URL(fileURLWithPath: content))
        let (config, configDiagnostics) = ConfigValidator.validate(raw.config)
        // Without a valid guidegen.yaml the languages are unknown: a table (or a marking) would be guesswork.
        // Only guidegen.yaml's own errors: a page that could not be read (invalid UTF-8, a link leaving
        // content/) is left out of the table, not a reason to show none.
        let configErrors = (readDiagnostics + configDiagnostics).filter {
            $0.severity == .error && ($0.location.file == "guidegen.yaml" || $0.location.file.isEmpty)
        }
        let unreadable = Set(readDiagnostics.filter { $0.severity == .error && $0.location.file != "guidegen.yaml" }.map(\.location.file))
        if !unreadable.isEmpty {
            FileHandle.standardError.write(
                Data(
                    "note: \(unreadable.count) file\(unreadable.count == 1 ? "" : "s") could not be read and \(unreadable.count == 1 ? "is" : "are") left out (`guidegen lint` shows why): \(unreadable.sorted().prefix(5).joined(separator: ", "))\n"
                        .utf8))
        }
        if !configErrors.isEmpty {
            // Named and quoted as `lint` names them: from the working directory, with the source line.
            let (shown, sources) = SiteOptions.shownFromWorkingDirectory(configErrors, content: content)
            let printer = DiagnosticPrinter(format: .text, colour: false, sources: sources, toolVersion: guidegenVersion)
            FileHandle.standardError.write(Data(printer.render(shown, fileCount: raw.pages.count + 1).utf8))
            FileHandle.standardError.write(Data("error: fix guidegen.yaml first (`guidegen lint` shows every finding)\n".utf8))
            throw ExitCode(2)
        }
        let (pages, pageDiagnostics) = PageValidator.validate(raw.pages, config: config, includeDrafts: true)
        let broken = Set(pageDiagnostics.filter { $0.severity == .error }.map(\.location.file))
        let index = SiteIndex(pages: pages, config: config)
        let d = config.defaultLanguage
        if !mark.isEmpty || markAll {
            let root = URL(fileURLWithPath: content).standardizedFileURL.path
            var targets: [PageSource] = []
            var refusedOriginals = 0
            if markAll { targets = pages.filter { $0.language != d } }
            for path in mark {
                let full = URL(fileURLWithPath: path).standardizedFileURL.path
                let relative = full.hasPrefix(root + "/") ? String(full.dropFirst(root.count + 1)) : path
                guard let page = pages.first(where: { $0.path == relative }) else {
                    throw SetupError(message: "`\(path)` is not a page of the content folder `\(content)`")
                }
                // Marking an original is refused as the other originals are (exit 1), not as a usage error.
                guard page.language != d else {
                    Self.refuse(page, "it is in the default language, the original; mark its translations instead")
                    refusedOriginals += 1
                    continue
                }
                targets.append(page)
            }
            var refused = refusedOriginals
            for page in targets {
                // The original the checks use: the default language's, else the first language's that has the page.
                let sources = index.entries[page.pageKey]?.sources ?? [:]
                guard let original = sources[d] ?? config.languages.lazy.compactMap({ sources[$0] }).first,
                    original.language != page.language
                else {
                    if !markAll {
                        Self.refuse(page, "it is the page's original (it has no \(d) version to be a translation of)")
                        refused += 1
                    }
                    continue
                }
                guard !broken.contains(page.path) else {
                    Self.refuse(page, "its front matter has errors (`guidegen lint` shows them)")
                    refused += 1
                    continue
                }
                let hash = TranslationHash.of(original)
                let file = URL(fileURLWithPath: root).appendingPathComponent(page.path)
                // The file as it is on disk, not the decoded page text: its BOM and line endings stay.
                let onDisk = (try? Data(contentsOf: file)).map { String(decoding: $0, as: UTF8.self) } ?? page.text
                let updated = TranslationMarker.set(hash: hash, in: onDisk)
                // The edit is line-based: front matter written as one flow mapping, or a `translation_of` written
                // over several lines, cannot take it. Such a file is left as it is.
                guard Self.reads(updated, path: page.path, hash: hash, config: config) else {
                    Self.refuse(page, "its front matter cannot be edited line by line; add `translation_of: \(hash)` by hand")
                    refused += 1
                    continue
                }
                // Through a link inside content/ to the file it names, keeping the file's permissions: the
                // atomic replace made a link a copy (leaving its target unmarked) and reset the mode.
                let real = file.resolvingSymlinksInPath()
                let mode = (try? FileManager.default.attributesOfItem(atPath: real.path)[.posixPermissions]) as? NSNumber
                try Data(updated.utf8).write(to: real, options: .atomic)
                if let mode { try? FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: real.path) }
                print("\(page.path): translation_of: \(hash)")
            }
            if refused > 0 { throw ExitCode(1) }
            return
        }
        var rows: [[String]] = [["page"] + config.languages]
        for key in index.entries.keys.sorted() {
            let versions = index.entries[key]!.sources
            rows.append(
                [key]
                    + config.languages.map {
                        TranslationChecker.status(of: versions, language: $0, defaultLanguage: d, languages: config.languages).rawValue
                    })
        }
        // Padded by terminal cells: a Chinese page name takes two per character.
        let widths = (0..<rows[0].count).map { c in rows.map { DiagnosticPrinter.cellWidth(of: $0[c]) }.max()! }
        for (i, row) in rows.enumerated() {
            let cells = row.enumerated().map { $1 + String(repeating: " ", count: widths[$0] - DiagnosticPrinter.cellWidth(of: $1)) }
            print(cells.joined(separator: "  "))
            if i == 0 { print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
    }

    static func refuse(_ page: PageSource, _ why: String) {
        FileHandle.standardError.write(Data("\(page.path): not marked: \(why)\n".utf8))
    }

    /// Whether `text` is a page whose front matter is still valid and records `hash`.
    static func reads(_ text: String, path: String, hash: String, config: SiteConfig) -> Bool {
        guard case .success(let source) = SourceText.decode(Array(text.utf8), path: path) else { return false }
        let (pages, diagnostics) = PageValidator.validate([source], config: config, includeDrafts: true)
        return !diagnostics.contains { $0.severity == .error } && pages.first?.frontMatter.translationOf == hash
    }
}
