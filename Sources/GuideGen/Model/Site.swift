/// Everything loaded from `content/`: the input of validation and rendering.
public struct Site: Sendable {
    public var config: SiteConfig
    /// Page files sorted by path (deterministic order regardless of the file system).
    public var pages: [PageSource]
    /// Rule tables by id, sorted.
    public var rules: [RuleTable]
    /// Asset files as site-relative paths under `assets/`, sorted.
    public var assets: [String]

    public init(config: SiteConfig, pages: [PageSource], rules: [RuleTable], assets: [String]) {
        self.config = config
        self.pages = pages
        self.rules = rules
        self.assets = assets
    }
}
