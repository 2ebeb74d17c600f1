/// The quantity-valued column types of a rule table (spec §4): which units a cell may use.
public enum QuantityKind: String, Sendable, Hashable, CaseIterable {
    /// `15 days`, `2 working days`, `24 hours`, `6 months`, `1 year`.
    case duration
    /// `CNY 50`.
    case money
    /// A bare number such as `3`.
    case number
}
