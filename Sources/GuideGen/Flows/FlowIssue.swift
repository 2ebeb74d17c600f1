/// A problem found in a flow's Mermaid source, positioned within the fenced block.
///
/// The lead's diagnostics stage turns this into a site-wide diagnostic by adding the page path and
/// the block's first line; nothing here knows about files.
public struct FlowIssue: Sendable, Equatable {
    /// How serious an issue is: errors stop the build, warnings do not (unless the site is strict).
    public enum Severity: String, Sendable, Equatable {
        case error
        case warning
    }

    /// The check id for syntax outside the supported Mermaid subset.
    public static let syntax = "flow-syntax"
    /// The check id for a node no start node reaches.
    public static let unreachable = "flow-unreachable"
    /// The check id for a decision with too few or unlabelled branches.
    public static let decision = "flow-decision"
    /// The check id for a node that is referenced but never given a label.
    public static let undefinedNode = "flow-undefined-node"
    /// The check id for a flow without nodes.
    public static let empty = "flow-empty"

    /// Line of the issue, 1-based within the block's source.
    public var line: Int
    /// Column of the issue, 1-based, counted in Unicode scalars.
    public var column: Int
    /// Whether the issue is an error or a warning.
    public var severity: Severity
    /// The check that found the issue, one of the `flow-…` ids above.
    public var check: String
    /// What is wrong, in one sentence.
    public var message: String
    /// How to fix it, when there is a clear fix.
    public var help: String?

    /// Creates an issue.
    public init(
        line: Int, column: Int, severity: Severity, check: String, message: String, help: String? = nil
    ) {
        self.line = line
        self.column = column
        self.severity = severity
        self.check = check
        self.message = message
        self.help = help
    }
}
