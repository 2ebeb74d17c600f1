import Testing

@testable import GuideGen

@Suite struct QuantityParserTests {
    @Test(arguments: [
        ("15 days", QuantityKind.duration, Quantity(amount: 15, unit: .days)),
        ("1 day", .duration, Quantity(amount: 1, unit: .days)),
        ("15 day", .duration, Quantity(amount: 15, unit: .days)),
        ("180 days", .duration, Quantity(amount: 180, unit: .days)),
        ("2 working days", .duration, Quantity(amount: 2, unit: .workingDays)),
        ("1 working day", .duration, Quantity(amount: 1, unit: .workingDays)),
        ("24 hours", .duration, Quantity(amount: 24, unit: .hours)),
        ("6 months", .duration, Quantity(amount: 6, unit: .months)),
        ("1 year", .duration, Quantity(amount: 1, unit: .years)),
        ("1.5 days", .duration, Quantity(amount: 1.5, unit: .days)),
        ("  15   days ", .duration, Quantity(amount: 15, unit: .days)),
        ("CNY 50", .money, Quantity(amount: 50, unit: .cny)),
        ("CNY 1,000", .money, Quantity(amount: 1000, unit: .cny)),
        ("CNY 0.5", .money, Quantity(amount: 0.5, unit: .cny)),
        ("CNY 9.99", .money, Quantity(amount: 9.99, unit: .cny)),
        ("CNY 1,234,567.89", .money, Quantity(amount: 1_234_567.89, unit: .cny)),
        ("3", .number, Quantity(amount: 3, unit: .plain)),
        ("1.5", .number, Quantity(amount: 1.5, unit: .plain)),
        ("10,000", .number, Quantity(amount: 10000, unit: .plain)),
        ("-3", .number, Quantity(amount: -3, unit: .plain)),
    ])
    func canonical(_ text: String, _ kind: QuantityKind, _ expected: Quantity) {
        #expect(QuantityParser.parseCanonical(text, expecting: kind) == .success(expected))
    }

    @Test(arguments: [
        ("", QuantityKind.duration, QuantityParseError.Reason.empty(expected: .duration)),
        ("  ", .money, .empty(expected: .money)),
        ("15 dayz", .duration, .unknownUnit("dayz", suggestion: "days")),
        ("1 dayz", .duration, .unknownUnit("dayz", suggestion: "day")),
        ("24 hors", .duration, .unknownUnit("hors", suggestion: "hours")),
        ("2 workin days", .duration, .unknownUnit("workin days", suggestion: "working days")),
        ("6 mounths", .duration, .unknownUnit("mounths", suggestion: "months")),
        ("15 minutes", .duration, .unknownUnit("minutes", suggestion: nil)),
        ("15", .duration, .missingUnit(expected: .duration)),
        ("50", .money, .missingUnit(expected: .money)),
        ("-3 days", .duration, .negative("-3")),
        ("CNY -5", .money, .negative("-5")),
        ("USD 50", .money, .unknownCurrency("USD")),
        ("99999999999999999999", .number, .tooLarge("99999999999999999999")),
        ("99999999999999999999 days", .duration, .tooLarge("99999999999999999999")),
        ("CNY 50", .duration, .wrongKind(found: .money, expected: .duration)),
        ("15 days", .money, .wrongKind(found: .duration, expected: .money)),
        ("15 days", .number, .wrongKind(found: .duration, expected: .number)),
        ("十五天", .duration, .notCanonical("十五天", canonical: "15 days")),
        ("15 天", .duration, .notCanonical("15 天", canonical: "15 days")),
        ("15 Days", .duration, .notCanonical("15 Days", canonical: "15 days")),
        ("fifteen days", .duration, .notCanonical("fifteen days", canonical: "15 days")),
        ("2 weeks", .duration, .notCanonical("2 weeks", canonical: "14 days")),
        ("2 business days", .duration, .notCanonical("2 business days", canonical: "2 working days")),
        ("半年", .duration, .notCanonical("半年", canonical: "6 months")),
        ("RMB 50", .money, .notCanonical("RMB 50", canonical: "CNY 50")),
        ("¥50", .money, .notCanonical("¥50", canonical: "CNY 50")),
        ("50元", .money, .notCanonical("50元", canonical: "CNY 50")),
        ("50 yuan", .money, .notCanonical("50 yuan", canonical: "CNY 50")),
        ("50 CNY", .money, .notCanonical("50 CNY", canonical: "CNY 50")),
        ("RMB 50", .duration, .wrongKind(found: .money, expected: .duration)),
        ("CNY fifty", .money, .invalidAmount("fifty")),
        ("CNY", .money, .invalidAmount("")),
        ("1,5 days", .duration, .invalidAmount("1,5")),
        ("+3 days", .duration, .invalidAmount("+3")),
        ("3. days", .duration, .invalidAmount("3.")),
        ("1,0000", .number, .invalidAmount("1,0000")),
        ("abc", .number, .invalidAmount("abc")),
        ("1e3", .number, .invalidAmount("1e3")),
        ("nan", .number, .invalidAmount("nan")),
        ("CNY 9.995", .money, .finerThanCents("CNY 9.995")),
        ("CNY 50.123", .money, .finerThanCents("CNY 50.123")),
    ])
    func rejected(_ text: String, _ kind: QuantityKind, _ reason: QuantityParseError.Reason) {
        #expect(QuantityParser.parseCanonical(text, expecting: kind) == .failure(QuantityParseError(reason)))
    }

    @Test func messagesAndHelp() {
        func error(_ text: String, _ kind: QuantityKind) -> QuantityParseError? {
            if case .failure(let e) = QuantityParser.parseCanonical(text, expecting: kind) { return e }
            return nil
        }
        let typo = error("15 dayz", .duration)
        #expect(typo?.message == "unknown unit `dayz`")
        #expect(typo?.help == "did you mean `days`?")
        let unknown = error("15 minutes", .duration)
        #expect(unknown?.help == "units: days, working days, hours, months, years")
        let chinese = error("十五天", .duration)
        #expect(chinese?.message == "`十五天` is not written in the canonical form")
        #expect(chinese?.help == "did you mean `15 days`?")
        let wrong = error("CNY 50", .duration)
        #expect(wrong?.message == "expected a duration such as `15 days`, found money")
        #expect(wrong?.help == nil)
        let bare = error("50", .money)
        #expect(bare?.message == "missing currency; expected an amount of money such as `CNY 50`")
        #expect(bare?.help == "write money as `CNY 50`")
        // Not "`USD` is not a number": what is wrong, and what to write.
        #expect(error("USD 50", .money)?.message == "unknown currency `USD`")
        #expect(error("USD 50", .money)?.help == "rule tables hold money in yuan: write `CNY 50`")
        #expect(error("CNY -5", .money)?.message == "`-5` is negative; durations and money cannot be")
        #expect(
            error("1234567890123456 days", .duration)?.message == "`1234567890123456` is too large for a rule value (at most 15 digits)")
    }

    @Test func formattedValuesParseBack() {
        for unit in QuantityUnit.allCases {
            for amount in [1.0, 2, 15, 180, 1.5] {
                let q = Quantity(amount: amount, unit: unit)
                let text = QuantityFormatter.format(q, language: "en")
                #expect(QuantityParser.parseCanonical(text, expecting: unit.kind) == .success(q), "\(text)")
            }
        }
    }
}
