import Foundation
import Testing

@testable import GuideGen

/// Translations: missing pages served with a notice, outdated ones caught by hash, structure compared.
@Suite struct TranslationTests {
    static let config = "title: {zh-Hans: 指南, en: Guide}\nlanguages: [zh-Hans, en]\n"

    func run(_ files: [String: String], render: Bool = false) throws -> PipelineResult {
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        return Pipeline.run(
            PipelineOptions(content: root, templates: TestSupport.repository.appendingPathComponent("site-templates")), render: render)
    }

    func page(_ title: String, _ body: String, extra: String = "") -> String { "---\ntitle: \(title)\ntype: faq\n\(extra)---\n\(body)" }

    /// Hashes recorded in `translation_of` must not change when the hashing code does: these values came from
    /// the first (Character-based) implementation.
    @Test(
        arguments: [
            ("问答", nil, "## 问一？\n\n答。\n", "8353b8ca"), ("T", "sum", "line one  \t\nline two\n\n\n  \n", "6b0f72ef"),
            ("T", nil, "a\r\nb \r\n\n", "80a6bcfd"), ("T", nil, "", "c7724c37"), ("T", nil, "\n\n", "c7724c37"),
            ("T", nil, "x\n \ty", "6fe5c993"),
        ] as [(String, String?, String, String)])
    func translationHashIsStable(title: String, summary: String?, body: String, expected: String) {
        var frontMatter = FrontMatter()
        frontMatter.title = title
        frontMatter.summary = summary
        let page = PageSource(
            path: "", section: "s", slug: "p", language: "en", text: body, body: Substring(body), bodyLine: 1, frontMatter: frontMatter)
        #expect(TranslationHash.of(page) == expected)
    }

    @Test func outdatedTranslationIsReportedWithTheNewHashAndShownToReaders() throws {
        let original = page("问答", "## 问一？\n\n答。\n")
        let hash = TranslationHash.of(
            PageSource(
                path: "", section: "s", slug: "p", language: "zh-Hans", text: original, body: "## 问一？\n\n答。\n", bodyLine: 5,
                frontMatter: {
                    var f = FrontMatter(); f.title = "问答"; return f
                }()))
        let current = try run([
            "guidegen.yaml": Self.config, "s/p.zh-Hans.md": original,
            "s/p.en.md": page("FAQ", "## Q one?\n\nA.\n", extra: "translation_of: \(hash)\n"),
        ])
        #expect(current.diagnostics.filter { $0.check == "outdated-translation" }.isEmpty)

        let changed = page("问答", "## 问一？\n\n答案改了。\n")
        let result = try run(
            [
                "guidegen.yaml": Self.config, "s/p.zh-Hans.md": changed,
                "s/p.en.md": page("FAQ", "## Q one?\n\nA.\n", extra: "translation_of: \(hash)\n"),
            ], render: true)
        let outdated = result.diagnostics.filter { $0.check == "outdated-translation" }
        #expect(outdated.count == 1)
        #expect(outdated.first?.location == SourceLocation(file: "s/p.en.md", line: 4, column: 1))
        #expect(outdated.first?.notes.map(\.location.file) == ["s/p.zh-Hans.md"])
        let html = String(decoding: result.files["en/s/p/index.html"]!, as: UTF8.self)
        #expect(html.contains("notice--outdated"))
        // The notice leads to the original.
        let link = #"<a href="../../../zh-Hans/s/p/index.html" hreflang="zh-Hans">Read the original</a></p>"#
        #expect(html.contains("some details may be out of date. " + link))
    }

    /// Hex digits ignore case, as git's do: `BCEDC62B` was reported as "the original changed (`BCEDC62B` →
    /// `bcedc62b`)". Something that is no hash at all is called that, not a change.
    @Test func aHashInCapitalsIsCurrentAndANonHashIsNamedSo() throws {
        let original = page("问答", "## 问一？\n\n答。\n")
        var frontMatter = FrontMatter()
        frontMatter.title = "问答"
        let hash = TranslationHash.of(
            PageSource(
                path: "", section: "s", slug: "p", language: "zh-Hans", text: original, body: "## 问一？\n\n答。\n", bodyLine: 5,
                frontMatter: frontMatter))
        for (recorded, message) in [
            (hash.uppercased(), nil),
            ("xyz", "`xyz` is not a translation hash (8 hex digits); the zh-Hans original's is `\(hash)`"),
        ] {
            let result = try run([
                "guidegen.yaml": Self.config, "s/p.zh-Hans.md": original,
                "s/p.en.md": page("FAQ", "## Q one?\n\nA.\n", extra: "translation_of: \(recorded)\n"),
            ])
            #expect(result.diagnostics.filter { $0.check == "outdated-translation" }.map(\.message) == (message.map { [$0] } ?? []))
        }
        #expect(TranslationHash.isHash("0A1b2C3d") && !TranslationHash.isHash("0a1b2c3g") && !TranslationHash.isHash("0a1b2c3"))
    }

    /// A copy's title is in its original's language wherever an English page shows it (the sidebar, the home
    /// page's cards, the pager, the breadcrumb trail): marked with that `lang`, as its body is, so a screen
    /// reader does not read Chinese with an English voice. The page's own English titles are not marked.
    @Test func aCopysTitleIsMarkedWithItsLanguageEverywhere() throws {
        let result = try run(
            [
                "guidegen.yaml": Self.config,
                "s/a.zh-Hans.md": "---\ntitle: 甲\ntype: article\norder: 1\n---\n正文。\n",
                "s/a.en.md": "---\ntitle: Alpha\ntype: article\norder: 1\n---\nText.\n",
                "s/b.zh-Hans.md": "---\ntitle: 仅中文\ntype: article\norder: 2\n---\n正文。\n",
            ], render: true)
        let alpha = String(decoding: try #require(result.files["en/s/a/index.html"]), as: UTF8.self)
        #expect(alpha.contains(#"<li lang="zh-Hans"><a href="../../../en/s/b/index.html">仅中文</a></li>"#), "sidebar")
        #expect(alpha.contains(#"<bdi lang="zh-Hans">仅中文</bdi></a>"#), "pager")
        #expect(alpha.contains(#"<li><a href="../../../en/s/a/index.html" aria-current="page">Alpha</a></li>"#))
        let copy = String(decoding: try #require(result.files["en/s/b/index.html"]), as: UTF8.self)
        #expect(copy.contains(#"<li aria-current="page" lang="zh-Hans">仅中文</li>"#), "breadcrumb")
        #expect(copy.contains(#"<span>Previous</span>Alpha</a>"#))
        let home = String(decoding: try #require(result.files["en/index.html"]), as: UTF8.self)
        #expect(home.contains(#"<li lang="zh-Hans"><a href="../en/s/b/index.html">仅中文</a></li>"#), "home card")
    }

    /// Two tags of one language are named in full in the language chooser: `en-US` and `en-GB` were both
    /// "English"; one of a kind keeps its short name (`简体中文`).
    @Test func languagesThatShareANameAreNamedWithTheirRegion() throws {
        let page = "---\ntitle: T\ntype: article\n---\nText.\n"
        let result = try run(
            [
                "guidegen.yaml": "title: Guide\nlanguages: [en-US, zh-Hans, en-GB]\n", "s/p.en-US.md": page, "s/p.zh-Hans.md": page,
                "s/p.en-GB.md": page,
            ], render: true)
        let html = String(decoding: try #require(result.files["en-US/index.html"]), as: UTF8.self)
        let names = html.matches(of: /lang="(en-US|en-GB|zh-Hans)">([^<\n]+)</).map { "\($0.output.1) \($0.output.2)" }
        #expect(Set(names) == ["en-US English (United States)", "en-GB English (United Kingdom)", "zh-Hans 简体中文"])
    }

    /// A language guidegen has no words for gets the site's own (`strings:`), as Hugo's i18n files give a
    /// theme its words: the menus, the page kind, an alert's title and the fallback notice are Japanese, not
    /// English inside `lang="ja"`. Unknown keys and languages are errors with the nearest name.
    @Test func aSiteGivesALanguageItsOwnInterfaceWords() throws {
        let config = """
            title: {ja: ガイド, en: Guide}
            languages: [ja, en]
            strings:
              ja: {language_name: 日本語, home: ホーム, kind_policy: 規約, alert_note: 注記, fallback_notice: まだ翻訳されていません。}

            """
        let result = try run(
            [
                "guidegen.yaml": config, "s/p.ja.md": "---\ntitle: 返品\ntype: policy\n---\n> [!NOTE]\n> 注意。\n",
                "s/p.en.md": "---\ntitle: Returns\ntype: policy\n---\nText.\n",
                "s/q.en.md": "---\ntitle: Only English\ntype: policy\n---\nText.\n",
            ], render: true)
        #expect(result.diagnostics.filter { $0.check == "config" }.isEmpty, "no 'menus are in English' warning")
        let page = String(decoding: try #require(result.files["ja/s/p/index.html"]), as: UTF8.self)
        for words in [">ホーム<", ">規約", "注記", ">日本語<"] { #expect(page.contains(words), "\(words)") }
        let copy = String(decoding: try #require(result.files["ja/s/q/index.html"]), as: UTF8.self)
        #expect(copy.contains("まだ翻訳されていません。"))

        let (_, diagnostics) = ConfigValidator.validate(
            SourceText(path: "guidegen.yaml", text: "title: Guide\nlanguages: [ja]\nstrings:\n  ja: {hom: x}\n  fr: {home: Accueil}\n"))
        #expect(
            TestSupport.lines(diagnostics) == [
                "4:8 error[unknown-key] `strings.ja.hom`: the theme has no such words | did you mean `home`?",
                "5:3 error[config] `strings.fr`: `fr` is not one of `languages:` | known languages: `ja`",
            ])
    }

    /// An empty `## ` is no question: a translation with two questions against an original with one and an
    /// empty heading passed the count (and the data had 1 question in one language, 2 in the other). The
    /// empty heading is reported once, not also as "the question “” has no answer".
    @Test func anEmptyHeadingIsNoFAQQuestion() throws {
        let result = try run([
            "guidegen.yaml": Self.config, "s/p.zh-Hans.md": page("问答", "## 问一？\n\n答。\n\n## \n"),
            "s/p.en.md": page("FAQ", "## Q one?\n\nA.\n\n## Q two?\n\nB.\n"),
        ])
        #expect(
            result.diagnostics.map { "\($0.location.file):\($0.location.line) \($0.check) \($0.message)" }.sorted() == [
                "s/p.en.md:1 translation-mismatch this translation has 2 FAQ questions; the zh-Hans original has 1",
                "s/p.zh-Hans.md:9 faq-empty-answer this `##` heading is empty, so its answer has no question",
            ])
    }

    /// A `type: flow` page with no flow is a warning, and a fence written ```Mermaid is a flow (it was shown
    /// as code, without a word).
    @Test func aFlowPageWithoutAFlowIsAWarningAndTheFenceIgnoresCase() throws {
        let flow = "flowchart TD\n  a[签收] --> b[完成]\n```\n"
        let none = "```text\nflowchart TD\n```\n"
        let result = try run(
            [
                "guidegen.yaml": Self.config,
                "s/p.zh-Hans.md": "---\ntitle: 流程\ntype: flow\n---\n```Mermaid\n" + flow,
                "s/p.en.md": "---\ntitle: Flow\ntype: flow\n---\n```mermaid\n" + flow,
                "s/q.zh-Hans.md": "---\ntitle: 流程二\ntype: flow\n---\n" + none,
                "s/q.en.md": "---\ntitle: Flow two\ntype: flow\n---\n" + none,
            ], render: true)
        #expect(
            result.diagnostics.map { "\($0.location.file):\($0.location.line) \($0.check) \($0.message)" }.sorted() == [
                "s/q.en.md:5 flow-empty this `type: flow` page has no flow",
                "s/q.zh-Hans.md:5 flow-empty this `type: flow` page has no flow",
            ])
        #expect(String(decoding: try #require(result.files["zh-Hans/s/p/index.html"]), as: UTF8.self).contains("<svg"))
    }

    @Test func markWritesOnlyTheHashLine() {
        let text = "---\ntitle: FAQ\ntype: faq\n---\nBody\n"
        #expect(TranslationMarker.set(hash: "0a1b2c3d", in: text) == "---\ntitle: FAQ\ntype: faq\ntranslation_of: 0a1b2c3d\n---\nBody\n")
        // A BOM and CRLF endings stay; the new line ends in CRLF too.
        #expect(
            TranslationMarker.set(hash: "0a1b2c3d", in: "\u{FEFF}---\r\ntitle: FAQ\r\n---\r\nBody\r\n")
                == "\u{FEFF}---\r\ntitle: FAQ\r\ntranslation_of: 0a1b2c3d\r\n---\r\nBody\r\n")
        #expect(
            TranslationMarker.set(hash: "ffffffff", in: "---\ntranslation_of: 0a1b2c3d\ntitle: X\n---\n")
                == "---\ntranslation_of: ffffffff\ntitle: X\n---\n")
        // A hash YAML would read as a number is quoted.
        #expect(TranslationMarker.set(hash: "12345678", in: text).contains("\ntranslation_of: \"12345678\"\n"))
        #expect(TranslationMarker.set(hash: "1234e567", in: text).contains("\ntranslation_of: \"1234e567\"\n"))
        #expect(TranslationMarker.set(hash: "e1234567", in: text).contains("\ntranslation_of: e1234567\n"))
    }

    /// A comment after the old hash stays after the new one, with its spacing, in every quoting and ending.
    @Test func markKeepsATrailingComment() {
        let cases: [(String, String)] = [
            ("translation_of: 0a1b2c3d  # from the zh page", "translation_of: ffffffff  # from the zh page"),
            ("translation_of: \"0a1b #2c\" # quoted", "translation_of: ffffffff # quoted"),
            ("translation_of: 'it''s' #x", "translation_of: ffffffff #x"),
            ("translation_of: a#b", "translation_of: ffffffff"),
            ("translation_of:\t0a1b2c3d\t# tab", "translation_of: ffffffff\t# tab"),
            ("translation_of: 0a1b2c3d", "translation_of: ffffffff"),
        ]
        for (old, new) in cases {
            #expect(TranslationMarker.set(hash: "ffffffff", in: "---\n\(old)\ntitle: X\n---\n") == "---\n\(new)\ntitle: X\n---\n")
            #expect(
                TranslationMarker.set(hash: "ffffffff", in: "---\r\n\(old)\r\ntitle: X\r\n---\r\n")
                    == "---\r\n\(new)\r\ntitle: X\r\n---\r\n")
        }
    }

    /// Authoring contract, section 1: a third language is added by listing it and adding files; nothing
    /// else changes. Texts it lacks (site title, platforms, rule tables) are warnings and show the default
    /// language; pages it lacks are served in the default language.
    /// A language without built-in interface words is named in itself in the switcher, and lint says the
    /// menus are in English.
    @Test func aLanguageWithoutBuiltInWordsIsNamedInItself() throws {
        let root = try TestSupport.site([
            "guidegen.yaml": "title: {en: Guide, fr: Guide}\nlanguages: [en, fr]\n",
            "p/x.en.md": "---\ntitle: X\ntype: article\n---\nText.\n", "p/x.fr.md": "---\ntitle: X\ntype: article\n---\nTexte.\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Pipeline.run(PipelineOptions(content: root, templates: nil), render: true)
        #expect(
            TestSupport.lines(result.diagnostics) == [
                "2:17 warning[config] the theme has no built-in interface text in `fr`; menus, notices and labels are in English"
                    + " | write them under `strings: {fr: {home: …, menu: …}}` (built in: en, zh-Hans, zh-Hant)"
            ])
        let page = String(decoding: try #require(result.files["fr/p/x/index.html"]), as: UTF8.self)
        #expect(page.contains(">Français</span>"))
        #expect(page.contains(">English</a>"))
    }

    /// The `--mark` hint can be pasted into a shell whatever the file is called.
    @Test func theMarkHintQuotesPathsAShellWouldSplit() {
        #expect(TranslationChecker.shellQuoted("policies/退货政策.en.md") == "policies/退货政策.en.md")
        #expect(TranslationChecker.shellQuoted("my folder/it's.en.md") == #"'my folder/it'\''s.en.md'"#)
        #expect(TranslationChecker.shellQuoted("a/$HOME.en.md") == "'a/$HOME.en.md'")
    }

    /// A page missing in a language without built-in words is shown with an (English) notice that names that
    /// language, not English.
    @Test func theFallbackNoticeNamesTheReadersLanguage() throws {
        let root = try TestSupport.site([
            "guidegen.yaml": "title: {en: Guide, pt-BR: Guia}\nlanguages: [en, pt-BR]\n",
            "p/x.en.md": "---\ntitle: X\ntype: article\n---\nText.\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Pipeline.run(PipelineOptions(content: root, templates: nil), render: true)
        let page = String(decoding: try #require(result.files["pt-BR/p/x/index.html"]), as: UTF8.self)
        #expect(page.contains("has not been translated into Portuguese (Brazil) yet"))
        #expect(!page.contains("into English"))
    }

    @Test func aThirdLanguageNeedsOnlyItsListingAndFiles() throws {
        let fixture = TestSupport.fixtures.appendingPathComponent("sites/basic/content")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("guidegen-test-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixture, to: root)
        defer { try? FileManager.default.removeItem(at: root) }
        let config = root.appendingPathComponent("guidegen.yaml")
        let yaml = try String(contentsOf: config, encoding: .utf8)
        try Data(yaml.replacingOccurrences(of: "languages: [zh-Hans, en]", with: "languages: [zh-Hans, en, zh-Hant]").utf8).write(
            to: config)
        // The translation: the original's structure (same references and sections), in Traditional Chinese.
        let original = try String(contentsOf: root.appendingPathComponent("policies/windows.zh-Hans.md"), encoding: .utf8)
        let translation = original.replacingOccurrences(of: "一般商品", with: "一般商品（繁體）")
        try Data(translation.utf8).write(to: root.appendingPathComponent("policies/windows.zh-Hant.md"))
        for (language, text) in [("zh-Hans", "首页介绍。"), ("en", "Home intro.")] {
            try Data("---\ntitle: 首页\n---\n\(text)\n".utf8).write(to: root.appendingPathComponent("_index.\(language).md"))
        }

        let result = Pipeline.run(PipelineOptions(content: root, templates: nil), render: true)
        #expect(!result.diagnostics.hasErrors, "\(TestSupport.lines(result.diagnostics.filter { $0.severity == .error }))")
        // The fixture's own raw-HTML warnings aside, only missing texts and pages are reported.
        #expect(Set(result.diagnostics.map(\.check)).subtracting(["raw-html"]) == ["missing-translation"])
        let page = String(decoding: try #require(result.files["zh-Hant/policies/windows/index.html"]), as: UTF8.self)
        #expect(page.contains("一般商品（繁體）") && page.contains("15 天"))
        let fallback = String(decoding: try #require(result.files["zh-Hant/faq/basics/index.html"]), as: UTF8.self)
        #expect(fallback.contains("notice--fallback"))
        // The home page's text too: shown in the default language, with the notice and that language's tag.
        let home = String(decoding: try #require(result.files["zh-Hant/index.html"]), as: UTF8.self)
        #expect(home.contains("notice--fallback") && home.contains(#"<div class="prose home__intro" lang="zh-Hans">"#))
        let englishHome = String(decoding: try #require(result.files["en/index.html"]), as: UTF8.self)
        #expect(!englishHome.contains("notice--fallback") && englishHome.contains(#"lang="en""#))
    }

    /// A translation written but still a draft is missing for readers; the warning says it is a draft.
    @Test func aDraftTranslationIsNamedAsADraft() throws {
        let root = try TestSupport.site([
            "guidegen.yaml": "title: {zh-Hans: 指南, en: Guide}\nlanguages: [zh-Hans, en]\n",
            "p/x.zh-Hans.md": "---\ntitle: X\ntype: article\n---\n文字。\n",
            "p/x.en.md": "---\ntitle: X\ntype: article\ndraft: true\n---\nText.\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let diagnostics = Pipeline.run(PipelineOptions(content: root, templates: nil), render: false).diagnostics
        #expect(
            TestSupport.lines(diagnostics) == [
                "1:1 warning[missing-translation] `p/x` has its en translation only as a draft; readers of en get this page with a notice | remove `draft: true` from `p/x.en.md` when it is ready"
            ])
    }

    /// A translation that exists but cannot be read gets its own error, not also a missing-translation warning.
    @Test func anUnreadableTranslationIsNotAlsoMissing() throws {
        let root = try TestSupport.site([
            "guidegen.yaml": "title: {zh-Hans: 指南, en: Guide}\nlanguages: [zh-Hans, en]\n",
            "p/x.zh-Hans.md": "---\ntitle: X\ntype: article\n---\n文字。\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0x0A]).write(to: root.appendingPathComponent("p/x.en.md"))
        let diagnostics = Pipeline.run(PipelineOptions(content: root, templates: nil), render: false).diagnostics
        #expect(diagnostics.map { "\($0.location.file) \($0.check)" } == ["p/x.en.md invalid-utf8"])
    }

    @Test func aTranslationWithoutFrontMatterIsNotAlsoMissing() throws {
        let diagnostics = try run([
            "guidegen.yaml": Self.config, "p/x.zh-Hans.md": "", "p/x.en.md": "---\ntitle: X\ntype: article\n---\nText.\n",
        ]).diagnostics
        #expect(diagnostics.map { "\($0.location.file) \($0.check)" } == ["p/x.zh-Hans.md front-matter"])
    }

    /// A copy shown for a missing translation is not announced as that language's version: hreflang and
    /// the sitemap name only written translations, and the copy's canonical URL is its original's.
    @Test func aFallbackCopyIsNotAnAlternateAndNamesItsOriginal() throws {
        let result = try run(
            [
                "guidegen.yaml": Self.config + "base_url: https://example.org/\n", "p/only.zh-Hans.md": page("只有中文", "文字。\n"),
                "p/both.zh-Hans.md": page("双语", "文字。\n"), "p/both.en.md": page("Both", "Text.\n"),
            ], render: true)
        func head(_ path: String) throws -> [String] {
            let html = String(decoding: try #require(result.files[path]), as: UTF8.self)
            return html.components(separatedBy: "\n").filter {
                $0.hasPrefix("<link rel=\"canonical\"") || $0.hasPrefix("<link rel=\"alternate\"")
            }
        }
        let only = [
            #"<link rel="canonical" href="https://example.org/zh-Hans/p/only/">"#,
            #"<link rel="alternate" hreflang="zh-Hans" href="https://example.org/zh-Hans/p/only/">"#,
            #"<link rel="alternate" hreflang="x-default" href="https://example.org/zh-Hans/p/only/">"#,
        ]
        #expect(try head("en/p/only/index.html") == only)
        #expect(try head("zh-Hans/p/only/index.html") == only)
        #expect(try head("en/p/both/index.html").contains(#"<link rel="alternate" hreflang="en" href="https://example.org/en/p/both/">"#))
        let sitemap = String(decoding: try #require(result.files["sitemap.xml"]), as: UTF8.self)
        #expect(sitemap.contains("<loc>https://example.org/zh-Hans/p/only/</loc>") && !sitemap.contains("/en/p/only/"))
        #expect(sitemap.contains("<loc>https://example.org/en/p/both/</loc>"))
    }

    @Test func anFAQQuestionWithoutAnAnswerIsAWarning() throws {
        let diagnostics = try run([
            "guidegen.yaml": Self.config, "f/q.zh-Hans.md": page("问答", "## 有答案？\n\n有。\n\n## 没答案？\n"),
            "f/q.en.md": page("FAQ", "## Answered?\n\nYes.\n\n## Unanswered?\n\nNo.\n"),
        ]).diagnostics
        #expect(
            diagnostics.map { "\($0.location.file):\($0.location.line) \($0.check) \($0.message)" } == [
                "f/q.zh-Hans.md:9 faq-empty-answer the question “没答案？” has no answer under it"
            ])
    }

    /// FAQPage data needs questions: a page of `type: faq` with none, or an empty `##`, is a warning, and the
    /// JSON-LD leaves the empty question out.
    @Test func anFAQPageWithoutQuestionsOrWithAnEmptyOneIsAWarning() throws {
        let result = try run(
            [
                "guidegen.yaml": Self.config, "f/none.zh-Hans.md": page("问答", "只有文字。\n"), "f/none.en.md": page("FAQ", "Text only.\n"),
                "f/q.zh-Hans.md": page("问答", "##\n\n答案。\n\n## 问？\n\n是。\n\n## 再问？\n\n是。\n"),
                "f/q.en.md": page("FAQ", "##\n\nAn answer.\n\n## Asked?\n\nYes.\n\n## Again?\n\nNo.\n"),
            ], render: true)
        #expect(
            result.diagnostics.map { "\($0.location.file):\($0.location.line) \($0.check) \($0.message)" } == [
                "f/none.en.md:5 faq-empty-answer this FAQ page has no questions",
                "f/none.zh-Hans.md:5 faq-empty-answer this FAQ page has no questions",
                "f/q.en.md:5 faq-empty-answer this `##` heading is empty, so its answer has no question",
                "f/q.zh-Hans.md:5 faq-empty-answer this `##` heading is empty, so its answer has no question",
            ])
        let english = String(decoding: try #require(result.files["en/f/q/index.html"]), as: UTF8.self)
        let asked = #"{"@type":"Question","acceptedAnswer":{"@type":"Answer","text":"Yes."},"name":"Asked?"}"#
        let again = #"{"@type":"Question","acceptedAnswer":{"@type":"Answer","text":"No."},"name":"Again?"}"#
        #expect(english.contains(#""mainEntity":["# + asked + "," + again + "]"))
        // The empty heading is no link in the table of contents either (an empty link has no name).
        let chinese = String(decoding: try #require(result.files["zh-Hans/f/q/index.html"]), as: UTF8.self)
        let toc = try #require(chinese.range(of: #"<nav class="toc""#)).lowerBound
        let tocLinks = chinese[toc...].components(separatedBy: "</nav>")[0]
        #expect(tocLinks.components(separatedBy: "<a href=").count - 1 == 2)
        #expect(tocLinks.contains("问？</a>") && tocLinks.contains("再问？</a>"))
    }

    /// `translation_of` on an original means nothing (it is probably copied from a translation); a
    /// `{{rule …}}` in a URL is never expanded, so it would be published as braces.
    @Test func aHashOnTheOriginalAndAReferenceInAURLAreReported() throws {
        let diagnostics = try run([
            "guidegen.yaml": Self.config, "rules/t.yaml": TestSupport.windowTable(zh: "售后期", en: "after-sales window"),
            "f/q.zh-Hans.md":
                "---\ntitle: 问\ntype: article\ntranslation_of: 0a1b2c3d\n---\n见 https://example.com/?q={{rule t.general.window}}\n",
            "f/q.en.md": "---\ntitle: Q\ntype: article\n---\nSee https://example.com/?q={{rule t.general.window}}\n",
        ]).diagnostics
        #expect(
            diagnostics.map { "\($0.location.file):\($0.location.line) \($0.check) \($0.message)" } == [
                "f/q.en.md:5 unknown-rule a `{{rule …}}` in a link's URL is not expanded, and would be published as it is",
                "f/q.zh-Hans.md:4 outdated-translation `translation_of` belongs in a translation; this page is the zh-Hans original of `f/q`",
                "f/q.zh-Hans.md:6 unknown-rule a `{{rule …}}` in a link's URL is not expanded, and would be published as it is",
            ])
    }

    /// A copy shown for a missing translation is in its original's language, but its interface words (a
    /// flow's name and "Steps as a list", alert titles) are the reader's, as the page around it is.
    @Test func aFallbackCopyUsesTheReadersInterfaceWords() throws {
        let body = "> [!TIP]\n> 先拍照。\n\n```mermaid\nflowchart TD\n  a[签收] --> b[检查]\n```\n"
        let result = try run(
            ["guidegen.yaml": Self.config, "f/q.zh-Hans.md": "---\ntitle: 问\ntype: flow\n---\n" + body], render: true)
        let english = String(decoding: try #require(result.files["en/f/q/index.html"]), as: UTF8.self)
        for words in ["<summary>Steps as a list</summary>", "Flowchart: 签收", ">Tip</p>", "(end)"] {
            #expect(english.contains(words), "\(words)")
        }
        #expect(!english.contains("文字版步骤") && !english.contains("流程图："))
        let chinese = String(decoding: try #require(result.files["zh-Hans/f/q/index.html"]), as: UTF8.self)
        #expect(chinese.contains("<summary>文字版步骤</summary>") && chinese.contains(">提示</p>"))
    }

    /// A mistyped reference is one error where it is written: the translation that spells it right is not
    /// also "using a rule the original does not", nor the original "missing" one.
    @Test func aMistypedReferenceIsNotAlsoATranslationMismatch() throws {
        let diagnostics = try run([
            "guidegen.yaml": Self.config, "rules/t.yaml": TestSupport.windowTable(zh: "售后期", en: "after-sales window"),
            "f/q.zh-Hans.md": page("问", "## 多久？\n\n{{rule t.generl.window}}。\n"),
            "f/q.en.md": page("Q", "## How long?\n\n{{rule t.general.window}}.\n"),
        ]).diagnostics
        #expect(diagnostics.map { "\($0.location.file):\($0.location.line) \($0.check)" } == ["f/q.zh-Hans.md:7 unknown-rule"])
    }

    /// A title of spaces published an empty heading and a link nobody could see.
    @Test func aTitleOfOnlySpacesIsAnError() throws {
        let diagnostics = try run([
            "guidegen.yaml": Self.config, "f/q.zh-Hans.md": "---\ntitle: \"   \"\ntype: article\nsummary: \"\\t\"\n---\nText.\n",
            "f/q.en.md": "---\ntitle: T\ntype: article\n---\nText.\n",
        ]).diagnostics
        #expect(
            diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.check) \($0.message)" } == [
                "f/q.zh-Hans.md:2:8 wrong-type `title` holds only white space",
                "f/q.zh-Hans.md:4:10 wrong-type `summary` holds only white space",
            ])
    }

    /// A quoted escape writes a control character the file's NUL check never sees; it went into the HTML
    /// and the search index as a raw byte. Rule tables' texts are read the same way.
    @Test func aControlCharacterFromAnEscapeIsAnError() throws {
        let diagnostics = try run([
            "guidegen.yaml": Self.config,
            "f/q.zh-Hans.md": "---\ntitle: \"T\\u0000\"\ntype: article\nsummary: \"a\\x07b\\u0085c\"\ntags: [\"ok\\tfine\"]\n---\nText.\n",
            "f/q.en.md": "---\ntitle: T\ntype: article\n---\nText.\n",
        ]).diagnostics
        #expect(
            diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.check) \($0.message)" } == [
                "f/q.zh-Hans.md:2:8 wrong-type `title` holds the control character U+0000",
                "f/q.zh-Hans.md:4:10 wrong-type `summary` holds the control character U+0007",
            ])
    }

    @Test func aPageOnlyInAnotherLanguageIsItsOwnOriginal() {
        var en = FrontMatter()
        en.title = "Only English"
        let versions = [
            "en": PageSource(path: "p/x.en.md", section: "p", slug: "x", language: "en", text: "", body: "", bodyLine: 1, frontMatter: en)
        ]
        let statuses = ["zh-Hans", "en"].map {
            TranslationChecker.status(of: versions, language: $0, defaultLanguage: "zh-Hans", languages: ["zh-Hans", "en"])
        }
        #expect(statuses == [.missing, .original])
    }

    /// With no default-language version, the first language that has the page is its original for every
    /// check: its translations' `translation_of` is compared with it (it was ignored and shown "untracked",
    /// while the table called the English page the original and readers got it as the fallback).
    @Test func aTranslationOfAnOriginalInAnotherLanguageIsTracked() throws {
        let config = "title: {zh-Hans: 指南, en: Guide, zh-Hant: 指南}\nlanguages: [zh-Hans, en, zh-Hant]\n"
        let english = "---\ntitle: Only English\ntype: article\n---\nText.\n"
        var frontMatter = FrontMatter()
        frontMatter.title = "Only English"
        let hash = TranslationHash.of(
            PageSource(
                path: "", section: "s", slug: "p", language: "en", text: english, body: "Text.\n", bodyLine: 5, frontMatter: frontMatter))
        for (recorded, outdated) in [("00000000", true), (hash, false)] {
            let result = try run([
                "guidegen.yaml": config, "s/p.en.md": english,
                "s/p.zh-Hant.md": "---\ntitle: 只有英文\ntype: article\ntranslation_of: \"\(recorded)\"\n---\n文字。\n",
            ])
            #expect(result.diagnostics.filter { $0.check == "outdated-translation" }.count == (outdated ? 1 : 0), "\(recorded)")
        }
    }

    @Test func missingTranslationIsServedFromTheDefaultLanguageWithANotice() throws {
        let result = try run(["guidegen.yaml": Self.config, "s/p.zh-Hans.md": page("问答", "## 问？\n\n答。\n")], render: true)
        #expect(
            TestSupport.lines(result.diagnostics.filter { $0.check == "missing-translation" }) == [
                "1:1 warning[missing-translation] `s/p` has no en translation; readers of en get this page with a notice | create `s/p.en.md`"
            ])
        let html = String(decoding: result.files["en/s/p/index.html"]!, as: UTF8.self)
        #expect(html.contains("notice--fallback"))
        #expect(html.contains("<h2 id=\"问\">问？</h2>"))
    }

    @Test func translationsMustAgreeOnQuestionsRulesAndFlows() throws {
        let rules =
            "title: {zh-Hans: 期限, en: Windows}\nchanged: 2026-11-01\ncolumns:\n  w: {type: duration, title: {zh-Hans: 期限, en: Window}}\nrows:\n  a:\n    label: {zh-Hans: 甲, en: A}\n    w: 15 days\n"
        let flowZh = "```mermaid\nflowchart TD\n  a[开始] --> b[结束]\n```\n"
        let flowEn = "```mermaid\nflowchart TD\n  a[Start] --> c[End]\n```\n"
        let result = try run([
            "guidegen.yaml": Self.config, "rules/t.yaml": rules,
            "s/p.zh-Hans.md": page("问答", "## 一？\n\n{{rule t.a.w}}。\n\n## 二？\n\n答。\n\n" + flowZh),
            "s/p.en.md": page("FAQ", "## One?\n\nAnswer.\n\n" + flowEn),
        ])
        #expect(
            TestSupport.lines(result.diagnostics.filter { $0.check == "translation-mismatch" }) == [
                "1:1 error[translation-mismatch] this translation does not use `{{rule t.a.w}}`, which the zh-Hans original uses | state the same facts with the same `{{rule …}}` references",
                "1:1 error[translation-mismatch] this translation has 1 FAQ question; the zh-Hans original has 2 | translate every `##` question",
                "9:1 error[translation-mismatch] this flow's steps or arrows differ from the zh-Hans original's (missing a->b, b; extra a->c, c) | keep the same node ids and edges in every language; only labels are translated",
            ])
    }

    /// A flow with errors of its own still counts as a flow: its translation is not also "1 flow against 0".
    /// Flows are compared as lists of arrows: a repeated arrow is a difference, and the finding names it.
    @Test func aRepeatedArrowIsNamedInTheMismatch() {
        #expect(
            FlowSignatureDiff.describe(mine: "nodes: a b d\nedges: a->d d->b d->b", theirs: "nodes: a b d\nedges: a->d d->b")
                == "extra d->b (twice here, once in the original)")
        #expect(
            FlowSignatureDiff.describe(mine: "nodes: a b\nedges: a->b", theirs: "nodes: a b c\nedges: a->b b->c b->c")
                == "missing b->c, c")
        // Three named and the rest counted: "missing a->b, b->c, c->d" read as if that were all.
        #expect(
            FlowSignatureDiff.describe(mine: "nodes: a\nedges:", theirs: "nodes: a\nedges: a->b a->c a->d a->e a->f")
                == "missing a->b, a->c, a->d, and 2 more")
    }

    /// A translation that makes a decision a plain step (which then skips the decision checks) or draws an
    /// arrow of another kind is not the same flow: both passed as long as ids and arrows matched.
    @Test func aDecisionOrArrowKindChangedInATranslationIsAMismatch() throws {
        let zh = "```mermaid\nflowchart TD\n  a[签收] --> b{有问题?}\n  b -->|是| c[申请售后]\n  b -.->|否| d[确认收货]\n```\n"
        for en in [
            "```mermaid\nflowchart TD\n  a[Receive] --> b[Problem?]\n  b -->|Yes| c[Apply]\n  b -.->|No| d[Confirm]\n```\n",
            "```mermaid\nflowchart TD\n  a[Receive] --> b{Problem?}\n  b -->|Yes| c[Apply]\n  b -->|No| d[Confirm]\n```\n",
        ] {
            let result = try run(["guidegen.yaml": Self.config, "s/p.zh-Hans.md": page("流程", zh), "s/p.en.md": page("Flow", en)])
            let mismatch = result.diagnostics.filter { $0.check == "translation-mismatch" }.map(\.message)
            #expect(mismatch.count == 1, "\(en)")
            let expected = en.contains("b[") ? "missing b{}; extra b" : "missing b-.->d; extra b->d"
            #expect(mismatch.first?.contains(expected) == true, "\(mismatch)")
        }
    }

    @Test func aBrokenFlowIsReportedOnceNotAsAMissingFlow() throws {
        let broken = "```mermaid\nflowchart TD\n  a[开始] --> f>旗帜]\n```\n"
        let flowEn = "```mermaid\nflowchart TD\n  a[Start] --> f[Flag]\n```\n"
        let result = try run([
            "guidegen.yaml": Self.config,
            "s/p.zh-Hans.md": page("流程", broken), "s/p.en.md": page("Flow", flowEn),
            "s/q.zh-Hans.md": page("流程", broken + broken), "s/q.en.md": page("Flow", flowEn),
        ])
        #expect(
            result.diagnostics.filter { $0.severity == .error }.sorted(by: Diagnostic.ordered).map {
                "\($0.location.file):\($0.location.line) \($0.check) \($0.message)"
            } == [
                "s/p.zh-Hans.md:7 flow-syntax the shape `>…]` (flag) is not supported",
                "s/q.en.md:1 translation-mismatch this translation has 1 flow; the zh-Hans original has 2 flows",
                "s/q.zh-Hans.md:7 flow-syntax the shape `>…]` (flag) is not supported",
                "s/q.zh-Hans.md:11 flow-syntax the shape `>…]` (flag) is not supported",
            ])
    }
}
