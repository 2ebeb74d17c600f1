extension FlowSVG {
    /// The flow as an HTML ordered list for screen readers and print: one item per step, in
    /// depth-first order from the start steps (following edges as written, so a decision's first
    /// answer is read through before the next); a step lists its branches (`answer → N. step`)
    /// unless it simply continues with the next item. Uses no words of its own, so it reads the same
    /// in every language; all text is escaped.
    public static func textAlternative(_ diagram: FlowDiagram, idPrefix: String) -> String {
        let prefix = sanitize(idPrefix)
        let count = diagram.nodes.count
        var index: [String: Int] = [:]
        for (position, node) in diagram.nodes.enumerated() where index[node.id] == nil {
            index[node.id] = position
        }
        var outgoing = Array(repeating: [Int](), count: count)
        var hasIncoming = Array(repeating: false, count: count)
        for (edgeIndex, edge) in diagram.edges.enumerated() {
            guard let from = index[edge.from], let to = index[edge.to] else { continue }
            outgoing[from].append(edgeIndex)
            if from != to { hasIncoming[to] = true }
        }

        // Depth-first preorder from the start steps, then from anything left (unreachable steps).
        var order: [Int] = []
        var visited = Array(repeating: false, count: count)
        var starts = (0..<count).filter { !hasIncoming[$0] }
        if starts.isEmpty, count > 0 { starts = [0] }
        for start in starts + Array(0..<count) where !visited[start] {
            var stack = [start]
            while let node = stack.popLast() {
                guard !visited[node] else { continue }
                visited[node] = true
                order.append(node)
                for edgeIndex in outgoing[node].reversed() {
                    if let next = index[diagram.edges[edgeIndex].to], !visited[next] { stack.append(next) }
                }
            }
        }
        var stepNumber = Array(repeating: 0, count: count)
        for (position, node) in order.enumerated() { stepNumber[node] = position + 1 }

        var out = ["<ol class=\"flow-steps\" id=\"\(prefix)-steps\">"]
        for (position, node) in order.enumerated() {
            let text = FlowFormat.escape(FlowFormat.collapseSpaces(diagram.nodes[node].label))
            let edges = outgoing[node]
            let continuesToNext = edges.count == 1
                && (diagram.edges[edges[0]].label ?? "").isEmpty
                && position + 1 < order.count
                && index[diagram.edges[edges[0]].to] == order[position + 1]
            if edges.isEmpty || continuesToNext {
                out.append("<li>\(text)</li>")
                continue
            }
            out.append("<li>\(text)")
            out.append("<ul class=\"flow-steps__branches\">")
            for edgeIndex in edges {
                let edge = diagram.edges[edgeIndex]
                guard let target = index[edge.to] else { continue }
                var item = "<li>"
                if let label = edge.label, !FlowFormat.collapseSpaces(label).isEmpty {
                    item += "<span class=\"flow-steps__answer\">\(FlowFormat.escape(FlowFormat.collapseSpaces(label)))</span> "
                }
                let targetText = FlowFormat.escape(FlowFormat.collapseSpaces(diagram.nodes[target].label))
                item += "<span aria-hidden=\"true\">→</span> "
                item += "<span class=\"flow-steps__target\">\(stepNumber[target]). \(targetText)</span></li>"
                out.append(item)
            }
            out.append("</ul>")
            out.append("</li>")
        }
        out.append("</ol>")
        return out.joined(separator: "\n")
    }
}
