/// Lays a flow out with a layered (Sugiyama) layout, as Graphviz dot and dagre do: break cycles by
/// reversing back edges, rank the nodes, insert edge points on every rank an edge crosses, reduce
/// crossings, assign coordinates (Brandes–Köpf), then route edges through their points.
///
/// Every edge spans at least two ranks: the rank in between holds its label box as a layout item,
/// so labels never overlap nodes or each other. The layout is computed as `TD` (or `LR`, with the
/// axes swapped) and mirrored for `BT` and `RL`. Everything is a function of the diagram and the
/// measure: no hashing order, no clock.
public struct FlowLayout: Sendable {
    /// Space around the drawing inside the viewBox, px (room for strokes).
    static let margin = 8.0
    /// Space between a node's band and the next band, px; twice this separates two rows of nodes.
    static let rankGap = 26.0
    /// A gap that an edge crosses far sideways grows to this share of the sideways run, so a fan of
    /// edges out of one node spreads at visibly different angles instead of running almost flat,
    /// a pixel apart, through the same 26 px.
    static let sidewaysGapShare = 0.14
    /// The most a gap grows to for sideways runs, px.
    static let maximumRankGap = 120.0
    /// Space between edge points and label boxes along a rank, px.
    static let edgeSeparation = 14.0
    /// Padding between an edge label's text and its background box, px.
    static let labelPaddingX = 6.0
    /// Padding above and below an edge label's text, px.
    static let labelPaddingY = 3.0

    /// Computes node boxes, wrapped text, edge routes and label boxes for `diagram`.
    public static func layout(_ diagram: FlowDiagram, measure: FlowTextMeasure = .init()) -> FlowGeometry {
        let horizontal = diagram.direction.isHorizontal
        let nodeSeparation = horizontal ? 24.0 : 40.0
        let nodeCount = diagram.nodes.count

        // Text and sizes.
        // Labels as shown: entity codes decoded, markdown strings' markers out (`FlowLabelText`).
        let nodeTexts = diagram.nodes.map { FlowLabelText($0.label) }
        let nodeLines = zip(diagram.nodes, nodeTexts).map {
            FlowShapeMetrics.lines(for: $0.shape, label: $1, measure: measure)
        }
        var nodeSizes = zip(diagram.nodes, nodeLines).map {
            FlowShapeMetrics.size(of: $0.shape, lines: $1, measure: measure)
        }
        let endpoints = diagram.edgeEndpoints()
        // A circle or decision meets its arrows near its tip (FlowRouter's ports, within 0.7 of its half
        // width): one with many arrows on a side grows until they land an arrowhead's width apart.
        var arrowsIn = [Int](repeating: 0, count: nodeCount)
        var arrowsOut = arrowsIn
        for case let (from, to)? in endpoints where from != to {
            arrowsOut[from] += 1
            arrowsIn[to] += 1
        }
        for node in 0..<nodeCount where diagram.nodes[node].shape == .circle || diagram.nodes[node].shape == .diamond {
            let most = max(arrowsIn[node], arrowsOut[node])
            guard most >= 3 else { continue }
            let across = Double(most - 1) * FlowRouter.minimumPortStep / FlowRouter.pointedPortReach
            var (width, height) = nodeSizes[node]
            if diagram.nodes[node].shape == .circle {
                width = max(width, across)
                height = width
            } else if horizontal {
                height = max(height, across)
                width = 2 * height
            } else {
                width = max(width, across)
                height = width / 2
            }
            nodeSizes[node] = (width, height)
        }
        let edgeTexts = diagram.edges.map { $0.label.map(FlowLabelText.init) }
        let edgeLines: [[String]] = edgeTexts.map { text in
            guard let text else { return [] }
            return text.segments.flatMap { measure.wrap($0, maxWidth: measure.maxEdgeLabelWidth) }
        }
        let labelSizes: [(width: Double, height: Double)?] = edgeLines.map { lines in
            guard !lines.isEmpty else { return nil }
            let width = lines.map { measure.width(of: $0) }.max()! + 2 * labelPaddingX
            return (width, Double(lines.count) * measure.lineHeight + 2 * labelPaddingY)
        }
        func logical(_ size: (width: Double, height: Double)) -> (cross: Double, depth: Double) {
            horizontal ? (size.height, size.width) : (size.width, size.height)
        }

        // Ranks.
        let layered = diagram.edges.indices.filter { endpoints[$0] != nil && endpoints[$0]!.from != endpoints[$0]!.to }
        let ranking = FlowRanker.rank(nodeCount: nodeCount, edges: layered.map { endpoints[$0]! })

        // The layered graph: nodes, then each edge's points.
        var graph = FlowLayeredGraph()
        for node in 0..<nodeCount {
            let size = logical(nodeSizes[node])
            _ = graph.add(.init(kind: .node(node), rank: ranking.ranks[node], cross: size.cross, depth: size.depth))
        }
        var chains = Array(repeating: [Int](), count: diagram.edges.count)
        var reversed = Array(repeating: false, count: diagram.edges.count)
        for (position, edge) in layered.enumerated() {
            let (from, to) = endpoints[edge]!
            reversed[edge] = ranking.reversed[position]
            let (upper, lower) = reversed[edge] ? (to, from) : (from, to)
            let upperRank = ranking.ranks[upper]
            let lowerRank = ranking.ranks[lower]
            // The label sits next to the edge's own source: just below it, or just above it for a
            // reversed edge.
            let labelRank = labelSizes[edge] == nil ? nil : (reversed[edge] ? lowerRank - 1 : upperRank + 1)
            var chain = [upper]
            for rank in (upperRank + 1)..<lowerRank {
                let item: Int
                if rank == labelRank, let size = labelSizes[edge] {
                    let size = logical(size)
                    item = graph.add(.init(kind: .label(edge), rank: rank, cross: size.cross, depth: size.depth))
                } else {
                    item = graph.add(.init(kind: .edge(edge), rank: rank, cross: 0, depth: 0))
                }
                graph.connect(chain[chain.count - 1], item)
                chain.append(item)
            }
            graph.connect(chain[chain.count - 1], lower)
            chain.append(lower)
            chains[edge] = chain
        }

        // Order, then reserve room for self-loops right of their nodes.
        var layers = FlowOrderer.order(graph)
        var loopEdges = Array(repeating: [Int](), count: nodeCount)
        for edge in diagram.edges.indices {
            if let ends = endpoints[edge], ends.from == ends.to { loopEdges[ends.from].append(edge) }
        }
        for node in 0..<nodeCount where !loopEdges[node].isEmpty {
            let room = FlowRouter.loopRoom(
                labels: loopEdges[node].map { labelSizes[$0].map(logical) },
                gap: (nodeSeparation + edgeSeparation) / 2)
            let rank = ranking.ranks[node]
            let item = graph.add(.init(kind: .loop(node), rank: rank, cross: room.cross, depth: room.depth))
            let slot = layers[rank].firstIndex(of: node)!
            layers[rank].insert(item, at: slot + 1)
        }

        // Coordinates along the ranks, then the bands across them.
        let cross = FlowPositioner.place(
            graph, layers: layers,
            spacing: .init(nodeSeparation: nodeSeparation, edgeSeparation: edgeSeparation))
        var rankDepth = Array(repeating: 0.0, count: layers.count)
        for item in graph.items { rankDepth[item.rank] = max(rankDepth[item.rank], item.depth) }
        var gapAbove = Array(repeating: rankGap, count: layers.count)
        for (from, successors) in graph.successors.enumerated() {
            for to in successors {
                let grown = min(abs(cross[to] - cross[from]) * sidewaysGapShare, maximumRankGap)
                gapAbove[graph.items[to].rank] = max(gapAbove[graph.items[to].rank], grown)
            }
        }
        var rankCenter = Array(repeating: 0.0, count: layers.count)
        for rank in layers.indices {
            rankCenter[rank] =
                rank == 0
                ? rankDepth[0] / 2
                : rankCenter[rank - 1] + rankDepth[rank - 1] / 2 + gapAbove[rank] + rankDepth[rank] / 2
        }
        let extent = (rankCenter.last ?? 0) + (rankDepth.last ?? 0) / 2

        // Logical to physical: swap axes for LR/RL, mirror for BT/RL.
        let mirrored = diagram.direction.isMirrored
        func physical(_ point: FlowPoint) -> FlowPoint {
            let along = mirrored ? extent - point.y : point.y
            return horizontal ? FlowPoint(x: along, y: point.x) : FlowPoint(x: point.x, y: along)
        }

        var nodeFrames = (0..<nodeCount).map { node in
            FlowRect(
                center: physical(FlowPoint(x: cross[node], y: rankCenter[ranking.ranks[node]])),
                width: nodeSizes[node].width, height: nodeSizes[node].height)
        }
        var labelFrames = Array(repeating: FlowRect?.none, count: diagram.edges.count)
        for (item, entry) in graph.items.enumerated() {
            guard case .label(let edge) = entry.kind, let size = labelSizes[edge] else { continue }
            labelFrames[edge] = FlowRect(
                center: physical(FlowPoint(x: cross[item], y: rankCenter[entry.rank])),
                width: size.width, height: size.height)
        }

        let router = FlowRouter(
            graph: graph, cross: cross, rankCenter: rankCenter, rankDepth: rankDepth,
            shapes: (0..<nodeCount).map { (diagram.nodes[$0].shape, nodeSizes[$0].width, nodeSizes[$0].height) },
            horizontal: horizontal)
        var routes = Array(repeating: [FlowPoint](), count: diagram.edges.count)
        var rounded = Array(repeating: false, count: diagram.edges.count)
        for edge in layered {
            routes[edge] = router.route(
                chain: chains[edge], reversed: reversed[edge], arrow: diagram.edges[edge].style.hasArrow
            ).map(physical)
        }
        for node in 0..<nodeCount where !loopEdges[node].isEmpty {
            let loops = router.loops(
                nodeItem: node, node: node, labels: loopEdges[node].map { labelSizes[$0].map(logical) },
                arrows: loopEdges[node].map { diagram.edges[$0].style.hasArrow })
            for (edge, loop) in zip(loopEdges[node], loops) {
                routes[edge] = loop.points.map(physical)
                rounded[edge] = true
                if let center = loop.labelCenter, let size = labelSizes[edge] {
                    labelFrames[edge] = FlowRect(center: physical(center), width: size.width, height: size.height)
                }
            }
        }

        // Shift everything so the drawing starts at the margin.
        var minX = Double.infinity
        var minY = Double.infinity
        var maxX = -Double.infinity
        var maxY = -Double.infinity
        func include(_ rect: FlowRect) {
            minX = min(minX, rect.x)
            minY = min(minY, rect.y)
            maxX = max(maxX, rect.maxX)
            maxY = max(maxY, rect.maxY)
        }
        nodeFrames.forEach(include)
        labelFrames.compactMap { $0 }.forEach(include)
        for route in routes {
            for point in route { include(FlowRect(x: point.x, y: point.y, width: 0, height: 0)) }
        }
        guard minX.isFinite else {
            return FlowGeometry(
                width: 2 * margin, height: 2 * margin, direction: diagram.direction, fontSize: measure.fontSize,
                lineHeight: measure.lineHeight, nodes: [], edges: [])
        }
        let dx = margin - minX
        let dy = margin - minY
        nodeFrames = nodeFrames.map { $0.offsetBy(dx: dx, dy: dy) }
        labelFrames = labelFrames.map { $0?.offsetBy(dx: dx, dy: dy) }
        routes = routes.map { $0.map { FlowPoint(x: $0.x + dx, y: $0.y + dy) } }

        let nodes = diagram.nodes.indices.map {
            FlowGeometry.NodeBox(
                id: diagram.nodes[$0].id, shape: diagram.nodes[$0].shape, frame: nodeFrames[$0], lines: nodeLines[$0],
                runs: nodeTexts[$0].runs(for: nodeLines[$0]))
        }
        let edges = diagram.edges.indices.map { edge in
            FlowGeometry.EdgeRoute(
                from: diagram.edges[edge].from, to: diagram.edges[edge].to, style: diagram.edges[edge].style,
                points: routes[edge],
                path: rounded[edge]
                    ? roundedPath(routes[edge]) : smoothPath(routes[edge], horizontal: horizontal),
                label: labelFrames[edge].map {
                    FlowGeometry.LabelBox(
                        frame: $0, lines: edgeLines[edge], runs: edgeTexts[edge]?.runs(for: edgeLines[edge]))
                })
        }
        return FlowGeometry(
            width: maxX - minX + 2 * margin, height: maxY - minY + 2 * margin, direction: diagram.direction,
            fontSize: measure.fontSize, lineHeight: measure.lineHeight, nodes: nodes, edges: edges)
    }

    /// Path data for a route: straight where it runs along the rank axis, an S-curve (tangent to the
    /// rank axis at both ends) where it moves sideways between bands.
    static func smoothPath(_ points: [FlowPoint], horizontal: Bool) -> String {
        guard let first = points.first else { return "" }
        var path = FlowWriter(capacity: 24 * points.count)
        path.append("M")
        path.point(first)
        for (from, to) in zip(points, points.dropFirst()) {
            let sideways = horizontal ? abs(from.y - to.y) : abs(from.x - to.x)
            if sideways < 0.001 {
                path.append("L")
                path.point(to)
            } else if horizontal {
                let middle = (from.x + to.x) / 2
                path.append("C")
                path.point(FlowPoint(x: middle, y: from.y))
                path.append(" ")
                path.point(FlowPoint(x: middle, y: to.y))
                path.append(" ")
                path.point(to)
            } else {
                let middle = (from.y + to.y) / 2
                path.append("C")
                path.point(FlowPoint(x: from.x, y: middle))
                path.append(" ")
                path.point(FlowPoint(x: to.x, y: middle))
                path.append(" ")
                path.point(to)
            }
        }
        return path.string
    }

    /// Path data for a polyline with rounded corners (self-loops).
    static func roundedPath(_ points: [FlowPoint], radius: Double = 6) -> String {
        guard let first = points.first else { return "" }
        var path = FlowWriter(capacity: 40 * points.count)
        path.append("M")
        path.point(first)
        guard points.count > 2 else {
            if points.count == 2 {
                path.append("L")
                path.point(points[1])
            }
            return path.string
        }
        for index in 1..<(points.count - 1) {
            let corner = points[index]
            let before = points[index - 1]
            let after = points[index + 1]
            let inLength = distance(before, corner)
            let outLength = distance(corner, after)
            let r = min(radius, inLength / 2, outLength / 2)
            guard r > 0.001 else {
                path.append("L")
                path.point(corner)
                continue
            }
            let entry = FlowPoint(
                x: corner.x - (corner.x - before.x) / inLength * r, y: corner.y - (corner.y - before.y) / inLength * r)
            let exit = FlowPoint(
                x: corner.x + (after.x - corner.x) / outLength * r, y: corner.y + (after.y - corner.y) / outLength * r)
            path.append("L")
            path.point(entry)
            path.append("Q")
            path.point(corner)
            path.append(" ")
            path.point(exit)
        }
        path.append("L")
        path.point(points[points.count - 1])
        return path.string
    }

    private static func distance(_ a: FlowPoint, _ b: FlowPoint) -> Double {
        ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
    }
}
