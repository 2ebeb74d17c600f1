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
    private static let fallbackNodeFill = "#ffffff"
    private static let fallbackTerminalFill = "#f3f4f6"
    private static let fallbackDecisionFill = "#fff8e6"
    private static let fallbackStroke = "#4b5563"
    private static let fallbackText = "#111827"
    private static let fallbackEdge = "#4b5563"
    private static let fallbackLabelBackground = "#ffffff"

    /// Renders the diagram with its geometry as an `<svg>` element. `title` names the image for
    /// screen readers; `idPrefix` makes the element ids unique on the page (characters other than
    /// ASCII letters, digits, `-` and `_` are replaced with `-`).
    public static func render(
        _ diagram: FlowDiagram, _ geometry: FlowGeometry, title: String, idPrefix: String
    ) -> String {
        let prefix = sanitize(idPrefix)
        let number = FlowFormat.number
        let width = number(geometry.width)
        let height = number(geometry.height)
        var out: [String] = []
        out.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flow flow--\(geometry.direction.rawValue.lowercased())\""
                + " width=\"100%\" viewBox=\"0 0 \(width) \(height)\" style=\"max-width:\(width)px\""
                + " role=\"img\" aria-labelledby=\"\(prefix)-title\" font-size=\"\(number(geometry.fontSize))\">")
        out.append("<title id=\"\(prefix)-title\">\(FlowFormat.escape(title))</title>")
        out.append("<defs>")
        // The path ends `FlowRouter.arrowInset` px before the boundary; refX puts the tip on it.
        let refX = number(10 - FlowRouter.arrowInset)
        out.append(
            "<marker id=\"\(prefix)-arrow\" viewBox=\"0 0 10 10\" refX=\"\(refX)\" refY=\"5\" markerWidth=\"10\""
                + " markerHeight=\"10\" markerUnits=\"userSpaceOnUse\" orient=\"auto-start-reverse\">")
        out.append("<path class=\"flow-arrowhead\" d=\"M0,1L10,5L0,9z\" fill=\"\(fallbackEdge)\"/>")
        out.append("</marker>")
        out.append("</defs>")

        out.append("<g class=\"flow-edges\" fill=\"none\" stroke=\"\(fallbackEdge)\" stroke-width=\"1.5\">")
        for route in geometry.edges where !route.points.isEmpty {
            var attributes = "class=\"flow-edge flow-edge--\(route.style.rawValue)\" d=\"\(route.path)\""
            switch route.style {
            case .dotted: attributes += " stroke-dasharray=\"4 4\""
            case .thick: attributes += " stroke-width=\"3\""
            case .solid, .open: break
            }
            if route.style.hasArrow { attributes += " marker-end=\"url(#\(prefix)-arrow)\"" }
            out.append("<path \(attributes)/>")
        }
        out.append("</g>")

        out.append("<g class=\"flow-nodes\" stroke=\"\(fallbackStroke)\" stroke-width=\"1.5\">")
        for box in geometry.nodes {
            out.append("<g class=\"flow-node flow-node--\(modifier(box.shape))\">")
            out.append(shape(box))
            out.append(text(box.lines, in: box.frame, className: "flow-node__text", geometry: geometry))
            out.append("</g>")
        }
        out.append("</g>")

        let labelled = geometry.edges.compactMap(\.label)
        if !labelled.isEmpty {
            out.append("<g class=\"flow-labels\">")
            for label in labelled {
                let frame = label.frame
                out.append("<g class=\"flow-label\">")
                out.append(
                    "<rect class=\"flow-label__bg\" x=\"\(number(frame.x))\" y=\"\(number(frame.y))\""
                        + " width=\"\(number(frame.width))\" height=\"\(number(frame.height))\" rx=\"3\""
                        + " fill=\"\(fallbackLabelBackground)\"/>")
                out.append(text(label.lines, in: frame, className: "flow-label__text", geometry: geometry))
                out.append("</g>")
            }
            out.append("</g>")
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    /// The `flow-node--…` modifier of a shape.
    private static func modifier(_ shape: FlowNode.Shape) -> String {
        switch shape {
        case .rectangle: return "rect"
        case .rounded: return "rounded"
        case .stadium: return "stadium"
        case .diamond: return "decision"
        case .circle: return "circle"
        }
    }

    /// The outline element of a node.
    private static func shape(_ box: FlowGeometry.NodeBox) -> String {
        let number = FlowFormat.number
        let frame = box.frame
        switch box.shape {
        case .rectangle, .rounded, .stadium:
            let radius = FlowShapeMetrics.cornerRadius(of: box.shape, width: frame.width, height: frame.height)
            let fill = box.shape == .stadium ? fallbackTerminalFill : fallbackNodeFill
            return "<rect class=\"flow-node__shape\" x=\"\(number(frame.x))\" y=\"\(number(frame.y))\""
                + " width=\"\(number(frame.width))\" height=\"\(number(frame.height))\""
                + (radius > 0 ? " rx=\"\(number(radius))\"" : "") + " fill=\"\(fill)\"/>"
        case .diamond:
            let center = frame.center
            let corners = [
                FlowPoint(x: center.x, y: frame.y), FlowPoint(x: frame.maxX, y: center.y),
                FlowPoint(x: center.x, y: frame.maxY), FlowPoint(x: frame.x, y: center.y),
            ]
            let points = corners.map(FlowFormat.point).joined(separator: " ")
            return "<polygon class=\"flow-node__shape\" points=\"\(points)\""
                + " fill=\"\(fallbackDecisionFill)\"/>"
        case .circle:
            let center = frame.center
            return "<circle class=\"flow-node__shape\" cx=\"\(number(center.x))\" cy=\"\(number(center.y))\""
                + " r=\"\(number(frame.width / 2))\" fill=\"\(fallbackNodeFill)\"/>"
        }
    }

    /// Centered lines of text; each baseline sits 0.35 em below its line's middle, which centers
    /// Latin and CJK glyphs alike without relying on `dominant-baseline`.
    private static func text(
        _ lines: [String], in frame: FlowRect, className: String, geometry: FlowGeometry
    ) -> String {
        let number = FlowFormat.number
        let center = frame.center
        let top = center.y - Double(lines.count) * geometry.lineHeight / 2
        var out = "<text class=\"\(className)\" text-anchor=\"middle\" fill=\"\(fallbackText)\" stroke=\"none\">"
        for (index, line) in lines.enumerated() {
            let baseline = top + (Double(index) + 0.5) * geometry.lineHeight + 0.35 * geometry.fontSize
            out += "<tspan x=\"\(number(center.x))\" y=\"\(number(baseline))\">\(FlowFormat.escape(line))</tspan>"
        }
        return out + "</text>"
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
