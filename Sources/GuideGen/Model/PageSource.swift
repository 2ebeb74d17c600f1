/// One Markdown file as loaded: which page and language it is, its front matter and body.
public struct PageSource: Sendable {
    /// Site-relative path, e.g. `policies/claim-windows.en.md`.
    public var path: String
    /// Section folder (`""` for the content root), e.g. `policies`.
    public var section: String
    /// File slug; `_index` for a section landing page.
    public var slug: String
    /// BCP 47 language tag from the file name.
    public var language: String
    /// The whole normalized file text (for carets and hashes).
    public var text: String
    /// Markdown after the front matter.
    public var body: String
    /// 1-based line in the file where `body` starts.
    public var bodyLine: Int
    public var frontMatter: FrontMatter

    /// The page's language-independent key: `section/slug`.
    public var pageKey: String { section.isEmpty ? slug : "\(section)/\(slug)" }
    /// True for `_index.<lang>.md`.
    public var isSectionIndex: Bool { slug == "_index" }
}
