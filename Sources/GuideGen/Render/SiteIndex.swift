/// Where every page lives in the output and how pages are grouped: computed once per build, so
/// navigation is never rebuilt per page.
public struct SiteIndex: Sendable {
    /// One page in every language, with the source used for each (a fallback when missing).
    public struct Entry: Sendable {
        /// `section/slug`, `section/_index`, or `_index` for the home page text.
        public let key: String
        public let section: String
        public let slug: String
        /// The source per language; missing languages are absent.
        public var sources: [String: PageSource]
        /// The default-language page's `order` (what sorts a section by its `_index`; pages sort per language).
        public var order: Int

        public var isSectionIndex: Bool { slug == "_index" }

        /// The source shown in `language`: its own, else the default language's (a fallback page), else any.
        public func source(_ language: String, fallback defaultLanguage: String) -> PageSource {
            sources[language] ?? sources[defaultLanguage] ?? sources.values.first!
        }

        /// The output path after `<language>/`: `section/slug/index.html`, `section/index.html` for a
        /// section's index, `index.html` for the home page text. Made once: every link to the page needs it.
        public let outputTail: String

        init(key: String, section: String, slug: String) {
            self.key = key
            self.section = section
            self.slug = slug
            self.sources = [:]
            self.order = Int.max
            let folder = slug == "_index" ? section : section.isEmpty ? slug : "\(section)/\(slug)"
            self.outputTail = folder.isEmpty ? "index.html" : folder + "/index.html"
        }
    }

    /// One section (top-level folder) with its pages in order.
    public struct Section: Sendable {
        public var name: String
        public var index: Entry?
        public var pages: [Entry]
    }

    public let config: SiteConfig
    public let entries: [String: Entry]
    public let sections: [Section]
    /// The pages in reading order (sections in order, pages in order) of the default language.
    public let readingOrder: [String]
    /// Position of each page key in `readingOrder`.
    public let readingPosition: [String: Int]
    /// Reading order and positions of each language whose pages sort differently from the default
    /// language's (by their own `order`, then title, as Hugo sorts each language); absent languages share
    /// the default's.
    let languageOrders: [String: (order: [String], position: [String: Int])]
    /// The home page text entry (`content/_index.<lang>.md`), if any.
    public let home: Entry?
    /// Pages directly in content/ (no section), in order: listed on the home page, first in reading order.
    public let rootPages: [Entry]
    /// Pages left out as drafts: a link to one is broken, and the message says why.
    public var draftKeys: Set<String> = []
    /// Content files and folders that could not be read, or whose front matter failed: a link to a page
    /// among them is broken because of that error, and the message says so.
    public var failedPaths: Set<String> = []

    /// The failed file or folder (`failedPaths`) that page `key` would come from in `language`, if any.
    public func failedPath(key: String, language: String) -> String? {
        if failedPaths.isEmpty { return nil }
        let file = "\(key).\(language).md"
        if failedPaths.contains(file) { return file }
        var folder = Substring(key)
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            if failedPaths.contains(String(folder)) { return String(folder) }
        }
        return failedPaths.contains(".") ? "." : nil
    }
    /// The platform pages (`<lang>/platforms/<key>/`, as a Hugo taxonomy): each platform of `guidegen.yaml`
    /// that some page names in `platforms:` (in any language), with those pages in reading order. None when
    /// a section or page is called `platforms` (the URL is taken), and none for a key that is not a slug.
    public let platformPages: [(key: String, entries: [Entry])]
    /// The folder the platform pages live in, under each language.
    public static let platformsFolder = "platforms"

    /// One tag's page in one language: the pages whose front matter in that language lists the tag.
    public struct TagPage: Sendable {
        /// The tag as its first page (in reading order) writes it.
        public let name: String
        /// Its URL segment (`HeadingSlug`): `Refund` and `refund` are one tag, as Hugo urlizes terms.
        public let slug: String
        public var entries: [Entry]
    }
    /// The tag pages of each language (`<lang>/tags/<slug>/`), sorted by name. Tags are words of a language,
    /// so each language has its own; a language without tags has none. Empty when a section or page is
    /// called `tags` (the URL is taken).
    public let tagPages: [String: [TagPage]]
    /// The slugs of `tagPages`, per language.
    let tagSlugs: [String: Set<String>]
    /// Each tag as pages write it (`Refund`, `refund`) → its page's output path, per language: every page
    /// links its tags, and making the slug and path per link was a visible share of a large build.
    let tagPathsByName: [String: [String: String]]
    /// Each platform's page output path, per language then key (the platforms of `platformPages`).
    let platformPaths: [String: [String: String]]
    /// The folder the tag pages live in, under each language.
    public static let tagsFolder = "tags"

    /// The top-level folder of a section path (`returns/deep` → `returns`): the section it belongs to.
    static func topFolder(of section: String) -> String {
        section.utf8.firstIndex(of: 0x2F).map { String(section[..<$0]) } ?? section
    }

    /// The languages `key` is written in, in configuration order; nil for what is not an ordinary page
    /// (no key, a home or section page: those are made in every language).
    public func writtenLanguages(key: String?) -> [String]? {
        guard let key, let entry = entries[key], !entry.isSectionIndex else { return nil }
        return config.languages.filter { entry.sources[$0] != nil }
    }

    public init(pages: [PageSource], config: SiteConfig) {
        self.config = config
        var entries: [String: Entry] = [:]
        for page in pages {
            entries[page.pageKey, default: Entry(key: page.pageKey, section: page.section, slug: page.slug)]
                .sources[page.language] = page
        }
        let defaultLanguage = config.defaultLanguage
        for (key, entry) in entries {
            let primary = entry.sources[defaultLanguage] ?? entry.sources.sorted { $0.key < $1.key }.first!.value
            entries[key]!.order = primary.frontMatter.order ?? Int.max
        }
        // Sorted by (order, title, key) in `language` (a missing page by its fallback's), each page's order and
        // title looked up once, not twice per comparison: this runs on one core while the other waits.
        func sorted(_ list: [Entry], in language: String = defaultLanguage) -> [Entry] {
            list.map { entry in
                let source = entry.source(language, fallback: defaultLanguage)
                return (entry: entry, order: source.frontMatter.order ?? Int.max, title: source.frontMatter.title)
            }.sorted { a, b in
                if a.order != b.order { return a.order < b.order }
                if a.title != b.title { return a.title < b.title }
                return a.entry.key < b.entry.key
            }.map(\.entry)
        }
        var bySection: [String: Section] = [:]
        for entry in entries.values where !entry.section.isEmpty {
            let top = Self.topFolder(of: entry.section)
            // In place: taking the section out and storing it back copied its page list on every append.
            if entry.isSectionIndex && entry.section == top {
                bySection[top, default: Section(name: top, index: nil, pages: [])].index = entry
            } else {
                bySection[top, default: Section(name: top, index: nil, pages: [])].pages.append(entry)
            }
        }
        var sections = Array(bySection.values)
        for i in sections.indices { sections[i].pages = sorted(sections[i].pages) }
        sections.sort { a, b in
            let oa = a.index?.order ?? Int.max
            let ob = b.index?.order ?? Int.max
            return oa != ob ? oa < ob : a.name < b.name
        }
        self.entries = entries
        self.sections = sections
        self.rootPages = sorted(entries.values.filter { $0.section.isEmpty && !$0.isSectionIndex })
        let ordered = rootPages + sections.flatMap(\.pages)
        self.readingOrder = ordered.map(\.key)
        self.readingPosition = Dictionary(readingOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var languageOrders: [String: (order: [String], position: [String: Int])] = [:]
        var orderedIn: [String: [Entry]] = [:]
        for language in config.languages where language != defaultLanguage {
            let inLanguage = sorted(rootPages, in: language) + sections.flatMap { sorted($0.pages, in: language) }
            let keys = inLanguage.map(\.key)
            guard keys != readingOrder else { continue }
            orderedIn[language] = inLanguage
            languageOrders[language] = (keys, Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }))
        }
        self.languageOrders = languageOrders
        self.home = entries["_index"]

        let taken = sections.contains { $0.name == Self.platformsFolder } || rootPages.contains { $0.slug == Self.platformsFolder }
        var platformPages: [(key: String, entries: [Entry])] = []
        if !taken {
            // One pass over the pages (in reading order), each added to the platforms any of its languages names.
            let listed = Set(config.platforms.map(\.key).filter(PageValidator.isSlug))
            var members: [String: [Entry]] = [:]
            var named: [String] = []
            for entry in ordered {
                named.removeAll(keepingCapacity: true)
                for source in entry.sources.values {
                    for key in source.frontMatter.platforms where listed.contains(key) && !named.contains(key) { named.append(key) }
                }
                for key in named { members[key, default: []].append(entry) }
            }
            for platform in config.platforms where PageValidator.isSlug(platform.key) {
                if let pages = members[platform.key] { platformPages.append((platform.key, pages)) }
            }
        }
        self.platformPages = platformPages
        let tagsTaken = sections.contains { $0.name == Self.tagsFolder } || rootPages.contains { $0.slug == Self.tagsFolder }
        self.tagPages =
            tagsTaken
            ? [:] : Self.tagPages(in: { orderedIn[$0] ?? ordered }, languages: config.languages, defaultLanguage: defaultLanguage)
        self.tagSlugs = tagPages.mapValues { Set($0.map(\.slug)) }
        // Names from every language's pages: a page shown in a language it lacks (a fallback copy) links
        // its own tags wherever this language has a page of the same slug.
        var slugOfName: [String: String] = [:]
        for entry in ordered {
            for source in entry.sources.values {
                for name in source.frontMatter.tags where slugOfName[name] == nil { slugOfName[name] = HeadingSlug.make(name) }
            }
        }
        var tagPathsByName: [String: [String: String]] = [:]
        for (language, slugs) in tagSlugs {
            tagPathsByName[language] = slugOfName.compactMapValues { slugs.contains($0) ? Self.tagPath($0, language: language) : nil }
        }
        self.tagPathsByName = tagPathsByName
        self.platformPaths = Dictionary(
            uniqueKeysWithValues: config.languages.map { language in
                (language, Dictionary(uniqueKeysWithValues: platformPages.map { ($0.key, Self.platformPath($0.key, language: language)) }))
            })
    }

    /// Groups the pages (in reading order) by tag, per language, in one pass over each page's tags. A page
    /// missing in a language is listed under the tags its fallback copy shows there (as platform pages and
    /// section lists list it): its tag links lead to a list that holds it.
    static func tagPages(in ordered: (String) -> [Entry], languages: [String], defaultLanguage: String) -> [String: [TagPage]] {
        var result: [String: [TagPage]] = [:]
        for language in languages {
            var tags: [TagPage] = []
            var position: [String: Int] = [:]
            for entry in ordered(language) {
                let tagList = entry.source(language, fallback: defaultLanguage).frontMatter.tags
                guard !tagList.isEmpty else { continue }
                for name in tagList {
                    let slug = HeadingSlug.make(name)
                    guard !slug.isEmpty else { continue }  // punctuation only: nothing to name a URL by
                    if let at = position[slug] {
                        if tags[at].entries.last?.key != entry.key { tags[at].entries.append(entry) }
                    } else {
                        position[slug] = tags.count
                        tags.append(TagPage(name: name, slug: slug, entries: [entry]))
                    }
                }
            }
            // Code-point order (case folded): the same on every machine, whatever its locale.
            tags.sort { ($0.name.lowercased(), $0.slug) < ($1.name.lowercased(), $1.slug) }
            if !tags.isEmpty { result[language] = tags }
        }
        return result
    }

    /// The reading order of `language` (keys) and each key's position in it.
    public func readingOrder(_ language: String) -> (order: [String], position: [String: Int]) {
        languageOrders[language] ?? (readingOrder, readingPosition)
    }

    /// `entries` (of one section, or a platform's) in `language`'s reading order.
    public func inReadingOrder(_ entries: [Entry], language: String) -> [Entry] {
        guard let position = languageOrders[language]?.position else { return entries }
        return entries.map { (entry: $0, at: position[$0.key] ?? Int.max) }.sorted { ($0.at, $0.entry.key) < ($1.at, $1.entry.key) }
            .map(\.entry)
    }

    /// Output path of a tag's page.
    public func tagPath(_ slug: String, language: String) -> String { Self.tagPath(slug, language: language) }

    static func tagPath(_ slug: String, language: String) -> String { "\(language)/\(Self.tagsFolder)/\(slug)/index.html" }

    /// The output path of the page of the tag `name` (as a page writes it), when it has one in `language`.
    public func tagPath(named name: String, language: String) -> String? { tagPathsByName[language]?[name] }

    /// The output path of a platform's page, when it has one.
    public func platformPagePath(_ key: String, language: String) -> String? { platformPaths[language]?[key] }

    /// Output path of the page listing a language's tags.
    public func tagsPath(language: String) -> String { "\(language)/\(Self.tagsFolder)/index.html" }

    /// The languages that have a page for the tag `slug` (`nil`: the tags list), in configuration order.
    public func tagLanguages(_ slug: String?) -> [String] {
        config.languages.filter { language in
            guard let slugs = tagSlugs[language] else { return false }
            return slug.map { slugs.contains($0) } ?? true
        }
    }

    /// Output path of the page listing a platform's pages.
    public func platformPath(_ key: String, language: String) -> String { Self.platformPath(key, language: language) }

    static func platformPath(_ key: String, language: String) -> String { "\(language)/\(Self.platformsFolder)/\(key)/index.html" }

    /// Output path of the page listing the platforms.
    public func platformsPath(language: String) -> String { "\(language)/\(Self.platformsFolder)/index.html" }

    /// Output path (relative to the output root) of a page in a language.
    public func outputPath(key: String, language: String) -> String {
        pageOutputPath(key: key, language: language) ?? "\(language)/index.html"
    }

    /// `outputPath` of a page that exists; nil for an unknown key.
    public func pageOutputPath(key: String, language: String) -> String? {
        // `?.outputTail` reads the one field; mapping the entry would copy all of it.
        guard let tail = entries[key]?.outputTail else { return nil }
        return language + "/" + tail
    }

    /// The list page guidegen writes for `_index` (the home page) or `<section>/_index` when no such file
    /// exists; nil for any other key.
    public func generatedListPath(key: String, language: String) -> String? {
        if key == "_index" { return "\(language)/index.html" }
        guard key.hasSuffix("/_index") else { return nil }
        let section = String(key.dropLast("/_index".count))
        return sections.contains { $0.name == section } ? sectionPath(section, language: language) : nil
    }

    /// Output path of a section's landing page.
    public func sectionPath(_ section: String, language: String) -> String { "\(language)/\(section)/index.html" }

    /// The key of the page a Markdown link target (`../returns/refund.zh-Hans.md`, `refund.md`) names, and its
    /// language; `fromContentRoot` resolves the target against the content folder instead of the page's.
    public func resolveSourceLink(_ target: String, from page: PageSource, fromContentRoot: Bool = false, language: String? = nil) -> (
        key: String, language: String
    )? {
        guard let found = sourceLinkKey(target, from: page, fromContentRoot: fromContentRoot, language: language) else { return nil }
        return entries[found.key] == nil ? nil : found
    }

    /// The page key and language a source link names, whether or not the page exists; nil when the path
    /// leaves the content folder or is not a `.md` file.
    public func sourceLinkKey(_ target: String, from page: PageSource, fromContentRoot: Bool = false, language: String? = nil) -> (
        key: String, language: String
    )? {
        // One buffer: the page's folder, then the target, resolved segment by segment in place (`..` drops
        // back to where the previous segment started), so no segment list is built.
        var path: [UInt8] = []
        path.reserveCapacity(page.section.utf8.count + target.utf8.count + 2)
        var starts: [Int] = []  // where each kept segment starts in `path`
        func take(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var i = 0
            let n = bytes.count
            while i <= n {
                var j = i
                while j < n, bytes[j] != 0x2F { j += 1 }
                let length = j - i
                if length == 0 || (length == 1 && bytes[i] == 0x2E) {
                    // empty or `.`: nothing
                } else if length == 2 && bytes[i] == 0x2E && bytes[i + 1] == 0x2E {
                    guard let last = starts.popLast() else { return false }
                    path.removeSubrange(max(0, last - 1)...)  // the segment and the `/` before it
                } else {
                    if !starts.isEmpty { path.append(0x2F) }
                    starts.append(path.count)
                    path.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                }
                i = j + 1
            }
            return true
        }
        if !(page.section.isEmpty || fromContentRoot) { guard UTF8Scan.withBytes(page.section, take) else { return nil } }
        guard UTF8Scan.withBytes(target, take), let fileStart = starts.last else { return nil }
        let fileLength = path.count - fileStart
        guard fileLength >= 3, path[(path.count - 3)...].elementsEqual(".md".utf8) else { return nil }
        var slugEnd = path.count - 3
        var language = language ?? page.language
        if let dot = path[fileStart..<slugEnd].firstIndex(of: 0x2E) {
            let suffix = String(decoding: path[(dot + 1)..<slugEnd], as: UTF8.self)
            if config.languages.contains(suffix) {
                slugEnd = dot
                language = suffix
            }
        }
        return (String(decoding: path[..<slugEnd], as: UTF8.self), language)
    }

    /// How a page in `section` links to the source of page `key`: `../returns/refund.md`, `other.md`.
    public static func sourceLink(from section: String, to key: String) -> String {
        let from = section.split(separator: "/").map(String.init)
        let to = key.split(separator: "/").map(String.init)
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        let up = String(repeating: "../", count: from.count - common)
        return up + to[common...].joined(separator: "/") + ".md"
    }
}

/// Relative URLs between output files, so a site works from any folder and from file://.
public enum RelativeURL {
    /// The URL of `target` as seen from the page written at `from` (both output-relative paths).
    /// Without a base URL, links keep `index.html` so file:// browsing works.
    public static func between(from: String, to target: String, prettyURLs: Bool) -> String {
        between(fromDepth: folderDepth(from), to: target, prettyURLs: prettyURLs)
    }

    /// `between` from a page `depth` folders deep (`folderDepth`): a page's links all start from the same
    /// page, so its renderer counts the depth once. Made in one buffer: every link of every page (sidebar,
    /// cards, crumbs, pager) comes here, and the escape-then-concatenate version built three strings per
    /// link.
    static func between(fromDepth depth: Int, to target: String, prettyURLs: Bool) -> String {
        UTF8Scan.withBytes(target) { t in
            var end = t.count
            if prettyURLs, end >= 10, endsWithIndexHTML(t, end) { end -= 10 }
            if depth == 0 && end == 0 { return "./" }
            var escapes = 0
            for i in 0..<end where !keptInPath(t[i], ascii: false) { escapes += 1 }
            return String(unsafeUninitializedCapacity: depth * 3 + end + escapes * 2) { out in
                var n = 0
                for _ in 0..<depth {
                    out[n] = 0x2E
                    out[n + 1] = 0x2E
                    out[n + 2] = 0x2F
                    n += 3
                }
                // Nearly every output path needs no escape: its bytes are copied whole.
                if escapes == 0, end > 0, let source = t.baseAddress, let base = out.baseAddress {
                    (base + n).update(from: source, count: end)
                    return n + end
                }
                for i in 0..<end { n = appendEscaped(t[i], to: out, at: n, ascii: false) }
                return n
            }
        }
    }

    /// Whether the bytes before `end` are `index.html`.
    private static func endsWithIndexHTML(_ t: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
        let suffix: StaticString = "index.html"
        let base = end - 10
        for i in 0..<10 where t[base + i] != suffix.utf8Start[i] { return false }
        return true
    }

    /// What a URL path keeps as it is: RFC 3986's unreserved bytes, `/`, the sub-delimiters, `:` and `@`;
    /// non-ASCII too unless `ascii`. Two 64-bit masks instead of a `switch` behind a closure per byte.
    @inline(__always)
    static func keptInPath(_ b: UInt8, ascii: Bool) -> Bool {
        if b >= 0x80 { return !ascii }
        // 0x21 ! 0x24 $ 0x26-0x2F &'()*+,-./ 0x30-0x39 digits 0x3A : 0x3B ; 0x3D =
        let low: UInt64 = 0x2FFF_FFD2_0000_0000
        // 0x40 @ 0x41-0x5A A-Z 0x5F _ 0x61-0x7A a-z 0x7E ~
        let high: UInt64 = 0x47FF_FFFE_87FF_FFFF
        return b < 64 ? (low >> UInt64(b)) & 1 == 1 : (high >> UInt64(b - 64)) & 1 == 1
    }

    @inline(__always)
    private static func appendEscaped(_ b: UInt8, to out: UnsafeMutableBufferPointer<UInt8>, at n: Int, ascii: Bool) -> Int {
        if keptInPath(b, ascii: ascii) {
            out[n] = b
            return n + 1
        }
        let hex: StaticString = "0123456789ABCDEF"
        out[n] = 0x25
        out[n + 1] = hex.utf8Start[Int(b >> 4)]
        out[n + 2] = hex.utf8Start[Int(b & 0x0F)]
        return n + 3
    }

    /// An output path as a URL path: a folder called `my guides` or `50%` must be `my%20guides`, `50%25`.
    /// With `ascii`, other non-ASCII is encoded too (sitemaps and canonical URLs must be plain URLs; an href
    /// may keep `退货`).
    public static func escaped(_ path: String, ascii: Bool = false) -> String {
        UTF8Scan.withBytes(path) { t in
            var escapes = 0
            for b in t where !keptInPath(b, ascii: ascii) { escapes += 1 }
            if escapes == 0 { return path }
            return String(unsafeUninitializedCapacity: t.count + escapes * 2) { out in
                var n = 0
                for b in t { n = appendEscaped(b, to: out, at: n, ascii: ascii) }
                return n
            }
        }
    }

    /// The absolute URL of an output file under `base` (canonical links, the sitemap, 404.html): pretty
    /// (no `index.html`) and plain ASCII.
    public static func absolute(_ target: String, base: String) -> String {
        base + escaped(target.hasSuffix("index.html") ? String(target.dropLast("index.html".count)) : target, ascii: true)
    }

    /// Prefix from a page to the output root (`../../`), or `./` at the root.
    public static func root(from: String) -> String {
        let depth = folderDepth(from)
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }

    /// How many folders deep an output path is (`en/a/index.html` → 2), counting non-empty segments.
    static func folderDepth(_ path: String) -> Int {
        // Over the string's own buffer: every link and page asks, and the UTF-8 view's iterator is slow.
        UTF8Scan.withBytes(path) { bytes in
            var segments = 0
            var inSegment = false
            for b in bytes {
                if b == 0x2F {
                    inSegment = false
                } else if !inSegment {
                    inSegment = true
                    segments += 1
                }
            }
            return max(0, segments - 1)
        }
    }
}
