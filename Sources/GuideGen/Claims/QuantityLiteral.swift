/// A quantity written out literally in prose, with where it was found.
public struct QuantityLiteral: Sendable, Equatable {
    /// UTF-8 byte offsets of the literal (number and unit, e.g. `十五天` or `CNY 1,000`) in the scanned text.
    public var range: Range<Int>
    /// The quantity the literal states, normalised to a `QuantityUnit`.
    public var quantity: Quantity

    /// A literal stating `quantity` at the UTF-8 byte offsets `range`.
    public init(range: Range<Int>, quantity: Quantity) {
        self.range = range
        self.quantity = quantity
    }
}
