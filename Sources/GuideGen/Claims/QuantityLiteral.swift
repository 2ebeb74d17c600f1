/// A quantity written out literally in prose, with where it was found.
public struct QuantityLiteral: Sendable, Equatable {
    /// UTF-8 byte offsets of the literal (number and unit, e.g. `十五天` or `CNY 1,000`) in the scanned text.
    public var range: Range<Int>
    /// The quantity the literal states, normalised to a `QuantityUnit`.
    public var quantity: Quantity
    /// Hedged (`约15天`, `15天左右`, "about 15 days"): a claim only when it is far from the rule's value.
    public var approximate: Bool

    /// A literal stating `quantity` at the UTF-8 byte offsets `range`.
    public init(range: Range<Int>, quantity: Quantity, approximate: Bool = false) {
        self.range = range
        self.quantity = quantity
        self.approximate = approximate
    }
}
