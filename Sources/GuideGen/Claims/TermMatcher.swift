/// Finds rule terms (售后期, "after-sales window") in text with one Aho–Corasick automaton over the UTF-8 bytes
/// of all terms, instead of a search per term per sentence.
///
/// ASCII letters match case-insensitively. A term whose first (last) byte is an ASCII letter or digit only
/// matches where the text has no letter or digit just before (after) it, so "durable goods" is not found in
/// "non-durable goodsX" and CJK terms match anywhere. Matches are leftmost-longest and non-overlapping.
///
/// The automaton is built over the *reversed* terms and run right to left, which gives the longest term
/// starting at each offset in O(1); a left-to-right greedy pass over those then yields leftmost-longest
/// matches in O(n + matches) without rescanning (a forward automaton has to back up after each match).
public struct TermMatcher: Sendable {
    private struct Term: Sendable {
        var length: Int
        var id: Int
        var boundaryBefore: Bool
        var boundaryAfter: Bool
    }

    /// Byte → input class; ASCII upper case shares its lower-case class, bytes in no term share class 0.
    private let byteClass: [UInt8]
    private let classCount: Int
    /// Dense DFA, one row of `classCount + 1` entries per state: the row offset of the next state for each
    /// class, then the state's `firstOutput`. Offsets rather than state numbers keep a multiplication off
    /// the one dependency chain the scan runs along, byte after byte. An offset is stored complemented
    /// (negative) when its state ends a term or links to one, so the common no-match case needs no second
    /// load to find that out.
    private let rows: [Int32]
    /// The term whose reversed bytes end at each state, or -1.
    private let termAt: [Int32]
    /// The nearest state along the failure chain (excluding the state itself) that ends a term, or -1; walking
    /// these lists every term ending here, longest first.
    private let outputLink: [Int32]
    // The row's last entry (`firstOutput`): the state itself when it ends a term, else `outputLink`, so the
    // common no-match case costs one load per byte.
    private let terms: [Term]

    /// Builds the automaton for `terms`; each match reports the `id` of its term. Empty terms are ignored; when
    /// two terms are equal ignoring ASCII case, the first one's id is reported.
    public init(terms: [(text: String, id: Int)]) {
        var keys: [[UInt8]] = []
        var list: [Term] = []
        for (text, id) in terms where !text.isEmpty {
            let bytes = text.utf8.map(UTF8Scan.lowercased)
            keys.append(bytes.reversed())
            list.append(
                Term(
                    length: bytes.count, id: id, boundaryBefore: UTF8Scan.isWordByte(bytes[0]),
                    boundaryAfter: UTF8Scan.isWordByte(bytes[bytes.count - 1])))
        }

        var classes = [UInt8](repeating: 0, count: 256)
        var count = 1
        for key in keys {
            for byte in key where classes[Int(byte)] == 0 {
                // At most 255 distinct bytes; ASCII upper case never occurs in a key, so this fits in UInt8.
                classes[Int(byte)] = UInt8(count)
                count += 1
            }
        }
        for upper in UInt8(0x41)...UInt8(0x5A) { classes[Int(upper)] = classes[Int(upper | 0x20)] }

        // The trie, with -1 for a missing edge; the failure pass below turns it into a DFA.
        var next = [Int32](repeating: -1, count: count)
        var termAt: [Int32] = [-1]
        for (index, key) in keys.enumerated() {
            var state = 0
            for byte in key {
                let slot = state * count + Int(classes[Int(byte)])
                if next[slot] < 0 {
                    next[slot] = Int32(termAt.count)
                    termAt.append(-1)
                    next.append(contentsOf: repeatElement(-1, count: count))
                }
                state = Int(next[slot])
            }
            if termAt[state] < 0 { termAt[state] = Int32(index) }
        }

        let stateCount = termAt.count
        var fail = [Int32](repeating: 0, count: stateCount)
        var outputLink = [Int32](repeating: -1, count: stateCount)
        var queue: [Int32] = []
        queue.reserveCapacity(stateCount)
        for c in 0..<count {
            if next[c] < 0 {
                next[c] = 0
            } else {
                queue.append(next[c])
            }
        }
        var head = 0
        while head < queue.count {
            let state = Int(queue[head])
            head += 1
            for c in 0..<count {
                let slot = state * count + c
                let child = next[slot]
                let viaFail = next[Int(fail[state]) * count + c]
                if child < 0 {
                    next[slot] = viaFail
                } else {
                    fail[Int(child)] = viaFail
                    outputLink[Int(child)] = termAt[Int(viaFail)] >= 0 ? viaFail : outputLink[Int(viaFail)]
                    queue.append(child)
                }
            }
        }

        let stride = count + 1
        var rows = [Int32](repeating: 0, count: stateCount * stride)
        for state in 0..<stateCount {
            rows[state * stride + count] = termAt[state] >= 0 ? Int32(state) : outputLink[state]
        }
        for state in 0..<stateCount {
            for c in 0..<count {
                let target = Int(next[state * count + c])
                let offset = Int32(target * stride)
                rows[state * stride + c] = rows[target * stride + count] >= 0 ? ~offset : offset
            }
        }
        self.byteClass = classes
        self.classCount = count
        self.rows = rows
        self.termAt = termAt
        self.outputLink = outputLink
        self.terms = list
    }

    /// The leftmost-longest, non-overlapping term matches in `text`, as UTF-8 byte ranges with term ids.
    public func matches(in text: String) -> [(range: Range<Int>, id: Int)] {
        UTF8Scan.withBytes(text) { matches(bytes: $0) }
    }

    /// `matches(in:)` over UTF-8 bytes.
    func matches(bytes b: UTF8Scan.Bytes) -> [(range: Range<Int>, id: Int)] {
        guard !terms.isEmpty else { return [] }
        let n = b.count
        guard n > 0 else { return [] }
        // The longest term starting at each byte that passes the word-boundary checks, found right to left
        // (so positions decrease); matches are rare, so this list stays short where a table per byte would
        // cost an allocation the size of the text.
        var found: [(start: Int, index: Int32)] = []
        let classCount = classCount
        byteClass.withUnsafeBufferPointer { classOf in
            rows.withUnsafeBufferPointer { rows in
                var row = 0
                var i = n
                while i > 0 {
                    i -= 1
                    let step = rows[row &+ Int(classOf[Int(b[i])])]
                    guard step < 0 else {
                        row = Int(step)
                        continue
                    }
                    row = Int(~step)
                    var output = rows[row &+ classCount]
                    while output >= 0 {
                        let index = termAt[Int(output)]
                        if accepts(terms[Int(index)], at: i, in: b) {
                            found.append((i, index))
                            break
                        }
                        output = outputLink[Int(output)]
                    }
                }
            }
        }
        // Left to right: take a match unless an earlier one covers its start.
        var result: [(range: Range<Int>, id: Int)] = []
        var free = 0
        for (start, index) in found.reversed() where start >= free {
            let term = terms[Int(index)]
            result.append((start..<(start + term.length), term.id))
            free = start + term.length
        }
        return result
    }

    @inline(__always)
    private func accepts(_ term: Term, at start: Int, in b: UTF8Scan.Bytes) -> Bool {
        if term.boundaryBefore, start > 0, UTF8Scan.isWordByte(b[start - 1]) { return false }
        let end = start + term.length
        if term.boundaryAfter, end < b.count, UTF8Scan.isWordByte(b[end]) { return false }
        return true
    }
}
