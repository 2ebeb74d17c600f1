import Foundation
import Testing

@testable import GuideGen

/// The claims fixture: a bilingual site with 69 planted defects (listed, with the reason for each, in
/// `Fixtures/sites/claims-defects/DEFECTS.md`) and the same site with every defect fixed.
/// Rewrite the golden on purpose with `GUIDEGEN_UPDATE_GOLDENS=1 swift test --filter ClaimsSiteTests`.
@Suite struct ClaimsSiteTests {
    static let defects = TestSupport.fixtures.appendingPathComponent("sites/claims-defects/content")
    static let fixed = TestSupport.fixtures.appendingPathComponent("sites/claims-fixed/content")

    static func run(_ content: URL, render: Bool = false) -> PipelineResult {
        Pipeline.run(
            PipelineOptions(content: content, templates: TestSupport.repository.appendingPathComponent("site-templates")), render: render)
    }

    /// `file:line:col severity[check] message | help`, in print order.
    static func lines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.sorted(by: Diagnostic.ordered).map {
            "\($0.location.file):\($0.location.line):\($0.location.column) \($0.severity.rawValue)[\($0.check)] \($0.message)\($0.help.map { " | \($0)" } ?? "")"
        }
    }

    /// `file:line:col check`: where a finding is and what it is, without the wording.
    static func position(_ d: Diagnostic) -> String { "\(d.location.file):\(d.location.line):\(d.location.column) \(d.check)" }

    /// One planted defect: where its diagnostic belongs.
    struct Planted: CustomStringConvertible {
        var file: String
        var line: Int
        var column: Int
        var check: CheckID
        var description: String { "\(file):\(line):\(column) \(check.rawValue)" }
    }

    /// Every planted defect, in DEFECTS.md order.
    static let planted: [Planted] = {
        let rz = "policies/returns.zh-Hans.md", re = "policies/returns.en.md"
        let fz = "policies/refunds.zh-Hans.md", fe = "policies/refunds.en.md"
        let qz = "faq/common.zh-Hans.md", qe = "faq/common.en.md"
        let wz = "flows/return-flow.zh-Hans.md", we = "flows/return-flow.en.md"
        let sz = "articles/shipping-insurance.zh-Hans.md", se = "articles/shipping-insurance.en.md"
        let pz = "articles/platform-notes.zh-Hans.md", je = "articles/jd-notes.en.md", oe = "articles/old-rules.en.md"
        return [
            Planted(file: rz, line: 6, column: 25, check: .unknownRule),  // `refund`
            Planted(file: rz, line: 6, column: 1, check: .rulesListMismatch),
            Planted(file: rz, line: 14, column: 9, check: .claimContradictsRule),  // 十五天, heading
            Planted(file: rz, line: 16, column: 9, check: .hardCodedRuleValue),  // 30 天
            Planted(file: rz, line: 18, column: 12, check: .claimContradictsRule),  // 半个月, list item
            Planted(file: rz, line: 19, column: 8, check: .hardCodedRuleValue),  // 15 天
            Planted(file: rz, line: 20, column: 12, check: .claimContradictsRule),  // １５天
            Planted(file: rz, line: 24, column: 15, check: .claimContradictsRule),  // 20 天, table cell
            Planted(file: rz, line: 27, column: 20, check: .claimContradictsRule),  // nearest term wins
            Planted(file: rz, line: 29, column: 8, check: .claimContradictsRule),  // 7 个工作日, wrong unit
            Planted(file: rz, line: 32, column: 8, check: .claimContradictsRule),  // second line of a paragraph
            Planted(file: rz, line: 34, column: 54, check: .claimContradictsRule),  // after a {{rule}}
            Planted(file: re, line: 6, column: 25, check: .unknownRule),  // `refund`
            Planted(file: re, line: 6, column: 1, check: .rulesListMismatch),
            Planted(file: re, line: 14, column: 35, check: .claimContradictsRule),  // fifteen days, heading
            Planted(file: re, line: 16, column: 31, check: .hardCodedRuleValue),
            Planted(file: re, line: 18, column: 34, check: .claimContradictsRule),  // half a month
            Planted(file: re, line: 19, column: 26, check: .hardCodedRuleValue),
            Planted(file: re, line: 20, column: 23, check: .claimContradictsRule),
            Planted(file: re, line: 24, column: 44, check: .claimContradictsRule),  // table cell
            Planted(file: re, line: 27, column: 50, check: .claimContradictsRule),  // nearest term wins
            Planted(file: re, line: 29, column: 34, check: .claimContradictsRule),  // 7 working days, wrong unit
            Planted(file: re, line: 32, column: 39, check: .claimContradictsRule),
            Planted(file: re, line: 34, column: 89, check: .claimContradictsRule),  // after a {{rule}}
            Planted(file: fz, line: 6, column: 1, check: .reviewOutdated),
            Planted(file: fz, line: 11, column: 9, check: .claimContradictsRule),  // 两个工作日
            Planted(file: fz, line: 13, column: 9, check: .claimContradictsRule),
            Planted(file: fz, line: 15, column: 9, check: .hardCodedRuleValue),
            Planted(file: fz, line: 17, column: 8, check: .claimContradictsRule),  // 3 天, wrong unit
            Planted(file: fz, line: 20, column: 12, check: .claimContradictsRule),  // alert, bold
            Planted(file: fe, line: 6, column: 1, check: .reviewOutdated),
            Planted(file: fe, line: 11, column: 25, check: .claimContradictsRule),  // 2 business days
            Planted(file: fe, line: 13, column: 32, check: .claimContradictsRule),
            Planted(file: fe, line: 15, column: 27, check: .hardCodedRuleValue),
            Planted(file: fe, line: 17, column: 38, check: .claimContradictsRule),  // 3 days, wrong unit
            Planted(file: fe, line: 20, column: 44, check: .claimContradictsRule),  // alert, bold
            Planted(file: qz, line: 13, column: 13, check: .claimContradictsRule),  // 五个工作日, FAQ answer
            Planted(file: qz, line: 17, column: 8, check: .claimContradictsRule),  // 60元
            Planted(file: qe, line: 1, column: 1, check: .translationMismatch),  // 3 questions, not 4
            Planted(file: qe, line: 13, column: 51, check: .claimContradictsRule),  // five working days
            Planted(file: qe, line: 17, column: 33, check: .claimContradictsRule),  // CNY 60
            Planted(file: wz, line: 14, column: 35, check: .claimContradictsRule),  // node label
            Planted(file: wz, line: 16, column: 20, check: .hardCodedRuleValue),  // edge label
            Planted(file: wz, line: 17, column: 71, check: .claimContradictsRule),  // label after a {{rule}}
            Planted(file: we, line: 14, column: 54, check: .claimContradictsRule),  // 20-day
            Planted(file: we, line: 16, column: 23, check: .hardCodedRuleValue),  // edge label
            Planted(file: we, line: 17, column: 104, check: .claimContradictsRule),  // label after a {{rule}}
            Planted(file: sz, line: 11, column: 11, check: .claimContradictsRule),  // CNY 60, heading
            Planted(file: sz, line: 13, column: 18, check: .hardCodedRuleValue),  // 50 元
            Planted(file: sz, line: 21, column: 6, check: .hardCodedRuleValue),  // CNY 1,000
            Planted(file: sz, line: 23, column: 11, check: .claimContradictsRule),  // ¥60
            Planted(file: se, line: 1, column: 1, check: .translationMismatch),  // lacks fees.insurance.per-order
            Planted(file: se, line: 9, column: 89, check: .translationMismatch),  // extra fees.deposit.amount
            Planted(file: se, line: 11, column: 32, check: .claimContradictsRule),
            Planted(file: se, line: 13, column: 52, check: .hardCodedRuleValue),
            Planted(file: se, line: 21, column: 25, check: .hardCodedRuleValue),
            Planted(file: se, line: 23, column: 42, check: .claimContradictsRule),
            Planted(file: oe, line: 7, column: 1, check: .outdatedTranslation),
            Planted(file: pz, line: 1, column: 1, check: .missingTranslation),
            Planted(file: pz, line: 9, column: 13, check: .unknownRule),  // table return-window
            Planted(file: pz, line: 11, column: 12, check: .unknownRule),  // row arival
            Planted(file: pz, line: 13, column: 8, check: .hardCodedRuleValue),  // 三十天
            Planted(file: pz, line: 15, column: 10, check: .hardCodedRuleValue),  // 五十元
            Planted(file: je, line: 1, column: 1, check: .missingTranslation),
            Planted(file: je, line: 6, column: 9, check: .unknownRule),  // rules: [refund, …], at the item
            Planted(file: je, line: 10, column: 36, check: .unknownRule),  // column windw
            Planted(file: je, line: 12, column: 1, check: .unknownRule),  // {{table refund}}
            Planted(file: je, line: 14, column: 35, check: .hardCodedRuleValue),
            Planted(file: je, line: 16, column: 31, check: .hardCodedRuleValue),  // 3 business days
        ]
    }()

    /// Lines that look like claims but are not: each was a false positive once and is kept as a regression
    /// ("step 3", a literal in another clause of an ignored block, code spans).
    static let mustStaySilent = [
        "articles/shipping-insurance.en.md:15:45", "articles/old-rules.zh-Hans.md:11:10", "articles/old-rules.zh-Hans.md:19:58",
        "articles/old-rules.en.md:20:88",
    ]

    @Test func defectsSiteDiagnosticsMatchTheGolden() throws {
        let result = Self.run(Self.defects)
        try TestSupport.expectGolden(Self.lines(result.diagnostics).joined(separator: "\n") + "\n", "claims-defects/lint.txt")
    }

    /// A review-outdated warning's note points at the table's `changed:` line, the date that outdates it.
    @Test func reviewOutdatedPointsAtTheChangedDate() throws {
        let outdated = Self.run(Self.defects).diagnostics.filter { $0.check == CheckID.reviewOutdated.rawValue }
        #expect(outdated.count == 2)
        for diagnostic in outdated {
            let note = try #require(diagnostic.notes.first)
            #expect(note.location.file == "rules/refunds.yaml")
            #expect(note.location.line == 2)
        }
    }

    @Test func everyPlantedDefectIsReportedWhereItWasPlanted() {
        let diagnostics = Self.run(Self.defects).diagnostics
        let explained = diagnostics
        var counts: [String: Int] = [:]
        for d in explained { counts[d.check, default: 0] += 1 }
        #expect(
            counts == [
                "claim-contradicts-rule": 36, "hard-coded-rule-value": 16, "unknown-rule": 7, "rules-list-mismatch": 2,
                "translation-mismatch": 3, "review-outdated": 2, "missing-translation": 2, "outdated-translation": 1,
            ])
        #expect(Self.planted.count == 69)

        // Each claim finding points at the rule's value in its table (spec §8: "the rule table's file and line").
        let valueLines = [
            "return-windows.no-reason.window": 18, "return-windows.exchange.window": 23, "return-windows.after-sales.window": 28,
            "refunds.seller-response.time": 11, "refunds.arrival.time": 15,
            "fees.insurance.amount": 18, "fees.insurance.per-order": 19, "fees.deposit.amount": 24,
        ]
        for d in explained where d.check == CheckID.claimContradictsRule.rawValue || d.check == CheckID.hardCodedRuleValue.rawValue {
            let key = d.message.components(separatedBy: "the rule `").dropFirst().first?.components(separatedBy: "`").first ?? ""
            let table = key.components(separatedBy: ".").first ?? ""
            #expect(
                d.notes.map { "\($0.location.file):\($0.location.line)" } == ["rules/\(table).yaml:\(valueLines[key] ?? 0)"],
                "\(Self.position(d))")
        }

        // Every planted defect at its position, and nothing else.
        var found: [String: Int] = [:]
        for d in diagnostics { found[Self.position(d), default: 0] += 1 }
        var expected: [String: Int] = [:]
        for p in Self.planted {
            #expect(found[p.description] != nil, "planted defect not reported: \(p)")
            expected[p.description, default: 0] += 1
        }
        for (position, count) in found.sorted(by: { $0.key < $1.key }) {
            #expect(count == expected[position], "\(position): \(count) finding(s), \(expected[position] ?? 0) planted")
        }
        for silent in Self.mustStaySilent {
            #expect(
                !diagnostics.contains { "\($0.location.file):\($0.location.line):\($0.location.column)" == silent },
                "\(silent) must not be reported")
        }
        // The ignore markers silence their blocks: nothing on the quoted old rules but E3's warning.
        #expect(!diagnostics.contains { $0.location.file.hasPrefix("policies/refunds") && $0.location.line == 25 })
        #expect(!diagnostics.contains { $0.location.file.hasPrefix("articles/old-rules") && (12...16).contains($0.location.line) })
        #expect(
            !diagnostics.contains {
                $0.location.file == "articles/old-rules.zh-Hans.md" && $0.location.line == 11
                    && $0.check == CheckID.claimContradictsRule.rawValue
            })
    }

    @Test func fixedSiteLintsClean() {
        #expect(Self.lines(Self.run(Self.fixed).diagnostics) == [])
    }

    @Test func changingARuleChangesEveryPageInBothLanguages() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("guidegen-claims-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.fixed, to: content)
        let table = content.appendingPathComponent("rules/return-windows.yaml")
        let yaml = try String(contentsOf: table, encoding: .utf8)
        #expect(yaml.components(separatedBy: "window: 7 days").count == 2)
        try yaml.replacingOccurrences(of: "window: 7 days", with: "window: 20 days").write(to: table, atomically: true, encoding: .utf8)

        let before = Self.run(Self.fixed)
        let result = Self.run(content, render: true)
        // The change neither adds nor removes findings.
        #expect(Self.lines(result.diagnostics) == Self.lines(before.diagnostics))

        let key = "return-windows.no-reason.window"
        let using = result.bodies.filter { !$0.isFallback && $0.references.contains { $0.reference.key == key } }
        let pages = Set(using.map(\.key))
        #expect(pages == ["articles/jd-notes", "articles/platform-notes", "faq/common", "flows/return-flow", "policies/returns"])
        for language in ["zh-Hans", "en"] {
            #expect(Set(using.filter { $0.language == language }.map(\.key)) == pages, "pages in \(language)")
        }
        let (new, old) = (["zh-Hans": "20 天", "en": "20 days"], ["zh-Hans": "7 天", "en": "7 days"])
        // Prose joins number and unit with a no-break space, a flow drawing with a space.
        func shown(_ html: String) -> String { html.replacingOccurrences(of: "\u{00A0}", with: " ") }
        for body in using {
            let html = shown(body.markdown.html)
            #expect(html.contains(new[body.language]!), "\(body.source.path) does not show \(new[body.language]!)")
            #expect(!html.contains(old[body.language]!), "\(body.source.path) still shows \(old[body.language]!)")
        }

        // The written pages: only when the site has no errors (build refuses otherwise).
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        for body in using {
            let html = shown(String(decoding: result.files[body.outputPath] ?? [], as: UTF8.self))
            #expect(html.contains(new[body.language]!), "\(body.outputPath) does not show \(new[body.language]!)")
            #expect(!html.contains(old[body.language]!), "\(body.outputPath) still shows \(old[body.language]!)")
        }
    }
}

/// English terms match in their regular plural too: "after-sales windows last 7 days" states the window.
@Suite struct PluralTermTests {
    @Test(arguments: [
        ("window", "windows"), ("after-sales window", "after-sales windows"), ("warranty", "warranties"), ("day", "days"),
        ("box", "boxes"), ("address", "addresses"), ("Repair Batch", "Repair Batches"),
    ])
    func plural(_ term: String, _ expected: String) {
        #expect(ClaimChecker.englishPlural(of: term) == expected)
    }

    @Test func alreadyPluralOrNotAWordHasNone() {
        #expect(ClaimChecker.englishPlural(of: "durable goods") == nil)
        #expect(ClaimChecker.englishPlural(of: "5G") == "5Gs")
        #expect(ClaimChecker.englishPlural(of: "model 3") == nil)
    }

    @Test func hyphensInEnglishTermsMayBeSpacesOrNothing() {
        #expect(
            ClaimChecker.englishSpellings(of: "after-sales period") == ["after-sales period", "after sales period", "aftersales period"])
        #expect(ClaimChecker.englishSpellings(of: "durable goods") == ["durable goods"])
        #expect(ClaimChecker.englishSpellings(of: "-5 rule") == ["-5 rule"])
    }

    @Test func aPluralTermMakesAClaimInEnglishOnly() throws {
        let table = TestSupport.windowTable(zh: "售后期", en: "after-sales window")
        let diagnostics = try ClaimAttributionTests.lint(
            [
                "s/p.zh-Hans.md": "请在售后期内申请。\n",
                "s/p.en.md": "All after-sales windows last 7 days.\n\nThe after sales window is 8 days; aftersales windows, 9 days.\n",
            ], table: table)
        #expect(
            diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.check)" } == [
                "s/p.en.md:5:30 claim-contradicts-rule", "s/p.en.md:7:27 claim-contradicts-rule", "s/p.en.md:7:55 claim-contradicts-rule",
            ])
    }
}

/// Chinese hard-wrapped in the source: a line break between two CJK characters is no space (as CSS reads
/// it), so a term or a number split across lines is still one.
@Suite struct WrappedChineseTests {
    /// Findings (without their help) for a page in both languages, against a one-row table: 售后期 /
    /// after-sales window, 15 days.
    static func windowFindings(zh: String, en: String) throws -> [String] {
        let table = TestSupport.windowTable(zh: "售后期", en: "after-sales window")
        let found = try ClaimAttributionTests.lint(["s/p.zh-Hans.md": zh, "s/p.en.md": en], table: table)
        return ClaimsSiteTests.lines(found).map { $0.components(separatedBy: " | ")[0] }
    }

    @Test func aTermOrNumberAcrossALineBreakIsStillAClaim() throws {
        #expect(
            try Self.windowFindings(
                zh: "一般商品的售后\n期是20天。\n\n售后期是二十\n天。\n\n售后期是 *十五*\n天，**售后**\n期\n不变。\n",
                en: "The after-sales\nwindow is 20 days.\n") == [
                    "s/p.en.md:6:11 error[claim-contradicts-rule] `20 days` contradicts the rule `w.general.window` (15 days) that “after-sales window” refers to",
                    "s/p.zh-Hans.md:6:3 error[claim-contradicts-rule] `20天` contradicts the rule `w.general.window` (15 天) that “售后期” refers to",
                    "s/p.zh-Hans.md:8:5 error[claim-contradicts-rule] `二十天` contradicts the rule `w.general.window` (15 天) that “售后期” refers to",
                    "s/p.zh-Hans.md:11:7 warning[hard-coded-rule-value] `十五天` repeats the rule `w.general.window` by hand",
                ])
    }

    /// Struck-out text is what no longer holds: the old value is no claim, and the new one right after it is
    /// read on its own (`~~15天~~7天` ran together as 15天7天, and the contradiction went unseen).
    @Test func struckOutTextIsNoClaimAndEndsWhereItEnds() throws {
        #expect(
            try Self.windowFindings(
                zh: "售后期为~~15天~~7天。\n\n售后期为 *7天*，~~以前是20天~~。\n\n~~售后期~~ 20天。\n",
                en: "The after-sales window is ~~15 days~~ 7 days.\n") == [
                    "s/p.en.md:5:39 error[claim-contradicts-rule] `7 days` contradicts the rule `w.general.window` (15 days) that “after-sales window” refers to",
                    "s/p.zh-Hans.md:5:12 error[claim-contradicts-rule] `7天` contradicts the rule `w.general.window` (15 天) that “售后期” refers to",
                    "s/p.zh-Hans.md:7:7 error[claim-contradicts-rule] `7天` contradicts the rule `w.general.window` (15 天) that “售后期” refers to",
                ])
    }

    /// A table states a value in one cell and what it is about in its column's header or its row's first
    /// cell, the way guides lay these facts out most: the cell is read after them (it was not checked).
    @Test func aTableCellIsReadWithItsHeaderAndRowLabel() throws {
        #expect(
            try Self.windowFindings(
                zh: "| 类型 | 售后期 | 运费 |\n|---|---|---|\n| 一般商品 | 7天 | 10元 |\n\n| 项目 | 说明 |\n|---|---|\n| 售后期 | 15天 |\n",
                en: "| After-sales window |\n|---|\n| 20 days |\n\n| Platform | Fee |\n|---|---|\n| Taobao | 20 days |\n") == [
                    "s/p.en.md:7:3 error[claim-contradicts-rule] `20 days` contradicts the rule `w.general.window` (15 days) that “After-sales window” refers to",
                    "s/p.zh-Hans.md:7:10 error[claim-contradicts-rule] `7天` contradicts the rule `w.general.window` (15 天) that “售后期” refers to",
                    "s/p.zh-Hans.md:11:9 warning[hard-coded-rule-value] `15天` repeats the rule `w.general.window` by hand",
                ])
    }

    /// A reference in a link's URL has a space in its value, so Markdown read no link and the brackets were
    /// published as text, with lint clean: an error whose help is the heading id to write.
    @Test func aReferenceInALinksURLIsAnError() throws {
        let table = TestSupport.windowTable(zh: "售后期", en: "after-sales window")
        let found = try ClaimAttributionTests.lint(
            ["s/p.zh-Hans.md": "## 期限\n\n[锚点](#期限-{{rule w.general.window}}) 和 {{rule w.general.window}}。\n", "s/p.en.md": "Text.\n"],
            table: table)
        #expect(
            found.filter { $0.check == CheckID.unknownRule.rawValue }.map { "\($0.location.line):\($0.location.column) \($0.help ?? "")" }
                == ["7:10 write the heading's id out: `#期限-15-天`"])
    }

    @Test func theProseTextJoinsCJKAcrossLineBreaksOnly() {
        let result = MarkdownRenderer.render(
            "退货\n运费 and\nmore 中文\nEnglish\n`代码`\n[链接](x.md)\n", file: "p.md", firstLine: 1, options: MarkdownOptions(),
            hooks: PlainMarkdownHooks())
        #expect(result.prose.map(\.text) == ["退货运费 and more 中文 English 代码链接"])
        // The HTML too: a browser shows the newline between 退货 and 运费 as a space.
        #expect(result.html.hasPrefix("<p>退货运费 and\nmore 中文\nEnglish\n"))
    }
}

@Suite struct ClaimAttributionTests {
    /// Two rows whose terms share sentences: 维权期 / claim period (90 days) and 三包耐用品 / durable goods (180 days).
    static let windows = """
        title: {zh-Hans: 期限, en: Windows}
        changed: 2026-11-01
        columns:
          window: {type: duration, title: {zh-Hans: 期限, en: Window}}
        rows:
          general:
            label: {zh-Hans: 一般商品, en: Ordinary goods}
            terms: {zh-Hans: [维权期], en: [claim period]}
            window: 90 days
          durable:
            label: {zh-Hans: 三包耐用品, en: Durable goods}
            terms: {zh-Hans: [三包耐用品], en: [durable goods]}
            window: 180 days

        """

    /// Lints a two-language site of the rule table `w` and `pages` (path → Markdown body; front matter is added).
    static func lint(_ pages: [String: String], table: String = windows) throws -> [Diagnostic] {
        var files = ["guidegen.yaml": "title: {zh-Hans: 指南, en: Guide}\nlanguages: [zh-Hans, en]\n", "rules/w.yaml": table]
        for (path, body) in pages { files[path] = "---\ntitle: P\ntype: article\n---\n" + body }
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        return Pipeline.run(PipelineOptions(content: root, templates: nil), render: false).diagnostics
    }

    /// A table row that opens with a step names no value in its other cells (`| 维权期内申请 | 卖家2天内处理 |` was
    /// an error against the 90-day window); a header or first cell that is only a term still does.
    @Test func onlyACellThatIsATermNamesTheCellsBesideIt() throws {
        let found = try Self.lint([
            "s/a.zh-Hans.md": "| 操作 | 时限 |\n|---|---|\n| 维权期内申请售后 | 卖家2天内处理 |\n| 维权期 | 30天 |\n",
            "s/a.en.md":
                "| Step | Deadline |\n|---|---|\n| Apply within the claim period | Seller answers in 2 days |\n"
                + "| Claim period (days) | 30 days |\n\n| Item | Claim period |\n|---|---|\n| Phone | 40 days |\n",
        ]).map { "\($0.location.file):\($0.location.line) \($0.check) \($0.message.prefix(8))" }
        #expect(
            found == [
                "s/a.en.md:8 claim-contradicts-rule `30 days", "s/a.en.md:12 claim-contradicts-rule `40 days",
                "s/a.zh-Hans.md:8 claim-contradicts-rule `30天` co",
            ])
    }

    /// A number inside a name is no claim: a term that holds one (`七天无理由退货`, "7-day no-reason return")
    /// or a title in 《…》. A number beside the name still is.
    @Test func aNumberInsideATermOrABookTitleIsNoClaim() throws {
        let table = """
            title: {zh-Hans: 无理由, en: No reason}
            changed: 2026-11-01
            columns:
              window: {type: duration, title: {zh-Hans: 期限, en: Window}}
            rows:
              standard:
                label: {zh-Hans: 七天无理由, en: Seven-day returns}
                terms: {zh-Hans: [七天无理由退货], en: [7-day no-reason return]}
                window: 7 days
              big:
                label: {zh-Hans: 大家电, en: Large appliances}
                terms: {zh-Hans: [15天无理由退货], en: [15-day no-reason return]}
                window: 15 days

            """
        let found = try Self.lint(
            [
                "s/a.zh-Hans.md": "大多数商品支持七天无理由退货。\n\n根据《网络购买商品七日无理由退货暂行办法》，大家电适用15天无理由退货。\n\n七天无理由退货的期限是10天。\n",
                "s/a.en.md": "Most goods allow the 7-day no-reason return.\n\nThe 7-day no-reason return lasts 10 days.\n",
            ], table: table
        ).map { "\($0.location.file):\($0.location.line) \($0.check) \($0.message.prefix(8))" }
        #expect(found == ["s/a.en.md:7 claim-contradicts-rule `10 days", "s/a.zh-Hans.md:9 claim-contradicts-rule `10天` co"])
    }

    /// A hedged value is roughly that much: `约 90 天` or "about 100 days" for a 90-day window is neither a
    /// repeat nor a contradiction, "about 30 days" is a contradiction all the same (it was silent). Only a
    /// term in its own clause names it: a hedged number elsewhere in the sentence is usually about something else.
    @Test func aHedgedValueContradictsOnlyWhenFarFromTheRule() throws {
        let found = try Self.lint([
            "s/a.zh-Hans.md": "维权期约 90 天。\n\n维权期大约30天。\n\n维权期约为 100 天。\n\n维权期 30 天左右。\n\n一台约 30 天前买的空调，维权期还没过。\n",
            "s/a.en.md":
                "The claim period is about 100 days.\n\nThe claim period is about 30 days.\n\nThe claim period is 30 days or so.\n",
        ]).map { "\($0.location.file):\($0.location.line) \($0.check)" }
        #expect(
            found == [
                "s/a.en.md:7 claim-contradicts-rule", "s/a.en.md:9 claim-contradicts-rule",
                "s/a.zh-Hans.md:7 claim-contradicts-rule", "s/a.zh-Hans.md:11 claim-contradicts-rule",
            ])
    }

    /// A time counted on from the term's (`超过维权期 3 天`, "3 days past the claim period") states no window; the
    /// same number stating the term's own value still contradicts.
    @Test func aTimeBeyondTheTermIsNoClaimOfIt() throws {
        let found = try Self.lint([
            "s/a.zh-Hans.md": "超过维权期 3 天的，不能退。\n\n过了维权期的 3 天里也不行。\n\n维权期超过 3 天。\n",
            "s/a.en.md":
                "Three days past the claim period is too late.\n\nA refund 3 days after the claim period fails.\n\nThe claim period is 3 days.\n",
        ]).map { "\($0.location.file):\($0.location.line) \($0.check)" }
        #expect(found == ["s/a.en.md:9 claim-contradicts-rule", "s/a.zh-Hans.md:9 claim-contradicts-rule"])
    }

    /// Chinese also puts the marker after the period's name (售后期过了 3 天, 维权期结束后 3 天内, 维权期外), and English
    /// counts "from the end of" a period; a period's own value after 后 is still a claim when the term names no
    /// period (`三包耐用品后`).
    @Test func aTimeCountedFromThePeriodsEndIsNoClaimOfIt() throws {
        let found = try Self.lint([
            "s/a.zh-Hans.md":
                "维权期过了3天仍可联系卖家。\n\n维权期结束后的 3 天里也可以。\n\n维权期外3天内可以协商。\n\n维权期满后3天，卖家可手动开启。\n\n三包耐用品后3天。\n",
            "s/a.en.md":
                "Within 3 days of the end of the claim period you may ask.\n\nFor 3 days once the claim period has closed, ask the seller.\n\nDurable goods: 3 days.\n",
        ]).map { "\($0.location.file):\($0.location.line) \($0.check)" }
        #expect(found == ["s/a.en.md:9 claim-contradicts-rule", "s/a.zh-Hans.md:13 claim-contradicts-rule"])
    }

    /// A clause without a term of its own is about the sentence's terms, except those whose own clause already
    /// states a value: the second number is someone else's (卖家需在3天内处理), and so is one before the
    /// term's clause (满99元包邮，…).
    @Test func aNumberInAnotherClauseIsNotTheValueOfATermThatHasOne() throws {
        let found = try Self.lint([
            "s/a.zh-Hans.md": "维权期为90天，卖家需在3天内处理。\n\n维权期：30天。\n\n三包耐用品为180天，之后是 30 天。\n",
            "s/a.en.md": "The claim period is 90 days, and the seller must reply within 3 days.\n\nClaim period: 30 days.\n",
        ]).map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.check)" }
        #expect(
            found == [
                "s/a.en.md:5:21 hard-coded-rule-value", "s/a.en.md:7:15 claim-contradicts-rule", "s/a.zh-Hans.md:5:5 hard-coded-rule-value",
                "s/a.zh-Hans.md:7:5 claim-contradicts-rule", "s/a.zh-Hans.md:9:7 hard-coded-rule-value",
            ])
    }

    /// An answer states the value its question asks for without repeating the term ("## How long is the claim
    /// period?" over "20 days, counted from …"); only its first clause, and only under a question for a value.
    @Test func anAnswerIsReadUnderTheQuestionThatAsksForAValue() throws {
        let found = try Self.lint([
            "s/a.zh-Hans.md": "## 维权期有多长？\n\n90天，从交易成功起算。\n\n## 过了维权期怎么办？\n\n3天内联系卖家。\n",
            "s/a.en.md":
                "## How long is the claim period?\n\n20 days, counted from trade success, and 3 days for a reply.\n\n## What if the claim period is over?\n\nWrite within 3 days.\n",
        ]).map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.check)" }
        #expect(found == ["s/a.en.md:7:1 claim-contradicts-rule", "s/a.zh-Hans.md:7:1 hard-coded-rule-value"])
    }

    static let payers = """
        title: {zh-Hans: 运费, en: Shipping}
        changed: 2026-01-01
        columns:
          payer:
            type: choice
            title: {zh-Hans: 承担方, en: Who pays}
            options:
              buyer: {zh-Hans: 买家, en: the buyer}
              seller: {zh-Hans: 卖家, en: the seller}
        rows:
          quality:
            label: {zh-Hans: 质量问题, en: Quality problem}
            terms: {zh-Hans: [质量问题退货的运费], en: [return shipping for a quality problem]}
            payer: seller

        """

    /// A choice option named as who pays (`由买家承担`, "paid by the buyer", "the buyer pays") is a claim of a
    /// who-pays column; the option named as anything else (the subject of a sentence) is none.
    @Test func whoPaysIsAClaimOfAChoiceColumn() throws {
        let found = try Self.lint(
            [
                "s/a.zh-Hans.md":
                    "质量问题退货的运费由买家承担。\n\n质量问题退货的运费由卖家负担，不由买家承担。\n\n买家申请质量问题退货的运费补偿后，卖家会处理。\n",
                "s/a.en.md":
                    "Return shipping for a quality problem is paid by the buyer.\n\nThe buyer pays nothing for return shipping for a quality problem, the seller pays.\n\nThe buyer asks about return shipping for a quality problem.\n",
            ], table: Self.payers
        ).map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.check) \($0.message)" }
        #expect(
            found == [
                "s/a.en.md:5:50 claim-contradicts-rule `the buyer` contradicts the rule `w.quality.payer` (the seller) that “Return shipping for a quality problem” refers to",
                "s/a.en.md:7:67 hard-coded-rule-value `the seller` repeats the rule `w.quality.payer` by hand",
                "s/a.zh-Hans.md:5:11 claim-contradicts-rule `买家` contradicts the rule `w.quality.payer` (卖家) that “质量问题退货的运费” refers to",
                "s/a.zh-Hans.md:7:11 hard-coded-rule-value `卖家` repeats the rule `w.quality.payer` by hand",
            ])
    }

    /// A term at the start of a longer noun is not that term: 运费险 (shipping insurance), "shipping fee insurance",
    /// 到账户 (into the account).
    @Test func aTermThatStartsALongerNounIsNotThatTerm() throws {
        let table = """
            title: {zh-Hans: 费用, en: Fees}
            changed: 2026-01-01
            columns:
              fee: {type: money, title: {zh-Hans: 金额, en: Fee}}
              time: {type: duration, title: {zh-Hans: 时间, en: Time}}
            rows:
              shipping:
                label: {zh-Hans: 运费, en: Shipping}
                terms: {zh-Hans: [运费, 到账], en: [shipping fee]}
                fee: CNY 12
                time: 3 days

            """
        let found = try Self.lint(
            [
                "s/a.zh-Hans.md": "运费险最高赔付25元。\n\n退款会退回到账户余额，5天后可以提现。\n\n运费是25元。\n",
                "s/a.en.md": "Shipping fee insurance pays out up to CNY 25.\n\nThe shipping fee is CNY 25.\n",
            ], table: table
        ).map { "\($0.location.file):\($0.location.line) \($0.check)" }
        #expect(found == ["s/a.en.md:7 claim-contradicts-rule", "s/a.zh-Hans.md:9 claim-contradicts-rule"])
    }

    /// A translation that refers to a rule whose value the original writes by hand states the same fact: the
    /// help says where to put the reference, not "state the same facts".
    @Test func aReferenceAgainstAValueByHandPointsAtTheValue() throws {
        let found = try Self.lint([
            "s/a.zh-Hans.md": "维权期是90天。\n",
            "s/a.en.md": "The claim period is {{rule w.general.window}}.\n",
        ]).filter { $0.check == CheckID.translationMismatch.rawValue }
        #expect(found.map(\.help) == ["the zh-Hans original states the same value by hand; write `{{rule w.general.window}}` there"])
        #expect(found.first?.notes.map { "\($0.location.file):\($0.location.line):\($0.location.column)" } == ["s/a.zh-Hans.md:5:5"])
    }

    /// `3天` against a rule of 3 working days, and `6 months` against 180 days, read as "3 contradicts 3": the help
    /// says why they differ.
    @Test func aContradictionInAnotherUnitSaysWhy() throws {
        let found = try Self.lint([
            "s/a.zh-Hans.md": "维权期是90个工作日。\n",
            "s/a.en.md": "The claim period is 3 months.\n",
        ]).filter { $0.check == CheckID.claimContradictsRule.rawValue }.map { $0.help?.components(separatedBy: ";").first ?? "" }
        #expect(found == ["months are not converted to days (a month has no fixed length)", "working days are not calendar days"])
    }

    /// A page that states a table's value by hand states its facts: it is reviewed against the table, as one
    /// that refers to it is.
    @Test func aPageStatingATablesValueByHandIsReviewedAgainstIt() throws {
        var files = ["guidegen.yaml": "title: {zh-Hans: 指南, en: Guide}\nlanguages: [zh-Hans, en]\n", "rules/w.yaml": Self.windows]
        files["s/a.zh-Hans.md"] = "---\ntitle: P\ntype: article\nreviewed: 2020-01-01\n---\n维权期是90天。\n"
        files["s/a.en.md"] = "---\ntitle: P\ntype: article\nreviewed: 2020-01-01\n---\nA page.\n"
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let found = Pipeline.run(PipelineOptions(content: root, templates: nil), render: false).diagnostics
            .filter { $0.check == CheckID.reviewOutdated.rawValue }.map(\.location.file)
        #expect(found == ["s/a.zh-Hans.md"])
    }

    /// A rate is no amount ("24 hours a day, 7 days a week", 每天24小时), and "a week" is one after a word that
    /// introduces an amount.
    @Test func ratesAreNoClaimsAndAWeekIsSeven() throws {
        let found = try Self.lint([
            "s/a.zh-Hans.md": "维权期内每天24小时都可以联系客服。\n\n维权期为半月。\n",
            "s/a.en.md": "We answer 24 hours a day, 7 days a week, during the claim period.\n\nThe claim period is a week.\n",
        ]).map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.check)" }
        #expect(found == ["s/a.en.md:7:21 claim-contradicts-rule", "s/a.zh-Hans.md:7:5 claim-contradicts-rule"])
    }

    /// `rules:` may list a table whose facts the page states in words (it still counts for `review-outdated`);
    /// leaving out a table the page refers to is a warning.
    @Test func aListedTableNeedNotBeReferredTo() throws {
        var files = ["guidegen.yaml": "title: {zh-Hans: 指南, en: Guide}\nlanguages: [zh-Hans, en]\n", "rules/w.yaml": Self.windows]
        files["rules/v.yaml"] = Self.windows.replacingOccurrences(of: "维权期", with: "保修期")
            .replacingOccurrences(of: "claim period", with: "warranty")
        let front = "---\ntitle: P\ntype: article\nrules: [w]\nreviewed: 2026-10-01\n---\n"
        files["s/a.zh-Hans.md"] = front + "维权期从交易成功起算。保修期见 {{rule v.general.window}}。\n"
        files["s/a.en.md"] = front + "The claim period starts when the trade succeeds. Warranty: {{rule v.general.window}}.\n"
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let found = Pipeline.run(PipelineOptions(content: root, templates: nil), render: false).diagnostics
            .filter { $0.location.file == "s/a.en.md" }.map { "\($0.severity) \($0.check) \($0.message)" }
        #expect(
            found == [
                "warning rules-list-mismatch the page uses `v` but `rules:` does not list it",
                "warning review-outdated rule table `v` changed on 2026-11-01, after this page was reviewed (2026-10-01)",
                "warning review-outdated rule table `w` changed on 2026-11-01, after this page was reviewed (2026-10-01)",
            ])
    }

    /// A row with two duration columns: a wrong value is held against the column in its own unit (it used
    /// to be held against the first column, whatever the unit, and the help said to write that one).
    @Test func aWrongValueIsComparedWithTheColumnInItsOwnUnit() throws {
        let table = """
            title: {zh-Hans: 退货, en: Returns}
            changed: 2026-01-01
            columns:
              window: {type: duration, title: {zh-Hans: 期限, en: Window}}
              refund: {type: duration, title: {zh-Hans: 退款, en: Refund}}
            rows:
              noreason:
                label: {zh-Hans: 无理由退货, en: No-reason returns}
                terms: {zh-Hans: [无理由退货], en: [no-reason return]}
                window: 7 days
                refund: 3 working days

            """
        let found = try Self.lint(
            [
                "s/a.zh-Hans.md": "无理由退货的退款需 5 个工作日到账。\n\n无理由退货需在 10 天内申请。\n",
                "s/a.en.md": "A no-reason return is refunded in 5 working days.\n",
            ], table: table
        ).filter { $0.check == CheckID.claimContradictsRule.rawValue }
        #expect(found.count == 3)
        for diagnostic in found {
            let meant = diagnostic.message.contains("5") ? "refund" : "window"
            #expect(diagnostic.message.contains("`w.noreason.\(meant)`"), "\(diagnostic.message)")
            // The only column in the literal's unit: no other is offered.
            #expect(diagnostic.help?.hasPrefix("write `{{rule w.noreason.\(meant)}}`, or mark") == true)
            // The note points at the value itself (`refund: 3 working days`, `window: 7 days`).
            let note = diagnostic.notes.first?.location
            #expect(note.map { "\($0.file):\($0.line):\($0.column)" } == (meant == "refund" ? "rules/w.yaml:11:13" : "rules/w.yaml:10:13"))
        }
        // Two columns in days: the help offers both.
        let twoInDays = table.replacingOccurrences(of: "refund: 3 working days", with: "refund: 15 days")
        let ambiguous = try Self.lint(["s/a.zh-Hans.md": "无理由退货需在 10 天内申请。\n", "s/a.en.md": "Text.\n"], table: twoInDays)
            .filter { $0.check == CheckID.claimContradictsRule.rawValue }
        #expect(ambiguous.count == 1)
        #expect(ambiguous.first?.help?.hasPrefix("write `{{rule w.noreason.window}}` or `{{rule w.noreason.refund}}`, or mark") == true)
    }

    /// A table whose file failed (a YAML syntax error), a column declared wrong (`type: durtion`) or no
    /// `columns:` at all (`colums:`) is reported there, once: the pages' references to it and their `rules:`
    /// lists say nothing more. One YAML typo gave 85 errors, the real one 84th, 20 saying "not a rule table".
    @Test func aBrokenTableIsReportedOnceNotAtEveryReference() throws {
        let good = TestSupport.windowTable(zh: "售后期", en: "after-sales window")
        for (table, expected) in [
            ("title: [broken\n", "yaml-syntax"),
            (good.replacingOccurrences(of: "type: duration", with: "type: durtion"), "rule-table `durtion` is not a column type"),
            (good.replacingOccurrences(of: "columns:", with: "colums:"), "unknown-key `colums`: unknown key in a rule table"),
        ] {
            let root = try TestSupport.site([
                "guidegen.yaml": "title: {zh-Hans: 指南, en: Guide}\nlanguages: [zh-Hans, en]\n", "rules/w.yaml": table,
                "s/a.zh-Hans.md": "---\ntitle: 页\ntype: article\nrules: [w]\n---\n见 {{rule w.general.window}}。\n\n{{table w}}\n",
                "s/a.en.md": "---\ntitle: P\ntype: article\nrules: [w]\n---\nSee {{rule w.general.window}}.\n\n{{table w}}\n",
            ])
            defer { try? FileManager.default.removeItem(at: root) }
            let found = Pipeline.run(PipelineOptions(content: root, templates: nil), render: false).diagnostics
            #expect(found.filter { $0.location.file != "rules/w.yaml" }.isEmpty, "\(found.map(\.message))")
            #expect(found.count == 1 && "\(found[0].check) \(found[0].message)".hasPrefix(expected), "\(found.map(\.message))")
        }
    }

    /// A bare count in a sentence about a row with a `number` column is still a claim; a time of day or a
    /// date written with spaces (`9 点`, `3 月`, "9 am") is not one.
    @Test func spacedDatesAndTimesAreNotCounts() throws {
        let table = """
            title: {zh-Hans: 丢件, en: Lost parcels}
            changed: 2026-01-01
            columns:
              attempts: {type: number, title: {zh-Hans: 次数, en: Attempts}}
            rows:
              lost:
                label: {zh-Hans: 丢件, en: Lost parcel}
                terms: {zh-Hans: [丢件], en: [lost parcel]}
                attempts: 3

            """
        let found = try Self.lint(
            [
                "s/a.zh-Hans.md": "丢件在 2026 年 3 月 20 日前申请。\n\n丢件客服 9 点上班。\n\n丢件打 5 折。\n\n丢件最多申请 4 次。\n",
                "s/a.en.md": "A lost parcel office opens at 9 am.\n\nA lost parcel can be claimed 4 times.\n",
            ], table: table
        ).filter { $0.check == CheckID.claimContradictsRule.rawValue || $0.check == CheckID.hardCodedRuleValue.rawValue }
        #expect(found.map { "\($0.location.file.hasSuffix("en.md") ? "en" : "zh"):\($0.location.line)" }.sorted() == ["en:7", "zh:11"])
    }

    /// A summary over several lines (block, folded, wrapped plain or quoted) has its findings on the line and
    /// column they are on, not at the value's start plus the offset into the folded text.
    @Test func aClaimInAMultiLineSummaryIsFoundWhereItIs() throws {
        let table = TestSupport.windowTable(zh: "售后期", en: "after-sales window")
        var files = ["guidegen.yaml": "title: {zh-Hans: 指南, en: Guide}\nlanguages: [zh-Hans, en]\n", "rules/w.yaml": table]
        let summaries = [
            "a": "summary: |\n  Line one.\n  The after-sales window is 20 days.\n",
            "b": "summary: >\n  Line one,\n\n  and the after-sales window is 20 days.\n",
            "c": "summary: Line one\n  and the after-sales window is 20 days.\n",
            "d": "summary: \"Line one\n  and the after-sales window is 20 days.\"\n",
            // A reference on an earlier line: its value's length must not move the later lines' findings.
            "e": "summary: |\n  Line one lasts {{rule w.general.window}}.\n  The after-sales window is 20 days.\n",
            "f": "summary: \"Line {{rule w.general.window}} one\n  and the after-sales window is 20 days.\"\n",
        ]
        for (name, summary) in summaries {
            files["s/\(name).en.md"] = "---\ntitle: S\ntype: article\n" + summary + "---\nBody.\n"
            files["s/\(name).zh-Hans.md"] = "---\ntitle: S\ntype: article\n---\n正文。\n"
        }
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let found = Pipeline.run(PipelineOptions(content: root, templates: nil), render: false).diagnostics
            .filter { $0.check == CheckID.claimContradictsRule.rawValue }
            .map { "\($0.location.file):\($0.location.line):\($0.location.column)" }
        #expect(
            found == ["s/a.en.md:6:29", "s/b.en.md:7:33", "s/c.en.md:5:33", "s/d.en.md:5:33", "s/e.en.md:6:29", "s/f.en.md:5:33"])
    }

    /// A term written for rows of two tables (per-platform tables both saying 售后期) means the row of the
    /// table the page uses: the table id's alphabetical order decided before, whatever the page said.
    @Test func aSharedTermMeansTheRowOfTheTablesThePageUses() throws {
        let taobao = TestSupport.windowTable(zh: "售后期", en: "after-sales window")
        let jd = taobao.replacingOccurrences(of: "window: 15 days", with: "window: 7 days")
        var files = [
            "guidegen.yaml": "title: {zh-Hans: 指南, en: Guide}\nlanguages: [zh-Hans, en]\n", "rules/a-taobao.yaml": taobao,
            "rules/b-jd.yaml": jd,
        ]
        let jdPage = "---\ntitle: P\ntype: article\nrules: [b-jd]\n---\n售后期是7天。\n\n售后期是15天。\n"
        let plainPage = "---\ntitle: P\ntype: article\n---\n售后期是7天。\n\n售后期是15天。\n\n售后期是9天。\n"
        files["s/jd.zh-Hans.md"] = jdPage
        files["s/any.zh-Hans.md"] = plainPage
        for name in ["jd", "any"] { files["s/\(name).en.md"] = "---\ntitle: P\ntype: article\n---\nText.\n" }
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let found = Pipeline.run(PipelineOptions(content: root, templates: nil), render: false).diagnostics
            .filter { $0.check.hasPrefix("claim") || $0.check.hasPrefix("hard") }
            .map { "\($0.location.file):\($0.location.line) \($0.check) \($0.message)" }
        #expect(
            found == [
                // Without a table of its own, either row's value is a repeat; another value contradicts the first.
                "s/any.zh-Hans.md:5 hard-coded-rule-value `7天` repeats the rule `b-jd.general.window` by hand",
                "s/any.zh-Hans.md:7 hard-coded-rule-value `15天` repeats the rule `a-taobao.general.window` by hand",
                "s/any.zh-Hans.md:9 claim-contradicts-rule `9天` contradicts the rule `a-taobao.general.window` (15 天) that “售后期” refers to",
                // The page uses b-jd: its row decides.
                "s/jd.zh-Hans.md:6 hard-coded-rule-value `7天` repeats the rule `b-jd.general.window` by hand",
                "s/jd.zh-Hans.md:8 claim-contradicts-rule `15天` contradicts the rule `b-jd.general.window` (7 天) that “售后期” refers to",
            ])
    }

    /// 三包耐用品的维权期是 180 天 names durable goods and the claim period together: the nearest term (维权期) is not
    /// the only row the number may be about, so the durable row's value is a repeat, not a contradiction.
    @Test func termsLeadingUpToANumberNameItTogether() throws {
        let diagnostics = try Self.lint([
            "s/p.zh-Hans.md": "三包耐用品的维权期是 180 天。\n\n三包耐用品的维权期是 60 天。\n",
            "s/p.en.md":
                "Durable goods have a claim period of 180 days.\n\n"
                + "The claim period is 90 days, and durable goods get 180 days.\n\nDurable goods have a claim period of 30 days.\n",
        ])
        #expect(
            ClaimsSiteTests.lines(diagnostics).map { $0.components(separatedBy: " | ")[0] } == [
                "s/p.en.md:5:38 warning[hard-coded-rule-value] `180 days` repeats the rule `w.durable.window` by hand",
                // One term before each number: the nearest decides, as before.
                "s/p.en.md:7:21 warning[hard-coded-rule-value] `90 days` repeats the rule `w.general.window` by hand",
                "s/p.en.md:7:52 warning[hard-coded-rule-value] `180 days` repeats the rule `w.durable.window` by hand",
                // A value of neither row contradicts the nearest term's.
                "s/p.en.md:9:38 error[claim-contradicts-rule] `30 days` contradicts the rule `w.general.window` (90 days) that “claim period” refers to",
                "s/p.zh-Hans.md:5:12 warning[hard-coded-rule-value] `180 天` repeats the rule `w.durable.window` by hand",
                "s/p.zh-Hans.md:7:12 error[claim-contradicts-rule] `60 天` contradicts the rule `w.general.window` (90 天) that “维权期” refers to",
            ])
    }

    /// A term before the number names it, though a later term is nearer: "… is 15 days and for durable goods".
    @Test func aTermBeforeTheNumberWinsOverANearerOneAfterIt() throws {
        let diagnostics = try Self.lint([
            "s/p.zh-Hans.md": "维权期按平台规定为90天而三包耐用品为180天。\n",
            "s/p.en.md":
                "The claim period for ordinary goods is 90 days and durable goods 180 days.\n\n"
                + "Expect 180 days for durable goods.\n",
        ])
        #expect(diagnostics.map(\.check) == Array(repeating: CheckID.hardCodedRuleValue.rawValue, count: 5))
    }

    /// Units that convert exactly state the same amount: 360 hours is 15 days, 1 year is 12 months; weeks,
    /// working days and months against days do not.
    @Test(arguments: [
        (Quantity(amount: 360, unit: .hours), Quantity(amount: 15, unit: .days), true),
        (Quantity(amount: 48, unit: .hours), Quantity(amount: 2, unit: .days), true),
        (Quantity(amount: 1, unit: .years), Quantity(amount: 12, unit: .months), true),
        (Quantity(amount: 1.5, unit: .years), Quantity(amount: 18, unit: .months), true),
        (Quantity(amount: 36, unit: .hours), Quantity(amount: 1.5, unit: .days), true),
        (Quantity(amount: 14, unit: .days), Quantity(amount: 15, unit: .days), false),
        (Quantity(amount: 2, unit: .workingDays), Quantity(amount: 2, unit: .days), false),
        (Quantity(amount: 6, unit: .months), Quantity(amount: 180, unit: .days), false),
        (Quantity(amount: 50, unit: .cny), Quantity(amount: 50, unit: .plain), false),
    ])
    func exactConversions(_ a: Quantity, _ b: Quantity, _ same: Bool) {
        #expect(a.statesTheSameAmount(as: b) == same)
        #expect(b.statesTheSameAmount(as: a) == same)
    }

    @Test func aClaimInAnotherUnitOfTheSameAmountIsARepeat() throws {
        let diagnostics = try Self.lint([
            "s/p.zh-Hans.md": "维权期为 2160 小时。\n\n维权期为 89 天。\n",
            "s/p.en.md": "The claim period is 2,160 hours.\n",
        ])
        #expect(
            diagnostics.sorted(by: Diagnostic.ordered).map { "\($0.location.file):\($0.location.line) \($0.check)" } == [
                "s/p.en.md:5 hard-coded-rule-value", "s/p.zh-Hans.md:5 hard-coded-rule-value", "s/p.zh-Hans.md:7 claim-contradicts-rule",
            ])
    }
}

/// A rule table shown in a language it has no text for shows the fallback's text, marked with its language.
@Suite struct RuleTableFallbackTests {
    @Test func textFromTheFallbackLanguageCarriesItsLangAttribute() throws {
        let table = """
            title: {zh-Hans: 生鲜规则, en: Fresh food rules}
            changed: 2026-01-01
            columns:
              window: {type: duration, title: {zh-Hans: 期限, en: Window, zh-Hant: 期限}}
              note: {type: text, title: {zh-Hans: 备注, en: Note, zh-Hant: 備註}}
            rows:
              fresh:
                label: {zh-Hans: 生鲜, en: Fresh food}
                terms: {zh-Hans: [生鲜], en: [fresh food], zh-Hant: [生鮮]}
                window: 1 days
                note: {zh-Hans: 签收时验货, en: Check on delivery, zh-Hant: 簽收時驗貨}

            """
        var files = [
            "guidegen.yaml": "title: {zh-Hans: 指南, en: Guide, zh-Hant: 指南}\nlanguages: [zh-Hans, en, zh-Hant]\n", "rules/f.yaml": table,
        ]
        for language in ["zh-Hans", "en", "zh-Hant"] {
            files["s/a.\(language).md"] = "---\ntitle: P\ntype: article\n---\n{{table f}}\n"
        }
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Pipeline.run(PipelineOptions(content: root, templates: nil), render: true)
        let hant = try #require(result.files["zh-Hant/s/a/index.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(hant.contains(#"<caption lang="zh-Hans"><span class="rule-table__title">生鲜规则</span></caption>"#))
        #expect(hant.contains(#"<th scope="row" lang="zh-Hans">生鲜</th>"#))
        #expect(hant.contains(#"<th scope="col">備註</th>"#))
        #expect(hant.contains(#"<td>簽收時驗貨</td>"#))
        let hans = try #require(result.files["zh-Hans/s/a/index.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(hans.contains(#"<th scope="row">生鲜</th>"#))
        #expect(hans.contains(#"<caption><span class="rule-table__title">生鲜规则</span></caption>"#))
    }
}
