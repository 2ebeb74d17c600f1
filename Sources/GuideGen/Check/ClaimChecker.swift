/// Finds sentences that state a rule's value as a literal (spec §8). Placeholder until Claims lands.
public struct ClaimChecker: Sendable {
    public let rules: RuleBook
    public init(rules: RuleBook) { self.rules = rules }
    public func check(bodies: [RenderedBody]) -> [Diagnostic] { [] }
}
