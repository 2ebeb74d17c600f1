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
    }

    /// Every `{{…}}` in `text`, scanning bytes once.
    public static func scan(_ text: String) -> [Occurrence] {
        var out: [Occurrence] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i + 1 < bytes.count {
            guard bytes[i] == 0x7B, bytes[i + 1] == 0x7B else { i += 1; continue }
            var j = i + 2
            while j + 1 < bytes.count, !(bytes[j] == 0x7D && bytes[j + 1] == 0x7D), bytes[j] != 0x0A, j - i < 300 { j += 1 }
            guard j + 1 < bytes.count, bytes[j] == 0x7D, bytes[j + 1] == 0x7D else { i += 2; continue }
            let body = String(decoding: bytes[(i + 2)..<j], as: UTF8.self).trimmingBlanks()
            out.append(Occurrence(range: i..<(j + 2), reference: parse(body), body: body))
            i = j + 2
        }
        return out
    }

    /// Parses `rule a.b.c` or `table a` (on bytes: this runs for every reference of every page).
    public static func parse(_ body: String) -> RuleReference? {
        let words = body.utf8.split(separator: 0x20, omittingEmptySubsequences: true)
        guard words.count == 2 else { return nil }
        let path = words[1].split(separator: 0x2E, omittingEmptySubsequences: false).map { String(Substring($0)) }
        switch String(Substring(words[0])) {
        case "rule" where path.count == 3 && path.allSatisfy({ !$0.isEmpty }):
            return RuleReference(kind: .rule, table: path[0], row: path[1], column: path[2])
        case "table" where path.count == 1 && !path[0].isEmpty:
            return RuleReference(kind: .table, table: path[0])
        default:
            return nil
        }
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
