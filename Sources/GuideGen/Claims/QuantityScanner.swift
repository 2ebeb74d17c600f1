/// Finds the quantities prose states literally (`15天`, `十五天`, `两个工作日`, `fifteen days`, `CNY 1,000`, `¥50`),
/// in one left-to-right pass over the UTF-8 bytes.
///
/// What counts as a literal, and what deliberately does not:
/// - Units are normalised to `QuantityUnit`: 天/日/自然日/days/calendar days → days; 工作日/工作天/营业日/working, business or
///   work days → workingDays; 小时/钟头/hours/hrs/h → hours; 个月/months → months;
///   年/years → years; 元/块/块钱/yuan/CNY/RMB/¥/￥ → cny (with 万 and 千: `1.5万元` is CNY 15000). Weeks (周, 星期, 礼拜,
///   weeks) become 7 days each, since rule tables have no week unit; 日历日/日历天 are calendar days. A number
///   restated in brackets before its unit is one literal: "fifteen (15) days", 十五（15）天. Minutes (分钟,
///   "minutes") are read and dropped: no rule is in minutes, and the number is not a bare count either.
/// - Halves: `半年` is 6 months and `半个月` is 15 days, because that is what the phrases mean in after-sales rules
///   (a rule written `15 days` is stated as 半个月 in prose); `半小时` is 0.5 hours; `一年半`, `两天半` and
///   `一个半月` add a half to the unit. `半天`/`半日` are not literals: 等了半天 means "a long while". English
///   follows the same choices: "half a year", "half a month", "half an hour", and no "half a day".
/// - Bare Arabic numbers are `.plain` literals (for `number` columns), except when they are identifiers or
///   calendar values: dates and times (`2026-11-20`, `2026年11月20日`, `11月20日`, `20:08`, `November 20`), bare
///   years (`2026`), numbers of five or more digits or with a leading zero (order numbers, hotlines such as
///   `12315`), numbers written with `-`, `/`, `:` or spaces between digit groups (`400-800-1234`), versions
///   (`0.29.0`), numbers attached to letters (`A380`, `15th`, `5G`), percentages (`30%`, `30 percent`) and list
///   markers (`3.` or `3)` opening a line, `3、` anywhere). Chinese and English number words are literals only with a unit
///   or as a count (三次, "three times", like 3次): bare, they are parts of ordinary words (一般, 三包, "no one").
/// - Never a window claim: ordinals and rates (`第3步`, `第十五天`, `每15天`, "every 3 days"), approximations
///   (`十几天`, `10多天`, `一两天`, `七八天`, `一年半载`), ranges (`3-5个工作日`, `3至5天`, "two to three days",
///   "between 3 and 5 days", and same-unit literals side by side as in 十天半个月 — a range is not one value to
///   compare, so both ends are dropped), 7×24, ages ("3 years old"), `一` used as "the/a"
///   (`同一天`, `这一年`, `前一天`), halves of a period (`上半年`), and words that merely contain a unit character
///   (`天猫`, `天气`, `日期`, `年级`, `周年`, `元旦`).
/// - "a week", "an hour", "a fortnight" (14 days) are one of the unit only after a word that introduces an
///   amount ("within a week", "takes a day"): elsewhere "24 hours a day" and "twice a year" mean "per". A
///   rate is no amount either: "24 hours a day", "7 days per week", "2 hours/day", 每天24小时, 每周7天.
/// - Points in time: "3 days ago", 3天前 (a time since, not a length).
/// - Hedged values (`约15天`, `15天左右`, "about 15 days", "~15 days") and bounds ("more than 15 days", "at
///   least 15 days", `至少15天`, `15天以上`) are literals marked `approximate`.
public enum QuantityScanner {
    /// Every literal quantity in `text`, left to right, found in one pass over its UTF-8 bytes.
    public static func scan(_ text: String) -> [QuantityLiteral] {
        UTF8Scan.withBytes(text) { scan(bytes: $0) }
    }

    /// `scan` over UTF-8 bytes.
    static func scan(bytes: UTF8Scan.Bytes) -> [QuantityLiteral] {
        var scan = LiteralScan(b: bytes)
        scan.run()
        return scan.literals
    }
}

/// The state of one scan. Every branch returns an offset past what it consumed, and look-arounds are bounded,
/// so each byte is visited a small constant number of times.
private struct LiteralScan {
    let b: UTF8Scan.Bytes
    var literals: [QuantityLiteral] = []
    /// The last number read, literal or not, so that the second end of a range can retract the first.
    var previous: NumberRecord?
    /// Whether the current line has anything but spaces before the scan position (for list markers).
    var lineHasContent = false

    struct NumberRecord {
        var start: Int
        var end: Int
        var unit: QuantityUnit?
        var literalIndex: Int?
    }

    init(b: UTF8Scan.Bytes) { self.b = b }

    mutating func run() {
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 {
                if UTF8Scan.isDigit(c) {
                    i = arabic(at: i)
                } else if UTF8Scan.isLetter(c) {
                    lineHasContent = true
                    i = word(at: i)
                } else {
                    if c == 0x0A || c == 0x0D {
                        lineHasContent = false
                    } else if c != 0x20 && c != 0x09 {
                        lineHasContent = true
                    }
                    i += 1
                }
                continue
            }
            let (s, length) = UTF8Scan.scalar(b, at: i)
            if s.value &- 0xFF10 < 10 {  // full-width digit
                i = arabic(at: i)
                continue
            }
            if s != "\u{A0}" && s != "\u{3000}" { lineHasContent = true }
            if s == "¥" || s == "￥" {
                i = currency(start: i, after: i + length) ?? i + length
            } else if ChineseNumeral.isNumeral(s) {
                i = chineseNumber(at: i)
            } else if s == "半" {
                i = half(at: i)
            } else {
                i += length
            }
        }
    }

    // MARK: - Arabic numerals

    struct ArabicNumber {
        /// The digits without the decimal point, exact below 2^53, so that `1.5万` is exactly 15000 and `9.9` is
        /// the same Double as the literal 9.9 (one rounding, in the division).
        var mantissa: Double
        var fractionDigits: Int
        var end: Int
        var integerDigits: Int
        var leadingZero: Bool
        var grouped: Bool
        var decimal: Bool
        /// Digit groups joined by `-`, `/`, `:`, spaces or a second `.`: a date, time, phone number, version or
        /// compact range (2026-11-20, 20:08, 400-800-1234, 0.29.0, 3-5), never one quantity.
        var isIdentifier: Bool

        var isFourDigitInteger: Bool { !grouped && !decimal && integerDigits == 4 }
        var value: Double { value(times: 1) }

        func value(times multiplier: Double) -> Double {
            mantissa * multiplier / Words.powersOfTen[fractionDigits]
        }
    }

    func readArabic(at i: Int) -> ArabicNumber {
        var j = i
        var mantissa = 0.0
        var digits = 0
        var leadingZero = false
        while let (d, length) = UTF8Scan.digit(b, at: j) {
            if digits == 0, d == 0 { leadingZero = true }
            mantissa = mantissa * 10 + Double(d)
            digits += 1
            j += length
        }
        var grouped = false
        // Thousands separators: ASCII digits in groups of exactly three ("1,000", "1,000,000").
        if digits <= 3, !leadingZero {
            while j + 3 < b.count, b[j] == 0x2C, UTF8Scan.isDigit(b[j + 1]), UTF8Scan.isDigit(b[j + 2]),
                UTF8Scan.isDigit(b[j + 3]), j + 4 == b.count || !UTF8Scan.isDigit(b[j + 4])
            {
                let group = Int(b[j + 1] - 0x30) * 100 + Int(b[j + 2] - 0x30) * 10 + Int(b[j + 3] - 0x30)
                mantissa = mantissa * 1000 + Double(group)
                j += 4
                grouped = true
            }
        }
        var decimal = false
        var fractionDigits = 0
        if j + 1 < b.count, b[j] == 0x2E, UTF8Scan.isDigit(b[j + 1]) {
            j += 1
            while j < b.count, UTF8Scan.isDigit(b[j]) {
                // Digits past the 15th cannot change a Double that is still exact; skip them.
                if fractionDigits < 15 {
                    mantissa = mantissa * 10 + Double(b[j] - 0x30)
                    fractionDigits += 1
                }
                j += 1
            }
            decimal = true
        }
        var identifier = false
        while j + 1 < b.count {
            let c = b[j]
            let separator: Int
            if c == 0x2E || c == 0x2D || c == 0x2F || c == 0x3A || c == 0x20 {  // . - / : space
                separator = 1
            } else if c == 0xEF, j + 2 < b.count, b[j + 1] == 0xBC, b[j + 2] == 0x9A {  // ：
                separator = 3
            } else {
                break
            }
            guard UTF8Scan.digit(b, at: j + separator) != nil else { break }
            identifier = true
            j += separator
            while let (_, length) = UTF8Scan.digit(b, at: j) { j += length }
        }
        return ArabicNumber(
            mantissa: mantissa, fractionDigits: fractionDigits, end: j, integerDigits: digits, leadingZero: leadingZero,
            grouped: grouped, decimal: decimal,
            isIdentifier: identifier)
    }

    mutating func arabic(at start: Int) -> Int {
        let atLineStart = !lineHasContent
        lineHasContent = true
        let n = readArabic(at: start)
        if n.isIdentifier || isExcludedBeforeArabic(start, end: n.end) {
            finish(start: start, end: n.end, quantity: nil, unit: nil)
            return n.end
        }
        var multiplier = 1.0
        var k = n.end
        var multiplied = false
        if let (s, length) = UTF8Scan.scalar(b, ifAt: k) {
            if isApproximate(s) {
                finish(start: start, end: k, quantity: nil, unit: nil)
                return k
            }
            if let m = moneyMultiplier(s) {
                multiplier = m
                k += length
                multiplied = true
            }
        }
        let value = n.value(times: multiplier)
        if let end = percentEnd(after: k) {
            finish(start: start, end: end, quantity: nil, unit: nil)
            return end
        }
        if let u = unit(after: k, english: true, chinese: true) {
            // 3万 and 2千 are only read as money (3万元); 5千米 is a distance.
            guard !multiplied || u.unit == .cny else {
                finish(start: start, end: k, quantity: nil, unit: nil)
                return k
            }
            return finish(
                start: start, value: n.mantissa * multiplier, dividedBy: Words.powersOfTen[n.fractionDigits], unit: u,
                fourDigitInteger: n.isFourDigitInteger)
        }
        let plain = !multiplied && isPlainNumber(n, start: start, atLineStart: atLineStart)
        finish(start: start, end: k, quantity: plain ? Quantity(amount: value, unit: .plain) : nil, unit: nil)
        return k
    }

    /// Whether a number with no unit is a count worth reporting rather than a marker, identifier or date part.
    func isPlainNumber(_ n: ArabicNumber, start: Int, atLineStart: Bool) -> Bool {
        if n.end < b.count, UTF8Scan.isLetter(b[n.end]) { return false }  // 15th, 5G, 3kg
        // A compound adjective: "5-star", "3-pin" (units, as in "7-day", were read before this).
        if n.end + 1 < b.count, b[n.end] == 0x2D, UTF8Scan.isLetter(b[n.end + 1]) { return false }
        if isModelName(before: start) { return false }
        // What follows, attached or across spaces (Chinese is often written `2026 年 3 月`, `9 点`).
        let next = UTF8Scan.skipSpaces(b, from: n.end)
        if let (s, _) = UTF8Scan.scalar(b, ifAt: next) {
            switch s {
            // Dates and times (11月, 20号, 8点), enumerations (1、), 7×24, discounts (5折 is 50 % of the price).
            // Ratings and keys: 5星好评, 按1键.
            case "月", "号", "號", "点", "點", "时", "時", "分", "秒", "、", "×", "*", "＊", "折", "星", "键", "鍵": return false
            // A unit character that is part of another word: 100日元, 2026年度.
            case "天", "日", "年", "周", "週", "元": return false
            case ".", ")", "）": if atLineStart && next == n.end { return false }  // "3. " and "3)" list markers
            default: break
            }
        }
        // A time of day: "9 am", "5 p.m.", "9 o'clock".
        if next > n.end, next < b.count, UTF8Scan.isLetter(b[next]) {
            let word = UTF8Scan.letterRunEnd(b, from: next)
            if Words.timesOfDay.contains(where: { UTF8Scan.equalsIgnoringCase(b, next..<word, $0) }) { return false }
            // a.m., p.m., o'clock.
            if word == next + 1, word + 1 < b.count, b[word] == 0x2E || b[word] == 0x27,
                (b[next] | 0x20 == 0x61 || b[next] | 0x20 == 0x70) && b[word] == 0x2E && b[word + 1] | 0x20 == 0x6D
                    || b[next] | 0x20 == 0x6F && b[word] == 0x27
            {
                return false
            }
        }
        if !n.grouped, !n.decimal {
            if n.integerDigits >= 5 { return false }  // order numbers, 12315, 95588
            if n.leadingZero, n.integerDigits >= 2 { return false }
            if n.integerDigits == 4, (1900...2100).contains(n.value) { return false }  // a year
        }
        // USD 50, SKU 123: another currency or a code (only for bare numbers: "FOR 15 DAYS" is a claim).
        if let w = UTF8Scan.wordEnding(b, at: UTF8Scan.skipSpacesBackward(b, from: start)), w.count == 3,
            w.allSatisfy({ b[$0] &- 0x41 < 26 })
        {
            return false
        }
        return !isNextToMonthName(start: start, end: n.end)
    }

    /// 第3步, 每15天, 双11, 三分之1, 订单号 123, No. 3, #3, v2, x24, $50, -5, "every 3 days", "step 3" (but not
    /// "the after-sales window 7 days": a unit after the number makes it an amount, whatever noun is before).
    func isExcludedBeforeArabic(_ start: Int, end: Int) -> Bool {
        guard start > 0 else { return false }
        let p = b[start - 1]
        if p < 0x80 {
            if UTF8Scan.isWordByte(p) { return true }
            switch p {
            case 0x2E, 0x2D, 0x2B, 0x23, 0x24, 0x2F, 0x40, 0x5C, 0x5F, 0x26, 0x3D: return true  // . - + # $ / @ \ _ & =
            default: break
            }
        }
        let j = UTF8Scan.skipSpacesBackward(b, from: start)
        guard let (s, sStart) = UTF8Scan.scalar(b, before: j) else { return false }
        if isRatePeriod(s, before: sStart) { return true }
        switch s {
        case "第", "每", "双", "雙", "之", "号", "號", "码", "碼", "€", "£", "＄", "＃", "×", "＊": return true
        case ":", "：":
            // 订单号：123
            let k = UTF8Scan.skipSpacesBackward(b, from: sStart)
            if let (t, _) = UTF8Scan.scalar(b, before: k), t == "号" || t == "號" || t == "码" || t == "碼" { return true }
        case ".":
            // "No. 3"
            if let w = UTF8Scan.wordEnding(b, at: sStart), UTF8Scan.equalsIgnoringCase(b, w, Words.no) { return true }
        default: break
        }
        if let w = UTF8Scan.wordEnding(b, at: j) {
            if UTF8Scan.equalsIgnoringCase(b, w, Words.every) { return true }
            if Words.isOrdinalNoun(b, w) { return unit(after: end, english: true, chinese: true) == nil }
        }
        return false
    }

    /// A product's name before a bare number: iPhone 15, MacBook 14 (a capital inside the word), Windows 11,
    /// Mate 60 (a capitalized word that does not open the sentence).
    func isModelName(before start: Int) -> Bool {
        guard let w = UTF8Scan.wordEnding(b, at: UTF8Scan.skipSpacesBackward(b, from: start), maxLength: 16) else { return false }
        if w.dropFirst().contains(where: { b[$0] &- 0x41 < 26 }) { return !w.allSatisfy { b[$0] &- 0x41 < 26 } }
        guard b[w.lowerBound] &- 0x41 < 26 else { return false }
        let k = UTF8Scan.skipSpacesBackward(b, from: w.lowerBound)
        guard let (p, _) = UTF8Scan.scalar(b, before: k) else { return false }
        switch p {
        case ".", "!", "?", ":", "。", "！", "？", "：", "\"", "“", "(", "（", "*", "_", "-", "•": return false
        default: return true
        }
    }

    /// "November 20", "Nov. 20", "20 November".
    func isNextToMonthName(start: Int, end: Int) -> Bool {
        var j = UTF8Scan.skipSpacesBackward(b, from: start)
        if j > 0, b[j - 1] == 0x2E { j -= 1 }
        if let w = UTF8Scan.wordEnding(b, at: j), Words.isMonth(b, w) { return true }
        let k = UTF8Scan.skipSpaces(b, from: end)
        if k > end, k < b.count, UTF8Scan.isLetter(b[k]) {
            let wordEnd = UTF8Scan.letterRunEnd(b, from: k)
            if Words.isMonth(b, k..<wordEnd) { return true }
        }
        return false
    }

    /// The end of a percent sign or word after `k` ("30%", "30 ％", "30 percent", "30 per cent"), if any.
    func percentEnd(after k: Int) -> Int? {
        let j = UTF8Scan.skipSpaces(b, from: k)
        guard let (s, length) = UTF8Scan.scalar(b, ifAt: j) else { return nil }
        if s == "%" || s == "％" || s == "‰" { return j + length }
        guard j > k, UTF8Scan.isLetter(b[j]) else { return nil }
        let wordEnd = UTF8Scan.letterRunEnd(b, from: j)
        if UTF8Scan.equalsIgnoringCase(b, j..<wordEnd, Words.percent) { return wordEnd }
        if UTF8Scan.equalsIgnoringCase(b, j..<wordEnd, Words.per), wordEnd + 1 < b.count, b[wordEnd] == 0x20 {
            let centEnd = UTF8Scan.letterRunEnd(b, from: wordEnd + 1)
            if UTF8Scan.equalsIgnoringCase(b, (wordEnd + 1)..<centEnd, Words.cent) { return centEnd }
        }
        return nil
    }

    // MARK: - Chinese numerals and 半

    mutating func chineseNumber(at start: Int) -> Int {
        let end = ChineseNumeral.runEnd(b, from: start)
        guard let value = ChineseNumeral.value(b, start..<end),
            !isExcludedBeforeChinese(start, isSingleOne: value == 1 && end - start == 3),
            !(UTF8Scan.scalar(b, ifAt: end).map { isApproximate($0.scalar) } ?? false)
        else {
            finish(start: start, end: end, quantity: nil, unit: nil)
            return end
        }
        if let u = unit(after: end, english: false, chinese: true) {
            return finish(start: start, value: Double(value), unit: u, fourDigitInteger: false)
        }
        // 三次, 两次: a count, as 3次 is (but not 一次性, "disposable").
        if UTF8Scan.hasPrefix(b, at: end, Words.ci), !UTF8Scan.hasPrefix(b, at: end + Words.ci.count, Words.xing) {
            finish(start: start, end: end + Words.ci.count, quantity: Quantity(amount: Double(value), unit: .plain), unit: nil)
            return end + Words.ci.count
        }
        finish(start: start, end: end, quantity: nil, unit: nil)
        return end
    }

    /// 第三步, 每一天, 双十一, 百分之三十, 周一, 星期三, 几十天, and 一 as a determiner (同一天, 这一年, 前一天).
    func isExcludedBeforeChinese(_ start: Int, isSingleOne: Bool) -> Bool {
        guard let (s, sStart) = UTF8Scan.scalar(b, before: start) else { return false }
        if isRatePeriod(s, before: sStart) { return true }
        switch s {
        case "第", "每", "双", "雙", "之", "周", "週", "初", "几", "幾", "数", "數": return true
        case "期", "拜":
            // 星期三, 礼拜天: weekday names.
            guard let (t, _) = UTF8Scan.scalar(b, before: sStart) else { return false }
            return t == "星" || t == "礼" || t == "禮"
        case "同", "这", "這", "那", "哪", "某", "前", "后", "後", "头", "頭", "另", "任", "唯", "统", "統", "逐":
            return isSingleOne
        default: return false
        }
    }

    /// 每天 / 每日 / 每周 / 每月 / 每年 just before a number (每天24小时, 每周7天): a rate, as "24 hours a day" is.
    func isRatePeriod(_ s: Unicode.Scalar, before sStart: Int) -> Bool {
        switch s {
        case "天", "日", "周", "週", "月", "年": return UTF8Scan.scalar(b, before: sStart)?.scalar == "每"
        default: return false
        }
    }

    /// 半年 (6 months), 半个月 and 半月 (15 days), 半小时 (0.5 hours); not 半天, 上半年, 一半, 大半年, 半月板.
    mutating func half(at start: Int) -> Int {
        let after = start + 3
        if let (p, _) = UTF8Scan.scalar(b, before: start) {
            switch p {
            case "上", "下", "前", "后", "後", "大", "多", "过", "過", "减", "減", "对", "對", "一", "近": return after
            default: break
            }
        }
        // 半月 (半月内, 半月后) is 半个月, but not in a name: 半月板 (a knee's meniscus), 半月刊, 半月形, 半月谈.
        if UTF8Scan.scalar(b, ifAt: after)?.scalar == "月", UnitLexicon.chinese(b, at: after) == nil {
            let next = UTF8Scan.scalar(b, ifAt: after + 3)?.scalar
            guard !["板", "刊", "形", "谈", "談", "湾", "灣", "牙", "饼", "餅"].contains(next) else { return after + 3 }
            finish(start: start, end: after + 3, quantity: Quantity(amount: 15, unit: .days), unit: .days)
            return after + 3
        }
        guard let u = UnitLexicon.chinese(b, at: after), !u.addsHalf else { return after }
        let quantity: Quantity
        switch (u.unit, u.scale) {
        case (.years, 1): quantity = Quantity(amount: 6, unit: .months)
        case (.months, 1): quantity = Quantity(amount: 15, unit: .days)
        case (.hours, 1): quantity = Quantity(amount: 0.5, unit: .hours)
        default: return after
        }
        finish(start: start, end: u.end, quantity: quantity, unit: quantity.unit)
        return u.end
    }

    // MARK: - Words: English numbers, currency codes, "half"

    mutating func word(at start: Int) -> Int {
        let end = UTF8Scan.letterRunEnd(b, from: start)
        // Only whole words: "iPhone15" and "24h" are handled from their digits.
        if start > 0, UTF8Scan.isWordByte(b[start - 1]) { return end }
        let range = start..<end
        // The first letter before the word lists: most words are none of `cny`, `rmb` or `half`.
        let first = UTF8Scan.lowercased(b[start])
        if first == 0x63 || first == 0x72,  // c, r
            UTF8Scan.equalsIgnoringCase(b, range, Words.cny) || UTF8Scan.equalsIgnoringCase(b, range, Words.rmb)
        {
            return currency(start: start, after: end) ?? end
        }
        if end < b.count, UTF8Scan.isDigit(b[end]) { return end }
        if first == 0x68, UTF8Scan.equalsIgnoringCase(b, range, Words.half) { return englishHalf(start: start, end: end) ?? end }
        if first == 0x61, end - start <= 2, let after = englishOne(start: start, end: end) { return after }
        guard EnglishNumber.mayStart(b, range), let (value, numberEnd) = EnglishNumber.parse(b, at: start) else { return end }
        if let w = UTF8Scan.wordEnding(b, at: UTF8Scan.skipSpacesBackward(b, from: start)),
            UTF8Scan.equalsIgnoringCase(b, w, Words.every)
        {
            finish(start: start, end: numberEnd, quantity: nil, unit: nil)
            return numberEnd
        }
        guard let u = unit(after: numberEnd, english: true, chinese: false) else {
            // "three times": a count, as "3 times" is.
            if numberEnd + 1 < b.count, b[numberEnd] == 0x20 {
                let timesEnd = UTF8Scan.letterRunEnd(b, from: numberEnd + 1)
                if UTF8Scan.equalsIgnoringCase(b, (numberEnd + 1)..<timesEnd, Words.times) {
                    finish(start: start, end: timesEnd, quantity: Quantity(amount: Double(value), unit: .plain), unit: nil)
                    return timesEnd
                }
            }
            finish(start: start, end: numberEnd, quantity: nil, unit: nil)
            return numberEnd
        }
        return finish(start: start, value: Double(value), unit: u, fourDigitInteger: false)
    }

    /// "a week", "an hour", "a fortnight" as one of the unit, after a word that introduces an amount ("within a
    /// week", "takes a day", "is a month", "about a week"); elsewhere "a day" means "per" ("24 hours a day",
    /// "twice a year") and is no value.
    mutating func englishOne(start: Int, end: Int) -> Int? {
        guard UTF8Scan.equalsIgnoringCase(b, start..<end, Words.a) || UTF8Scan.equalsIgnoringCase(b, start..<end, Words.an),
            end + 1 < b.count, b[end] == 0x20, UTF8Scan.isLetter(b[end + 1]),
            let before = UTF8Scan.wordEnding(b, at: UTF8Scan.skipSpacesBackward(b, from: start)),
            Words.amountLeads.contains(where: { UTF8Scan.equalsIgnoringCase(b, before, $0) }),
            let u = UnitLexicon.english(b, at: end + 1), u.unit != .cny, u.word != .minute,
            // Singular only: "a days" is no English.
            b[u.end - 1] | 0x20 != 0x73
        else { return nil }
        return finish(start: start, value: 1, unit: u, fourDigitInteger: false)
    }

    /// "half a year", "half-year", "half a month", "half an hour"; not "half a day" (see 半天).
    mutating func englishHalf(start: Int, end: Int) -> Int? {
        guard end + 1 < b.count, b[end] == 0x20 || b[end] == 0x2D, UTF8Scan.isLetter(b[end + 1]) else { return nil }
        var j = end + 1
        if b[end] == 0x20 {
            let articleEnd = UTF8Scan.letterRunEnd(b, from: j)
            let article = j..<articleEnd
            if UTF8Scan.equalsIgnoringCase(b, article, Words.a) || UTF8Scan.equalsIgnoringCase(b, article, Words.an) {
                guard articleEnd + 1 < b.count, b[articleEnd] == 0x20 else { return nil }
                j = articleEnd + 1
            }
        }
        guard let u = UnitLexicon.english(b, at: j) else { return nil }
        let quantity: Quantity
        switch u.unit {
        case .years: quantity = Quantity(amount: 6, unit: .months)
        case .months: quantity = Quantity(amount: 15, unit: .days)
        case .hours: quantity = Quantity(amount: 0.5, unit: .hours)
        default: return nil
        }
        finish(start: start, end: u.end, quantity: quantity, unit: quantity.unit)
        return u.end
    }

    /// `¥50`, `￥ 50`, `CNY 1,000`, `RMB50`, `RMB ¥50`, `¥1.5万`, `¥50元`; `k` is just after the symbol or code.
    mutating func currency(start: Int, after k: Int) -> Int? {
        var j = UTF8Scan.skipSpaces(b, from: k)
        if let (s, length) = UTF8Scan.scalar(b, ifAt: j), s == "¥" || s == "￥" {
            j = UTF8Scan.skipSpaces(b, from: j + length)
        }
        guard UTF8Scan.digit(b, at: j) != nil else { return nil }
        let n = readArabic(at: j)
        var end = n.end
        var value = n.value
        if let (s, length) = UTF8Scan.scalar(b, ifAt: end) {
            if n.isIdentifier || isApproximate(s) {
                finish(start: start, end: end, quantity: nil, unit: nil)
                return end
            }
            if let m = moneyMultiplier(s) {
                value = n.value(times: m)
                end += length
            }
        }
        // A trailing 元 or "yuan" repeats the currency; take it into the literal.
        if let u = unit(after: end, english: true, chinese: true), u.unit == .cny { end = u.end }
        finish(start: start, end: end, quantity: Quantity(amount: value, unit: .cny), unit: .cny)
        return end
    }

    // MARK: - Units and the checks that depend on them

    /// The unit after a number ending at `k`: attached (`15天`, `24h`), after spaces (`15 days`), or after a
    /// hyphen (`15-day`, `seven-day`).
    func unit(after k: Int, english: Bool, chinese: Bool) -> UnitLexicon.Match? {
        if let u = directUnit(after: k, english: english, chinese: chinese) { return u }
        // The number restated in brackets before the unit, as contracts write it: "fifteen (15) days",
        // 十五（15）天, 15（十五）天. The literal runs to the unit, so the number in brackets is not read again.
        guard let close = restatementEnd(after: k) else { return nil }
        return directUnit(after: close, english: true, chinese: true)
    }

    /// The end of `(15)`, `（十五）` or `(fifteen)` after optional spaces at `k`: brackets holding only a number
    /// (digits, a Chinese numeral or English number words; not "(or more)").
    func restatementEnd(after k: Int) -> Int? {
        var j = UTF8Scan.skipSpaces(b, from: k)
        guard let (open, openLength) = UTF8Scan.scalar(b, ifAt: j), open == "(" || open == "（" else { return nil }
        j += openLength
        if j < b.count, UTF8Scan.isLetter(b[j]) {
            guard let (_, end) = EnglishNumber.parse(b, at: j) else { return nil }
            j = end
        } else {
            let contentStart = j
            while j < b.count, j - contentStart <= 40 {
                let (s, length) = UTF8Scan.scalar(b, at: j)
                guard s.isASCII ? UTF8Scan.isDigit(b[j]) || b[j] == 0x2C : s.value &- 0xFF10 < 10 || ChineseNumeral.isNumeral(s)
                else { break }
                j += length
            }
            guard j > contentStart else { return nil }
        }
        guard let (close, closeLength) = UTF8Scan.scalar(b, ifAt: j), close == ")" || close == "）" else { return nil }
        return j + closeLength
    }

    func directUnit(after k: Int, english: Bool, chinese: Bool) -> UnitLexicon.Match? {
        if english, k + 1 < b.count, b[k] == 0x2D, UTF8Scan.isLetter(b[k + 1]) {
            return UnitLexicon.english(b, at: k + 1)
        }
        let j = UTF8Scan.skipSpaces(b, from: k)
        guard j < b.count else { return nil }
        if b[j] < 0x80 { return english && UTF8Scan.isLetter(b[j]) ? UnitLexicon.english(b, at: j) : nil }
        return chinese ? UnitLexicon.chinese(b, at: j) : nil
    }

    /// Emits the literal for a number with a unit, unless the unit word makes it a date or an age.
    /// The amount is `value / divisor` in the unit: the division comes last, after the unit's scale and any 半, so
    /// that `3914.8周` is the same Double as a table's `27403.6 days` (one rounding, as `Double("27403.6")` does).
    mutating func finish(
        start: Int, value: Double, dividedBy divisor: Double = 1, unit u: UnitLexicon.Match, fourDigitInteger: Bool
    ) -> Int {
        let notAQuantity: Bool
        switch u.word {
        case .chineseYear: notAQuantity = fourDigitInteger || isMonthAhead(u.end)  // 2026年, 26年11月
        case .chineseDay: notAQuantity = isMonthBehind(start)  // 11月20日, 每月15日
        case .englishYear: notAQuantity = isOld(u.end)  // 3 years old, 3-year-old
        case .minute: notAQuantity = true
        case .chineseTian, .other: notAQuantity = false
        }
        if notAQuantity {
            finish(start: start, end: u.end, quantity: nil, unit: nil)
            return u.end
        }
        var halves = u.addsHalf ? 1.0 : 0
        var end = u.end
        // A trailing 半 belongs to the unit unless it starts the next literal (十天半个月 is 十天 + 半个月).
        if u.word.takesTrailingHalf, UTF8Scan.hasPrefix(b, at: end, Words.ban),
            UnitLexicon.chinese(b, at: end + Words.ban.count) == nil
        {
            if UTF8Scan.hasPrefix(b, at: end + Words.ban.count, Words.zai) {  // 一年半载: "a year or so"
                finish(start: start, end: end, quantity: nil, unit: nil)
                return end + Words.ban.count + Words.zai.count
            }
            halves += 1
            end += Words.ban.count
        }
        // "24 hours a day", "7 days a week", "2 hours per day": a rate of the unit, not an amount of it.
        if u.unit != .cny, let rateEnd = rateEnd(after: end) {
            finish(start: start, end: end, quantity: nil, unit: nil)
            return rateEnd
        }
        // "3 days ago", 3天前: a point in time, not a length of it.
        if u.unit != .cny, isAgo(after: end) {
            finish(start: start, end: end, quantity: nil, unit: nil)
            return end
        }
        let amount = (value + halves * 0.5 * divisor) * u.scale / divisor
        // A run of digits long enough to be inexact (or infinite) in a Double states no rule value.
        let sane = amount.isFinite && amount < 1e15
        finish(start: start, end: end, quantity: sane ? Quantity(amount: amount, unit: u.unit) : nil, unit: sane ? u.unit : nil)
        return end
    }

    /// Records a number read at `start..<end` and emits `quantity`, unless the number closes a range with the
    /// previous one (`3至5天`, `3 - 5 days`, "two to three days", `CNY 50 to 100`, and 十天半个月 with no
    /// connector at all), in which case both go.
    mutating func finish(start: Int, end: Int, quantity: Quantity?, unit: QuantityUnit?) {
        if let p = previous,
            (p.unit == nil || unit == nil || p.unit == unit) && isRangeConnector(p.end..<start, previousStart: p.start)
                || (p.end == start && unit != nil && p.unit == unit)
                // 七、八天 ("seven or eight days"), as 七八天 is: a number without a unit just before, then `、`.
                || (p.unit == nil && unit != nil && start - p.end == 3 && UTF8Scan.hasPrefix(b, at: p.end, Words.dun))
        {
            if let index = p.literalIndex, index == literals.count - 1 { literals.removeLast() }
            previous = NumberRecord(start: start, end: end, unit: unit, literalIndex: nil)
            return
        }
        var index: Int?
        // 约15天, 15天左右, "about 15 days": hedged, so a claim only of roughly that much (十几天 is none).
        if let quantity {
            literals.append(QuantityLiteral(range: start..<end, quantity: quantity, approximate: isHedged(start: start, end: end)))
            index = literals.count - 1
        }
        previous = NumberRecord(start: start, end: end, unit: unit, literalIndex: index)
    }

    /// Whether the bytes between two numbers are only a range connector and spaces; "and" is one only in
    /// "between 3 and 5 days".
    func isRangeConnector(_ gap: Range<Int>, previousStart: Int) -> Bool {
        guard gap.count <= 16 else { return false }
        let i = UTF8Scan.skipSpaces(b, from: gap.lowerBound)
        let j = UTF8Scan.skipSpacesBackward(b, from: gap.upperBound, limit: 16)
        guard i < j else { return false }
        let core = i..<j
        if core.count == 1 { return b[i] == 0x2D || b[i] == 0x7E }  // - ~
        for connector in Words.rangeConnectors where UTF8Scan.equalsIgnoringCase(b, core, connector) { return true }
        return UTF8Scan.equalsIgnoringCase(b, core, Words.and) && isBetween(before: previousStart)
    }

    func isBetween(before start: Int) -> Bool {
        guard let w = UTF8Scan.wordEnding(b, at: UTF8Scan.skipSpacesBackward(b, from: start)) else { return false }
        return UTF8Scan.equalsIgnoringCase(b, w, Words.between)
    }

    /// After 年: a month follows (2026年11月, 二〇二六年十一月), so the 年 is part of a date.
    func isMonthAhead(_ k: Int) -> Bool {
        var j = UTF8Scan.skipSpaces(b, from: k)
        var digits = 0
        while let (_, length) = UTF8Scan.digit(b, at: j), digits < 3 {
            j += length
            digits += 1
        }
        if digits == 0 {
            let end = ChineseNumeral.runEnd(b, from: j)
            guard end - j <= 9 else { return false }
            j = end
        }
        guard digits <= 2 else { return false }
        j = UTF8Scan.skipSpaces(b, from: j)
        return UTF8Scan.scalar(b, ifAt: j)?.scalar == "月"
    }

    /// Before a number with 日: a month (11月20日), so the 日 is a day of the month.
    func isMonthBehind(_ start: Int) -> Bool {
        UTF8Scan.scalar(b, before: UTF8Scan.skipSpacesBackward(b, from: start))?.scalar == "月"
    }

    /// The end of " a day", " per week", "/day", " each month" after a unit ending at `k`, if one follows.
    func rateEnd(after k: Int) -> Int? {
        if k + 1 < b.count, b[k] == 0x2F, UTF8Scan.isLetter(b[k + 1]), let u = UnitLexicon.english(b, at: k + 1), u.unit != .cny {
            return u.end
        }
        guard k + 1 < b.count, b[k] == 0x20, UTF8Scan.isLetter(b[k + 1]) else { return nil }
        let wordEnd = UTF8Scan.letterRunEnd(b, from: k + 1)
        guard Words.rateWords.contains(where: { UTF8Scan.equalsIgnoringCase(b, (k + 1)..<wordEnd, $0) }),
            wordEnd + 1 < b.count, b[wordEnd] == 0x20, UTF8Scan.isLetter(b[wordEnd + 1]),
            let u = UnitLexicon.english(b, at: wordEnd + 1), u.unit != .cny, u.word != .minute
        else { return nil }
        return u.end
    }

    /// " ago" after a unit ending at `k`, or 前 / 之前 / 以前 right after it.
    func isAgo(after k: Int) -> Bool {
        if k + 4 <= b.count, b[k] == 0x20, UTF8Scan.equalsIgnoringCase(b, (k + 1)..<(k + 4), Words.ago) {
            return k + 4 == b.count || !UTF8Scan.isWordByte(b[k + 4])
        }
        return UTF8Scan.hasPrefix(b, at: k, Words.qian) || UTF8Scan.hasPrefix(b, at: k, Words.zhiqian)
            || UTF8Scan.hasPrefix(b, at: k, Words.yiqian)
    }

    /// " old" or "-old" after "years"/"year".
    func isOld(_ k: Int) -> Bool {
        guard k + 1 < b.count, b[k] == 0x20 || b[k] == 0x2D else { return false }
        let end = UTF8Scan.letterRunEnd(b, from: k + 1)
        return UTF8Scan.equalsIgnoringCase(b, (k + 1)..<end, Words.old)
    }

    /// 约15天, 大约, 大概, 将近, 接近, 15天左右, "about", "around", "roughly", "approximately", "nearly", "almost".
    func isHedged(start: Int, end: Int) -> Bool {
        var j = UTF8Scan.skipSpacesBackward(b, from: start)
        if let (s, sStart) = UTF8Scan.scalar(b, before: j) {
            switch s {
            case "约", "約", "概", "近", "莫": return true  // 约, 大约, 大概, 将近/接近, 约莫
            case "~", "～", "≈": return true  // "~15 days": written "about"
            case "为", "為", "是", "有":
                // 约为, 大约是, 大概有 30 天.
                if let (t, _) = UTF8Scan.scalar(b, before: sStart), ["约", "約", "概", "莫"].contains(t) { return true }
            default: break
            }
        }
        // "about 30 days", "approx. 30 days".
        if j > 0, b[j - 1] == 0x2E { j -= 1 }
        if let w = UTF8Scan.wordEnding(b, at: j, maxLength: 13) {
            if Words.hedges.contains(where: { UTF8Scan.equalsIgnoringCase(b, w, $0) }) { return true }
            // A bound is no value either: "more than 15 days", "at least 15 days", "less / fewer than".
            let than = UTF8Scan.equalsIgnoringCase(b, w, Words.than)
            if than || UTF8Scan.equalsIgnoringCase(b, w, Words.least),
                let v = UTF8Scan.wordEnding(b, at: UTF8Scan.skipSpacesBackward(b, from: w.lowerBound), maxLength: 6)
            {
                let bounds = than ? Words.thanBounds : [Words.at]
                if bounds.contains(where: { UTF8Scan.equalsIgnoringCase(b, v, $0) }) { return true }
            }
        }
        // 至少 / 不少于 / 多于 / 少于 15天, 15天以上 / 以下: bounds.
        let before = UTF8Scan.skipSpacesBackward(b, from: start)
        if Words.chineseBoundsBefore.contains(where: { before >= $0.count && UTF8Scan.hasPrefix(b, at: before - $0.count, $0) }) {
            return true
        }
        let k = UTF8Scan.skipSpaces(b, from: end)
        if UTF8Scan.hasPrefix(b, at: k, Words.zuoyou) { return true }
        if UTF8Scan.hasPrefix(b, at: k, Words.yishang) || UTF8Scan.hasPrefix(b, at: k, Words.yixia) { return true }
        // "30 days or so".
        let orSo = k + Words.orSo.count
        return k > end && orSo <= b.count && UTF8Scan.equalsIgnoringCase(b, k..<orSo, Words.orSo)
            && (orSo == b.count || !UTF8Scan.isWordByte(b[orSo]))
    }

    /// 十多天, 10余天, 十几天, 十来天: approximately, so not a claim of the number.
    func isApproximate(_ s: Unicode.Scalar) -> Bool {
        s == "多" || s == "余" || s == "餘" || s == "几" || s == "幾" || s == "来" || s == "來"
    }

    func moneyMultiplier(_ s: Unicode.Scalar) -> Double? {
        switch s {
        case "万", "萬": 10000
        case "千", "仟": 1000
        default: nil
        }
    }
}

/// Byte spellings the scanner compares against.
private enum Words {
    static let cny = Array("cny".utf8)
    static let rmb = Array("rmb".utf8)
    static let half = Array("half".utf8)
    static let a = Array("a".utf8)
    static let an = Array("an".utf8)
    static let every = Array("every".utf8)
    static let and = Array("and".utf8)
    static let between = Array("between".utf8)
    static let no = Array("no".utf8)
    static let old = Array("old".utf8)
    static let percent = Array("percent".utf8)
    static let per = Array("per".utf8)
    static let timesOfDay = [Array("am".utf8), Array("pm".utf8)]
    static let cent = Array("cent".utf8)
    static let ban = Array("半".utf8)
    static let powersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { r, _ in r * 10 } }
    static let zai = Array("载".utf8)
    static let ci = Array("次".utf8)
    static let orSo = Array("or so".utf8)
    static let zuoyou = Array("左右".utf8)
    static let hedges: [[UInt8]] = ["about", "around", "roughly", "approximately", "approx", "nearly", "almost"].map {
        Array($0.utf8)
    }
    static let xing = Array("性".utf8)
    static let than = Array("than".utf8)
    static let least = Array("least".utf8)
    static let at = Array("at".utf8)
    static let thanBounds: [[UInt8]] = ["more", "less", "fewer"].map { Array($0.utf8) }
    static let chineseBoundsBefore: [[UInt8]] = ["至少", "不少于", "多于", "少于"].map { Array($0.utf8) }
    static let yishang = Array("以上".utf8)
    static let yixia = Array("以下".utf8)
    static let times = Array("times".utf8)
    static let dun = Array("、".utf8)
    static let ago = Array("ago".utf8)
    static let qian = Array("前".utf8)
    static let zhiqian = Array("之前".utf8)
    static let yiqian = Array("以前".utf8)
    /// Words after which "a week" is an amount (`englishOne`).
    static let amountLeads: [[UInt8]] = [
        "within", "in", "for", "is", "are", "was", "be", "been", "takes", "take", "took", "lasts", "last", "about", "around",
        "under", "than", "to", "only", "just", "least", "most", "over", "after", "roughly", "nearly", "almost", "approximately",
    ].map { Array($0.utf8) }
    /// "24 hours a day", "7 days per week", "2 hours each day": a rate, no amount.
    static let rateWords: [[UInt8]] = ["a", "an", "per", "each", "every"].map { Array($0.utf8) }
    static let rangeConnectors: [[UInt8]] = ["–", "—", "～", "至", "到", "或", "to", "or"].map { Array($0.utf8) }
    static let months: [[UInt8]] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ].map { Array($0.utf8) }

    /// Nouns a number labels rather than counts: "step 3", "page 12", "article 25".
    static let ordinalNouns: [[UInt8]] = [
        "step", "steps", "item", "items", "page", "pages", "article", "articles", "section", "sections", "chapter", "part", "stage",
        "phase", "round", "level", "option", "line", "question", "rule", "number", "figure", "table", "clause", "paragraph", "point",
        "version", "order", "case", "room", "floor", "window", "tier", "grade", "year", "model", "no", "press", "dial", "key",
        "button", "ext",
    ].map { Array($0.utf8) }

    static func isOrdinalNoun(_ b: UTF8Scan.Bytes, _ range: Range<Int>) -> Bool {
        ordinalNouns.contains { UTF8Scan.equalsIgnoringCase(b, range, $0) }
    }

    static func isMonth(_ b: UTF8Scan.Bytes, _ range: Range<Int>) -> Bool {
        months.contains { UTF8Scan.equalsIgnoringCase(b, range, $0) }
    }
}
