/// The graph the layered layout works on: real nodes plus one dummy item per rank an edge crosses
/// (one of which carries the edge's label), plus items reserving room for self-loops.
///
/// Coordinates here are logical: `cross` runs along a rank (x in `TD`), `depth` along the rank
/// axis (y in `TD`); `FlowLayout` maps them to the diagram's direction at the end.
struct FlowLayeredGraph {
    /// What an item stands for.
    enum Kind: Equatable {
        /// Diagram node at this index.
        case node(Int)
        /// A point an edge (diagram edge index) passes through.
        case edge(Int)
        /// The point of an edge that carries its label; sized like the label.
        case label(Int)
        /// Room right of a node (diagram node index) for its self-loops and their labels.
        case loop(Int)
    }

    /// One thing placed in a rank.
    struct Item {
        var kind: Kind
        var rank: Int
        /// Size along the rank, px.
        var cross: Double
        /// Size across the rank, px.
        var depth: Double
    }

    var items: [Item] = []
    var successors: [[Int]] = []
    var predecessors: [[Int]] = []

    /// Adds an item and returns its index.
    mutating func add(_ item: Item) -> Int {
        items.append(item)
        successors.append([])
        predecessors.append([])
        return items.count - 1
    }

    /// Adds a layered edge between items in consecutive ranks.
    mutating func connect(_ from: Int, _ to: Int) {
        successors[from].append(to)
        predecessors[to].append(from)
    }

    /// Whether the item is a real diagram node.
    func isNode(_ index: Int) -> Bool {
        if case .node = items[index].kind { return true }
        return false
    }

    /// Whether the item is a point of an edge (plain or label-carrying).
    func isEdgePoint(_ index: Int) -> Bool {
        switch items[index].kind {
        case .edge, .label: return true
        case .node, .loop: return false
        }
    }

    /// Number of ranks (highest rank + 1).
    var rankCount: Int { (items.map(\.rank).max() ?? -1) + 1 }
}
