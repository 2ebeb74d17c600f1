import Testing

@testable import GuideGen

/// `ClaimChecker.namedLiterals` finds which terms name each literal with binary searches. These tests hold
/// it to the direct reading of the rule (every term against every literal, every byte of the gap between
/// them searched for a clause mark), which was the checker's code until a page of one long sentence took
/// minutes, on random layouts of terms, literals, generated ranges, marks and sentences.
@Suite struct NamedLiteralsTests {
    /// The rule read directly: O(sentences × terms × literals × bytes).
    static func oracle(
        terms: [Range<Int>], literals: [Range<Int>], generated: [Range<Int>], marks: [Range<Int>], sentences: [Range<Int>]
    ) -> [(literal: Int, terms: [Int])] {
        func isGenerated(_ r: Range<Int>) -> Bool { generated.contains { $0.overlaps(r) } }
        func clauseBreak(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
            let from = min(a.upperBound, b.upperBound)
            let to = max(a.lowerBound, b.lowerBound)
            guard from < to else { return false }
            return marks.contains { $0.lowerBound >= from && $0.upperBound <= to }
        }
        func distance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
            if a.upperBound <= b.lowerBound { return b.lowerBound - a.upperBound }
            if b.upperBound <= a.lowerBound { return a.lowerBound - b.upperBound }
            return 0
        }
        let literalOrder = literals.indices.filter { !isGenerated(literals[$0]) }
        var out: [(literal: Int, terms: [Int])] = []
        for sentence in sentences {
            let sentenceTerms = terms.indices.filter { sentence.contains(terms[$0].lowerBound) && !isGenerated(terms[$0]) }
            guard !sentenceTerms.isEmpty else { continue }
            var previousLiteralEnd = sentence.lowerBound
            for l in literalOrder where sentence.contains(literals[l].lowerBound) {
                let literal = literals[l]
                defer { previousLiteralEnd = literal.upperBound }
                let sameClause = sentenceTerms.filter { !clauseBreak(terms[$0], literal) }
                // Outside every term's clause, only terms whose own clause states no value (a literal's start in
                // it, rule values included) name the literal.
                func inClause(_ p: Int, of t: Range<Int>) -> Bool {
                    guard sentence.contains(p) else { return false }
                    if p >= t.upperBound { return !marks.contains { $0.lowerBound >= t.upperBound && $0.lowerBound <= p } }
                    if p < t.lowerBound { return !marks.contains { $0.upperBound > p && $0.upperBound <= t.lowerBound } }
                    return true
                }
                var inReach = sameClause
                if sameClause.isEmpty {
                    inReach = sentenceTerms.filter { t in !literals.contains { inClause($0.lowerBound, of: terms[t]) } }
                    if inReach.isEmpty { continue }
                }
                let leading = inReach.filter { terms[$0].lowerBound >= previousLiteralEnd && terms[$0].upperBound <= literal.lowerBound }
                if leading.count > 1 {
                    out.append((l, leading.reversed()))
                } else {
                    let before = inReach.filter { terms[$0].upperBound <= literal.lowerBound }
                    let pool = before.isEmpty ? inReach : before
                    var nearest = pool[0]
                    for t in pool.dropFirst() where distance(terms[t], literal) < distance(terms[nearest], literal) { nearest = t }
                    out.append((l, [nearest]))
                }
            }
        }
        return out
    }

    /// A random text layout of `length` bytes: terms that never overlap (as the matcher's), literals left to
    /// right that may overlap terms, marks of one or three bytes, generated ranges, and sentences covering it.
    static func layout(_ random: inout FlowSeededRandom, length: Int) -> (
        terms: [Range<Int>], literals: [Range<Int>], generated: [Range<Int>], marks: [Range<Int>], sentences: [Range<Int>]
    ) {
        func ranges(gapUpTo gap: Int, lengthUpTo size: Int) -> [Range<Int>] {
            var out: [Range<Int>] = []
            var at = random.below(gap + 1)
            while at < length {
                let end = min(length, at + 1 + random.below(size))
                out.append(at..<end)
                at = end + random.below(gap + 1)
            }
            return out
        }
        var marks: [Range<Int>] = []
        var at = random.below(12)
        while at < length {
            let width = random.below(3) == 0 ? 3 : 1
            if at + width <= length { marks.append(at..<(at + width)) }
            at += width + random.below(12)
        }
        var sentences: [Range<Int>] = []
        var start = 0
        while start < length {
            let end = min(length, start + 1 + random.below(length / 2 + 1))
            sentences.append(start..<end)
            start = end
        }
        return (
            ranges(gapUpTo: 6, lengthUpTo: 4), ranges(gapUpTo: 5, lengthUpTo: 3), ranges(gapUpTo: 30, lengthUpTo: 4), marks, sentences
        )
    }

    @Test func agreesWithTheDirectReadingOnRandomLayouts() {
        var random = FlowSeededRandom(seed: 0x6C61_7965_7273)
        for round in 0..<3000 {
            let length = 1 + random.below(round < 2000 ? 40 : 160)
            let (terms, literals, generated, marks, sentences) = Self.layout(&random, length: length)
            let fast = ClaimChecker.namedLiterals(
                terms: terms, literals: literals, generated: generated, marks: marks, sentences: sentences)
            let slow = Self.oracle(terms: terms, literals: literals, generated: generated, marks: marks, sentences: sentences)
            let same = fast.count == slow.count && zip(fast, slow).allSatisfy { $0.literal == $1.literal && $0.terms == $1.terms }
            #expect(
                same, "round \(round): terms \(terms) literals \(literals) generated \(generated) marks \(marks) sentences \(sentences)")
            if !same { return }
        }
    }

    @Test func clauseMarksAreFoundInBothScripts() {
        let text = Array("a, b; c: d，e；f：g、h".utf8)
        let found = ClaimChecker.clauseMarks(in: text).map { String(decoding: text[$0], as: UTF8.self) }
        #expect(found == [",", ";", ":", "，", "；", "：", "、"])
    }

    @Test func mergedRangesJoinWhereTheyOverlapOrTouch() {
        #expect(ClaimChecker.merged([5..<7, 0..<2, 2..<3, 6..<9, 4..<4, 12..<13]) == [0..<3, 5..<9, 12..<13])
    }
}
