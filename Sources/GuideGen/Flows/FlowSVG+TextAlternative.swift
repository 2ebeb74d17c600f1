extension FlowSVG {
    /// The flow as an HTML ordered list for screen readers and print: one item per step, in
    /// depth-first order from the start steps (following edges as written, so a decision's first
    /// answer is read through before the next, and a merge comes after all its branches); a step
    /// lists its branches (`answer → N. step`, the target a link to that step's item, so a screen reader
    /// announces where a branch goes and a reader can follow it)
    /// unless it simply continues with the next item, and a step that ends the flow is followed by `endMark`
    /// (the page language's "(end)"), so it is not read as leading into the next item. All text is escaped.
    public static func textAlternative(_ diagram: FlowDiagram, idPrefix: String, endMark: String = "") -> String {
        textAlternatives(diagram, idPrefix: idPrefix, endMark: endMark).screen
    }

    /// The steps list for the screen, and the copy printed in its place (a closed `<details>` prints
    /// nothing): the same text without ids (they would repeat in the page) and with its targets as text.
    /// With several start steps, each is followed by `startMark` (`(start)`): a second way in read as a step
    /// after the end of the first path.
    public static func textAlternatives(
        _ diagram: FlowDiagram, idPrefix: String, endMark: String = "", startMark: String = ""
    ) -> (screen: String, print: String) {
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
        var isMarkedStart = Array(repeating: false, count: count)
        if starts.count > 1, !startMark.isEmpty { for start in starts { isMarkedStart[start] = true } }
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
        var printed = FlowWriter(capacity: 256 + 120 * count)
        out.append("<ol class=\"flow-steps\" id=\"")
        out.append(prefix)
        out.append("-steps\">")
        printed.append("<ol class=\"flow-steps\">")
        /// Text both copies share.
        func both(_ text: String) {
            out.append(text)
            printed.append(text)
        }
        for (position, node) in order.enumerated() {
            let text = label(node)
            let edges = outgoing[node]
            let continuesToNext =
                edges.count == 1
                && (diagram.edges[edges[0]].label ?? "").isEmpty
                && diagram.edges[edges[0]].style != .open
                && position + 1 < order.count
                && endpoints[edges[0]]?.to == order[position + 1]
            out.append("\n<li id=\"")
            out.append(prefix)
            out.append("-step-")
            out.append(integer: position + 1)
            out.append("\">")
            printed.append("\n<li>")
            both(text)
            if isMarkedStart[node] {
                both("<span class=\"flow-steps__start\">")
                out.escaped(startMark)
                printed.escaped(startMark)
                both("</span>")
            }
            if edges.isEmpty, !endMark.isEmpty {
                both("<span class=\"flow-steps__end\">")
                out.escaped(endMark)
                printed.escaped(endMark)
                both("</span>")
            }
            if edges.isEmpty || continuesToNext {
                both("</li>")
                continue
            }
            both("\n<ul class=\"flow-steps__branches\">")
            for edgeIndex in edges {
                let edge = diagram.edges[edgeIndex]
                guard let target = endpoints[edgeIndex]?.to else { continue }
                both("\n<li>")
                let answer = FlowLabelText.plain(edge.label ?? "")
                if !answer.isEmpty {
                    both("<span class=\"flow-steps__answer\">")
                    out.escaped(answer)
                    printed.escaped(answer)
                    both("</span> ")
                }
                // The drawing's kind of line: an arrow, a dotted or thick one, or a line with no direction.
                let glyph: String
                switch edge.style {
                case .solid: glyph = "→"
                case .dotted: glyph = "⇢"
                case .thick: glyph = "⇒"
                case .open: glyph = "—"
                }
                out.append("<span aria-hidden=\"true\">")
                out.append(glyph)
                out.append("</span> <a class=\"flow-steps__target\" href=\"#")
                out.append(prefix)
                out.append("-step-")
                out.append(integer: stepNumber[target])
                out.append("\">")
                printed.append("<span aria-hidden=\"true\">")
                printed.append(glyph)
                printed.append("</span> <span class=\"flow-steps__target\">")
                out.append(integer: stepNumber[target])
                printed.append(integer: stepNumber[target])
                both(". ")
                both(label(target))
                out.append("</a></li>")
                printed.append("</span></li>")
            }
            both("\n</ul>\n</li>")
        }
        both("\n</ol>")
        return (out.string, printed.string)
    }
}
