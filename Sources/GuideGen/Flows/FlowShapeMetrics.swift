/// Sizes node shapes around their wrapped text, and answers where a shape's boundary is (edges
/// start and end exactly on it).
enum FlowShapeMetrics {
    /// Space between text and a rectangle's sides, px.
    static let paddingX = 14.0
    /// Space between text and a rectangle's top and bottom, px.
    static let paddingY = 9.0
    /// Corner radius of `( )` nodes, px.
    static let roundedRadius = 10.0
    /// Largest end radius of `([ ])` nodes, px: one line is a pill; several lines get a rounded
    /// box instead of a blob with huge ends.
    static let maxStadiumRadius = 24.0

    /// The node's label wrapped for its shape: rectangles at the measure's line width; diamonds and
    /// circles try one to four lines and keep the most compact shape (a diamond grows with both
    /// the width and the height of its text, so a two-line diamond is often smaller).
    static func lines(for node: FlowNode, measure: FlowTextMeasure) -> [String] {
        lines(for: node.shape, text: FlowLabelText.plain(node.label), measure: measure)
    }

    /// A label wrapped for `shape`, each piece a `<br>` starts on a line of its own.
    static func lines(for shape: FlowNode.Shape, label: FlowLabelText, measure: FlowTextMeasure) -> [String] {
        guard !label.breaks.isEmpty else { return lines(for: shape, text: label.text, measure: measure) }
        let maxWidth =
            shape == .diamond ? measure.maxDecisionLineWidth : shape == .circle ? measure.maxLineWidth * 0.7 : measure.maxLineWidth
        return label.segments.flatMap { measure.wrap($0, maxWidth: maxWidth) }
    }

    /// `text` (already collapsed, as `FlowLabelText` gives it) wrapped for `shape`.
    static func lines(for shape: FlowNode.Shape, text: String, measure: FlowTextMeasure) -> [String] {
        switch shape {
        case .rectangle, .rounded, .stadium:
            return measure.wrap(text, maxWidth: measure.maxLineWidth)
        case .diamond, .circle:
            let maxWidth = shape == .diamond ? measure.maxDecisionLineWidth : measure.maxLineWidth * 0.7
            // Candidates are scored from their measurements; only the best one's text is built.
            let candidates = measure.wrapCandidates(text, lineCounts: 1...4, maxWidth: maxWidth)
            var best: (index: Int, score: Double)?
            for (index, candidate) in candidates.measured(measure).enumerated() {
                guard let (lineCount, textWidth) = candidate else { continue }
                let size = self.size(of: shape, textWidth: textWidth, lineCount: lineCount, measure: measure)
                // Each extra line costs a little so that short questions stay on one line.
                let score = size.width * (1 + 0.12 * Double(max(lineCount - 1, 0)))
                if best == nil || score < best!.score - 0.001 { best = (index, score) }
            }
            return best.map { candidates.render($0.index) } ?? measure.wrap(text, maxWidth: maxWidth)
        }
    }

    /// The shape's bounding box size for wrapped `lines`, px.
    static func size(
        of shape: FlowNode.Shape, lines: [String], measure: FlowTextMeasure
    ) -> (width: Double, height: Double) {
        size(of: shape, textWidth: lines.map { measure.width(of: $0) }.max() ?? 0, lineCount: lines.count, measure: measure)
    }

    /// The shape's bounding box size for `lineCount` lines of text at most `textWidth` wide, px.
    static func size(
        of shape: FlowNode.Shape, textWidth: Double, lineCount: Int, measure: FlowTextMeasure
    ) -> (width: Double, height: Double) {
        let textHeight = Double(max(lineCount, 1)) * measure.lineHeight
        switch shape {
        case .rectangle, .rounded:
            return (max(textWidth + 2 * paddingX, 60), textHeight + 2 * paddingY)
        case .stadium:
            let height = textHeight + 2 * paddingY
            return (max(textWidth + 2 * min(height / 2, maxStadiumRadius), height * 1.6), height)
        case .diamond:
            // Half-diagonals a, b with (w/2)/a + (h/2)/b = 1 and b = a/2 put the text box's corners
            // on the diamond's sides: a = w/2 + h.
            let width = max(textWidth + 16 + 2 * (textHeight + 8), 80)
            return (width, width / 2)
        case .circle:
            let diameter = max((textWidth * textWidth + textHeight * textHeight).squareRoot() + 14, 44)
            return (diameter, diameter)
        }
    }

    /// Corner radius of the drawn shape, px (0 for sharp corners, half the height for a stadium).
    static func cornerRadius(of shape: FlowNode.Shape, width: Double, height: Double) -> Double {
        switch shape {
        case .rectangle, .diamond: return 0
        case .rounded: return min(roundedRadius, height / 2, width / 2)
        case .stadium: return min(min(height, width) / 2, maxStadiumRadius)
        case .circle: return width / 2
        }
    }

    /// Distance from the center to the top (or bottom) boundary at horizontal offset `dx`, px.
    static func halfHeight(of shape: FlowNode.Shape, width: Double, height: Double, atX dx: Double) -> Double {
        let a = width / 2
        let b = height / 2
        let x = min(abs(dx), a)
        switch shape {
        case .diamond: return b * (1 - x / a)
        case .circle: return (a * a - x * x).squareRoot()
        case .rectangle, .rounded, .stadium:
            return cornerExtent(x, half: a, otherHalf: b, radius: cornerRadius(of: shape, width: width, height: height))
        }
    }

    /// Distance from the center to the left (or right) boundary at vertical offset `dy`, px.
    static func halfWidth(of shape: FlowNode.Shape, width: Double, height: Double, atY dy: Double) -> Double {
        let a = width / 2
        let b = height / 2
        let y = min(abs(dy), b)
        switch shape {
        case .diamond: return a * (1 - y / b)
        case .circle: return (b * b - y * y).squareRoot()
        case .rectangle, .rounded, .stadium:
            return cornerExtent(y, half: b, otherHalf: a, radius: cornerRadius(of: shape, width: width, height: height))
        }
    }

    /// The boundary of a rounded rectangle at `offset` along the side of half-length `half`.
    private static func cornerExtent(_ offset: Double, half: Double, otherHalf: Double, radius: Double) -> Double {
        guard offset > half - radius else { return otherHalf }
        let t = offset - (half - radius)
        return otherHalf - radius + max(radius * radius - t * t, 0).squareRoot()
    }
}
