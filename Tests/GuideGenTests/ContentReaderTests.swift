import Foundation
import Testing

@testable import GuideGen

/// Loading never drops a file without a word: what is not a page, rule table, configuration or asset is
/// reported where it is, with what to do about it.
@Suite struct ContentReaderTests {
    @Test func filesThatAreNotReadAreReportedWithAFix() throws {
        let root = try TestSupport.site([
            "guidegen.yaml": "title: {en: Guide}\nlanguages: [en]\n",
            "guide/ok.en.md": "---\ntitle: OK\ntype: article\n---\n",
            "guide/draft.en.markdown": "---\ntitle: D\ntype: article\n---\n",
            "guide/photo.png": "png",
            "guide/fees.yaml": "title: {en: Fees}\n",
            "assets/logo.png": "png",
            "rules/README.md": "notes",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("guide/folder.en.md"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("guide/gone.en.md").path,
            withDestinationPath: root.appendingPathComponent("nowhere.md").path)
        let (raw, diagnostics) = ContentReader().read(root: root)
        #expect(raw.pages.map(\.path) == ["guide/ok.en.md", "rules/README.md"])
        #expect(raw.assets == ["assets/logo.png"])
        #expect(
            diagnostics.sorted(by: Diagnostic.ordered).map { "\($0.location.file) \($0.severity.rawValue)[\($0.check)] \($0.help ?? "")" }
                == [
                    "guide/draft.en.markdown warning[bad-file-name] rename it to `guide/draft.en.md`",
                    "guide/fees.yaml warning[bad-file-name] move it to `rules/fees.yaml` if it is a rule table",
                    "guide/folder.en.md warning[bad-file-name] pages are Markdown files; rename the folder if it holds pages",
                    "guide/gone.en.md warning[unreadable-file] fix the link's target or remove the link",
                    "guide/photo.png warning[bad-file-name] put images and downloads in content/assets/ and link to them from the page",
                ])
        // A note in rules/ is not a page to rename into one.
        let (_, found) = PageValidator.validate(raw.pages, config: TestSupport.config, includeDrafts: false)
        #expect(found.first { $0.location.file == "rules/README.md" }?.help?.hasPrefix("rules/ holds rule tables") == true)
    }

    /// An oversized file is refused from its size alone, and a link to a FIFO is refused at once (opening
    /// one for reading would wait for a writer forever); the other files are still read.
    @Test func oversizedFilesAndFIFOsAreRefusedWithoutHanging() throws {
        let root = try TestSupport.site([
            "guidegen.yaml": "title: {en: Guide}\nlanguages: [en]\n",
            "guide/ok.en.md": "---\ntitle: OK\ntype: article\n---\n",
            "guide/big.en.md": "---\ntitle: Big\ntype: article\n---\n" + String(repeating: "Long text. ", count: 300),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let fifo = root.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("guide/pipe.en.md").path, withDestinationPath: fifo)
        var reader = ContentReader()
        reader.maxFileBytes = 2048
        let (raw, diagnostics) = reader.read(root: root)
        #expect(raw.pages.map(\.path) == ["guide/ok.en.md"])
        #expect(
            diagnostics.sorted(by: Diagnostic.ordered).map { "\($0.location.file) \($0.severity.rawValue)[\($0.check)] \($0.message)" }
                == [
                    "guide/big.en.md error[file-too-large] the file is 3 KiB; the limit is 2 KiB",
                    "guide/pipe.en.md error[unreadable-file] this is not a regular file (a device, pipe or socket)",
                ])
    }

    /// Names as other systems write them: a page saved on macOS (é decomposed as e + U+0301) is the page a
    /// composed name gives, and pairs with its translation (it was skipped, "not `é`"); a hidden page says it
    /// is skipped; two names that differ only in case are one file on macOS and Windows.
    @Test func decomposedHiddenAndCaseOnlyNamesAreHandledAloud() throws {
        let page = "---\ntitle: P\ntype: article\n---\nText.\n"
        let root = try TestSupport.site([
            "guidegen.yaml": "title: {zh-Hans: 指南, en: Guide}\nlanguages: [zh-Hans, en]\n",
            "p/cafe\u{301}.en.md": page, "p/caf\u{E9}.zh-Hans.md": page,
            "p/.en.md": page, "p/.git/config.md": "x",
            "p/Refund.en.md": page, "p/refund.en.md": page, "p/refund.zh-Hans.md": page,
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Pipeline.run(PipelineOptions(content: root, templates: nil), render: false)
        #expect(
            result.diagnostics.filter { $0.check != CheckID.missingTranslation.rawValue }.map {
                "\($0.location.file) \($0.check) \($0.message)"
            } == [
                "p/.en.md bad-file-name `.en.md` is hidden (its name starts with `.`), so it is skipped",
                "p/refund.en.md duplicate-page this file's name differs from `p/Refund.en.md` only in case; on macOS and Windows they are one file",
            ])
        #expect(!result.diagnostics.contains { $0.message.contains("caf") })
    }

    /// A file in a language the site writes another way is told the name to use: `zh-TW` for `zh-Hant`
    /// (it was told to add zh-TW to the languages, a second Traditional Chinese), `ZH-hans` for `zh-Hans`.
    @Test func aFileInAnotherSpellingOfALanguageIsToldItsName() throws {
        let page = "---\ntitle: P\ntype: article\n---\nText.\n"
        let root = try TestSupport.site([
            "guidegen.yaml": "title: {zh-Hans: 指南, zh-Hant: 指南}\nlanguages: [zh-Hans, zh-Hant]\n",
            "s/p.zh-Hans.md": page, "s/p.zh-TW.md": page, "s/p.ZH-hant.md": page, "s/p.ja.md": page,
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Pipeline.run(PipelineOptions(content: root, templates: nil), render: false)
        #expect(
            result.diagnostics.filter { $0.check == CheckID.badFileName.rawValue }.map { "\($0.location.file) \($0.help ?? "")" } == [
                "s/p.ZH-hant.md rename it to `s/p.zh-Hant.md`: the site writes this language so",
                "s/p.ja.md add `ja` to `languages:` in guidegen.yaml",
                "s/p.zh-TW.md rename it to `s/p.zh-Hant.md`: the site writes this language so",
            ])
    }

    /// Reading with more threads than cores keeps the files in path order, one result each.
    @Test func readingOnManyThreadsKeepsOrder() {
        let items = Array(0..<1000)
        #expect(ParallelMap.mapWaitingOnDisk(items) { $0 * 2 } == items.map { $0 * 2 })
        #expect(ParallelMap.mapWaitingOnDisk(items, threads: 1) { $0 + 1 } == items.map { $0 + 1 })
        #expect(ParallelMap.mapWaitingOnDisk([Int]()) { $0 }.isEmpty)
    }

    @Test func aLanguageListedTwiceIsAWarningAndCountsOnce() throws {
        let text = SourceText(path: "guidegen.yaml", text: "title: {zh-Hans: 指南, en: Guide}\nlanguages: [zh-Hans, en, zh-Hans]\n")
        let (config, diagnostics) = ConfigValidator.validate(text)
        #expect(config.languages == ["zh-Hans", "en"])
        #expect(
            TestSupport.lines(diagnostics) == [
                "2:26 warning[config] `zh-Hans` is listed twice in `languages:` | keep its first place (the first language is the default one)"
            ])
    }

    /// Language tags ignore case: `en` and `EN` were two languages, built to `en/` and `EN/` (one folder on
    /// macOS and Windows) with "English" twice in the language chooser.
    @Test func aLanguageListedAgainInAnotherCaseCountsOnce() throws {
        let text = SourceText(path: "guidegen.yaml", text: "title: Guide\nlanguages: [en, zh-Hans, EN, zh-hans]\n")
        let (config, diagnostics) = ConfigValidator.validate(text)
        #expect(config.languages == ["en", "zh-Hans"])
        #expect(
            TestSupport.lines(diagnostics).filter { $0.contains("again") } == [
                "2:26 warning[config] `EN` is `en` again: language tags ignore case | keep its first place (the first language is the default one)",
                "2:30 warning[config] `zh-hans` is `zh-Hans` again: language tags ignore case | keep its first place (the first language is the default one)",
            ])
    }

    /// One text for a site of several languages, as a Hugo site writes its title: the default language's,
    /// shown to every reader, with a missing-translation warning that says how to write it per language.
    @Test func aSingleTextInAMultilingualSiteIsTheDefaultLanguages() throws {
        let text = SourceText(path: "guidegen.yaml", text: "title: 网购售后指南\nlanguages: [zh-Hans, en]\nplatforms:\n  taobao: 淘宝\n")
        let (config, diagnostics) = ConfigValidator.validate(text)
        #expect(config.title.text("en", fallback: "zh-Hans") == "网购售后指南")
        #expect(config.platforms.first?.name.text("zh-Hans", fallback: "zh-Hans") == "淘宝")
        #expect(
            TestSupport.lines(diagnostics) == [
                "1:8 warning[missing-translation] `title` is one text, taken as zh-Hans; en readers see it too | write it per language: `title: {zh-Hans: …, en: …}`",
                "4:11 warning[missing-translation] `platforms.taobao` is one text, taken as zh-Hans; en readers see it too | write it per language: `taobao: {zh-Hans: …, en: …}`",
            ])
    }

    /// A guidegen.yaml without usable languages (`languges:`, a typo) is the whole report: checked against a
    /// stand-in language, every page, text and rule table would be "not in a configured language".
    @Test func withoutTheSitesLanguagesOnlyTheConfigurationIsReported() throws {
        let root = try TestSupport.site([
            "guidegen.yaml": "title: {zh-Hans: 指南, en: Guide}\nlanguges: [zh-Hans, en]\nplatforms:\n  taobao: {zh-Hans: 淘宝, en: Taobao}\n",
            "rules/w.yaml": TestSupport.windowTable(zh: "售后期", en: "after-sales window"),
            "s/p.zh-Hans.md": "---\ntitle: 页\ntype: article\nplatforms: [taobao]\n---\n售后期是15天。\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Pipeline.run(PipelineOptions(content: root, templates: nil), render: true)
        #expect(
            TestSupport.lines(result.diagnostics) == [
                "1:1 error[missing-key] guidegen.yaml has no `languages:` list | add e.g. `languages: [zh-Hans, en]`",
                "2:1 error[unknown-key] `languges`: unknown key in guidegen.yaml | did you mean `languages`?",
            ])
        #expect(result.files.isEmpty)
    }

    /// An empty list names no default language: an error at the list, not a site quietly in English.
    @Test func anEmptyLanguageListIsAnError() throws {
        let text = SourceText(path: "guidegen.yaml", text: "title: {en: Solo}\nlanguages: []\n")
        let (_, diagnostics) = ConfigValidator.validate(text)
        #expect(
            TestSupport.lines(diagnostics) == [
                "2:12 error[config] `languages:` is empty | list the site's languages, the default first: `languages: [zh-Hans, en]`"
            ])
    }

    /// Page paths are appended to the base URL, so a query, a fragment, credentials or a bad port would break
    /// every canonical and sitemap URL; a non-ASCII path is percent-encoded (sitemaps need plain URLs).
    @Test func baseURLsThatCannotPrefixPagePathsAreRefused() {
        for bad in [
            "https://example.org/docs/?v=1", "https://example.org/#top", "https://user:pw@example.org/", "https://example.org:99999/",
            "https://example.org:/", "https://example.org:8a/", "https://例子.org/", "example.org/", "https:///x",
        ] {
            #expect(ConfigValidator.baseURLProblem(bad) != nil, "\(bad)")
        }
        for good in ["https://example.org", "http://example.org:8080/g/", "http://[::1]:8080/", "http://[::1]/", "https://example.org/文档/"]
        {
            #expect(ConfigValidator.baseURLProblem(good) == nil, "\(good)")
        }
        #expect(ConfigValidator.normalizedBaseURL("https://example.org/文档") == "https://example.org/%E6%96%87%E6%A1%A3/")
        #expect(ConfigValidator.normalizedBaseURL("https://example.org/g/") == "https://example.org/g/")
        // The same site however written: scheme and host in lower case, one `/` where two were typed.
        #expect(ConfigValidator.normalizedBaseURL("HTTPS://Example.ORG//Guide//zh/") == "https://example.org/Guide/zh/")
        #expect(ConfigValidator.normalizedBaseURL("https://example.org") == "https://example.org/")
        let text = SourceText(path: "guidegen.yaml", text: "title: {en: Solo}\nlanguages: [en]\nbase_url: https://example.org/?v=2\n")
        let (config, diagnostics) = ConfigValidator.validate(text)
        #expect(config.baseURL == nil)
        #expect(TestSupport.lines(diagnostics).first?.hasPrefix("3:11 error[config] `base_url` may not have a query or fragment") == true)
    }
}
