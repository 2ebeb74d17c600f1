/// Writes a laid-out flow as an inline SVG: no script, no links, no event handlers; every piece of
/// author text XML-escaped.
///
/// The SVG scales down with its container (`width="100%"`, a `viewBox`, and a `max-width` of its
/// natural size so it never scales up). Colours come from presentation attributes (a light fallback
/// for contexts without the theme's CSS, e.g. feed readers) which the theme overrides through these
/// classes; `FlowSVG.stylesheet` has the rules.
///
/// Classes:
/// - `flow`, `flow--td` / `flow--bt` / `flow--lr` / `flow--rl`: the `<svg>` element
/// - `flow-edges`, `flow-edge`, `flow-edge--solid` / `--open` / `--dotted` / `--thick`: edge paths
/// - `flow-arrowhead`: the arrowhead marker's path
/// - `flow-nodes`, `flow-node`, `flow-node--rect` / `--rounded` / `--stadium` / `--decision` /
///   `--circle`, `flow-node__shape`, `flow-node__text`: nodes
/// - `flow-labels`, `flow-label`, `flow-label__bg`, `flow-label__text`: edge labels
/// - `flow-steps`, `flow-steps__branches`, `flow-steps__answer`, `flow-steps__target`: the text
///   alternative (`textAlternative`)
///
/// Custom properties the theme sets (light and dark): `--flow-node-fill`, `--flow-node-stroke`,
/// `--flow-decision-fill`, `--flow-decision-stroke`, `--flow-terminal-fill`, `--flow-text`,
/// `--flow-edge`, `--flow-label-bg`, `--flow-label-text`.
public enum FlowSVG {
    /// Light fallback colours, used as presentation attributes.
    private static let fallbackNodeFill: StaticString = "#ffffff"
    private static let fallbackTerminalFill: StaticString = "#f3f4f6"
    private static let fallbackDecisionFill: StaticString = "#fff8e6"
    private static let fallbackStroke: StaticString = "#4b5563"
    private static let fallbackText: StaticString = "#111827"
    private static let fallbackEdge: StaticString = "#4b5563"
    private static let fallbackLabelBackground: StaticString = "#ffffff"

    /// Renders the diagram with its geometry as an `<svg>` element. `title` names the image for
    /// screen readers (it is label text: entity codes are decoded as in labels); `idPrefix` makes the
    /// element ids unique on the page (characters other than ASCII letters, digits, `-` and `_` are
    /// replaced with `-`).
    public static func render(
        _ diagram: FlowDiagram, _ geometry: FlowGeometry, title: String, description: String? = nil, idPrefix: String
    ) -> String {
        let prefix = sanitize(idPrefix)
        // One byte buffer for the whole element; lines are separated by "\n".
        var out = FlowWriter(capacity: 2048 + 512 * geometry.nodes.count + 256 * geometry.edges.count)
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flow flow--")
        out.append(directionClass(geometry.direction))
        out.append("\" width=\"100%\" viewBox=\"0 0 ")
        out.number(geometry.width)
        out.append(byte: 0x20)
        out.number(geometry.height)
        out.append("\" style=\"max-width:")
        out.number(geometry.width)
        out.append("px\" role=\"img\" aria-labelledby=\"")
        out.append(prefix)
        out.append("-title\" aria-describedby=\"")
        if description != nil {
            out.append(prefix)
            out.append("-desc ")
        }
        out.append(prefix)
        out.append("-steps\" font-size=\"")
        out.number(geometry.fontSize)
        out.append("\">\n<title id=\"")
        out.append(prefix)
        out.append("-title\">")
        out.escaped(FlowLabelText.plain(title))
        out.append("</title>\n")
        if let description {
            out.append("<desc id=\"")
            out.append(prefix)
            out.append("-desc\">")
            out.escaped(FlowLabelText.plain(description))
            out.append("</desc>\n")
        }
        out.append("<defs>\n")
        // The path ends `FlowRouter.arrowInset` px before the boundary; refX puts the tip on it.
        out.append("<marker id=\"")
        out.append(prefix)
        out.append("-arrow\" viewBox=\"0 0 10 10\" refX=\"")
        out.number(10 - FlowRouter.arrowInset)
        out.append("\" refY=\"5\" markerWidth=\"10\" markerHeight=\"10\" markerUnits=\"userSpaceOnUse\"")
        out.append(" orient=\"auto-start-reverse\">\n")
        out.append("<path class=\"flow-arrowhead\" d=\"M0,1L10,5L0,9z\" fill=\"")
        out.append(fallbackEdge)
        out.append("\"/>\n")
        out.append("</marker>\n</defs>\n")

        out.append("<g class=\"flow-edges\" fill=\"none\" stroke=\"")
        out.append(fallbackEdge)
        out.append("\" stroke-width=\"1.5\">\n")
        for route in geometry.edges where !route.points.isEmpty {
            out.append("<path class=\"flow-edge flow-edge--")
            out.append(route.style.rawValue)
            out.append("\" d=\"")
            out.append(route.path)
            out.append(byte: UInt8(ascii: "\""))
            switch route.style {
            case .dotted: out.append(" stroke-dasharray=\"4 4\"")
            case .thick: out.append(" stroke-width=\"3\"")
            case .solid, .open: break
            }
            if route.style.hasArrow {
                out.append(" marker-end=\"url(#")
                out.append(prefix)
                out.append("-arrow)\"")
            }
            out.append("/>\n")
        }
        out.append("</g>\n")

        out.append("<g class=\"flow-nodes\" stroke=\"")
        out.append(fallbackStroke)
        out.append("\" stroke-width=\"1.5\">\n")
        for box in geometry.nodes {
            out.append("<g class=\"flow-node flow-node--")
            out.append(modifier(box.shape))
            out.append("\">\n")
            shape(box, to: &out)
            out.append(byte: 0x0A)
            text(box.lines, runs: box.runs, in: box.frame, className: "flow-node__text", geometry: geometry, to: &out)
            out.append("\n</g>\n")
        }
        out.append("</g>\n")

        if geometry.edges.contains(where: { $0.label != nil }) {
            out.append("<g class=\"flow-labels\">\n")
            for route in geometry.edges {
                guard let label = route.label else { continue }
                let frame = label.frame
                out.append("<g class=\"flow-label\">\n<rect class=\"flow-label__bg\" x=\"")
                out.rectangle(frame)
                out.append("\" rx=\"3\" fill=\"")
                out.append(fallbackLabelBackground)
                out.append("\"/>\n")
                text(
                    label.lines, runs: label.runs, in: frame, className: "flow-label__text", geometry: geometry,
                    to: &out)
                out.append("\n</g>\n")
            }
            out.append("</g>\n")
        }
        out.append("</svg>")
        return out.string
    }

    /// The `flow--…` modifier of a direction (its raw value, lowercased).
    private static func directionClass(_ direction: FlowDiagram.Direction) -> StaticString {
        switch direction {
        case .topToBottom: return "td"
        case .bottomToTop: return "bt"
        case .leftToRight: return "lr"
        case .rightToLeft: return "rl"
        }
    }

    /// The `flow-node--…` modifier of a shape.
    private static func modifier(_ shape: FlowNode.Shape) -> StaticString {
        switch shape {
        case .rectangle: return "rect"
        case .rounded: return "rounded"
        case .stadium: return "stadium"
        case .diamond: return "decision"
        case .circle: return "circle"
        }
    }

    /// The outline element of a node.
    private static func shape(_ box: FlowGeometry.NodeBox, to out: inout FlowWriter) {
        let frame = box.frame
        switch box.shape {
        case .rectangle, .rounded, .stadium:
            let radius = FlowShapeMetrics.cornerRadius(of: box.shape, width: frame.width, height: frame.height)
            out.append("<rect class=\"flow-node__shape\" x=\"")
            out.rectangle(frame)
            if radius > 0 {
                out.append("\" rx=\"")
                out.number(radius)
            }
            out.append("\" fill=\"")
            out.append(box.shape == .stadium ? fallbackTerminalFill : fallbackNodeFill)
            out.append("\"/>")
        case .diamond:
            let center = frame.center
            out.append("<polygon class=\"flow-node__shape\" points=\"")
            out.point(FlowPoint(x: center.x, y: frame.y))
            out.append(byte: 0x20)
            out.point(FlowPoint(x: frame.maxX, y: center.y))
            out.append(byte: 0x20)
            out.point(FlowPoint(x: center.x, y: frame.maxY))
            out.append(byte: 0x20)
            out.point(FlowPoint(x: frame.x, y: center.y))
            out.append("\" fill=\"")
            out.append(fallbackDecisionFill)
            out.append("\"/>")
        case .circle:
            let center = frame.center
            out.append("<circle class=\"flow-node__shape\" cx=\"")
            out.number(center.x)
            out.append("\" cy=\"")
            out.number(center.y)
            out.append("\" r=\"")
            out.number(frame.width / 2)
            out.append("\" fill=\"")
            out.append(fallbackNodeFill)
            out.append("\"/>")
        }
    }

    /// Centered lines of text; each baseline sits 0.35 em below its line's middle, which centers
    /// Latin and CJK glyphs alike without relying on `dominant-baseline`.
    private static func text(
        _ lines: [String], runs: [[FlowGeometry.TextRun]]?, in frame: FlowRect, className: StaticString,
        geometry: FlowGeometry, to out: inout FlowWriter
    ) {
        let center = frame.center
        let top = center.y - Double(lines.count) * geometry.lineHeight / 2
        out.append("<text class=\"")
        out.append(className)
        out.append("\" text-anchor=\"middle\" fill=\"")
        out.append(fallbackText)
        out.append("\" stroke=\"none\">")
        for (index, line) in lines.enumerated() {
            let baseline = top + (Double(index) + 0.5) * geometry.lineHeight + 0.35 * geometry.fontSize
            out.append("<tspan x=\"")
            out.number(center.x)
            out.append("\" y=\"")
            out.number(baseline)
            out.append("\">")
            if let runs, index < runs.count {
                emphasized(line, runs: runs[index], to: &out)
            } else {
                out.escaped(line)
            }
            out.append("</tspan>")
        }
        out.append("</text>")
    }

    /// A line with its bold and italic runs as nested `<tspan>`s.
    private static func emphasized(_ line: String, runs: [FlowGeometry.TextRun], to out: inout FlowWriter) {
        let scalars = Array(line.unicodeScalars)
        for run in runs {
            let end = min(run.start + run.length, scalars.count)
            guard run.start < end else { continue }
            let text = FlowFormat.string(scalars[run.start..<end])
            guard run.bold || run.italic else {
                out.escaped(text)
                continue
            }
            out.append("<tspan")
            if run.bold { out.append(" font-weight=\"bold\"") }
            if run.italic { out.append(" font-style=\"italic\"") }
            out.append(">")
            out.escaped(text)
            out.append("</tspan>")
        }
    }

    /// The ids a drawing and its text alternative with this prefix have (`render`, `textAlternative`): `steps` is
    /// the flow's number of steps, each of which the list names `<prefix>-step-N`.
    public static func ids(idPrefix: String, steps: Int = 0) -> [String] {
        let prefix = sanitize(idPrefix)
        return ["\(prefix)-title", "\(prefix)-desc", "\(prefix)-arrow", "\(prefix)-steps"] + (0..<steps).map { "\(prefix)-step-\($0 + 1)" }
    }

    /// Keeps ASCII letters, digits, `-` and `_`; ids also end up inside `url(#…)`.
    static func sanitize(_ prefix: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in prefix.unicodeScalars {
            let allowed =
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_"
            out.append(allowed ? scalar : "-")
        }
        return out.isEmpty ? "flow" : String(out)
    }

    /// Reference CSS for the classes above, reading the theme's custom properties with light
    /// fallbacks and switching to black on white for print; a theme copies or includes it once and
    /// defines the properties for light and dark. Where the text alternative goes (and whether it is
    /// visible on screen) is the page template's choice, so it is not styled here.
    public static let stylesheet = """
        .flow { display: block; height: auto; margin: 1.5rem auto; overflow: visible; }
        .flow-node__shape {
          fill: var(--flow-node-fill, #ffffff); stroke: var(--flow-node-stroke, #4b5563); stroke-width: 1.5px;
        }
        .flow-node--stadium .flow-node__shape { fill: var(--flow-terminal-fill, var(--flow-node-fill, #f3f4f6)); }
        .flow-node--decision .flow-node__shape {
          fill: var(--flow-decision-fill, var(--flow-node-fill, #fff8e6));
          stroke: var(--flow-decision-stroke, var(--flow-node-stroke, #4b5563));
        }
        .flow-node__text { fill: var(--flow-text, #111827); font-family: inherit; font-size: 14px; }
        .flow-edge { fill: none; stroke: var(--flow-edge, #4b5563); stroke-width: 1.5px; }
        .flow-edge--thick { stroke-width: 3px; }
        .flow-edge--dotted { stroke-dasharray: 4 4; }
        .flow-arrowhead { fill: var(--flow-edge, #4b5563); }
        .flow-label__bg { fill: var(--flow-label-bg, #ffffff); }
        .flow-label__text {
          fill: var(--flow-label-text, var(--flow-text, #111827)); font-family: inherit; font-size: 14px;
        }
        @media print {
          .flow {
            --flow-node-fill: #ffffff; --flow-terminal-fill: #ffffff; --flow-decision-fill: #ffffff;
            --flow-node-stroke: #000000; --flow-decision-stroke: #000000; --flow-text: #000000;
            --flow-edge: #000000; --flow-label-bg: #ffffff; --flow-label-text: #000000;
            break-inside: avoid;
          }
        }
        """
}
