import Foundation

/// Renders every output file into memory (`[path: bytes]`): pages through the theme, plus the root
/// language chooser, 404, sitemap, assets and theme files. Only the Write stage touches the disk.
public struct SiteRenderer: Sendable {
    public let site: Site
    public let index: SiteIndex
    public let theme: Theme
    public let rules: RuleBook
    /// Raw bytes of content assets by site-relative path.
    public let assetBytes: [String: [UInt8]]
    /// Sidebars shared by pages at the same depth and place (filled while pages render in parallel).
    let sidebarCache = RenderCache<SharedSidebar>()
    /// The interface strings' template context per language, built once instead of per page.
    let stringsByLanguage: [String: TemplateValue]
    /// Each language's name in itself, for every page's language switcher.
    let languageNames: [String: String]

    public init(site: Site, index: SiteIndex, theme: Theme, assetBytes: [String: [UInt8]]) {
        self.site = site
        self.index = index
        self.theme = theme
        self.rules = RuleBook(site.rules)
        self.assetBytes = assetBytes
        self.stringsByLanguage = Dictionary(
            uniqueKeysWithValues: site.config.languages.map { ($0, TemplateValue.sharing(Self.stringsContext(site.config.uiStrings($0)))) })
        // Two tags one name would show alike (`en-US` and `en-GB` are both "English"): those are named in
        // full, region and all ("English (United Kingdom)").
        let short = site.config.languages.map { ($0, site.config.uiStrings($0).languageName) }
        let shared = Dictionary(grouping: short.map(\.1), by: { $0 }).filter { $0.value.count > 1 }.keys
        self.languageNames = Dictionary(
            uniqueKeysWithValues: short.map { tag, name in (tag, shared.contains(name) ? UIStrings.nativeName(of: tag) : name) })
    }

    var config: SiteConfig { site.config }
    var prettyURLs: Bool { config.baseURL != nil }

    /// Every output file; template failures become diagnostics. With `emit`, each file is handed over as
    /// soon as it is rendered (pages from the rendering threads) and the returned dictionary stays empty,
    /// so a large site is never held in memory twice.
    public func render(
        bodies: [RenderedBody], threads: Int = 0, emit: (@Sendable (String, [UInt8]) -> Void)? = nil, versions: BodyVersions? = nil
    ) -> ([String: [UInt8]], [Diagnostic]) {
        let bodyByKey = versions ?? RenderedBody.versions(bodies)
        // A section's card says what its landing page says: its summary, else its opening text (as its meta
        // description does); a card without a word stood out beside the others.
        var landingDescriptions: [String: [String: String]] = [:]
        // Field by field (`?.isSectionIndex` reads one; binding the entry would copy all of it for every page).
        for body in bodies where index.entries[body.key]?.isSectionIndex == true {
            guard let section = index.entries[body.key]?.section, !section.isEmpty, let text = body.description else { continue }
            landingDescriptions[body.language, default: [:]][section] = text
        }
        // One navigation per language, built side by side (each walks every page).
        let navigation = Dictionary(
            uniqueKeysWithValues: zip(
                config.languages,
                ParallelMap.map(config.languages, threads: threads) { [index, landingDescriptions] in
                    Navigation(index: index, language: $0, descriptions: landingDescriptions[$0] ?? [:])
                })
        )
        // Pages (including section landing pages with their own text) in parallel.
        let pageOutputs = ParallelMap.map(bodies, threads: threads) { body -> (String, [UInt8]?) in
            guard let bytes = renderPage(body, versions: bodyByKey[body.key] ?? [:], nav: navigation[body.language]!) else {
                return (body.outputPath, nil)
            }
            if let emit {
                emit(body.outputPath, bytes)
                return (body.outputPath, [])
            }
            return (body.outputPath, bytes)
        }
        var files: [String: [UInt8]] = [:]
        var diagnostics: [Diagnostic] = []
        for (path, bytes) in pageOutputs {
            if let bytes {
                if emit == nil { files[path] = bytes }
            } else {
                diagnostics.append(
                    Diagnostic(
                        .error, .template, at: SourceLocation(file: theme.folderName + "/page.mustache", line: 1, column: 1),
                        "the template produced nothing for \(path)"))
            }
        }
        // List pages: sections without an _index file and the platform pages, in parallel (a large site's
        // lists are long).
        // `size`: about how many entries the file lists, to start the largest first.
        var lists: [(path: String, size: Int, render: @Sendable () -> [UInt8]?)] = []
        for language in config.languages {
            let nav = navigation[language]!
            for section in index.sections where section.index == nil || bodyByKey[section.index!.key]?[language] == nil {
                lists.append(
                    (
                        index.sectionPath(section.name, language: language), section.pages.count,
                        { renderSection(section, body: nil, language: language, nav: nav) }
                    ))
            }
            if !index.platformPages.isEmpty {
                lists.append(
                    (index.platformsPath(language: language), index.platformPages.count, { renderPlatforms(language: language, nav: nav) }))
                for group in index.platformPages {
                    lists.append(
                        (
                            index.platformPath(group.key, language: language), group.entries.count,
                            { renderPlatform(group.key, entries: group.entries, language: language, nav: nav) }
                        ))
                }
            }
            if let tags = index.tagPages[language] {
                lists.append((index.tagsPath(language: language), tags.count, { renderTags(tags, language: language, nav: nav) }))
                for tag in tags {
                    lists.append(
                        (index.tagPath(tag.slug, language: language), tag.entries.count, { renderTag(tag, language: language, nav: nav) }))
                }
            }
        }
        // The sitemap walks every page in every language: made beside the lists rather than after them.
        let (siteIndex, siteConfig) = (index, config)
        let sitemapSize = 2 * index.entries.count * config.languages.count
        lists.append(("sitemap.xml", sitemapSize, { Sitemap.xml(index: siteIndex, config: siteConfig) }))
        if config.search {
            for language in config.languages {
                let (nav, pages) = (navigation[language]!, bodies.filter { $0.language == language })
                lists.append(
                    (
                        SearchIndex.path(language: language), 4 * pages.count,
                        { SearchIndex.script(searchEntries(pages, nav: nav), language: language) }
                    ))
            }
        }
        // Each language's home page (when no `_index` page of its own was rendered above), the root and 404.
        for language in config.languages where index.home == nil || bodyByKey["_index"]?[language] == nil {
            let nav = navigation[language]!
            lists.append(
                ("\(language)/index.html", nav.sections.count, { Array((renderHome(body: nil, language: language, nav: nav) ?? "").utf8) }))
        }
        lists.append(("index.html", 1, { Array((theme.render("root", rootContext()) ?? "").utf8) }))
        // robots.txt comes from a template, so a site can replace it (as Hugo's `layouts/robots.txt`).
        if theme.templateNames.contains("robots") {
            let sitemap = config.baseURL.map { RelativeURL.absolute("sitemap.xml", base: $0) }
            lists.append(("robots.txt", 1, { Array((theme.render("robots", sitemap.map { ["sitemap_url": $0] } ?? [:]) ?? "").utf8) }))
        }
        let defaultNav = navigation[config.defaultLanguage]!
        lists.append(("404.html", 1, { Array((theme.render("404", notFoundContext(nav: defaultNav)) ?? "").utf8) }))
        // Largest first (the search indexes, the sitemap, then the longest lists), so that no core is left
        // finishing a big one alone at the end; with `emit`, each is written by the thread that made it.
        lists.sort { $0.size > $1.size }
        let made = ParallelMap.map(lists, threads: threads) { list -> [UInt8]? in
            let bytes = list.render() ?? []
            guard let emit else { return bytes }
            emit(list.path, bytes)
            return nil
        }
        for (list, bytes) in zip(lists, made) where emit == nil { files[list.path] = bytes }
        for (path, bytes) in theme.files { files[path] = bytes }
        for (path, bytes) in assetBytes { files[path] = bytes }
        files[".guidegen"] = Array("This folder was written by guidegen; `guidegen build` may replace it.\n".utf8)
        if let emit {
            for (path, bytes) in files { emit(path, bytes) }
            return ([:], diagnostics)
        }
        return (files, diagnostics)
    }

    /// One language's pages for the search index, in reading order (section and home pages with text of
    /// their own included), each with its top section's title.
    func searchEntries(_ bodies: [RenderedBody], nav: Navigation) -> [SearchIndex.Entry] {
        let sectionTitles = Dictionary(nav.sections.map { ($0.name, $0.title) }, uniquingKeysWith: { first, _ in first })
        let index = index
        // Each page's place looked up once, not twice per comparison.
        let readingPosition = index.readingOrder(nav.language).position
        let ordered = bodies.map { (position: readingPosition[$0.key] ?? Int.max, body: $0) }.sorted {
            ($0.position, $0.body.key) < ($1.position, $1.body.key)
        }
        return ordered.map(\.body).map { body in
            let section = index.entries[body.key]?.section.split(separator: "/").first.map(String.init) ?? ""
            return SearchIndex.Entry(
                title: body.source.frontMatter.title,
                url: RelativeURL.between(from: "index.html", to: body.outputPath, prettyURLs: prettyURLs),
                section: sectionTitles[section] ?? "", description: body.description ?? "",
                headings: body.markdown.headings.map(\.text), body: body.markdown.searchText)
        }
    }

    // MARK: - Pages

    /// One page's file, as UTF-8.
    func renderPage(_ body: RenderedBody, versions: [String: RenderedBody], nav: Navigation) -> [UInt8]? {
        let entry = index.entries[body.key]!
        if entry.isSectionIndex {
            if entry.section.isEmpty { return renderHome(body: body, language: body.language, nav: nav).map { Array($0.utf8) } }
            let section = index.sections.first { $0.name == entry.section }
            if let section { return renderSection(section, body: body, language: body.language, nav: nav) }
        }
        var context = common(
            language: body.language, outputPath: body.outputPath, key: body.key, nav: nav, title: body.source.frontMatter.title)
        context["page"] = .map(pageContext(body, versions: versions, nav: nav))
        return theme.renderBytes("page", context)
    }

    func pageContext(_ body: RenderedBody, versions: [String: RenderedBody], nav: Navigation) -> TemplateMap {
        let front = body.source.frontMatter
        let strings = config.uiStrings(body.language)
        // Closures capture plain values, not `self`: capturing the renderer copied (and retained) all of it.
        let (from, prettyURLs, config, rules) = (body.outputPath, prettyURLs, config, rules)
        let defaultLanguage = config.defaultLanguage
        let depth = RelativeURL.folderDepth(from)
        let link = { (path: String) in RelativeURL.between(fromDepth: depth, to: path, prettyURLs: prettyURLs) }
        var page = TemplateMap([
            "content": .utf8(body.markdown.htmlBytes),
            "is_faq": .flag(front.kind == .faq),
            "kind": .text(front.kind.rawValue),
            "kind_label": .text(strings.kinds[front.kind] ?? front.kind.rawValue),
            "lang": .text(body.source.language),
            "title": .text(front.title),
        ])
        if let summary = front.summary { page["summary"] = .text(summary) }
        // A copy shown for a missing translation: its title, wherever the page shows it, is in its original's language.
        if body.source.language != body.language { page["title_lang"] = .text(body.source.language) }
        if let description = body.description { page["description"] = .text(description) }
        if let reviewed = front.reviewed { page["reviewed"] = .text(reviewed) }
        if !front.sources.isEmpty {
            page["sources"] = .maps(front.sources.map { TemplateMap(["title": .text($0.title), "url": .text($0.url)]) })
            page["has_sources"] = .flag(true)
        }
        let index = index
        if !front.tags.isEmpty {
            page["tags"] = .texts(front.tags)
            page["has_tags"] = .flag(true)
            page["tag_links"] = .maps(
                front.tags.map { name in
                    var tag = TemplateMap(["name": .text(name)])
                    if let path = index.tagPath(named: name, language: body.language) { tag["url"] = .text(link(path)) }
                    return tag
                })
        }
        let platforms = front.platforms.compactMap { key -> TemplateMap? in
            guard let name = platformName(key, language: body.language) else { return nil }
            var platform = TemplateMap(["name": .text(name)])
            if let path = index.platformPagePath(key, language: body.language) { platform["url"] = .text(link(path)) }
            return platform
        }
        if !platforms.isEmpty { page["platforms"] = .maps(platforms) }
        // An empty heading (`##` alone) would be an empty link nobody can see or name.
        let toc = body.markdown.headings.filter {
            ($0.level == 2 || $0.level == 3) && !ByteSearch.trimmed($0.text, newlines: true).isEmpty
        }.map {
            TemplateMap(["id": .text($0.id), "level": .number($0.level), "sub": .flag($0.level == 3), "text": .text($0.text)])
        }
        if toc.count >= 2 {
            page["toc"] = .maps(toc)
            page["has_toc"] = .flag(true)
        }
        if body.isFallback { page["fallback_notice"] = .text(strings.fallbackNotice) }
        if !body.isFallback, body.language != config.defaultLanguage,
            let original = versions[config.defaultLanguage], !original.isFallback,
            TranslationChecker.status(
                of: [config.defaultLanguage: original.source, body.language: body.source], language: body.language,
                defaultLanguage: config.defaultLanguage) == .outdated
        {
            page["outdated_notice"] = .text(strings.outdatedNotice)
            // The notice leads to what changed: the original, in its language.
            page["original_url"] = .text(link(original.outputPath))
            page["original_lang"] = .text(config.defaultLanguage)
        }
        // Previous / next in reading order.
        let reading = index.readingOrder(body.language)
        if let position = reading.position[body.key] {
            if position > 0 { page["prev"] = .map(neighbour(reading.order[position - 1], language: body.language, link: link)) }
            if position + 1 < reading.order.count {
                page["next"] = .map(neighbour(reading.order[position + 1], language: body.language, link: link))
            }
        }
        // Breadcrumbs.
        var crumbs = [TemplateMap(["title": .text(strings.home), "url": .text(link("\(body.language)/index.html"))])]
        let section = index.entries[body.key]?.section ?? ""
        // Byte searches: Foundation's `String.contains(_:)` and `split` were a visible share of every page.
        let topSection = section.isEmpty ? nil : SiteIndex.topFolder(of: section)
        if let at = nav.sections.firstIndex(where: { $0.name == topSection }) {
            let (name, title) = (nav.sections[at].name, nav.sections[at].title)
            var crumb = TemplateMap(["title": .text(title), "url": .text(link(index.sectionPath(name, language: body.language)))])
            if let lang = nav.sections[at].titleLang { crumb["title_lang"] = .text(lang) }
            crumbs.append(crumb)
        }
        // A nested folder with its own `_index` page (`a/b/_index.en.md`) is a step of the trail too.
        if section.utf8.contains(0x2F) {
            let parts = section.split(separator: "/")
            for depth in 2...parts.count {
                let key = parts.prefix(depth).joined(separator: "/") + "/_index"
                guard key != body.key, let entry = index.entries[key] else { continue }
                let source = entry.source(body.language, fallback: config.defaultLanguage)
                var crumb = TemplateMap([
                    "title": .text(source.frontMatter.title), "url": .text(link(index.outputPath(key: key, language: body.language))),
                ])
                if source.language != body.language { crumb["title_lang"] = .text(source.language) }
                crumbs.append(crumb)
            }
        }
        page["breadcrumbs"] = .maps(crumbs)
        // Rule tables the page uses: shown with their last change and sources.
        let tableIDs = RuleUsageChecker.sortedUnique(body.references.map(\.reference.table))
        let used = tableIDs.compactMap { rules.tables[$0] }.map { table -> TemplateMap in
            var t = TemplateMap([
                "changed": .text(table.changed), "id": .text(table.id),
                "title": .text(table.title.text(body.language, fallback: defaultLanguage)),
            ])
            if !table.sources.isEmpty {
                t["sources"] = .maps(
                    table.sources.enumerated().map { i, source in
                        TemplateMap([
                            "last": .flag(i == table.sources.count - 1),
                            "title": .text(source.title(in: body.language, fallback: defaultLanguage)), "url": .text(source.url),
                        ])
                    })
                t["has_sources"] = .flag(true)
            }
            return t
        }
        if !used.isEmpty {
            page["rules_used"] = .maps(used)
            page["has_rules_used"] = .flag(true)
        }
        // No FAQPage data without a question to put in it (search engines refuse an empty `mainEntity`).
        if front.kind == .faq, let jsonLD = FAQSchema.jsonLD(body.markdown.sections) { page["faq_jsonld"] = .utf8(jsonLD) }
        return page
    }

    func neighbour(_ key: String, language: String, link: (String) -> String) -> TemplateMap {
        let entry = index.entries[key]!
        let source = entry.source(language, fallback: config.defaultLanguage)
        var item = TemplateMap([
            "title": .text(source.frontMatter.title), "url": .text(link(index.outputPath(key: key, language: language))),
        ])
        if source.language != language { item["title_lang"] = .text(source.language) }
        return item
    }

    func renderSection(_ section: SiteIndex.Section, body: RenderedBody?, language: String, nav: Navigation) -> [UInt8]? {
        let path = index.sectionPath(section.name, language: language)
        let navSection = nav.sections.first { $0.name == section.name }
        let strings = config.uiStrings(language)
        return renderListing(
            path: path, language: language, nav: nav, key: section.index?.key, title: navSection?.title ?? section.name,
            titleLang: navSection?.titleLang,
            cards: index.inReadingOrder(section.pages, language: language).map {
                pageCard($0, from: path, language: language, kinds: strings.kinds)
            },
            breadcrumbs: [(strings.home, "\(language)/index.html")], body: body)
    }

    /// A platform's page: its pages as cards, through the theme's `section` template (as a Hugo term page
    /// uses the list layout).
    func renderPlatform(_ key: String, entries: [SiteIndex.Entry], language: String, nav: Navigation) -> [UInt8]? {
        let path = index.platformPath(key, language: language)
        let strings = config.uiStrings(language)
        return renderListing(
            path: path, language: language, nav: nav, key: nil, title: platformName(key, language: language) ?? key,
            cards: index.inReadingOrder(entries, language: language).map {
                pageCard($0, from: path, language: language, kinds: strings.kinds)
            },
            breadcrumbs: [(strings.home, "\(language)/index.html"), (strings.platforms, index.platformsPath(language: language))])
    }

    /// The list of platforms that have pages.
    func renderPlatforms(language: String, nav: Navigation) -> [UInt8]? {
        let path = index.platformsPath(language: language)
        let strings = config.uiStrings(language)
        let cards = index.platformPages.map { group in
            TemplateMap([
                "title": .text(platformName(group.key, language: language) ?? group.key),
                "url": .text(
                    RelativeURL.between(from: path, to: index.platformPath(group.key, language: language), prettyURLs: prettyURLs)),
                "kind_label": .text(strings.pages(group.entries.count)),
            ])
        }
        return renderListing(
            path: path, language: language, nav: nav, key: nil, title: strings.platforms, cards: cards,
            breadcrumbs: [(strings.home, "\(language)/index.html")])
    }

    /// A tag's page: the pages of `language` that list it, as cards through the theme's `section` template.
    /// Its translations are the pages of the same tag (by slug) in other languages; the language switcher
    /// leads elsewhere to that language's tag list, or its home page when it has no tags.
    func renderTag(_ tag: SiteIndex.TagPage, language: String, nav: Navigation) -> [UInt8]? {
        let path = index.tagPath(tag.slug, language: language)
        let strings = config.uiStrings(language)
        let translations = Dictionary(
            uniqueKeysWithValues: index.tagLanguages(tag.slug).map { ($0, index.tagPath(tag.slug, language: $0)) })
        let tagLists = Dictionary(uniqueKeysWithValues: index.tagLanguages(nil).map { ($0, index.tagsPath(language: $0)) })
        return renderListing(
            path: path, language: language, nav: nav, key: nil, title: tag.name,
            cards: tag.entries.map { pageCard($0, from: path, language: language, kinds: strings.kinds) },
            breadcrumbs: [(strings.home, "\(language)/index.html"), (strings.tags, index.tagsPath(language: language))],
            translations: (translations, elsewhere: tagLists))
    }

    /// The list of a language's tags, each with its number of pages.
    func renderTags(_ tags: [SiteIndex.TagPage], language: String, nav: Navigation) -> [UInt8]? {
        let path = index.tagsPath(language: language)
        let strings = config.uiStrings(language)
        let cards = tags.map { tag in
            TemplateMap([
                "title": .text(tag.name),
                "url": .text(RelativeURL.between(from: path, to: index.tagPath(tag.slug, language: language), prettyURLs: prettyURLs)),
                "kind_label": .text(strings.pages(tag.entries.count)),
            ])
        }
        let translations = Dictionary(uniqueKeysWithValues: index.tagLanguages(nil).map { ($0, index.tagsPath(language: $0)) })
        return renderListing(
            path: path, language: language, nav: nav, key: nil, title: strings.tags, cards: cards,
            breadcrumbs: [(strings.home, "\(language)/index.html")], translations: (translations, elsewhere: [:]))
    }

    /// A platform's name in `language`; nil for a key guidegen.yaml does not list.
    func platformName(_ key: String, language: String) -> String? {
        config.platforms.first { $0.key == key }?.name.text(language, fallback: config.defaultLanguage)
    }

    /// A page's card on a list page: kind, title and summary in `language` (the default language's when
    /// the page is not translated).
    /// `kinds`: the language's kind labels, looked up once per list rather than once per card (a copy of
    /// `UIStrings` retains all of its strings).
    func pageCard(_ entry: SiteIndex.Entry, from path: String, language: String, kinds: [PageKind: String]) -> TemplateMap {
        let source = entry.source(language, fallback: config.defaultLanguage)
        var card = TemplateMap([
            "kind_label": .text(kinds[source.frontMatter.kind] ?? ""),
            "title": .text(source.frontMatter.title),
            "url": .text(RelativeURL.between(from: path, to: language + "/" + entry.outputTail, prettyURLs: prettyURLs)),
        ])
        if let summary = source.frontMatter.summary { card["summary"] = .text(summary) }
        if source.language != language { card["title_lang"] = .text(source.language) }
        return card
    }

    /// A list page (a section, a platform, the platforms) through the theme's `section` template, typed so
    /// that long lists fill the template's skeleton item by item.
    func renderListing(
        path: String, language: String, nav: Navigation, key: String?, title: String, titleLang: String? = nil, cards: [TemplateMap],
        breadcrumbs: [(title: String, path: String)], body: RenderedBody? = nil, translations: Translations? = nil
    ) -> [UInt8]? {
        var context = common(language: language, outputPath: path, key: key, nav: nav, title: title, translations: translations)
        var section = TemplateMap([
            "title": .text(title),
            "pages": .maps(cards),
            "breadcrumbs": .maps(
                breadcrumbs.map {
                    TemplateMap([
                        "title": .text($0.title), "url": .text(RelativeURL.between(from: path, to: $0.path, prettyURLs: prettyURLs)),
                    ])
                }),
        ])
        if let titleLang { section["title_lang"] = .text(titleLang) }
        var description: String?
        if let body {
            section["content"] = .utf8(body.markdown.htmlBytes)
            section["content_lang"] = .text(body.source.language)
            if let summary = body.source.frontMatter.summary { section["summary"] = .text(summary) }
            if body.isFallback { section["fallback_notice"] = .text(config.uiStrings(language).fallbackNotice) }
            description = body.description
        }
        // A list without text of its own is described by what it lists.
        let titles = cards.compactMap { card -> String? in if case .text(let t)? = card["title"] { t } else { nil } }
        section["description"] = .text(description ?? Excerpt.list(title, items: titles, strings: config.uiStrings(language)))
        context["section"] = .map(section)
        return theme.renderBytes("section", context)
    }

    func renderHome(body: RenderedBody?, language: String, nav: Navigation) -> String? {
        let path = "\(language)/index.html"
        var context = common(
            language: language, outputPath: path, key: "_index", nav: nav,
            title: config.title.text(language, fallback: config.defaultLanguage)
        ).any
        context["nav"] = navContext(nav, language: language, outputPath: path) {
            RelativeURL.between(from: path, to: $0, prettyURLs: self.prettyURLs)
        }
        var home: [String: Any] = [
            "sections": nav.sections.map { s -> [String: Any] in
                var item: [String: Any] = [
                    "title": s.title,
                    "url": RelativeURL.between(from: path, to: index.sectionPath(s.name, language: language), prettyURLs: prettyURLs),
                    "count": s.pages.count,
                ]
                if let summary = s.summary { item["summary"] = summary }
                if let lang = s.titleLang { item["section_lang"] = lang }
                item["pages"] = s.pages.prefix(Self.homeCardPages).map { page -> [String: Any] in
                    var item: [String: Any] = [
                        "title": page.title, "url": RelativeURL.between(from: path, to: page.path, prettyURLs: prettyURLs),
                    ]
                    if let lang = page.lang { item["title_lang"] = lang }
                    return item
                }
                if s.pages.count > Self.homeCardPages { item["more"] = true }
                return item
            }
        ]
        // Pages directly in content/ belong to no section: the home page lists them.
        let rootPages = index.inReadingOrder(index.rootPages, language: language).map { entry -> [String: Any] in
            let source = entry.source(language, fallback: config.defaultLanguage)
            var item: [String: Any] = [
                "title": source.frontMatter.title,
                "url": RelativeURL.between(from: path, to: index.outputPath(key: entry.key, language: language), prettyURLs: prettyURLs),
            ]
            if source.language != language { item["title_lang"] = source.language }
            return item
        }
        if !rootPages.isEmpty {
            home["pages"] = rootPages
            home["has_pages"] = true
        }
        if !index.platformPages.isEmpty {
            home["platforms"] = index.platformPages.map { group -> [String: Any] in
                [
                    "name": platformName(group.key, language: language) ?? group.key,
                    "url": RelativeURL.between(from: path, to: index.platformPath(group.key, language: language), prettyURLs: prettyURLs),
                ]
            }
            home["platforms_url"] = RelativeURL.between(from: path, to: index.platformsPath(language: language), prettyURLs: prettyURLs)
        }
        let siteTitle = config.title.text(language, fallback: config.defaultLanguage)
        home["description"] = Excerpt.list(siteTitle, items: nav.sections.map(\.title), strings: config.uiStrings(language))
        if let body {
            home["content"] = body.markdown.html
            home["content_lang"] = body.source.language
            if let summary = body.source.frontMatter.summary { home["summary"] = summary }
            if let description = body.description { home["description"] = description }
            // A missing home text is shown in the default language, with the notice other pages get.
            if body.isFallback { home["fallback_notice"] = config.uiStrings(language).fallbackNotice }
        }
        context["home"] = home
        return theme.render("home", context)
    }

    // MARK: - Shared context

    /// What every template gets: site, language switcher, navigation, head links and interface words.
    /// With `absolute` (404.html under a base URL, served at any depth), every link is absolute.
    /// A generated page's translations (language → output path), and where the language switcher leads in a
    /// language without one (that language's home page when `elsewhere` names nothing).
    typealias Translations = (paths: [String: String], elsewhere: [String: String])

    /// `translations`, when given, are the page's own; otherwise they follow from `key`, or are the same path
    /// under each language.
    func common(
        language: String, outputPath: String, key: String?, nav: Navigation, title: String, absolute: Bool = false,
        translations: Translations? = nil
    ) -> TemplateMap {
        let link = linker(from: outputPath, absolute: absolute)
        let index = index
        let samePage = { (lang: String) -> String in
            if let translations { return translations.paths[lang] ?? translations.elsewhere[lang] ?? "\(lang)/index.html" }
            if let key, let path = index.pageOutputPath(key: key, language: lang) { return path }
            if outputPath.hasPrefix(language + "/") { return lang + outputPath.dropFirst(language.count) }
            return "\(lang)/index.html"
        }
        // Keys in order, as in every hot literal here: `TemplateMap` then appends instead of inserting.
        var context = TemplateMap([
            "home_url": .text(link("\(language)/index.html")),
            "lang": .text(language),
            "languages": .maps(
                config.languages.map { lang in
                    TemplateMap([
                        "code": .text(lang), "current": .flag(lang == language),
                        "name": .text(languageNames[lang] ?? config.uiStrings(lang).languageName), "url": .text(link(samePage(lang))),
                    ])
                }),
            "multilingual": .flag(config.languages.count > 1),
            "root": .text(RelativeURL.root(from: outputPath)),
            "sidebar": .utf8(sidebar(nav, language: language, outputPath: outputPath, absolute: absolute)),
            "site_title": .text(config.title.text(language, fallback: config.defaultLanguage)),
            "strings": strings(language),
            "title": .text(title),
        ])
        if config.search { context["search"] = .map(TemplateMap(["index_url": .text(link(SearchIndex.path(language: language)))])) }
        // A page's alternates are its real translations: a copy shown for a missing one is in another
        // language, so it is not announced as this one and names its original as canonical.
        let written = translations.map { t in config.languages.filter { t.paths[$0] != nil } } ?? index.writtenLanguages(key: key)
        let alternates = written ?? config.languages
        let original = alternates.contains(config.defaultLanguage) ? config.defaultLanguage : alternates.first ?? config.defaultLanguage
        let isCopy = written.map { !$0.contains(language) } ?? false
        // The home pages' page for readers of no listed language is the root's language chooser, which
        // names itself so: one x-default for the whole cluster.
        let xDefault = outputPath == "\(language)/index.html" ? "index.html" : samePage(original)
        if let base = config.baseURL {
            let pretty = { (p: String) in RelativeURL.absolute(p, base: base) }
            context["canonical"] = .text(pretty(isCopy ? samePage(original) : outputPath))
            context["alternates"] = .maps(alternates.map { TemplateMap(["hreflang": .text($0), "url": .text(pretty(samePage($0)))]) })
            context["x_default"] = .text(pretty(xDefault))
        } else {
            context["alternates"] = .maps(alternates.map { TemplateMap(["hreflang": .text($0), "url": .text(link(samePage($0)))]) })
            context["x_default"] = .text(link(xDefault))
        }
        return context
    }

    /// Every section, with its pages listed when the site is small or the section is the current one;
    /// a long current section shows the block of pages around the current one. Keeps each page's sidebar
    /// O(1) in size, so a large site is never quadratic in output (MkDocs' full nav on every page is).
    func navContext(_ nav: Navigation, language: String, outputPath: String, link: (String) -> String) -> [[String: Any]] {
        navItems(nav, language: language, outputPath: outputPath, link: link).map(\.any)
    }

    /// `navContext` typed, for the sidebar's skeleton. `place` is where the sidebar is for (default:
    /// `outputPath`'s place); `outputPath` marks the current page.
    func navItems(
        _ nav: Navigation, language: String, outputPath: String, place: (section: String?, block: Int, smallSite: Bool)? = nil,
        link: (String) -> String
    ) -> [TemplateMap] {
        let place = place ?? navPlace(nav, language: language, outputPath: outputPath)
        return nav.sections.map { s -> TemplateMap in
            let current = s.name == place.section
            var items = s.pages[...]
            if !place.smallSite {
                if !current {
                    items = []
                } else if s.pages.count > Self.sectionWindow {
                    let start = place.block * Self.sectionWindow
                    items = s.pages[start..<min(start + Self.sectionWindow, s.pages.count)]
                }
            }
            var section = TemplateMap([
                "title": .text(s.title), "url": .text(link(index.sectionPath(s.name, language: language))), "current": .flag(current),
                "pages": .maps(
                    items.map {
                        var item = TemplateMap([
                            "title": .text($0.title), "url": .text(link($0.path)), "current": .flag($0.path == outputPath),
                        ])
                        if let lang = $0.lang { item["title_lang"] = .text(lang) }
                        return item
                    }),
            ])
            // Not `title_lang`, which its pages would find when they have none of their own.
            if let lang = s.titleLang { section["section_lang"] = .text(lang) }
            if items.count < s.pages.count && current { section["more"] = .flag(true) }
            // So that a theme can leave out the list of a section it shows no pages of (an empty `<ul>`).
            if !items.isEmpty { section["has_pages"] = .flag(true) }
            return section
        }
    }

    /// Which section a page is in, which block of it the sidebar shows, and whether every page is listed.
    func navPlace(_ nav: Navigation, language: String, outputPath: String) -> (section: String?, block: Int, smallSite: Bool) {
        // `<language>/<section>/…`: the second path component, when a third follows. Compared as bytes in
        // place: splitting the path and comparing through the UTF-8 views cost ~10,000 instructions a page.
        let at = UTF8Scan.withBytes(outputPath) { path -> Int? in
            UTF8Scan.withBytes(language) { lang -> Int? in
                guard path.count > lang.count, path[lang.count] == 0x2F, UTF8Scan.hasPrefix(path, at: 0, lang) else { return nil }
                let start = lang.count + 1
                guard let slash = ByteSearch.find(0x2F, in: path, from: start) else { return nil }
                // By index: `first(where:)` copied (retained and released) each section it passed.
                return nav.sections.firstIndex { section in
                    UTF8Scan.withBytes(section.name) { $0.count == slash - start && UTF8Scan.hasPrefix(path, at: start, $0) }
                }
            }
        }
        guard let at else { return (nil, 0, nav.pageCount <= Self.fullNavigationLimit) }
        let block = nav.sections[at].position[outputPath].map { $0 / Self.sectionWindow } ?? 0
        return (nav.sections[at].name, block, nav.pageCount <= Self.fullNavigationLimit)
    }

    /// Links from the page at `from` to output files: relative, or absolute under the base URL. A closure
    /// holding just what it needs: one capturing `self` copied and retained the whole renderer per page.
    func linker(from: String, absolute: Bool) -> @Sendable (String) -> String {
        let (base, pretty, depth) = (absolute ? config.baseURL : nil, prettyURLs, RelativeURL.folderDepth(from))
        return { target in
            if let base { return RelativeURL.absolute(target, base: base) }
            return RelativeURL.between(fromDepth: depth, to: target, prettyURLs: pretty)
        }
    }

    /// The sidebar (`partials/sidebar.mustache`) for a page. Pages at the same depth in the same section
    /// block share one rendering; the current page's link then gets `aria-current="page"`. Rendering it
    /// per page was more than half of a large build's time.
    func sidebar(_ nav: Navigation, language: String, outputPath: String, absolute: Bool = false) -> [UInt8] {
        let place = navPlace(nav, language: language, outputPath: outputPath)
        let depth = RelativeURL.folderDepth(outputPath) + 1
        let key = "\(language)|\(absolute ? -1 : depth)|\(place.section ?? "")|\(place.smallSite ? 0 : place.block)"
        let link = linker(from: outputPath, absolute: absolute)
        let shared = sidebarCache.value(for: key) {
            let context = TemplateMap([
                // The place decides the current section and which block of it is listed; no page is marked
                // current here (one sidebar serves the block's pages; `aria-current` is added below).
                "nav": .maps(navItems(nav, language: language, outputPath: "", place: place, link: link)),
                "strings": strings(language),
            ])
            return SharedSidebar(theme.renderBytes("partials/sidebar", context) ?? [])
        }
        // Spliced as bytes, before the anchor's `>`; the page inserts them as they are.
        guard let cut = shared.cuts[HTML.escape(link(outputPath))] else { return shared.bytes }
        var out: [UInt8] = []
        out.reserveCapacity(shared.bytes.count + 24)
        out += shared.bytes[..<cut]
        out += #" aria-current="page""#.utf8
        out += shared.bytes[cut...]
        return out
    }

    /// A sidebar rendered once for the pages of a place, with where each link's `<a href="…">` ends (at
    /// its `>`), by `href`: a page finds its own link with one lookup instead of a search of the sidebar.
    struct SharedSidebar {
        let bytes: [UInt8]
        let cuts: [String: Int]

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            var cuts: [String: Int] = [:]
            let opening = Array(#"<a href=""#.utf8)
            bytes.withUnsafeBufferPointer { b in
                var from = 0
                while from < b.count, let hit = ByteSearch.firstIndex(of: opening, in: UnsafeBufferPointer(rebasing: b[from...])) {
                    let start = from + hit + opening.count
                    guard let quote = ByteSearch.find(0x22, in: b, from: start) else { break }
                    from = quote + 1
                    // Only `<a href="…">` exactly, and the first link to a page wins, as a search would find.
                    guard quote + 1 < b.count, b[quote + 1] == 0x3E else { continue }
                    let href = String(decoding: UnsafeBufferPointer(rebasing: b[start..<quote]), as: UTF8.self)
                    if cuts[href] == nil { cuts[href] = quote + 1 }
                }
            }
            self.cuts = cuts
        }
    }

    /// Pages listed on a home page section card before "See all".
    static let homeCardPages = 6

    /// Sites with at most this many pages per language list every page in every sidebar.
    static let fullNavigationLimit = 300
    /// How many pages of a long current section the sidebar shows.
    static let sectionWindow = 40

    /// The interface strings' context for `language` (built here only for a language the site does not list).
    func strings(_ language: String) -> TemplateValue {
        stringsByLanguage[language] ?? .map(Self.stringsContext(config.uiStrings(language)))
    }

    static func stringsContext(_ s: UIStrings) -> TemplateMap {
        TemplateMap([
            "on_this_page": .text(s.onThisPage), "previous": .text(s.previous), "next": .text(s.next), "reviewed": .text(s.reviewed),
            "sources": .text(s.sources), "last_changed": .text(s.lastChanged), "home": .text(s.home), "menu": .text(s.menu),
            "language": .text(s.languageLabel), "rules_used": .text(s.rulesUsed), "skip": .text(s.skipToContent),
            "sections": .text(s.sections), "platforms": .text(s.platforms), "not_found_title": .text(s.notFoundTitle),
            "not_found_text": .text(s.notFoundText), "colon": .text(s.colon), "list_separator": .text(s.listSeparator),
            "sentence_separator": .text(s.sentenceSeparator), "see_all": .text(s.seeAll), "breadcrumb": .text(s.breadcrumb),
            "tags": .text(s.tags), "search": .text(s.search), "search_placeholder": .text(s.searchPlaceholder),
            "search_none": .text(s.searchNone), "search_count": .text(s.searchCount), "read_original": .text(s.readOriginal),
        ])
    }

    func rootContext() -> [String: Any] {
        let d = config.defaultLanguage
        return [
            "lang": d,
            "site_title": config.title.text(d),
            "default_url": prettyURLs ? "\(d)/" : "\(d)/index.html",
            "languages": config.languages.map {
                let url = prettyURLs ? "\($0)/" : "\($0)/index.html"
                return [
                    "code": $0, "name": config.uiStrings($0).languageName, "title": config.title.text($0, fallback: d), "url": url,
                    // hreflang alternates are full URLs when the site knows its own.
                    "alternate_url": config.baseURL.map { RelativeURL.absolute(url, base: $0) } ?? url,
                ]
            },
            "languages_json": "[" + config.languages.map { "\"\($0)\"" }.joined(separator: ",") + "]",
            "pretty": prettyURLs,
            // The chooser itself is the page for readers of no listed language (`index.html` without a base URL, as
            // the language home pages name it: `./` is a folder under file://).
            "x_default": config.baseURL ?? "index.html",
        ]
    }

    /// `nav`: the default language's navigation, which the caller has already built.
    func notFoundContext(nav: Navigation) -> [String: Any] {
        // 404.html is served from any depth, so its links are absolute: under the base URL, or from the
        // host's root without one (as Hugo's are). A file:// reader never meets a 404 page.
        guard config.baseURL != nil else {
            var rooted = site
            rooted.config.baseURL = "/"
            return SiteRenderer(site: rooted, index: index, theme: theme, assetBytes: [:]).notFoundContext(nav: nav)
        }
        let d = config.defaultLanguage
        let absolute = config.baseURL != nil
        var context = common(
            language: d, outputPath: "404.html", key: nil, nav: nav, title: config.uiStrings(d).notFoundTitle, absolute: absolute
        ).any
        context["nav"] = navContext(nav, language: d, outputPath: "404.html", link: linker(from: "404.html", absolute: absolute))
        // Served in place of any missing URL: no page of its own to name as canonical or as a translation, and
        // not one for search engines to index.
        for key in ["canonical", "alternates", "x_default"] { context[key] = nil }
        context["noindex"] = true
        if let base = config.baseURL {
            context["root"] = base
            context["home_url"] = base + "\(d)/"
            // One 404 page serves every language (a server has one): it says so in each, with the way home.
            context["other_languages"] = config.languages.filter { $0 != d }.map { language -> [String: Any] in
                let strings = config.uiStrings(language)
                return [
                    "lang": language, "title": strings.notFoundTitle, "home": strings.home,
                    "home_url": base + "\(language)/",
                ]
            }
        }
        return context
    }
}

/// Section and page titles per language, computed once per language (never per page).
struct Navigation: Sendable {
    struct Item: Sendable {
        var title: String
        var path: String
        /// The title's language when it is not the reader's (a page shown from its original).
        var lang: String?
    }
    struct Section: Sendable {
        var name: String
        var title: String
        /// The title's language when it is not the reader's.
        var titleLang: String?
        var summary: String?
        var pages: [Item]
        /// Index of each page by output path.
        var position: [String: Int] = [:]
    }
    let sections: [Section]
    /// Pages in all sections.
    let pageCount: Int
    let language: String

    /// `descriptions`: each section's landing-page text by section name, for a landing page without a summary.
    init(index: SiteIndex, language: String, descriptions: [String: String] = [:]) {
        self.language = language
        let d = index.config.defaultLanguage
        sections = index.sections.map { section in
            let indexSource = section.index.flatMap { $0.sources[language] ?? $0.sources[d] }
            let title = indexSource?.frontMatter.title ?? section.name.replacingOccurrences(of: "-", with: " ").capitalized
            let pages = index.inReadingOrder(section.pages, language: language).map { entry in
                let source = entry.source(language, fallback: d)
                return Item(
                    title: source.frontMatter.title, path: index.outputPath(key: entry.key, language: language),
                    lang: source.language == language ? nil : source.language)
            }
            let titleLang = indexSource.flatMap { $0.language == language ? nil : $0.language }
            return Section(
                name: section.name, title: title, titleLang: titleLang,
                summary: indexSource?.frontMatter.summary ?? descriptions[section.name], pages: pages,
                position: Dictionary(pages.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a }))
        }
        pageCount = sections.reduce(0) { $0 + $1.pages.count }
    }
}
