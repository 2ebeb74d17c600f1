/// The graph checks of the authoring spec (section 6) on a parsed flow: every step reachable, every
/// decision with at least two labelled branches, every step given a label, and a flow that is not
/// empty.
public enum FlowChecker {
    /// Checks a diagram; issues are sorted by line and column.
    ///
    /// Start nodes are the nodes without incoming edges (a self-loop does not count); when every node
    /// has one, the first node is the start.
    public static func check(_ diagram: FlowDiagram) -> [FlowIssue] {
        guard !diagram.nodes.isEmpty else {
            return [
                FlowIssue(
                    line: 1, column: 1, severity: .error, check: FlowIssue.empty,
                    message: "the flow has no steps",
                    help: "add steps and edges, e.g. `start([Start]) --> done([Done])`")
            ]
        }
        let endpoints = diagram.edgeEndpoints()
        var outgoing = Array(repeating: [Int](), count: diagram.nodes.count)
        var hasIncoming = Array(repeating: false, count: diagram.nodes.count)
        for (edgeIndex, ends) in endpoints.enumerated() {
            guard let (from, to) = ends else { continue }
            outgoing[from].append(edgeIndex)
            if from != to { hasIncoming[to] = true }
        }

        var issues: [FlowIssue] = []
        issues += unreachable(diagram, endpoints: endpoints, outgoing: outgoing, hasIncoming: hasIncoming)
        issues += decisions(diagram, outgoing: outgoing)
        // A label of only spaces or `<br>` shows nothing: a blank shape, and a blank step in the list.
        for node in diagram.nodes where node.hasLabel && FlowLabelText.plain(node.label).isEmpty {
            issues.append(
                FlowIssue(
                    line: node.line, column: node.labelColumn ?? node.column, severity: .error, check: FlowIssue.syntax,
                    message: "the label of `\(node.id)` shows nothing", help: "write the step's text"))
        }
        for node in diagram.nodes where !node.hasLabel {
            issues.append(
                FlowIssue(
                    line: node.line, column: node.column, severity: .warning, check: FlowIssue.undefinedNode,
                    message: "`\(node.id)` is never given a label, so it is shown as its id",
                    help: "define it once with its text, e.g. `\(node.id)[Describe the step]`"))
        }
        return issues.enumerated().sorted {
            ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
        }.map(\.element)
    }

    /// One error per node that no start node reaches (they sit on a cycle nothing leads into).
    private static func unreachable(
        _ diagram: FlowDiagram, endpoints: [(from: Int, to: Int)?], outgoing: [[Int]], hasIncoming: [Bool]
    ) -> [FlowIssue] {
        // A step with no edge at all starts nothing: in a flow that has edges it is a forgotten step, not a
        // second entry point (a flow of one step is fine).
        let isolated = { (node: Int) in !hasIncoming[node] && outgoing[node].allSatisfy { endpoints[$0]?.to == node } }
        let hasEdges = endpoints.contains { $0 != nil }
        var starts = diagram.nodes.indices.filter { !hasIncoming[$0] && !(hasEdges && isolated($0)) }
        if starts.isEmpty { starts = [0] }
        var reached = Array(repeating: false, count: diagram.nodes.count)
        var queue = starts
        for start in starts { reached[start] = true }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for edgeIndex in outgoing[node] {
                guard let next = endpoints[edgeIndex]?.to, !reached[next] else { continue }
                reached[next] = true
                queue.append(next)
            }
        }
        let startNames = starts.map { "`\(diagram.nodes[$0].id)`" }.joined(separator: ", ")
        let from = starts.count == 1 ? "the start step \(startNames)" : "any start step (\(startNames))"
        return diagram.nodes.indices.filter { !reached[$0] }.map { position in
            let node = diagram.nodes[position]
            return FlowIssue(
                line: node.line, column: node.column, severity: .error, check: FlowIssue.unreachable,
                message: isolated(position)
                    ? "step `\(node.id)` has no arrow to or from another step, so it cannot be reached from \(from)"
                    : "step `\(node.id)` cannot be reached from \(from)",
                help: "add an edge into it from an earlier step, or remove it")
        }
    }

    /// Errors for decisions with fewer than two branches, and for each unlabelled branch.
    private static func decisions(_ diagram: FlowDiagram, outgoing: [[Int]]) -> [FlowIssue] {
        var issues: [FlowIssue] = []
        for (position, node) in diagram.nodes.enumerated() where node.shape == .diamond {
            let branches = outgoing[position]
            guard branches.count >= 2 else {
                let count = branches.count == 1 ? "one outgoing edge" : "no outgoing edges"
                issues.append(
                    FlowIssue(
                        line: node.line, column: node.column, severity: .error, check: FlowIssue.decision,
                        message: "decision `\(node.id)` has \(count); a decision needs at least two",
                        help: "add an edge per answer, e.g. `\(node.id) -->|No| other`, or use `[ ]` for a plain step"))
                continue
            }
            var answers: [String: Int] = [:]  // shown label → its first branch
            for edgeIndex in branches {
                let edge = diagram.edges[edgeIndex]
                // As shown: `|<br>|` or `|" "|` labels the branch with nothing.
                let label = edge.label.map(FlowLabelText.plain) ?? ""
                if !label.isEmpty {
                    // The same answer twice: which branch does a reader take?
                    if let first = answers[label] {
                        let same = diagram.edges[first].to == edge.to
                        issues.append(
                            FlowIssue(
                                line: edge.line, column: edge.column, severity: .warning, check: FlowIssue.decision,
                                message: same
                                    ? "decision `\(node.id)` has the branch “\(label)” to `\(edge.to)` twice"
                                    : "decision `\(node.id)` has two branches “\(label)” (to `\(diagram.edges[first].to)` and `\(edge.to)`)",
                                help: same ? "remove one of them" : "give each answer its own label"))
                    } else {
                        answers[label] = edgeIndex
                    }
                    continue
                }
                issues.append(
                    FlowIssue(
                        line: edge.line, column: edge.column, severity: .error, check: FlowIssue.decision,
                        message: "the branch from decision `\(node.id)` to `\(edge.to)` has no label",
                        help: "label it with the answer, e.g. `\(node.id) -->|Yes| \(edge.to)`"))
            }
        }
        return issues
    }
}
