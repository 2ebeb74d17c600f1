/// `sitemap.xml` with `hreflang` alternates for every page in each language it is written in.
enum Sitemap {
    static func xml(index: SiteIndex, config: SiteConfig) -> String {
        let base = config.baseURL ?? ""
        func url(_ path: String) -> String { HTML.escape(RelativeURL.absolute(path, base: base)) }
        // `languages`: those a generated page exists in, when not every language (a tag's pages).
        var paths: [(key: String?, path: (String) -> String, languages: [String]?)] = []
        paths.append((nil, { "\($0)/index.html" }, nil))
        for entry in index.rootPages { paths.append((entry.key, { index.outputPath(key: entry.key, language: $0) }, nil)) }
        for section in index.sections {
            paths.append((nil, { index.sectionPath(section.name, language: $0) }, nil))
            for entry in section.pages { paths.append((entry.key, { index.outputPath(key: entry.key, language: $0) }, nil)) }
        }
        if !index.platformPages.isEmpty {
            paths.append((nil, { index.platformsPath(language: $0) }, nil))
            for group in index.platformPages { paths.append((nil, { index.platformPath(group.key, language: $0) }, nil)) }
        }
        if !index.tagPages.isEmpty {
            paths.append((nil, { index.tagsPath(language: $0) }, index.tagLanguages(nil)))
            // Each tag once, with the languages that share its slug as alternates.
            var listed: Set<String> = []
            for language in config.languages {
                for tag in index.tagPages[language] ?? [] where listed.insert(tag.slug).inserted {
                    paths.append((nil, { index.tagPath(tag.slug, language: $0) }, index.tagLanguages(tag.slug)))
                }
            }
        }
        var out =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        for item in paths {
            // A page's copies shown for missing translations are not listed: they repeat their original.
            let languages = item.languages ?? index.writtenLanguages(key: item.key) ?? config.languages
            let original = languages.contains(config.defaultLanguage) ? config.defaultLanguage : languages.first ?? config.defaultLanguage
            for language in languages {
                out += "  <url>\n    <loc>\(url(item.path(language)))</loc>\n"
                if let key = item.key,
                    let source = index.entries[key]?.sources[language] ?? index.entries[key]?.sources[config.defaultLanguage],
                    let reviewed = source.frontMatter.reviewed
                {
                    out += "    <lastmod>\(reviewed)</lastmod>\n"
                }
                for alt in languages {
                    out += "    <xhtml:link rel=\"alternate\" hreflang=\"\(alt)\" href=\"\(url(item.path(alt)))\"/>\n"
                }
                out += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(url(item.path(original)))\"/>\n  </url>\n"
            }
        }
        return out + "</urlset>\n"
    }
}
