import Foundation
import Testing

@testable import GuideGen

@Suite("Flow parser: supported forms")
struct FlowParserTests {
    @Test func parsesTheSpecExample() throws {
        let diagram = try flowParseClean(
            """
            flowchart TD
              received([签收商品]) --> inwindow{"在 {{rule after-sales-windows.general.window}} 售后期内?"}
              inwindow -->|是| apply[在订单页申请售后]
              inwindow -->|否| seller[联系卖家协商]
            """)
        #expect(
            diagram
                == FlowDiagram(
                    direction: .topToBottom,
                    nodes: [
                        FlowNode(id: "received", shape: .stadium, label: "签收商品", line: 2, column: 3, labelColumn: 13),
                        FlowNode(
                            id: "inwindow", shape: .diamond,
                            label: "在 {{rule after-sales-windows.general.window}} 售后期内?",
                            line: 2, column: 24, labelColumn: 34),
                        FlowNode(id: "apply", shape: .rectangle, label: "在订单页申请售后", line: 3, column: 19, labelColumn: 25),
                        FlowNode(id: "seller", shape: .rectangle, label: "联系卖家协商", line: 4, column: 19, labelColumn: 26),
                    ],
                    edges: [
                        FlowEdge(from: "received", to: "inwindow", line: 2, column: 20),
                        FlowEdge(from: "inwindow", to: "apply", label: "是", line: 3, column: 12, labelColumn: 16),
                        FlowEdge(from: "inwindow", to: "seller", label: "否", line: 4, column: 12, labelColumn: 16),
                    ]))
    }

    @Test(arguments: [
        ("flowchart TD", FlowDiagram.Direction.topToBottom), ("flowchart TB", .topToBottom),
        ("flowchart BT", .bottomToTop), ("flowchart LR", .leftToRight), ("flowchart RL", .rightToLeft),
        ("graph LR", .leftToRight), ("graph", .topToBottom), ("flowchart", .topToBottom), ("graph TD;", .topToBottom),
    ])
    func parsesHeaders(header: String, direction: FlowDiagram.Direction) throws {
        let diagram = try flowParseClean(header + "\na --> b")
        #expect(diagram.direction == direction)
        #expect(diagram.edges == [FlowEdge(from: "a", to: "b", line: 2, column: 3)])
    }

    @Test func parsesEveryShape() throws {
        let diagram = try flowParseClean(
            """
            flowchart LR
            a[Rect] --> b(Round)
            c([Stadium]) --- d{Decide}
            e((Circle))
            """)
        #expect(
            diagram.nodes == [
                FlowNode(id: "a", shape: .rectangle, label: "Rect", line: 2, column: 1, labelColumn: 3),
                FlowNode(id: "b", shape: .rounded, label: "Round", line: 2, column: 13, labelColumn: 15),
                FlowNode(id: "c", shape: .stadium, label: "Stadium", line: 3, column: 1, labelColumn: 4),
                FlowNode(id: "d", shape: .diamond, label: "Decide", line: 3, column: 18, labelColumn: 20),
                FlowNode(id: "e", shape: .circle, label: "Circle", line: 4, column: 1, labelColumn: 4),
            ])
        #expect(
            diagram.edges == [
                FlowEdge(from: "a", to: "b", style: .solid, line: 2, column: 9),
                FlowEdge(from: "c", to: "d", style: .open, line: 3, column: 14),
            ])
    }

    @Test func parsesEveryEdgeForm() throws {
        let diagram = try flowParseClean(
            """
            graph
            a -->|one| b
            a --- c
            a -.-> d
            a ==> e
            a -- two --> f
            a == three ==> g
            a -. four .-> h
            a -- five --- i
            a ---|six| j
            a --> |seven| k
            a -->|"eight [8]"| l
            a-->m
            a-.->n
            a==>o
            """)
        #expect(
            diagram.edges == [
                FlowEdge(from: "a", to: "b", style: .solid, label: "one", line: 2, column: 3, labelColumn: 7),
                FlowEdge(from: "a", to: "c", style: .open, line: 3, column: 3),
                FlowEdge(from: "a", to: "d", style: .dotted, line: 4, column: 3),
                FlowEdge(from: "a", to: "e", style: .thick, line: 5, column: 3),
                FlowEdge(from: "a", to: "f", style: .solid, label: "two", line: 6, column: 3, labelColumn: 6),
                FlowEdge(from: "a", to: "g", style: .thick, label: "three", line: 7, column: 3, labelColumn: 6),
                FlowEdge(from: "a", to: "h", style: .dotted, label: "four", line: 8, column: 3, labelColumn: 6),
                FlowEdge(from: "a", to: "i", style: .open, label: "five", line: 9, column: 3, labelColumn: 6),
                FlowEdge(from: "a", to: "j", style: .open, label: "six", line: 10, column: 3, labelColumn: 7),
                FlowEdge(from: "a", to: "k", style: .solid, label: "seven", line: 11, column: 3, labelColumn: 8),
                FlowEdge(from: "a", to: "l", style: .solid, label: "eight [8]", line: 12, column: 3, labelColumn: 8),
                FlowEdge(from: "a", to: "m", style: .solid, line: 13, column: 2),
                FlowEdge(from: "a", to: "n", style: .dotted, line: 14, column: 2),
                FlowEdge(from: "a", to: "o", style: .thick, line: 15, column: 2),
            ])
        #expect(diagram.nodes.map(\.id) == ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o"])
    }

    @Test func parsesChains() throws {
        let diagram = try flowParseClean(
            """
            flowchart TD
            a --> b[B] -->|x| c --> d
            """)
        #expect(
            diagram.edges == [
                FlowEdge(from: "a", to: "b", line: 2, column: 3),
                FlowEdge(from: "b", to: "c", label: "x", line: 2, column: 12, labelColumn: 16),
                FlowEdge(from: "c", to: "d", line: 2, column: 21),
            ])
        #expect(diagram.nodes.map(\.id) == ["a", "b", "c", "d"])
        #expect(diagram.nodes[1] == FlowNode(id: "b", shape: .rectangle, label: "B", line: 2, column: 7, labelColumn: 9))
    }

    /// Longer links only ask Mermaid for room; `&` joins several steps on one side of an arrow.
    @Test func readsLongerLinksAndAmpersandGroups() throws {
        let diagram = try flowParseClean(
            """
            flowchart TD
            a ---> b ----- c -..-> d ===> e
            a & b -- "go" ---> c & d
            """)
        #expect(
            diagram.edges.map { "\($0.from)\($0.style)\($0.to)\($0.label ?? "")" } == [
                "asolidb", "bopenc", "cdottedd", "dthicke", "asolidcgo", "asoliddgo", "bsolidcgo", "bsoliddgo",
            ])
    }

    /// What Mermaid's parser (and so GitHub's preview) refuses is still drawn here, with a warning: a bracket or
    /// brace in an unquoted edge label, a `%%` comment after a statement.
    @Test func warnsWhereMermaidWouldFailThePreview() {
        let (diagram, issues) = FlowParser.parse("flowchart TD\na{q} -->|是(7天内)| b\na -->|\"否（超时）\"| c %% note\n")
        #expect(diagram?.edges.map(\.label) == ["是(7天内)", "否（超时）"])
        #expect(
            issues == [
                flowSyntaxWarning(
                    2, 11, "`(` in an unquoted edge label breaks Mermaid, so GitHub cannot preview this flow",
                    help: "put the label in quotes: `-->|\"是(7天内)\"|`"),
                flowSyntaxWarning(
                    3, 18, "a `%%` comment after a statement breaks Mermaid, so GitHub cannot preview this flow",
                    help: "put the comment on a line of its own"),
            ])
    }

    /// `a ---ops` is a line to `ops` here and `---o` to `ps` in Mermaid: a warning.
    @Test func warnsWhereMermaidReadsAnEndMarkerIntoTheTarget() {
        let (diagram, issues) = FlowParser.parse("flowchart TD\na ---ops[O]\nb --- ok\n")
        #expect(diagram?.edges.map(\.to) == ["ops", "ok"])
        #expect(
            issues == [
                flowSyntaxWarning(
                    2, 6, "Mermaid reads `---o` here as a line ending in a circle, so GitHub's preview differs",
                    help: "put a space after `---`: `--- o…`")
            ])
    }

    @Test func skipsCommentsBlankLinesAndSemicolons() throws {
        let diagram = try flowParseClean(
            """
            %% leading comment

            graph TD; a-->b; b-->c
              %% indented comment

            c-->d;;
            """)
        #expect(
            diagram.edges == [
                FlowEdge(from: "a", to: "b", line: 3, column: 12),
                FlowEdge(from: "b", to: "c", line: 3, column: 19),
                FlowEdge(from: "c", to: "d", line: 6, column: 2),
            ])
    }

    @Test func acceptsWindowsLineEndings() throws {
        let diagram = try flowParseClean("flowchart LR\r\na[A] --> b[B]\r\n")
        #expect(diagram.direction == .leftToRight)
        #expect(
            diagram.nodes == [
                FlowNode(id: "a", label: "A", line: 2, column: 1, labelColumn: 3),
                FlowNode(id: "b", label: "B", line: 2, column: 10, labelColumn: 12),
            ])
    }

    /// Mermaid keeps the last definition; one with other text or shape than an earlier one is warned of
    /// (a decision redefined as `[…]` lost its checks without a word). A bare reference or the same
    /// definition again is no redefinition.
    @Test func keepsBareReferencesAndLaterDefinitions() throws {
        let (parsed, issues) = FlowParser.parse(
            """
            flowchart TD
            a --> b
            b[Defined later]
            a(Redefined) --> c[C]
            a[Last wins]
            c[C] --> b
            """)
        #expect(
            issues.map { "\($0.line):\($0.column) \($0.severity) \($0.message)" } == [
                "5:1 warning `a` is defined again (first on line 4) with another shape; this one is drawn"
            ])
        let diagram = try #require(parsed)
        #expect(
            diagram.nodes == [
                FlowNode(id: "a", shape: .rectangle, label: "Last wins", line: 5, column: 1, labelColumn: 3),
                FlowNode(id: "b", shape: .rectangle, label: "Defined later", line: 3, column: 1, labelColumn: 3),
                FlowNode(id: "c", shape: .rectangle, label: "C", line: 6, column: 1, labelColumn: 3),
            ])
    }

    @Test func leavesUndefinedNodesWithTheirIdAsLabel() throws {
        let diagram = try flowParseClean("flowchart TD\nstart --> finish")
        #expect(
            diagram.nodes == [
                FlowNode(id: "start", shape: .rectangle, label: "start", hasLabel: false, line: 2, column: 1),
                FlowNode(id: "finish", shape: .rectangle, label: "finish", hasLabel: false, line: 2, column: 11),
            ])
    }

    @Test func acceptsCJKAndDashedIdsCountingColumnsInScalars() throws {
        let diagram = try flowParseClean(
            """
            flowchart LR
            开始[开始] --> 结束_1[结束]
            my-node --> other-node-2
            """)
        #expect(
            diagram.nodes == [
                FlowNode(id: "开始", label: "开始", line: 2, column: 1, labelColumn: 4),
                FlowNode(id: "结束_1", label: "结束", line: 2, column: 12, labelColumn: 17),
                FlowNode(id: "my-node", label: "my-node", hasLabel: false, line: 3, column: 1),
                FlowNode(id: "other-node-2", label: "other-node-2", hasLabel: false, line: 3, column: 13),
            ])
        #expect(
            diagram.edges == [
                FlowEdge(from: "开始", to: "结束_1", line: 2, column: 8),
                FlowEdge(from: "my-node", to: "other-node-2", line: 3, column: 9),
            ])
    }

    @Test func keepsQuotedLabelsRawAndTrimsBareOnes() throws {
        let diagram = try flowParseClean(
            """
            flowchart TD
            a["Step [1] {x} (y) {{rule t.r.c}}"]
            b[  spaced   out  ]
            c{" kept "}
            d(["Done (all)"])
            """)
        #expect(
            diagram.nodes == [
                FlowNode(id: "a", label: "Step [1] {x} (y) {{rule t.r.c}}", line: 2, column: 1, labelColumn: 4),
                FlowNode(id: "b", label: "spaced   out", line: 3, column: 1, labelColumn: 5),
                FlowNode(id: "c", shape: .diamond, label: " kept ", line: 4, column: 1, labelColumn: 4),
                FlowNode(id: "d", shape: .stadium, label: "Done (all)", line: 5, column: 1, labelColumn: 5),
            ])
    }

    /// A quoted edge label may hold the pipe that would otherwise end it.
    @Test func aQuotedPipeLabelMayHoldAPipe() throws {
        let diagram = try flowParseClean("flowchart TD\na -->|\"甲|乙\"| b\nb -->| \"x\" | c\n")
        #expect(diagram.edges.map(\.label) == ["甲|乙", "x"])
    }

    @Test func warnsAboutDirectivesButKeepsTheDiagram() {
        let (diagram, issues) = FlowParser.parse("%%{init: {'theme': 'dark'}}%%\nflowchart TD\na --> b")
        #expect(diagram?.edges == [FlowEdge(from: "a", to: "b", line: 3, column: 3)])
        #expect(
            issues == [
                FlowIssue(
                    line: 1, column: 1, severity: .warning, check: FlowIssue.syntax,
                    message: "directives (`%%{ … }%%`) are ignored; the site theme styles flows",
                    help: "remove the directive")
            ])
    }

    /// Mermaid's accessibility statements and front-matter title are the author's words about the flow.
    @Test func readsAccessibleTitleDescriptionAndFrontMatterTitle() throws {
        let diagram = try flowParseClean(
            """
            ---
            title: "退货流程"
            ---
            flowchart TD
              accTitle: 退货的三个步骤
              accDescr: 从申请到退款
              a --> b
            """)
        #expect(diagram.title == FlowText("退货流程", line: 2, column: 9))
        #expect(diagram.accessibleTitle == FlowText("退货的三个步骤", line: 5, column: 13))
        #expect(diagram.accessibleDescription == FlowText("从申请到退款", line: 6, column: 13))
        #expect(diagram.edges == [FlowEdge(from: "a", to: "b", line: 7, column: 5)])
    }

    @Test func readsAMultiLineDescriptionUpToItsBrace() throws {
        let diagram = try flowParseClean("flowchart LR\naccDescr {\n  First line\n  second line\n}\na --> b\naccDescr { one line }")
        // The last description wins, as in Mermaid.
        #expect(diagram.accessibleDescription == FlowText("one line", line: 7, column: 12))
        let open = try flowParseClean("flowchart LR\naccDescr {\n  First line\n  second line\n}\na --> b")
        #expect(open.accessibleDescription == FlowText("First line\nsecond line", line: 2, column: 1))
        #expect(open.nodes.map(\.id) == ["a", "b"])
    }

    @Test func reportsBrokenAccessibilityStatementsAndFrontMatter() {
        #expect(
            flowParseFailing("flowchart TD\naccTitle:   \na --> b").map(\.message) == ["`accTitle` is empty"])
        #expect(
            flowParseFailing("flowchart TD\naccDescr {\na --> b").map(\.message)
                == ["unclosed `{`: the `accDescr` block has no `}`"])
        #expect(
            flowParseFailing("---\ntitle: x\nflowchart TD\na --> b").map(\.message)
                == ["the Mermaid front matter opened here is never closed"])
        let (diagram, issues) = FlowParser.parse("---\nconfig:\n  theme: dark\n---\nflowchart TD\na --> b")
        #expect(diagram?.title == nil)
        #expect(issues.map(\.message) == ["`config` in the Mermaid front matter is ignored; the site theme styles flows"])
        #expect(issues.map(\.severity) == [.warning])
    }

    @Test func headerWithoutStatementsGivesAnEmptyDiagram() throws {
        let diagram = try flowParseClean("flowchart LR\n%% nothing yet\n")
        #expect(diagram == FlowDiagram(direction: .leftToRight))
    }

    @Test func mapLabelsRewritesWrittenLabelsOnly() throws {
        let diagram = try flowParseClean(
            """
            flowchart TD
            a["within {{rule w.general.window}}"] -->|"{{rule w.general.window}}"| b
            b --> c[plain]
            """)
        let mapped = diagram.mapLabels { $0.replacingOccurrences(of: "{{rule w.general.window}}", with: "15 days") }
        var expected = diagram
        expected.nodes[0].label = "within 15 days"
        expected.edges[0].label = "15 days"
        #expect(mapped == expected)
        #expect(mapped.nodes[1].label == "b")
    }

    @Test func structureSignatureIgnoresLabelsAndOrder() throws {
        let chinese = try flowParseClean("flowchart TD\na[开始] -->|是| b[结束]\na --> c[其他]")
        let english = try flowParseClean("flowchart LR\na[Start] --> c[Other]\na -->|Yes| b[End]")
        let different = try flowParseClean("flowchart TD\na[Start] --> b[End]\nb --> c[Other]")
        #expect(chinese.structureSignature == "nodes: a b c\nedges: a->b a->c")
        #expect(english.structureSignature == chinese.structureSignature)
        #expect(different.structureSignature == "nodes: a b c\nedges: a->b b->c")
    }
}
