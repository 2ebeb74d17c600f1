/// One Markdown file as loaded: which page and language it is, its front matter and body.
///
/// A value with its fields in one shared box (copy on write): every stage hands pages around (the index,
/// navigation, each rendered body, the checks), and copying eight fields and the front matter retained
/// some twenty strings each time, atomically, on strings both rendering threads share.
public struct PageSource: Sendable {
    private final class Fields: @unchecked Sendable {
        // Mutated only through `writable`, when this box has a single owner.
        var path: String
        var section: String
        var slug: String
        var language: String
        var text: String
        var body: String
        var bodyLine: Int
        var frontMatter: FrontMatter

        init(
            path: String, section: String, slug: String, language: String, text: String, body: String, bodyLine: Int,
            frontMatter: FrontMatter
        ) {
            (self.path, self.section, self.slug, self.language) = (path, section, slug, language)
            (self.text, self.body, self.bodyLine, self.frontMatter) = (text, body, bodyLine, frontMatter)
        }

        func copy() -> Fields {
            Fields(
                path: path, section: section, slug: slug, language: language, text: text, body: body, bodyLine: bodyLine,
                frontMatter: frontMatter)
        }
    }

    private var fields: Fields

    public init(
        path: String, section: String, slug: String, language: String, text: String, body: String, bodyLine: Int,
        frontMatter: FrontMatter
    ) {
        fields = Fields(
            path: path, section: section, slug: slug, language: language, text: text, body: body, bodyLine: bodyLine,
            frontMatter: frontMatter)
    }

    private var writable: Fields {
        mutating get {
            if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
            return fields
        }
    }

    /// Site-relative path, e.g. `policies/claim-windows.en.md`.
    public var path: String {
        _read { yield fields.path }
        _modify { yield &writable.path }
    }
    /// Section folder (`""` for the content root), e.g. `policies`.
    public var section: String {
        _read { yield fields.section }
        _modify { yield &writable.section }
    }
    /// File slug; `_index` for a section landing page.
    public var slug: String {
        _read { yield fields.slug }
        _modify { yield &writable.slug }
    }
    /// BCP 47 language tag from the file name.
    public var language: String {
        _read { yield fields.language }
        _modify { yield &writable.language }
    }
    /// The whole normalized file text (for carets and hashes).
    public var text: String {
        _read { yield fields.text }
        _modify { yield &writable.text }
    }
    /// Markdown after the front matter.
    public var body: String {
        _read { yield fields.body }
        _modify { yield &writable.body }
    }
    /// 1-based line in the file where `body` starts.
    public var bodyLine: Int {
        _read { yield fields.bodyLine }
        _modify { yield &writable.bodyLine }
    }
    public var frontMatter: FrontMatter {
        _read { yield fields.frontMatter }
        _modify { yield &writable.frontMatter }
    }

    /// The page's language-independent key: `section/slug`.
    public var pageKey: String { section.isEmpty ? slug : "\(section)/\(slug)" }
    /// True for `_index.<lang>.md`.
    public var isSectionIndex: Bool { slug == "_index" }
}
