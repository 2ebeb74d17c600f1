/// A rule table as a localized HTML table (`{{table id}}`), each row with an anchor other pages can link to.
public enum RuleTableHTML {
    /// Anchor id of a row: `rule-<table>-<row>`.
    public static func rowAnchor(table: String, row: String) -> String { "rule-\(table)-\(row)" }

    /// The ids `render` gives the table with `anchors`: its own and each row's.
    public static func anchorIDs(_ table: RuleTable) -> [String] {
        ["rules-\(table.id)"] + table.rows.map { rowAnchor(table: table.id, row: $0.id) }
    }

    /// Renders the table in `language`; `strings` gives the caption words. Without `anchors` (the same table
    /// shown again on a page) it has no ids, which must be unique in a page.
    public static func render(_ table: RuleTable, language: String, fallback: String, strings: UIStrings, anchors: Bool = true) -> String {
        let e = HTML.escape
        // Text missing in `language` is shown in the fallback's, marked so (screen readers, fonts, hyphenation).
        func lang(_ text: Localized?) -> String {
            guard let other = text?.languageOfText(language, fallback: fallback), other != language else { return "" }
            return " lang=\"\(e(other))\""
        }
        let figureID = anchors ? " id=\"rules-\(e(table.id))\"" : ""
        // The frame scrolls a wide table on a phone: focusable, so a keyboard can scroll it, and named.
        let frame =
            "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(e(table.title.text(language, fallback: fallback)))\">"
        var html = "<figure class=\"rule-table\"\(figureID)>\n\(frame)\n<table>\n"
        // The title in a span of its own: it stays in view (sticky) while the table scrolls sideways under it.
        html +=
            "<caption\(lang(table.title))><span class=\"rule-table__title\">\(e(table.title.text(language, fallback: fallback)))</span></caption>\n<thead>\n<tr><th scope=\"col\">\(e(strings.ruleCase))</th>"
        for column in table.columns {
            html += "<th scope=\"col\"\(lang(column.title))>\(e(column.title.text(language, fallback: fallback)))</th>"
        }
        html += "</tr>\n</thead>\n<tbody>\n"
        for row in table.rows {
            html +=
                "<tr\(anchors ? " id=\"\(e(rowAnchor(table: table.id, row: row.id)))\"" : "")><th scope=\"row\"\(lang(row.label))>\(e(row.label.text(language, fallback: fallback)))</th>"
            for column in table.columns {
                let text = row.values[column.id].map { RuleBook.display($0, column: column, language: language, fallback: fallback) } ?? "—"
                // Short values (`15 天`, `CNY 50`) must not wrap; text columns may.
                let marked = lang(row.values[column.id].flatMap { RuleBook.localized($0, column: column) })
                html += column.type == .text ? "<td\(marked)>\(e(text))</td>" : "<td class=\"rule-table__value\"\(marked)>\(e(text))</td>"
            }
            html += "</tr>\n"
        }
        html +=
            "</tbody>\n</table>\n</div>\n<figcaption class=\"rule-table__meta\">\(e(strings.lastChanged)) <time datetime=\"\(e(table.changed))\">\(e(table.changed))</time>"
        if !table.sources.isEmpty {
            html +=
                " · \(e(strings.sources))\(e(strings.colon))"
                + table.sources.map {
                    "<a href=\"\(e($0.url))\" rel=\"noopener\">\(e($0.title(in: language, fallback: fallback)))</a>"
                }.joined(
                    separator: e(strings.listSeparator))
        }
        html += "</figcaption>\n</figure>\n"
        return html
    }
}
