/// A typed quantity as rule tables and prose state it: an amount in one of the units guidegen compares.
public struct Quantity: Sendable, Hashable {
    /// The amount in `unit`; whole numbers in practice, halves for forms like `一年半` or `半小时`.
    public var amount: Double
    /// What the amount counts.
    public var unit: QuantityUnit

    /// A quantity of `amount` `unit`s.
    public init(amount: Double, unit: QuantityUnit) {
        self.amount = amount
        self.unit = unit
    }

    /// The column type this quantity can fill.
    public var kind: QuantityKind { unit.kind }
}
