/// Text in several languages, keyed by BCP 47 tag.
public struct Localized: Sendable, Hashable, Codable {
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) { self.values = values }

    /// The text in `language`, falling back to `fallback`, then to any language (sorted, for determinism).
    public func text(_ language: String, fallback: String? = nil) -> String {
        if let v = values[language] { return v }
        return languageOfText(language, fallback: fallback).flatMap { values[$0] } ?? ""
    }

    /// The language `text(language, fallback:)` takes its text from; nil when there is none.
    public func languageOfText(_ language: String, fallback: String? = nil) -> String? {
        if values[language] != nil { return language }
        if let f = fallback, values[f] != nil { return f }
        return values.keys.sorted().first
    }
}
