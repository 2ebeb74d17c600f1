// TEMPORARY until Claims/Quantity.swift lands.
public struct Quantity: Sendable, Hashable { public var amount: Double; public var unit: QuantityUnit }
public enum QuantityUnit: String, Sendable, Hashable, CaseIterable { case days, workingDays, hours, months, years, cny, plain }
public enum QuantityKind: Sendable { case duration, money, number }
public struct QuantityParseError: Error, Sendable { public var message: String; public var help: String? }
public enum QuantityParser {
    public static func parseCanonical(_ s: String, expecting: QuantityKind) -> Result<Quantity, QuantityParseError> {
        let parts = s.split(separator: " ")
        if expecting == .money, parts.count == 2, parts[0] == "CNY", let v = Double(parts[1]) { return .success(Quantity(amount: v, unit: .cny)) }
        if expecting == .number, parts.count == 1, let v = Double(parts[0]) { return .success(Quantity(amount: v, unit: .plain)) }
        guard parts.count >= 2, let v = Double(parts[0]) else { return .failure(QuantityParseError(message: "`\(s)` is not a quantity", help: nil)) }
        let unit = parts.dropFirst().joined(separator: " ")
        let map: [String: QuantityUnit] = ["days": .days, "day": .days, "working days": .workingDays, "working day": .workingDays, "hours": .hours, "hour": .hours, "months": .months, "month": .months, "years": .years, "year": .years]
        guard let u = map[unit] else { return .failure(QuantityParseError(message: "unknown unit `\(unit)`", help: nil)) }
        return .success(Quantity(amount: v, unit: u))
    }
}
public enum QuantityFormatter {
    public static func format(_ q: Quantity, language: String) -> String {
        let n = q.amount == q.amount.rounded() ? String(Int(q.amount)) : String(q.amount)
        if language.hasPrefix("zh") {
            switch q.unit { case .days: return "\(n) 天"; case .workingDays: return "\(n) 个工作日"; case .hours: return "\(n) 小时"; case .months: return "\(n) 个月"; case .years: return "\(n) 年"; case .cny: return "\(n) 元"; case .plain: return n }
        }
        switch q.unit { case .days: return "\(n) days"; case .workingDays: return "\(n) working days"; case .hours: return "\(n) hours"; case .months: return "\(n) months"; case .years: return "\(n) years"; case .cny: return "CNY \(n)"; case .plain: return n }
    }
}
