import Testing

@testable import GuideGen

@Suite("Flow layout")
struct FlowLayoutTests {
    private func golden(_ name: String) throws -> FlowDiagram {
        try #require(FlowGoldenCase.all.first { $0.name == name }?.diagram())
    }

    private func node(_ geometry: FlowGeometry, _ id: String) throws -> FlowRect {
        try #require(geometry.nodes.first { $0.id == id }).frame
    }

    @Test func linearFlowIsAStraightColumn() throws {
        let geometry = FlowLayout.layout(try golden("linear-td"))
        let centers = geometry.nodes.map(\.frame.center)
        #expect(Set(centers.map(\.x)).count == 1)
        #expect(zip(centers, centers.dropFirst()).allSatisfy { $0.y < $1.y })
        for route in geometry.edges {
            #expect(route.points.count == 2)
            #expect(route.points.allSatisfy { $0.x == centers[0].x })
        }
        #expect(geometry.nodes.map(\.lines) == [["签收商品"], ["当面检查外包装"], ["拍照留存"], ["完成"]])
    }

    @Test func rankDirectionFollowsTheHeader() throws {
        let source = "a[First step] --> b[Second] --> c[Third and last step]"
        for (header, axis, increasing) in [
            ("flowchart TD", \FlowPoint.y, true), ("flowchart BT", \FlowPoint.y, false),
            ("flowchart LR", \FlowPoint.x, true), ("flowchart RL", \FlowPoint.x, false),
        ] {
            let geometry = FlowLayout.layout(try flowParseClean(header + "\n" + source))
            let positions = geometry.nodes.map { $0.frame.center[keyPath: axis] }
            #expect(positions == (increasing ? positions.sorted() : positions.sorted().reversed()), "\(header)")
        }
    }

    @Test func mirroredDirectionsMirrorTheLayout() throws {
        let body = try golden("merging")
        for (plain, mirrored) in [
            (FlowDiagram.Direction.topToBottom, FlowDiagram.Direction.bottomToTop),
            (.leftToRight, .rightToLeft),
        ] {
            var diagram = body
            diagram.direction = plain
            let a = FlowLayout.layout(diagram)
            diagram.direction = mirrored
            let b = FlowLayout.layout(diagram)
            #expect(abs(a.width - b.width) < 1e-9 && abs(a.height - b.height) < 1e-9)
            for (boxA, boxB) in zip(a.nodes, b.nodes) {
                let expected =
                    plain == .topToBottom
                    ? FlowRect(x: boxA.frame.x, y: a.height - boxA.frame.maxY, width: boxA.frame.width, height: boxA.frame.height)
                    : FlowRect(x: a.width - boxA.frame.maxX, y: boxA.frame.y, width: boxA.frame.width, height: boxA.frame.height)
                #expect(abs(expected.x - boxB.frame.x) < 1e-9 && abs(expected.y - boxB.frame.y) < 1e-9, "\(boxA.id)")
            }
        }
    }

    @Test func decisionBranchesKeepTheirWrittenOrderAndLabelsSitBelowTheDecision() throws {
        let geometry = FlowLayout.layout(try golden("branching-en"))
        let decision = try node(geometry, "inwindow")
        let yes = try #require(geometry.edges[1].label)
        let no = try #require(geometry.edges[2].label)
        #expect(yes.lines == ["Yes"])
        #expect(no.lines == ["No"])
        #expect(yes.frame.maxX < no.frame.x)
        #expect(try node(geometry, "apply").maxX < node(geometry, "seller").x)
        for label in [yes, no] {
            #expect(label.frame.y > decision.maxY)
            #expect(label.frame.maxY < (try node(geometry, "apply").y))
        }
    }

    /// Arrows into a circle or a decision meet near its tip, but never closer than an arrowhead is wide:
    /// three branches into `((End))` ended 6.9 px apart and their 8 px arrowheads fused into one.
    @Test func arrowsIntoAPointedShapeKeepApart() throws {
        for (source, target, horizontal) in [
            ("flowchart TD\na[Refund] --> e((End))\nb[Return] --> e\nc[Replace] --> e", "e", false),
            ("flowchart TD\na[A] --> d{OK?}\nb[B] --> d\nc[C] --> d\nd -->|yes| x[X]\nd -->|no| y[Y]", "d", false),
            ("flowchart LR\na{OK?} ==>|Yes| b[Refund]\na ==>|No| c[Return]\na ==>|Maybe| d[Wait]\nd --> a", "a", true),
            // Many arrows: the shape grows to keep them apart.
            ("flowchart TD\n" + (1...8).map { "n\($0)[Step \($0)] --> e((End))" }.joined(separator: "\n"), "e", false),
            ("flowchart LR\nq{Which?}\n" + (1...6).map { "q -->|p\($0)| n\($0)[Platform \($0)]" }.joined(separator: "\n"), "q", true),
        ] {
            let geometry = FlowLayout.layout(try flowParseClean(source))
            let frame = try node(geometry, target)
            // Where each edge touches the node across the rank axis, per side (arrows in above, out below).
            var touches: [Bool: [Double]] = [:]
            for edge in geometry.edges where edge.from == target || edge.to == target {
                let end = try #require(edge.to == target ? edge.points.last : edge.points.first)
                let incoming = horizontal ? end.x < frame.center.x : end.y < frame.center.y
                touches[incoming, default: []].append(horizontal ? end.y : end.x)
                let slack = FlowRouter.arrowInset + 0.5
                #expect(
                    end.x >= frame.x - slack && end.x <= frame.maxX + slack && end.y >= frame.y - slack && end.y <= frame.maxY + slack,
                    "\(source): \(end) is off \(target)")
            }
            #expect(touches.values.contains { $0.count >= 3 })
            for side in touches.values {
                let sorted = side.sorted()
                for (a, b) in zip(sorted, sorted.dropFirst()) {
                    #expect(b - a >= FlowRouter.minimumPortStep - 0.001, "\(source): ports \(sorted)")
                }
            }
        }
    }

    /// A fan of branches out of one decision spreads at visibly different angles: in a fixed 26 px gap
    /// eight S-curves ran almost flat, a pixel or two apart, and read as one band.
    @Test func aWideFanOutGetsRoomToSpread() throws {
        for header in ["flowchart TD", "flowchart LR"] {
            let branches = (1...8).map { "q -->|Platform \($0)| n\($0)[Open the platform \($0) order page and apply]" }
            let geometry = FlowLayout.layout(try flowParseClean(([header, "q{Which platform?}"] + branches).joined(separator: "\n")))
            let horizontal = header.hasSuffix("LR")
            var widest = 0.0
            for edge in geometry.edges where edge.from == "q" {
                // The sideways run: from the end of the stub under the decision to the next point.
                let points = edge.points
                for (from, to) in zip(points, points.dropFirst()) {
                    let across = horizontal ? abs(to.y - from.y) : abs(to.x - from.x)
                    let along = horizontal ? abs(to.x - from.x) : abs(to.y - from.y)
                    guard across > 1 else { continue }
                    widest = max(widest, across)
                    #expect(along >= across * 0.13, "\(header): a run of \(across) px sideways in \(along) px")
                }
            }
            #expect(widest > 220, "\(header): the fan is wide enough to test")
        }
    }

    @Test func backEdgesRunFromTheLaterStepBackUp() throws {
        let geometry = FlowLayout.layout(try golden("cycle"))
        let route = try #require(geometry.edges.first { $0.from == "more" && $0.to == "upload" })
        let more = try node(geometry, "more")
        let upload = try node(geometry, "upload")
        let first = try #require(route.points.first)
        let last = try #require(route.points.last)
        #expect(upload.maxY < more.y)
        #expect(abs(first.y - more.y) < 1e-9)
        #expect(abs(last.y - (upload.maxY + FlowRouter.arrowInset)) < 1e-9)
        #expect(first.x > more.x && first.x < more.maxX && last.x > upload.x && last.x < upload.maxX)
    }

    @Test func selfLoopsHugTheRightSideWithTheirLabelBeyond() throws {
        let diagram = try flowParseClean("flowchart TD\nwait[Wait for the courier] -->|not yet| wait\nwait --> done([Done])")
        let geometry = FlowLayout.layout(diagram)
        let wait = try node(geometry, "wait")
        let loop = geometry.edges[0]
        #expect(loop.points.count == 4)
        #expect(abs(loop.points[0].x - wait.maxX) < 1e-9)
        #expect(abs(loop.points[3].x - (wait.maxX + FlowRouter.arrowInset)) < 1e-9)
        #expect(loop.points[1].x > wait.maxX && loop.points[1].y > wait.y && loop.points[2].y < wait.maxY)
        let label = try #require(loop.label)
        #expect(label.frame.x > loop.points[1].x)
        #expect(loop.path.hasPrefix("M") && loop.path.contains("Q"))
    }

    @Test func layoutIsDeterministic() throws {
        for golden in FlowGoldenCase.all {
            let diagram = try #require(golden.diagram())
            #expect(FlowLayout.layout(diagram) == FlowLayout.layout(diagram))
        }
    }

    @Test func emptyDiagramGivesAnEmptyGeometry() {
        #expect(
            FlowLayout.layout(FlowDiagram())
                == FlowGeometry(
                    width: 16, height: 16, direction: .topToBottom, fontSize: 14, lineHeight: 19.6, nodes: [], edges: []))
    }

    @Test func edgesToUnknownNodesGetNoRoute() {
        let diagram = FlowDiagram(nodes: [FlowNode(id: "a", label: "A")], edges: [FlowEdge(from: "a", to: "ghost")])
        let geometry = FlowLayout.layout(diagram)
        #expect(geometry.edges == [FlowGeometry.EdgeRoute(from: "a", to: "ghost", style: .solid, points: [], path: "", label: nil)])
        #expect(geometry.nodes.count == 1)
    }

    @Test func decisionsAreSizedToTheirWrappedText() throws {
        let diagram = try golden("long-cjk")
        let geometry = FlowLayout.layout(diagram)
        let check = try #require(geometry.nodes.first { $0.id == "check" })
        #expect(check.lines == ["是否能够提供购物发", "票、保修卡以及完整的", "订单截图作为凭证？"])
        // The text box's corners lie inside the diamond: |dx|/a + |dy|/b <= 1.
        let measure = FlowTextMeasure()
        let textWidth = check.lines.map { measure.width(of: $0) }.max()!
        let textHeight = Double(check.lines.count) * measure.lineHeight
        #expect(textWidth / check.frame.width + textHeight / check.frame.height <= 1)
    }

    @Test func auditCatchesBrokenGeometry() {
        let diagram = FlowDiagram(
            nodes: [FlowNode(id: "a"), FlowNode(id: "b"), FlowNode(id: "c")], edges: [FlowEdge(from: "a", to: "c")])
        let geometry = FlowGeometry(
            width: 100, height: 100, direction: .topToBottom, fontSize: 14, lineHeight: 19.6,
            nodes: [
                .init(id: "a", shape: .rectangle, frame: FlowRect(x: 0, y: 0, width: 40, height: 20), lines: []),
                .init(id: "b", shape: .rectangle, frame: FlowRect(x: 30, y: 40, width: 40, height: 20), lines: []),
                .init(id: "c", shape: .rectangle, frame: FlowRect(x: 30, y: 90, width: 80, height: 20), lines: []),
            ],
            edges: [
                .init(
                    from: "a", to: "c", style: .solid,
                    points: [FlowPoint(x: 35, y: 20), FlowPoint(x: 35, y: 86)], path: "",
                    label: .init(frame: FlowRect(x: 20, y: 10, width: 20, height: 20), lines: ["x"]))
            ])
        #expect(
            FlowGeometryAudit.problems(diagram, geometry) == [
                "edge 0 a->c passes through node b", "label of edge 0 a->c overlaps node a",
                "node c outside the viewBox",
            ])
    }
}
