import Testing

@testable import GuideGen

@Suite struct SourceTextTests {
    func decode(_ bytes: [UInt8]) -> Result<SourceText, Diagnostic> { SourceText.decode(bytes, path: "a.md") }

    @Test func bomIsStrippedAndLineEndingsNormalized() throws {
        let text = try decode([0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: x\rtype: faq\n".utf8)).get()
        #expect(text.text == "---\ntitle: x\ntype: faq\n")
    }

    @Test func invalidUTF8IsReportedAtItsLineAndColumn() {
        guard case .failure(let d) = decode(Array("ok\n中文 ".utf8) + [0xC3, 0x28]) else {
            Issue.record("expected a failure")
            return
        }
        #expect(d.check == "invalid-utf8")
        #expect(d.location == SourceLocation(file: "a.md", line: 2, column: 4))
        #expect(d.message == "invalid UTF-8 (byte 0xC3)")
    }

    @Test func overlongAndSurrogateEncodingsAreInvalid() {
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            guard case .failure(let d) = decode(bad) else {
                Issue.record("\(bad) accepted")
                continue
            }
            #expect(d.check == "invalid-utf8")
        }
    }

    @Test func nulIsAnError() {
        guard case .failure(let d) = decode([0x61, 0x0D, 0x0A, 0x62, 0x00]) else {
            Issue.record("expected a failure")
            return
        }
        #expect(d.check == "nul-byte")
        #expect(d.location == SourceLocation(file: "a.md", line: 2, column: 2))
    }

    @Test func frontMatterSplitKeepsBodyLine() throws {
        let parts = try FrontMatterSplitter.split("---\ntitle: x\n---\n# Hi\n").get()
        #expect(parts == FrontMatterSplitter.Parts(yaml: "title: x\n", yamlLine: 2, body: "# Hi\n", bodyLine: 4))
        #expect(throws: FrontMatterSplitter.SplitError.self) { try FrontMatterSplitter.split("---\ntitle: x\n").get() }
    }

    /// A forgotten closing `---` is named with where it belongs, also when a thematic break further down would
    /// otherwise close the front matter and feed the body to YAML; blank lines between keys are YAML.
    @Test func anUnclosedFrontMatterSaysWhereTheFenceGoes() throws {
        func failure(_ text: String) -> FrontMatterSplitter.SplitError? {
            if case .failure(let e) = FrontMatterSplitter.split(text) { return e }
            return nil
        }
        let late = failure("---\ntitle: 未闭合\ntype: article\n\n正文第一段。\n\n---\n\n更多。\n")
        #expect(late?.message == "the front matter is not closed: line 5 reads as Markdown, not YAML")
        #expect(late?.line == 5 && late?.help == "add a `---` line after line 3 (`type: article`)")
        let open = failure("---\ntitle: x\ntype: faq\n")
        #expect(open?.message == "the front matter is not closed by a `---` line")
        #expect(open?.help == "add a `---` line after line 3 (`type: faq`) to end the front matter")
        // The body right under the YAML, with no blank line: the fence goes before it, not after it.
        let direct = failure("---\ntitle: 页\ntype: article\n正文\n")
        #expect(direct?.help == "add a `---` line after line 3 (`type: article`) to end the front matter")
        let spaced = try FrontMatterSplitter.split("---\ntitle: x\n\ntype: faq\nsummary: |\n\n  text\n---\nBody\n").get()
        #expect(spaced.yaml == "title: x\n\ntype: faq\nsummary: |\n\n  text\n" && spaced.bodyLine == 9)
    }

    /// The parts are cut from the text's own bytes: multi-byte text on either side of a fence, an empty
    /// front matter, a body-less file and trailing blanks after a fence all come out whole.
    @Test func frontMatterSplitKeepsMultiByteTextWhole() throws {
        let chinese = try FrontMatterSplitter.split("---\ntitle: 退货\n---  \n七天无理由退货。\n").get()
        #expect(chinese == FrontMatterSplitter.Parts(yaml: "title: 退货\n", yamlLine: 2, body: "七天无理由退货。\n", bodyLine: 4))
        let empty = try FrontMatterSplitter.split("---\n---\n正文").get()
        #expect(empty == FrontMatterSplitter.Parts(yaml: "", yamlLine: 2, body: "正文", bodyLine: 3))
        let bodiless = try FrontMatterSplitter.split("---\ntitle: 文\n---").get()
        #expect(bodiless.yaml == "title: 文\n" && bodiless.body.isEmpty)
    }
}
