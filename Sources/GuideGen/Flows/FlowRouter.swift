/// Routes edges through the placed layered graph, in logical coordinates (`x` along the ranks,
/// `y` across them, ranks growing downwards).
///
/// Inside a rank's band a route runs straight along the rank axis, through its edge points; it only
/// moves sideways in the free gap between two bands (drawn there as an S-curve). Since the items of
/// a band never overlap along the band, a route can never cross a node or a label box it does not
/// belong to. Edges leave the bottom of their source and enter the top of their target (in layered
/// order), at ports spread along that side in the order of the neighbouring points, so that edges do
/// not cross at a node.
/// A class: routes are asked for one edge at a time, and copying the arrays of a struct for each
/// call (retains and releases) was a large part of routing.
final class FlowRouter {
    /// Distance the last point stops short of the target boundary so that the arrowhead's tip,
    /// not the line's end, touches it (the marker's `refX` matches).
    static let arrowInset = 4.0
    /// Ports of one side this far apart keep their arrowheads (8 px wide) and thick strokes apart, px.
    static let minimumPortStep = 11.0
    /// How far from a circle's or decision's tip ports may go, as a share of its half width.
    static let pointedPortReach = 0.7
    /// Distance between nested self-loops, px.
    static let loopStep = 12.0
    /// Space between the outermost self-loop and its labels, px.
    static let loopLabelGap = 6.0

    let graph: FlowLayeredGraph
    /// Center of each item along its rank.
    let cross: [Double]
    /// Center of each rank's band across the ranks.
    let rankCenter: [Double]
    /// Depth of each rank's band.
    let rankDepth: [Double]
    /// Shape and physical size of each diagram node.
    let shapes: [(shape: FlowNode.Shape, width: Double, height: Double)]
    /// Whether ranks advance horizontally, i.e. logical `x` is physical `y`.
    let horizontal: Bool

    private var outPort: [Double] = []
    private var inPort: [Double] = []

    init(
        graph: FlowLayeredGraph, cross: [Double], rankCenter: [Double], rankDepth: [Double],
        shapes: [(shape: FlowNode.Shape, width: Double, height: Double)], horizontal: Bool
    ) {
        self.graph = graph
        self.cross = cross
        self.rankCenter = rankCenter
        self.rankDepth = rankDepth
        self.shapes = shapes
        self.horizontal = horizontal
        outPort = Array(repeating: 0, count: graph.items.count)
        inPort = Array(repeating: 0, count: graph.items.count)
        for item in graph.items.indices {
            guard case .node(let node) = graph.items[item].kind else { continue }
            assignPorts(item, node: node, neighbours: graph.successors[item], to: &outPort)
            assignPorts(item, node: node, neighbours: graph.predecessors[item], to: &inPort)
        }
    }

    // MARK: Node geometry in logical coordinates

    private func crossHalf(_ node: Int) -> Double {
        (horizontal ? shapes[node].height : shapes[node].width) / 2
    }

    private func depthHalf(_ node: Int) -> Double {
        (horizontal ? shapes[node].width : shapes[node].height) / 2
    }

    /// Distance from the node's center to its boundary across the ranks, at `offset` along the rank.
    private func depthExtent(_ node: Int, at offset: Double) -> Double {
        let (shape, width, height) = shapes[node]
        return horizontal
            ? FlowShapeMetrics.halfWidth(of: shape, width: width, height: height, atY: offset)
            : FlowShapeMetrics.halfHeight(of: shape, width: width, height: height, atX: offset)
    }

    /// Distance from the node's center to its boundary along the rank, at `offset` across it.
    private func crossExtent(_ node: Int, at offset: Double) -> Double {
        let (shape, width, height) = shapes[node]
        return horizontal
            ? FlowShapeMetrics.halfHeight(of: shape, width: width, height: height, atX: offset)
            : FlowShapeMetrics.halfWidth(of: shape, width: width, height: height, atY: offset)
    }

    private func top(_ rank: Int) -> Double { rankCenter[rank] - rankDepth[rank] / 2 }
    private func bottom(_ rank: Int) -> Double { rankCenter[rank] + rankDepth[rank] / 2 }

    /// Port offsets (from the node's center, along the rank) for the edges to `neighbours`, stored
    /// at each neighbour's index in `ports`.
    private func assignPorts(_ item: Int, node: Int, neighbours: [Int], to ports: inout [Double]) {
        guard !neighbours.isEmpty else { return }
        let pointed = shapes[node].shape == .diamond || shapes[node].shape == .circle
        let half = crossHalf(node)
        // Keep ports away from corners; diamonds and circles keep them near the tip, but spread them down
        // the sides rather than closer than an arrowhead's width (three arrows into `((End))` fused).
        let spread = Self.minimumPortStep * Double(neighbours.count - 1) / 2
        let usable = pointed ? min(max(half * 0.3, spread), half * Self.pointedPortReach) : max(half - 12, half * 0.5)
        if neighbours.count == 1 {
            let only = neighbours[0]
            ports[only] = pointed ? 0 : min(max(cross[only] - cross[item], -usable), usable)
            return
        }
        let sorted = neighbours.sorted { (cross[$0], $0) < (cross[$1], $1) }
        let step = min(16, 2 * usable / Double(sorted.count - 1))
        let middle = Double(sorted.count - 1) / 2
        for (offset, neighbour) in sorted.enumerated() { ports[neighbour] = (Double(offset) - middle) * step }
    }

    // MARK: Routes

    /// The polyline of an edge along its chain of items (layered source first), returned in drawing
    /// order: reversed for an edge that was reversed to break a cycle.
    func route(chain: [Int], reversed: Bool, arrow: Bool) -> [FlowPoint] {
        guard chain.count >= 3, case .node(let source) = graph.items[chain[0]].kind,
            case .node(let target) = graph.items[chain[chain.count - 1]].kind
        else { return [] }
        var points: [FlowPoint] = []
        func add(_ point: FlowPoint) {
            if let last = points.last, abs(last.x - point.x) < 0.001, abs(last.y - point.y) < 0.001 { return }
            points.append(point)
        }
        let sourceItem = chain[0]
        let sourceRank = graph.items[sourceItem].rank
        let startOffset = outPort[chain[1]]
        let startX = cross[sourceItem] + startOffset
        add(FlowPoint(x: startX, y: rankCenter[sourceRank] + depthExtent(source, at: startOffset)))
        add(FlowPoint(x: startX, y: bottom(sourceRank)))
        for item in chain[1..<(chain.count - 1)] {
            let rank = graph.items[item].rank
            add(FlowPoint(x: cross[item], y: top(rank)))
            add(FlowPoint(x: cross[item], y: bottom(rank)))
        }
        let targetItem = chain[chain.count - 1]
        let targetRank = graph.items[targetItem].rank
        let endOffset = inPort[chain[chain.count - 2]]
        let endX = cross[targetItem] + endOffset
        let endY = rankCenter[targetRank] - depthExtent(target, at: endOffset)
        if endY - top(targetRank) > 0.001 { add(FlowPoint(x: endX, y: top(targetRank))) }
        add(FlowPoint(x: endX, y: endY))

        if reversed { points.reverse() }
        points = Self.removeCollinear(points)
        if arrow { Self.insetEnd(&points) }
        return points
    }

    /// Drops middle points of straight runs along the rank axis.
    private static func removeCollinear(_ points: [FlowPoint]) -> [FlowPoint] {
        guard points.count > 2 else { return points }
        var result = [points[0]]
        for index in 1..<(points.count - 1) {
            let previous = result[result.count - 1]
            let point = points[index]
            let next = points[index + 1]
            if abs(previous.x - point.x) < 0.001, abs(point.x - next.x) < 0.001 { continue }
            result.append(point)
        }
        result.append(points[points.count - 1])
        return result
    }

    /// Moves the last point back along the rank axis by the arrowhead inset. The last stretch always
    /// runs along the rank axis (a straight stub, or the end of an S-curve whose tangent is that
    /// axis); a stub shorter than the inset is dropped so the curve ends in the gap instead.
    private static func insetEnd(_ points: inout [FlowPoint]) {
        guard points.count >= 2 else { return }
        var last = points.removeLast()
        if points.count >= 2, abs(points[points.count - 1].x - last.x) < 0.001,
            abs(points[points.count - 1].y - last.y) <= arrowInset + 0.5
        {
            points.removeLast()
        }
        let previous = points[points.count - 1]
        last.y += previous.y > last.y ? arrowInset : -arrowInset
        points.append(last)
    }

    /// Self-loops of one node, nested on its right (in logical terms), with their label centers
    /// stacked right of the outermost loop. `labels` holds each loop's label size (along, across
    /// the ranks) or nil.
    func loops(
        nodeItem: Int, node: Int, labels: [(cross: Double, depth: Double)?], arrows: [Bool]
    ) -> [(points: [FlowPoint], labelCenter: FlowPoint?)] {
        let count = labels.count
        let centerX = cross[nodeItem]
        let centerY = rankCenter[graph.items[nodeItem].rank]
        let right = centerX + crossHalf(node)
        let pointed = shapes[node].shape == .diamond || shapes[node].shape == .circle
        let reach = depthHalf(node) * (pointed ? 0.5 : 1)
        let labelsLeft = right + Self.loopStep * Double(count) + Self.loopLabelGap
        let labelled = labels.compactMap { $0 }
        var labelY = centerY - (labelled.reduce(0) { $0 + $1.depth } + 4 * Double(max(labelled.count - 1, 0))) / 2
        var result: [(points: [FlowPoint], labelCenter: FlowPoint?)] = []
        for index in 0..<count {
            let offset = reach * (0.3 + 0.5 * Double(index + 1) / Double(count))
            let attach = centerX + crossExtent(node, at: offset)
            let outer = right + Self.loopStep * Double(index + 1)
            var points = [
                FlowPoint(x: attach, y: centerY - offset), FlowPoint(x: outer, y: centerY - offset),
                FlowPoint(x: outer, y: centerY + offset), FlowPoint(x: attach, y: centerY + offset),
            ]
            if arrows[index] { points[3].x += Self.arrowInset }
            var labelCenter: FlowPoint?
            if let label = labels[index] {
                labelCenter = FlowPoint(x: labelsLeft + label.cross / 2, y: labelY + label.depth / 2)
                labelY += label.depth + 4
            }
            result.append((points, labelCenter))
        }
        return result
    }

    /// Room a node's self-loops need right of it, beyond `gap` (the space separation already
    /// leaves): returns the loop item's size along and across the rank.
    static func loopRoom(labels: [(cross: Double, depth: Double)?], gap: Double) -> (cross: Double, depth: Double) {
        let labelled = labels.compactMap { $0 }
        let widest = labelled.map(\.cross).max() ?? 0
        let cross = max(2, loopStep * Double(labels.count) + loopLabelGap + widest - gap)
        let depth = labelled.reduce(0) { $0 + $1.depth } + 4 * Double(max(labelled.count - 1, 0))
        return (cross, depth)
    }
}
