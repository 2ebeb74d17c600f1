import Testing

@testable import GuideGen

@Suite("Flow checker")
struct FlowCheckerTests {
    @Test func acceptsACleanBranchingFlow() throws {
        let diagram = try #require(FlowGoldenCase.all.first { $0.name == "branching-zh" }?.diagram())
        #expect(FlowChecker.check(diagram) == [])
    }

    @Test func acceptsACycleBackToAnEarlierStep() throws {
        let diagram = try #require(FlowGoldenCase.all.first { $0.name == "cycle" }?.diagram())
        #expect(FlowChecker.check(diagram) == [])
    }

    @Test func usesTheFirstNodeAsStartWhenEveryNodeHasAnIncomingEdge() throws {
        #expect(FlowChecker.check(try flowParseClean("flowchart TD\na[A] --> b[B]\nb --> a")) == [])
    }

    @Test func ignoresSelfLoopsWhenFindingStarts() throws {
        #expect(FlowChecker.check(try flowParseClean("flowchart TD\nx[Wait] -->|not yet| x\nx --> y[Go]")) == [])
    }

    @Test func reportsAnEmptyFlow() throws {
        let expected = [
            FlowIssue(
                line: 1, column: 1, severity: .error, check: FlowIssue.empty, message: "the flow has no steps",
                help: "add steps and edges, e.g. `start([Start]) --> done([Done])`")
        ]
        #expect(FlowChecker.check(FlowDiagram()) == expected)
        #expect(FlowChecker.check(try flowParseClean("graph LR")) == expected)
    }

    @Test func reportsNodesNoStartReaches() throws {
        let diagram = try flowParseClean(
            """
            flowchart TD
            a[A] --> b[B]
            c[C] --> d[D]
            d --> c
            """)
        let help = "add an edge into it from an earlier step, or remove it"
        #expect(
            FlowChecker.check(diagram) == [
                FlowIssue(
                    line: 3, column: 1, severity: .error, check: FlowIssue.unreachable,
                    message: "step `c` cannot be reached from the start step `a`", help: help),
                FlowIssue(
                    line: 3, column: 10, severity: .error, check: FlowIssue.unreachable,
                    message: "step `d` cannot be reached from the start step `a`", help: help),
            ])
    }

    /// A step with no arrow to or from another step is not a start of its own: it was left out of the flow.
    @Test func reportsAStepWithNoArrows() throws {
        let diagram = try flowParseClean("flowchart TD\na[A] --> b[B]\nc[Forgotten]\nd[Waits] --> d\n")
        let help = "add an edge into it from an earlier step, or remove it"
        #expect(
            FlowChecker.check(diagram) == [
                FlowIssue(
                    line: 3, column: 1, severity: .error, check: FlowIssue.unreachable,
                    message: "step `c` has no arrow to or from another step, so it cannot be reached from the start step `a`", help: help),
                FlowIssue(
                    line: 4, column: 1, severity: .error, check: FlowIssue.unreachable,
                    message: "step `d` has no arrow to or from another step, so it cannot be reached from the start step `a`", help: help),
            ])
        #expect(FlowChecker.check(try flowParseClean("flowchart TD\nonly[The only step]")) == [])
    }

    @Test func namesEveryStartWhenThereAreSeveral() throws {
        let diagram = try flowParseClean(
            """
            flowchart TD
            a[A] --> c[C]
            b[B] --> c
            d[D] --> e[E]
            e --> d
            """)
        let help = "add an edge into it from an earlier step, or remove it"
        #expect(
            FlowChecker.check(diagram) == [
                FlowIssue(
                    line: 4, column: 1, severity: .error, check: FlowIssue.unreachable,
                    message: "step `d` cannot be reached from any start step (`a`, `b`)", help: help),
                FlowIssue(
                    line: 4, column: 10, severity: .error, check: FlowIssue.unreachable,
                    message: "step `e` cannot be reached from any start step (`a`, `b`)", help: help),
            ])
    }

    @Test func reportsDecisionsWithFewerThanTwoBranches() throws {
        let diagram = try flowParseClean(
            """
            flowchart TD
            q{Ready?} -->|yes| go[Go]
            z{Dead end?}
            go --> z
            """)
        #expect(
            FlowChecker.check(diagram) == [
                FlowIssue(
                    line: 2, column: 1, severity: .error, check: FlowIssue.decision,
                    message: "decision `q` has one outgoing edge; a decision needs at least two",
                    help: "add an edge per answer, e.g. `q -->|No| other`, or use `[ ]` for a plain step"),
                FlowIssue(
                    line: 3, column: 1, severity: .error, check: FlowIssue.decision,
                    message: "decision `z` has no outgoing edges; a decision needs at least two",
                    help: "add an edge per answer, e.g. `z -->|No| other`, or use `[ ]` for a plain step"),
            ])
    }

    @Test func reportsUnlabelledBranches() throws {
        let diagram = try flowParseClean(
            """
            flowchart TD
            q{Ready?} -->|yes| go[Go]
            q --> stop[Stop]
            q -->|" "| later[Later]
            """)
        #expect(
            FlowChecker.check(diagram) == [
                FlowIssue(
                    line: 3, column: 3, severity: .error, check: FlowIssue.decision,
                    message: "the branch from decision `q` to `stop` has no label",
                    help: "label it with the answer, e.g. `q -->|Yes| stop`"),
                FlowIssue(
                    line: 4, column: 3, severity: .error, check: FlowIssue.decision,
                    message: "the branch from decision `q` to `later` has no label",
                    help: "label it with the answer, e.g. `q -->|Yes| later`"),
            ])
    }

    /// A label of only `<br>` or spaces shows nothing: a branch labelled so is unlabelled, a step labelled so
    /// is a blank shape and a blank line of the steps list. The same answer twice from one decision is a
    /// warning (which branch does a reader take?).
    @Test func blankLabelsAndRepeatedAnswersAreReported() throws {
        let diagram = try flowParseClean(
            """
            flowchart TD
            q{Ready?} -->|是| go[Go]
            q -->|<br>| stop[Stop]
            q -->|是| go
            q -->|是| wait(" ")
            wait --> end1["<br/>"]
            """)
        #expect(
            FlowChecker.check(diagram).map { "\($0.line):\($0.column) \($0.severity) \($0.message)" } == [
                "3:3 error the branch from decision `q` to `stop` has no label",
                "4:3 warning decision `q` has the branch “是” to `go` twice",
                "5:3 warning decision `q` has two branches “是” (to `go` and `wait`)",
                "5:16 error the label of `wait` shows nothing",
                "6:16 error the label of `end1` shows nothing",
            ])
    }

    @Test func warnsAboutNodesNeverGivenALabel() throws {
        let diagram = try flowParseClean("flowchart TD\na[A] --> b\nb --> c[C]")
        #expect(
            FlowChecker.check(diagram) == [
                FlowIssue(
                    line: 2, column: 10, severity: .warning, check: FlowIssue.undefinedNode,
                    message: "`b` is never given a label, so it is shown as its id",
                    help: "define it once with its text, e.g. `b[Describe the step]`")
            ])
    }
}
