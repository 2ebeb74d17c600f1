import Foundation
import Testing

@testable import GuideGen

/// Untrusted content: YAML bombs, paths that try to leave the content folder, pathological Markdown.
@Suite(.serialized) struct HostileInputTests {
    static let config = "title: {zh-Hans: 指南, en: Guide}\nlanguages: [zh-Hans, en]\n"

    func lint(_ files: [String: String]) throws -> [Diagnostic] {
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        return Pipeline.run(
            PipelineOptions(content: root, templates: TestSupport.repository.appendingPathComponent("site-templates")), render: false
        ).diagnostics
    }

    @Test func aliasBombInARuleTableIsRefusedQuickly() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...12 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        yaml += "title: {en: T}\n"
        let start = Date()
        let (table, diagnostics) = RuleTableValidator.validate(SourceText(path: "rules/bomb.yaml", text: yaml), languages: ["en"])
        #expect(Date().timeIntervalSince(start) < 0.5)
        #expect(table == nil)
        #expect(TestSupport.lines(diagnostics).first?.contains("error[yaml-limit] YAML expands to too many values (alias bomb?)") == true)
    }

    @Test func deepYAMLIsRefused() {
        let yaml = String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\n"
        let (node, diagnostics) = YAMLReader(allowAliases: true).compose(yaml, file: "x.yaml")
        #expect(node == nil)
        #expect(diagnostics.map(\.check) == ["yaml-limit"])
        // Past libyaml's own 1,000 levels its message named its API (`yaml_set_max_nest_level()`).
        let deeper = YAMLReader(allowAliases: true).compose(
            String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000) + "\n", file: "x.yaml")
        #expect(deeper.1.map(\.message) == ["YAML nested too deep here (libyaml stops at 1,000 levels)"])
    }

    /// Link and image targets that must never resolve to something outside the content folder.
    static let escapes = [
        "/etc/passwd", "../../etc/passwd.md", "../../../outside.md", "..%2f..%2fetc%2fpasswd", "%2e%2e/%2e%2e/x.md",
        "..\\..\\windows.md", "assets/../../secret.png", "./../../x.md", "....//....//x.md", "/absolute/page.md",
        "file:///etc/passwd", "C:\\\\Windows\\\\win.ini", "../assets/../../../x.png", "..", "../..", "%2Fetc%2Fpasswd",
        "assets/%2e%2e/%2e%2e/x", "\\\\server\\share.md", "../../content/../..//etc/shadow.md", "..;/x.md",
    ]

    @Test func pathEscapesAreErrorsAndNeverResolved() throws {
        var files = ["guidegen.yaml": Self.config]
        for lang in ["zh-Hans", "en"] {
            let body = Self.escapes.enumerated().map { "[l\($0.offset)](\($0.element)) ![i\($0.offset)](\($0.element))" }.joined(
                separator: "\n\n")
            files["s/p.\(lang).md"] = "---\ntitle: P\ntype: article\n---\n" + body + "\n"
        }
        let diagnostics = try lint(files)
        let problems = diagnostics.filter { ["broken-link", "unsafe-path"].contains($0.check) && $0.location.file == "s/p.en.md" }
        // Every attempt is reported twice (as a link and as an image).
        #expect(problems.count == Self.escapes.count * 2)
        // And the rendered page links to none of them.
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Pipeline.run(
            PipelineOptions(content: root, templates: TestSupport.repository.appendingPathComponent("site-templates")), render: true)
        // The page's body (the errors keep the build from writing the site).
        let page = try #require(result.bodies.first { $0.source.path == "s/p.en.md" }?.markdown.htmlBytes)
        let targets = String(decoding: page, as: UTF8.self).matches(of: /(?:href|src)="([^"]*)"/).map { String($0.output.1) }
        // Each stays as written (a page build with these errors is never written) or is blanked
        // (`file:`); none became a page or asset URL.
        #expect(targets.count == Self.escapes.count * 2)
        #expect(targets.filter(\.isEmpty).count == 2)
        #expect(!targets.contains { $0.hasSuffix("index.html") })
    }

    @Test func symlinkOutOfTheContentFolderIsRefused() throws {
        let root = try TestSupport.site(["guidegen.yaml": Self.config])
        defer { try? FileManager.default.removeItem(at: root) }
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("guidegen-secret-\(UUID().uuidString).md")
        try Data("---\ntitle: secret\ntype: article\n---\nTOP SECRET\n".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("s"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("s/leak.en.md"), withDestinationURL: secret)
        let result = Pipeline.run(
            PipelineOptions(content: root, templates: TestSupport.repository.appendingPathComponent("site-templates")), render: true)
        #expect(result.diagnostics.map(\.check).contains("unsafe-path"))
        // The file is not read at all: no page holds its text (the error keeps the site from being written).
        #expect(result.files.isEmpty)
        #expect(!result.bodies.contains { String(decoding: $0.markdown.htmlBytes, as: UTF8.self).contains("TOP SECRET") })
        #expect(!result.bodies.contains { $0.source.body.contains("TOP SECRET") })
    }

    /// cmark's pathological cases and the advisories' reproducers: rendered fast or refused at once.
    static let pathological: [(String, String)] = [
        ("nested brackets", String(repeating: "[", count: 50_000) + "a" + String(repeating: "]", count: 50_000)),
        ("image bracket run (CVE-2023-22486)", String(repeating: "![[]()", count: 50_000)),
        ("deep quotes with emphasis (CVE-2023-24824)", String(repeating: ">", count: 50_000) + " *a*\n"),
        ("empty lines in nested lists (CVE-2023-37463)", (0..<3000).map { String(repeating: "  ", count: $0) + "- a\n\n" }.joined()),
        (
            "wide table (CVE-2023-22483)",
            "|" + String(repeating: "a|", count: 10_000) + "\n|" + String(repeating: "-|", count: 10_000) + "\n"
                + String(repeating: "x\n", count: 10_000)
        ),
        ("long table", "|a|b|\n|-|-|\n" + String(repeating: "|1|2|\n", count: 50_000)),
        ("emphasis run", String(repeating: "*a **a ", count: 50_000)),
        ("backticks", String(repeating: "`a``", count: 50_000)),
        ("link openers", String(repeating: "[a](", count: 50_000)),
        ("entities", String(repeating: "&#x1F600;", count: 50_000)),
        ("unclosed html", String(repeating: "<a ", count: 50_000)),
        ("nested block quotes", String(repeating: "> ", count: 10_000) + "a\n"),
        // Ordered markers on one line nest as deep as `- - -` (10,000 levels overflowed the walk's stack).
        ("nested ordered lists", String(repeating: "1. ", count: 10_000) + "x\n"),
        ("nested ordered lists with parentheses", String(repeating: "1) ", count: 10_000) + "x\n"),
        ("quotes of ordered lists", String(repeating: "> 1. ", count: 5_000) + "x\n"),
        ("ordered and bullet lists", String(repeating: "1. - ", count: 5_000) + "x\n"),
    ]

    /// Every marker kind counts toward the nesting limit; a long rule or a run of `+` is no nesting.
    @Test func nestingCountsOrderedMarkersButNotRules() {
        let guardian = MarkdownGuard()
        for deep in ["1. ", "12) ", "> 3. ", "- ", "* ", "+ ", ">"] {
            let refusal = guardian.check(String(repeating: deep, count: 101) + "x\n", file: "p.md", firstLine: 1)
            #expect(refusal?.check == "markdown-limit", "\(deep)")
        }
        for flat in [String(repeating: "-", count: 300), String(repeating: "*", count: 300), String(repeating: "+", count: 300), "2026 年"] {
            #expect(guardian.check(flat + "\n", file: "p.md", firstLine: 1) == nil, "\(flat.prefix(8))")
        }
        #expect(guardian.check(String(repeating: "1. ", count: 50) + "x\n", file: "p.md", firstLine: 1) == nil)
    }

    /// The slow tier (`GUIDEGEN_SLOW_TESTS=1 swift test -c release --filter HostileInputTests`, run by CI)
    /// asserts the issue's bounds: rendered in under 250 ms or refused within 1 s. Debug builds on a shared
    /// 2-core machine only check that each case is handled.
    static let timed = ProcessInfo.processInfo.environment["GUIDEGEN_SLOW_TESTS"] == "1"

    /// The fastest of three runs, in seconds: timing bounds must not fail because the machine was busy.
    static func fastest(_ work: () -> Void) -> Double {
        (0..<(timed ? 3 : 1)).map { _ in
            let start = Date()
            work()
            return Date().timeIntervalSince(start)
        }.min()!
    }

    @Test(arguments: 0..<pathological.count) func pathologicalMarkdownIsBounded(_ index: Int) throws {
        let (name, markdown) = Self.pathological[index]
        let guardian = MarkdownGuard()
        if let refusal = guardian.check(markdown, file: "p.md", firstLine: 1) {
            #expect(refusal.check == "markdown-limit")
            let seconds = Self.fastest { _ = guardian.check(markdown, file: "p.md", firstLine: 1) }
            if Self.timed { #expect(seconds < 1, "\(name) took \(seconds) s to refuse") }
        } else {
            var html = ""
            let seconds = Self.fastest {
                html =
                    MarkdownRenderer.render(markdown, file: "p.md", firstLine: 1, options: MarkdownOptions(), hooks: PlainMarkdownHooks())
                    .html
            }
            #expect(!html.isEmpty)
            if Self.timed { #expect(seconds < 0.25, "\(name) took \(seconds) s to render") }
        }
    }

    /// One sentence of 24,000 terms and literals (a paragraph of lines without a full stop). The claims
    /// checker compared every literal with every term and searched the bytes between them: such a page of
    /// 95 KB took minutes to lint; now every literal is one binary search of the terms.
    @Test func oneLongSentenceOfTermsAndNumbersIsCheckedInLinearTime() throws {
        // Two rows: 维权期 / claim period (90 days) and 三包耐用品 / durable goods (180 days).
        let table = ClaimAttributionTests.windows
        let english = Array(
            repeating: "the claim period and durable goods " + (0..<30).map { "\($0) days" }.joined(separator: " "), count: 400)
        let chinese = Array(repeating: "维权期和三包耐用品 " + (0..<30).map { "\($0)天" }.joined(separator: " "), count: 400)
        var found: [Diagnostic] = []
        let seconds = Self.fastest {
            found =
                (try? lint([
                    "guidegen.yaml": Self.config, "rules/windows.yaml": table,
                    "returns/p.en.md": "---\ntitle: P\ntype: article\n---\n\n" + english.joined(separator: "\n") + "\n",
                    "returns/p.zh-Hans.md": "---\ntitle: P\ntype: article\n---\n\n" + chinese.joined(separator: "\n") + "\n",
                ])) ?? []
        }
        // Each line's first literal is named by its two terms together, the others by the nearer of them
        // (durable goods, 180 days): none of 0…29 days is either rule's value, so every literal contradicts.
        #expect(found.filter { $0.check == CheckID.claimContradictsRule.rawValue }.count == 2 * 400 * 30)
        if Self.timed { #expect(seconds < 3, "\(seconds) s") }
    }

    @Test func watchdogStopsWorkThatRunsTooLong() {
        var guardian = MarkdownGuard()
        guardian.timeout = 0.2
        let start = Date()
        let result: Int? = guardian.withDeadline {
            Thread.sleep(forTimeInterval: 3)
            return 1
        }
        #expect(result == nil)
        #expect(Date().timeIntervalSince(start) < 1)
        #expect(guardian.withDeadline { 42 } == 42)
    }
}

/// Themes are untrusted too: Mustache has no way to run programs or read the environment, and partials
/// resolve only to templates loaded from the theme folder.
@Suite struct ThemeSafetyTests {
    @Test func partialsCannotReachFilesOutsideTheTheme() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("guidegen-secret-\(UUID().uuidString).mustache")
        try Data("TOP SECRET".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        var files: [String: String] = [:]
        for name in Theme.requiredTemplates {
            files[name + ".mustache"] = "{{> \(secret.path)}}{{> ../\(secret.lastPathComponent)}}{{> /etc/passwd}}[{{HOME}}{{PATH}}]"
        }
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("leak.mustache"), withDestinationURL: secret)
        let (theme, all) = Theme.load(from: root)
        // The environment's names are no context names: warned of as such, and rendered as nothing.
        let unknown = all.filter { $0.message.contains("template context has no") }
        #expect(Set(unknown.map(\.message)).count == 2 && unknown.count == 2 * Theme.requiredTemplates.count)
        let diagnostics = all.filter { !$0.message.contains("template context has no") }
        // The symbolic link is refused, and each partial outside the theme is named as missing.
        #expect(diagnostics.first?.check == "unsafe-path")
        let missing = diagnostics.dropFirst()
        #expect(missing.count == 3 * Theme.requiredTemplates.count)
        #expect(missing.allSatisfy { $0.check == "template" && $0.message.hasPrefix("the partial `") })
        let output = try #require(theme?.render("page", [:]))
        #expect(output == "[]")
        #expect(theme?.templateNames.contains("leak") == false)
    }
}

/// Fuzzer findings too large to replay under the instrumented build's one-second limit.
@Suite struct LargeFuzzFindingTests {
    /// 6,000 unknown platforms on one 60 KB line: printing them was O(findings × line length).
    @Test func thousandsOfFindingsOnOneLongLinePrintQuickly() throws {
        let text = try String(contentsOf: TestSupport.fixtures.appendingPathComponent("fuzz/diagnostics-on-long-line.md"), encoding: .utf8)
        let source = try SourceText.decode(Array(text.utf8), path: "p.en.md").get()
        let seconds = HostileInputTests.fastest {
            let (_, diagnostics) = PageValidator.validate([source], config: TestSupport.config, includeDrafts: true)
            let printed = DiagnosticPrinter(format: .text, colour: false, sources: ["p.en.md": source.text], toolVersion: "t")
                .render(diagnostics, fileCount: 1)
            #expect(diagnostics.count == 6000)
            #expect(printed.split(separator: "\n").allSatisfy { $0.count < 400 })
        }
        // It took 13.6 s before the fix; 3 s leaves room for a busy machine.
        if HostileInputTests.timed { #expect(seconds < 3) }
    }
}

@Suite struct HostileDiagnosticTextTests {
    /// A key holding a line break, a carriage return and an escape sequence is printed as control pictures:
    /// raw, it printed a forged `fake.md:1:1: error[x]` line and drove the terminal.
    @Test func controlCharactersInFindingsCannotForgeLinesOrReachTheTerminal() throws {
        let text = "---\ntitle: T\ntype: article\n\"a\\nfake.md:1:1: error[x]: no\\rb\\e[2K\": 1\n---\nBody.\n"
        let source = try SourceText.decode(Array(text.utf8), path: "p.en.md").get()
        let (_, diagnostics) = PageValidator.validate([source], config: TestSupport.config, includeDrafts: true)
        #expect(diagnostics.count == 1)
        for format in [DiagnosticPrinter.Format.text, .github] {
            let printed = DiagnosticPrinter(format: format, colour: false, sources: ["p.en.md": source.text], toolVersion: "t")
                .render(diagnostics, fileCount: 1)
            #expect(!printed.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x0D }, "\(format)")
            #expect(!printed.split(separator: "\n").contains { $0.hasPrefix("fake.md") }, "\(format)")
            #expect(printed.contains("␛[2K"), "\(format)")
            // The key's line break is a picture; only guidegen's own breaks (before `help:`) are escaped.
            #expect(printed.contains("a␊fake.md"), "\(format)")
        }
        #expect(DiagnosticPrinter.printable("a\tb\nc\u{7F}\u{85}", keepNewlines: true) == "a\tb\nc\u{2421}\u{FFFD}")
        #expect(DiagnosticPrinter.printable("a\nb") == "a\u{240A}b")
    }
}

@Suite struct CaretTests {
    /// The caret under a source line counts terminal cells: CJK and emoji take two, combining marks and
    /// joiners none (after `🚚` it sat one cell left, after `é` written as e + U+0301 one cell right).
    @Test func caretCountsTerminalCells() {
        #expect("中🚚✅".unicodeScalars.map(DiagnosticPrinter.cellWidth) == [2, 2, 2])
        #expect("e\u{301}\u{200D}\u{FE0F}a".unicodeScalars.map(DiagnosticPrinter.cellWidth) == [1, 0, 0, 0, 1])
        #expect("→©".unicodeScalars.map(DiagnosticPrinter.cellWidth) == [1, 1])
    }
}
