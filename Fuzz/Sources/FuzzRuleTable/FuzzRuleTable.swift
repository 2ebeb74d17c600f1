import FuzzSupport
import GuideGen

/// A rule table file as bytes: decoding, the YAML reader with aliases allowed (and its expansion budget),
/// `RuleTableValidator` with two and with one configured language, then everything later stages do with a
/// table: `RuleBook` display in both languages, the claims matcher built from its terms, and the HTML table.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = "rules/fuzz-table.yaml"
    guard case .success(let source) = SourceText.decode(data.bytes(size), path: path) else { return 0 }
    for languages in [["zh-Hans", "en"], ["en"]] {
        let (table, diagnostics) = RuleTableValidator.validate(source, languages: languages)
        Invariant.diagnostics(diagnostics, sources: [path: source.text])
        guard let table else { continue }
        Invariant.require(table.id == "fuzz-table", "table-id", "id `\(table.id)` from \(path)")
        check(table, languages: languages)
    }
    return 0
}

private func isIdentifier(_ s: String) -> Bool {
    !s.isEmpty && s.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x5F }
}

private func check(_ table: RuleTable, languages: [String]) {
    for column in table.columns {
        Invariant.require(isIdentifier(column.id), "column-id", "column id `\(column.id)`")
    }
    for row in table.rows {
        Invariant.require(isIdentifier(row.id), "row-id", "row id `\(row.id)`")
        for (key, value) in row.values {
            guard let column = table.column(key) else { Invariant.fail("row-value-column", "row `\(row.id)` has a value for unknown column `\(key)`") }
            if case .quantity(let q) = value {
                Invariant.require(q.amount.isFinite, "quantity-finite", "`\(row.id).\(key)` is \(q.amount)")
                let expected: QuantityKind = column.type == .duration ? .duration : column.type == .money ? .money : .number
                Invariant.require(q.kind == expected, "quantity-kind", "`\(row.id).\(key)` is a \(q.kind) in a \(column.type) column")
            }
            for language in languages + ["zh-Hant"] {
                _ = RuleBook.display(value, column: column, language: language, fallback: languages[0])
            }
        }
    }
    let book = RuleBook([table])
    for row in table.rows {
        for column in table.columns {
            guard let reference = RuleReference.parse("rule \(table.id).\(row.id).\(column.id)") else {
                Invariant.fail("reference-parse", "`rule \(table.id).\(row.id).\(column.id)` does not parse")
            }
            if case .unknown = book.lookup(reference), row.values[column.id] != nil {
                Invariant.fail("rulebook-lookup", "`\(reference.key)` has a value but does not resolve")
            }
        }
    }
    _ = ClaimChecker(rules: book)
    for language in languages {
        let html = RuleTableHTML.render(table, language: language, fallback: languages[0], strings: UIStrings.forLanguage(language))
        Invariant.noScript(html, name: "table-html")
    }
}
