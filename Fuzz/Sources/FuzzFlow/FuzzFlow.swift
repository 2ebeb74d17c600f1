import Foundation
import FoundationXML
import FuzzSupport
import GuideGen

/// A `mermaid` block's source: `FlowParser`, then (when it parses) `FlowChecker`, `FlowLayout`, `FlowSVG`
/// and the text alternative, as `FlowRenderer` runs them. The layout must keep its geometric promises and
/// the SVG must be well-formed XML without script.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let source = data.decodedText(size) else { return 0 }
    let lineCount = source.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    let (parsed, issues) = FlowParser.parse(source)
    checkIssues(issues, lineCount: lineCount)
    guard let diagram = parsed else {
        Invariant.require(issues.contains { $0.severity == .error }, "parse-nil-without-error", "no diagram and no error")
        return 0
    }
    Invariant.require(!issues.contains { $0.severity == .error }, "parse-error-with-diagram", "a diagram despite errors")
    Invariant.require(Set(diagram.nodes.map(\.id)).count == diagram.nodes.count, "node-ids-unique", "a node id appears twice")
    let ids = Set(diagram.nodes.map(\.id))
    for edge in diagram.edges {
        Invariant.require(ids.contains(edge.from) && ids.contains(edge.to), "edge-endpoints", "edge \(edge.from)->\(edge.to) names a missing node")
    }
    checkIssues(FlowChecker.check(diagram), lineCount: lineCount)

    let clock = ContinuousClock()
    let started = clock.now
    let geometry = FlowLayout.layout(diagram)
    if Invariant.dump { Invariant.log("layout of \(diagram.nodes.count) nodes, \(diagram.edges.count) edges: \(clock.now - started)") }
    checkGeometry(diagram, geometry)
    if Invariant.dump { Invariant.log("after geometry checks: \(clock.now - started)") }
    let title = diagram.nodes.first?.label ?? "Flow"
    let svg = FlowSVG.render(diagram, geometry, title: title, idPrefix: "flow-1")
    Invariant.noScript(svg, name: "svg")
    if svg.utf8.count < 1 << 20 { wellFormed(svg) }
    if Invariant.dump { Invariant.log("after SVG: \(clock.now - started)") }
    let steps = FlowSVG.textAlternative(diagram, idPrefix: "flow-1")
    Invariant.noScript(steps, name: "text-alternative")
    return 0
}

private func checkIssues(_ issues: [FlowIssue], lineCount: Int) {
    for issue in issues {
        Invariant.require(issue.line >= 1 && issue.line <= lineCount && issue.column >= 1, "issue-position", "\(issue.check) at \(issue.line):\(issue.column) in \(lineCount) lines")
        Invariant.require(!issue.message.isEmpty, "issue-message", "empty message for \(issue.check)")
    }
}

private func finite(_ r: FlowRect) -> Bool { r.x.isFinite && r.y.isFinite && r.width.isFinite && r.height.isFinite && r.width >= 0 && r.height >= 0 }

private func inside(_ outer: FlowRect, _ inner: FlowRect) -> Bool {
    inner.x >= outer.x - 0.001 && inner.y >= outer.y - 0.001 && inner.maxX <= outer.maxX + 0.001 && inner.maxY <= outer.maxY + 0.001
}

/// The promises `FlowLayout` documents and its property tests check: a box per node and a route per edge,
/// finite coordinates, everything inside the viewBox, no two node boxes overlapping.
private func checkGeometry(_ diagram: FlowDiagram, _ geometry: FlowGeometry) {
    Invariant.require(geometry.width.isFinite && geometry.height.isFinite && geometry.width > 0 && geometry.height > 0, "layout-size", "\(geometry.width)×\(geometry.height)")
    Invariant.require(geometry.nodes.count == diagram.nodes.count, "layout-node-count", "\(geometry.nodes.count) boxes for \(diagram.nodes.count) nodes")
    Invariant.require(geometry.edges.count == diagram.edges.count, "layout-edge-count", "\(geometry.edges.count) routes for \(diagram.edges.count) edges")
    let bounds = FlowRect(x: 0, y: 0, width: geometry.width, height: geometry.height)
    for box in geometry.nodes {
        Invariant.require(finite(box.frame), "layout-finite", "node \(box.id) at \(box.frame)")
        Invariant.require(inside(bounds, box.frame), "layout-node-inside", "node \(box.id) at \(box.frame) outside \(bounds)")
    }
    for route in geometry.edges {
        Invariant.require(route.points.count >= 2, "layout-route", "edge \(route.from)->\(route.to) has \(route.points.count) points")
        for p in route.points {
            Invariant.require(p.x.isFinite && p.y.isFinite, "layout-finite", "edge \(route.from)->\(route.to) point \(p)")
            Invariant.require(inside(bounds, FlowRect(x: p.x, y: p.y, width: 0, height: 0)), "layout-edge-inside", "edge \(route.from)->\(route.to) point \(p) outside \(bounds)")
        }
        if let label = route.label {
            Invariant.require(finite(label.frame), "layout-finite", "label of \(route.from)->\(route.to) at \(label.frame)")
            Invariant.require(inside(bounds, label.frame), "layout-label-inside", "label of \(route.from)->\(route.to) outside \(bounds)")
        }
    }
    // Pairwise overlap is quadratic; flows on real pages have tens of nodes.
    guard geometry.nodes.count <= 300 else { return }
    let frames = geometry.nodes.map { FlowRect(x: $0.frame.x + 0.01, y: $0.frame.y + 0.01, width: $0.frame.width - 0.02, height: $0.frame.height - 0.02) }
    for a in frames.indices {
        for b in frames.indices where b > a && frames[a].overlaps(geometry.nodes[b].frame) {
            Invariant.fail("layout-node-overlap", "nodes \(geometry.nodes[a].id) and \(geometry.nodes[b].id) overlap")
        }
    }
}

/// The SVG parses as XML (every piece of author text escaped).
private func wellFormed(_ svg: String) {
    let parser = XMLParser(data: Data(svg.utf8))
    if !parser.parse() {
        Invariant.require(false, "svg-well-formed", "\(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(parser.lineNumber)")
    }
}
