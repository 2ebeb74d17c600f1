import Foundation

/// Turns `guidegen.yaml` into a `SiteConfig`, reporting every problem at its line.
public enum ConfigValidator {
    /// Why `url` cannot be the site's base URL (nil when it can): it must be an absolute http(s) URL with a
    /// host, and every canonical, hreflang and sitemap URL starts with it, so it may not hold white space,
    /// quotes or angle brackets. Checked for `base_url` in guidegen.yaml and for `--base-url` alike.
    public static func baseURLProblem(_ url: String) -> String? {
        let lowered = url.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lowered.hasPrefix($0) }) else {
            return "must be an absolute http(s) URL"
        }
        let rest = url.utf8.dropFirst(scheme.utf8.count)
        guard let host = rest.split(separator: 0x2F, maxSplits: 1, omittingEmptySubsequences: false).first, !host.isEmpty else {
            return "has no host name after `\(scheme)`"
        }
        if url.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F || $0 == 0x22 || $0 == 0x27 || $0 == 0x3C || $0 == 0x3E }) {
            return "may not hold spaces, quotes or angle brackets (percent-encode them: a space is `%20`)"
        }
        // Page paths are appended to it: `…/?v=1` + `en/` would put them in the query.
        if url.utf8.contains(where: { $0 == 0x3F || $0 == 0x23 }) {
            return "may not have a query or fragment (`?…`, `#…`): page paths are added after it"
        }
        let authority = Array(host)
        if authority.contains(0x40) { return "may not hold a user name or password (`user@`)" }
        if !authority.allSatisfy({ $0 < 0x80 }) {
            return "has a host name that is not ASCII: write it in its punycode form (`xn--…`), as browsers send it"
        }
        // A port after the host (not inside an IPv6 `[…]`): digits, 1 to 65535.
        if let colon = authority.lastIndex(of: 0x3A), !authority[colon...].contains(0x5D) {
            let digits = authority[(colon + 1)...]
            guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                let port = Int(String(decoding: digits, as: UTF8.self)), (1...65535).contains(port)
            else { return "has a port that is not a number from 1 to 65535" }
        }
        return nil
    }

    /// The base URL as pages use it: scheme and host in lower case (`HTTPS://Example.org` is the same site, and
    /// canonical URLs are compared as written), a run of `/` in the path as one, ending in `/`, with non-ASCII
    /// path characters percent-encoded (canonical, hreflang and sitemap URLs must be plain ASCII). Assumes
    /// `baseURLProblem(url) == nil`.
    public static func normalizedBaseURL(_ url: String) -> String {
        var bytes = Array(url.utf8)
        if let schemeEnd = bytes.withUnsafeBufferPointer({ ByteSearch.firstIndex(of: Array("://".utf8), in: $0) }) {
            let hostEnd = bytes[(schemeEnd + 3)...].firstIndex(of: 0x2F) ?? bytes.count
            for i in 0..<hostEnd { bytes[i] = UTF8Scan.lowercased(bytes[i]) }
            var path: [UInt8] = []
            for b in bytes[hostEnd...] where !(b == 0x2F && path.last == 0x2F) { path.append(b) }
            bytes = Array(bytes[..<hostEnd]) + path
        }
        let written = String(decoding: bytes, as: UTF8.self)
        let slashed = written.hasSuffix("/") ? written : written + "/"
        return slashed.addingPercentEncoding(withAllowedCharacters: asciiCharacters) ?? slashed
    }

    /// Every ASCII character: what `normalizedBaseURL` leaves as written (`%20` stays `%20`).
    static let asciiCharacters = CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(0x7F))

    static let knownKeys = ["title", "languages", "base_url", "platforms", "unsafe_html", "search", "strings"]

    /// Validates the configuration file; a missing file yields an error and a usable default.
    public static func validate(_ source: SourceText?) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig(title: Localized(["en": "Guide"]), languages: ["en"])
        config.languagesGiven = false
        guard let source else {
            return (
                config,
                [
                    Diagnostic(
                        .error, .config, at: SourceLocation(file: "guidegen.yaml", line: 1, column: 1), "guidegen.yaml is missing",
                        help: "create it in the content folder with `title:` and `languages:`, e.g. `languages: [zh-Hans, en]`")
                ]
            )
        }
        let (node, yamlDiagnostics) = YAMLReader(allowAliases: false).compose(source.text, file: source.path)
        guard let node else {
            return (
                config,
                yamlDiagnostics.isEmpty
                    ? [Diagnostic(.error, .config, at: SourceLocation(file: source.path, line: 1, column: 1), "guidegen.yaml is empty")]
                    : yamlDiagnostics
            )
        }
        var fields = YAMLFields(file: source.path, text: source.text)
        guard let pairs = fields.pairs(node, what: "guidegen.yaml") else { return (config, fields.diagnostics) }
        let byKey = Dictionary(pairs.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var wordless: [(tag: String, node: YAMLNode)] = []  // languages without built-in interface words
        if let languages = byKey["languages"] {
            if let list = fields.stringList(languages.value, key: "languages") {
                var seen = Set<String>()
                var tags: [String] = []
                for (tag, tagNode) in list {
                    if !isLanguageTag(tag) {
                        fields.error(
                            .config, tagNode, "`\(tag)` is not a BCP 47 language tag", help: "use tags such as `zh-Hans`, `en`, `zh-Hant`")
                    } else if !seen.insert(tag.lowercased()).inserted {
                        // Language tags ignore case (BCP 47): `en` and `EN` are one language, and as two output
                        // folders they would collide on macOS and Windows.
                        let first = tags.first { $0.lowercased() == tag.lowercased() } ?? tag
                        let message =
                            first == tag
                            ? "`\(tag)` is listed twice in `languages:`"
                            : "`\(tag)` is `\(first)` again: language tags ignore case"
                        fields.diagnostics.append(
                            Diagnostic(
                                .warning, .config, at: fields.location(tagNode), message,
                                help: "keep its first place (the first language is the default one)"))
                    } else {
                        tags.append(tag)
                        if !UIStrings.hasBuiltInStrings(tag) { wordless.append((tag, tagNode)) }
                    }
                }
                if !tags.isEmpty {
                    config.languages = tags
                    config.languagesGiven = true
                } else if list.isEmpty {
                    // Every page and text is in some language, and the first one listed is the default.
                    fields.error(
                        .config, languages.value, "`languages:` is empty",
                        help: "list the site's languages, the default first: `languages: [zh-Hans, en]`")
                }
            }
        } else {
            fields.error(.missingKey, node, "guidegen.yaml has no `languages:` list", help: "add e.g. `languages: [zh-Hans, en]`")
        }
        for (key, keyNode, value) in pairs {
            switch key {
            case "languages": break
            // Texts per language cannot be checked without the languages: they would all be "not configured".
            case "title" where !config.languagesGiven, "platforms" where !config.languagesGiven: break
            case "title":
                if let title = fields.localized(value, key: "title", languages: config.languages) { config.title = title }
            case "base_url":
                if let url = fields.string(value, key: "base_url") {
                    if let problem = Self.baseURLProblem(url) {
                        fields.error(.config, value, "`base_url` \(problem)", help: "write e.g. `base_url: https://example.org/guide/`")
                    } else {
                        config.baseURL = Self.normalizedBaseURL(url)
                    }
                }
            case "unsafe_html":
                if let flag = fields.boolean(value, key: "unsafe_html") { config.unsafeHTML = flag }
            case "search":
                if let flag = fields.boolean(value, key: "search") { config.search = flag }
            case "strings" where !config.languagesGiven: break
            case "strings":
                config.strings = Self.strings(value, languages: config.languages, fields: &fields)
            case "platforms":
                guard let platformPairs = fields.pairs(value, what: "`platforms`") else { continue }
                config.platforms = platformPairs.compactMap { p in
                    fields.localized(p.value, key: "platforms.\(p.key)", languages: config.languages).map {
                        SiteConfig.Platform(key: p.key, name: $0)
                    }
                }
            default:
                fields.error(
                    .unknownKey, keyNode, "`\(key)`: unknown key in guidegen.yaml",
                    help: Suggestion.help(for: key, in: knownKeys, noun: "keys"))
            }
        }
        if byKey["title"] == nil {
            fields.error(.missingKey, node, "guidegen.yaml has no `title:`", help: "add a title per language")
        }
        for (tag, tagNode) in wordless where config.strings[tag] == nil {
            fields.diagnostics.append(
                Diagnostic(
                    .warning, .config, at: fields.location(tagNode),
                    "the theme has no built-in interface text in `\(tag)`; menus, notices and labels are in English",
                    help: "write them under `strings: {\(tag): {home: …, menu: …}}` (built in: en, zh-Hans, zh-Hant)"))
        }
        return (config, fields.diagnostics)
    }

    /// `strings:`: per listed language, interface words by the theme's names (`home: ホーム`).
    static func strings(_ node: YAMLNode, languages: [String], fields: inout YAMLFields) -> [String: [String: String]] {
        var out: [String: [String: String]] = [:]
        let keys = UIStrings.overridableKeys.sorted()
        for (language, languageNode, words) in fields.pairs(node, what: "`strings`") ?? [] {
            guard languages.contains(language) else {
                fields.error(
                    .config, languageNode, "`strings.\(language)`: `\(language)` is not one of `languages:`",
                    help: Suggestion.help(for: language, in: languages, noun: "languages"))
                continue
            }
            var texts: [String: String] = [:]
            for (key, keyNode, text) in fields.pairs(words, what: "`strings.\(language)`") ?? [] {
                guard keys.contains(key) else {
                    fields.error(
                        .unknownKey, keyNode, "`strings.\(language).\(key)`: the theme has no such words",
                        help: Suggestion.closest(to: key, in: keys).map { "did you mean `\($0)`?" }
                            ?? "the keys are the theme's `strings.*` names, e.g. `home`, `menu`, `on_this_page`")
                    continue
                }
                if let string = fields.string(text, key: "strings.\(language).\(key)") { texts[key] = string }
            }
            out[language] = texts
        }
        return out
    }

    /// A conservative BCP 47 check: letters, digits and hyphens, starting with a 2–3 letter language.
    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
