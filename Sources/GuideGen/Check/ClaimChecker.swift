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
    /// The rows (indices into `targets`) each matcher id stands for: a term written for several rows
    /// (售后期 in `taobao-windows` and in `jd-windows`) is one id naming all of them.
    private let termRows: [[Int]]
    /// Whether any term names several rows: only then does a page's own tables matter.
    private let hasSharedTerms: Bool
    /// Every `choice` option's label by language (ASCII lower-cased, an English leading "the " dropped),
    /// for "who pays" statements (`ChoiceClaims`).
    private let optionLabels: [String: [[UInt8]]]
    /// Whether each term id names a row of a table with a `choice` column: only a block with such a term can
    /// state one of its options.
    private let termHasChoice: [Bool]

    /// A row a term belongs to.
    struct Target: Sendable {
        var table: RuleTable
        var row: RuleRow
    }

    public init(rules: RuleBook) {
        self.rules = rules
        var targets: [Target] = []
        var termsByLanguage: [String: [(text: String, id: Int)]] = [:]
        var termRows: [[Int]] = []
        var termIDs: [String: Int] = [:]
        // One id per spelling and language (ASCII letters folded, as the matcher compares them).
        func add(_ spelling: String, language: String, row: Int) {
            let key = language + "\u{0}" + String(decoding: spelling.utf8.map(UTF8Scan.lowercased), as: UTF8.self)
            if let id = termIDs[key] {
                if !termRows[id].contains(row) { termRows[id].append(row) }
                return
            }
            termIDs[key] = termRows.count
            termsByLanguage[language, default: []].append((spelling, termRows.count))
            termRows.append([row])
        }
        for id in rules.tables.keys.sorted() {
            let table = rules.tables[id]!
            for row in table.rows {
                let targetID = targets.count
                targets.append(Target(table: table, row: row))
                for (language, terms) in row.terms {
                    for term in terms where !term.isEmpty {
                        guard language.lowercased().hasPrefix("en") else {
                            add(term, language: language, row: targetID)
                            continue
                        }
                        // "after-sales windows", "after sales window" and "aftersales window" state the same
                        // fact as the term "after-sales window".
                        for spelling in Self.englishSpellings(of: term) {
                            add(spelling, language: language, row: targetID)
                            if let plural = Self.englishPlural(of: spelling) { add(plural, language: language, row: targetID) }
                        }
                    }
                }
            }
        }
        self.targets = targets
        self.termRows = termRows
        self.hasSharedTerms = termRows.contains { $0.count > 1 }
        var labels: [String: Set<[UInt8]>] = [:]
        for table in rules.tables.values {
            for column in table.columns where column.type == .choice {
                for option in column.options {
                    for (language, text) in option.label.values {
                        let label = ChoiceClaims.normalized(Array(text.utf8))
                        if !label.isEmpty { labels[language, default: []].insert(label) }
                    }
                }
            }
        }
        self.optionLabels = labels.mapValues { $0.sorted { $0.count > $1.count } }
        self.termHasChoice = termRows.map { rows in rows.contains { row in targets[row].table.columns.contains { $0.type == .choice } } }
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
        // A term several rows share means the rows of the tables this page uses, when it uses any of them.
        let uses = hasSharedTerms ? Set(body.references.map(\.reference.table) + (body.source.frontMatter.rules ?? [])) : []
        var out: [Diagnostic] = []
        let (file, language) = (body.source.path, body.source.language)
        // Blocks borrowed in place: `for block in prose` copied each one (retaining its text and arrays).
        body.markdown.prose.withUnsafeBufferPointer { prose in
            guard let first = prose.baseAddress else { return }
            // Whether each block so far is a term and nothing more (`售后期`, "After-sales window (days)"): only
            // such a header or row label names the cells beside it. A row that opens with a step
            // (`| 售后期内申请售后 | 卖家2天内处理 |`) says nothing about its other cells' values.
            var namesTerm: [Bool] = []
            namesTerm.reserveCapacity(prose.count)
            // Whether the block before names a term: only then may it be a question an answer is read after.
            var previousNamedTerm = false
            for i in prose.indices {
                // Most blocks name no term, which is found before the block is handed on: a call with the
                // block copied its four arrays, however it was passed.
                let terms = (first + i).pointee.utf8.withUnsafeBufferPointer { Self.wholeWords(matcher.matches(bytes: $0), in: $0) }
                let questionBefore = previousNamedTerm
                previousNamedTerm = !terms.isEmpty
                namesTerm.append(
                    !terms.isEmpty && (first + i).pointee.kind == .tableCell
                        && (first + i).pointee.utf8.withUnsafeBufferPointer { Self.holdsOnlyTerms($0, terms.map(\.range)) })
                guard !terms.isEmpty else {
                    // An answer right under a question that asks for a term's value ("## How long is the
                    // after-sales window?" over "20 days, counted from …"): its first clause states it.
                    if questionBefore, (first + i).pointee.kind == .paragraph, (first + i - 1).pointee.kind == .heading,
                        let question = Self.valueQuestion((first + i - 1).pointee.utf8),
                        let answer = Self.firstClause(of: (first + i).pointee),
                        let found = checkInContext(answer, context: question, matcher: matcher, file: file, language: language, uses: uses)
                    {
                        out += found
                        continue
                    }
                    // A table cell stating a value whose term is its column's header or its row's label.
                    let cell = first + i
                    let header = Int(cell.pointee.headerBack)
                    let label = Int(cell.pointee.labelBack)
                    let useHeader = header > 0 && header <= i && namesTerm[i - header]
                    let useLabel = label > 0 && label <= i && namesTerm[i - label]
                    guard useHeader || useLabel else { continue }
                    let backs = useHeader && useLabel ? [header, label] : [useHeader ? header : label]
                    var context: [UInt8] = []
                    for back in backs {
                        if !context.isEmpty { context.append(0x20) }
                        context += (cell - back).pointee.utf8
                    }
                    if let found = checkInContext(
                        cell.pointee, context: context, matcher: matcher, file: file, language: language, uses: uses)
                    {
                        out += found
                    }
                    continue
                }
                let found = check((first + i).pointee, terms: terms, file: file, language: language, uses: uses)
                if !found.isEmpty { out += found }
            }
        }
        return out
    }

    /// `terms` without the Chinese ones that are the start of a longer noun: 运费险 (shipping insurance) is not
    /// 运费, nor 到账户 (into the account) 到账. Chinese has no spaces to end a word; these are the compounds a
    /// shopping guide is full of.
    static func wholeWords(_ terms: [(range: Range<Int>, id: Int)], in bytes: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, id: Int)]
    {
        guard terms.contains(where: { Self.startsCompound(bytes, after: $0.range) }) else { return terms }
        return terms.filter { !Self.startsCompound(bytes, after: $0.range) }
    }

    static let insurance = Array("insurance".utf8)

    static func startsCompound(_ b: UnsafeBufferPointer<UInt8>, after term: Range<Int>) -> Bool {
        let end = term.upperBound
        // "shipping fee insurance" is no shipping fee either.
        if end + 10 <= b.count, b[end] == 0x20, UTF8Scan.equalsIgnoringCase(b, (end + 1)..<(end + 10), insurance) {
            return end + 10 == b.count || !UTF8Scan.isWordByte(b[end + 10])
        }
        guard end + 3 <= b.count, b[end] == 0xE9 || b[end] == 0xE6 else { return false }
        // 险 E9 99 A9, 險 E9 9A AA; 户 E6 88 B7, 戶 E6 88 B6 after a term ending in 账/賬 (E8 B4 A6 / E8 B3 AC).
        if b[end] == 0xE9 { return b[end + 1] == 0x99 && b[end + 2] == 0xA9 || b[end + 1] == 0x9A && b[end + 2] == 0xAA }
        guard b[end + 1] == 0x88, b[end + 2] == 0xB7 || b[end + 2] == 0xB6, end >= 3 else { return false }
        return b[end - 3] == 0xE8 && (b[end - 2] == 0xB4 && b[end - 1] == 0xA6 || b[end - 2] == 0xB3 && b[end - 1] == 0xAC)
    }

    /// A heading that asks for a value (多久, 多长, 多少, 几天, "how long", "how much", "how many"), with no value of
    /// its own, without its question mark: the context its answer is read in (the caller knows it names a term).
    static func valueQuestion(_ heading: [UInt8]) -> [UInt8]? {
        let asks = heading.withUnsafeBufferPointer { b in
            Self.valueQuestionWords.contains { ByteSearch.firstIndex(of: $0, in: b) != nil }
        }
        guard asks, heading.withUnsafeBufferPointer({ QuantityScanner.scan(bytes: $0).isEmpty }) else { return nil }
        var end = heading.count
        while end > 0 {
            if heading[end - 1] == 0x3F || heading[end - 1] == 0x20 || heading[end - 1] == 0x3A {
                end -= 1
            } else if end >= 3, heading[end - 3] == 0xEF, heading[end - 2] == 0xBC, heading[end - 1] == 0x9F || heading[end - 1] == 0x9A {
                end -= 3  // ？ ：
            } else {
                break
            }
        }
        return Array(heading[..<end])
    }

    static let valueQuestionWords: [[UInt8]] = [
        "多久", "多长", "多少", "几天", "几个", "how long", "How long", "how much", "How much", "how many", "How many", "HOW LONG",
        "HOW MUCH", "HOW MANY",
    ].map { Array($0.utf8) }

    /// The block cut at its first clause or sentence mark (`,` `;` `.` `!` `?`, a line break, `，` `；` `。` `！` `？`),
    /// nil when it has no text before one.
    static func firstClause(of block: ProseBlock) -> ProseBlock? {
        let b = block.utf8
        var cut = b.count
        var i = 0
        scan: while i < b.count {
            switch b[i] {
            case 0x2C, 0x3B, 0x21, 0x3F, 0x0A: cut = i; break scan
            case 0x2E where i + 1 == b.count || b[i + 1] == 0x20: cut = i; break scan
            case 0xEF where i + 2 < b.count && b[i + 1] == 0xBC && [0x8C, 0x9B, 0x81, 0x9F].contains(b[i + 2]): cut = i; break scan
            case 0xE3 where i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x82: cut = i; break scan
            default: i += 1
            }
        }
        guard cut > 0 else { return nil }
        var clause = block
        clause.utf8 = Array(b[..<cut])
        clause.generated = block.generated.filter { $0.lowerBound < cut }.map { $0.lowerBound..<min($0.upperBound, cut) }
        clause.anchors = block.anchors.filter { $0.offset < cut }
        return clause
    }

    /// The byte ranges of titles in Chinese title marks, 《…》 and 〈…〉, marks included (an unclosed mark is
    /// no title: a stray 《 must not hide every number after it).
    static func bookTitles(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var titles: [Range<Int>] = []
        var open: Int?
        var i = 0
        // 《 E3 80 8A, 》 E3 80 8B, 〈 E3 80 88, 〉 E3 80 89.
        while let lead = ByteSearch.find(0xE3, in: bytes, from: i) {
            i = lead + 1
            guard lead + 2 < bytes.count, bytes[lead + 1] == 0x80 else { continue }
            switch bytes[lead + 2] {
            case 0x8A, 0x88: if open == nil { open = lead }
            case 0x8B, 0x89:
                if let start = open {
                    titles.append(start..<(lead + 3))
                    open = nil
                }
            default: break
            }
        }
        return titles
    }

    /// Whether `bytes` hold nothing but the `terms` found in them, besides white space, punctuation,
    /// symbols and a bracketed note (`售后期（天）`, "Window (days)").
    static func holdsOnlyTerms(_ bytes: UnsafeBufferPointer<UInt8>, _ terms: [Range<Int>]) -> Bool {
        var i = 0
        var term = 0
        var brackets = 0
        while i < bytes.count {
            if term < terms.count, i >= terms[term].lowerBound {
                i = max(i, terms[term].upperBound)
                term += 1
                continue
            }
            let (scalar, length) = UTF8Scan.scalar(bytes, at: i)
            i += length
            switch scalar {
            case "(", "（", "[", "【": brackets += 1
            case ")", "）", "]", "】": brackets = max(0, brackets - 1)
            default:
                guard brackets == 0 else { continue }
                switch scalar.properties.generalCategory {
                case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format, .connectorPunctuation,
                    .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
                    .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
                    continue
                default:
                    return false
                }
            }
        }
        return true
    }

    /// Findings for a table cell that names no term, read after its context (header, row label) as one
    /// sentence whose literals are the cell's only; nil when the context names no term either.
    func checkInContext(
        _ cell: ProseBlock, context: [UInt8], matcher: TermMatcher, file: String, language: String, uses: Set<String>
    ) -> [Diagnostic]? {
        // Most cells hold no number: only a digit or a non-ASCII byte (a numeral, ¥) may start a literal.
        guard !context.isEmpty, cell.utf8.contains(where: { $0 >= 0x80 || $0 &- 0x30 < 10 }) else { return nil }
        let offset = context.count + 1
        var combined = cell
        combined.utf8 = context + [0x20] + cell.utf8
        let terms = combined.utf8.withUnsafeBufferPointer { Self.wholeWords(matcher.matches(bytes: $0), in: $0) }.filter {
            $0.range.upperBound < offset
        }
        guard !terms.isEmpty else { return nil }
        combined.generated = cell.generated.map { ($0.lowerBound + offset)..<($0.upperBound + offset) }
        combined.anchors = cell.anchors.map { .init(offset: $0.offset + offset, line: $0.line, column: $0.column) }
        return check(combined, terms: terms, file: file, language: language, uses: uses, literalsFrom: offset)
    }

    /// Findings for one block of prose, given the rule terms it names (`TermMatcher`); `uses`: the rule tables
    /// the page refers to or lists in `rules:`; `literalsFrom`: where the block's own text starts (literals
    /// before it are context, not claims).
    func check(
        _ block: ProseBlock, terms: [(range: Range<Int>, id: Int)], file: String, language: String, uses: Set<String> = [],
        literalsFrom: Int = 0
    ) -> [Diagnostic] {
        // Most blocks silence nothing: an empty set answers without hashing the three ids.
        let silenced = !block.ignored.isEmpty
        let silencedAll = silenced && block.ignored.contains("*")
        let checkContradictions = !silencedAll && !(silenced && block.ignored.contains(CheckID.claimContradictsRule.rawValue))
        let checkHardCoded = !silencedAll && !(silenced && block.ignored.contains(CheckID.hardCodedRuleValue.rawValue))
        guard checkContradictions || checkHardCoded else { return [] }
        let bytes = block.utf8
        var out: [Diagnostic] = []
        // "质量问题退货的运费由买家承担", "paid by the buyer": a choice option named as who pays.
        if terms.contains(where: { termHasChoice[$0.id] }), let labels = optionLabels[language],
            ChoiceClaims.mayName(bytes, language: language)
        {
            let named = ChoiceClaims.statements(
                in: bytes, labels: labels, language: language, from: literalsFrom, skipping: block.generated)
            if !named.isEmpty {
                out += choiceFindings(
                    block, named: named, terms: terms, file: file, language: language, uses: uses,
                    contradictions: checkContradictions, repeats: checkHardCoded)
            }
        }
        let (literals, sentences) = bytes.withUnsafeBufferPointer { b in
            var literals = QuantityScanner.scan(bytes: b)
            if literalsFrom > 0 { literals.removeAll { $0.range.lowerBound < literalsFrom } }
            // A number inside a name is no claim: inside a term (`七天无理由退货` as a row's term, "the 7-day
            // no-reason return") or a title in 《…》 (《网络购买商品七日无理由退货暂行办法》).
            if !literals.isEmpty {
                let names = terms.map(\.range) + Self.bookTitles(in: b)
                if !names.isEmpty { literals.removeAll { literal in names.contains { $0.overlaps(literal.range) } } }
            }
            return (literals, literals.isEmpty ? [] : SentenceSplitter.sentences(bytes: b))
        }
        guard !terms.isEmpty, !literals.isEmpty else { return out }
        let named = Self.namedLiterals(
            terms: terms.map(\.range), literals: literals.map(\.range), generated: block.generated,
            marks: Self.clauseMarks(in: bytes), sentences: sentences, clauseOnly: literals.map(\.approximate))
        for (literalIndex, termIndices) in named {
            let literal = literals[literalIndex]
            // `超过无理由退货期 3 天`, "3 days past the after-sales window": a time beyond the term's, no claim of it.
            let candidates = termIndices.map { terms[$0] }.filter { term in
                !bytes.withUnsafeBufferPointer { Self.isOffsetBeyond(term: term.range, literal: literal.range, in: $0) }
            }
            guard !candidates.isEmpty else { continue }
            var repeated: (target: Target, column: RuleColumn)?
            var contradicted: (term: Range<Int>, target: Target, column: RuleColumn, others: [RuleColumn])?
            // Each term's rows in turn (a shared term's rows in the page's own tables first, or only those):
            // a value of any of them is a repeat; the first row with a value of the literal's kind is the
            // one it contradicts otherwise.
            let rows = candidates.flatMap { term -> [(term: Range<Int>, row: Int)] in
                let all = termRows[term.id]
                let own = all.count > 1 ? all.filter { uses.contains(targets[$0].table.id) } : []
                return (own.isEmpty ? all : own).map { (term.range, $0) }
            }
            for (termRange, row) in rows {
                let target = targets[row]
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
                // With two columns of the kind (a window in days, a refund in working days), those in the
                // literal's own unit are the ones it may mean (all of the kind when none is); the help names each.
                guard contradicted == nil else { continue }
                let sameUnit = sameKind.filter {
                    if case .quantity(let value)? = target.row.values[$0.id] { return value.unit == literal.quantity.unit }
                    return false
                }
                let meant = sameUnit.isEmpty ? sameKind : sameUnit
                if let column = meant.first { contradicted = (termRange, target, column, Array(meant.dropFirst())) }
            }
            // A hedged value (`约 30 天`, "about 30 days") is no repeat, and contradicts only when it is far from
            // the rule's value (a quarter off, in units that convert).
            if literal.approximate {
                guard repeated == nil, let (_, target, column, _) = contradicted,
                    case .quantity(let value)? = target.row.values[column.id], literal.quantity.isRoughly(value) == false
                else { continue }
            }
            let literalText = String(decoding: bytes[literal.range], as: UTF8.self)
            let location = block.location(ofOffset: literal.range.lowerBound, file: file)
            if let (target, match) = repeated {
                guard checkHardCoded else { continue }
                let key = "\(target.table.id).\(target.row.id).\(match.id)"
                out.append(Self.repeatFinding(literalText, key: key, at: location, value: Self.valueLocation(target, match.id)))
            } else if let (nearest, target, column, others) = contradicted {
                guard checkContradictions else { continue }
                let key = "\(target.table.id).\(target.row.id).\(column.id)"
                let alternatives = others.map { " or `{{rule \(target.table.id).\(target.row.id).\($0.id)}}`" }.joined()
                let value = RuleBook.display(target.row.values[column.id]!, column: column, language: language, fallback: language)
                let termText = String(decoding: bytes[nearest], as: UTF8.self)
                var finding = Self.contradictionFinding(
                    literalText, key: key, value: value, term: termText, alternatives: alternatives, at: location,
                    valueAt: Self.valueLocation(target, column.id))
                // `3天` against `3 个工作日` read as "3 contradicts 3": say why the two differ.
                if case .quantity(let rule)? = target.row.values[column.id], let why = Self.unitsDiffer(literal.quantity, rule) {
                    finding.help = why + "; " + (finding.help ?? "")
                }
                out.append(finding)
            }
        }
        return out
    }

    /// Why a value that looks like the rule's states another amount, when that is the surprise: the same
    /// number of calendar and working days, or months against their days at 30 a month.
    static func unitsDiffer(_ written: Quantity, _ rule: Quantity) -> String? {
        switch (written.unit, rule.unit) {
        case (.days, .workingDays), (.workingDays, .days):
            return written.amount == rule.amount ? "working days are not calendar days" : nil
        case (.months, .days):
            return written.amount * 30 == rule.amount ? "months are not converted to days (a month has no fixed length)" : nil
        case (.days, .months):
            return written.amount == rule.amount * 30 ? "days are not converted to months (a month has no fixed length)" : nil
        default: return nil
        }
    }

    /// The `table.row.column` key a `hard-coded-rule-value` or `claim-contradicts-rule` finding names (its help
    /// says `{{rule key}}` first), for the checks that need to know which rule a page states by hand.
    public static func statedRule(_ finding: Diagnostic) -> String? {
        guard finding.check == CheckID.hardCodedRuleValue.rawValue || finding.check == CheckID.claimContradictsRule.rawValue,
            let help = finding.help, let open = help.range(of: "{{rule "), let close = help[open.upperBound...].range(of: "}}")
        else { return nil }
        return String(help[open.upperBound..<close.lowerBound])
    }

    /// Where a row's value for `columnID` is written in its table's YAML.
    static func valueLocation(_ target: Target, _ columnID: String) -> SourceLocation {
        SourceLocation(
            file: target.table.path, line: target.row.valueLines[columnID] ?? target.row.line,
            column: target.row.valueColumns[columnID] ?? 1)
    }

    /// `literal` states the rule `key`'s value by hand.
    static func repeatFinding(_ literal: String, key: String, at location: SourceLocation, value: SourceLocation) -> Diagnostic {
        Diagnostic(
            .warning, .hardCodedRuleValue, at: location, "`\(literal)` repeats the rule `\(key)` by hand",
            help: "write `{{rule \(key)}}` so this sentence follows when the rule changes", notes: [.init(value, "the rule's value")])
    }

    /// `literal` states another value than the rule `key`'s (`value`), which `term` names.
    static func contradictionFinding(
        _ literal: String, key: String, value: String, term: String, alternatives: String = "", at location: SourceLocation,
        valueAt: SourceLocation
    ) -> Diagnostic {
        Diagnostic(
            .error, .claimContradictsRule, at: location, "`\(literal)` contradicts the rule `\(key)` (\(value)) that “\(term)” refers to",
            help:
                "write `{{rule \(key)}}`\(alternatives), or mark a quoted old rule with `<!-- guidegen-ignore: claim-contradicts-rule -->`",
            notes: [.init(valueAt, "the rule says \(value)")])
    }

    /// Findings for the option labels `named` states as who pays: the row its term names (as for a
    /// literal) with a `choice` column offering that label holds that option (a repeat) or another one (a
    /// contradiction). A row without such a column says nothing of it.
    func choiceFindings(
        _ block: ProseBlock, named: [Range<Int>], terms: [(range: Range<Int>, id: Int)], file: String, language: String,
        uses: Set<String>, contradictions: Bool, repeats: Bool
    ) -> [Diagnostic] {
        let bytes = block.utf8
        let sentences = bytes.withUnsafeBufferPointer { SentenceSplitter.sentences(bytes: $0) }
        let attributed = Self.namedLiterals(
            terms: terms.map(\.range), literals: named, generated: block.generated, marks: Self.clauseMarks(in: bytes),
            sentences: sentences)
        var out: [Diagnostic] = []
        for (index, termIndices) in attributed {
            let range = named[index]
            let written = ChoiceClaims.normalized(Array(bytes[range]))
            var found: (target: Target, column: RuleColumn, key: String, term: Range<Int>)?
            rows: for term in termIndices.map({ terms[$0] }) {
                let all = termRows[term.id]
                let own = all.count > 1 ? all.filter { uses.contains(targets[$0].table.id) } : []
                for row in own.isEmpty ? all : own {
                    let target = targets[row]
                    for column in target.table.columns where column.type == .choice {
                        guard case .choice(let key)? = target.row.values[column.id],
                            column.options.contains(where: { option in
                                option.label.values.contains {
                                    $0.key == language && ChoiceClaims.normalized(Array($0.value.utf8)) == written
                                }
                            })
                        else { continue }
                        found = (target, column, key, term.range)
                        break rows
                    }
                }
            }
            guard let (target, column, key, term) = found else { continue }
            let ruleKey = "\(target.table.id).\(target.row.id).\(column.id)"
            let literalText = String(decoding: bytes[range], as: UTF8.self)
            let value = RuleBook.display(.choice(key), column: column, language: language, fallback: language)
            let location = block.location(ofOffset: range.lowerBound, file: file)
            if ChoiceClaims.normalized(Array(value.utf8)) == written {
                guard repeats else { continue }
                out.append(Self.repeatFinding(literalText, key: ruleKey, at: location, value: Self.valueLocation(target, column.id)))
            } else {
                guard contradictions else { continue }
                out.append(
                    Self.contradictionFinding(
                        literalText, key: ruleKey, value: value, term: String(decoding: bytes[term], as: UTF8.self), at: location,
                        valueAt: Self.valueLocation(target, column.id)))
            }
        }
        return out
    }

    /// Whether the literal counts on from the term rather than stating it: `超过/超出/过了 <term>(的) <literal>`
    /// in Chinese, `<literal> past/beyond/after (the) <term>` in English.
    /// Chinese also puts the marker after the term (`售后期过了 3 天`, `售后期结束后 3 天内`), and English says "3 days
    /// of the end of the after-sales window" and "3 days once the window has closed".
    static func isOffsetBeyond(term: Range<Int>, literal: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        if literal.lowerBound >= term.upperBound {
            guard literal.lowerBound - term.upperBound <= 40 else { return false }
            let written = text(term.upperBound..<literal.lowerBound).trimmingCharacters(in: .whitespaces)
            if afterTermMarkers.contains(written) { return true }
            // 结束后的 3 天, 过后了 3 天.
            var gap = Substring(written)
            if gap.hasSuffix("的") || gap.hasSuffix("了") { gap = Substring(gap.dropLast().trimmingCharacters(in: .whitespaces)) }
            if afterTermMarkers.contains(String(gap)) { return true }
            // 后, 之后, 外: after a period's name only (售后期后, 保修期外); 无理由退货后 3 天 may state the row's own time.
            if periodOnlyMarkers.contains(String(gap)) {
                let name = text(term)
                return name.hasSuffix("期") || name.hasSuffix("期限") || name.hasSuffix("时限") || name.hasSuffix("時限")
            }
            guard gap.isEmpty, term.lowerBound >= 6 else { return false }
            var end = term.lowerBound
            while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
            guard end >= 6 else { return false }
            return ["超过", "超出", "过了", "晚于"].contains(text((end - 6)..<end))
        }
        if literal.upperBound <= term.lowerBound {
            guard term.lowerBound - literal.upperBound <= 40 else { return false }
            var gap = text(literal.upperBound..<term.lowerBound).lowercased().split(separator: " ")
            if let last = gap.last, ["the", "your", "an", "a"].contains(last) { gap.removeLast() }
            guard let first = gap.first else { return false }
            if gap.count == 1 { return ["past", "beyond", "after", "once"].contains(first) }
            // "of / from / after / past the end of (the) <term>".
            return gap.count == 4 && ["of", "from", "after", "past"].contains(first) && gap[1] == "the" && gap[2] == "end"
                && gap[3] == "of"
        }
        return false
    }

    /// What follows a period's term when the number counts on from its end (`售后期过了 3 天`).
    static let afterTermMarkers: Set<String> = [
        "过了", "过後", "过后", "過了", "過後", "结束后", "结束以后", "结束之后", "結束後", "满后", "滿後", "届满后", "屆滿後",
        "期满后", "到期后", "过期后", "届满之日起", "结束之日起", "届满", "结束",
    ]
    /// Markers that count on from a period only after a period's name (`售后期外`, `保修期后`).
    static let periodOnlyMarkers: Set<String> = ["后", "後", "之后", "之後", "以后", "以後", "外", "以外", "之外"]

    /// The byte ranges of the clause marks (`,` `;` `:` `，` `；` `：` `、`) in `bytes`, in order.
    static func clauseMarks(in bytes: [UInt8]) -> [Range<Int>] {
        var marks: [Range<Int>] = []
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x2C || c == 0x3B || c == 0x3A {
                marks.append(i..<(i + 1))
            } else if c == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBC, [0x8C, 0x9B, 0x9A].contains(bytes[i + 2]) {
                marks.append(i..<(i + 3))
                i += 2
            } else if c == 0xE3, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x81 {
                marks.append(i..<(i + 3))
                i += 2
            }
            i += 1
        }
        return marks
    }

    /// Which terms name each literal: for every literal (index into `literals`) in a sentence with terms,
    /// the candidate terms (indices into `terms`), the first deciding. Ranges overlapping `generated` (rule
    /// values, code) are neither; `terms` are leftmost-longest matches, so sorted and never overlapping. A
    /// literal marked in `clauseOnly` is named only by a term in its own clause.
    ///
    /// The nearest term in the literal's own clause decides which row it is about (else the nearest in the
    /// sentence), a term before it over one after. Several terms leading up to the literal (after the
    /// previous one) name it together, nearest first: 三包耐用品的维权期是 180 天 is about durable goods,
    /// though 维权期 is nearer, so a value of any of their rows is a repeat and only a value of none
    /// contradicts (the nearest).
    ///
    /// Every step is a binary search or a walk each term and literal takes part in once: a page written as
    /// one long sentence with thousands of terms and numbers must not cost terms × literals × bytes.
    static func namedLiterals(
        terms allTerms: [Range<Int>], literals allLiterals: [Range<Int>], generated: [Range<Int>], marks: [Range<Int>],
        sentences: [Range<Int>], clauseOnly: [Bool] = []
    ) -> [(literal: Int, terms: [Int])] {
        let generated = merged(generated)
        func isGenerated(_ range: Range<Int>) -> Bool {
            let at = generated.partitionPoint { $0.upperBound > range.lowerBound }
            return !range.isEmpty && at < generated.count && generated[at].lowerBound < range.upperBound
        }
        let terms = allTerms.indices.filter { !isGenerated(allTerms[$0]) }
        let literals = allLiterals.indices.filter { !isGenerated(allLiterals[$0]) }.sorted {
            allLiterals[$0].lowerBound < allLiterals[$1].lowerBound
        }
        // Every literal's start, rule values included (`{{rule}}` states a value as well as a literal does).
        let literalStarts = allLiterals.map(\.lowerBound).sorted()
        func clauseHoldsLiteral(around term: Range<Int>, in sentence: Range<Int>) -> Bool {
            let lastMarkBefore = marks.partitionPoint { $0.upperBound > term.lowerBound } - 1
            let firstMarkAfter = marks.partitionPoint { $0.lowerBound >= term.upperBound }
            let start = max(lastMarkBefore >= 0 ? marks[lastMarkBefore].upperBound : Int.min, sentence.lowerBound)
            let end = min(firstMarkAfter < marks.count ? marks[firstMarkAfter].lowerBound : Int.max, sentence.upperBound)
            let at = literalStarts.partitionPoint { $0 >= start }
            return at < literalStarts.count && literalStarts[at] < end
        }
        var out: [(literal: Int, terms: [Int])] = []
        for sentence in sentences {
            let sentenceTerms = terms[
                terms.partitionPoint {
                    allTerms[$0].lowerBound >= sentence.lowerBound
                }..<terms.partitionPoint {
                    allTerms[$0].lowerBound >= sentence.upperBound
                }]
            guard !sentenceTerms.isEmpty else { continue }
            let sentenceLiterals = literals[
                literals.partitionPoint {
                    allLiterals[$0].lowerBound >= sentence.lowerBound
                }..<literals.partitionPoint {
                    allLiterals[$0].lowerBound >= sentence.upperBound
                }]
            var previousLiteralEnd = sentence.lowerBound
            for literalIndex in sentenceLiterals {
                let literal = allLiterals[literalIndex]
                defer { previousLiteralEnd = literal.upperBound }
                // The literal's clause runs from the last clause mark wholly before it to the first one wholly
                // after it; a term is in it unless a mark stands wholly between the two, so the terms in it
                // are one run of `sentenceTerms`.
                let lastMarkBefore = marks.partitionPoint { $0.upperBound > literal.lowerBound } - 1
                let firstMarkAfter = marks.partitionPoint { $0.lowerBound >= literal.upperBound }
                let clauseStart = lastMarkBefore >= 0 ? marks[lastMarkBefore].lowerBound : Int.min
                let clauseEnd = firstMarkAfter < marks.count ? marks[firstMarkAfter].upperBound : Int.max
                let sameClause = sentenceTerms[
                    sentenceTerms.partitionPoint {
                        allTerms[$0].upperBound > clauseStart
                    }..<sentenceTerms.partitionPoint {
                        allTerms[$0].lowerBound >= clauseEnd
                    }]
                // A hedged value is named only by a term in its own clause: "for an air conditioner costing about
                // CNY 2,000, the extended warranty costs …" states no warranty price of 2,000.
                if sameClause.isEmpty, literalIndex < clauseOnly.count, clauseOnly[literalIndex] { continue }
                // Without a term of its own, the clause is about the sentence's terms, but not those whose own
                // clause already states a value: 售后期为15天，卖家需在3天内处理 says nothing more of 售后期.
                var inReach = sameClause
                if sameClause.isEmpty {
                    inReach = sentenceTerms.filter { !clauseHoldsLiteral(around: allTerms[$0], in: sentence) }[...]
                    guard !inReach.isEmpty else { continue }
                }
                // Before the literal: the terms ending at or before its start.
                let beforeEnd = inReach.partitionPoint { allTerms[$0].upperBound > literal.lowerBound }
                let leadingStart = min(inReach.partitionPoint { allTerms[$0].lowerBound >= previousLiteralEnd }, beforeEnd)
                if beforeEnd - leadingStart > 1 {
                    out.append((literalIndex, inReach[leadingStart..<beforeEnd].reversed()))
                } else {
                    // A term before the number names it ("the after-sales window is 15 days and for durable
                    // goods 180 days"), the nearest being the last; one after it only when none comes before
                    // ("15 days of after-sales window"), the nearest being the first.
                    out.append((literalIndex, [beforeEnd > inReach.startIndex ? inReach[beforeEnd - 1] : inReach[inReach.startIndex]]))
                }
            }
        }
        return out
    }

    /// Sorted, non-empty ranges merged where they overlap or touch.
    static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for range in ranges.filter({ !$0.isEmpty }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, range.lowerBound <= last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                out.append(range)
            }
        }
        return out
    }
}
