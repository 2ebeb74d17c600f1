/// Where everything of a laid-out flow goes, in SVG px with the origin at the top-left of the
/// viewBox; `FlowSVG` only draws what this says.
public struct FlowGeometry: Sendable, Equatable {
    /// A stretch of one wrapped line drawn bold and/or italic (a Mermaid markdown string's
    /// `**bold**` and `*italic*`); offsets and lengths count Unicode scalars of the line.
    public struct TextRun: Sendable, Equatable {
        public var start: Int
        public var length: Int
        public var bold: Bool
        public var italic: Bool

        /// Creates a run.
        public init(start: Int, length: Int, bold: Bool, italic: Bool) {
            self.start = start
            self.length = length
            self.bold = bold
            self.italic = italic
        }
    }

    /// A node's box and its wrapped text.
    public struct NodeBox: Sendable, Equatable {
        /// The node id.
        public var id: String
        /// The shape drawn inside `frame`.
        public var shape: FlowNode.Shape
        /// The shape's bounding box.
        public var frame: FlowRect
        /// The label, wrapped; drawn centered in `frame`.
        public var lines: [String]
        /// The emphasis of each line, covering it entirely; nil when the label has none.
        public var runs: [[TextRun]]?

        /// Creates a node box.
        public init(id: String, shape: FlowNode.Shape, frame: FlowRect, lines: [String], runs: [[TextRun]]? = nil) {
            self.id = id
            self.shape = shape
            self.frame = frame
            self.lines = lines
            self.runs = runs
        }
    }

    /// An edge label's box (its background) and wrapped text.
    public struct LabelBox: Sendable, Equatable {
        /// The background box; the text is centered in it.
        public var frame: FlowRect
        /// The label, wrapped.
        public var lines: [String]
        /// The emphasis of each line, covering it entirely; nil when the label has none.
        public var runs: [[TextRun]]?

        /// Creates a label box.
        public init(frame: FlowRect, lines: [String], runs: [[TextRun]]? = nil) {
            self.frame = frame
            self.lines = lines
            self.runs = runs
        }
    }

    /// An edge's route from its source's boundary to its target's boundary.
    public struct EdgeRoute: Sendable, Equatable {
        /// Id of the source node.
        public var from: String
        /// Id of the target node.
        public var to: String
        /// How the edge is drawn.
        public var style: FlowEdge.Style
        /// The route as a polyline, from source to target. When the edge has an arrowhead the last
        /// point stops short of the target by the arrowhead's inset, so the tip touches the boundary.
        public var points: [FlowPoint]
        /// SVG path data for the drawn curve: straight runs, S-curves between ranks (each inside the
        /// bounding box of its two polyline points) and rounded corners.
        public var path: String
        /// The label's box, when the edge has a label.
        public var label: LabelBox?

        /// Creates an edge route.
        public init(
            from: String, to: String, style: FlowEdge.Style, points: [FlowPoint], path: String, label: LabelBox?
        ) {
            self.from = from
            self.to = to
            self.style = style
            self.points = points
            self.path = path
            self.label = label
        }
    }

    /// Width of the viewBox, px.
    public var width: Double
    /// Height of the viewBox, px.
    public var height: Double
    /// The direction the flow was laid out in.
    public var direction: FlowDiagram.Direction
    /// Font size of all text, px.
    public var fontSize: Double
    /// Distance between baselines of wrapped lines, px.
    public var lineHeight: Double
    /// One box per diagram node, in the diagram's node order.
    public var nodes: [NodeBox]
    /// One route per diagram edge, in the diagram's edge order (an edge naming an unknown node gets
    /// an empty route).
    public var edges: [EdgeRoute]

    /// Creates a geometry.
    public init(
        width: Double, height: Double, direction: FlowDiagram.Direction, fontSize: Double, lineHeight: Double,
        nodes: [NodeBox], edges: [EdgeRoute]
    ) {
        self.width = width
        self.height = height
        self.direction = direction
        self.fontSize = fontSize
        self.lineHeight = lineHeight
        self.nodes = nodes
        self.edges = edges
    }
}
