extension FlowSVG {
    /// The flow as an HTML ordered list for screen readers and print: one item per step, in
    /// depth-first order from the start steps (following edges as written, so a decision's first
    /// answer is read through before the next, and a merge comes after all its branches); a step
    /// lists its branches (`answer → N. step`)
    /// unless it simply continues with the next item, and a step that ends the flow is followed by `endMark`
    /// (the page language's "(end)"), so it is not read as leading into the next item. All text is escaped.
    public static func textAlternative(_ diagram: FlowDiagram, idPrefix: String, endMark: String = "") -> String {
        let prefix = sanitize(idPrefix)
        let count = diagram.nodes.count
        let endpoints = diagram.edgeEndpoints()
        var outgoing = Array(repeating: [Int](), count: count)
        var loopFree: [(from: Int, to: Int)] = []
        var loopFreeIndex: [Int] = []
        for (edgeIndex, ends) in endpoints.enumerated() {
            guard let (from, to) = ends else { continue }
            outgoing[from].append(edgeIndex)
            if from != to {
                loopFree.append((from, to))
                loopFreeIndex.append(edgeIndex)
            }
        }
        // Back edges (to an earlier step) do not hold a step back; every other incoming edge does.
        let back = FlowRanker.backEdges(nodeCount: count, edges: loopFree)
        var isBackEdge = Array(repeating: false, count: diagram.edges.count)
        var waiting = Array(repeating: 0, count: count)
        for (position, edgeIndex) in loopFreeIndex.enumerated() {
            if back[position] {
                isBackEdge[edgeIndex] = true
            } else {
                waiting[loopFree[position].to] += 1
            }
        }

        // Depth-first from the start steps, but a step where branches merge waits until every
        // branch leading into it has been listed.
        var order: [Int] = []
        var listed = Array(repeating: false, count: count)
        let starts = (0..<count).filter { waiting[$0] == 0 }
        var stack = Array(starts.reversed())
        while order.count < count {
            guard let node = stack.popLast() else {
                // Only reachable if the back edges did not break every cycle; list the rest in order.
                order += (0..<count).filter { !listed[$0] }
                break
            }
            guard !listed[node] else { continue }
            listed[node] = true
            order.append(node)
            for edgeIndex in outgoing[node].reversed() where !isBackEdge[edgeIndex] {
                guard let next = endpoints[edgeIndex]?.to, next != node else { continue }
                waiting[next] -= 1
                if waiting[next] == 0 { stack.append(next) }
            }
        }
        var stepNumber = Array(repeating: 0, count: count)
        for (position, node) in order.enumerated() { stepNumber[node] = position + 1 }

        // Each label is collapsed and escaped once, though a step is named again in every branch to it.
        var escapedLabel: [String?] = Array(repeating: nil, count: count)
        func label(_ node: Int) -> String {
            if let text = escapedLabel[node] { return text }
            let text = FlowFormat.escape(FlowLabelText.plain(diagram.nodes[node].label))
            escapedLabel[node] = text
            return text
        }
        var out = FlowWriter(capacity: 256 + 160 * count)
        out.append("<ol class=\"flow-steps\" id=\"")
        out.append(prefix)
        out.append("-steps\">")
        for (position, node) in order.enumerated() {
            let text = label(node)
            let edges = outgoing[node]
            let continuesToNext =
                edges.count == 1
                && (diagram.edges[edges[0]].label ?? "").isEmpty
                && position + 1 < order.count
                && endpoints[edges[0]]?.to == order[position + 1]
            out.append("\n<li>")
            out.append(text)
            if edges.isEmpty, !endMark.isEmpty {
                out.append("<span class=\"flow-steps__end\">")
                out.escaped(endMark)
                out.append("</span>")
            }
            if edges.isEmpty || continuesToNext {
                out.append("</li>")
                continue
            }
            out.append("\n<ul class=\"flow-steps__branches\">")
            for edgeIndex in edges {
                let edge = diagram.edges[edgeIndex]
                guard let target = endpoints[edgeIndex]?.to else { continue }
                out.append("\n<li>")
                let answer = FlowLabelText.plain(edge.label ?? "")
                if !answer.isEmpty {
                    out.append("<span class=\"flow-steps__answer\">")
                    out.escaped(answer)
                    out.append("</span> ")
                }
                out.append("<span aria-hidden=\"true\">→</span> <span class=\"flow-steps__target\">")
                out.append(integer: stepNumber[target])
                out.append(". ")
                out.append(label(target))
                out.append("</span></li>")
            }
            out.append("\n</ul>\n</li>")
        }
        out.append("\n</ol>")
        return out.string
    }
}
