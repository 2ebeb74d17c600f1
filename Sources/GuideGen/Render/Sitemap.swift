/// `sitemap.xml` with `hreflang` alternates for every page in each language it is written in.
enum Sitemap {
    static func xml(index: SiteIndex, config: SiteConfig) -> [UInt8] {
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
        // One byte buffer, each page's URL made once per language: a sitemap of 10,000 pages is 3 MB, and
        // string appends of interpolations (and each alternate's URL made again) cost 17 K instructions a page.
        var out: [UInt8] = []
        out.reserveCapacity(paths.count * config.languages.count * (80 + 90 * (config.languages.count + 1)) + 256)
        put(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
            &out)
        var urls: [String] = []
        for item in paths {
            // A page's copies shown for missing translations are not listed: they repeat their original.
            let languages = item.languages ?? index.writtenLanguages(key: item.key) ?? config.languages
            let original = languages.contains(config.defaultLanguage) ? config.defaultLanguage : languages.first ?? config.defaultLanguage
            urls.removeAll(keepingCapacity: true)
            for language in languages { urls.append(url(item.path(language))) }
            // The home pages' x-default is the root's language chooser, as the pages themselves say.
            let isHome = item.key == nil && item.path(original) == "\(original)/index.html"
            let originalURL =
                isHome
                ? (base.isEmpty ? "./" : url("index.html"))
                : languages.firstIndex(of: original).map { urls[$0] } ?? url(item.path(original))
            let entry = item.key.flatMap { index.entries[$0] }
            for (position, language) in languages.enumerated() {
                put("  <url>\n    <loc>", &out)
                put(urls[position], &out)
                put("</loc>\n", &out)
                if let entry, let source = entry.sources[language] ?? entry.sources[config.defaultLanguage],
                    let reviewed = source.frontMatter.reviewed
                {
                    put("    <lastmod>", &out)
                    put(reviewed, &out)
                    put("</lastmod>\n", &out)
                }
                for (altPosition, alt) in languages.enumerated() {
                    put("    <xhtml:link rel=\"alternate\" hreflang=\"", &out)
                    put(alt, &out)
                    put("\" href=\"", &out)
                    put(urls[altPosition], &out)
                    put("\"/>\n", &out)
                }
                put("    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"", &out)
                put(originalURL, &out)
                put("\"/>\n  </url>\n", &out)
            }
        }
        put("</urlset>\n", &out)
        return out
    }

    @inline(__always)
    private static func put(_ part: String, _ out: inout [UInt8]) {
        UTF8Scan.withBytes(part) { out.append(contentsOf: $0) }
    }
}
