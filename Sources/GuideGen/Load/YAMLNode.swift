import Yams

/// A composed YAML value with the 1-based line and column it starts at: what every validator reads.
///
/// guidegen's own type rather than Yams' `Node` so front matter, read ten thousand times in a large
/// build, can be composed straight from libyaml's events (`YAMLEventComposer`); files that may use
/// anchors (rule tables) are composed by Yams and converted.
public indirect enum YAMLNode: Sendable, Equatable {
    case scalar(YAMLScalar)
    case sequence([YAMLNode], at: YAMLMark)
    case mapping([YAMLPair], at: YAMLMark)

    /// Where the value starts.
    public var mark: YAMLMark {
        switch self {
        case .scalar(let s): s.mark
        case .sequence(_, let mark), .mapping(_, let mark): mark
        }
    }

    /// The scalar's text when this node is a scalar.
    var scalarText: String? {
        if case .scalar(let s) = self { return s.string }
        return nil
    }

    /// A short name of the node's YAML kind, for messages.
    var kindName: String {
        switch self {
        case .scalar: "a single value"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

/// 1-based line and column (libyaml counts columns in characters).
public struct YAMLMark: Sendable, Equatable {
    public var line: Int
    public var column: Int
}

public struct YAMLScalar: Sendable, Equatable {
    public var string: String
    /// Written without quotes or a block indicator: only then can `3` be a number or `true` a boolean.
    public var isPlain: Bool
    public var mark: YAMLMark
}

public struct YAMLPair: Sendable, Equatable {
    public var key: YAMLNode
    public var value: YAMLNode
}

extension YAMLNode {
    /// The same tree as Yams composed it; its aliases are already resolved to the nodes they name.
    init(_ node: Node) {
        let mark = node.mark.map { YAMLMark(line: $0.line, column: $0.column) } ?? YAMLMark(line: 1, column: 1)
        switch node {
        case .scalar(let s): self = .scalar(YAMLScalar(string: s.string, isPlain: s.style == .plain, mark: mark))
        case .sequence(let seq): self = .sequence(seq.map(YAMLNode.init), at: mark)
        case .mapping(let map): self = .mapping(map.map { YAMLPair(key: YAMLNode($0.key), value: YAMLNode($0.value)) }, at: mark)
        case .alias: self = .scalar(YAMLScalar(string: "", isPlain: true, mark: mark))  // composed trees hold none
        }
    }
}
