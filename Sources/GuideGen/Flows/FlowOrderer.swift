/// Orders the items within each rank to reduce edge crossings: a depth-first initial order that
/// follows the author's edge order, then alternating barycenter sweeps with adjacent transposition,
/// keeping the best order seen (bounded: at most 24 sweeps, stopping after 4 without progress).
enum FlowOrderer {
    static let maxSweeps = 24
    static let patience = 4
    static let maxTransposePasses = 4

    /// The items of each rank, left to right.
    static func order(_ graph: FlowLayeredGraph) -> [[Int]] {
        var state = State(graph: graph, layers: initialOrder(graph))
        var best = state.layers
        var bestCrossings = state.totalCrossings()
        var stale = 0
        for sweep in 0..<maxSweeps where bestCrossings > 0 {
            state.barycenterSweep(downward: sweep % 2 == 0)
            state.transpose()
            let crossings = state.totalCrossings()
            if crossings < bestCrossings {
                best = state.layers
                bestCrossings = crossings
                stale = 0
            } else {
                stale += 1
                if stale >= patience { break }
            }
        }
        return best
    }

    /// Depth-first preorder from items in rank order, following successors in edge order; this
    /// keeps a decision's branches in the order they were written.
    private static func initialOrder(_ graph: FlowLayeredGraph) -> [[Int]] {
        var layers = Array(repeating: [Int](), count: graph.rankCount)
        var visited = Array(repeating: false, count: graph.items.count)
        let starts = graph.items.indices.sorted { (graph.items[$0].rank, $0) < (graph.items[$1].rank, $1) }
        for start in starts where !visited[start] {
            var stack = [start]
            while let item = stack.popLast() {
                guard !visited[item] else { continue }
                visited[item] = true
                layers[graph.items[item].rank].append(item)
                stack.append(contentsOf: graph.successors[item].reversed())
            }
        }
        return layers
    }

    /// The working order and each item's position in its rank.
    private struct State {
        let graph: FlowLayeredGraph
        var layers: [[Int]]
        var position: [Int]

        init(graph: FlowLayeredGraph, layers: [[Int]]) {
            self.graph = graph
            self.layers = layers
            position = Array(repeating: 0, count: graph.items.count)
            for layer in layers {
                for (index, item) in layer.enumerated() { position[item] = index }
            }
        }

        /// Reorders every rank by the mean position of its neighbours in the rank before it (in
        /// sweep direction); items without such neighbours keep their slot.
        mutating func barycenterSweep(downward: Bool) {
            let ranks = downward ? Array(layers.indices.dropFirst()) : Array(layers.indices.dropLast().reversed())
            for rank in ranks {
                var sortable: [(item: Int, barycenter: Double, slot: Int)] = []
                var fixed: [(item: Int, slot: Int)] = []
                for (slot, item) in layers[rank].enumerated() {
                    let neighbours = downward ? graph.predecessors[item] : graph.successors[item]
                    if neighbours.isEmpty {
                        fixed.append((item, slot))
                    } else {
                        let sum = neighbours.reduce(0) { $0 + position[$1] }
                        sortable.append((item, Double(sum) / Double(neighbours.count), slot))
                    }
                }
                sortable.sort { ($0.barycenter, $0.slot) < ($1.barycenter, $1.slot) }
                var result: [Int] = []
                result.reserveCapacity(layers[rank].count)
                var nextFixed = 0
                for entry in sortable {
                    while nextFixed < fixed.count, fixed[nextFixed].slot <= result.count {
                        result.append(fixed[nextFixed].item)
                        nextFixed += 1
                    }
                    result.append(entry.item)
                }
                result += fixed[nextFixed...].map(\.item)
                setLayer(rank, result)
            }
        }

        /// Swaps neighbouring items while that removes crossings with the ranks above and below.
        mutating func transpose() {
            for _ in 0..<FlowOrderer.maxTransposePasses {
                var improved = false
                for rank in layers.indices where layers[rank].count > 1 {
                    for slot in 0..<(layers[rank].count - 1) {
                        let left = layers[rank][slot]
                        let right = layers[rank][slot + 1]
                        if crossings(left, right) > crossings(right, left) {
                            layers[rank][slot] = right
                            layers[rank][slot + 1] = left
                            position[right] = slot
                            position[left] = slot + 1
                            improved = true
                        }
                    }
                }
                if !improved { return }
            }
        }

        /// Crossings among the edges of two items of one rank if `left` is placed before `right`.
        private func crossings(_ left: Int, _ right: Int) -> Int {
            var count = 0
            for neighbours in [
                (graph.predecessors[left], graph.predecessors[right]),
                (graph.successors[left], graph.successors[right]),
            ] {
                for a in neighbours.0 {
                    for b in neighbours.1 where position[a] > position[b] { count += 1 }
                }
            }
            return count
        }

        /// All crossings between consecutive ranks, counted as inversions with a Fenwick tree
        /// (O(E log V) per pair of ranks).
        func totalCrossings() -> Int {
            var total = 0
            for rank in layers.indices.dropLast() {
                let lowerCount = layers[rank + 1].count
                guard lowerCount > 1 else { continue }
                var tree = Array(repeating: 0, count: lowerCount + 1)
                var inserted = 0
                for item in layers[rank] {
                    let targets = graph.successors[item].map { position[$0] }.sorted()
                    for target in targets {
                        // Count earlier edges ending right of `target`.
                        var index = target + 1
                        var atOrBefore = 0
                        while index > 0 {
                            atOrBefore += tree[index]
                            index -= index & -index
                        }
                        total += inserted - atOrBefore
                        index = target + 1
                        while index <= lowerCount {
                            tree[index] += 1
                            index += index & -index
                        }
                        inserted += 1
                    }
                }
            }
            return total
        }

        private mutating func setLayer(_ rank: Int, _ items: [Int]) {
            layers[rank] = items
            for (index, item) in items.enumerated() { position[item] = index }
        }
    }
}
