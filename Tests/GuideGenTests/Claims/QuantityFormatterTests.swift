import Testing

@testable import GuideGen

@Suite struct QuantityFormatterTests {
    @Test(
        arguments: [
            (15, QuantityUnit.days, "zh-Hans", "15 天"),
            (2, .workingDays, "zh-Hans", "2 个工作日"),
            (24, .hours, "zh-Hans", "24 小时"),
            (6, .months, "zh-Hans", "6 个月"),
            (1, .years, "zh-Hans", "1 年"),
            (50, .cny, "zh-Hans", "50 元"),
            (3, .plain, "zh-Hans", "3"),
            (15, .days, "en", "15 days"),
            (1, .days, "en", "1 day"),
            (2, .workingDays, "en", "2 working days"),
            (1, .workingDays, "en", "1 working day"),
            (24, .hours, "en", "24 hours"),
            (1, .hours, "en", "1 hour"),
            (6, .months, "en", "6 months"),
            (1, .months, "en", "1 month"),
            (1, .years, "en", "1 year"),
            (2, .years, "en", "2 years"),
            (50, .cny, "en", "CNY 50"),
            (3, .plain, "en", "3"),
            (1.5, .days, "en", "1.5 days"),
            (0.5, .hours, "zh-Hans", "0.5 小时"),
            (0.25, .hours, "en", "0.25 hours"),
            (1000.5, .cny, "en", "CNY 1000.50"),
            (9.9, .cny, "zh-Hans", "9.90 元"),
            (0.05, .cny, "en", "CNY 0.05"),
            (-3, .plain, "en", "-3"),
            (2.0 / 3.0, .days, "en", "0.67 days"),
            (0.999, .days, "en", "1 day"),
            (15, .days, "zh", "15 天"),
            (2, .workingDays, "zh-CN", "2 个工作日"),
            (2, .workingDays, "zh_Hans_CN", "2 个工作日"),
            (2, .workingDays, "zh-Hant", "2 個工作日"),
            (24, .hours, "zh-TW", "24 小時"),
            (6, .months, "zh-HK", "6 個月"),
            (15, .days, "ZH-hans", "15 天"),
            (15, .days, "fr", "15 days"),
            (15, .days, "", "15 days"),
            (15, .days, "zho", "15 days"),
        ] as [(Double, QuantityUnit, String, String)])
    func format(_ amount: Double, _ unit: QuantityUnit, _ language: String, _ expected: String) {
        #expect(QuantityFormatter.format(Quantity(amount: amount, unit: unit), language: language) == expected)
    }

    @Test func everyUnitHasBothLanguages() {
        let zh = QuantityUnit.allCases.map {
            QuantityFormatter.format(Quantity(amount: 7, unit: $0), language: "zh-Hans")
        }
        let en = QuantityUnit.allCases.map { QuantityFormatter.format(Quantity(amount: 7, unit: $0), language: "en") }
        #expect(zh == ["7 天", "7 个工作日", "7 小时", "7 个月", "7 年", "7 元", "7"])
        #expect(en == ["7 days", "7 working days", "7 hours", "7 months", "7 years", "CNY 7", "7"])
    }
}
