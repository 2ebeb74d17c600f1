import Foundation
import Testing

@testable import GuideGen

/// The default theme is compiled into guidegen, so a site without `site-templates/` still builds, and a
/// site's own theme folder replaces the built-in files it names and keeps the rest.
@Suite struct BuiltinThemeTests {
    static let themeFolder = TestSupport.repository.appendingPathComponent("site-templates")

    /// The embedded copy is site-templates/ byte for byte (regenerate with `python3 scripts/embed-theme.py`).
    @Test func embeddedThemeIsCurrent() throws {
        let (onDisk, diagnostics) = try #require(Theme.readFolder(Self.themeFolder))
        #expect(diagnostics.isEmpty)
        let embedded = Dictionary(uniqueKeysWithValues: BuiltinTheme.files.map { ($0.path, Array($0.text.utf8)) })
        #expect(Set(embedded.keys) == Set(onDisk.keys), "run python3 scripts/embed-theme.py")
        for (path, bytes) in onDisk.sorted(by: { $0.key < $1.key }) {
            #expect(embedded[path] == bytes, "\(path) differs from its embedded copy; run python3 scripts/embed-theme.py")
        }
    }

    /// The shipped site renders the same with the built-in theme as with the theme folder.
    @Test func builtinThemeRendersTheShippedSiteLikeTheFolder() throws {
        let content = TestSupport.repository.appendingPathComponent("content")
        let folder = Pipeline.run(PipelineOptions(content: content, templates: Self.themeFolder), render: true)
        let builtin = Pipeline.run(PipelineOptions(content: content, templates: nil), render: true)
        #expect(folder.files.count > 50)
        #expect(builtin.diagnostics == folder.diagnostics)
        #expect(Set(builtin.files.keys) == Set(folder.files.keys))
        for (path, bytes) in folder.files.sorted(by: { $0.key < $1.key }) {
            #expect(builtin.files[path] == bytes, "\(path) differs")
        }
    }

    /// A theme folder holding one partial and a stylesheet overrides just those files.
    @Test func siteThemeOverridesSingleFiles() throws {
        let root = try TestSupport.site([
            "partials/footer.mustache": "<footer>OUR FOOTER {{site_title}}</footer>\n",
            "style.css": "body { color: red; }\n",
            "extra.js": "// ours\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let (theme, diagnostics) = Theme.load(from: root)
        #expect(diagnostics.isEmpty)
        let loaded = try #require(theme)
        #expect(loaded.templateNames.isSuperset(of: Theme.requiredTemplates))
        #expect(loaded.files["theme/style.css"] == Array("body { color: red; }\n".utf8))
        #expect(loaded.files["theme/extra.js"] == Array("// ours\n".utf8))
        let builtinScript = BuiltinTheme.files.first { $0.path == "choose-language.js" }.map { Array($0.text.utf8) }
        #expect(loaded.files["theme/choose-language.js"] == builtinScript)

        let content = TestSupport.repository.appendingPathComponent("Tests/GuideGenTests/Fixtures/sites/basic/content")
        let result = Pipeline.run(PipelineOptions(content: content, templates: root), render: true)
        let home = String(decoding: try #require(result.files["en/index.html"]), as: UTF8.self)
        #expect(home.components(separatedBy: "<footer>OUR FOOTER ").count == 2)
        #expect(home.contains("<main"))
    }

    /// A theme file that does not parse is still an error, here where the unclosed section ends, even with
    /// a built-in file of the same name to fall back on.
    @Test func brokenOverrideIsAnError() throws {
        let root = try TestSupport.site(["page.mustache": "line one\n{{#page}} unclosed\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let (_, diagnostics) = Theme.load(from: root)
        // Named from the folder as it was given, at the section's opening tag (the parser stops at the end).
        #expect(
            diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.check)" } == [
                "\(Theme.folderName(of: root))/page.mustache:2:1 template"
            ])
        #expect(diagnostics.map(\.message) == ["template does not parse: section `{{#page}}` is never closed; add `{{/page}}`"])
    }

    /// Each parse error points at the tag's `{{` with the fix, in a file saved with CRLF endings and a byte
    /// order mark too: there the column was counted from the top of the file (3:61 for 3:6).
    @Test(arguments: ["\n", "\r\n"])
    func parseErrorsNameTheTagWhereItOpens(ending: String) throws {
        let bom = ending == "\r\n" ? "\u{FEFF}" : ""
        let root = try TestSupport.site([
            "partials/footer.mustache": bom + ["<footer>", "x", "  <p>{{#x}} open"].joined(separator: ending) + ending,
            "section.mustache": ["{{#page.has_tagz}}", "  tags", "  {{/page.has_tags}}"].joined(separator: ending) + ending,
            "home.mustache": ["<main>", "{{{sidebar}} and {{title}}"].joined(separator: ending) + ending,
            // Includes the broken partial: that one's own error is enough ("does not exist; did you mean
            // `partials/header`?" sent authors to the wrong file).
            "page.mustache": "{{> partials/footer}}\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let (_, diagnostics) = Theme.load(from: root)
        let folder = Theme.folderName(of: root) + "/"
        #expect(
            diagnostics.map {
                "\($0.location.file.dropFirst(folder.count)):\($0.location.line):\($0.location.column) \($0.message) | \($0.help ?? "")"
            } == [
                "home.mustache:2:1 template does not parse: the tag `{{{sidebar}}` is not finished | write it as `{{{sidebar}}}`",
                "partials/footer.mustache:3:6 template does not parse: section `{{#x}}` is never closed; add `{{/x}}` | ",
                "section.mustache:3:3 template does not parse: `{{/page.has_tags}}` closes `{{#page.has_tagz}}`, opened at 1:1"
                    + " | rename one of them so they match, or close `{{#page.has_tagz}}` first",
            ])
    }

    /// Two ways a theme crashed the build with a stack overflow (signal 11, no file named): a partial that
    /// includes itself, directly or through another, and sections nested thousands deep. Both are errors
    /// at their tag now, and neither template is parsed or rendered.
    @Test func circularPartialsAndDeepSectionsAreErrorsNotCrashes() throws {
        let root = try TestSupport.site([
            "partials/footer.mustache": "<footer>{{> partials/footer}}</footer>\n",
            "partials/a.mustache": "A\n{{> partials/b}}\n",
            "partials/b.mustache": "B {{#page}}{{> partials/a}}{{/page}}\n",
            // Found from the templates in name order: the built-in 404 includes the footer before page includes a.
            "page.mustache": "{{> partials/a}}\n" + String(repeating: "{{#x}}", count: 5000) + String(repeating: "{{/x}}", count: 5000),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let (theme, diagnostics) = Theme.load(from: root)
        let folder = Theme.folderName(of: root) + "/"
        #expect(
            diagnostics.map { "\($0.location.file.dropFirst(folder.count)):\($0.location.line):\($0.location.column) \($0.message)" } == [
                "page.mustache:2:601 sections are nested more than 100 deep here",
                "partials/footer.mustache:1:9 `{{> partials/footer}}` closes a circle of partials (partials/footer → partials/footer): the page would never finish",
                "partials/b.mustache:1:12 `{{> partials/a}}` closes a circle of partials (partials/a → partials/b → partials/a): the page would never finish",
            ])
        #expect(try #require(theme).render("partials/footer", [:]) == nil)
    }

    /// A misspelt name renders as nothing on every page (an empty `<h1>` from `{{page.titel}}`): lint warns at
    /// the tag with the nearest name. Names the context has, `.`, transforms, comments and partials pass.
    @Test func anUnknownNameInATemplateIsAWarningWithTheNearestName() throws {
        let root = try TestSupport.site([
            "page.mustache": "<h1>{{page.titel}}</h1>{{#pagez}}x{{/pagez}}{{{sidebar}}}{{.}}{{uppercased(title)}}{{! notes}}\n"
                + "{{#page}}{{title}}{{& summary}}{{/page}}{{> partials/head}}\n"
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let (_, diagnostics) = Theme.load(from: root)
        #expect(
            diagnostics.map { "\($0.location.line):\($0.location.column) \($0.severity.rawValue) \($0.message) | \($0.help ?? "")" } == [
                "1:5 warning `page.titel`: guidegen's template context has no `titel`, so this renders as nothing | did you mean `title`?",
                "1:24 warning `pagez`: guidegen's template context has no `pagez`, so this renders as nothing | did you mean `page`?",
            ])
    }

    /// Every name the renderer puts in a template context is one the check above knows: read from the
    /// renderer's source (`"name": .text(…)`, `context["name"] =`), so a new name cannot start warnings.
    @Test func theVocabularyHoldsEveryNameTheRendererSets() throws {
        let folder = TestSupport.repository.appendingPathComponent("Sources/GuideGen/Render")
        var found = Set<String>()
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for pattern in [#""([a-z_]+)": *\.(text|flag|map|maps|utf8|list)\("#, #"(context|home|item|entry)\["([a-z_]+)"\] = "#] {
                let regex = try Regex(pattern)
                for match in text.matches(of: regex) {
                    if let name = match.output.count > 2
                        ? (pattern.hasPrefix("(") ? match.output[2].substring : match.output[1].substring) : nil
                    {
                        found.insert(String(name))
                    }
                }
            }
        }
        #expect(found.count > 40, "the source was read: \(found.count) names")
        #expect(found.subtracting(TemplateVocabulary.names).sorted() == [])
    }

    /// A partial that does not exist is an error at its tag with the nearest name (swift-mustache would
    /// render nothing there); the built-in theme's own partials and dynamic ones are fine.
    @Test func aMissingPartialIsAnError() throws {
        let root = try TestSupport.site(["page.mustache": "{{> partials/head}}\n  {{> partials/heade }}{{>*dynamic}}\n{{> nosuch}}\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let (_, diagnostics) = Theme.load(from: root)
        #expect(
            TestSupport.lines(diagnostics) == [
                "2:3 error[template] the partial `partials/heade` does not exist; the page would lose that part without a word | did you mean `{{> partials/head}}`?",
                "3:1 error[template] the partial `nosuch` does not exist; the page would lose that part without a word | create `\(Theme.folderName(of: root))/nosuch.mustache`",
            ])
        #expect(Theme.load(from: nil).1.isEmpty)
    }

    @Test func theInnermostOpenSectionIsNamed() {
        #expect(Theme.unclosedSection(in: "{{#a}}{{#b}}x{{/b}}{{^c}}")?.name == "c")
        #expect(Theme.unclosedSection(in: "{{#a}}{{# b }}{{/ b }}{{/a}}") == nil)
        let open = Theme.unclosedSection(in: "一行\n  标题 {{#page}}\n{{#x}}{{/x}}\n")
        #expect(open?.name == "page" && open?.line == 2 && open?.column == 6)
    }
}
