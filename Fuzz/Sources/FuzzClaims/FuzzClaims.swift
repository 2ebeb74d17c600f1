import FuzzSupport
import GuideGen

/// The claims scanners on prose: `TermMatcher` (built from the shipped tables' terms plus terms from the
/// input's first line, `|`-separated), `SentenceSplitter` and `QuantityScanner`, combined as `ClaimChecker`
/// combines them, plus `QuantityFormatter` and `QuantityParser` on what they find.
///
/// Input: `term|term|…\n` then the prose; with an empty first line (or none) the shipped terms are used.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let input = data.decodedText(size) else { return 0 }
    var extraTerms: [String] = []
    var text = input
    if let newline = input.utf8.firstIndex(of: 0x0A) {
        extraTerms = input[..<newline].split(separator: "|").prefix(32).map(String.init)
        text = String(input[input.utf8.index(after: newline)...])
    }
    extraTerms.removeAll { $0.isEmpty }
    // Building the automaton for all shipped terms costs more than scanning, so it is built once.
    let terms = extraTerms.isEmpty ? shippedTerms : extraTerms
    let matcher = extraTerms.isEmpty ? shippedMatcher : TermMatcher(terms: terms.enumerated().map { ($1, $0) })
    let bytes = Array(text.utf8)

    let matches = matcher.matches(in: text)
    Invariant.ranges(matches.map(\.range), in: bytes, name: "terms", aligned: false)
    if bytes.count <= 1 << 14 {
        let expected = naiveMatches(terms, bytes)
        Invariant.require(
            matches.map(\.range) == expected.map(\.range) && matches.map(\.id) == expected.map(\.id), "terms-leftmost-longest",
            "matcher \(matches.prefix(8).map { "\($0.range)#\($0.id)" }) but leftmost-longest is \(expected.prefix(8).map { "\($0.range)#\($0.id)" })")
    }

    let sentences = SentenceSplitter.sentences(in: text)
    Invariant.ranges(sentences, in: bytes, name: "sentences")
    for sentence in sentences where !sentence.isEmpty {
        let blanks: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        Invariant.require(!blanks.contains(bytes[sentence.lowerBound]) && !blanks.contains(bytes[sentence.upperBound - 1]), "sentences-trimmed", "sentence \(sentence) starts or ends with a blank")
    }

    let literals = QuantityScanner.scan(text)
    Invariant.ranges(literals.map(\.range), in: bytes, name: "literals")
    for literal in literals {
        let q = literal.quantity
        Invariant.require(q.amount.isFinite && q.amount >= 0, "literal-amount", "\(q.amount) \(q.unit) at \(literal.range)")
        let written = String(decoding: bytes[literal.range], as: UTF8.self)
        for language in ["en", "zh-Hans", "zh-Hant"] { _ = QuantityFormatter.format(q, language: language) }
        roundTrip(q, context: "literal `\(written)`")
    }

    // What `ClaimChecker` does per sentence: the nearest term decides which row a literal is about.
    for sentence in sentences {
        let sentenceTerms = matches.filter { sentence.contains($0.range.lowerBound) }
        guard !sentenceTerms.isEmpty else { continue }
        for literal in literals where sentence.contains(literal.range.lowerBound) {
            var nearest = sentenceTerms[0]
            for term in sentenceTerms.dropFirst() where distance(term.range, literal.range) < distance(nearest.range, literal.range) { nearest = term }
            Invariant.require(nearest.id >= 0 && nearest.id < terms.count, "terms-id", "id \(nearest.id) of \(terms.count) terms")
            _ = String(decoding: bytes[nearest.range], as: UTF8.self)
        }
    }

    // Rule table cells are parsed with `QuantityParser`; prose makes good hostile cells too.
    for sentence in sentences.prefix(64) {
        let cell = String(decoding: bytes[sentence], as: UTF8.self)
        for kind in QuantityKind.allCases {
            switch QuantityParser.parseCanonical(cell, expecting: kind) {
            case .success(let q):
                Invariant.require(q.kind == kind, "parse-kind", "`\(cell)` as \(kind) gave \(q.unit)")
                // Only a plain number may be negative (a count in a `number` column); durations and money may not.
                Invariant.require(q.amount.isFinite && (q.amount >= 0 || kind == .number), "parse-amount", "`\(cell)` gave \(q.amount)")
                roundTrip(q, context: "cell `\(cell)`")
            case .failure(let error):
                Invariant.require(!error.message.isEmpty, "parse-message", "`\(cell)` failed without a message")
            }
        }
    }
    return 0
}

/// A value shown with `QuantityFormatter` in English reads back through `QuantityParser` as the same value
/// (rule tables are written in that form), when it has at most two decimals: when it is the Double nearest to
/// its hundredths (`x * 100` being whole is not enough: 27403.600000000002 × 100 rounds to a whole number).
private func roundTrip(_ q: Quantity, context: String) {
    guard q.amount < 1e12, (q.amount * 100).rounded() / 100 == q.amount else { return }
    let shown = QuantityFormatter.format(q, language: "en")
    switch QuantityParser.parseCanonical(shown, expecting: q.kind) {
    case .success(let back):
        Invariant.require(back == q, "format-roundtrip", "\(context): \(q.amount) \(q.unit) shown as `\(shown)` reads back as \(back.amount) \(back.unit)")
    case .failure(let error):
        Invariant.fail("format-roundtrip", "\(context): \(q.amount) \(q.unit) shown as `\(shown)` does not read back: \(error.message)")
    }
}

private func distance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
    if a.upperBound <= b.lowerBound { return b.lowerBound - a.upperBound }
    if b.upperBound <= a.lowerBound { return a.lowerBound - b.upperBound }
    return 0
}

private func isWordByte(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) }
private func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

/// `TermMatcher`'s contract written the slow way: at each offset the longest term that fits its word
/// boundaries (the earliest listed among equal ones), then continue after it.
private func naiveMatches(_ terms: [String], _ text: [UInt8]) -> [(range: Range<Int>, id: Int)] {
    let keys = terms.map { $0.utf8.map(lower) }
    var byFirst: [UInt8: [Int]] = [:]
    for (id, key) in keys.enumerated() { byFirst[key[0], default: []].append(id) }
    let lowered = text.map(lower)
    var out: [(range: Range<Int>, id: Int)] = []
    var i = 0
    while i < lowered.count {
        var best: (length: Int, id: Int)?
        for id in byFirst[lowered[i]] ?? [] {
            let key = keys[id]
            let end = i + key.count
            guard end <= lowered.count, lowered[i..<end].elementsEqual(key) else { continue }
            if isWordByte(key[0]), i > 0, isWordByte(text[i - 1]) { continue }
            if isWordByte(key[key.count - 1]), end < text.count, isWordByte(text[end]) { continue }
            if best == nil || key.count > best!.length { best = (key.count, id) }
        }
        if let best {
            out.append((i..<(i + best.length), best.id))
            i += best.length
        } else {
            i += 1
        }
    }
    return out
}

private let shippedMatcher = TermMatcher(terms: shippedTerms.enumerated().map { ($1, $0) })

/// Every term of the shipped rule tables (content/rules/*.yaml).
private let shippedTerms: [String] = [
    "一般商品", "售后期", "ordinary goods", "after-sales window", "三包耐用品", "durable goods", "三包非耐用品", "non-durable goods",
    "先找卖家", "start with the seller", "平台客服", "platform customer service", "消费者协会", "消协", "consumer association",
    "12315", "市场监督管理", "market regulator", "售中争议", "dispute during the trade", "售后争议", "after-sales dispute", "假冒商品",
    "假货", "counterfeit", "虚拟物品", "虚拟商品", "virtual goods", "三包争议", "三包范围内的争议", "Three Guarantees dispute",
    "dispute under the Three Guarantees", "电视机", "television", "冰箱", "refrigerator", "fridge", "空调",
    "air conditioner", "洗衣机", "washing machine", "笔记本电脑", "laptop", "手机", "phone", "延保保障", "extended warranty covers",
    "自愿购买", "optional extra", "申请延保服务", "extended-warranty request", "延保费随货款", "fee is refunded with the goods",
    "单独退款", "refund on its own", "全国联保", "nationwide warranty", "定作", "made to order", "made-to-order", "鲜活易腐",
    "perishable", "数字化商品", "digital goods", "报纸", "期刊", "newspapers", "periodicals", "不宜退货", "unsuitable for return",
    "无理由退货", "no-reason return", "返还商品价款", "返还价款", "pay back the price", "pays back the price", "功能异常", "malfunction",
    "过保", "warranty has expired", "配件缺失", "missing accessories", "使用不当", "misuse", "描述不符", "not as described",
    "质量问题的凭证", "evidence of a quality problem", "疑似假货", "suspected counterfeit", "已退货未退款", "签收但仍未退款",
    "returned but not refunded", "无法使用的虚拟商品", "virtual goods that stop working", "入口关闭", "入口已关闭", "entry is closed",
    "entry has closed", "重新开启", "开启维权入口", "reopen", "主动来电", "回电", "call you", "calls you", "保修范围内的维修", "保修期内维修",
    "repairs under warranty", "in-warranty repair", "不在保修范围内", "过保维修", "not covered by the warranty",
    "out-of-warranty repair", "质量问题退货的运费", "return shipping for a quality problem", "描述不符退货的运费",
    "return shipping for an item not as described", "发错货的运费", "return shipping for a wrong item", "不想要退货的运费",
    "change-of-mind return", "难以界定", "hard to say who is at fault", "运费另有约定", "agreed otherwise on shipping",
    "无理由退货的运费", "shipping for a no-reason return",
]
