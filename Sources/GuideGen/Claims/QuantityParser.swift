/// Reads the typed cells of rule tables (spec §4), which use one canonical English spelling per unit so that
/// tables are easy to diff and to check: `15 days`, `1 day`, `2 working days`, `24 hours`, `6 months`,
/// `1 year`, `CNY 50`, and bare numbers such as `3` or `1.5` in `number` columns.
///
/// Singular and plural are both accepted (`1 days`, `15 day`); anything else that guidegen can read in prose
/// (`十五天`, `15 天`, `RMB 50`, `fifteen days`, `2 weeks`, `2 business days`) is refused with the canonical
/// spelling as the suggestion, so the table stays uniform.
public enum QuantityParser {
    /// Parses a rule-table cell in its canonical form for a column of type `expecting`, or explains why it
    /// is not one (with a "did you mean" for misspelled units and non-canonical spellings).
    public static func parseCanonical(_ s: String, expecting kind: QuantityKind) -> Result<Quantity, QuantityParseError> {
        let text = trimmed(s)
        guard !text.isEmpty else { return .failure(QuantityParseError(.empty(expected: kind))) }
        let parts = text.split(separator: " ").map(String.init)
        // A `number` column may hold a negative count (`-3`); durations and money may not.
        if kind == .number, parts.count == 1, parts[0].hasPrefix("-"), let value = amount(String(parts[0].dropFirst())) {
            return .success(Quantity(amount: -value, unit: .plain))
        }
        // Money is shown to the cent: a finer amount would be shown rounded, unlike what the table says.
        if parts[0] == "CNY", parts.count == 2, case let amountText = parts[1], let dot = amountText.utf8.firstIndex(of: 0x2E),
            amountText.utf8.distance(from: dot, to: amountText.utf8.endIndex) > 3, amount(amountText) != nil
        {
            return .failure(QuantityParseError(.finerThanCents(text)))
        }
        // Mistakes with a message of their own rather than "not a number".
        let amountParts = parts[0] == "CNY" ? Array(parts.dropFirst()) : Array(parts.prefix(1))
        if let first = amountParts.first {
            if first.hasPrefix("-"), amount(String(first.dropFirst())) != nil {
                return .failure(QuantityParseError(.negative(String(first))))
            }
            if first.utf8.allSatisfy({ UTF8Scan.isDigit($0) || $0 == 0x2E || $0 == 0x2C }), first.utf8.filter(UTF8Scan.isDigit).count > 15 {
                return .failure(QuantityParseError(.tooLarge(String(first))))
            }
        }
        if parts.count == 2, parts[0] != "CNY", (2...4).contains(parts[0].utf8.count),
            parts[0].utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }), amount(String(parts[1])) != nil, wholeLiteral(text) == nil
        {
            return .failure(QuantityParseError(.unknownCurrency(String(parts[0]))))
        }
        let found: Quantity
        if parts[0] == "CNY" {
            guard parts.count == 2, let value = amount(parts[1]) else {
                return .failure(QuantityParseError(.invalidAmount(parts.dropFirst().joined(separator: " "))))
            }
            found = Quantity(amount: value, unit: .cny)
        } else if let value = amount(parts[0]) {
            if parts.count == 1 {
                guard kind == .number else { return .failure(QuantityParseError(.missingUnit(expected: kind))) }
                return .success(Quantity(amount: value, unit: .plain))
            }
            let unitText = parts.dropFirst().joined(separator: " ")
            if let unit = durationUnits[unitText] {
                found = Quantity(amount: value, unit: unit)
            } else if let literal = wholeLiteral(text) {
                return .failure(notCanonical(text, literal, expecting: kind))
            } else {
                return .failure(
                    QuantityParseError(.unknownUnit(unitText, suggestion: suggestUnit(for: unitText, amount: value))))
            }
        } else if let literal = wholeLiteral(text) {
            return .failure(notCanonical(text, literal, expecting: kind))
        } else {
            return .failure(QuantityParseError(.invalidAmount(parts[0])))
        }
        guard found.kind == kind else {
            return .failure(QuantityParseError(.wrongKind(found: found.kind, expected: kind)))
        }
        return .success(found)
    }

    private static let durationUnits: [String: QuantityUnit] = [
        "day": .days, "days": .days, "working day": .workingDays, "working days": .workingDays, "hour": .hours,
        "hours": .hours, "month": .months, "months": .months, "year": .years, "years": .years,
    ]

    private static let unitSpellings: [(singular: String, plural: String)] = [
        ("day", "days"), ("working day", "working days"), ("hour", "hours"), ("month", "months"), ("year", "years"),
    ]

    /// A plain decimal: digits, optional groups of three after commas, optional fraction (`15`, `1,000`, `1.5`).
    static func amount(_ text: String) -> Double? {
        // Validate the shape by hand (Double("1e3"), Double("nan") and Double("+5") would all succeed), then let
        // Double(String) do the correctly rounded conversion.
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count, UTF8Scan.isDigit(bytes[i]) { i += 1 }
        let leadingDigits = i
        guard leadingDigits > 0 else { return nil }
        while i < bytes.count, bytes[i] == 0x2C {
            guard leadingDigits <= 3, i + 3 < bytes.count, bytes[(i + 1)...(i + 3)].allSatisfy(UTF8Scan.isDigit),
                i + 4 == bytes.count || !UTF8Scan.isDigit(bytes[i + 4])
            else { return nil }
            i += 4
        }
        if i < bytes.count, bytes[i] == 0x2E {
            i += 1
            let fractionStart = i
            while i < bytes.count, UTF8Scan.isDigit(bytes[i]) { i += 1 }
            guard i > fractionStart else { return nil }
        }
        guard i == bytes.count else { return nil }
        // Amounts past 10^15 are not exact in a Double (and 10^309 is infinite): not a rule value.
        guard let value = Double(String(decoding: bytes.filter { $0 != 0x2C }, as: UTF8.self)), value.isFinite, value < 1e15 else {
            return nil
        }
        return value
    }

    /// The quantity when the scanner reads all of `text` as one literal (`十五天`, `RMB 50`, `2 weeks`).
    private static func wholeLiteral(_ text: String) -> Quantity? {
        let literals = QuantityScanner.scan(text)
        guard literals.count == 1, literals[0].range == 0..<text.utf8.count else { return nil }
        return literals[0].quantity
    }

    private static func notCanonical(_ text: String, _ q: Quantity, expecting kind: QuantityKind) -> QuantityParseError {
        guard q.kind == kind else { return QuantityParseError(.wrongKind(found: q.kind, expected: kind)) }
        return QuantityParseError(.notCanonical(text, canonical: QuantityFormatter.format(q, language: "en")))
    }

    /// The known unit closest to a misspelling (`dayz` → `days`), in the number that fits `amount`.
    private static func suggestUnit(for unit: String, amount: Double) -> String? {
        let word = Array(unit.lowercased().unicodeScalars)
        var best: (spelling: (singular: String, plural: String), distance: Int)?
        for spelling in unitSpellings {
            let d = min(
                editDistance(word, Array(spelling.singular.unicodeScalars)),
                editDistance(word, Array(spelling.plural.unicodeScalars)))
            if best == nil || d < best!.distance { best = (spelling, d) }
        }
        guard let best, best.distance <= max(1, min(2, word.count / 3)) else { return nil }
        return amount == 1 ? best.spelling.singular : best.spelling.plural
    }

    /// Levenshtein distance; only used on short unit names when reporting an error.
    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    private static func trimmed(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
