/// Reads `content/rules/<id>.yaml` into a typed `RuleTable`, every problem at its line and column.
public enum RuleTableValidator {
    static let tableKeys = ["title", "changed", "sources", "columns", "rows"]
    static let columnKeys = ["type", "title", "options"]

    /// A table's id: its file name without `.yaml` (or `.yml`).
    public static func tableID(of path: String) -> String {
        let fileName = path.split(separator: "/").last ?? Substring(path)
        return String(fileName.dropLast(fileName.hasSuffix(".yml") ? 4 : fileName.hasSuffix(".yaml") ? 5 : 0))
    }

    /// Validates one rule table file against the configured languages.
    public static func validate(_ source: SourceText, languages: [String]) -> (RuleTable?, [Diagnostic]) {
        let id = tableID(of: source.path)
        // References name the table by its id, `{{rule id.row.column}}`: a dot or space in it could never be written.
        guard isIdentifier(id) else {
            let fixed = String(id.unicodeScalars.map { isIdentifier(String($0)) ? Character($0) : "-" })
            return (
                nil,
                [
                    Diagnostic(
                        .error, .ruleTable, at: SourceLocation(file: source.path, line: 1, column: 1),
                        "`\(id)` cannot be a rule table id: the id is the file name, and references need letters, digits, `-` and `_` only",
                        help: "rename the file to `rules/\(fixed).yaml`")
                ]
            )
        }
        let (composed, yamlDiagnostics) = YAMLReader(allowAliases: true).compose(source.text, file: source.path)
        guard let node = composed else {
            return (
                nil,
                yamlDiagnostics.isEmpty
                    ? [Diagnostic(.error, .ruleTable, at: SourceLocation(file: source.path, line: 1, column: 1), "the rule table is empty")]
                    : yamlDiagnostics
            )
        }
        var fields = YAMLFields(file: source.path, text: source.text)
        var table = RuleTable(id: id, path: source.path, title: Localized(), changed: "", sources: [], columns: [], rows: [])
        guard let pairs = fields.pairs(node, what: "a rule table") else { return (nil, fields.diagnostics) }
        var rowsNode: YAMLNode?
        var brokenColumns: Set<String> = []
        for (key, keyNode, value) in pairs {
            switch key {
            case "title": table.title = fields.localized(value, key: "title", languages: languages) ?? Localized()
            case "changed":
                table.changed = fields.date(value, key: "changed") ?? ""
                table.changedLine = keyNode.mark.line
            case "sources": table.sources = SchemaValidator.sources(value, fields: &fields, languages: languages)
            case "columns": table.columns = columns(value, languages: languages, fields: &fields, broken: &brokenColumns)
            case "rows": rowsNode = value
            default:
                fields.error(
                    .unknownKey, keyNode, "`\(key)`: unknown key in a rule table",
                    help: Suggestion.help(for: key, in: tableKeys, noun: "keys"))
            }
        }
        // `colums:` is already "did you mean `columns`?": not also "has no `columns`".
        let misspelt = Set(pairs.compactMap { tableKeys.contains($0.key) ? nil : Suggestion.closest(to: $0.key, in: tableKeys) })
        for required in ["title", "changed", "columns", "rows"]
        where !pairs.contains(where: { $0.key == required }) && !misspelt.contains(required) {
            fields.error(.missingKey, node, "the rule table has no `\(required)`")
        }
        // Without a `columns:` list (`colums:`, say, already an error) no value can be told wrong.
        table.columnsMissing = !pairs.contains { $0.key == "columns" }
        table.brokenColumns = brokenColumns
        if let rowsNode {
            table.rows = rows(
                rowsNode, columns: table.columns, broken: brokenColumns, anyColumnBroken: table.columnsMissing, languages: languages,
                fields: &fields)
        }
        return (
            table,
            fields.diagnostics.map {
                var d = $0;
                if d.check == CheckID.wrongType.rawValue || d.check == CheckID.missingKey.rawValue { d.check = CheckID.ruleTable.rawValue };
                return d
            }
        )
    }

    /// The table's valid columns; `broken` gets the ids of columns declared with errors (already reported),
    /// whose values the rows then skip instead of calling them values of no column.
    static func columns(_ node: YAMLNode, languages: [String], fields: inout YAMLFields, broken: inout Set<String>) -> [RuleColumn] {
        guard let pairs = fields.pairs(node, what: "`columns`") else { return [] }
        var out: [RuleColumn] = []
        for (columnID, columnNode, value) in pairs {
            guard isIdentifier(columnID) else {
                fields.error(.ruleTable, columnNode, "`\(columnID)` is not a valid column id", help: "use letters, digits, `-` and `_`")
                continue
            }
            guard let props = fields.pairs(value, what: "column `\(columnID)`") else {
                broken.insert(columnID)
                continue
            }
            var type: RuleColumnType?
            var title = Localized()
            var options: [(key: String, label: Localized)] = []
            for (key, keyNode, v) in props {
                switch key {
                case "type":
                    guard let s = fields.string(v, key: "type") else { continue }
                    type = RuleColumnType(rawValue: s)
                    if type == nil {
                        fields.error(
                            .ruleTable, v, "`\(s)` is not a column type",
                            help: Suggestion.help(for: s, in: RuleColumnType.allCases.map(\.rawValue), noun: "types"))
                    }
                case "title": title = fields.localized(v, key: "title", languages: languages) ?? Localized()
                case "options":
                    for (optionKey, _, label) in fields.pairs(v, what: "`options`") ?? [] {
                        if let l = fields.localized(label, key: "options.\(optionKey)", languages: languages) {
                            options.append((optionKey, l))
                        }
                    }
                default:
                    fields.error(
                        .unknownKey, keyNode, "`\(key)`: unknown key in a column",
                        help: Suggestion.help(for: key, in: columnKeys, noun: "keys"))
                }
            }
            guard let type else {
                broken.insert(columnID)
                if !props.contains(where: { $0.key == "type" }) {
                    fields.error(
                        .ruleTable, columnNode, "column `\(columnID)` has no `type`",
                        help: "add `type: duration` (or money, number, boolean, choice, text)")
                }
                continue
            }
            if type == .choice, options.isEmpty { fields.error(.ruleTable, columnNode, "choice column `\(columnID)` has no `options`") }
            out.append(RuleColumn(id: columnID, type: type, title: title, options: options, line: columnNode.mark.line))
        }
        return out
    }

    static func rows(
        _ node: YAMLNode, columns: [RuleColumn], broken: Set<String> = [], anyColumnBroken: Bool = false, languages: [String],
        fields: inout YAMLFields
    ) -> [RuleRow] {
        guard let pairs = fields.pairs(node, what: "`rows`") else { return [] }
        var out: [RuleRow] = []
        var termRows: [String: String] = [:]  // language NUL lowercased term → the first row that has it
        let known = ["label", "terms"] + columns.map(\.id)
        func help(for key: String) -> String {
            // A near miss of `label` or `terms` is suggested; the list names only the columns.
            if let match = Suggestion.closest(to: key, in: known) { return "did you mean `\(match)`?" }
            return Suggestion.help(for: key, in: columns.map(\.id), noun: "columns")
        }
        for (rowID, rowNode, value) in pairs {
            guard isIdentifier(rowID) else {
                fields.error(.ruleTable, rowNode, "`\(rowID)` is not a valid row id", help: "use letters, digits, `-` and `_`")
                continue
            }
            var row = RuleRow(id: rowID, label: Localized(), terms: [:], values: [:], line: rowNode.mark.line, valueLines: [:])
            guard let props = fields.pairs(value, what: "row `\(rowID)`") else { continue }
            for (key, keyNode, v) in props {
                if key == "label" {
                    row.label = fields.localized(v, key: "label", languages: languages) ?? Localized()
                } else if key == "terms" {
                    let given = fields.pairs(v, what: "`terms`") ?? []
                    // A language without words is a language whose pages are never checked against the row:
                    // say so, as a missing label is (adding a language should not switch the checks off quietly).
                    for lang in languages where !given.contains(where: { $0.key == lang }) && !given.isEmpty {
                        fields.diagnostics.append(
                            Diagnostic(
                                .warning, .missingTranslation, at: fields.location(keyNode),
                                "`terms` has no \(lang) words, so \(lang) pages are not checked against row `\(rowID)`",
                                help: "add `\(lang): [...]`, the words that mark a sentence in \(lang) as stating this row's facts"))
                    }
                    for (lang, langNode, list) in given {
                        guard languages.contains(lang) else {
                            fields.error(
                                .ruleTable, langNode, "`terms`: `\(lang)` is not a configured language",
                                help: Suggestion.help(for: lang, in: languages, noun: "languages"))
                            continue
                        }
                        let terms = fields.stringList(list, key: "terms.\(lang)") ?? []
                        row.terms[lang] = terms.map(\.0)
                        // One term for two rows: a sentence with it cannot say which row it states, so either
                        // row's value passes as a repeat and no contradiction between them is ever found.
                        for (term, termNode) in terms {
                            let key = "\(lang)\u{0}\(term.lowercased())"
                            if let other = termRows[key], other != rowID {
                                fields.diagnostics.append(
                                    Diagnostic(
                                        .warning, .ruleTable, at: fields.location(termNode),
                                        "`\(term)` is also a term of row `\(other)`: a sentence with it cannot say which row it states",
                                        help: "give each row words of its own, e.g. naming the goods it is about"))
                            } else {
                                termRows[key] = rowID
                            }
                        }
                    }
                } else if let column = columns.first(where: { $0.id == key }) {
                    row.valueLines[key] = v.mark.line
                    row.valueColumns[key] = v.mark.column
                    if let parsed = Self.value(v, column: column, languages: languages, fields: &fields) { row.values[key] = parsed }
                } else if !broken.contains(key) && !anyColumnBroken {
                    fields.error(
                        .ruleTable, keyNode, "`\(key)`: row `\(rowID)` has a value for a column that does not exist",
                        help: help(for: key))
                }
            }
            if !props.contains(where: { $0.key == "label" }) { fields.error(.ruleTable, rowNode, "row `\(rowID)` has no `label`") }
            out.append(row)
        }
        return out
    }

    /// One cell, typed by its column.
    static func value(_ node: YAMLNode, column: RuleColumn, languages: [String], fields: inout YAMLFields) -> RuleValue? {
        switch column.type {
        case .duration, .money, .number:
            guard let text = node.scalarText else {
                fields.error(.ruleTable, node, "`\(column.id)` must be a single value such as `15 days`, not \(node.kindName)")
                return nil
            }
            switch RuleValueParser.quantity(text, type: column.type) {
            case .success(let q): return .quantity(q)
            case .failure(let problem):
                fields.error(.ruleTable, node, "`\(column.id)`: \(problem.message)", help: problem.help)
                return nil
            }
        case .boolean:
            return fields.boolean(node, key: column.id).map(RuleValue.boolean)
        case .choice:
            guard let key = fields.string(node, key: column.id) else { return nil }
            guard column.options.contains(where: { $0.key == key }) else {
                fields.error(
                    .ruleTable, node, "`\(key)` is not an option of `\(column.id)`",
                    help: Suggestion.help(for: key, in: column.options.map(\.key), noun: "options"))
                return nil
            }
            return .choice(key)
        case .text:
            return fields.localized(node, key: column.id, languages: languages).map(RuleValue.text)
        }
    }

    /// Ids of tables, rows and columns: ASCII letters, digits, `-` and `_`.
    static func isIdentifier(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy(isIdentifierByte)
    }

    /// An ASCII letter or digit, `-` or `_`.
    @inline(__always)
    static func isIdentifierByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F
    }
}
