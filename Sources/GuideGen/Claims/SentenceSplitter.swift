/// Splits a block of plain text (a paragraph, heading, list item, table cell or flow label) into sentences,
/// so that a claim is a term and a literal in the same sentence.
///
/// Splits after 。！？；and after `!`, `?` and `;` unless a letter or digit follows at once (`?a=1`); after `.`
/// when a space, the end or a CJK character follows, except after abbreviations (`e.g.`, `i.e.`, `No. 3`,
/// `Nov.`), before a lowercase word ("approx. three days"), and after a list number opening a line (`3. `);
/// and at every line break. Closing quotes and brackets stay with the sentence they close (`“七天无理由。”`).
public enum SentenceSplitter {
    /// Sentence ranges as UTF-8 byte offsets into `text`, in order, trimmed of whitespace, never empty.
    public static func sentences(in text: String) -> [Range<Int>] {
        UTF8Scan.withBytes(text) { sentences(bytes: $0) }
    }

    /// `sentences(in:)` over UTF-8 bytes.
    static func sentences(bytes b: UTF8Scan.Bytes) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var i = 0
        func emit(_ end: Int) {
            let lower = UTF8Scan.skipSpaces(b, from: start)
            let upper = max(lower, UTF8Scan.skipSpacesBackward(b, from: end, limit: end - lower))
            if lower < upper { result.append(lower..<upper) }
        }
        while i < b.count {
            let c = b[i]
            if c == 0x0A || c == 0x0D {
                emit(i)
                i += 1
                start = i
            } else if c == 0x21 || c == 0x3F || c == 0x3B {  // ! ? ;
                let end = terminatorRunEnd(b, from: i + 1)
                if end < b.count, UTF8Scan.isWordByte(b[end]) {
                    i = end
                } else {
                    emit(end)
                    i = end
                    start = end
                }
            } else if c == 0x2E {  // .
                var end = i + 1
                while end < b.count, b[end] == 0x2E { end += 1 }  // an ellipsis ends where its dots end
                end = closersEnd(b, from: end)
                if endsSentence(b, period: i, after: end) {
                    emit(end)
                    start = end
                }
                i = end
            } else if c >= 0x80 {
                // Every terminator below starts with 0xE3 or 0xEF: other characters (most of Chinese
                // text) are skipped by their lead byte without being decoded.
                if c != 0xE3 && c != 0xEF {
                    i = min(i + UTF8Scan.sequenceLength(lead: c), b.count)
                    continue
                }
                let (s, length) = UTF8Scan.scalar(b, at: i)
                if isTerminator(s) {
                    let end = terminatorRunEnd(b, from: i + length)
                    emit(end)
                    i = end
                    start = end
                } else {
                    i += length
                }
            } else {
                i += 1
            }
        }
        emit(b.count)
        return result
    }

    private static func isTerminator(_ s: Unicode.Scalar) -> Bool {
        s == "。" || s == "！" || s == "？" || s == "；" || s == "｡"
    }

    private static func isCloser(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\"", "'", ")", "]", "”", "’", "」", "』", "）", "】", "》", "〉", "〕": true
        default: false
        }
    }

    /// The end of a run of terminators (`？！`, `?!`, `!!!`) and the closing quotes and brackets after it.
    private static func terminatorRunEnd(_ b: UTF8Scan.Bytes, from i: Int) -> Int {
        var j = i
        while j < b.count {
            let (s, length) = UTF8Scan.scalar(b, at: j)
            guard isTerminator(s) || s == "!" || s == "?" else { break }
            j += length
        }
        return closersEnd(b, from: j)
    }

    private static func closersEnd(_ b: UTF8Scan.Bytes, from i: Int) -> Int {
        var j = i
        while j < b.count {
            let (s, length) = UTF8Scan.scalar(b, at: j)
            guard isCloser(s) else { break }
            j += length
        }
        return j
    }

    private static let abbreviations: [[UInt8]] = [
        "e.g", "i.e", "vs", "approx", "cf", "fig", "mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr", "jun",
        "jul",
        "aug", "sep", "sept", "oct", "nov", "dec",
    ].map { Array($0.utf8) }
    private static let no = Array("no".utf8)

    /// Whether the `.` at `period`, with closers up to `after`, ends a sentence.
    private static func endsSentence(_ b: UTF8Scan.Bytes, period: Int, after: Int) -> Bool {
        guard after < b.count else { return !isListNumber(b, before: period) }
        let next = b[after]
        let spaced = next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D
        guard spaced || next >= 0x80 else { return false }  // 1.5, example.org, e.g.x
        // Chinese text with an ASCII full stop: split before the next CJK character, but not before "１".
        if next >= 0x80, UTF8Scan.digit(b, at: after) != nil { return false }
        // The word before the period: "e.g", "i.e", "No", "Nov".
        var wordStart = period
        while wordStart > 0, period - wordStart < 8, UTF8Scan.isLetter(b[wordStart - 1]) || b[wordStart - 1] == 0x2E {
            wordStart -= 1
        }
        let word = wordStart..<period
        if abbreviations.contains(where: { UTF8Scan.equalsIgnoringCase(b, word, $0) }) { return false }
        let following = UTF8Scan.skipSpaces(b, from: after)
        if UTF8Scan.equalsIgnoringCase(b, word, no), UTF8Scan.digit(b, at: following) != nil { return false }
        if following < b.count, b[following] &- 0x61 < 26 { return false }  // a lowercase word goes on the sentence
        return !isListNumber(b, before: period)
    }

    /// Whether the `.` at `period` follows a number that opens its line ("3. Contact the seller").
    private static func isListNumber(_ b: UTF8Scan.Bytes, before period: Int) -> Bool {
        var j = period
        while j > 0, UTF8Scan.isDigit(b[j - 1]), period - j < 3 { j -= 1 }
        guard j < period else { return false }
        while j > 0, b[j - 1] == 0x20 || b[j - 1] == 0x09 { j -= 1 }
        return j == 0 || b[j - 1] == 0x0A || b[j - 1] == 0x0D
    }
}
