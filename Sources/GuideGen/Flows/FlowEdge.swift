/// A connection between two steps, as written in the Mermaid source.
public struct FlowEdge: Sendable, Equatable {
    /// How the edge is drawn.
    public enum Style: String, Sendable, Equatable, CaseIterable {
        /// `-->`: a solid line with an arrowhead.
        case solid
        /// `---`: a solid line without an arrowhead.
        case open
        /// `-.->`: a dotted line with an arrowhead.
        case dotted
        /// `==>`: a thick line with an arrowhead.
        case thick

        /// Whether the edge ends in an arrowhead (every style but `---`).
        public var hasArrow: Bool { self != .open }

        /// The arrow as Mermaid writes it.
        public var arrow: String {
            switch self {
            case .solid: "->"
            case .open: "---"
            case .dotted: "-.->"
            case .thick: "==>"
            }
        }
    }

    /// Id of the node the edge starts at.
    public var from: String
    /// Id of the node the edge points to.
    public var to: String
    /// How the edge is drawn.
    public var style: Style
    /// The edge label as written (raw), or nil for an unlabelled edge.
    public var label: String?
    /// Line of the arrow; 1-based within the block.
    public var line: Int
    /// Column of the arrow's first character; 1-based, in Unicode scalars.
    public var column: Int
    /// Column of the label's first character on `line` (1-based, Unicode scalars); nil without a label.
    public var labelColumn: Int?

    /// Creates an edge.
    public init(
        from: String, to: String, style: Style = .solid, label: String? = nil,
        line: Int = 1, column: Int = 1, labelColumn: Int? = nil
    ) {
        self.from = from
        self.to = to
        self.style = style
        self.label = label
        self.line = line
        self.column = column
        self.labelColumn = labelColumn
    }
}
