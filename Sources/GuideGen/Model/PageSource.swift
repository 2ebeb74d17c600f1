/// One Markdown file as loaded: which page and language it is, its front matter and body.
///
/// Its fields live in one shared box (`CopyOnWrite`): every stage hands pages around (the index, navigation,
/// each rendered body, the checks), and copying eight fields and the front matter retained some twenty
/// strings each time, atomically, on strings both rendering threads share.
public struct PageSource: Sendable {
    private struct Fields: Sendable {
        var path, section, slug, language, text: String
        var body: Substring
        var bodyLine: Int
        var frontMatter: FrontMatter
    }

    private var fields: CopyOnWrite<Fields>

    public init(
        path: String, section: String, slug: String, language: String, text: String, body: Substring, bodyLine: Int,
        frontMatter: FrontMatter
    ) {
        fields = CopyOnWrite(
            Fields(
                path: path, section: section, slug: slug, language: language, text: text, body: body, bodyLine: bodyLine,
                frontMatter: frontMatter))
    }

    /// Site-relative path, e.g. `policies/claim-windows.en.md`.
    public var path: String {
        _read { yield fields.value.path }
        _modify { yield &fields.value.path }
    }
    /// Section folder (`""` for the content root), e.g. `policies`.
    public var section: String {
        _read { yield fields.value.section }
        _modify { yield &fields.value.section }
    }
    /// File slug; `_index` for a section landing page.
    public var slug: String {
        _read { yield fields.value.slug }
        _modify { yield &fields.value.slug }
    }
    /// BCP 47 language tag from the file name.
    public var language: String {
        _read { yield fields.value.language }
        _modify { yield &fields.value.language }
    }
    /// The whole normalized file text (for carets and hashes).
    public var text: String {
        _read { yield fields.value.text }
        _modify { yield &fields.value.text }
    }
    /// Markdown after the front matter: a slice of `text` when the page was read from a file, so the body
    /// is not held twice (at 10,000 pages the copy was a sixth of the build's memory).
    public var body: Substring {
        _read { yield fields.value.body }
        _modify { yield &fields.value.body }
    }
    /// 1-based line in the file where `body` starts.
    public var bodyLine: Int {
        _read { yield fields.value.bodyLine }
        _modify { yield &fields.value.bodyLine }
    }
    public var frontMatter: FrontMatter {
        _read { yield fields.value.frontMatter }
        _modify { yield &fields.value.frontMatter }
    }

    /// The page's language-independent key: `section/slug`.
    public var pageKey: String { section.isEmpty ? slug : "\(section)/\(slug)" }
    /// True for `_index.<lang>.md`.
    public var isSectionIndex: Bool { slug == "_index" }
}
