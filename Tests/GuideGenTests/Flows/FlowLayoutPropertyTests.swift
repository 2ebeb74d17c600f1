import Testing

@testable import GuideGen

/// Seeded random flows; every layout must satisfy the geometric promises of `FlowLayout`.
@Suite("Flow layout properties")
struct FlowLayoutPropertyTests {
    @Test func randomAcyclicFlowsLayOutCleanly() {
        var random = FlowSeededRandom(seed: 0x5EED_F10E)
        for round in 0..<250 {
            let diagram = FlowRandomDiagrams.make(&random, nodeCount: Int.random(in: 1...28, using: &random), cycles: false)
            let problems = FlowGeometryAudit.problems(diagram, FlowLayout.layout(diagram))
            #expect(problems == [], "round \(round): \(diagram)")
            if !problems.isEmpty { return }
        }
    }

    @Test func randomSmallCyclicFlowsLayOutCleanly() {
        var random = FlowSeededRandom(seed: 0xC1C1_E5)
        for round in 0..<250 {
            let diagram = FlowRandomDiagrams.make(&random, nodeCount: Int.random(in: 1...9, using: &random), cycles: true)
            let problems = FlowGeometryAudit.problems(diagram, FlowLayout.layout(diagram))
            #expect(problems == [], "round \(round): \(diagram)")
            if !problems.isEmpty { return }
        }
    }

    @Test(arguments: FlowDiagram.Direction.allCases)
    func crowdedNodesLayOutCleanly(direction: FlowDiagram.Direction) throws {
        // Several labelled self-loops on a decision, parallel edges, a wide fan-out and a long back edge.
        let diagram = try flowParseClean(
            """
            flowchart \(direction.rawValue)
            q{Is everything in order?} -->|again| q
            q -->|"once more, with a much longer label"| q
            q -.-> q
            q -->|a| a[First]
            q -->|b| b[Second]
            q -->|c| c[Third]
            q -->|d| d[Fourth]
            q -->|e| e[Fifth]
            a --> f([End])
            a --> f
            a -->|twice| f
            e --> f
            f -->|start over| q
            """)
        #expect(FlowGeometryAudit.problems(diagram, FlowLayout.layout(diagram)) == [])
    }

    @Test func twoHundredNodesLayOut() {
        var random = FlowSeededRandom(seed: 200)
        let diagram = FlowRandomDiagrams.make(&random, nodeCount: 200, cycles: true)
        let geometry = FlowLayout.layout(diagram)
        #expect(geometry.nodes.count == 200)
        #expect(geometry.edges.count == diagram.edges.count)
        #expect(geometry.edges.allSatisfy { !$0.points.isEmpty })
        #expect(FlowGeometryAudit.problems(diagram, geometry) == [])
    }
}

/// Generates flows with every shape, edge style, label length and script.
enum FlowRandomDiagrams {
    static let nodeLabels = [
        "OK", "?", "Check the parcel", "在订单页申请售后", "联系卖家协商并上传凭证照片，等待平台介入处理",
        "Within the 15 days after-sales window, apply for a return on the order page",
        "Within 15 天 window", "Wait", "退款", "Upload photos of the fault and the packaging",
    ]
    static let edgeLabels = ["是", "否", "Yes", "No", "More proof needed", "超过 15 天", "after the seller agrees to it"]

    static func make(_ random: inout FlowSeededRandom, nodeCount: Int, cycles: Bool) -> FlowDiagram {
        let direction = FlowDiagram.Direction.allCases.randomElement(using: &random)!
        var nodes: [FlowNode] = []
        for index in 0..<nodeCount {
            let shape = FlowNode.Shape.allCases.randomElement(using: &random)!
            let labelled = Int.random(in: 0..<10, using: &random) > 0
            nodes.append(
                FlowNode(
                    id: "n\(index)", shape: shape,
                    label: labelled ? nodeLabels.randomElement(using: &random)! : nil))
        }
        var pairs: [(Int, Int)] = []
        for index in 1..<max(nodeCount, 1) {
            pairs.append((Int.random(in: 0..<index, using: &random), index))
        }
        for _ in 0..<(nodeCount / 2) where nodeCount > 2 {
            let a = Int.random(in: 0..<(nodeCount - 1), using: &random)
            pairs.append((a, Int.random(in: (a + 1)..<nodeCount, using: &random)))
        }
        if cycles, nodeCount > 1 {
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let a = Int.random(in: 1..<nodeCount, using: &random)
                pairs.append((a, Int.random(in: 0..<a, using: &random)))
            }
            if Bool.random(using: &random) {
                let a = Int.random(in: 0..<nodeCount, using: &random)
                pairs.append((a, a))
            }
            if Bool.random(using: &random), let duplicate = pairs.randomElement(using: &random) {
                pairs.append(duplicate)
            }
        }
        let edges = pairs.map { pair in
            FlowEdge(
                from: "n\(pair.0)", to: "n\(pair.1)", style: FlowEdge.Style.allCases.randomElement(using: &random)!,
                label: Int.random(in: 0..<10, using: &random) < 4 ? edgeLabels.randomElement(using: &random)! : nil)
        }
        return FlowDiagram(direction: direction, nodes: nodes, edges: edges)
    }
}

/// Checks a geometry against the layout's promises and describes each violation.
enum FlowGeometryAudit {
    static func problems(_ diagram: FlowDiagram, _ geometry: FlowGeometry) -> [String] {
        var problems: [String] = []
        let bounds = FlowRect(x: 0, y: 0, width: geometry.width, height: geometry.height)
        let frames = geometry.nodes.map(\.frame)
        let index = Dictionary(uniqueKeysWithValues: geometry.nodes.enumerated().map { ($1.id, $0) })
        let measure = FlowTextMeasure()

        for (a, box) in geometry.nodes.enumerated() {
            if !contains(bounds, box.frame) { problems.append("node \(box.id) outside the viewBox") }
            for b in (a + 1)..<frames.count where shrunk(box.frame).overlaps(frames[b]) {
                problems.append("nodes \(box.id) and \(geometry.nodes[b].id) overlap")
            }
            if let widest = box.lines.map({ measure.width(of: $0) }).max(), widest > box.frame.width {
                problems.append("text of \(box.id) is wider than its box")
            }
        }

        let labels = geometry.edges.map(\.label?.frame)
        for (edgeIndex, route) in geometry.edges.enumerated() {
            let name = "edge \(edgeIndex) \(route.from)->\(route.to)"
            guard let from = index[route.from], let to = index[route.to] else { continue }
            if route.points.count < 2 { problems.append("\(name) has no route") }
            if let label = route.label?.frame {
                if !contains(bounds, label) { problems.append("label of \(name) outside the viewBox") }
                for (node, frame) in frames.enumerated() where shrunk(label).overlaps(frame) {
                    problems.append("label of \(name) overlaps node \(geometry.nodes[node].id)")
                }
                for other in (edgeIndex + 1)..<labels.count {
                    if let otherLabel = labels[other], shrunk(label).overlaps(otherLabel) {
                        problems.append("labels of \(name) and edge \(other) overlap")
                    }
                }
            }
            for point in route.points where !contains(bounds, FlowRect(x: point.x, y: point.y, width: 0, height: 0)) {
                problems.append("\(name) leaves the viewBox")
            }
            // Each segment's bounding box (which also holds its S-curve) must stay clear of the
            // nodes it does not connect and of other edges' labels; `overlaps` also catches a
            // zero-width box (a straight segment) running through a rectangle.
            for (p, q) in zip(route.points, route.points.dropFirst()) {
                let box = FlowRect(x: min(p.x, q.x), y: min(p.y, q.y), width: abs(p.x - q.x), height: abs(p.y - q.y))
                for (node, frame) in frames.enumerated() where node != from && node != to {
                    if shrunk(frame).overlaps(box) {
                        problems.append("\(name) passes through node \(geometry.nodes[node].id)")
                    }
                }
                for (other, label) in labels.enumerated() where other != edgeIndex {
                    if let label, shrunk(label).overlaps(box) {
                        problems.append("\(name) passes through the label of edge \(other)")
                    }
                }
            }
            // The route starts on its source and ends at its target (short of it by the arrowhead).
            if let first = route.points.first, !contains(grown(frames[from], 0.5), FlowRect(x: first.x, y: first.y, width: 0, height: 0)) {
                problems.append("\(name) does not start at its source")
            }
            let reach = route.style.hasArrow ? FlowRouter.arrowInset + 0.5 : 0.5
            if let last = route.points.last, !contains(grown(frames[to], reach), FlowRect(x: last.x, y: last.y, width: 0, height: 0)) {
                problems.append("\(name) does not end at its target")
            }
        }
        return Array(Set(problems)).sorted()
    }

    /// A rectangle a hair smaller, so that touching boxes do not count as overlapping.
    static func shrunk(_ rect: FlowRect) -> FlowRect {
        FlowRect(x: rect.x + 0.01, y: rect.y + 0.01, width: rect.width - 0.02, height: rect.height - 0.02)
    }

    static func grown(_ rect: FlowRect, _ by: Double) -> FlowRect {
        FlowRect(x: rect.x - by, y: rect.y - by, width: rect.width + 2 * by, height: rect.height + 2 * by)
    }

    static func contains(_ outer: FlowRect, _ inner: FlowRect) -> Bool {
        inner.x >= outer.x - 0.001 && inner.y >= outer.y - 0.001 && inner.maxX <= outer.maxX + 0.001
            && inner.maxY <= outer.maxY + 0.001
    }
}
