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

    /// Whether the two state the same amount, in units that convert exactly: `360 hours` is `15 days` and
    /// `1 year` is `12 months`. Calendar and working days, and days and months, never convert.
    public func statesTheSameAmount(as other: Quantity) -> Bool {
        let (a, b) = (comparable, other.comparable)
        return a.unit == b.unit && a.amount == b.amount
    }

    /// Whether an approximation of this amount (`约 30 天`, "about 30 days") could mean `other`: in units that
    /// convert, within a quarter of `other`; never across units that do not (working and calendar days).
    public func isRoughly(_ other: Quantity) -> Bool? {
        let (a, b) = (comparable, other.comparable)
        guard a.unit == b.unit else { return nil }
        return abs(a.amount - b.amount) <= 0.25 * abs(b.amount)
    }

    /// Days in hours and years in months (products of small whole numbers and halves, so exact in a Double).
    private var comparable: Quantity {
        switch unit {
        case .days: Quantity(amount: amount * 24, unit: .hours)
        case .years: Quantity(amount: amount * 12, unit: .months)
        default: self
        }
    }
}
