import Testing

@testable import GuideGen

private let arrowsHelp = "use `-->` (arrow), `---` (line), `-.->` (dotted arrow) or `==>` (thick arrow)"
private let shapesHelp = "use `id[text]`, `id(text)`, `id([text])`, `id{text}` or `id((text))`"
private let headerHelp = "start the block with `flowchart TD` (or `graph LR`, …)"

@Suite("Flow parser: errors")
struct FlowParserErrorTests {
    @Test(arguments: [
        ("a -> b", "->"), ("a <--> b", "<-->"), ("a --o b", "--o"), ("a -.- b", "-.-"),
        ("a === b", "==="), ("a ~~~ b", "~~~"), ("a -->> b", "-->>"), ("a ==== b", "===="),
    ])
    func rejectsUnknownArrows(statement: String, token: String) {
        #expect(
            flowParseFailing("flowchart TD\n" + statement)
                == [flowSyntaxError(2, 3, "unknown arrow `\(token)`", help: arrowsHelp)])
    }

    @Test func aDotInAnIdIsNamed() {
        #expect(
            flowParseFailing("flowchart TD\norder.paid[Paid] --> done")
                == [
                    flowSyntaxError(
                        2, 6, "a node id cannot hold `.`", help: "ids are letters, digits, `_` and `-`: write `_` instead of `.`")
                ])
    }

    @Test func rejectsUnclosedInlineEdgeLabels() {
        #expect(
            flowParseFailing("flowchart TD\na -- text b\nc == more d\ne -. dots f")
                == [
                    flowSyntaxError(
                        2, 3, "unclosed edge label: `--` is never closed by `-->` or `---`",
                        help: "close it: `a -- text --> b`, or write `a -->|text| b`"),
                    flowSyntaxError(
                        3, 3, "unclosed edge label: `==` is never closed by `==>`",
                        help: "close it: `a == text ==> b`, or write `a ==>|text| b`"),
                    flowSyntaxError(
                        4, 3, "unclosed edge label: `-.` is never closed by `.->`",
                        help: "close it: `a -. text .-> b`, or write `a -.->|text| b`"),
                ])
    }

    @Test func rejectsBadPipeLabels() {
        #expect(
            flowParseFailing("flowchart TD\na -->|text b\nc -->|| d\ne -- x -->|y| f")
                == [
                    flowSyntaxError(2, 6, "unclosed edge label: no closing `|`", help: "close it: `a -->|text| b`"),
                    flowSyntaxError(3, 6, "the edge label is empty", help: "write the label's text, or drop it"),
                    flowSyntaxError(
                        4, 11, "the edge already has a label",
                        help: "keep one label: `a -->|text| b` or `a -- text --> b`"),
                ])
    }

    @Test(arguments: [
        ("a[Unclosed", "[", "]"), ("a(Unclosed", "(", ")"), ("a{Unclosed", "{", "}"), ("a((Circle)", "((", "))"),
        ("a([Stadium]", "([", "])"), ("a[\"quoted\"", "[", "]"),
    ])
    func rejectsUnclosedBrackets(statement: String, opener: String, closer: String) {
        #expect(
            flowParseFailing("flowchart TD\n" + statement)
                == [
                    flowSyntaxError(
                        2, 2, "unclosed `\(opener)`: the label has no `\(closer)`",
                        help: "close it: `a\(opener)text\(closer)`")
                ])
    }

    @Test func rejectsUnclosedQuotes() {
        #expect(
            flowParseFailing("flowchart TD\na[\"Unclosed]")
                == [flowSyntaxError(2, 3, "unclosed quote in the label of `a`", help: "close it: `a[\"text\"]`")])
    }

    @Test func rejectsTextAfterAQuotedLabel() {
        #expect(
            flowParseFailing("flowchart TD\na[\"quoted\" more]")
                == [
                    flowSyntaxError(
                        2, 12, "expected `]` after the quoted label of `a`", help: "close it: `a[\"text\"]`")
                ])
    }

    @Test func requiresQuotesAroundBracketsAndRuleReferences() {
        #expect(
            flowParseFailing("flowchart TD\na[foo [x]]\nb{在 {{rule t.r.c}} 内?}\nc(say \"hi\")")
                == [
                    flowSyntaxError(
                        2, 7, "`[` inside the label of `a` must be quoted", help: "put the label in quotes: `a[\"…\"]`"),
                    flowSyntaxError(
                        3, 5, "`{` inside the label of `b` must be quoted", help: "put the label in quotes: `b{\"…\"}`"),
                    flowSyntaxError(
                        4, 7, "`\"` inside the label of `c` must be quoted",
                        help: "write a quote inside a label as `#quot;` (`c(\"Tap #quot;Return#quot;\")`), or use “ ” or 「」"),
                ])
        // Following "put it in quotes" for a quote gave a second, misleading error.
        #expect(
            flowParseFailing("flowchart TD\nb[\"Tap \"Return\"\"]")
                == [
                    flowSyntaxError(
                        2, 9, "expected `]` after the quoted label of `b`",
                        help: "a `\"` inside a quoted label ends it; write it as `#quot;` (`b[\"Tap #quot;Return#quot;\"]`)")
                ])
    }

    @Test func rejectsEmptyLabels() {
        #expect(
            flowParseFailing("flowchart TD\na[]\nb[\"\"]\nc(   )")
                == [
                    flowSyntaxError(2, 2, "the label of `a` is empty", help: "write the step's text, or drop the brackets"),
                    flowSyntaxError(3, 2, "the label of `b` is empty", help: "write the step's text, or drop the brackets"),
                    flowSyntaxError(4, 2, "the label of `c` is empty", help: "write the step's text, or drop the brackets"),
                ])
    }

    @Test(arguments: [
        ("a[[x]]", "`[[…]]` (subroutine)"), ("a[(x)]", "`[(…)]` (cylinder)"), ("a[/x/]", "`[/…/]` (parallelogram)"),
        ("a[\\x\\]", "`[\\…\\]` (parallelogram)"), ("a{{x}}", "`{{…}}` (hexagon)"), ("a>x]", "`>…]` (flag)"),
        ("a(((x)))", "`(((…)))` (double circle)"),
    ])
    func rejectsUnsupportedShapes(statement: String, name: String) {
        #expect(
            flowParseFailing("flowchart TD\n" + statement)
                == [flowSyntaxError(2, 2, "the shape \(name) is not supported", help: shapesHelp)])
    }

    @Test(arguments: ["sequenceDiagram", "classDiagram", "stateDiagram-v2", "pie", "gantt", "mindmap"])
    func rejectsOtherDiagramTypes(type: String) {
        #expect(
            flowParseFailing("\(type)\n  A->>B: hello")
                == [
                    flowSyntaxError(
                        1, 1, "`\(type)` diagrams are not supported; guidegen draws only `flowchart` (or `graph`)",
                        help: headerHelp)
                ])
    }

    @Test func rejectsAMissingHeader() {
        #expect(
            flowParseFailing("\n  a --> b")
                == [
                    flowSyntaxError(
                        2, 3, "expected `flowchart` or `graph` on the first line, found `a`", help: headerHelp)
                ])
        #expect(
            flowParseFailing("{weird}")
                == [
                    flowSyntaxError(
                        1, 1, "expected `flowchart` or `graph` on the first line, found `{`", help: headerHelp)
                ])
    }

    @Test func rejectsUnknownDirectionsAndKeepsParsing() {
        #expect(
            flowParseFailing("flowchart XY\na -> b")
                == [
                    flowSyntaxError(1, 11, "unknown direction `XY`", help: "use `TD` (or `TB`), `BT`, `LR` or `RL`"),
                    flowSyntaxError(2, 3, "unknown arrow `->`", help: arrowsHelp),
                ])
    }

    @Test func rejectsUnsupportedStatements() {
        let source = """
            flowchart TD
            subgraph one
            a --> b
            end
            classDef red fill:#f00
            class a red
            click a "https://example.org"
            style a fill:#f00
            linkStyle 0 stroke:red
            direction LR
            """
        let themed = "remove the line"
        #expect(
            flowParseFailing(source)
                == [
                    // The subgraph's own `end` is no second error.
                    flowSyntaxError(2, 1, "subgraphs are not supported yet", help: "draw the steps without `subgraph … end`"),
                    // Lines that only style or link are ignored, with a warning: a pasted flowchart still builds.
                    flowSyntaxWarning(5, 1, "`classDef` is ignored; flows are styled by the site theme", help: themed),
                    flowSyntaxWarning(6, 1, "`class` is ignored; flows are styled by the site theme", help: themed),
                    flowSyntaxWarning(
                        7, 1, "`click` is ignored; flows are static images", help: "remove the line and link from the page text"),
                    flowSyntaxWarning(8, 1, "`style` is ignored; flows are styled by the site theme", help: themed),
                    flowSyntaxWarning(9, 1, "`linkStyle` is ignored; flows are styled by the site theme", help: themed),
                    flowSyntaxError(
                        10, 1, "`direction` only applies inside subgraphs, which are not supported",
                        help: "set the direction on the first line, e.g. `flowchart LR`"),
                ])
    }

    @Test func rejectsOtherSyntaxOutsideTheSubset() {
        let source = """
            flowchart TD
            a & --> c
            a:::red --> b
            a [text]
            a -->
            a --> end
            a --> b c
            a@{ shape: rect }
            """
        #expect(
            flowParseFailing(source)
                == [
                    flowSyntaxError(2, 5, "expected a node after `&`", help: "write `a & b --> c`"),
                    flowSyntaxWarning(
                        3, 2, "classes (`:::`) are ignored; flows are styled by the site theme", help: "remove `:::` and the class name"),
                    flowSyntaxError(4, 3, "a shape must follow its id without a space", help: "remove the space, e.g. `id[text]`"),
                    flowSyntaxError(5, 3, "expected a node after `-->`", help: "write the target step, e.g. `a --> b`"),
                    flowSyntaxError(
                        6, 7, "`end` cannot be a node id: Mermaid reads it as the end of a subgraph",
                        help: "capitalize it (`End`) or choose another id"),
                    flowSyntaxError(7, 9, "unexpected `c`; expected an arrow such as `-->` or the end of the statement"),
                    flowSyntaxError(8, 2, "shape data (`@{ … }`) is not supported", help: shapesHelp),
                ])
    }

    @Test func reportsEveryBrokenLine() {
        let source = """
            flowchart TD
            a -> b
            c[ok] --> d
            e[oops
            """
        #expect(
            flowParseFailing(source)
                == [
                    flowSyntaxError(2, 3, "unknown arrow `->`", help: arrowsHelp),
                    flowSyntaxError(4, 2, "unclosed `[`: the label has no `]`", help: "close it: `e[text]`"),
                ])
    }

    @Test func reportsAnEmptyBlock() {
        let empty = FlowIssue(
            line: 1, column: 1, severity: .error, check: FlowIssue.empty, message: "the flow is empty",
            help: "start the block with `flowchart TD` and add steps, e.g. `a[First] --> b[Next]`")
        #expect(flowParseFailing("") == [empty])
        #expect(flowParseFailing("\n  %% only a comment\n\n") == [empty])
    }
}
