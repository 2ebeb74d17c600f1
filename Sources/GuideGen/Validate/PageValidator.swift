/// Turns raw Markdown files into `PageSource`s: file name, front matter split and schema.
public enum PageValidator {
    /// Validates every page file; pages with errors in their front matter are still returned (with what
    /// could be read) so later checks report their own problems too.
    public static func validate(_ files: [SourceText], config: SiteConfig, includeDrafts: Bool) -> ([PageSource], [Diagnostic]) {
        var drafts: [PageSource] = []
        return validate(files, config: config, includeDrafts: includeDrafts, drafts: &drafts)
    }

    /// `validate`, also collecting the drafts it leaves out (a link to one, or a translation that is one, is
    /// explained).
    public static func validate(_ files: [SourceText], config: SiteConfig, includeDrafts: Bool, drafts: inout [PageSource]) -> (
        [PageSource], [Diagnostic]
    ) {
        // Each file is independent (YAML parsing dominates), so they are validated in parallel;
        // duplicates are found afterwards, in path order.
        let checked = ParallelMap.map(files) { validateOne($0, config: config) }
        var pages: [PageSource] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: String] = [:]
        var seenIgnoringCase: [String: String] = [:]
        for (page, found) in checked {
            diagnostics += found
            guard let page else { continue }
            if page.frontMatter.draft && !includeDrafts {
                drafts.append(page)
                continue
            }
            let key = "\(page.section)/\(page.slug).\(page.language)"
            if let other = seen[key] {
                diagnostics.append(
                    Diagnostic(
                        .error, .duplicatePage, at: SourceLocation(file: page.path, line: 1, column: 1),
                        "this file gives the same page as `\(other)`"
                            // Swift compares strings by canonical equivalence: the bytes tell an é from e + U+0301.
                            + (page.path.utf8.elementsEqual(other.utf8)
                                ? "" : " (the same name, one of them in decomposed Unicode as macOS writes it)"),
                        help: "keep one of them"))
                continue
            }
            seen[key] = page.path
            // `Refund.en.md` beside `refund.en.md`: two URLs here, one file on macOS and Windows (and in a
            // checkout there one of the two is lost).
            if let other = seenIgnoringCase.updateValue(page.path, forKey: key.lowercased()) {
                diagnostics.append(
                    Diagnostic(
                        .warning, .duplicatePage, at: SourceLocation(file: page.path, line: 1, column: 1),
                        "this file's name differs from `\(other)` only in case; on macOS and Windows they are one file",
                        help: "rename one of them (URLs are best in lower case)"))
            }
            pages.append(page)
        }
        diagnostics += folderCollisions(pages)
        return (pages, diagnostics)
    }

    /// A page whose URL is a folder's: `returns.en.md` beside the section folder `returns/` (whose list page
    /// is `en/returns/index.html` too), or `returns/deep.en.md` beside `returns/deep/` with an `_index` page.
    /// One of the two would be lost without a word, so the page is an error, as Hugo reports two files
    /// with one target path.
    static func folderCollisions(_ pages: [PageSource]) -> [Diagnostic] {
        var sections = Set<String>()
        var landingFolders = Set<String>()
        for page in pages where !page.section.isEmpty {
            let top = SiteIndex.topFolder(of: page.section)
            sections.insert(top)
            if top != page.section && page.slug == "_index" { landingFolders.insert(page.section) }
        }
        var out: [Diagnostic] = []
        for page in pages where page.slug != "_index" {
            let folder = page.section.isEmpty ? page.slug : page.section + "/" + page.slug
            guard page.section.isEmpty ? sections.contains(folder) : landingFolders.contains(folder) else { continue }
            let url = "\(page.language)/\(folder)/index.html"
            out.append(
                Diagnostic(
                    .error, .duplicatePage, at: SourceLocation(file: page.path, line: 1, column: 1),
                    "this page and the folder `\(folder)/` would both be written to `\(url)`",
                    help: "rename the page, or make it the folder's landing page as `\(folder)/_index.\(page.language).md`"))
        }
        return out
    }

    /// One file: its name, front matter split and schema.
    static func validateOne(_ file: SourceText, config: SiteConfig) -> (PageSource?, [Diagnostic]) {
        let start = SourceLocation(file: file.path, line: 1, column: 1)
        guard let (section, slug, language) = parseName(file.path) else {
            return (
                nil,
                [
                    Diagnostic(
                        .warning, .badFileName, at: start, "`\(file.path)` is not named `<slug>.<lang>.md`; it is skipped",
                        help: nameHelp(file.path, config))
                ]
            )
        }
        guard config.languages.contains(language) else {
            return (
                nil,
                [
                    Diagnostic(
                        .warning, .badFileName, at: start, "language `\(language)` is not listed in guidegen.yaml; the file is skipped",
                        help: Self.sameLanguage(language, in: config.languages).map {
                            "rename it to `\(section.isEmpty ? "" : section + "/")\(slug).\($0).md`: the site writes this language so"
                        } ?? Suggestion.closest(to: language, in: config.languages).map { "did you mean `\($0)`?" }
                            ?? "add `\(language)` to `languages:` in guidegen.yaml")
                ]
            )
        }
        let parts: FrontMatterSplitter.Parts
        switch FrontMatterSplitter.split(file.text) {
        case .success(let p): parts = p
        case .failure(let e):
            return (
                nil,
                [
                    Diagnostic(
                        .error, .frontMatter, at: SourceLocation(file: file.path, line: e.line, column: 1), e.message, help: e.help)
                ]
            )
        }
        let (front, found) = SchemaValidator.validate(
            yaml: parts.yaml, file: file.path, firstLine: parts.yamlLine, config: config, landingPage: slug == "_index")
        let page = PageSource(
            path: file.path, section: section, slug: slug, language: language, text: file.text, body: parts.body,
            bodyLine: parts.bodyLine, frontMatter: front)
        return (page, found)
    }

    /// `policies/claim-windows.zh-Hans.md` → (`policies`, `claim-windows`, `zh-Hans`).
    static func parseName(_ path: String) -> (String, String, String)? {
        guard path.hasSuffix(".md") else { return nil }
        // Content paths are relative with single slashes: the folder is what comes before the last one.
        let slash = path.utf8.lastIndex(of: 0x2F)
        let folder = slash.map { String(path[..<$0]) } ?? ""
        let name = (slash.map { path[path.utf8.index(after: $0)...] } ?? path[...]).dropLast(3)
        guard let dot = name.firstIndex(of: ".") else { return nil }
        var slug = String(name[..<dot])
        let language = String(name[name.index(after: dot)...])
        // A name saved on macOS is decomposed (é as e + U+0301): the page and its URL are the composed
        // name a link writes, and a combining mark is no bad character in it.
        if !path.utf8.allSatisfy({ $0 < 0x80 }) { slug = slug.precomposedStringWithCanonicalMapping }
        guard !slug.isEmpty, !language.isEmpty, slug == "_index" || isSlug(slug), !language.contains(".") else {
            return nil
        }
        let section = folder.utf8.allSatisfy { $0 < 0x80 } ? folder : folder.precomposedStringWithCanonicalMapping
        return (section, slug, language)
    }

    /// A slug is one URL path segment: ASCII letters, digits, `-` and `_`, and letters and digits of any script
    /// (`退货政策`, as Hugo keeps them in URLs). Spaces, dots and punctuation are refused with a suggestion.
    static func isSlug(_ slug: String) -> Bool {
        !slug.isEmpty && slug.unicodeScalars.allSatisfy(isSlugScalar)
    }

    static func isSlugScalar(_ c: Unicode.Scalar) -> Bool {
        // The byte itself: a `String` of it per character was most of validating a page's name.
        if c.isASCII { return RuleTableValidator.isIdentifierByte(UInt8(c.value)) }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }

    /// A listed tag for the language `tag` names another way: `zh-TW` and `zh-HK` are written in Traditional
    /// characters (`zh-Hant`), `zh-CN` and `zh-SG` in Simplified (`zh-Hans`), and a tag's case never matters.
    static func sameLanguage(_ tag: String, in languages: [String]) -> String? {
        if let same = languages.first(where: { $0.lowercased() == tag.lowercased() }) { return same }
        let aliases = ["zh-tw": "zh-Hant", "zh-hk": "zh-Hant", "zh-mo": "zh-Hant", "zh-cn": "zh-Hans", "zh-sg": "zh-Hans"]
        guard let meant = aliases[tag.lowercased()] else { return nil }
        return languages.first { $0.lowercased() == meant.lowercased() }
    }

    /// What is wrong with a page file's name, and a name that would work.
    static func nameHelp(_ path: String, _ config: SiteConfig) -> String {
        // rules/ holds tables: a note there (rules/README.md) is not a page to be renamed into one.
        if path.hasPrefix("rules/") && !path.dropFirst(6).contains("/") {
            return "rules/ holds rule tables (`rules/<table-id>.yaml`); keep notes about them outside content/"
        }
        let folder = path.contains("/") ? String(path[...path.lastIndex(of: "/")!]) : ""
        var name = String(path.split(separator: "/").last ?? "")
        if name.hasSuffix(".md") { name.removeLast(3) }
        // `slug.lang` when the part after the last dot is a configured language, else the whole name is the slug.
        var slug = name
        var language = config.defaultLanguage
        if let dot = name.lastIndex(of: "."), config.languages.contains(String(name[name.index(after: dot)...])) {
            slug = String(name[..<dot])
            language = String(name[name.index(after: dot)...])
        } else if let dot = name.lastIndex(of: "."), !name[name.index(after: dot)...].isEmpty,
            name[name.index(after: dot)...].allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") })
        {
            slug = String(name[..<dot])
            language = String(name[name.index(after: dot)...])
        }
        let allowed = { (c: Character) in c.unicodeScalars.allSatisfy(isSlugScalar) }
        let fixed = slug.split(whereSeparator: { !allowed($0) }).joined(separator: "-")
        let suggestion = "\(folder)\(fixed.isEmpty ? "page" : fixed).\(language).md"
        if slug == name && !config.languages.contains(language) || !name.contains(".") {
            return "name it `<slug>.<lang>.md`, e.g. `\(suggestion)`"
        }
        if let bad = slug.first(where: { !allowed($0) }) {
            return "a slug may hold only letters, digits, `-` and `_`, not `\(bad)`; e.g. `\(suggestion)`"
        }
        return "rename it to e.g. `\(suggestion)`"
    }
}
