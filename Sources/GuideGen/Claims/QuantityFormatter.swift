/// Writes a quantity the way a page in a given language shows it (`{{rule …}}`, rendered rule tables, messages).
public enum QuantityFormatter {
    /// Localized display: zh-Hans `15 天`, `2 个工作日`, `24 小时`, `6 个月`, `1 年`, `50 元`; zh-Hant, zh-TW, zh-HK
    /// and zh-MO the same with 個 and 小時; any other `zh` tag as zh-Hans; every other tag in English: `15 days`,
    /// `1 day`, `2 working days`, `24 hours`, `6 months`, `1 year`, `CNY 50`. Whole amounts print without `.0`;
    /// others are rounded to at most two decimals.
    public static func format(_ q: Quantity, language: String) -> String {
        let n = q.unit == .cny ? moneyText(q.amount) : amountText(q.amount)
        switch script(of: language) {
        case .simplified:
            switch q.unit {
            case .days: return "\(n) 天"
            case .workingDays: return "\(n) 个工作日"
            case .hours: return "\(n) 小时"
            case .months: return "\(n) 个月"
            case .years: return "\(n) 年"
            case .cny: return "\(n) 元"
            case .plain: return n
            }
        case .traditional:
            switch q.unit {
            case .days: return "\(n) 天"
            case .workingDays: return "\(n) 個工作日"
            case .hours: return "\(n) 小時"
            case .months: return "\(n) 個月"
            case .years: return "\(n) 年"
            case .cny: return "\(n) 元"
            case .plain: return n
            }
        case .latin:
            let one = n == "1"  // after rounding, so 0.999 is "1 day" too
            switch q.unit {
            case .days: return one ? "1 day" : "\(n) days"
            case .workingDays: return one ? "1 working day" : "\(n) working days"
            case .hours: return one ? "1 hour" : "\(n) hours"
            case .months: return one ? "1 month" : "\(n) months"
            case .years: return one ? "1 year" : "\(n) years"
            case .cny: return "CNY \(n)"
            case .plain: return n
            }
        }
    }

    private enum Script { case simplified, traditional, latin }

    private static func script(of language: String) -> Script {
        let subtags = language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard subtags.first == "zh" else { return .latin }
        if subtags.contains("hant") { return .traditional }
        if subtags.contains("hans") { return .simplified }
        return subtags.contains(where: { $0 == "tw" || $0 == "hk" || $0 == "mo" }) ? .traditional : .simplified
    }

    /// Money keeps its cents the way prices are written: `50`, `9.90`, `0.05`.
    static func moneyText(_ x: Double) -> String {
        let text = amountText(x)
        guard let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) == 2 else { return text }
        return text + "0"
    }

    /// `15`, `1.5`, `0.25`, `-3`: integers without a decimal point, others to at most two decimals.
    static func amountText(_ x: Double) -> String {
        guard x.isFinite, abs(x) < 1e15 else { return "\(x)" }
        let cents = Int64((abs(x) * 100).rounded())
        let sign = x < 0 && cents != 0 ? "-" : ""
        let whole = cents / 100
        let fraction = cents % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
