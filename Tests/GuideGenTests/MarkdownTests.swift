import Foundation
import Testing

@testable import GuideGen

@Suite struct MarkdownTests {
    func render(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) -> MarkdownResult {
        MarkdownRenderer.render(markdown, file: "p.md", firstLine: 5, options: options, hooks: PlainMarkdownHooks())
    }

    @Test func headingsGetStableIDsThatKeepCJK() {
        let result = render("## 退货运费谁付？\n\n## Who pays?\n\n## Who pays?\n")
        #expect(result.html == "<h2 id=\"退货运费谁付\">退货运费谁付？</h2>\n<h2 id=\"who-pays\">Who pays?</h2>\n<h2 id=\"who-pays-1\">Who pays?</h2>\n")
        #expect(result.headings.map(\.line) == [5, 7, 9])
    }

    /// Hugo's and MkDocs' `{#id}` after a heading is its id and is not shown; classes are dropped; `{{…}}` and
    /// braces inside the text are text.
    @Test func aHeadingAttributeBlockGivesTheID() {
        let result = render("## 注意事项 {#notes}\n\n## Fees {.wide #fees data-x=1}\n\n## a {b} c\n\n## Set {x}\n\n## main {#notes}\n")
        #expect(result.headings.map(\.id) == ["notes", "fees", "a-b-c", "set-x", "notes-1"])
        #expect(result.headings.map(\.text) == ["注意事项", "Fees", "a {b} c", "Set {x}", "main"])
        #expect(result.html.hasPrefix("<h2 id=\"notes\">注意事项</h2>\n<h2 id=\"fees\">Fees</h2>\n"))
        #expect(
            result.diagnostics.map(\.message) == [
                "the id `notes` is already used on this page (by an earlier heading or the theme); this heading gets `notes-1`"
            ])
        #expect(result.diagnostics.map(\.location.line) == [13])
    }

    /// Records the text runs the walker hands to `expandReferences`.
    final class RunRecorder: MarkdownHooks, @unchecked Sendable {
        var runs: [String] = []
        func expandReferences(in text: String, at location: GuideGen.SourceLocation) -> (
            segments: [TextSegment], diagnostics: [Diagnostic]
        )? {
            runs.append(text)
            return nil
        }
    }

    /// cmark splits text at `_`, `*`, `[`, `!` and `&` while parsing; the walker must see each run of text
    /// whole (merged again by `cmark_parser_finish`), or a reference such as `{{rule a_b.c.d}}` would reach
    /// the hooks in pieces.
    @Test func referencesReachTheHooksWholeThoughCmarkSplitsTextAtDelimiters() {
        let hooks = RunRecorder()
        let source = "See {{rule a_b.c_d.e}} and {{rule x*y.z.w}}, [not a link {{rule p!q.r.s}} & more_text.\n"
        _ = MarkdownRenderer.render(source, file: "p.md", firstLine: 1, options: MarkdownOptions(), hooks: hooks)
        #expect(hooks.runs == ["See {{rule a_b.c_d.e}} and {{rule x*y.z.w}}, [not a link {{rule p!q.r.s}} & more_text."])
    }

    /// Chinese writes ranges with one tilde: `3~5 个工作日` must not strike through to the next `~`.
    @Test func oneTildeIsARangeAndTwoStrikeThrough() {
        let html = MarkdownRenderer.render(
            "3~5 个工作日到账，快递 1~2 天；~~旧规则~~。\n", file: "p.md", firstLine: 1, options: MarkdownOptions(), hooks: PlainMarkdownHooks()
        ).html
        #expect(html == "<p>3~5 个工作日到账，快递 1~2 天；<del>旧规则</del>。</p>\n")
    }

    /// A bare URL or address runs to the next space, and Chinese has none: it ends at the first CJK mark or
    /// character after its host, as a reader sees it end (`https://www.jd.com。也可以访问` linked 也可以访问 too).
    @Test func aBareLinkEndsWhereChineseStarts() {
        let html = render("请访问 https://www.jd.com。也可以访问 www.taobao.com，或者（https://pdd.com/a?b=1）或 kefu@jd.com。\n").html
        #expect(
            html
                == #"<p>请访问 <a href="https://www.jd.com">https://www.jd.com</a>。也可以访问 <a href="http://www.taobao.com">www.taobao.com</a>，"#
                // After `（` GitHub links nothing (a bare URL must follow a space), and neither does cmark-gfm.
                + #"或者（https://pdd.com/a?b=1）或 <a href="mailto:kefu@jd.com">kefu@jd.com</a>。</p>"# + "\n")
        // A link written out keeps what it was given.
        #expect(render("[官网](https://example.com/页面)\n").html == #"<p><a href="https://example.com/%E9%A1%B5%E9%9D%A2">官网</a></p>"# + "\n")
    }

    /// A page's own table scrolls in a named, focusable frame (as a `{{table}}` does): at 390 px a wide
    /// one widened the whole page. Its column alignment stays for the theme to show.
    @Test func aTableIsFramedToScrollOnAPhone() {
        var options = MarkdownOptions()
        options.tableLabel = "表格"
        let html = render("| 项目 | 说明 |\n|:---:|---:|\n| 售后期 | 十五天 |\n", options: options).html
        #expect(html.hasPrefix(#"<div class="table-scroll" role="region" tabindex="0" aria-label="表格">"# + "\n<table>\n"))
        #expect(html.hasSuffix("</table>\n</div>\n"))
        #expect(html.contains(#"<td align="right">十五天</td>"#))
        #expect(!render("| a |\n|---|\n| b |\n").html.contains("table-scroll"), "no label, no frame")
        // Each region is named after its heading, numbered where two would share a name (axe's landmark-unique).
        let table = "| a |\n|---|\n| b |\n\n"
        let names = render(table + "## 交易\n\n" + table + table + "## 退款\n\n" + table, options: options).html
            .matches(of: /aria-label="([^"]*)"/).map { String($0.output.1) }
        #expect(names == ["表格", "交易 (表格 1)", "交易 (表格 2)", "退款"])
    }

    /// A quote written like an alert that GitHub shows as a quote says so: an unknown kind, or a kind with
    /// text after it on its line (both were published showing `[!DANGER]` without a word).
    @Test func aQuoteThatLooksLikeAnAlertSaysWhyItIsNone() {
        let result = render("> [!DANGER]\n> 别拒收。\n\n> [!WARNING] 别拒收。\n\n> [!NOTE]\n> 真的。\n\n> [链接](x.md)\n\n> [!TIP]\n")
        #expect(
            TestSupport.lines(result.diagnostics) == [
                "5:1 warning[alert-syntax] `[!DANGER]` is not an alert kind; the quote shows it as text | the kinds are NOTE, TIP, IMPORTANT, WARNING and CAUTION",
                "8:1 warning[alert-syntax] `[!WARNING]` opens an alert only on a line of its own; the quote shows it as text | put `别拒收。` on the next line, after `> `",
                "15:1 warning[alert-syntax] this `[!TIP]` alert is empty; it shows only its title | write its text on the next line, after `> `",
            ])
        #expect(result.html.contains("callout--note"))
    }

    /// MkDocs' `!!! kind` is the near miss a migrated page brings: it names the GitHub alert to write.
    @Test func anMkDocsAdmonitionNamesTheAlertToWrite() {
        let result = render("!!! warning \"小心\"\n    别拒收。\n\n???+ tip\n\n!!!important\n\nWow!!! Great.\n")
        #expect(
            TestSupport.lines(result.diagnostics) == [
                "5:1 warning[alert-syntax] MkDocs admonitions (`!!! warning`) are not supported; the paragraph shows it as text | write a GitHub alert: `> [!WARNING]` on a line of its own, then the text on lines starting `> `",
                "8:1 warning[alert-syntax] MkDocs admonitions (`???+ tip`) are not supported; the paragraph shows it as text | write a GitHub alert: `> [!TIP]` on a line of its own, then the text on lines starting `> `",
            ])
    }

    /// Docusaurus' and VitePress' `:::kind` containers are the other near miss; `:::` alone and a word
    /// with a colon in it (`:::分隔`) are not.
    @Test func aColonContainerNamesTheAlertToWrite() {
        let result = render(":::tip\n别拒收。\n:::\n\n::: danger 小心\n\n::::info\n\n:::\n\n:::x:y\n")
        #expect(
            TestSupport.lines(result.diagnostics) == [
                "5:1 warning[alert-syntax] `:::` containers (Docusaurus, VitePress) (`:::tip`) are not supported; the paragraph shows it as text | write a GitHub alert: `> [!TIP]` on a line of its own, then the text on lines starting `> `",
                "9:1 warning[alert-syntax] `:::` containers (Docusaurus, VitePress) (`::: danger`) are not supported; the paragraph shows it as text | write a GitHub alert: `> [!CAUTION]` on a line of its own, then the text on lines starting `> `",
                "11:1 warning[alert-syntax] `:::` containers (Docusaurus, VitePress) (`::::info`) are not supported; the paragraph shows it as text | write a GitHub alert: `> [!NOTE]` on a line of its own, then the text on lines starting `> `",
            ])
    }

    /// A footnote reference without its definition is shown as text (`[^2]`): lint says so. One with a
    /// definition, and a link text that merely holds `^`, are fine.
    @Test func aFootnoteWithoutItsDefinitionIsAWarning() {
        let result = render("见注释[^1]和[^说明]，又见[x^2](y.md)。\n\n[^1]: 一条。\n")
        #expect(
            TestSupport.lines(result.diagnostics) == [
                "5:8 warning[broken-anchor] the footnote `[^说明]` has no definition, so it is shown as text | add `[^说明]: …` on a line of its own below the paragraph"
            ])
    }

    @Test func alertsBecomeCallouts() {
        let result = render("> [!WARNING]\n> Keep *proof*.\n")
        #expect(
            result.html
                == "<div class=\"callout callout--warning\" role=\"note\">\n<p class=\"callout__title\">Warning</p>\n<p>Keep <em>proof</em>.</p>\n</div>\n"
        )
    }

    @Test func rawHTMLIsLeftOutWithAWarningAtItsLine() {
        let result = render("Hi\n\n<script>alert(1)</script>\n\nx <b onclick=\"y\">z</b>\n")
        #expect(result.html == "<p>Hi</p>\n<!-- raw HTML omitted -->\n<p>x <!-- raw HTML omitted -->z<!-- raw HTML omitted --></p>\n")
        #expect(
            TestSupport.lines(result.diagnostics) == [
                "7:1 warning[raw-html] raw HTML `<script>alert(1)</script>` is left out | write it in Markdown, or set `unsafe_html: true` in guidegen.yaml if you trust every author",
                "9:3 warning[raw-html] raw HTML `<b onclick=\"y\">` is left out | write it in Markdown, or set `unsafe_html: true` in guidegen.yaml if you trust every author",
                "9:19 warning[raw-html] raw HTML `</b>` is left out | write it in Markdown, or set `unsafe_html: true` in guidegen.yaml if you trust every author",
            ])
    }

    @Test func htmlCommentsAreLeftOutWithHelpForAnAuthorsNote() {
        let result = render("Hi\n\n<!--more-->\n\nx <!-- note --> y\n")
        #expect(result.html == "<p>Hi</p>\n<!-- raw HTML omitted -->\n<p>x <!-- raw HTML omitted --> y</p>\n")
        #expect(
            TestSupport.lines(result.diagnostics) == [
                "7:1 warning[raw-html] raw HTML `<!--more-->` is left out | guidegen has no summary divider: a page's summary is its front matter `summary:`; remove the marker",
                "9:3 warning[raw-html] raw HTML `<!-- note -->` is left out | an HTML comment is in no page; remove it (a `<!-- guidegen-ignore: … -->` marker is the one comment read)",
            ])
    }

    @Test func dangerousURLsAreBlanked() {
        #expect(
            render("[a](javascript:alert(1)) ![b](data:text/html,x) ![c](data:image/png;base64,AA)").html
                == "<p><a href=\"\">a</a> <img src=\"\" alt=\"b\" /> <img src=\"data:image/png;base64,AA\" alt=\"c\" /></p>\n")
    }

    @Test func proseBlocksCarryPositions() {
        let result = render("中文 *强调* text\n\n| a | b |\n|---|---|\n| 1 | 十五天 |\n")
        #expect(result.prose.map(\.text) == ["中文 强调 text", "a", "b", "1", "十五天"])
        #expect(result.prose[4].location(ofOffset: 0, file: "p.md") == SourceLocation(file: "p.md", line: 9, column: 7))
        #expect(result.prose[0].location(ofOffset: "中文 强调 ".utf8.count, file: "p.md") == SourceLocation(file: "p.md", line: 5, column: 9))
    }

    @Test func ignoreDirectiveMarksTheNextBlockAndRendersNothing() {
        let result = render("<!-- guidegen-ignore: claim-contradicts-rule -->\nOld rule: 7 days.\n\nNew.\n")
        #expect(result.html == "<p>Old rule: 7 days.</p>\n<p>New.</p>\n")
        #expect(result.prose.map(\.ignored) == [["claim-contradicts-rule"], []])
        #expect(result.diagnostics == [])
    }

    /// An FAQ answer is everything up to the next `##`: `###` headings, lists and code included; a `##`
    /// inside a quote is part of the answer, not a question.
    @Test func faqAnswersKeepSubheadingsCodeAndQuotedHeadings() {
        let markdown = "## First?\n\nYes.\n\n### Detail\n\n- one\n\n```\ncode here\n```\n\n> ## quoted\n> body\n\n## Second?\n\nNo.\n"
        let result = render(markdown)
        #expect(result.sections.map(\.heading.text) == ["First?", "Second?"])
        #expect(result.sections.map(\.text) == ["Yes.\nDetail\none\ncode here\nquoted\nbody", "No."])
    }

    /// cmark moves footnotes to the end of the document: their text is not the last question's answer.
    /// The FAQPage data leaves out a question with no answer (lint warns, `faq-empty-answer`).
    @Test func footnotesStayOutOfTheLastAnswerAndEmptyAnswersOutOfTheData() throws {
        let result = render("## First?\n\nYes[^1].\n\n## Empty?\n\n## Last?\n\nNo.\n\n[^1]: The note.\n")
        #expect(result.sections.map(\.text) == ["Yes.", "", "No."])
        let json = try JSONSerialization.jsonObject(with: Data(try #require(FAQSchema.jsonLD(result.sections)))) as? [String: Any]
        let questions = try #require(json?["mainEntity"] as? [[String: Any]])
        #expect(questions.map { $0["name"] as? String } == ["First?", "Last?"])
        // No question with an answer, no FAQPage data: an empty `mainEntity` is invalid for search engines.
        #expect(FAQSchema.jsonLD(render("## \n\nAn answer to nothing.\n\n## Empty?\n").sections) == nil)
    }

    @Test func headingIDsAvoidTheThemesAndFootnotesIDs() {
        let result = render("## main\n\n## toc-title\n\n## fn-1\n\n## fn-note\n")
        #expect(result.headings.map(\.id) == ["main-1", "toc-title-1", "fn-1-1", "fn-note"])
    }

    /// Every literal id the default theme writes around the body is one no heading may take ("Search
    /// results" as a heading duplicated the search box's list, breaking its `aria-controls`).
    @Test func everyIDTheDefaultThemeWritesIsReserved() throws {
        let folder = TestSupport.repository.appendingPathComponent("site-templates")
        let files = try #require(FileManager.default.subpaths(atPath: folder.path)).filter { $0.hasSuffix(".mustache") }
        var ids: Set<String> = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            var rest = text[...]
            while let open = rest.range(of: "id=\"") {
                let value = rest[open.upperBound...].prefix { $0 != "\"" }
                if !value.contains("{") { ids.insert(String(value)) }
                rest = rest[open.upperBound...]
            }
        }
        #expect(ids.contains("search-results"))
        for id in ids.sorted() { #expect(MarkdownRenderer.isReserved(id), "\(id)") }
        let result = render("## Search input\n\n## Search results\n")
        #expect(result.headings.map(\.id) == ["search-input-1", "search-results-1"])
    }

    /// Every `fn-<n>` is a footnote id, so a repeated "fn" heading is numbered another way; it used to loop
    /// forever looking for a free `fn-<n>` (found by FuzzMarkdown).
    @Test func aRepeatedFootnoteLikeHeadingGetsAnIDAndTheRenderEnds() {
        let result = render("## fn\n\n## fn\n\n## fnref\n\n## fnref\n\n## fn\n")
        #expect(result.headings.map(\.id) == ["fn", "fn-section-1", "fnref", "fnref-section-1", "fn-section-2"])
    }

    /// A repeated heading continues from the last suffix it got, past ids other headings already took.
    @Test func repeatedHeadingsCountOnPastTakenSuffixes() {
        let result = render("## a\n\n## a-1\n\n## a\n\n## a\n\n## b\n\n## a-2-1\n\n## a-2\n")
        #expect(result.headings.map(\.id) == ["a", "a-1", "a-2", "a-3", "b", "a-2-1", "a-2-2"])
    }

    /// cmark-gfm labels every footnote back-link "Back to content"; a page in another language says it in its own.
    @Test func footnoteBackLinksAreLabelledInThePagesLanguage() {
        var options = MarkdownOptions()
        options.footnoteBackLabel = "返回<正文>"
        let markdown = "一[^a]，二[^b]。\n\n[^a]: 甲\n[^b]: 乙\n"
        let html = MarkdownRenderer.render(markdown, file: "f", firstLine: 1, options: options, hooks: PlainMarkdownHooks()).html
        #expect(html.components(separatedBy: #"aria-label="返回&lt;正文&gt;""#).count == 3)
        #expect(!html.contains("Back to content"))
        let english = MarkdownRenderer.render(markdown, file: "f", firstLine: 1, options: MarkdownOptions(), hooks: PlainMarkdownHooks())
            .html
        #expect(english.components(separatedBy: #"aria-label="Back to content""#).count == 3)
    }

    /// cmark-gfm's task list checkboxes have no name (a screen reader meets an unlabelled form field); each gets
    /// the page's word for done or to do. Raw HTML an author wrote is left as it is.
    @Test func taskCheckboxesAreNamedInThePagesLanguage() {
        var options = MarkdownOptions(unsafeHTML: true)
        options.taskLabels = ("已完成", "未<完成>")
        let markdown = "- [x] 保留包装\n- [ ] 拍照\n  1. [X] 嵌套\n\n<input type=\"checkbox\" disabled=\"\">\n"
        let html = MarkdownRenderer.render(markdown, file: "f", firstLine: 1, options: options, hooks: PlainMarkdownHooks()).html
        #expect(html.components(separatedBy: #"<input type="checkbox" checked="" disabled="" aria-label="已完成" />"#).count == 3)
        #expect(html.components(separatedBy: #"<input type="checkbox" disabled="" aria-label="未&lt;完成&gt;" />"#).count == 2)
        #expect(html.contains("<input type=\"checkbox\" disabled=\"\">\n"))
        // A page without task items is not searched for them; brackets alone are not a task.
        let plain = MarkdownRenderer.render(
            "- [链接](x.md)\n- \\[ ] 不是任务\n", file: "f", firstLine: 1, options: options, hooks: PlainMarkdownHooks())
        #expect(!plain.html.contains("aria-label"))
    }

    /// A code block scrolls sideways on a phone; only a focusable one can be scrolled from the keyboard.
    @Test func codeBlocksTakeKeyboardFocus() {
        let html = MarkdownRenderer.render(
            "```text\nlong\n```\n\n    indented\n", file: "f", firstLine: 1, options: MarkdownOptions(), hooks: PlainMarkdownHooks()
        ).html
        #expect(
            html
                == "<pre tabindex=\"0\"><code class=\"language-text\">long\n</code></pre>\n<pre tabindex=\"0\"><code>indented\n</code></pre>\n"
        )
        let plain = MarkdownRenderer.render("```text\nlong\n```\n", file: "f", firstLine: 1, options: .plain, hooks: PlainMarkdownHooks())
            .html
        #expect(plain == "<pre><code class=\"language-text\">long\n</code></pre>\n")
    }

    @Test func plainTextOfGeneratedHTML() {
        #expect(HTML.plainText("<table><tr><th>A &amp; B</th><td>15 天</td></tr>\n<tr><td>x&lt;y</td></tr></table>") == "A & B 15 天 x<y")
    }

    /// Accessibility gates: headings are an outline under the page title (`<h1>`), images need alternative text.
    @Test func aSkippedHeadingLevelIsAWarningAtTheHeading() {
        let result = render("### Too deep\n\n## Back\n\n### Fine\n\n##### Skips two\n\n# Another h1\n\n## Fine again\n")
        #expect(
            TestSupport.lines(result.diagnostics) == [
                "5:1 warning[heading-level] a level-3 heading after the page title skips a level | write `## Too deep`: readers of the outline would look for the missing level",
                "11:1 warning[heading-level] a level-5 heading after a `###` heading skips a level | write `#### Skips two`: readers of the outline would look for the missing level",
                // The title is the page's `<h1>`: a `#` in the body made a second.
                "13:1 warning[heading-level] a `#` heading is a second `<h1>` on the page; the title is its first | write `## Another h1`: the page's sections start at `##`",
            ])
        #expect(render("<!-- guidegen-ignore: heading-level -->\n#### Deliberate\n").diagnostics == [])
    }

    @Test func anImageWithoutAlternativeTextIsAWarningAtTheImage() {
        let result = render(
            "Before ![](../assets/order-page.png) and ![  ](x.png \"title\") and ![ok](y.png)\n\n![*emphasis counts*](z.png)\n")
        #expect(
            TestSupport.lines(result.diagnostics) == [
                "5:8 warning[image-alt] the image `order-page.png` has no alternative text | say what it shows inside the brackets, `![the refund button on the order page](../assets/order-page.png)`; an image that only decorates can be marked with `<!-- guidegen-ignore: image-alt -->`",
                "5:42 warning[image-alt] the image `x.png` has no alternative text | say what it shows inside the brackets, `![the refund button on the order page](x.png)`; an image that only decorates can be marked with `<!-- guidegen-ignore: image-alt -->`",
            ])
        #expect(render("<!-- guidegen-ignore: image-alt -->\n![](divider.png)\n").diagnostics == [])
    }

    @Test func aMisspeltIdInAnIgnoreMarkerIsAWarning() {
        let result = render("<!-- guidegen-ignore: claim-contradict-rule, raw-html -->\nOld rule: 7 days.\n")
        #expect(
            TestSupport.lines(result.diagnostics) == [
                "5:1 warning[ignore-marker] `claim-contradict-rule` in the ignore marker is not a check id; it silences nothing | did you mean `claim-contradicts-rule`?"
            ])
    }
}

/// Every active example of the GFM spec, through guidegen's Markdown stage, byte for byte.
@Suite struct ConformanceTests {
    struct Example: Sendable, CustomStringConvertible {
        var number: Int
        /// The extensions the example is tagged with (the spec renders untagged ones with none).
        var extensions: [String]
        var markdown: String
        var html: String
        var description: String { "example \(number)" }
    }

    static func examples(_ file: String) -> [Example] {
        let text = String(
            decoding: FileManager.default.contents(atPath: TestSupport.fixtures.appendingPathComponent("cmark/\(file)").path)!,
            as: UTF8.self)
        var out: [Example] = []
        let fence = String(repeating: "`", count: 32) + " example"
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        var number = 0
        while let line = lines.popFirst() {
            guard line.hasPrefix(fence) else { continue }
            number += 1
            let disabled = line.contains("disabled")
            let tags = line.dropFirst(fence.count).split(separator: " ").map(String.init)
            var markdown: [Substring] = []
            var html: [Substring] = []
            var inHTML = false
            while let l = lines.popFirst(), !l.hasPrefix(String(repeating: "`", count: 32)) {
                if l == "." && !inHTML { inHTML = true; continue }
                if inHTML { html.append(l) } else { markdown.append(l) }
            }
            if disabled { continue }
            func join(_ ls: [Substring]) -> String {
                ls.isEmpty ? "" : ls.joined(separator: "\n").replacingOccurrences(of: "→", with: "\t") + "\n"
            }
            out.append(Example(number: number, extensions: tags, markdown: join(markdown), html: join(html)))
        }
        return out
    }

    static let spec = examples("spec.txt")

    @Test func specHasAllActiveExamples() { #expect(Self.spec.count == 671) }

    /// With raw HTML on (as the spec assumes), guidegen's stage equals the spec's expected HTML.
    @Test(arguments: spec) func specExample(_ example: Example) {
        let html = MarkdownRenderer.render(
            example.markdown, file: "spec", firstLine: 1,
            options: MarkdownOptions(
                unsafeHTML: true, githubAlerts: false, headingAnchors: false, focusableCodeBlocks: false, extensions: example.extensions),
            hooks: PlainMarkdownHooks()
        ).html
        #expect(html == example.html)
    }

    /// In safe mode, guidegen's own sanitizer equals cmark-gfm's safe mode, including CRLF, CR and BOM input.
    @Test(arguments: spec) func safeModeMatchesLibrary(_ example: Example) {
        let expected = MarkdownRenderer.libraryHTML(example.markdown, unsafe: false, extensions: example.extensions)
        let options = MarkdownOptions(
            unsafeHTML: false, githubAlerts: false, headingAnchors: false, focusableCodeBlocks: false, extensions: example.extensions)
        #expect(
            MarkdownRenderer.render(example.markdown, file: "spec", firstLine: 1, options: options, hooks: PlainMarkdownHooks()).html
                == expected)
        for variant in [
            example.markdown.replacingOccurrences(of: "\n", with: "\r\n"), example.markdown.replacingOccurrences(of: "\n", with: "\r"),
            "\u{FEFF}" + example.markdown,
        ] {
            let decoded = try! SourceText.decode(Array(variant.utf8), path: "x").get()
            #expect(
                MarkdownRenderer.render(decoded.text, file: "spec", firstLine: 1, options: options, hooks: PlainMarkdownHooks()).html
                    == expected)
        }
    }

    /// The extension examples; example 23 (footnotes) changed format in gfm.2 and is pinned to the library.
    /// Strikethrough takes two tildes here, not one (Chinese ranges, `3~5 天`, were struck through): the
    /// examples of a single tilde are expected as text, as cmark-gfm renders them with that option.
    @Test func extensionExamples() {
        for var example in Self.examples("extensions.txt") {
            if example.extensions.isEmpty { example.extensions = MarkdownRenderer.extensionNames }
            let options = MarkdownOptions(
                unsafeHTML: true, githubAlerts: false, headingAnchors: false, focusableCodeBlocks: false, extensions: example.extensions)
            let html = MarkdownRenderer.render(example.markdown, file: "ext", firstLine: 1, options: options, hooks: PlainMarkdownHooks())
                .html
            if example.html == "<IGNORE>\n" { continue }  // the upstream harness ignores this output too
            if example.number == 23 {
                // guidegen keeps a note mark on the line of the word before it with a word joiner (U+2060).
                #expect(html.contains("text!\u{2060}<sup class=\"footnote-ref\">"))
                #expect(
                    html.replacingOccurrences(of: "\u{2060}", with: "")
                        == MarkdownRenderer.libraryHTML(example.markdown, unsafe: true, extensions: example.extensions))
            } else if example.markdown.contains("~") {
                if !example.markdown.contains("~~") { #expect(!html.contains("<del>"), "extension \(example.number): one tilde") }
                #expect(html == MarkdownRenderer.libraryHTML(example.markdown, unsafe: true, extensions: example.extensions))
            } else {
                #expect(html == example.html, "extension \(example.number)")
            }
        }
    }
}

/// Inputs the fuzzers found, kept as regressions (see Fuzz/findings/).
@Suite struct FuzzRegressionTests {
    @Test func headingIDsStayUniqueWhenAHeadingLooksLikeASuffix() {
        let result = MarkdownRenderer.render(
            "# a\n# a\n# a-1\n", file: "p.md", firstLine: 1, options: MarkdownOptions(), hooks: PlainMarkdownHooks())
        #expect(result.headings.map(\.id) == ["a", "a-1", "a-1-1"])
    }

    @Test func autolinkTextGetsItsParagraphsPosition() {
        let result = MarkdownRenderer.render(
            "foo@bar.baz\n", file: "p.md", firstLine: 3, options: MarkdownOptions(), hooks: PlainMarkdownHooks())
        #expect(result.prose.map(\.anchors).flatMap { $0 }.allSatisfy { $0.line == 3 && $0.column >= 1 })
    }

    @Test func unicodeLineSeparatorsInYAMLAreReportedWhereTheyAre() {
        let (_, diagnostics) = SchemaValidator.validate(yaml: "r: \u{2028}t\n", file: "p.md", firstLine: 2, config: TestSupport.config)
        #expect(TestSupport.lines(diagnostics).first?.hasPrefix("2:4 error[yaml-syntax] an invisible Unicode line break") == true)
    }

    @Test func hugeNumbersAreNotLiteralsAndDoNotTrap() {
        // Found by fuzzing: this trapped on integer overflow. Whatever is read must be a sane amount.
        #expect(QuantityScanner.scan(String(repeating: "one hundred ", count: 10) + "days").allSatisfy { $0.quantity.amount < 1e9 })
        #expect(QuantityScanner.scan(String(repeating: "1", count: 310) + "天").isEmpty)
        guard case .failure = QuantityParser.parseCanonical(String(repeating: "9", count: 400), expecting: .number) else {
            Issue.record("a 400-digit number was accepted")
            return
        }
    }

    @Test func aYAMLErrorAtTheEndStaysOnTheLastLine() {
        let (_, diagnostics) = YAMLReader(allowAliases: true).compose("a: [", file: "rules/x.yaml")
        #expect(diagnostics.map(\.location) == [SourceLocation(file: "rules/x.yaml", line: 1, column: 5)])
    }

    @Test func thousandsOfLinksOnOneLineStayFast() {
        let line = String(repeating: "[a](b) ", count: 9000)
        let start = Date()
        let result = MarkdownRenderer.render(line, file: "p.md", firstLine: 1, options: MarkdownOptions(), hooks: PlainMarkdownHooks())
        #expect(result.prose.first?.anchors.last?.column == 9000 * 7 - 5)
        #expect(Date().timeIntervalSince(start) < 5)
    }
}

@Suite struct FlowLimitTests {
    @Test func flowsBeyondTheLimitsAreRefusedWithoutLayout() {
        var source = "flowchart TD\n"
        for i in 0..<900 { source += "n\(i % 300) --> n\((i * 7 + 1) % 300)\n" }  // 300 steps, 900 arrows
        let (diagram, issues) = FlowParser.parse(source)
        #expect(diagram == nil)
        #expect(issues.last?.message == "the flow has 300 steps and 900 arrows; at most 300 and 600 are drawn")
    }

    /// At the limits the layout still finishes (the fuzzers' dense and back-edge cases, scaled down).
    @Test func aFlowAtTheLimitsLaysOut() throws {
        var source = "flowchart LR\n"
        for i in 0..<600 { source += "n\((i * 37) % 300) --> n\((i * 91 + 3) % 300)\n" }
        let (parsed, _) = FlowParser.parse(source)
        let diagram = try #require(parsed)
        let start = Date()
        let geometry = FlowLayout.layout(diagram)
        #expect(geometry.nodes.count == 300)
        #expect(Date().timeIntervalSince(start) < 60)
    }

    /// The fuzzers' slow flows, cut to the limits: they must lay out (timing is the slow tier's business).
    @Test(arguments: ["flow-back-edges-limit.mmd", "flow-dense-edges-limit.mmd"]) func fuzzedFlowsAtTheLimitsLayOut(_ name: String) throws {
        let source = try String(contentsOf: TestSupport.fixtures.appendingPathComponent(name), encoding: .utf8)
        let (parsed, _) = FlowParser.parse(source)
        let diagram = try #require(parsed)
        var geometry = FlowLayout.layout(diagram)
        let seconds = HostileInputTests.fastest { geometry = FlowLayout.layout(diagram) }
        #expect(geometry.nodes.count == diagram.nodes.count)
        if HostileInputTests.timed { #expect(seconds < 1, "\(name) took \(seconds) s to lay out") }
    }
}

@Suite struct MoreFuzzRegressionTests {
    @Test func anAmpersandInsideAWordIsNotAnAnchor() {
        let (front, diagnostics) = SchemaValidator.validate(
            yaml: "title: AT&T and Q&A\ntype: faq\n", file: "p.md", firstLine: 2, config: TestSupport.config)
        #expect(diagnostics == [])
        #expect(front.title == "AT&T and Q&A")
        let anchored = YAMLReader(allowAliases: false).compose("title: x\nsummary: &a y\n", file: "p.md").1
        #expect(anchored.map(\.location) == [SourceLocation(file: "p.md", line: 2, column: 10)])
    }

    /// A long plain title wrapped onto a line that starts with `&` or `*` is one title, as YAML reads it.
    @Test func aWrappedPlainValueMayGoOnWithAnAmpersand() {
        let (front, diagnostics) = SchemaValidator.validate(
            yaml: "title: Tom\n  & Jerry\nsummary: Rated\n\n  *5* stars\ntype: faq\n", file: "p.md", firstLine: 2,
            config: TestSupport.config)
        #expect(diagnostics == [])
        #expect(front.title == "Tom & Jerry")
        #expect(front.summary == "Rated\n*5* stars")
    }

    /// Only a node's start can hold an anchor or alias: text with `&` or `*` in it is text, as YAML reads it.
    @Test(
        arguments: [
            ("title: Tom & Jerry\n", nil), ("title: a &b\n", nil), ("summary: Rated *5* stars\n", nil), ("title: a, &b\n", nil),
            ("title: '&a'\n", nil), ("title: \"*a\" x\n", nil), ("t: x # &a\n", nil), ("t: |\n  *bold* text\n  &more\nu: v\n", nil),
            ("t: >-\n  &x\n", nil), ("tags: [a & b, c]\n", nil), ("title: & \n", nil),
            ("title: &t A\n", 7), ("t: *t\n", 3), ("- &a x\n", 2), ("tags: [a, *b]\n", 10), ("m: {k: &v x}\n", 7),
            ("t: |\n  x\nu: &a y\n", 12), ("list:\n  - *x\n", 10), ("t:\n  &a x\n", 5), ("tags: [a,\n  *b]\n", 12),
            // A plain value going on over more-indented lines is text there too; a line at the key's own
            // indentation, or after a comment or an indicator, starts a node again.
            ("summary: Tom\n  & Jerry\n", nil), ("summary: Tom\n\n  &Jerry\n", nil), ("- a\n  *b* c\n", nil),
            // A value cannot go on after a comment: libyaml reports a syntax error there, not an anchor.
            ("s: x # c\n  &a\n", nil), ("s: x\n  # c\n  &a y\n", nil), ("s: one\n  two\n  &three\n", nil), ("s: x\n&a t: y\n", 5),
            ("s:\n  &a x\n", 5),
            ("- a: x\n  b: &y z\n", 12), ("- a: x\n   &y z\n", nil), ("  - a\n    &b\n", nil),
            ("- - a\n    &b\n", nil), ("- - a\n  - &b\n", 10),
            // A node's properties may stand on separate lines; libyaml marks the tag, the refusal points at the `&`.
            ("k: !t\n  &a v\n", 8), ("k: !t # c\n  &a v\n", 12), ("- !t\n\n  &a v\n", 8), ("k: !t &a v\n", 6),
        ] as [(String, Int?)])
    func anchorsAndAliasesOnlyWhereANodeStarts(_ yaml: String, _ offset: Int?) {
        let diagnostics = YAMLReader(allowAliases: false).compose(yaml, file: "p.md").1
        let anchors = diagnostics.filter { $0.message.hasPrefix("anchors and aliases") }.map(\.location)
        if let offset {
            let (line, column) = LineIndex(yaml).position(ofUTF8Offset: offset)
            #expect(anchors == [SourceLocation(file: "p.md", line: line, column: column)], "\(yaml)")
        } else {
            #expect(anchors.isEmpty, "\(yaml)")
        }
    }

    @Test func carriageReturnsGivePositionsInsideTheText() {
        let result = MarkdownRenderer.render(
            "a\rb\r\r<b>x</b>\r", file: "p.md", firstLine: 1, options: MarkdownOptions(), hooks: PlainMarkdownHooks())
        #expect(result.diagnostics.map(\.location.line) == [4, 4])
    }
}

@Suite struct YAMLPositionRegressionTests {
    /// Found by fuzzing: `---` alone is an empty document whose mark is on line 2 of a 1-line file.
    @Test func anEmptyDocumentIsReportedOnItsOwnLine() {
        let (_, diagnostics) = RuleTableValidator.validate(SourceText(path: "rules/x.yaml", text: "---"), languages: ["en"])
        #expect(diagnostics.allSatisfy { $0.location.line == 1 })
        #expect(!diagnostics.isEmpty)
    }
}
