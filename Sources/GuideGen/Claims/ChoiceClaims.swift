/// Where prose names a `choice` option as the one who pays: `运费由买家承担`, `卖家负担`, "paid by the
/// seller", "the buyer pays", "at the seller's expense". Only this form is read. An option label alone is
/// no claim: `买家` and "the seller" are the subject of half the sentences in a shopping guide
/// ("买家申请退货后，卖家…"), and only a pay verb says that the label is the value of a who-pays column.
enum ChoiceClaims {
    /// A label as compared: ASCII lower-cased, spaces trimmed, an English leading "the " dropped.
    static func normalized(_ bytes: [UInt8]) -> [UInt8] {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 { end -= 1 }
        var out = bytes[start..<end].map(UTF8Scan.lowercased)
        if out.count > 4, out.starts(with: the) { out.removeFirst(4) }
        return out
    }

    /// `en`, `en-GB`, `EN`: the English pay verbs and word boundaries apply (any other language is read as
    /// Chinese is), tested on the bytes, without a lower-cased copy per block.
    static func isEnglish(_ language: String) -> Bool {
        var bytes = language.utf8.makeIterator()
        return bytes.next().map { $0 | 0x20 == 0x65 } == true && bytes.next().map { $0 | 0x20 == 0x6E } == true
    }

    /// Whether `bytes` may hold such a statement: a pay verb somewhere (most blocks have none), searched
    /// in place (lower-casing each block was a visible share of the claims check).
    static func mayName(_ bytes: [UInt8], language: String) -> Bool {
        let verbs = isEnglish(language) ? englishGate : chineseGate
        return bytes.withUnsafeBufferPointer { b in verbs.contains { ByteSearch.firstIndex(of: $0, in: b) != nil } }
    }

    /// The ranges (at or after `from`) of option `labels` (as `normalized` gives them, longest first) stated
    /// as who pays, left to right; an English label's range takes in a "the " before it.
    /// Labels inside `skipping` (rule values the page wrote as `{{rule …}}`) are never claims.
    static func statements(in bytes: [UInt8], labels: [[UInt8]], language: String, from: Int, skipping generated: [Range<Int>])
        -> [Range<Int>]
    {
        let english = isEnglish(language)
        let text = english ? bytes.map(UTF8Scan.lowercased) : bytes
        var found: [Range<Int>] = []
        text.withUnsafeBufferPointer { b in
            for label in labels {
                var at = from
                while at < b.count, let hit = ByteSearch.firstIndex(of: label, in: UnsafeBufferPointer(rebasing: b[at...])) {
                    var range = (at + hit)..<(at + hit + label.count)
                    at = range.upperBound
                    guard !found.contains(where: { $0.overlaps(range) }), !generated.contains(where: { $0.overlaps(range) }) else {
                        continue
                    }
                    if english {
                        // Whole words: "seller" is not in "resellers"; "the seller" is reported with its "the".
                        if range.lowerBound > 0, UTF8Scan.isWordByte(b[range.lowerBound - 1]) { continue }
                        if range.upperBound < b.count, UTF8Scan.isWordByte(b[range.upperBound]), b[range.upperBound] != 0x73 {
                            continue
                        }
                        if range.upperBound < b.count, b[range.upperBound] == 0x73 { range = range.lowerBound..<(range.upperBound + 1) }
                        if range.lowerBound >= 4, Array(b[(range.lowerBound - 4)..<range.lowerBound]) == the {
                            range = (range.lowerBound - 4)..<range.upperBound
                        }
                        guard englishPayer(b, range) else { continue }
                    } else {
                        guard chinesePayer(b, after: range.upperBound), !chineseNegated(b, before: range.lowerBound) else { continue }
                    }
                    found.append(range)
                }
            }
        }
        return found.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// `<label>(来|自行|自己|全额|全部)?(承担|负担|支付|出运费|付运费|出邮费|付邮费|买单)`.
    static func chinesePayer(_ b: UnsafeBufferPointer<UInt8>, after end: Int) -> Bool {
        var at = end
        for adverb in chineseAdverbs where UTF8Scan.hasPrefix(b, at: at, adverb) {
            at += adverb.count
            break
        }
        return chineseVerbs.contains { UTF8Scan.hasPrefix(b, at: at, $0) }
    }

    /// `不由买家承担`, `无需买家承担`: said not to pay.
    static func chineseNegated(_ b: UnsafeBufferPointer<UInt8>, before start: Int) -> Bool {
        var end = start
        if end >= 3, UTF8Scan.hasPrefix(b, at: end - 3, you) { end -= 3 }
        return chineseNegations.contains { end >= $0.count && UTF8Scan.hasPrefix(b, at: end - $0.count, $0) }
    }

    /// "paid by / borne by / covered by / paid for by <label>", "<label> pays / pay / covers / bears",
    /// "<label>'s expense / cost" (in lower-cased bytes); not "not paid by", "the buyer pays nothing".
    static func englishPayer(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        if let before = englishBefore.first(where: {
            range.lowerBound >= $0.count && Array(b[(range.lowerBound - $0.count)..<range.lowerBound]) == $0
        }) {
            let start = range.lowerBound - before.count
            return !(start >= 4 && Array(b[(start - 4)..<start]) == not)
        }
        let end = range.upperBound
        guard
            let verb = englishAfter.first(where: {
                UTF8Scan.hasPrefix(b, at: end, $0) && (end + $0.count == b.count || !UTF8Scan.isWordByte(b[end + $0.count]))
            })
        else { return false }
        let next = end + verb.count
        return !englishNoObject.contains {
            UTF8Scan.hasPrefix(b, at: next, $0) && (next + $0.count == b.count || !UTF8Scan.isWordByte(b[next + $0.count]))
        }
    }

    private static let the = Array("the ".utf8)
    private static let not = Array("not ".utf8)
    private static let you = Array("由".utf8)
    private static let chineseNegations: [[UInt8]] = ["不", "不是", "无需", "不需", "不用", "无须", "不必", "不会", "而非", "并非"].map {
        Array($0.utf8)
    }
    private static let englishNoObject: [[UInt8]] = [" no", " nothing", " none"].map { Array($0.utf8) }
    private static let chineseGate: [[UInt8]] = ["承担", "负担", "支付", "出运费", "付运费", "出邮费", "付邮费", "买单"].map {
        Array($0.utf8)
    }
    private static let englishGate: [[UInt8]] = ["pay", "paid", "borne", "cover", "bear", "expense", "cost"].map { Array($0.utf8) }
    private static let chineseAdverbs: [[UInt8]] = ["来", "自行", "自己", "全额", "全部"].map { Array($0.utf8) }
    private static let chineseVerbs: [[UInt8]] = ["承担", "负担", "支付", "出运费", "付运费", "出邮费", "付邮费", "买单"].map {
        Array($0.utf8)
    }
    private static let englishBefore: [[UInt8]] = ["paid by ", "paid for by ", "borne by ", "covered by ", "met by "].map {
        Array($0.utf8)
    }
    private static let englishAfter: [[UInt8]] = [" pays", " pay", " covers", " bears", "'s expense", "'s cost", "’s expense", "’s cost"]
        .map {
            Array($0.utf8)
        }
}
