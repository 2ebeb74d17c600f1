/// Validated front matter of one page file.
public struct FrontMatter: Sendable {
    public var title: String = ""
    public var kind: PageKind = .article
    public var summary: String?
    public var platforms: [String] = []
    /// The `rules:` list when present (nil when the key is absent).
    public var rules: [String]?
    /// Where each `rules:` item is written, in list order, for findings about one table.
    public var ruleLocations: [SourceLocation] = []
    /// `YYYY-MM-DD`.
    public var reviewed: String?
    public var order: Int?
    public var sources: [Source] = []
    public var tags: [String] = []
    public var draft = false
    /// Short hash of the default-language page this translation was made from.
    public var translationOf: String?
    /// 1-based line of each key, for diagnostics that point at a key.
    public var keyLines = KeyLines()
    /// Where the text of `title` and `summary` starts in the file (past an opening quote), for
    /// diagnostics inside them: their `{{rule}}` references and claims.
    public var textStarts: [String: SourceLocation] = [:]
    /// `title` and `summary` as written, when the page's rule references changed them (the hash a
    /// translation records is of what was written, so a rule change does not outdate translations).
    public var writtenTitle: String?
    public var writtenSummary: String?

    public init() {}
}

/// Where a fact comes from.
public struct Source: Sendable, Hashable, Codable {
    /// The title as written, or in the first language given when it is written per language.
    public var title: String
    public var url: String
    /// The title per language, when written as a map (`title: {zh-Hans: 淘宝规则, en: Taobao rules}`).
    public var titles: [String: String] = [:]
    public init(title: String, url: String, titles: [String: String] = [:]) {
        self.title = title
        self.url = url
        self.titles = titles
    }

    /// The title a page in `language` shows (else the `fallback` language's, else the first).
    public func title(in language: String, fallback: String) -> String { titles[language] ?? titles[fallback] ?? title }
}

/// Key → 1-based line for the dozen keys of one front matter. A list searched in order: a dictionary per
/// page cost more to fill (hashing every key of 10,000 pages) than the few lookups of it ever do.
public struct KeyLines: Sendable {
    private var pairs: [(key: String, line: Int)] = []

    public init() {}

    public subscript(key: String) -> Int? {
        get { pairs.first { $0.key == key }?.line }
        set {
            let at = pairs.firstIndex { $0.key == key }
            switch (at, newValue) {
            case (let at?, let line?): pairs[at].line = line
            case (let at?, nil): pairs.remove(at: at)
            case (nil, let line?): pairs.append((key, line))
            case (nil, nil): break
            }
        }
    }
}
