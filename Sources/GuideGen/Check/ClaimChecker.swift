/// Finds sentences that state a rule's value as a literal (spec §8): a contradiction is an error, an
/// exact repeat a warning asking for `{{rule …}}`.
///
/// One Aho–Corasick matcher per language over every row's terms is built once; each sentence is then
/// scanned once for terms and once for literal quantities, both over UTF-8 bytes.
public struct ClaimChecker: Sendable {
    public let rules: RuleBook
    /// One matcher per language, and what each term id means.
    private let matchers: [String: TermMatcher]
    private let targets: [Target]

    /// A row a term belongs to.
    struct Target: Sendable {
        var table: RuleTable
        var row: RuleRow
    }

    public init(rules: RuleBook) {
        self.rules = rules
        var targets: [Target] = []
        var termsByLanguage: [String: [(text: String, id: Int)]] = [:]
        for id in rules.tables.keys.sorted() {
            let table = rules.tables[id]!
            for row in table.rows {
                let targetID = targets.count
                targets.append(Target(table: table, row: row))
                for (language, terms) in row.terms {
                    for term in terms where !term.isEmpty {
                        guard language.lowercased().hasPrefix("en") else {
                            termsByLanguage[language, default: []].append((term, targetID))
                            continue
                        }
                        // "after-sales windows", "after sales window" and "aftersales window" state the same
                        // fact as the term "after-sales window".
                        for spelling in Self.englishSpellings(of: term) {
                            termsByLanguage[language, default: []].append((spelling, targetID))
                            if let plural = Self.englishPlural(of: spelling) {
                                termsByLanguage[language, default: []].append((plural, targetID))
                            }
                        }
                    }
                }
            }
        }
        self.targets = targets
        self.matchers = termsByLanguage.mapValues { TermMatcher(terms: $0) }
    }

    /// An English term as written, then, when it has hyphens between letters, with spaces and with nothing
    /// there instead (`after-sales period`, `after sales period`, `aftersales period`).
    static func englishSpellings(of term: String) -> [String] {
        let bytes = Array(term.utf8)
        let joins = bytes.indices.filter { i in
            bytes[i] == 0x2D && i > 0 && i + 1 < bytes.count && UTF8Scan.isWordByte(bytes[i - 1]) && UTF8Scan.isWordByte(bytes[i + 1])
        }
        guard !joins.isEmpty else { return [term] }
        func joined(by separator: [UInt8]) -> String {
            var out: [UInt8] = []
            for (i, b) in bytes.enumerated() {
                if joins.contains(i) { out += separator } else { out.append(b) }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return [term, joined(by: [0x20]), joined(by: [])]
    }

    /// The regular plural of an English term's last word (`window` → `windows`, `warranty` → `warranties`,
    /// `box` → `boxes`); nil when it ends in a single `s` (already plural: `durable goods`) or not in a letter.
    static func englishPlural(of term: String) -> String? {
        let bytes = Array(term.utf8)
        guard let last = bytes.last, UTF8Scan.isWordByte(last), !UTF8Scan.isDigit(last) else { return nil }
        let lower = bytes.map(UTF8Scan.lowercased)
        let end = lower.count
        func endsWith(_ suffix: String) -> Bool {
            lower.count >= suffix.utf8.count && lower.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
        }
        if endsWith("ss") || endsWith("x") || endsWith("z") || endsWith("ch") || endsWith("sh") { return term + "es" }
        if endsWith("s") { return nil }
        if endsWith("y"), end >= 2, !"aeiou".utf8.contains(lower[end - 2]) { return String(term.dropLast()) + "ies" }
        return term + "s"
    }

    public func check(bodies: [RenderedBody]) -> [Diagnostic] {
        bodies.flatMap(check)
    }

    /// Findings for one page (none for a fallback copy: its original is checked).
    public func check(_ body: RenderedBody) -> [Diagnostic] {
        guard !body.isFallback, let matcher = matchers[body.source.language] else { return [] }
        var out: [Diagnostic] = []
        for block in body.markdown.prose {
            out += check(block, file: body.source.path, language: body.source.language, matcher: matcher)
        }
        return out
    }

    /// Findings for one block of prose.
    func check(_ block: ProseBlock, file: String, language: String, matcher: TermMatcher) -> [Diagnostic] {
        let silencedAll = block.ignored.contains("*")
        let checkContradictions = !silencedAll && !block.ignored.contains(CheckID.claimContradictsRule.rawValue)
        let checkHardCoded = !silencedAll && !block.ignored.contains(CheckID.hardCodedRuleValue.rawValue)
        guard checkContradictions || checkHardCoded else { return [] }
        let terms = matcher.matches(in: block.text)
        guard !terms.isEmpty else { return [] }
        let literals = QuantityScanner.scan(block.text).filter { literal in
            !block.generated.contains { $0.overlaps(literal.range) }
        }
        guard !literals.isEmpty else { return [] }
        var out: [Diagnostic] = []
        let bytes = Array(block.text.utf8)
        for sentence in SentenceSplitter.sentences(in: block.text) {
            let sentenceTerms = terms.filter { term in
                sentence.contains(term.range.lowerBound) && !block.generated.contains { $0.overlaps(term.range) }
            }
            guard !sentenceTerms.isEmpty else { continue }
            var previousLiteralEnd = sentence.lowerBound
            for literal in literals where sentence.contains(literal.range.lowerBound) {
                defer { previousLiteralEnd = literal.range.upperBound }
                // The nearest term in the literal's own clause decides which row it is about (else the nearest in
                // the sentence), a term before it over one after. Several terms leading up to the literal (after
                // the previous one) name it together: 三包耐用品的维权期是 180 天 is about durable goods, though
                // 维权期 is nearer, so a value of any of their rows is a repeat and only a value of none
                // contradicts (the nearest).
                let sameClause = sentenceTerms.filter { !Self.clauseBreak(between: $0.range, and: literal.range, in: bytes) }
                let inReach = sameClause.isEmpty ? sentenceTerms : sameClause
                let leading = inReach.filter {
                    $0.range.lowerBound >= previousLiteralEnd && $0.range.upperBound <= literal.range.lowerBound
                }
                var candidates: [(range: Range<Int>, id: Int)]
                if leading.count > 1 {
                    candidates = leading.reversed()
                } else {
                    // A term before the number names it ("the after-sales window is 15 days and for durable
                    // goods 180 days"); one after it only when none comes before ("15 days of after-sales window").
                    let before = inReach.filter { $0.range.upperBound <= literal.range.lowerBound }
                    let pool = before.isEmpty ? inReach : before
                    var nearest = pool[0]
                    for term in pool.dropFirst() where distance(term.range, literal.range) < distance(nearest.range, literal.range) {
                        nearest = term
                    }
                    candidates = [nearest]
                }
                var repeated: (target: Target, column: RuleColumn)?
                var contradicted: (term: Range<Int>, target: Target, column: RuleColumn)?
                for term in candidates {
                    let target = targets[term.id]
                    let sameKind = target.table.columns.filter { column in
                        if case .quantity(let q)? = target.row.values[column.id] { return q.kind == literal.quantity.kind }
                        return false
                    }
                    if let match = sameKind.first(where: {
                        if case .quantity(let value)? = target.row.values[$0.id] { return value.statesTheSameAmount(as: literal.quantity) }
                        return false
                    }) {
                        repeated = (target, match)
                        break
                    }
                    if contradicted == nil, let column = sameKind.first { contradicted = (term.range, target, column) }
                }
                let literalText = String(decoding: bytes[literal.range], as: UTF8.self)
                let location = block.location(ofOffset: literal.range.lowerBound, file: file)
                if let (target, match) = repeated {
                    guard checkHardCoded else { continue }
                    let key = "\(target.table.id).\(target.row.id).\(match.id)"
                    out.append(
                        Diagnostic(
                            .warning, .hardCodedRuleValue, at: location,
                            "`\(literalText)` repeats the rule `\(key)` by hand",
                            help: "write `{{rule \(key)}}` so this sentence follows when the rule changes",
                            notes: [
                                .init(
                                    SourceLocation(
                                        file: target.table.path, line: target.row.valueLines[match.id] ?? target.row.line, column: 1),
                                    "the rule's value")
                            ]))
                } else if let (nearest, target, column) = contradicted {
                    guard checkContradictions else { continue }
                    let key = "\(target.table.id).\(target.row.id).\(column.id)"
                    let value = RuleBook.display(target.row.values[column.id]!, column: column, language: language, fallback: language)
                    let termText = String(decoding: bytes[nearest], as: UTF8.self)
                    out.append(
                        Diagnostic(
                            .error, .claimContradictsRule, at: location,
                            "`\(literalText)` contradicts the rule `\(key)` (\(value)) that “\(termText)” refers to",
                            help:
                                "write `{{rule \(key)}}`, or mark a quoted old rule with `<!-- guidegen-ignore: claim-contradicts-rule -->`",
                            notes: [
                                .init(
                                    SourceLocation(
                                        file: target.table.path, line: target.row.valueLines[column.id] ?? target.row.line, column: 1),
                                    "the rule says \(value)")
                            ]))
                }
            }
        }
        return out
    }

    /// True when a clause mark (`,` `;` `:` `，` `；` `：` `、`) stands between two ranges.
    static func clauseBreak(between a: Range<Int>, and b: Range<Int>, in bytes: [UInt8]) -> Bool {
        let from = min(a.upperBound, b.upperBound)
        let to = max(a.lowerBound, b.lowerBound)
        guard from < to else { return false }
        var i = from
        while i < to {
            let c = bytes[i]
            if c == 0x2C || c == 0x3B || c == 0x3A { return true }
            if c == 0xEF, i + 2 < to, bytes[i + 1] == 0xBC, [0x8C, 0x9B, 0x9A].contains(bytes[i + 2]) { return true }
            if c == 0xE3, i + 2 < to, bytes[i + 1] == 0x80, bytes[i + 2] == 0x81 { return true }
            i += 1
        }
        return false
    }

    /// Bytes between two ranges (0 when they touch or overlap).
    private func distance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        if a.upperBound <= b.lowerBound { return b.lowerBound - a.upperBound }
        if b.upperBound <= a.lowerBound { return a.lowerBound - b.upperBound }
        return 0
    }
}
