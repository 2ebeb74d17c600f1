/// A `{{rule table.row.column}}` or `{{table id}}` written in a page.
public struct RuleReference: Sendable, Hashable {
    public enum Kind: String, Sendable { case rule, table }
    public var kind: Kind
    /// For `.rule`: table, row, column; for `.table`: the table id alone.
    public var table: String
    public var row: String = ""
    public var column: String = ""

    /// `table.row.column` or `table`.
    public var key: String { kind == .rule ? "\(table).\(row).\(column)" : table }

    /// One occurrence of `{{…}}` in a text: its UTF-8 range and what it says.
    public struct Occurrence: Sendable {
        public var range: Range<Int>
        /// nil when the braces hold something that is not a valid reference.
        public var reference: RuleReference?
        /// The text between the braces, trimmed.
        public var body: String
        /// `{{rule …` or `{{table …` with no `}}` on its line: the range runs to the end of the line.
        public var unclosed = false
    }

    /// Every `{{…}}` in `text`, scanning bytes once, in place.
    public static func scan(_ text: String) -> [Occurrence] {
        UTF8Scan.withBytes(text) { bytes in
            var out: [Occurrence] = []
            var i = 0
            while let open = ByteSearch.find(0x7B, in: bytes, from: i), open + 1 < bytes.count {
                i = open
                guard bytes[i + 1] == 0x7B else { i += 1; continue }
                var j = i + 2
                while j + 1 < bytes.count, !(bytes[j] == 0x7D && bytes[j + 1] == 0x7D), bytes[j] != 0x0A, j - i < 300 { j += 1 }
                guard j + 1 < bytes.count, bytes[j] == 0x7D, bytes[j + 1] == 0x7D else {
                    // An unclosed reference would be published as its source text: report it instead.
                    if let end = unclosedEnd(bytes, open: i) {
                        let body = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 2)..<end]), as: UTF8.self)
                        out.append(Occurrence(range: i..<end, reference: nil, body: body.trimmingBlanks(), unclosed: true))
                        i = end
                    } else {
                        i += 2
                    }
                    continue
                }
                // The body without leading and trailing spaces and tabs.
                var from = i + 2
                var to = j
                while from < to, bytes[from] == 0x20 || bytes[from] == 0x09 { from += 1 }
                while to > from, bytes[to - 1] == 0x20 || bytes[to - 1] == 0x09 { to -= 1 }
                let body = UnsafeBufferPointer(rebasing: bytes[from..<to])
                out.append(Occurrence(range: i..<(j + 2), reference: parse(body), body: String(decoding: body, as: UTF8.self)))
                i = j + 2
            }
            return out
        }
    }

    /// Where an unclosed `{{rule ` or `{{table ` that opens at `open` ends (its line's end), or nil when the
    /// braces open something else (`{{` in prose about templates stays text).
    static func unclosedEnd(_ bytes: UnsafeBufferPointer<UInt8>, open: Int) -> Int? {
        var k = open + 2
        while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
        let word = bytes[k...].prefix { $0 >= 0x61 && $0 <= 0x7A }
        guard word.elementsEqual("rule".utf8) || word.elementsEqual("table".utf8), k + word.count < bytes.count,
            bytes[k + word.count] == 0x20
        else { return nil }
        var end = k + word.count
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        while end > k, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// Parses `rule a.b.c` or `table a`.
    public static func parse(_ body: String) -> RuleReference? {
        UTF8Scan.withBytes(body) { parse($0) }
    }

    /// `parse` on bytes: this runs for every reference of every page.
    static func parse(_ body: UnsafeBufferPointer<UInt8>) -> RuleReference? {
        // Two words, `rule`/`table` and a path, split by hand: this runs for every reference of every page.
        var i = 0
        while i < body.count, body[i] != 0x20 { i += 1 }
        let word = body[0..<i]
        while i < body.count, body[i] == 0x20 { i += 1 }
        let pathStart = i
        // At most two dots matter (`table.row.column`); a third makes the path invalid.
        var dots = 0
        var firstDot = 0
        var secondDot = 0
        while i < body.count, body[i] != 0x20 {
            if body[i] == 0x2E {
                if dots == 0 { firstDot = i } else if dots == 1 { secondDot = i }
                dots += 1
            }
            i += 1
        }
        let pathEnd = i
        while i < body.count, body[i] == 0x20 { i += 1 }
        guard i == body.count, pathStart < pathEnd, !word.isEmpty else { return nil }
        func text(_ from: Int, _ to: Int) -> String { String(decoding: body[from..<to], as: UTF8.self) }
        if dots == 2, word.elementsEqual("rule".utf8) {
            // No part may be empty.
            guard firstDot > pathStart, secondDot > firstDot + 1, pathEnd > secondDot + 1 else { return nil }
            return RuleReference(
                kind: .rule, table: text(pathStart, firstDot), row: text(firstDot + 1, secondDot), column: text(secondDot + 1, pathEnd))
        }
        if dots == 0, word.elementsEqual("table".utf8) { return RuleReference(kind: .table, table: text(pathStart, pathEnd)) }
        return nil
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces and tabs.
    func trimmingBlanks() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
