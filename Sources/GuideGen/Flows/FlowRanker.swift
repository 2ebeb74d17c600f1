/// Assigns ranks for the layered layout: breaks cycles by reversing back edges, then gives every
/// node a rank with each edge spanning at least two ranks (the odd rank between holds the edge's
/// label, as dagre does).
enum FlowRanker {
    /// The result: a rank per node (even, starting at 0) and, per edge, whether it was reversed.
    struct Ranking {
        var ranks: [Int]
        var reversed: [Bool]
    }

    /// Ranks `nodeCount` nodes joined by `edges` (no self-loops); every layered edge then points
    /// from a lower rank to a higher one.
    static func rank(nodeCount: Int, edges: [(from: Int, to: Int)]) -> Ranking {
        let reversed = backEdges(nodeCount: nodeCount, edges: edges)
        var successors = Array(repeating: [Int](), count: nodeCount)
        var predecessors = Array(repeating: [Int](), count: nodeCount)
        for (index, edge) in edges.enumerated() {
            let (from, to) = reversed[index] ? (edge.to, edge.from) : (edge.from, edge.to)
            successors[from].append(to)
            predecessors[to].append(from)
        }

        // Longest path from the sources, in topological order (Kahn).
        var remaining = predecessors.map(\.count)
        var queue = (0..<nodeCount).filter { remaining[$0] == 0 }
        var head = 0
        var ranks = Array(repeating: 0, count: nodeCount)
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in successors[node] {
                ranks[next] = max(ranks[next], ranks[node] + 2)
                remaining[next] -= 1
                if remaining[next] == 0 { queue.append(next) }
            }
        }

        // Longest path puts every source on rank 0; pull each one down next to its nearest
        // successor so that a side entry does not get a long edge.
        for node in 0..<nodeCount where predecessors[node].isEmpty && !successors[node].isEmpty {
            ranks[node] = successors[node].map { ranks[$0] }.min()! - 2
        }
        let lowest = ranks.min() ?? 0
        return Ranking(ranks: ranks.map { $0 - lowest }, reversed: reversed)
    }

    /// Marks the back edges of a depth-first search that starts at the nodes without incoming
    /// edges (in node order), so the remaining graph is acyclic and flows follow the author's order.
    /// The text alternative uses the same edges, so both read a cycle the same way.
    static func backEdges(nodeCount: Int, edges: [(from: Int, to: Int)]) -> [Bool] {
        var outgoing = Array(repeating: [Int](), count: nodeCount)
        var hasIncoming = Array(repeating: false, count: nodeCount)
        for (index, edge) in edges.enumerated() {
            outgoing[edge.from].append(index)
            hasIncoming[edge.to] = true
        }
        let roots = (0..<nodeCount).filter { !hasIncoming[$0] } + (0..<nodeCount).filter { hasIncoming[$0] }
        var state = Array(repeating: 0, count: nodeCount)  // 0 new, 1 on the stack, 2 done
        var reversed = Array(repeating: false, count: edges.count)
        for root in roots where state[root] == 0 {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let top = stack.last {
                if top.next < outgoing[top.node].count {
                    stack[stack.count - 1].next += 1
                    let edgeIndex = outgoing[top.node][top.next]
                    let target = edges[edgeIndex].to
                    if state[target] == 1 {
                        reversed[edgeIndex] = true
                    } else if state[target] == 0 {
                        state[target] = 1
                        stack.append((target, 0))
                    }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                }
            }
        }
        return reversed
    }
}
