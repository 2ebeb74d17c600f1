/// Parses the canonical cell forms of typed columns (`15 days`, `CNY 50`, `3`).
enum RuleValueParser {
    struct Problem: Error {
        var message: String
        var help: String?
    }

    static func quantity(_ text: String, type: RuleColumnType) -> Result<Quantity, Problem> {
        let kind: QuantityKind = type == .duration ? .duration : type == .money ? .money : .number
        switch QuantityParser.parseCanonical(text, expecting: kind) {
        case .success(let q): return .success(q)
        case .failure(let e): return .failure(Problem(message: e.message, help: e.help))
        }
    }
}
