/// One step of a flow: a node as written in the Mermaid source.
public struct FlowNode: Sendable, Equatable {
    /// The Mermaid node shapes guidegen supports.
    public enum Shape: String, Sendable, Equatable, CaseIterable {
        /// `id[text]`: an ordinary step.
        case rectangle
        /// `id(text)`: a step drawn with rounded corners.
        case rounded
        /// `id([text])`: a pill, usually the start or end of a flow.
        case stadium
        /// `id{text}`: a decision; its outgoing edges are the answers.
        case diamond
        /// `id((text))`: a circle.
        case circle
    }

    /// The node id as written (letters, digits, `_`, `-`, CJK).
    public var id: String
    /// The shape it was defined with; `.rectangle` when it is only referenced bare.
    public var shape: Shape
    /// The label exactly as written (quotes removed, `{{rule …}}` and entity codes kept raw; drawing
    /// decodes them, see `FlowLabelText`); the id when never labelled.
    public var label: String
    /// Whether the source gave the node a label somewhere (`id[text]`), as opposed to bare references only.
    public var hasLabel: Bool
    /// Line of the node's (last) definition, or of its first reference when never defined; 1-based.
    public var line: Int
    /// Column of the node id at `line`; 1-based, in Unicode scalars.
    public var column: Int
    /// Column of the label's first character on `line` (1-based, Unicode scalars); nil without a label.
    public var labelColumn: Int?

    /// Creates a node.
    public init(
        id: String, shape: Shape = .rectangle, label: String? = nil, hasLabel: Bool? = nil,
        line: Int = 1, column: Int = 1, labelColumn: Int? = nil
    ) {
        self.id = id
        self.shape = shape
        self.label = label ?? id
        self.hasLabel = hasLabel ?? (label != nil)
        self.line = line
        self.column = column
        self.labelColumn = labelColumn
    }
}
