/// A parsed Mermaid flowchart: its direction, its nodes in first-appearance order and its edges in
/// source order.
public struct FlowDiagram: Sendable, Equatable {
    /// The direction ranks advance in (`TB` is read as `TD`).
    public enum Direction: String, Sendable, Equatable, CaseIterable {
        /// `TD` or `TB`: top to bottom.
        case topToBottom = "TD"
        /// `BT`: bottom to top.
        case bottomToTop = "BT"
        /// `LR`: left to right.
        case leftToRight = "LR"
        /// `RL`: right to left.
        case rightToLeft = "RL"

        /// Whether ranks advance horizontally (`LR`, `RL`).
        public var isHorizontal: Bool { self == .leftToRight || self == .rightToLeft }

        /// Whether the layout is computed as `TD`/`LR` and then mirrored (`BT`, `RL`).
        var isMirrored: Bool { self == .bottomToTop || self == .rightToLeft }
    }

    /// The direction ranks advance in.
    public var direction: Direction
    /// The nodes, in order of first appearance in the source.
    public var nodes: [FlowNode]
    /// The edges, in source order (a chain `a --> b --> c` gives two).
    public var edges: [FlowEdge]
    /// Text the author wrote about the flow rather than in it, each with the line and column (1-based, in the
    /// block) where the text starts: the `title:` of Mermaid front matter (shown above the drawing),
    /// `accTitle:` (the drawing's accessible name) and `accDescr:` (its accessible description).
    public var title: FlowText?
    public var accessibleTitle: FlowText?
    public var accessibleDescription: FlowText?

    /// Creates a diagram.
    public init(
        direction: Direction = .topToBottom, nodes: [FlowNode] = [], edges: [FlowEdge] = [], title: FlowText? = nil,
        accessibleTitle: FlowText? = nil, accessibleDescription: FlowText? = nil
    ) {
        self.direction = direction
        self.nodes = nodes
        self.edges = edges
        self.title = title
        self.accessibleTitle = accessibleTitle
        self.accessibleDescription = accessibleDescription
    }

    /// Returns a copy whose node labels (those written in the source) and edge labels went through
    /// `transform`; the lead uses it to replace `{{rule …}}` references with the page language's text.
    public func mapLabels(_ transform: (String) throws -> String) rethrows -> FlowDiagram {
        var copy = self
        for index in copy.nodes.indices where copy.nodes[index].hasLabel {
            copy.nodes[index].label = try transform(copy.nodes[index].label)
        }
        for index in copy.edges.indices {
            if let label = copy.edges[index].label {
                copy.edges[index].label = try transform(label)
            }
        }
        if let text = copy.title { copy.title?.text = try transform(text.text) }
        if let text = copy.accessibleTitle { copy.accessibleTitle?.text = try transform(text.text) }
        if let text = copy.accessibleDescription { copy.accessibleDescription?.text = try transform(text.text) }
        return copy
    }

    /// The flow's shape without its words: sorted node ids and sorted `from->to` pairs, so that two
    /// translations of a page can be compared.
    public var structureSignature: String {
        // A decision is marked (`B{}`): a translation that made it a plain step would skip its checks. An
        // arrow is written with its kind (`a-.->b`, `a==>b`, `a---b`) for the same reason: it means something.
        let ids = nodes.map { $0.shape == .diamond ? $0.id + "{}" : $0.id }.sorted()
        let pairs = edges.map { "\($0.from)\($0.style.arrow)\($0.to)" }.sorted()
        return "nodes: " + ids.joined(separator: " ") + "\nedges: " + pairs.joined(separator: " ")
    }
}

extension FlowDiagram {
    /// Each edge's source and target as node positions, nil when an id names no node (with repeated
    /// ids the first node counts). The stages ask for this once rather than hashing an id per use.
    func edgeEndpoints() -> [(from: Int, to: Int)?] {
        var index: [String: Int] = [:]
        index.reserveCapacity(nodes.count)
        // Backwards, so that the first node with an id is the one left (one hash per node).
        for position in nodes.indices.reversed() { index[nodes[position].id] = position }
        return edges.map { edge in
            guard let from = index[edge.from], let to = index[edge.to] else { return nil }
            return (from, to)
        }
    }
}

/// A piece of text about a flow (its title or description) and where it starts in the block.
public struct FlowText: Sendable, Equatable {
    /// The text as written (a description written over several lines has them joined by `\n`).
    public var text: String
    /// Line (1-based, within the block) and column (1-based, in Unicode scalars) of its first character.
    public var line: Int
    public var column: Int

    public init(_ text: String, line: Int, column: Int) {
        self.text = text
        self.line = line
        self.column = column
    }
}
