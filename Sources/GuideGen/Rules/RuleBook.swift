/// All rule tables of a site, resolving references to values in a language.
public struct RuleBook: Sendable {
    public let tables: [String: RuleTable]

    /// Every value as shown in each language, by the reference that names it (`rule table.row.column`):
    /// a page refers to the same few values again and again, and formatting one costs more than looking it up.
    public let shown: [String: [String: String]]

    /// Tables whose files exist but failed to validate, by id (their path): a reference to one says so
    /// instead of "unknown rule table" with a did-you-mean pointing elsewhere.
    public var failedTables: [String: String] = [:]

    /// `{{table}}` HTML by table, language and whether it carries ids: about one guide in four shows a
    /// table, and rendering one again for every page cost as much as a page's prose checks.
    let tableHTML = RenderCache<String>()

    /// `languages` (default first) are those values are prepared for; others are formatted when asked.
    public init(_ tables: [RuleTable], languages: [String] = []) {
        self.tables = Dictionary(tables.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var shown: [String: [String: String]] = [:]
        for language in languages {
            var values: [String: String] = [:]
            for table in tables {
                for row in table.rows {
                    for column in table.columns {
                        guard let value = row.values[column.id] else { continue }
                        values["rule \(table.id).\(row.id).\(column.id)"] = Self.displayInline(
                            value, column: column, language: language, fallback: languages[0])
                    }
                }
            }
            shown[language] = values
        }
        self.shown = shown
    }

    /// What a reference points at, or the diagnostic explaining why it points at nothing.
    public enum Lookup: Sendable {
        case value(RuleValue, RuleTable, RuleRow, RuleColumn)
        case table(RuleTable)
        case unknown(message: String, help: String, notes: [Diagnostic.Note] = [])
        /// The table's file exists but was refused, with its own errors: the reference says nothing more
        /// (one YAML typo in a table gave 85 errors, the real one among them, 84th).
        case inFailedTable
    }

    /// Resolves a reference, suggesting the nearest name when something is misspelt.
    public func lookup(_ ref: RuleReference) -> Lookup {
        guard let table = tables[ref.table] else {
            if failedTables[ref.table] != nil { return .inFailedTable }
            return .unknown(
                message: "unknown rule table `\(ref.table)`", help: Suggestion.help(for: ref.table, in: Array(tables.keys), noun: "tables"))
        }
        if ref.kind == .table { return .table(table) }
        guard let row = table.row(ref.row) else {
            return .unknown(
                message: "rule table `\(table.id)` has no row `\(ref.row)`",
                help: Suggestion.help(for: ref.row, in: table.rows.map(\.id), noun: "rows"))
        }
        guard let column = table.column(ref.column) else {
            if table.columnsMissing || table.brokenColumns.contains(ref.column) { return .inFailedTable }
            return .unknown(
                message: "rule table `\(table.id)` has no column `\(ref.column)`",
                help: Suggestion.help(for: ref.column, in: table.columns.map(\.id), noun: "columns"))
        }
        guard let value = row.values[column.id] else {
            // Written but refused (already a `rule-table` error there): say so rather than "add it".
            // Written but refused: its own `rule-table` error says what to fix, once.
            if row.valueLines[column.id] != nil { return .inFailedTable }
            // Where to add it as a note: notes are printed with the content folder's path, as findings are.
            return .unknown(
                message: "row `\(row.id)` of `\(table.id)` has no value for `\(column.id)`",
                help: "add `\(column.id):` to the row",
                notes: [.init(SourceLocation(file: table.path, line: row.line, column: 1), "row `\(row.id)`")])
        }
        return .value(value, table, row, column)
    }

    /// A cell value as a reader of `language` sees it.
    public static func display(_ value: RuleValue, column: RuleColumn, language: String, fallback: String) -> String {
        switch value {
        case .quantity(let q): return QuantityFormatter.format(q, language: language)
        case .boolean(let b): return language.hasPrefix("zh") ? (b ? "是" : "否") : (b ? "yes" : "no")
        case .choice(let key): return localized(value, column: column)?.text(language, fallback: fallback) ?? key
        case .text(let t): return t.text(language, fallback: fallback)
        }
    }

    /// `display` for a value inside a sentence: a quantity's number and unit are joined by a no-break space
    /// (U+00A0), so a line never breaks inside `15 天`, `CNY 50` or `48 hours`.
    public static func displayInline(_ value: RuleValue, column: RuleColumn, language: String, fallback: String) -> String {
        let shown = display(value, column: column, language: language, fallback: fallback)
        guard case .quantity = value, ByteSearch.contains(shown, 0x20) else { return shown }
        return shown.replacingOccurrences(of: " ", with: "\u{00A0}")
    }

    /// The localized text a `text` value or a `choice` option shows; nil for values shown as formatted.
    public static func localized(_ value: RuleValue, column: RuleColumn) -> Localized? {
        switch value {
        case .text(let t): t
        case .choice(let key): column.options.first { $0.key == key }?.label
        default: nil
        }
    }
}
