/// Places items along their ranks with the Brandes–Köpf method (as dagre's `position/bk.js` does):
/// four vertical alignments (up/down × left/right) pack each item with a median neighbour into
/// blocks, each is compacted horizontally, and the result is the average of the two median
/// candidates per item. Long edges come out straight and the drawing balanced; all steps are linear
/// or near-linear in the number of items.
enum FlowPositioner {
    /// Separation parameters, px.
    struct Spacing {
        /// Free space between two real nodes in a rank.
        var nodeSeparation: Double
        /// Free space between edge points (and label boxes) in a rank.
        var edgeSeparation: Double
    }

    /// The center of every item along its rank (cross axis), px; the smallest left edge is 0.
    static func place(_ graph: FlowLayeredGraph, layers: [[Int]], spacing: Spacing) -> [Double] {
        let count = graph.items.count
        guard count > 0 else { return [] }
        let conflicts = typeOneConflicts(graph, layers: layers)
        var candidates: [[Double]] = []
        for downward in [false, true] {
            let vertical = downward ? Array(layers.reversed()) : layers
            for rightward in [false, true] {
                let adjusted = rightward ? vertical.map { Array($0.reversed()) } : vertical
                let (root, _) = alignment(
                    graph, layers: adjusted, conflicts: conflicts, usePredecessors: !downward)
                var xs = compaction(graph, layers: adjusted, root: root, spacing: spacing)
                if rightward { xs = xs.map { -$0 } }
                candidates.append(xs)
            }
        }
        let widths = candidates.map { extent(graph, $0) }
        let narrowest = widths.indices.min { widths[$0].max - widths[$0].min < widths[$1].max - widths[$1].min }!
        // Align left-packed candidates to the narrowest one's left edge and right-packed ones to
        // its right edge.
        for index in candidates.indices where index != narrowest {
            let rightward = index % 2 == 1
            let delta =
                rightward
                ? widths[narrowest].max - widths[index].max
                : widths[narrowest].min - widths[index].min
            candidates[index] = candidates[index].map { $0 + delta }
        }
        // The mean of the two middle candidates, sorted by a network of five compare-and-swaps
        // (sorting a four-element array per item allocated).
        var xs = (0..<count).map { item -> Double in
            var (a, b, c, d) = (candidates[0][item], candidates[1][item], candidates[2][item], candidates[3][item])
            if b < a { swap(&a, &b) }
            if d < c { swap(&c, &d) }
            if c < a { swap(&a, &c) }
            if d < b { swap(&b, &d) }
            if c < b { swap(&b, &c) }
            return (b + c) / 2
        }
        // The median of four separated placements keeps the separation; enforce it anyway so that
        // rounding can never let two boxes touch.
        for layer in layers {
            for (left, right) in zip(layer, layer.dropFirst()) {
                xs[right] = max(xs[right], xs[left] + separation(graph, left, right, spacing))
            }
        }
        let minimum = extent(graph, xs).min
        return xs.map { $0 - minimum }
    }

    /// The minimum distance between the centers of two neighbouring items.
    private static func separation(_ graph: FlowLayeredGraph, _ a: Int, _ b: Int, _ spacing: Spacing) -> Double {
        func gap(_ item: Int) -> Double {
            graph.isNode(item) ? spacing.nodeSeparation : spacing.edgeSeparation
        }
        return (graph.items[a].cross + graph.items[b].cross) / 2 + (gap(a) + gap(b)) / 2
    }

    private static func extent(_ graph: FlowLayeredGraph, _ xs: [Double]) -> (min: Double, max: Double) {
        var low = Double.infinity
        var high = -Double.infinity
        for (item, x) in xs.enumerated() {
            low = min(low, x - graph.items[item].cross / 2)
            high = max(high, x + graph.items[item].cross / 2)
        }
        return (low, high)
    }

    /// Marks layered edges that cross an inner segment (an edge between two edge points), so that
    /// alignment prefers keeping long edges straight.
    private static func typeOneConflicts(_ graph: FlowLayeredGraph, layers: [[Int]]) -> Set<Int64> {
        var conflicts = Set<Int64>()
        var position = Array(repeating: 0, count: graph.items.count)
        for layer in layers {
            for (index, item) in layer.enumerated() { position[item] = index }
        }
        for rank in layers.indices.dropFirst() {
            let previousCount = layers[rank - 1].count
            let layer = layers[rank]
            var k0 = 0
            var scanPosition = 0
            for (index, item) in layer.enumerated() {
                let inner =
                    graph.isEdgePoint(item)
                    ? graph.predecessors[item].first(where: { graph.isEdgePoint($0) }) : nil
                let k1 = inner.map { position[$0] } ?? previousCount
                guard inner != nil || index == layer.count - 1 else { continue }
                for scanned in layer[scanPosition...index] {
                    for upper in graph.predecessors[scanned] {
                        let upperPosition = position[upper]
                        if (upperPosition < k0 || k1 < upperPosition)
                            && !(graph.isEdgePoint(upper) && graph.isEdgePoint(scanned))
                        {
                            conflicts.insert(key(upper, scanned, graph.items.count))
                        }
                    }
                }
                scanPosition = index + 1
                k0 = k1
            }
        }
        return conflicts
    }

    private static func key(_ a: Int, _ b: Int, _ count: Int) -> Int64 {
        Int64(min(a, b)) * Int64(count) + Int64(max(a, b))
    }

    /// Vertical alignment: each item joins the block of a median neighbour in the previous rank
    /// (of the adjusted order) unless that would cross an earlier alignment or a marked conflict.
    private static func alignment(
        _ graph: FlowLayeredGraph, layers: [[Int]], conflicts: Set<Int64>, usePredecessors: Bool
    ) -> (root: [Int], align: [Int]) {
        let count = graph.items.count
        var root = Array(0..<count)
        var align = Array(0..<count)
        var position = Array(repeating: 0, count: count)
        for layer in layers {
            for (index, item) in layer.enumerated() { position[item] = index }
        }
        for layer in layers {
            var previousIndex = -1
            for item in layer {
                let adjacent = usePredecessors ? graph.predecessors[item] : graph.successors[item]
                guard !adjacent.isEmpty else { continue }
                // Most items have one neighbour: nothing to sort.
                let neighbours = adjacent.count == 1 ? adjacent : adjacent.sorted { position[$0] < position[$1] }
                let middle = Double(neighbours.count - 1) / 2
                for index in Int(middle.rounded(.down))...Int(middle.rounded(.up)) {
                    let neighbour = neighbours[index]
                    if align[item] == item, previousIndex < position[neighbour],
                        conflicts.isEmpty || !conflicts.contains(key(item, neighbour, count))
                    {
                        align[neighbour] = item
                        root[item] = root[neighbour]
                        align[item] = root[neighbour]
                        previousIndex = position[neighbour]
                    }
                }
            }
        }
        return (root, align)
    }

    /// Horizontal compaction: blocks are packed left as far as separation allows (longest path in
    /// the block graph), then pulled right towards their right neighbours where there is room.
    private static func compaction(
        _ graph: FlowLayeredGraph, layers: [[Int]], root: [Int], spacing: Spacing
    ) -> [Double] {
        let count = graph.items.count
        // The block graph's edges (left block → right block, with the separation), then as
        // compressed adjacency lists: one array each instead of an array per item.
        var edgeFrom: [Int] = []
        var edgeTo: [Int] = []
        var edgeWeight: [Double] = []
        var isBlock = Array(repeating: false, count: count)
        for layer in layers {
            for item in layer { isBlock[root[item]] = true }
            for (left, right) in zip(layer, layer.dropFirst()) {
                edgeFrom.append(root[left])
                edgeTo.append(root[right])
                edgeWeight.append(separation(graph, left, right, spacing))
            }
        }
        let outgoing = Adjacency(count: count, keys: edgeFrom)
        let incoming = Adjacency(count: count, keys: edgeTo)
        // Topological order of the block graph (Kahn); it is acyclic because alignments never cross.
        var remaining = (0..<count).map { incoming.start[$0 + 1] - incoming.start[$0] }
        var order = (0..<count).filter { isBlock[$0] && remaining[$0] == 0 }
        var head = 0
        while head < order.count {
            let block = order[head]
            head += 1
            for slot in outgoing.start[block]..<outgoing.start[block + 1] {
                let to = edgeTo[outgoing.edges[slot]]
                remaining[to] -= 1
                if remaining[to] == 0 { order.append(to) }
            }
        }
        var xs = Array(repeating: 0.0, count: count)
        guard order.count == isBlock.filter({ $0 }).count else {
            // Defensive: should the block graph ever have a cycle, pack each rank on its own.
            for layer in layers {
                for (left, right) in zip(layer, layer.dropFirst()) {
                    xs[right] = xs[left] + separation(graph, left, right, spacing)
                }
            }
            return xs
        }
        for block in order {
            var x = 0.0
            for slot in incoming.start[block]..<incoming.start[block + 1] {
                let edge = incoming.edges[slot]
                x = max(x, xs[edgeFrom[edge]] + edgeWeight[edge])
            }
            xs[block] = x
        }
        for block in order.reversed() {
            var limit = Double.infinity
            for slot in outgoing.start[block]..<outgoing.start[block + 1] {
                let edge = outgoing.edges[slot]
                limit = min(limit, xs[edgeTo[edge]] - edgeWeight[edge])
            }
            if limit.isFinite { xs[block] = max(xs[block], limit) }
        }
        return (0..<count).map { xs[root[$0]] }
    }

    /// Edges grouped by one end: the edges of node `n` are `edges[start[n]..<start[n + 1]]`, in
    /// their original order.
    private struct Adjacency {
        var start: [Int]
        var edges: [Int]

        init(count: Int, keys: [Int]) {
            var start = Array(repeating: 0, count: count + 1)
            for key in keys { start[key + 1] += 1 }
            for node in 0..<count { start[node + 1] += start[node] }
            var next = start
            var edges = Array(repeating: 0, count: keys.count)
            for (edge, key) in keys.enumerated() {
                edges[next[key]] = edge
                next[key] += 1
            }
            self.start = start
            self.edges = edges
        }
    }
}
