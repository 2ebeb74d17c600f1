/// The site configuration from `content/guidegen.yaml`.
public struct SiteConfig: Sendable {
    /// Site title per language.
    public var title: Localized
    /// BCP 47 tags; the first is the default language.
    public var languages: [String]
    /// Absolute base URL ending in `/`; nil means every link is relative.
    public var baseURL: String?
    /// Platform taxonomy, in the order the file lists it.
    public var platforms: [Platform]
    /// Raw HTML in Markdown is kept only when true.
    public var unsafeHTML: Bool
    /// Whether the site gets the offline search index and the theme its search box (`search: false` turns
    /// them off).
    public var search = true
    /// False when guidegen.yaml gave no usable `languages:` (missing, unreadable, or not a list of tags):
    /// the languages are then a stand-in, and checking pages against them would only report that.
    public var languagesGiven = true
    /// The site's own interface words by language (`strings:`), laid over the built-in ones.
    public var strings: [String: [String: String]] = [:]

    /// One platform key and its localized name.
    public struct Platform: Sendable, Hashable {
        public var key: String
        public var name: Localized
    }

    /// The default language (the first listed).
    public var defaultLanguage: String { languages.first ?? "en" }

    public init(title: Localized, languages: [String], baseURL: String? = nil, platforms: [Platform] = [], unsafeHTML: Bool = false) {
        self.title = title
        self.languages = languages
        self.baseURL = baseURL
        self.platforms = platforms
        self.unsafeHTML = unsafeHTML
    }
}
