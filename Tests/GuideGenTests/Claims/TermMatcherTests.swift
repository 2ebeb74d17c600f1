import Testing

@testable import GuideGen

@Suite struct TermMatcherTests {
    /// Runs `terms` (ids are their positions) over marked text and compares whole results.
    private func expectMatches(
        _ terms: [String], _ marked: String, ids: [Int], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let m = MarkedText(marked)
        let matcher = TermMatcher(terms: terms.enumerated().map { (text: $1, id: $0) })
        let found = matcher.matches(in: m.text)
        #expect(
            found.map(\.range) == m.ranges, "found \(found.map { MarkedText.slice(m.text, $0.range) })",
            sourceLocation: sourceLocation)
        #expect(found.map(\.id) == ids, sourceLocation: sourceLocation)
    }

    @Test func cjkTermsMatchAnywhere() {
        expectMatches(
            ["售后期", "维权期", "三包耐用品"], "一般商品的«售后期»为15天，«三包耐用品»为180天，«维权期»同上", ids: [0, 2, 1])
    }

    @Test func latinTermsIgnoreASCIICase() {
        expectMatches(["after-sales window"], "The «After-Sales Window» is «AFTER-SALES WINDOW».", ids: [0, 0])
    }

    @Test func latinTermsNeedWordBoundaries() {
        expectMatches(["durable goods"], "nondurable goods, durable goodsx, «durable goods».", ids: [0])
        expectMatches(["window"], "windows, «window», «Window».", ids: [0, 0])
    }

    @Test func boundaryFailureFallsBackToAShorterTerm() {
        expectMatches(["after-sales", "after-sales period"], "the «after-sales» periods", ids: [0])
        expectMatches(["after-sales", "after-sales period"], "the «after-sales period» is", ids: [1])
    }

    @Test func leftmostLongestNonOverlapping() {
        expectMatches(["售后", "售后期"], "«售后期»和«售后»", ids: [1, 0])
        expectMatches(["三包", "三包耐用品", "耐用品"], "«三包耐用品»与«耐用品»", ids: [1, 2])
        expectMatches(["甲乙丙", "乙丙丁"], "«甲乙丙»丁", ids: [0])
        expectMatches(["乙丙丁戊", "甲乙"], "«甲乙»丙丁戊", ids: [1])
        expectMatches(["乙", "甲乙丙"], "«甲乙丙»甲«乙»", ids: [1, 0])
    }

    @Test func mixedScriptTermsCheckOnlyTheirLatinEdge() {
        // "3C数码": Latin start needs a boundary before, CJK end does not need one after.
        expectMatches(["3C数码"], "«3C数码»产品，A3C数码", ids: [0])
    }

    @Test func duplicateTermsReportTheFirstID() {
        let matcher = TermMatcher(terms: [(text: "Window", id: 7), (text: "window", id: 9), (text: "", id: 3)])
        #expect(matcher.matches(in: "a window").map(\.id) == [7])
        #expect(matcher.matches(in: "").isEmpty)
        #expect(TermMatcher(terms: []).matches(in: "window").isEmpty)
    }

    @Test func agreesWithANaiveSearchOnRandomInput() {
        // Small alphabets make overlaps, nested terms and boundary failures common.
        var rng = SplitMix64(seed: 2026)
        let alphabet: [String] = ["a", "b", "A", " ", "天", "猫", "-"]
        func word(_ length: Int) -> String { (0..<length).map { _ in alphabet[Int(rng.next() % 7)] }.joined() }
        for _ in 0..<300 {
            let terms = (0..<Int(1 + rng.next() % 6)).map { _ in word(Int(1 + rng.next() % 4)) }
            let text = word(Int(rng.next() % 40))
            let matcher = TermMatcher(terms: terms.enumerated().map { (text: $1, id: $0) })
            let fast = matcher.matches(in: text)
            let slow = naiveMatches(terms, in: text)
            #expect(fast.map(\.range) == slow.map(\.range), "terms \(terms) text \(text)")
            #expect(fast.map(\.id) == slow.map(\.id), "terms \(terms) text \(text)")
        }
    }

    /// Leftmost-longest by brute force, with the same boundary and case rules.
    private func naiveMatches(_ terms: [String], in text: String) -> [(range: Range<Int>, id: Int)] {
        let t = Array(text.utf8)
        func isWord(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) }
        func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
        var result: [(range: Range<Int>, id: Int)] = []
        var i = 0
        while i < t.count {
            var best: (length: Int, id: Int)?
            for (id, term) in terms.enumerated() {
                let p = Array(term.utf8)
                guard !p.isEmpty, i + p.count <= t.count else { continue }
                guard (0..<p.count).allSatisfy({ lower(t[i + $0]) == lower(p[$0]) }) else { continue }
                if isWord(p[0]), i > 0, isWord(t[i - 1]) { continue }
                if isWord(p[p.count - 1]), i + p.count < t.count, isWord(t[i + p.count]) { continue }
                if best == nil || p.count > best!.length { best = (p.count, id) }
            }
            if let best {
                result.append((i..<(i + best.length), best.id))
                i += best.length
            } else {
                i += 1
            }
        }
        return result
    }
}

/// The randomized test's generator (`SeededRandom`), so it is reproducible.
private typealias SplitMix64 = SeededRandom
