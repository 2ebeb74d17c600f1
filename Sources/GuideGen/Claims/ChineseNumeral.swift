/// Chinese cardinal numerals up to 万 (十五, 一百八十, 两, 二十四, 一万五千, 一百零八), read from UTF-8 bytes.
///
/// The scanner first takes the whole run of numeral characters and then asks for its value, so a run that
/// is not a cardinal (二〇二六 in a date, 一两 or 七八 meaning "one or two", "seven or eight") is skipped as a
/// whole instead of yielding a stray 六年 or 两天 from its tail.
enum ChineseNumeral {
    /// The digit a character stands for, including 两/兩, 〇 and the financial forms (壹, 贰, …).
    static func digit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "零", "〇": 0
        case "一", "壹": 1
        case "二", "两", "兩", "贰", "貳": 2
        case "三", "叁", "參": 3
        case "四", "肆": 4
        case "五", "伍": 5
        case "六", "陆", "陸": 6
        case "七", "柒": 7
        case "八", "捌": 8
        case "九", "玖": 9
        default: nil
        }
    }

    /// The power of ten a multiplier character stands for.
    static func multiplier(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "十", "拾": 10
        case "百", "佰": 100
        case "千", "仟": 1000
        case "万", "萬": 10000
        default: nil
        }
    }

    /// Whether `s` can be part of a numeral.
    @inline(__always)
    static func isNumeral(_ s: Unicode.Scalar) -> Bool {
        // Every numeral character is a three-byte CJK scalar; cheap rejection keeps the scan loop fast.
        guard s.value >= 0x3007 else { return false }
        return digit(s) != nil || multiplier(s) != nil
    }

    /// The end of the run of numeral characters starting at `i`.
    static func runEnd(_ b: UTF8Scan.Bytes, from i: Int) -> Int {
        var j = i
        while j < b.count, b[j] >= 0x80 {
            let (s, length) = UTF8Scan.scalar(b, at: j)
            guard isNumeral(s) else { break }
            j += length
        }
        return j
    }

    /// The value of the numeral spelled by `b[range]`, or nil when the run is not a well-formed cardinal.
    ///
    /// Accepts a leading 十 (十五 = 15), 零 between places (一百零八 = 108, 一千零十 = 1010), and the
    /// abbreviated tail after 百/千/万 (一百八 = 180, 两万五 = 25000). Rejects two digits in a row (二〇二六,
    /// 一两), multipliers out of order (十百) and runs that start with 百, 千 or 万 (百分之, 千万, 万一), which are
    /// words rather than numbers.
    static func value(_ b: UTF8Scan.Bytes, _ range: Range<Int>) -> Int? {
        var total = 0  // completed 万 sections
        var section = 0  // the part below 万
        var pending: Int?  // a digit waiting for its multiplier
        var smallestMultiplier = Int.max  // multipliers inside a section must decrease
        var previousMultiplier: Int?  // the multiplier just before `pending`, for 一百八 = 180
        var afterZero = false
        var isFirst = true
        var j = range.lowerBound
        while j < range.upperBound {
            let (s, length) = UTF8Scan.scalar(b, at: j)
            defer {
                j += length
                isFirst = false
            }
            if let d = digit(s) {
                if pending != nil { return nil }
                if d == 0 {
                    if isFirst, j + length == range.upperBound { return 0 }
                    if isFirst || afterZero { return nil }
                    afterZero = true
                    previousMultiplier = nil
                    continue
                }
                pending = d
                continue
            }
            guard let m = multiplier(s) else { return nil }
            if m == 10000 {
                guard total == 0, pending != nil || section > 0 else { return nil }
                total = (section + (pending ?? 0)) * 10000
                section = 0
                pending = nil
                smallestMultiplier = Int.max
            } else {
                guard m < smallestMultiplier else { return nil }
                let count: Int
                if let p = pending {
                    count = p
                } else if m == 10, isFirst || afterZero {
                    count = 1  // 十五, 一千零十
                } else {
                    return nil
                }
                section += count * m
                pending = nil
                smallestMultiplier = m
            }
            previousMultiplier = m
            afterZero = false
        }
        if var p = pending {
            // 一百八 is 180 and 两万五 is 25000: a bare digit after 百, 千 or 万 counts the next lower place.
            if let m = previousMultiplier, m >= 100 { p *= m / 10 }
            section += p
        }
        return total + section
    }
}
