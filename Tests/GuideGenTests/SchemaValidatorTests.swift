import Testing

@testable import GuideGen

@Suite struct SchemaValidatorTests {
    func validate(_ yaml: String) -> (FrontMatter, [String]) {
        let (front, diagnostics) = SchemaValidator.validate(yaml: yaml, file: "p.en.md", firstLine: 2, config: TestSupport.config)
        return (front, TestSupport.lines(diagnostics))
    }

    @Test func validFrontMatterReadsEveryKey() {
        let (front, diagnostics) = validate(
            """
            title: Claim windows
            type: policy
            summary: How long you have.
            platforms: [taobao]
            rules: [windows]
            reviewed: 2026-11-15
            order: 3
            sources:
              - {title: Rules, url: "https://rule.taobao.com/"}
            tags: [returns]
            draft: false
            translation_of: 0a1b2c3d

            """)
        #expect(diagnostics == [])
        #expect(front.title == "Claim windows")
        #expect(front.kind == .policy)
        #expect(front.platforms == ["taobao"])
        #expect(front.rules == ["windows"])
        #expect(front.reviewed == "2026-11-15")
        #expect(front.order == 3)
        #expect(front.sources == [Source(title: "Rules", url: "https://rule.taobao.com/")])
        #expect(front.translationOf == "0a1b2c3d")
        #expect(front.keyLines["order"] == 8)
    }

    /// One typo is one error: `titel` is not also "no `title`"; a required key nothing resembles still is missing.
    @Test func unknownKeySuggestsTheClosest() {
        #expect(validate("titel: X\ntype: faq\n").1 == ["2:1 error[unknown-key] `titel`: unknown key | did you mean `title`?"])
        #expect(
            validate("heading: X\ntype: faq\n").1 == [
                "1:1 error[missing-key] front matter has no `title` | add `title: …`",
                "2:1 error[unknown-key] `heading`: unknown key | known keys: `draft`, `order`, `platforms`, `reviewed`, `rules`, "
                    + "`sources`, `summary`, `tags`, `title`, `translation_of`, `type`",
            ])
    }

    /// Keys a page migrated from Hugo or MkDocs carries say what to write instead.
    @Test func migratedKeysSayWhatToWriteInstead() {
        #expect(
            validate("title: X\ntype: faq\nweight: 3\ndescription: D\nslug: x\n").1 == [
                "4:1 error[unknown-key] `weight`: unknown key | write `order:` (Hugo's `weight`)",
                "5:1 error[unknown-key] `description`: unknown key | write `summary:` (Hugo's and MkDocs' `description`)",
                "6:1 error[unknown-key] `slug`: unknown key | the file name is the page's slug: rename the file (`<slug>.<lang>.md`)",
            ])
        #expect(
            validate("title: X\ntype: faq\nreviewed: 2026-13-01\n").1 == [
                "4:11 error[bad-date] `reviewed`: `2026-13-01` is not a day of the calendar (there is no month 13) | write e.g. `reviewed: 2026-11-20`"
            ])
    }

    @Test func wrongTypesBadDatesAndPlatforms() {
        #expect(
            validate("title: [a, b]\ntype: polcy\nreviewed: 2026-02-30\norder: first\nplatforms: [taobaoo]\ndraft: maybe\n").1 == [
                "2:8 error[wrong-type] `title` must be text, not a list",
                "3:7 error[wrong-type] `type`: `polcy` is not a page type | did you mean `policy`? (types: `policy`, `flow`, `faq`, `article`)",
                "4:11 error[bad-date] `reviewed`: `2026-02-30` is not a day of the calendar (February 2026 has 28 days) | write e.g. `reviewed: 2026-11-20`",
                "5:8 error[wrong-type] `order` must be a whole number, not `first` | write a number such as `order: 10`",
                "6:13 error[unknown-platform] `taobaoo` is not a platform in guidegen.yaml | did you mean `taobao`?",
                "7:8 error[wrong-type] `draft` must be `true` or `false`, not `maybe`",
            ])
    }

    /// A source whose title map is empty was dropped from the page without a word.
    @Test func aSourceTitleWithNoTextIsAnError() {
        #expect(
            validate("title: T\ntype: article\nsources:\n  - {title: {}, url: \"https://a.example/\"}\n").1 == [
                "5:13 error[wrong-type] a source `title` with no text | write the title, e.g. `title: 淘宝规则`"
            ])
    }

    /// A source title in a language the site does not have is shown to no one: a warning, naming the
    /// language meant when only its case differs.
    @Test func aSourceTitleInAnotherLanguageIsAWarning() {
        #expect(
            validate("title: T\ntype: article\nsources:\n  - {title: {EN: Rules, zh-Hans: 规则}, url: \"https://a.example/\"}\n").1 == [
                "5:14 warning[wrong-type] a source `title` in `EN`, which is not a configured language; no reader sees it | did you mean `en`?"
            ])
    }

    @Test func yamlSyntaxErrorsArePositioned() {
        #expect(
            validate("title: A: B\ntype: faq\n").1 == [
                "2:9 error[yaml-syntax] YAML syntax: mapping values are not allowed in this context | quote a value that contains `: `, e.g. title: \"A: B\""
            ])
        // A quote never closed is found at the end of the YAML; the finding points where it opens.
        #expect(
            validate("title: \"未闭合\ntype: article\nsummary: x\n").1 == [
                "2:8 error[yaml-syntax] YAML syntax: found unexpected end of stream (while scanning a quoted scalar) | close the quote that opens here"
            ])
        // A tab as indentation: libyaml says only that a character cannot start a token.
        #expect(
            validate("title: T\ntype: faq\ntags:\n\t- a\n").1.first?.hasSuffix(
                "| indent YAML with spaces, not tabs, and quote a text that starts with `@` or a backtick") == true)
    }

    @Test func scalarsWhereListsBelongAndNumbersWhereTextBelongsAreWrongTypes() {
        #expect(
            validate("title: 123\ntype: faq\ntags: foo\nplatforms: taobao\nsummary: true\ntranslation_of: 12345678\n").1 == [
                "2:8 error[wrong-type] `title` must be text; YAML reads `123` as a number | quote it: `title: \"123\"`",
                "4:7 error[wrong-type] `tags` must be a list, not a single value | write `tags: [foo]`",
                "5:12 error[wrong-type] `platforms` must be a list, not a single value | write `platforms: [taobao]`",
                "6:10 error[wrong-type] `summary` must be text; YAML reads `true` as a boolean | quote it: `summary: \"true\"`",
            ])
    }

    /// Everything YAML 1.2's core schema reads as a number, boolean or null (as an editor validating with
    /// `guidegen schema` does) must be quoted to be text; look-alikes stay text.
    @Test func everyCoreSchemaNonTextIsCaught() {
        for plain in ["1e3", "-2.5E-3", ".5", "1.", "0x1A", "0o17", ".inf", "-.Inf", ".NaN", "NULL", "Null", "+12"] {
            #expect(YAMLFields.nonTextKind(plain) != nil, "\(plain)")
        }
        for text in ["1e", "e3", "0x", "0xZZ", "0o8", ".", "1.2.3", "v1", "15天", "nil", "NaN", "inf", "2026-11-01"] {
            #expect(YAMLFields.nonTextKind(text) == nil, "\(text)")
        }
    }

    @Test func tagsAreTextLikeTheTitle() {
        #expect(
            validate("title: T\ntype: faq\ntags: [returns, 2024, true, \"2025\"]\n").1 == [
                "4:17 error[wrong-type] `tags` must be text; YAML reads `2024` as a number | quote it: `\"2024\"`",
                "4:23 error[wrong-type] `tags` must be text; YAML reads `true` as a boolean | quote it: `\"true\"`",
            ])
        #expect(validate("title: T\ntype: faq\ntags: [returns, \"2025\"]\n").0.tags == ["returns", "2025"])
    }

    @Test func titleAndSummaryTextStartsArePastQuotesAndBlockIndicators() {
        let (front, diagnostics) = validate("title: \"售后 {{x}}\"\ntype: faq\nsummary: >\n  Folded\n  text.\n")
        #expect(diagnostics == [])
        #expect(front.textStarts["title"] == SourceLocation(file: "p.en.md", line: 2, column: 9))
        #expect(front.textStarts["summary"] == SourceLocation(file: "p.en.md", line: 5, column: 3))
        #expect(validate("title: Plain\ntype: faq\n").0.textStarts["title"] == SourceLocation(file: "p.en.md", line: 2, column: 8))
    }

    @Test func aLandingPageMayLeaveOutItsType() {
        let landing = SchemaValidator.validate(
            yaml: "title: 退货\n", file: "r/_index.zh-Hans.md", firstLine: 2, config: TestSupport.config, landingPage: true)
        #expect(landing.1.isEmpty)
        #expect(landing.0.kind == .article)
        #expect(
            validate("title: 退货\n").1 == ["1:1 error[missing-key] front matter has no `type` | add `type: policy` (or flow, faq, article)"])
    }

    @Test func quotedNumbersAndBooleansSayToRemoveTheQuotes() {
        #expect(
            validate("title: T\ntype: faq\norder: \"3\"\ndraft: 'true'\n").1 == [
                "4:8 error[wrong-type] `order` must be a whole number, not the quoted text `\"3\"` | remove the quotes: `order: 3`",
                "5:8 error[wrong-type] `draft` must be `true` or `false`, not the quoted text `\"true\"` | remove the quotes: `draft: true`",
            ])
    }

    @Test func duplicateKeysAndAliasesAreRefused() {
        #expect(
            validate("title: A\ntitle: B\ntype: faq\n").1 == [
                "3:1 error[yaml-syntax] duplicate key `title` in the same mapping | keep one of them"
            ])
        // The repeated key is found inside a nested mapping too, at its own indentation; a note points at
        // the first one.
        let nested = SchemaValidator.validate(
            yaml: "title: A\ntype: faq\nsources:\n  - title: X\n    url: https://a.example/\n    title: Y\n", file: "p.en.md",
            firstLine: 2, config: TestSupport.config
        ).1
        #expect(TestSupport.lines(nested) == ["7:5 error[yaml-syntax] duplicate key `title` in the same mapping | keep one of them"])
        #expect(nested.first?.notes.map { "\($0.location.line):\($0.location.column) \($0.message)" } == ["5:5 `title` first appears here"])
        #expect(
            validate("title: &t A\ntype: faq\nsummary: *t\n").1 == [
                "2:8 error[yaml-limit] anchors and aliases (`&name`, `*name`) are not allowed in front matter | write the value out in full; quote a text that starts with `&` or `*`"
            ])
    }

    /// The schema never refuses what lint accepts: `type` is required but on `_index` pages, which a schema
    /// cannot tell apart, so only `title` is; an all-digit `translation_of` is a number to YAML.
    @Test func jsonSchemaListsEveryKeyAndRequiresWhatEveryPageNeeds() throws {
        let schema = FrontMatterSchema.jsonSchema(platforms: ["taobao"])
        #expect(schema.contains("\"$schema\" : \"https://json-schema.org/draft/2020-12/schema\""))
        #expect(schema.contains("\"required\" : [\n    \"title\"\n  ]"))
        #expect(schema.contains("\"format\" : \"date\""))
        for field in FrontMatterSchema.fields { #expect(schema.contains("\"\(field.key)\" : {")) }
    }
}

/// A page file whose name cannot be a page says what is wrong with it and a name that works.
@Suite struct PageFileNameTests {
    @Test(arguments: [
        ("sec/退货！.en.md", "a slug may hold only letters, digits, `-` and `_`, not `！`; e.g. `sec/退货.en.md`"),
        ("sec/my page.en.md", "a slug may hold only letters, digits, `-` and `_`, not ` `; e.g. `sec/my-page.en.md`"),
        ("sec/a.b.en.md", "a slug may hold only letters, digits, `-` and `_`, not `.`; e.g. `sec/a-b.en.md`"),
        ("sec/退货 政策.zh-Hans.md", "a slug may hold only letters, digits, `-` and `_`, not ` `; e.g. `sec/退货-政策.zh-Hans.md`"),
        ("notes.md", "name it `<slug>.<lang>.md`, e.g. `notes.zh-Hans.md`"),
    ])
    func help(_ path: String, _ expected: String) {
        let (page, diagnostics) = PageValidator.validateOne(
            SourceText(path: path, text: "---\ntitle: T\ntype: article\n---\n"), config: TestSupport.config)
        #expect(page == nil)
        #expect(diagnostics.map(\.help) == [expected])
    }
}
