/// Checks that the front matter `rules:` list names real tables and every table the page refers to, and that
/// reviews are current.
public enum RuleUsageChecker {
    public static func check(bodies: [RenderedBody], rules: RuleBook, threads: Int = 0) -> [Diagnostic] {
        // Pages are independent: checked across cores (this stage runs between two parallel ones).
        ParallelMap.map(bodies, threads: threads) { $0.isFallback ? [] : check($0, rules: rules) }.flatMap { $0 }
    }

    /// The findings for one page.
    static func check(_ body: RenderedBody, rules: RuleBook) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let page = body.source
        // Sorted arrays rather than sets: a page uses a few tables, and hashing every reference's table id
        // into a new set per page cost more than the checks.
        let used = sortedUnique(body.references.map(\.reference.table))
        if let listed = page.frontMatter.rules {
            let line = page.frontMatter.keyLines["rules"] ?? 1
            let at = SourceLocation(file: page.path, line: line, column: 1)
            // A table refused with errors of its own is not "not a rule table".
            for (position, table) in listed.enumerated() where rules.tables[table] == nil && rules.failedTables[table] == nil {
                let item = page.frontMatter.ruleLocations.indices.contains(position) ? page.frontMatter.ruleLocations[position] : at
                diagnostics.append(
                    Diagnostic(
                        .error, .unknownRule, at: item, "`rules:` names `\(table)`, which is not a rule table",
                        help: Suggestion.help(for: table, in: Array(rules.tables.keys), noun: "tables")))
            }
            // A table listed but never referred to is fine: the page may state its facts in words, and listing
            // it still counts for `review-outdated` (the contract's "tables whose facts the page states"). One
            // referred to but not listed makes the list incomplete: worth a word, not a failed build.
            for missing in used where !listed.contains(missing) {
                diagnostics.append(
                    Diagnostic(
                        .warning, .rulesListMismatch, at: at, "the page uses `\(missing)` but `rules:` does not list it",
                        help: "add `\(missing)` to `rules:` (or remove the key: guidegen derives it)"))
            }
        }
        if let reviewed = page.frontMatter.reviewed {
            // A table whose values the page states by hand (a repeat or a contradiction the claims checker
            // matched to it) is one whose facts it states too: it is reviewed against the table as well.
            let stated = body.claims.compactMap { ClaimChecker.statedRule($0)?.split(separator: ".").first.map(String.init) }
            let tables = sortedUnique(used + (page.frontMatter.rules ?? []) + stated)
            for id in tables {
                guard let table = rules.tables[id], !table.changed.isEmpty, table.changed > reviewed else { continue }
                let line = page.frontMatter.keyLines["reviewed"] ?? 1
                diagnostics.append(
                    Diagnostic(
                        .warning, .reviewOutdated, at: SourceLocation(file: page.path, line: line, column: 1),
                        "rule table `\(id)` changed on \(table.changed), after this page was reviewed (\(reviewed))",
                        help: "check the page against the table, then set `reviewed:` to today's date",
                        notes: [.init(SourceLocation(file: table.path, line: table.changedLine, column: 1), "the table's `changed:` date")])
                )
            }
        }
        return diagnostics
    }

    /// The distinct strings in ascending order.
    static func sortedUnique(_ strings: [String]) -> [String] {
        var sorted = strings.sorted()
        var kept = 0
        for i in sorted.indices where kept == 0 || sorted[kept - 1] != sorted[i] {
            sorted.swapAt(kept, i)
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }
}
