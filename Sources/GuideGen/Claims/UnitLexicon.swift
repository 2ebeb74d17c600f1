/// The unit words that may follow a number in prose, in both languages, and what each one means.
enum UnitLexicon {
    /// Which unit word matched, for the few checks that depend on the word rather than the unit.
    enum Word: Sendable {
        /// 年: a four-digit number before it is a calendar year, and 年 followed by 月 is a date.
        case chineseYear
        /// 日: after 月 it is a day of the month (11月20日).
        case chineseDay
        /// 天: may take a trailing 半 (两天半).
        case chineseTian
        /// year/years: "3 years old" is an age.
        case englishYear
        /// 分钟/minutes: no rule is written in minutes, and "只需十分钟" is how long a step takes, not a window; read
        /// only so that the number is not taken for a bare count.
        case minute
        case other

        /// Whether a trailing 半 adds a half (一年半, 两天半); the 个 units take it before the unit (一个半月).
        var takesTrailingHalf: Bool { self == .chineseYear || self == .chineseDay || self == .chineseTian }
    }

    /// A unit word found after a number.
    struct Match {
        var unit: QuantityUnit
        /// What one of this word is in `unit`: 7 for a week.
        var scale: Double
        /// The byte offset just after the unit word.
        var end: Int
        var word: Word
        /// Whether the number already includes a half (一个半月 = 1.5 months).
        var addsHalf = false
    }

    private struct ChineseEntry {
        let bytes: [UInt8]
        let unit: QuantityUnit
        let scale: Double
        let word: Word
        /// Characters that turn the unit character into part of another word: 天猫 (Tmall), 天气, 日期, 年级,
        /// 周年, 元旦, 月饼. Checked on the scalar right after the unit.
        let notBefore: [Unicode.Scalar]

        init(_ text: String, _ unit: QuantityUnit, scale: Double = 1, _ word: Word = .other, notBefore: String = "") {
            self.bytes = Array(text.utf8)
            self.unit = unit
            self.scale = scale
            self.word = word
            self.notBefore = Array(notBefore.unicodeScalars)
        }
    }

    /// Weekday names (星期一, 礼拜天, 周日) are not durations.
    private static let weekdays = "一二三四五六日天"

    /// The first spelling that starts at the position decides, so a longer one sharing a first character comes
    /// first (日历日 before 日); simplified and traditional forms are both listed so a zh-Hant site works unchanged.
    private static let chinese: [ChineseEntry] = [
        // Before 日 and 天, whose `notBefore` would refuse 日历 (calendar) and end the search.
        ChineseEntry("个日历日", .days), ChineseEntry("個日曆日", .days), ChineseEntry("日历日", .days),
        ChineseEntry("日曆日", .days), ChineseEntry("日历天", .days), ChineseEntry("日曆天", .days),
        ChineseEntry("分钟", .hours, .minute), ChineseEntry("分鐘", .hours, .minute),
        ChineseEntry("块钱", .cny), ChineseEntry("塊錢", .cny),
        ChineseEntry("个工作日", .workingDays), ChineseEntry("個工作日", .workingDays),
        ChineseEntry("工作日", .workingDays),
        // 工作天 (the usual word in Traditional Chinese, common in Simplified) and 营业日 (business days).
        ChineseEntry("个工作天", .workingDays), ChineseEntry("個工作天", .workingDays),
        ChineseEntry("工作天", .workingDays),
        ChineseEntry("个营业日", .workingDays), ChineseEntry("個營業日", .workingDays),
        ChineseEntry("营业日", .workingDays), ChineseEntry("營業日", .workingDays),
        ChineseEntry("个自然日", .days), ChineseEntry("個自然日", .days), ChineseEntry("自然日", .days),
        ChineseEntry("个小时", .hours), ChineseEntry("個小時", .hours), ChineseEntry("小时", .hours),
        ChineseEntry("小時", .hours),
        ChineseEntry("个钟头", .hours), ChineseEntry("個鐘頭", .hours), ChineseEntry("钟头", .hours),
        ChineseEntry("鐘頭", .hours),
        ChineseEntry("个月", .months, notBefore: "饼"), ChineseEntry("個月", .months, notBefore: "餅"),
        ChineseEntry("个星期", .days, scale: 7, notBefore: weekdays),
        ChineseEntry("個星期", .days, scale: 7, notBefore: weekdays),
        ChineseEntry("星期", .days, scale: 7, notBefore: weekdays),
        ChineseEntry("个礼拜", .days, scale: 7, notBefore: weekdays),
        ChineseEntry("個禮拜", .days, scale: 7, notBefore: weekdays),
        ChineseEntry("礼拜", .days, scale: 7, notBefore: weekdays),
        ChineseEntry("禮拜", .days, scale: 7, notBefore: weekdays),
        ChineseEntry("周", .days, scale: 7, notBefore: "年末边岁期" + weekdays),
        ChineseEntry("週", .days, scale: 7, notBefore: "年末邊歲期" + weekdays),
        ChineseEntry("天", .days, .chineseTian, notBefore: "气氣然猫貓堂空津才生使文"),
        ChineseEntry("日", .days, .chineseDay, notBefore: "期本常用志历曆报報元记記语語"),
        ChineseEntry("年", .years, .chineseYear, notBefore: "级級龄齡纪紀度轻輕代货貨会會"),
        ChineseEntry("元", .cny, notBefore: "旦素件宵"),
        // 块 is the everyday word for 元 (50块); not where it counts pieces (两块电池, 一块手表, 一块屏幕).
        ChineseEntry("块", .cny, notBefore: "电電手表錶屏板布砖磚糖肉地石玻"),
        ChineseEntry("塊", .cny, notBefore: "电電手表錶屏板布砖磚糖肉地石玻"),
        ChineseEntry("人民币", .cny), ChineseEntry("人民幣", .cny),
    ]

    /// What may follow 个半 (一个半月, 两个半小时).
    private static let afterHalf: [ChineseEntry] = [
        ChineseEntry("月", .months, notBefore: "饼"), ChineseEntry("小时", .hours), ChineseEntry("小時", .hours),
        ChineseEntry("钟头", .hours), ChineseEntry("鐘頭", .hours),
    ]

    private static let ge: [[UInt8]] = [Array("个".utf8), Array("個".utf8)]
    private static let banBytes = Array("半".utf8)

    /// The Chinese unit word starting exactly at `i`, including 个半 forms.
    static func chinese(_ b: UTF8Scan.Bytes, at i: Int) -> Match? {
        if let m = match(chinese, b, at: i) { return m }
        // 一个半月: 个 + 半 + unit.
        for g in ge where UTF8Scan.hasPrefix(b, at: i, g) && UTF8Scan.hasPrefix(b, at: i + g.count, banBytes) {
            if var m = match(afterHalf, b, at: i + g.count + banBytes.count) {
                m.addsHalf = true
                return m
            }
        }
        return nil
    }

    /// The entry of `table` at `i`, unless the character after it makes it part of another word.
    private static func match(_ table: [ChineseEntry], _ b: UTF8Scan.Bytes, at i: Int) -> Match? {
        for entry in table where UTF8Scan.hasPrefix(b, at: i, entry.bytes) {
            let end = i + entry.bytes.count
            if !entry.notBefore.isEmpty, let (next, _) = UTF8Scan.scalar(b, ifAt: end), entry.notBefore.contains(next) {
                return nil
            }
            return Match(unit: entry.unit, scale: entry.scale, end: end, word: entry.word)
        }
        return nil
    }

    private struct EnglishEntry {
        let bytes: [UInt8]
        let unit: QuantityUnit
        let scale: Double
        let word: Word
        /// "working", "business" and "calendar" need "day"/"days" after them.
        let needsDay: Bool

        init(_ text: String, _ unit: QuantityUnit, scale: Double = 1, _ word: Word = .other, needsDay: Bool = false) {
            self.bytes = Array(text.utf8)
            self.unit = unit
            self.scale = scale
            self.word = word
            self.needsDay = needsDay
        }
    }

    private static let english: [EnglishEntry] = [
        EnglishEntry("day", .days), EnglishEntry("days", .days),
        EnglishEntry("working", .workingDays, needsDay: true), EnglishEntry("business", .workingDays, needsDay: true),
        EnglishEntry("work", .workingDays, needsDay: true), EnglishEntry("workday", .workingDays),
        EnglishEntry("workdays", .workingDays),
        EnglishEntry("calendar", .days, needsDay: true), EnglishEntry("natural", .days, needsDay: true),
        EnglishEntry("hour", .hours), EnglishEntry("hours", .hours), EnglishEntry("hr", .hours),
        EnglishEntry("hrs", .hours), EnglishEntry("h", .hours),
        EnglishEntry("minute", .hours, .minute), EnglishEntry("minutes", .hours, .minute), EnglishEntry("min", .hours, .minute),
        EnglishEntry("mins", .hours, .minute),
        EnglishEntry("week", .days, scale: 7), EnglishEntry("weeks", .days, scale: 7),
        EnglishEntry("fortnight", .days, scale: 14), EnglishEntry("fortnights", .days, scale: 14),
        EnglishEntry("month", .months), EnglishEntry("months", .months),
        EnglishEntry("year", .years, .englishYear), EnglishEntry("years", .years, .englishYear),
        EnglishEntry("yuan", .cny), EnglishEntry("cny", .cny), EnglishEntry("rmb", .cny),
    ]

    private static let day = Array("day".utf8)
    private static let days = Array("days".utf8)

    /// The English unit word (or two-word unit such as "working days", "business-day") starting at `i`,
    /// matched ASCII case-insensitively as whole words.
    static func english(_ b: UTF8Scan.Bytes, at i: Int) -> Match? {
        let end = UTF8Scan.letterRunEnd(b, from: i)
        guard end > i, end == b.count || !UTF8Scan.isDigit(b[end]) else { return nil }
        for entry in english where UTF8Scan.equalsIgnoringCase(b, i..<end, entry.bytes) {
            guard entry.needsDay else { return Match(unit: entry.unit, scale: entry.scale, end: end, word: entry.word) }
            guard end + 1 < b.count, b[end] == 0x20 || b[end] == 0x2D else { return nil }
            let dayEnd = UTF8Scan.letterRunEnd(b, from: end + 1)
            guard dayEnd == b.count || !UTF8Scan.isDigit(b[dayEnd]) else { return nil }
            let range = (end + 1)..<dayEnd
            guard UTF8Scan.equalsIgnoringCase(b, range, day) || UTF8Scan.equalsIgnoringCase(b, range, days) else {
                return nil
            }
            return Match(unit: entry.unit, scale: 1, end: dayEnd, word: .other)
        }
        return nil
    }
}
