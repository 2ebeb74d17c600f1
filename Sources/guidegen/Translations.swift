import ArgumentParser
import Foundation
import GuideGen

struct Translations: ParsableCommand {
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

    func run() throws {
        let (raw, _) = ContentReader().read(root: URL(fileURLWithPath: content))
        let (config, _) = ConfigValidator.validate(raw.config)
        let (pages, _) = PageValidator.validate(raw.pages, config: config, includeDrafts: true)
        let index = SiteIndex(pages: pages, config: config)
        let d = config.defaultLanguage
        if !mark.isEmpty || markAll {
            let root = URL(fileURLWithPath: content).standardizedFileURL.path
            var targets: [PageSource] = []
            if markAll { targets = pages.filter { $0.language != d } }
            for path in mark {
                let full = URL(fileURLWithPath: path).standardizedFileURL.path
                let relative = full.hasPrefix(root + "/") ? String(full.dropFirst(root.count + 1)) : path
                guard let page = pages.first(where: { $0.path == relative }) else {
                    throw ValidationError("`\(path)` is not a page of \(content)")
                }
                guard page.language != d else {
                    throw ValidationError("`\(path)` is in the default language; mark its translations instead")
                }
                targets.append(page)
            }
            for page in targets {
                guard let original = index.entries[page.pageKey]?.sources[d] else { continue }
                let hash = TranslationHash.of(original)
                let file = URL(fileURLWithPath: root).appendingPathComponent(page.path)
                // The file as it is on disk, not the decoded page text: its BOM and line endings stay.
                let onDisk = (try? Data(contentsOf: file)).map { String(decoding: $0, as: UTF8.self) } ?? page.text
                let updated = TranslationMarker.set(hash: hash, in: onDisk)
                try Data(updated.utf8).write(to: file, options: .atomic)
                print("\(page.path): translation_of: \(hash)")
            }
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
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max()! }
        for (i, row) in rows.enumerated() {
            print(row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  "))
            if i == 0 { print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
    }
}
