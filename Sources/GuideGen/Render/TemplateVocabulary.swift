/// The names guidegen's template contexts hold, for telling a misspelt `{{page.titel}}` (which Mustache
/// renders as nothing, on every page, without a word) from a name the theme may use.
///
/// Hugo stops at an unknown field; a Mustache theme cannot know its context, so `lint` warns at the tag
/// with the nearest known name. The names are those the built-in theme uses and those the renderer puts
/// in contexts besides (a test keeps the list in step with the renderer's source).
enum TemplateVocabulary {
    /// Names set in contexts that the built-in templates do not happen to use.
    static let extras: Set<String> = [
        "changed", "count", "current", "has_pages", "id", "index_url", "is_faq", "kind", "language", "level", "more", "name", "sitemap_url",
        "text", "url",
    ]

    /// Every name a context may hold: the built-in templates' names and `extras`.
    static let names: Set<String> = {
        var names = extras
        for file in BuiltinTheme.files where file.path.hasSuffix(".mustache") {
            for name in tagNames(in: file.text) { names.formUnion(name.split(separator: ".").map(String.init)) }
        }
        return names
    }()

    /// Variable and section names of `text`'s tags (`page.title`, `#pages`); none when the template changes
    /// its delimiters (its tags cannot be read this way).
    static func tagNames(in text: String) -> [String] {
        var out: [String] = []
        var delimiters = false
        TemplateListAnalysis.forEachTag(in: text) { tag, _ in
            if tag.first == "=" {
                delimiters = true
                return false
            }
            if let name = name(ofTag: tag) { out.append(name) }
            return true
        }
        return delimiters ? [] : out
    }

    /// The name a tag's inside (`#page.title`, `{sidebar}`) looks up; nil for partials, comments,
    /// inheritance blocks, pragmas, transforms (`uppercased(x)`) and `.`.
    static func name(ofTag tag: String) -> String? {
        var name = Substring(tag)
        if let first = name.first, "#^/&{".contains(first) { name = name.dropFirst() }
        if name.last == "}" { name = name.dropLast() }
        name = name.drop { $0 == " " }
        while name.last == " " { name.removeLast() }
        guard let first = name.first, first != "!", first != ">", first != "$", first != "<", first != "%", name != ".",
            !name.contains("(")
        else { return nil }
        return String(name)
    }

    /// The unknown parts of each tag of `text`: the tag's name, the part, and where the tag opens.
    static func unknownNames(in text: String) -> [(tag: String, part: String, line: Int, column: Int)] {
        var out: [(tag: String, part: String, line: Int, column: Int)] = []
        var delimiters = false
        TemplateListAnalysis.forEachTag(in: text) { tag, range in
            if tag.first == "=" {
                delimiters = true
                return false
            }
            // A section's closing tag repeats its opening one, which is reported.
            guard tag.first != "/", let name = name(ofTag: tag) else { return true }
            // The part after a leading `.` (`{{.title}}`) is looked up in the current item too.
            for part in name.split(separator: ".") where !names.contains(String(part)) {
                let (line, column) = Theme.position(of: range.lowerBound, in: text)
                out.append((name, String(part), line, column))
                break
            }
            return true
        }
        return delimiters ? [] : out
    }
}
