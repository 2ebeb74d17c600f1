/// Why a rule-table cell is not a canonical quantity, with the message and `help:` text to show.
public struct QuantityParseError: Error, Sendable, Hashable {
    /// What went wrong, as data for tests and callers that want to branch on it.
    public enum Reason: Sendable, Hashable {
        /// The cell is empty.
        case empty(expected: QuantityKind)
        /// The amount is not a decimal number (`1,5 days`, `-3 days`).
        case invalidAmount(String)
        /// A number without the unit or currency its column needs (`15` in a duration column).
        case missingUnit(expected: QuantityKind)
        /// A unit guidegen does not know (`15 dayz`), with the closest known unit if one is close.
        case unknownUnit(String, suggestion: String?)
        /// A quantity guidegen understands but not in the canonical spelling (`十五天`, `RMB 50`, `fifteen days`).
        case notCanonical(String, canonical: String)
        /// A well-formed quantity of the wrong type (`CNY 50` in a duration column).
        case wrongKind(found: QuantityKind, expected: QuantityKind)
        /// Money with more decimals than cents (`CNY 9.995`): it would be shown rounded, unlike what was written.
        case finerThanCents(String)
        /// Money in a currency other than CNY (`USD 50`).
        case unknownCurrency(String)
        /// A negative duration or amount of money (`CNY -5`, `-3 days`); only counts may be negative.
        case negative(String)
        /// Digits past what a rule value can hold exactly (10^15 and more).
        case tooLarge(String)
    }

    /// What went wrong.
    public var reason: Reason

    /// Wraps `reason`.
    public init(_ reason: Reason) { self.reason = reason }

    /// A one-line message naming the offending text.
    public var message: String {
        switch reason {
        case .empty(let kind): "empty value; expected \(Self.describe(kind))"
        case .invalidAmount(let text): "`\(text)` is not a number"
        case .missingUnit(let kind): "missing \(kind == .money ? "currency" : "unit"); expected \(Self.describe(kind))"
        case .unknownUnit(let unit, _): "unknown unit `\(unit)`"
        case .notCanonical(let text, _): "`\(text)` is not written in the canonical form"
        case .wrongKind(let found, let expected): "expected \(Self.describe(expected)), found \(Self.noun(found))"
        case .finerThanCents(let text): "`\(text)` has more decimals than cents"
        case .unknownCurrency(let code): "unknown currency `\(code)`"
        case .negative(let text): "`\(text)` is negative; durations and money cannot be"
        case .tooLarge(let text): "`\(text)` is too large for a rule value (at most 15 digits)"
        }
    }

    /// The `help:` line: a "did you mean" when there is a likely fix, otherwise what is allowed.
    public var help: String? {
        switch reason {
        case .unknownUnit(_, let suggestion?): "did you mean `\(suggestion)`?"
        case .unknownUnit: "units: days, working days, hours, months, years"
        case .notCanonical(_, let canonical): "did you mean `\(canonical)`?"
        case .missingUnit(.money): "write money as `CNY 50`"
        case .missingUnit(.duration):
            "write a duration as `15 days`, `2 working days`, `24 hours`, `6 months` or `1 year`"
        case .finerThanCents: "write money to the cent, with at most two decimals (`CNY 9.99`)"
        case .unknownCurrency: "rule tables hold money in yuan: write `CNY 50`"
        case .empty, .invalidAmount, .missingUnit, .wrongKind, .negative, .tooLarge: nil
        }
    }

    private static func describe(_ kind: QuantityKind) -> String {
        switch kind {
        case .duration: "a duration such as `15 days`"
        case .money: "an amount of money such as `CNY 50`"
        case .number: "a number such as `3`"
        }
    }

    private static func noun(_ kind: QuantityKind) -> String {
        switch kind {
        case .duration: "a duration"
        case .money: "money"
        case .number: "a bare number"
        }
    }
}
