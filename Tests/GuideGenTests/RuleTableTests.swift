import Foundation
import Testing

@testable import GuideGen

@Suite struct RuleTableTests {
    func validate(_ yaml: String) -> (RuleTable?, [String]) {
        let (table, diagnostics) = RuleTableValidator.validate(SourceText(path: "rules/w.yaml", text: yaml), languages: ["zh-Hans", "en"])
        return (table, TestSupport.lines(diagnostics))
    }

    static let header = """
        title: {zh-Hans: 期限, en: Windows}
        changed: 2026-11-01
        columns:
          window: {type: duration, title: {zh-Hans: 期限, en: Window}}
          fee: {type: money, title: {zh-Hans: 费用, en: Fee}}
          payer: {type: choice, title: {zh-Hans: 谁付, en: Who pays}, options: {buyer: {zh-Hans: 买家, en: the buyer}, seller: {zh-Hans: 卖家, en: the seller}}}
          note: {type: text, title: {zh-Hans: 说明, en: Note}}
          open: {type: boolean, title: {zh-Hans: 开放, en: Open}}
        rows:

        """

    /// One term for two rows of a table: a sentence with it could state either, so neither's value could
    /// ever be told a contradiction. A warning at the second row's term (case ignored, per language).
    @Test func aTermTwoRowsShareIsAWarning() {
        let (_, lines) = validate(
            Self.header + """
                  a:
                    label: {zh-Hans: 甲, en: A}
                    terms: {zh-Hans: [售后期], en: [after-sales period]}
                  b:
                    label: {zh-Hans: 乙, en: B}
                    terms: {zh-Hans: [售后期, 乙期], en: [After-sales period]}

                """)
        #expect(
            lines == [
                "15:23 warning[rule-table] `售后期` is also a term of row `a`: a sentence with it cannot say which row it states | give each row words of its own, e.g. naming the goods it is about",
                "15:38 warning[rule-table] `After-sales period` is also a term of row `a`: a sentence with it cannot say which row it states | give each row words of its own, e.g. naming the goods it is about",
            ])
    }

    /// A row with words for some languages but not another is never checked in that one: a warning at
    /// `terms`, as a missing label is (a row without any terms is not checked anywhere, and says nothing).
    @Test func termsMissingForALanguageAreAWarning() {
        let (_, lines) = validate(
            Self.header + """
                  a:
                    label: {zh-Hans: 甲, en: A}
                    terms: {zh-Hans: [售后期]}
                  b:
                    label: {zh-Hans: 乙, en: B}

                """)
        #expect(
            lines == [
                "12:5 warning[missing-translation] `terms` has no en words, so en pages are not checked against row `a` | add `en: [...]`, the words that mark a sentence in en as stating this row's facts"
            ])
    }

    @Test func aValidTableIsTyped() throws {
        let (table, diagnostics) = validate(
            Self.header + """
                  general:
                    label: {zh-Hans: 一般商品, en: Ordinary goods}
                    terms: {zh-Hans: [售后期], en: [after-sales window]}
                    window: 2 working days
                    fee: CNY 50
                    payer: seller
                    note: {zh-Hans: 见规则, en: See the rules}
                    open: true

                """)
        #expect(diagnostics == [])
        let row = try #require(table?.row("general"))
        #expect(row.values["window"] == .quantity(Quantity(amount: 2, unit: .workingDays)))
        #expect(row.values["fee"] == .quantity(Quantity(amount: 50, unit: .cny)))
        #expect(row.values["payer"] == .choice("seller"))
        #expect(row.values["open"] == .boolean(true))
        #expect(row.terms == ["zh-Hans": ["售后期"], "en": ["after-sales window"]])
        #expect(row.valueLines["fee"] == 14)
        let column = try #require(table?.column("window"))
        #expect(RuleBook.display(row.values["window"]!, column: column, language: "zh-Hans", fallback: "zh-Hans") == "2 个工作日")
        #expect(RuleBook.display(row.values["window"]!, column: column, language: "en", fallback: "zh-Hans") == "2 working days")
        let fee = try #require(table?.column("fee"))
        #expect(RuleBook.display(row.values["fee"]!, column: fee, language: "zh-Hans", fallback: "zh-Hans") == "50 元")
        #expect(RuleBook.display(row.values["fee"]!, column: fee, language: "en", fallback: "zh-Hans") == "CNY 50")
        let payer = try #require(table?.column("payer"))
        #expect(RuleBook.display(row.values["payer"]!, column: payer, language: "en", fallback: "zh-Hans") == "the seller")
    }

    @Test func everyCellProblemIsPositioned() {
        let (_, diagnostics) = validate(
            Self.header + """
                  general:
                    label: {zh-Hans: 一般商品}
                    window: 15 dayz
                    fee: 50
                    payer: buyr
                    windw: 3 days
                    open: maybe

                """)
        #expect(
            diagnostics == [
                "11:12 warning[missing-translation] `label` has no `en` text; en readers see the zh-Hans text | add `en: …`",
                "12:13 error[rule-table] `window`: unknown unit `dayz` | did you mean `days`?",
                "13:10 error[rule-table] `fee`: missing currency; expected an amount of money such as `CNY 50` | write money as `CNY 50`",
                "14:12 error[rule-table] `buyr` is not an option of `payer` | did you mean `buyer`?",
                "15:5 error[rule-table] `windw`: row `general` has a value for a column that does not exist | did you mean `window`?",
                "16:11 error[rule-table] `open` must be `true` or `false`, not `maybe`",
            ])
    }

    /// A text missing in the default language has nothing to fall back on: an error, unlike other languages.
    @Test func missingDefaultLanguageTextIsAnError() {
        let (table, diagnostics) = validate(
            Self.header + """
                  general:
                    label: {en: Ordinary goods}
                    window: 15 days

                """)
        #expect(diagnostics == ["11:12 error[rule-table] `label` has no `zh-Hans` text | add `zh-Hans: …`"])
        #expect(table?.rows.first?.label.text("zh-Hans", fallback: "zh-Hans") == "Ordinary goods")
    }

    @Test func unknownColumnTypeAndMissingKeys() {
        let (_, diagnostics) = validate(
            "title: {zh-Hans: 期限, en: Windows}\ncolumns:\n  w: {type: durration, title: {zh-Hans: 期限, en: W}}\nrows: {}\n")
        #expect(
            diagnostics == [
                "1:1 error[rule-table] the rule table has no `changed`",
                "3:13 error[rule-table] `durration` is not a column type | did you mean `duration`?",
            ])
    }

    /// A column with a bad type is reported once: its values are not also "values of a column that does not
    /// exist", and the list of known columns names columns only.
    @Test func aBrokenColumnIsReportedOnce() {
        let (_, diagnostics) = validate(
            "title: {zh-Hans: 期限, en: Windows}\nchanged: 2026-11-01\ncolumns:\n  w: {type: durration, title: {zh-Hans: 期限, en: W}}\n"
                + "  n: {type: number, title: {zh-Hans: 数, en: N}}\n  t: {title: {zh-Hans: 无, en: None}}\n"
                + "rows:\n  a:\n    label: {zh-Hans: 甲, en: A}\n    w: 15 dayz\n    t: x\n    n: 2\n    extra: 1\n    lable: {zh-Hans: 乙}\n"
        )
        #expect(
            diagnostics == [
                "4:13 error[rule-table] `durration` is not a column type | did you mean `duration`?",
                "6:3 error[rule-table] column `t` has no `type` | add `type: duration` (or money, number, boolean, choice, text)",
                "13:5 error[rule-table] `extra`: row `a` has a value for a column that does not exist | known columns: `n`",
                "14:5 error[rule-table] `lable`: row `a` has a value for a column that does not exist | did you mean `label`?",
            ])
    }

    @Test func referencesResolveWithSuggestions() {
        let (table, _) = validate(Self.header + "  general:\n    label: {zh-Hans: 甲, en: A}\n    window: 15 days\n")
        let book = RuleBook([table!])
        guard case .unknown(let message, let help, _) = book.lookup(RuleReference.parse("rule w.genral.window")!) else {
            Issue.record("expected an unknown row")
            return
        }
        #expect(message == "rule table `w` has no row `genral`")
        #expect(help == "did you mean `general`?")
        #expect(
            RuleReference.scan("a {{ rule w.general.window }} b {{table w}} {{rule x}}").map(\.reference?.key) == [
                "w.general.window", "w", nil,
            ])
    }

    /// Money is shown to the cent, so a finer cell is refused; a reference to it says the value is invalid
    /// (not missing), once.
    @Test func moneyFinerThanACentIsRefusedAndItsReferencesSaySo() {
        let (table, lines) = validate(Self.header + "  general:\n    label: {zh-Hans: 甲, en: A}\n    fee: CNY 9.995\n")
        #expect(
            lines == [
                "12:10 error[rule-table] `fee`: `CNY 9.995` has more decimals than cents | write money to the cent, with at most two decimals (`CNY 9.99`)"
            ])
        // The value's own error is the one to fix: a reference to it adds nothing (as into a broken table).
        guard case .inFailedTable = RuleBook([table!]).lookup(RuleReference.parse("rule w.general.fee")!) else {
            Issue.record("expected the reference to be refused without a word")
            return
        }
        // A value never written is the reference's to report, with the row to add it to as a note (notes are
        // printed under the content folder's path; a help saying `rules/w.yaml` was not).
        guard case .unknown(let message, let help, let notes) = RuleBook([table!]).lookup(RuleReference.parse("rule w.general.window")!)
        else {
            Issue.record("expected the reference to be unknown")
            return
        }
        #expect(message == "row `general` of `w` has no value for `window`")
        #expect(help == "add `window:` to the row")
        #expect(notes.map { "\($0.location.file):\($0.location.line) \($0.message)" } == ["rules/w.yaml:10 row `general`"])
    }

    /// A misspelt keyword gets the reference it was meant to be, not only the two forms.
    @Test func aMisspeltKeywordIsCorrectedInTheHelp() {
        #expect(PageHooks.referenceHelp("tabel windows") == "did you mean `{{table windows}}`?")
        #expect(PageHooks.referenceHelp("Rule windows.general.window") == "did you mean `{{rule windows.general.window}}`?")
        #expect(PageHooks.referenceHelp("rules windows.general.window") == "did you mean `{{rule windows.general.window}}`?")
        #expect(PageHooks.referenceHelp("tabel windows.general") == "write `{{rule table.row.column}}` or `{{table table}}`")
        #expect(PageHooks.referenceHelp("price 15") == "write `{{rule table.row.column}}` or `{{table table}}`")
        // Hugo shortcodes a migrated page still holds.
        #expect(
            PageHooks.referenceHelp(#"< relref "../returns/refund.md" >"#)
                == "guidegen has no Hugo shortcodes: link to the page's source file, `[text](../returns/refund.md)`")
        #expect(
            PageHooks.referenceHelp("% notice tip %")
                == "guidegen has no Hugo shortcodes: write it in Markdown (a note is an alert, `> [!NOTE]`); a rule's value is `{{rule table.row.column}}`"
        )
    }

    @Test func referenceBodiesParseOnlyInTheirTwoForms() {
        #expect(RuleReference.parse("rule a.b.c")?.key == "a.b.c")
        #expect(RuleReference.parse("rule   a.b.c  ")?.key == "a.b.c")
        #expect(RuleReference.parse("table x")?.kind == .table)
        for bad in ["rule a..c", "rule .a.b", "rule a.b.", "rule a.b", "rule a.b.c d", "table x.y", "rules a.b.c", "rule", "a.b.c", ""] {
            #expect(RuleReference.parse(bad) == nil, "\(bad)")
        }
    }

    /// `{{rule …` without `}}` would be published as source text, so it is found (to the end of its line);
    /// `{{` before anything else stays prose.
    @Test func unclosedReferencesAreFound() {
        let found = RuleReference.scan("a {{rule w.general.window days.\nb {{ not a reference and {{table w} end")
        #expect(found.map(\.unclosed) == [true, true])
        #expect(found.map(\.body) == ["rule w.general.window days.", "table w} end"])
        #expect(RuleReference.scan("templates use {{name}} and {{ braces").map(\.unclosed) == [false])
    }

    /// A two-language site whose page `s/p` has `body` in both languages, with `rules` (path → YAML; one table
    /// `w` by default), run through the pipeline.
    static func runSite(body: String, rules: [String: String]? = nil, render: Bool = false) throws -> PipelineResult {
        var files = rules ?? ["rules/w.yaml": Self.oneRowTable]
        files["guidegen.yaml"] = "title: {zh-Hans: 指南, en: Guide}\nlanguages: [zh-Hans, en]\n"
        for lang in ["zh-Hans", "en"] { files["s/p.\(lang).md"] = "---\ntitle: P\ntype: article\n---\n\(body)\n" }
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        return Pipeline.run(PipelineOptions(content: root, templates: nil), render: render)
    }

    static let oneRowTable = header + "  general:\n    label: {zh-Hans: 甲, en: A}\n    window: 15 days\n"

    /// The table id is the file name: `.yml` works as `.yaml` does; a name references cannot spell, a
    /// second file with the same id, and other files in rules/ are reported instead of silently unknown.
    @Test func tableFileNames() throws {
        let table = Self.oneRowTable
        let result = try Self.runSite(
            body: "{{rule short.general.window}} {{rule w.general.window}}",
            rules: [
                "rules/short.yml": table, "rules/my.fees.yaml": table, "rules/w.yaml": table, "rules/w.yml": table, "rules/notes.txt": "x",
                "rules/old/x.yaml": table,
            ])
        #expect(
            result.diagnostics.filter { $0.location.file.hasPrefix("rules/") }.map {
                "\($0.location.file) \($0.severity.rawValue)[\($0.check)] \($0.message)"
            } == [
                "rules/my.fees.yaml error[rule-table] `my.fees` cannot be a rule table id: the id is the file name, and references need letters, digits, `-` and `_` only",
                "rules/notes.txt warning[bad-file-name] `rules/notes.txt` is not a rule table; it is skipped",
                "rules/old/x.yaml warning[bad-file-name] `rules/old/x.yaml` is not a rule table; it is skipped",
                "rules/w.yml error[rule-table] `rules/w.yml` and `rules/w.yaml` are both rule table `w`",
            ])
        #expect(result.site.rules.map(\.id) == ["short", "w"])
        #expect(!result.diagnostics.contains(where: { $0.check == CheckID.unknownRule.rawValue }))
    }

    /// Ids are unique in a page: a table shown twice has its anchors only the first time.
    @Test func aTableShownTwiceHasItsAnchorsOnce() throws {
        let result = try Self.runSite(body: "{{table w}}\n\nAgain:\n\n{{table w}}", render: true)
        let html = String(decoding: try #require(result.files["en/s/p/index.html"]), as: UTF8.self)
        #expect(html.components(separatedBy: "<figure class=\"rule-table\"").count == 3)
        #expect(html.components(separatedBy: "id=\"rules-w\"").count == 2)
        #expect(html.components(separatedBy: "id=\"rule-w-general\"").count == 2)
    }

    /// `{{table}}` works where a table can go: alone in a paragraph, a list item or a table cell (a table
    /// inside the table); in a sentence or a heading it is an error.
    @Test func aTableReferenceStandsAloneInAParagraphOrACell() throws {
        let body = "| Window | Table |\n|---|---|\n| 15 | {{table w}} |\n\n- {{table w}}\n\n## Heading {{table w}}\n\nSee {{table w}}.\n"
        let result = try Self.runSite(body: body, render: false)
        #expect(
            TestSupport.lines(result.diagnostics.filter { $0.check == CheckID.unknownRule.rawValue && $0.location.file == "s/p.en.md" })
                .map { $0.prefix(58) } == [
                    "11:12 error[unknown-rule] `{{table w}}` must stand alone i",
                    "13:5 error[unknown-rule] `{{table w}}` must stand alone in",
                ])
        let clean = try Self.runSite(body: "| Window | Table |\n|---|---|\n| 15 | {{ table w }} |\n\n- {{table w}}\n", render: true)
        #expect(TestSupport.lines(clean.diagnostics.filter { $0.severity == .error }) == [])
        let html = String(decoding: try #require(clean.files["en/s/p/index.html"]), as: UTF8.self)
        #expect(html.contains("<td><figure class=\"rule-table\""))
        #expect(html.contains("<li>\n<figure class=\"rule-table\""))
        #expect(!html.contains("{{"))
    }

    /// A value in a sentence never breaks between number and unit (a no-break space joins them); in Chinese a
    /// space typed between the value's Chinese edge and Chinese text is dropped, one between Chinese and the
    /// number kept or added, and the columns of what follows stay exact.
    @Test func valuesInSentencesKeepTogetherAndTakeChineseSpacing() throws {
        let body =
            "在 {{rule w.general.window}} 售后期内，{{rule w.general.window}}内 或{{rule w.general.window}}。 {{rule w.general.window}} ok 15 天"
        let table = Self.oneRowTable + "    terms: {zh-Hans: [ok], en: [ok]}\n"
        let result = try Self.runSite(body: body, rules: ["rules/w.yaml": table], render: true)
        let zh = String(decoding: try #require(result.files["zh-Hans/s/p/index.html"]), as: UTF8.self)
        #expect(zh.contains("<p>在 15\u{00A0}天售后期内，15\u{00A0}天内 或 15\u{00A0}天。 15\u{00A0}天 ok 15 天</p>"), "\(zh)")
        let en = String(decoding: try #require(result.files["en/s/p/index.html"]), as: UTF8.self)
        #expect(en.contains("<p>在 15\u{00A0}days 售后期内，15\u{00A0}days内 或15\u{00A0}days。 15\u{00A0}days ok 15 天</p>"), "\(en)")
        // The literal `15 天` at the end is still found at its own column.
        let repeats = result.diagnostics.filter { $0.check == CheckID.hardCodedRuleValue.rawValue && $0.location.file == "s/p.zh-Hans.md" }
        #expect(repeats.map(\.location.column) == [body.count - 3])
    }

    /// `{{rule table.row}}` without a column: the help names the table's columns.
    @Test func aReferenceWithoutAColumnListsTheColumns() throws {
        let result = try Self.runSite(body: "See {{rule w.general}}.")
        let helps = result.diagnostics.filter { $0.location.file == "s/p.en.md" }.map { $0.help ?? "" }
        #expect(
            helps == [
                "name a column: `{{rule w.general.window}}`, `{{rule w.general.fee}}`, `{{rule w.general.payer}}`, "
                    + "`{{rule w.general.note}}`, `{{rule w.general.open}}`"
            ])
    }

    /// A rule table serves every language, so its sources' titles may be written per language.
    @Test func sourceTitlesMayBeWrittenPerLanguage() throws {
        let table = Self.oneRowTable.replacingOccurrences(
            of: "columns:",
            with:
                "sources:\n  - {title: {zh-Hans: 淘宝规则, en: Taobao rules (in Chinese)}, url: https://rule.taobao.com/}\n  - {title: \"12315\", url: https://www.12315.cn/}\ncolumns:"
        )
        let result = try Self.runSite(body: "{{table w}}", rules: ["rules/w.yaml": table], render: true)
        #expect(TestSupport.lines(result.diagnostics.filter { $0.severity == .error }) == [])
        func sources(_ path: String) throws -> [String] {
            let html = String(decoding: try #require(result.files[path]), as: UTF8.self)
            return html.components(separatedBy: #"rel="noopener">"#).dropFirst().map { String($0.prefix { $0 != "<" }) }
        }
        #expect(try sources("en/s/p/index.html").prefix(2) == ["Taobao rules (in Chinese)", "12315"])
        #expect(try sources("zh-Hans/s/p/index.html").prefix(2) == ["淘宝规则", "12315"])
    }

    @Test func anUnclosedReferenceIsAnErrorInLint() throws {
        let diagnostics = try Self.runSite(body: "Within {{rule w.general.window days.").diagnostics
        #expect(
            TestSupport.lines(diagnostics.filter { $0.location.file == "s/p.en.md" }) == [
                "5:8 error[unknown-rule] `{{rule w.general.window days.` is not closed | end the reference with `}}`: `{{rule w.general.window}}`"
            ])
    }
}
