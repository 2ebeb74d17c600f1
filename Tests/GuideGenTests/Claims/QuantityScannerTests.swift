import Testing

@testable import GuideGen

/// One scanner case: prose with «» around each literal, and the quantities those literals state, in order.
struct ScanCase: Sendable, CustomTestStringConvertible {
    let marked: String
    let quantities: [Quantity]
    var testDescription: String { marked }

    init(_ marked: String, _ quantities: Quantity...) {
        self.marked = marked
        self.quantities = quantities
    }
}

private func days(_ n: Double) -> Quantity { Quantity(amount: n, unit: .days) }
private func workingDays(_ n: Double) -> Quantity { Quantity(amount: n, unit: .workingDays) }
private func hours(_ n: Double) -> Quantity { Quantity(amount: n, unit: .hours) }
private func months(_ n: Double) -> Quantity { Quantity(amount: n, unit: .months) }
private func years(_ n: Double) -> Quantity { Quantity(amount: n, unit: .years) }
private func cny(_ n: Double) -> Quantity { Quantity(amount: n, unit: .cny) }
private func plain(_ n: Double) -> Quantity { Quantity(amount: n, unit: .plain) }

private func expectScan(_ c: ScanCase, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let m = MarkedText(c.marked)
    precondition(m.ranges.count == c.quantities.count, "markers and quantities differ in \(c.marked)")
    let expected = zip(m.ranges, c.quantities).map { QuantityLiteral(range: $0, quantity: $1) }
    let actual = QuantityScanner.scan(m.text)
    #expect(
        actual == expected, "found \(actual.map { "«\(MarkedText.slice(m.text, $0.range))» \($0.quantity)" })",
        sourceLocation: sourceLocation)
}

@Suite struct QuantityScannerTests {
    @Test(arguments: [
        ScanCase("售后期为«15天»", days(15)),
        ScanCase("售后期为«15 天»", days(15)),
        ScanCase("«15日»内可申请售后", days(15)),
        ScanCase("退款在«15个工作日»内到账", workingDays(15)),
        ScanCase("退款在«15 个工作日»内到账", workingDays(15)),
        ScanCase("退款在«2个工作日»内到账", workingDays(2)),
        ScanCase("«3工作日»", workingDays(3)),
        ScanCase("«24小时»内发货", hours(24)),
        ScanCase("«24个小时»内发货", hours(24)),
        ScanCase("«48h»发货", hours(48)),
        ScanCase("保修«6个月»", months(6)),
        ScanCase("保修«1年»", years(1)),
        ScanCase("三包耐用品为«180天»。", days(180)),
        ScanCase("«１５天»", days(15)),
        ScanCase("«15个自然日»", days(15)),
        ScanCase("«2周»内", days(14)),
        ScanCase("«15\u{3000}天»", days(15)),
        ScanCase("«15\u{A0}days»", days(15)),
        ScanCase("«15个日历日»", days(15)),
        ScanCase("«15日历天»", days(15)),
        ScanCase("«50块钱»", cny(50)),
        ScanCase("费用«50块»", cny(50)),
        ScanCase("费用«50 块»。", cny(50)),
        ScanCase("退款时限是«2个工作天»。", workingDays(2)),
        ScanCase("退款時限為«2個工作天»。", workingDays(2)),
        ScanCase("«3个营业日»内", workingDays(3)),
    ])
    func arabicNumeralsWithChineseUnits(_ c: ScanCase) { expectScan(c) }

    @Test(arguments: [
        ScanCase("售后期为«十五天»", days(15)),
        ScanCase("«一百八十天»", days(180)),
        ScanCase("«一百零八天»", days(108)),
        ScanCase("«两个工作日»", workingDays(2)),
        ScanCase("«兩個工作日»", workingDays(2)),
        ScanCase("«七日»内", days(7)),
        ScanCase("«三个月»", months(3)),
        ScanCase("«十二个月»", months(12)),
        ScanCase("«二十四小时»", hours(24)),
        ScanCase("保修期«一年»", years(1)),
        ScanCase("«两周»", days(14)),
        ScanCase("«一个星期»", days(7)),
        ScanCase("这«15天»内", days(15)),
        ScanCase("«一天»«24小时»", days(1), hours(24)),
    ])
    func chineseNumerals(_ c: ScanCase) { expectScan(c) }

    @Test(arguments: [
        ScanCase("«半年»", months(6)),
        ScanCase("«半个月»", days(15)),
        ScanCase("«半小时»", hours(0.5)),
        ScanCase("«半个小时»", hours(0.5)),
        ScanCase("«一年半»", years(1.5)),
        ScanCase("«两天半»", days(2.5)),
        ScanCase("«一个半月»", months(1.5)),
        ScanCase("«两个半小时»", hours(2.5)),
        ScanCase("«15天»（即«半个月»）", days(15), days(15)),
        ScanCase("«half a year»", months(6)),
        ScanCase("«half a month»", days(15)),
        ScanCase("«half an hour»", hours(0.5)),
        ScanCase("a «half-year» warranty", months(6)),
    ])
    func halves(_ c: ScanCase) { expectScan(c) }

    @Test(arguments: [
        ScanCase("支持«7天»无理由退货", days(7)),
        ScanCase("支持«七天»无理由退货", days(7)),
        ScanCase("在天猫购买的商品享受«7天»无理由退货", days(7)),
        ScanCase("一般商品售后期为«15天»，三包耐用品为«180天»。", days(15), days(180)),
        ScanCase("1. 售后期为«15天»", days(15)),
        ScanCase("退货«7天»，退款3至5个工作日", days(7)),
        ScanCase("«15天»以内", days(15)),
        ScanCase("«7天»、«15天»", days(7), days(15)),
        ScanCase("«CNY 50» and «15 days»", cny(50), days(15)),
        ScanCase("«3» and «5 days»", plain(3), days(5)),
        ScanCase("«9.9元»包邮", cny(9.9)),
        ScanCase("前«3天»", days(3)),
    ])
    func claimsInContext(_ c: ScanCase) { expectScan(c) }

    @Test(arguments: [
        ScanCase("within «15 days»", days(15)),
        ScanCase("«1 day»", days(1)),
        ScanCase("«fifteen days»", days(15)),
        ScanCase("«Fifteen Days»", days(15)),
        ScanCase("«seven days»", days(7)),
        ScanCase("a «seven-day» return", days(7)),
        ScanCase("a «15-day» window", days(15)),
        ScanCase("«two working days»", workingDays(2)),
        ScanCase("«2 business days»", workingDays(2)),
        ScanCase("«2 business-days»", workingDays(2)),
        ScanCase("«3 workdays»", workingDays(3)),
        ScanCase("«24 hours»", hours(24)),
        ScanCase("within «a week»", days(7)),
        ScanCase("The window is «a month».", months(1)),
        ScanCase("it takes «an hour»", hours(1)),
        ScanCase("in «a working day»", workingDays(1)),
        ScanCase("within «a fortnight»", days(14)),
        ScanCase("«2 fortnights»", days(28)),
        ScanCase("«半月»内", days(15)),
        ScanCase("«七天»、«十五天»", days(7), days(15)),
        ScanCase("«twenty-four hours»", hours(24)),
        ScanCase("«24hrs»", hours(24)),
        ScanCase("«six months»", months(6)),
        ScanCase("«one year»", years(1)),
        ScanCase("a «one-year» warranty", years(1)),
        ScanCase("«180 days»", days(180)),
        ScanCase("«one hundred and eighty days»", days(180)),
        ScanCase("«a hundred days»", days(100)),
        ScanCase("«2 weeks»", days(14)),
        ScanCase("«1.5 days»", days(1.5)),
        ScanCase("WITHIN «15 DAYS» FOR «30 DAYS»", days(15), days(30)),
        ScanCase("«30 days»' notice", days(30)),
        ScanCase("We reply in «2 hrs».", hours(2)),
        ScanCase("«three calendar days»", days(3)),
        ScanCase("The after-sales window is «fifteen days»; durable goods get «180 days».", days(15), days(180)),
    ])
    func english(_ c: ScanCase) { expectScan(c) }

    @Test(arguments: [
        ScanCase("«CNY 50»", cny(50)),
        ScanCase("«CNY50»", cny(50)),
        ScanCase("«RMB 50»", cny(50)),
        ScanCase("«rmb 50»", cny(50)),
        ScanCase("«¥50»", cny(50)),
        ScanCase("«￥50»", cny(50)),
        ScanCase("«¥ 1,000.50»", cny(1000.5)),
        ScanCase("«RMB ¥50»", cny(50)),
        ScanCase("«¥50元»", cny(50)),
        ScanCase("«50元»", cny(50)),
        ScanCase("«五十元»", cny(50)),
        ScanCase("«两万元»", cny(20000)),
        ScanCase("«1.5万元»", cny(15000)),
        ScanCase("«3千元»", cny(3000)),
        ScanCase("«50 yuan»", cny(50)),
        ScanCase("«fifty yuan»", cny(50)),
        ScanCase("«50 CNY»", cny(50)),
        ScanCase("«CNY 1,000»", cny(1000)),
        ScanCase("«1,000元»", cny(1000)),
        ScanCase("«0.35万元»", cny(3500)),
        ScanCase("«¥9.99»", cny(9.99)),
    ])
    func money(_ c: ScanCase) { expectScan(c) }

    @Test(arguments: [
        ScanCase("可免费维修«3»次", plain(3)),
        ScanCase("可免费维修«三次»", plain(3)),
        ScanCase("最多申请«两次»", plain(2)),
        ScanCase("you may apply «three times»", plain(3)),
        ScanCase("一次性用品"),
        ScanCase("第三次申请"),
        ScanCase("up to «3» repairs", plain(3)),
        ScanCase("最多«1,000»件", plain(1000)),
        ScanCase("The limit is «3».", plain(3)),
        // 块 counts pieces before these nouns; elsewhere it is 元.
        ScanCase("换两块电池"), ScanCase("一块手表"), ScanCase("换«2»块电池", plain(2)),
        // A capitalized word opening the sentence is no product name.
        ScanCase("Upload «3» photos.", plain(3)), ScanCase("Done. Allow «3» photos", plain(3)), ScanCase("请上传 «5» 张照片", plain(5)),
    ])
    func bareNumbersArePlain(_ c: ScanCase) { expectScan(c) }

    /// A noun that labels a number ("step 3", "window 7") labels it only when no unit follows: in "Is the
    /// after-sales window 7 days?" the number is an amount, as in "售后期是7天吗？".
    @Test(arguments: [
        ScanCase("Is the after-sales window «7 days»?", days(7)), ScanCase("the return window «15 days» long", days(15)),
        ScanCase("Step 2 takes «3 days».", days(3)),
    ])
    func aUnitMakesANumberAfterALabelNounAnAmount(_ c: ScanCase) { expectScan(c) }

    @Test(arguments: [
        // Dates and times.
        "2026-11-20", "活动时间为2026年11月20日", "2026年", "26年11月", "二〇二六年十一月二十日", "11月20日发货",
        "每月15日结算", "十一月二十日", "20:08前下单", "20：08", "November 20, 2026", "on Nov. 20", "20 November",
        "2026年度",
        // The same with spaces, as much Chinese is written, and English times of day.
        "2026 年 3 月 20 日前申请", "客服 9 点上班", "3 号发货", "打 5 折", "打5折", "opens at 9 am", "at 5 p.m.", "9 o'clock",
        "9 PM",
        // Identifiers.
        "订单号 1234567890123", "订单号：123", "客服电话400-800-1234", "拨打12315投诉", "138 0013 8000",
        "版本0.29.0", "v2 days", "iPhone15", "A380", "5G网络", "No. 3", "#3", "7x24小时客服", "7×24小时客服", "24/7",
        "USD 50", "$50", "¥-5", "SKU 123",
        // Ordinals, steps, list markers, rates.
        "第3步", "第三步：寄回商品", "第15天", "第十五天起", "1. 联系卖家", "3、填写单号", "3) 填写单号",
        "每15天", "每一天", "every 3 days", "the 15th day", "step 3", "window 7 is open", "see page 12.", "双11", "双十一天猫大促",
        // Percentages.
        "30%的订金", "30 ％", "30 percent", "30 per cent", "百分之三十", "百分之30", "三分之一",
        // Approximations and ranges.
        "十几天", "几十天", "10多天", "十余天", "十来天", "一两天", "七八天", "一年半载", "3-5个工作日", "3至5天",
        "三到五个工作日", "一到两个工作日", "3天至5天", "七、八天", "2 to 3 days", "two to three days", "3 – 5 days", "3 ~ 5 天",
        "CNY 50 to 100", "between 3 and 5 days", "7 or 15 days",
        // Product names, ratings and keys before or around a bare number.
        "an iPhone 15 is fine", "在 iPhone 15 上", "on Windows 11 laptops", "the Huawei Mate 60", "5-star reviews",
        "a 3-pin plug", "5 星好评", "5星好评", "请按 1 键转人工", "press 1 for an agent", "dial 2",
        "3万", "5千米", "十天半个月",
        // Words that contain a number or unit character.
        "天猫", "万一天气不好", "统一", "三包", "一般", "千万不要", "十分钟", "30分钟", "100日元", "三年级", "两周年",
        "一周一次", "周一至周五", "星期三", "上半年", "大半年", "半天", "等了半天", "一半", "同一天", "这一年", "前一天",
        "one of them", "a year", "twice a year", "half a day", "3 years old", "a 3-year-old", "3kg", "15th",
        // Rates: "per", not an amount.
        "24 hours a day", "7 days a week", "2 hours per day", "24 hours/day", "once a week", "每天24小时", "每周7天", "每日 8 小时",
        // Points in time.
        "3 days ago", "3天前", "两个月之前",
        // 半月 in a name.
        "半月板", "半月刊",
    ])
    func notClaims(_ text: String) {
        let found = QuantityScanner.scan(text)
        #expect(found == [], "found \(found.map { "«\(MarkedText.slice(text, $0.range))» \($0.quantity)" })")
    }

    /// Hedged: roughly one value, which the checker holds against a rule only when it is far off.
    @Test(arguments: [
        "约10天", "大约10天", "大概 10 天", "将近10天", "接近十天", "10天左右", "10 天 左右", "约为 10 天", "大约是10天", "about 10 days",
        "around ten days", "roughly 10 days", "approx. 10 days", "nearly 10 days", "almost 10 days", "10 days or so", "~10 days",
        "more than 10 days", "at least ten days", "less than 10 days", "至少10天", "不少于 10 天", "10天以上",
        "～10天",
    ])
    func hedgedValuesAreApproximate(_ text: String) {
        let found = QuantityScanner.scan(text)
        #expect(found.map(\.quantity) == [Quantity(amount: 10, unit: .days)] && found.allSatisfy(\.approximate), "\(found)")
    }

    @Test func aHedgedAmountOfMoneyIsApproximate() {
        for text in ["约¥50", "approximately CNY 50"] {
            #expect(QuantityScanner.scan(text).map { "\($0.quantity.amount) \($0.approximate)" } == ["50.0 true"], "\(text)")
        }
        #expect(QuantityScanner.scan("10 days or sooner").allSatisfy { !$0.approximate })
    }

    /// Weeks become days and 半 adds a half before the one division by the decimal's power of ten, so prose
    /// reads as the same Double a table cell parses to (0.1 × 7 would be 0.7000000000000001, not 0.7).
    @Test(arguments: [
        ("0.1 weeks", "0.7 days"), ("3914.8周", "27403.6 days"), ("1.3周", "9.1 days"), ("0.3个星期", "2.1 days"),
        ("2.2个半月", "2.7 months"), ("1.5万元", "CNY 15000"), ("9.9元", "CNY 9.90"), ("0.07 weeks", "0.49 days"),
    ])
    func scaledDecimalsMatchTableCells(_ prose: String, _ cell: String) throws {
        let kind: QuantityKind = cell.hasPrefix("CNY") ? .money : .duration
        let table = try QuantityParser.parseCanonical(cell, expecting: kind).get()
        #expect(QuantityScanner.scan(prose).map(\.quantity) == [table], "«\(prose)» against `\(cell)`")
    }

    @Test func rangesAreUTF8ByteOffsets() {
        // 售后期为 is 12 bytes, 15天 is 5.
        #expect(QuantityScanner.scan("售后期为15天") == [QuantityLiteral(range: 12..<17, quantity: days(15))])
        #expect(QuantityScanner.scan("") == [])
    }

    @Test func scansLargeTextsInOnePass() {
        // A page-sized mix of prose, identifiers and literals: every literal is found, in order.
        let block = "售后期为15天，订单号1234567890，客服400-800-1234。The window is fifteen days (CNY 50).\n"
        let text = String(repeating: block, count: 2_000)
        let found = QuantityScanner.scan(text)
        #expect(found.count == 6_000)
        #expect(found.prefix(3).map(\.quantity) == [days(15), days(15), cny(50)])
        #expect(found.last?.range.upperBound == text.utf8.count - 3)
    }

    /// A number restated in brackets before its unit is one literal, the bracketed number included; brackets
    /// holding words that are not a number leave the number bare.
    @Test(arguments: [
        ScanCase("within «fifteen (15) days»", days(15)),
        ScanCase("售后期为«十五（15）天»。", days(15)),
        ScanCase("售后期为«15（十五）天»。", days(15)),
        ScanCase("1440 minutes"),
        ScanCase("90 min"),
        ScanCase("«15» (or more) days", plain(15)),
        ScanCase("«15»（以上）天", plain(15)),
    ])
    func restatedNumbersAndMinutes(_ c: ScanCase) { expectScan(c) }
}
