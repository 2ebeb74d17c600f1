/// The units rule tables use. Prose units outside this set are normalised on the way in (a week is 7 days,
/// 半个月 is 15 days) so that a claim can always be compared with a rule value.
public enum QuantityUnit: String, Sendable, Hashable, CaseIterable {
    /// Calendar days (`15 days`, `15天`, `15日`, `15个自然日`).
    case days
    /// Working or business days (`2 working days`, `2个工作日`).
    case workingDays
    /// Hours (`24 hours`, `24小时`).
    case hours
    /// Calendar months (`6 months`, `6个月`).
    case months
    /// Years (`1 year`, `1年`).
    case years
    /// Chinese yuan (`CNY 50`, `50元`, `¥50`).
    case cny
    /// A bare number, for `number` columns.
    case plain

    /// The column type a quantity in this unit belongs to.
    public var kind: QuantityKind {
        switch self {
        case .days, .workingDays, .hours, .months, .years: .duration
        case .cny: .money
        case .plain: .number
        }
    }
}
