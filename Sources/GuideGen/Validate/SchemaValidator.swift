/// Checks a page's front matter against `FrontMatterSchema`, at each key's own line and column.
public enum SchemaValidator {
    /// Validates YAML text that starts at `firstLine` of `file`.
    /// A landing page (`_index`) may leave out `type`: it lists its section and is an article otherwise.
    public static func validate(yaml: String, file: String, firstLine: Int, config: SiteConfig, landingPage: Bool = false) -> (
        FrontMatter, [Diagnostic]
    ) {
        var front = FrontMatter()
        let (composed, yamlDiagnostics) = YAMLReader(allowAliases: false).compose(yaml, file: file, firstLine: firstLine)
        if !yamlDiagnostics.isEmpty { return (front, yamlDiagnostics) }
        var fields = YAMLFields(file: file, firstLine: firstLine, text: yaml)
        guard let node = composed else {
            fields.diagnostics.append(
                Diagnostic(
                    .error, .missingKey, at: SourceLocation(file: file, line: max(1, firstLine - 1), column: 1), "front matter is empty",
                    help: "add at least `title:` and `type:`"))
            return (front, fields.diagnostics)
        }
        guard let pairs = fields.pairs(node, what: "front matter") else { return (front, fields.diagnostics) }
        let known = FrontMatterSchema.fields.map(\.key)
        let platformKeys = config.platforms.map(\.key)
        // Required keys an unknown key was taken for (`titel`): one typo is one error, not also "no `title`".
        var misspelt = Set<String>()
        for (key, keyNode, value) in pairs {
            front.keyLines[key] = keyNode.mark.line + firstLine - 1
            guard let field = FrontMatterSchema.fields.first(where: { $0.key == key }) else {
                if let meant = Suggestion.closest(to: key, in: known) { misspelt.insert(meant) }
                fields.error(
                    .unknownKey, keyNode, "`\(key)`: unknown key",
                    help: FrontMatterSchema.migratedKeys[key] ?? Suggestion.help(for: key, in: known, noun: "keys"))
                continue
            }
            switch field.type {
            case .string:
                // A hash may be all digits; a title or summary that YAML reads as a number was meant as text.
                let s: String?
                if key == "translation_of", case .scalar(let scalar) = value, scalar.isPlain,
                    ["true", "false", "yes", "no", "on", "off"].contains(scalar.string.lowercased())
                {
                    // A hash may be all digits, but never a yes or no (which JSON Schema editors refuse too).
                    fields.error(
                        .wrongType, value, "`translation_of` must be the original's hash, not `\(scalar.string)`",
                        help: "run `guidegen translations --mark <this file>` to record it")
                    s = nil
                } else {
                    s = key == "translation_of" ? fields.string(value, key: key) : fields.text(value, key: key)
                }
                if key == "title" { front.title = s ?? "" }
                if key == "summary" { front.summary = s }
                if key == "title" || key == "summary", case .scalar(let scalar) = value {
                    front.textStarts[key] = fields.textStart(scalar, in: yaml)
                }
                if key == "translation_of" { front.translationOf = s }
            case .kind:
                guard let s = fields.string(value, key: key) else { continue }
                if let kind = PageKind(rawValue: s) {
                    front.kind = kind
                } else {
                    fields.error(
                        .wrongType, value, "`type`: `\(s)` is not a page type",
                        help: Suggestion.closest(to: s, in: PageKind.allCases.map(\.rawValue)).map {
                            "did you mean `\($0)`? (types: `policy`, `flow`, `faq`, `article`)"
                        } ?? "use one of `policy`, `flow`, `faq`, `article`")
                }
            case .integer: front.order = fields.integer(value, key: key)
            case .boolean: front.draft = fields.boolean(value, key: key) ?? false
            case .date: front.reviewed = fields.date(value, key: key)
            case .stringList:
                // Tags are text, as `title` is: `tags: [2024]` is a number to YAML and must be quoted.
                let items = fields.stringList(value, key: key, single: false, text: key == "tags") ?? []
                if key == "rules" {
                    front.rules = items.map(\.0)
                    front.ruleLocations = items.map { fields.location($0.1) }
                } else {
                    // A tag is its URL (`Refunds` and `refunds` are one tag, as in Hugo): a repeat is shown once.
                    var slugs = Set<String>()
                    for (tag, node) in items {
                        let slug = HeadingSlug.make(tag)
                        if slug.isEmpty {
                            fields.warning(
                                .wrongType, node, "the tag `\(tag)` has no letter or digit to name its page by; it is left out",
                                help: "write the tag as a word")
                        } else if slugs.insert(slug).inserted {
                            front.tags.append(tag)
                        } else {
                            fields.warning(.wrongType, node, "the tag `\(tag)` repeats an earlier one; it is shown once", help: "remove it")
                        }
                    }
                }
            case .platformList:
                for (platform, itemNode) in fields.stringList(value, key: key, single: false) ?? [] {
                    if platformKeys.contains(platform) {
                        front.platforms.append(platform)
                    } else {
                        fields.error(
                            .unknownPlatform, itemNode, "`\(platform)` is not a platform in guidegen.yaml",
                            help: Suggestion.help(for: platform, in: platformKeys, noun: "platforms"))
                    }
                }
            case .sourceList:
                front.sources = sources(value, fields: &fields, languages: config.languages)
            }
        }
        for field in FrontMatterSchema.fields where field.required && front.keyLines[field.key] == nil {
            if landingPage && field.key == "type" || misspelt.contains(field.key) { continue }
            fields.diagnostics.append(
                Diagnostic(
                    .error, .missingKey, at: SourceLocation(file: file, line: max(1, firstLine - 1), column: 1),
                    "front matter has no `\(field.key)`",
                    help: field.key == "type" ? "add `type: policy` (or flow, faq, article)" : "add `\(field.key): …`"))
        }
        return (front, fields.diagnostics)
    }

    /// Reads `sources:` as a list of `{title, url}`; a title may be a map of language to text.
    /// A title's language not among `languages` is shown to no reader: a warning with the nearest one (`EN`).
    static func sources(_ node: YAMLNode, fields: inout YAMLFields, languages: [String]) -> [Source] {
        guard case .sequence(let seq, _) = node else {
            fields.error(.wrongType, node, "`sources` must be a list of `{title, url}`, not \(node.kindName)")
            return []
        }
        var out: [Source] = []
        for item in seq {
            guard let pairs = fields.pairs(item, what: "a source") else { continue }
            var title: String?
            var titles: [String: String] = [:]
            var url: String?
            for (key, keyNode, value) in pairs {
                switch key {
                case "title":
                    // A rule table serves every language: its sources' titles may be written per language.
                    if case .mapping = value, let languagePairs = fields.pairs(value, what: "a source `title`") {
                        for (language, languageNode, text) in languagePairs {
                            if !languages.contains(language) {
                                fields.warning(
                                    .wrongType, languageNode,
                                    "a source `title` in `\(language)`, which is not a configured language; no reader sees it",
                                    help: PageValidator.sameLanguage(language, in: languages).map { "did you mean `\($0)`?" }
                                        ?? Suggestion.help(for: language, in: languages, noun: "languages"))
                            }
                            guard let text = fields.text(text, key: "title") else { continue }
                            titles[language] = text
                            if title == nil { title = text }
                        }
                        // `{}` would drop the source from the page without a word.
                        if languagePairs.isEmpty {
                            fields.error(.wrongType, value, "a source `title` with no text", help: "write the title, e.g. `title: 淘宝规则`")
                        }
                    } else {
                        title = fields.text(value, key: "title")
                    }
                case "url":
                    url = fields.string(value, key: "url")
                    if let u = url, !(u.hasPrefix("https://") || u.hasPrefix("http://")) {
                        fields.error(.wrongType, value, "source `url` must start with http:// or https://")
                        url = nil
                    }
                default:
                    fields.error(
                        .unknownKey, keyNode, "`\(key)`: unknown key in a source",
                        help: Suggestion.help(for: key, in: ["title", "url"], noun: "keys"))
                }
            }
            if title == nil || url == nil {
                if !pairs.contains(where: { $0.key == "title" }) { fields.error(.missingKey, item, "a source needs a `title`") }
                if !pairs.contains(where: { $0.key == "url" }) { fields.error(.missingKey, item, "a source needs a `url`") }
            }
            if let title, let url { out.append(Source(title: title, url: url, titles: titles)) }
        }
        return out
    }
}
