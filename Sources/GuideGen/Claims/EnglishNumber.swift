/// English cardinals written in words ("fifteen", "twenty-four", "one hundred and eighty", "a thousand"),
/// read from UTF-8 bytes, ASCII case-insensitively.
enum EnglishNumber {
    private enum Kind { case zero, unit, teen, tens, hundred, thousand }

    private struct Word {
        let bytes: [UInt8]
        let value: Int
        let kind: Kind
    }

    private static let words: [Word] = {
        let units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        let teens = [
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen",
        ]
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        var all = [Word(bytes: Array("zero".utf8), value: 0, kind: .zero)]
        all += units.enumerated().map { Word(bytes: Array($1.utf8), value: $0 + 1, kind: .unit) }
        all += teens.enumerated().map { Word(bytes: Array($1.utf8), value: $0 + 10, kind: .teen) }
        all += tens.enumerated().map { Word(bytes: Array($1.utf8), value: ($0 + 2) * 10, kind: .tens) }
        all.append(Word(bytes: Array("hundred".utf8), value: 100, kind: .hundred))
        all.append(Word(bytes: Array("thousand".utf8), value: 1000, kind: .thousand))
        return all
    }()

    private static let and = Array("and".utf8)
    private static let a = Array("a".utf8)
    private static let an = Array("an".utf8)

    /// Per lower-case first letter, a bit for each length a number word starting with it has: every English
    /// word of a page is looked up, and this rejects nearly all of them before comparing with 30 words.
    private static let lengthsByFirstLetter: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 26)
        for word in words { table[Int(word.bytes[0] - 0x61)] |= 1 << UInt32(word.bytes.count) }
        return table
    }()

    /// The number words by lower-case first letter (indices into `words`): a word is compared with the few
    /// that share its first letter, not with all thirty.
    private static let wordsByFirstLetter: [[Int]] = {
        var table = [[Int]](repeating: [], count: 26)
        for (index, word) in words.enumerated() { table[Int(word.bytes[0] - 0x61)].append(index) }
        return table
    }()

    private static func lookup(_ b: UTF8Scan.Bytes, _ range: Range<Int>) -> Word? {
        guard mayBeWord(b, range) else { return nil }
        for index in wordsByFirstLetter[Int(UTF8Scan.lowercased(b[range.lowerBound]) &- 0x61)]
        where UTF8Scan.equalsIgnoringCase(b, range, words[index].bytes) {
            return words[index]
        }
        return nil
    }

    /// Whether a number starts with the word at `range`: a number word, or "a"/"an" followed by "hundred" or
    /// "thousand" (as `parse` reads them). Exact, so `parse` runs only where it finds a number: the first
    /// letter and length alone let "the", "a" and "as" through, a quarter of all English words.
    static func mayStart(_ b: UTF8Scan.Bytes, _ range: Range<Int>) -> Bool {
        if mayBeWord(b, range) { return lookup(b, range) != nil }
        guard UTF8Scan.equalsIgnoringCase(b, range, a) || UTF8Scan.equalsIgnoringCase(b, range, an),
            let next = nextWord(b, after: range.upperBound), let word = lookup(b, next)
        else { return false }
        return word.kind == .hundred || word.kind == .thousand
    }

    /// Whether a number word has the first letter and length of the word at `range` (`lengthsByFirstLetter`).
    private static func mayBeWord(_ b: UTF8Scan.Bytes, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        let first = UTF8Scan.lowercased(b[range.lowerBound]) &- 0x61
        return first < 26 && range.count < 32 && lengthsByFirstLetter[Int(first)] & (1 << UInt32(range.count)) != 0
    }

    /// Whether the word at `range` is a number word (used to skip it cheaply when it is not).
    static func isNumberWord(_ b: UTF8Scan.Bytes, _ range: Range<Int>) -> Bool { lookup(b, range) != nil }

    /// The cardinal spelled by the words starting at `i` (a word start) and the end of its last number word.
    ///
    /// Words are joined by one space or hyphen; "and" is allowed after "hundred"/"thousand" only when a number
    /// word follows. "a"/"an" count as one only before "hundred" or "thousand": alone they mean "per" too often
    /// ("24 hours a day", "twice a year") to be read as a claim of one unit.
    /// Larger numbers in words are not read as literals (and cannot overflow).
    static let largest = 100_000_000

    static func parse(_ b: UTF8Scan.Bytes, at i: Int) -> (value: Int, end: Int)? {
        var total = 0
        var current = 0
        var last: Kind?
        var end = i
        var j = i
        var sawAnd = false
        while j < b.count, UTF8Scan.isLetter(b[j]) {
            let wordEnd = UTF8Scan.letterRunEnd(b, from: j)
            let range = j..<wordEnd
            if last == nil,
                UTF8Scan.equalsIgnoringCase(b, range, a) || UTF8Scan.equalsIgnoringCase(b, range, an)
            {
                // "a hundred days": only when "hundred"/"thousand" follows.
                guard let next = nextWord(b, after: wordEnd), let w = lookup(b, next),
                    w.kind == .hundred || w.kind == .thousand
                else { return nil }
                current = 1
                last = .unit
                j = next.lowerBound
                continue
            }
            if last == .hundred || last == .thousand, !sawAnd, UTF8Scan.equalsIgnoringCase(b, range, and) {
                sawAnd = true
                guard let next = nextWord(b, after: wordEnd) else { break }
                j = next.lowerBound
                continue
            }
            guard let w = lookup(b, range), accepts(w.kind, after: last, sawAnd: sawAnd) else { break }
            switch w.kind {
            case .zero, .unit, .teen, .tens: current += w.value
            case .hundred: current *= 100
            case .thousand:
                total += current * 1000
                current = 0
            }
            // "one hundred one hundred …" would grow without bound; no claim is that large.
            guard total + current <= Self.largest else { return nil }
            last = w.kind
            end = wordEnd
            if w.kind != .hundred, w.kind != .thousand { sawAnd = false }
            guard let next = nextWord(b, after: wordEnd) else { break }
            j = next.lowerBound
        }
        guard end > i else { return nil }
        return (total + current, end)
    }

    /// Which word may follow which: "twenty four" but not "four twenty"; "one hundred" but not "hundred".
    private static func accepts(_ kind: Kind, after last: Kind?, sawAnd: Bool) -> Bool {
        guard let last else { return kind != .hundred && kind != .thousand }
        if sawAnd { return kind == .unit || kind == .teen || kind == .tens }
        switch (last, kind) {
        case (.tens, .unit): return true
        case (.unit, .hundred), (.teen, .hundred), (.tens, .hundred): return true
        case (.unit, .thousand), (.teen, .thousand), (.tens, .thousand), (.hundred, .thousand): return true
        case (.hundred, .unit), (.hundred, .teen), (.hundred, .tens): return true
        case (.thousand, .unit), (.thousand, .teen), (.thousand, .tens): return true
        default: return false
        }
    }

    /// The word after a single space or hyphen following `end`, if any.
    private static func nextWord(_ b: UTF8Scan.Bytes, after end: Int) -> Range<Int>? {
        guard end + 1 < b.count, b[end] == 0x20 || b[end] == 0x2D, UTF8Scan.isLetter(b[end + 1]) else { return nil }
        return (end + 1)..<UTF8Scan.letterRunEnd(b, from: end + 1)
    }
}
