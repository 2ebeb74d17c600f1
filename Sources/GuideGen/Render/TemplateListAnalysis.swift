/// Which lists of a template's context may be rendered item by item from probes (see
/// `TemplateSkeletons`), read from the template's text with its partials written in.
///
/// A list qualifies when at most one section of the expanded template may mean it (`{{#toc}}` or
/// `{{#page.toc}}` for `page.toc`, not `{{#strings.toc}}`), nothing prints it or reaches through it
/// (`{{toc}}`, `{{toc.x}}`), and that section's body names no other candidate list of the context: then
/// its items render one after another in one place, and no other list's items render inside them (the
/// probes check the rest). An inverted section (`{{^list}}`) depends only on the
/// list being empty, which the context shape keeps. Inheritance (`{{<parent}}`, `{{$block}}`) or partials
/// nested deeper than `maxDepth` qualify nothing.
enum TemplateListAnalysis {
    static let maxDepth = 8

    /// Calls `body` with each `{{…}}` tag of `text` (its inside without surrounding spaces, and the range of
    /// the whole tag) until `body` returns false: the one tag scan the theme's checks share.
    static func forEachTag(in text: String, _ body: (_ tag: String, _ range: Range<String.Index>) -> Bool) {
        // Bytes, not `range(of:)`: Foundation's search bridges to NSString and counts UTF-16 each call,
        // which made this scan of a theme's templates cost more than rendering a page.
        let utf8 = text.utf8
        var i = utf8.startIndex
        func brace(at index: String.Index) -> Bool {
            utf8[index] == 0x7B && utf8.index(after: index) < utf8.endIndex && utf8[utf8.index(after: index)] == 0x7B
        }
        func closing(at index: String.Index) -> Bool {
            utf8[index] == 0x7D && utf8.index(after: index) < utf8.endIndex && utf8[utf8.index(after: index)] == 0x7D
        }
        while i < utf8.endIndex {
            guard brace(at: i) else {
                i = utf8.index(after: i)
                continue
            }
            let inside = utf8.index(i, offsetBy: 2)
            var j = inside
            while j < utf8.endIndex, !closing(at: j) { j = utf8.index(after: j) }
            guard j < utf8.endIndex else { return }
            let end = utf8.index(j, offsetBy: 2)
            guard body(text[inside..<j].trimmingCharacters(in: .whitespaces), i..<end) else { return }
            i = end
        }
    }

    /// A name as a tag writes it, for matching against a list's place: its last part and the part before
    /// it (nil for a plain name, or one starting with `.`, which may find any map holding the key).
    struct Name: Hashable, Sendable {
        var parent: String?
        var key: String

        /// Whether the tag may mean the list under `key` in the map that is itself under `parent` ("" for
        /// the context's top): a dotted name finds its last part in the map under the part before it.
        func mayMean(parent listParent: String, key listKey: String) -> Bool {
            key == listKey && (parent == nil || parent == listParent)
        }
    }

    /// What a template's text says about each name, with its partials written in; names are filed by
    /// key, as a page's lists are looked up.
    struct Rules: Sendable {
        /// Each section (`{{#name}}`) opened.
        var sections: [String: [Name]] = [:]
        /// Names printed (`{{name}}`, `{{{name}}}`, `{{&name}}`).
        var printed: [String: [Name]] = [:]
        /// Sections whose current item is printed (`{{.}}` directly inside them).
        var printedViaDot: [String: [Name]] = [:]
        /// Parts a dotted name reaches through (all but its last).
        var reachedThrough = Set<String>()
        /// Every name part used inside each section (inverted ones too).
        var inner: [String: [(name: Name, parts: Set<String>)]] = [:]
        var qualifiesNothing = false

        /// Rules under which no list qualifies.
        static let nothing = Rules(qualifiesNothing: true)

        /// Whether the list under `key` in the map under `parent` may render item by item: at most one
        /// section may mean it, and nothing prints it or reaches through it.
        func isCandidate(parent: String, key: String) -> Bool {
            guard !qualifiesNothing, !reachedThrough.contains(key) else { return false }
            if let names = printed[key], names.contains(where: { $0.mayMean(parent: parent, key: key) }) { return false }
            guard let names = sections[key] else { return true }
            return names.lazy.filter { $0.mayMean(parent: parent, key: key) }.count <= 1
        }

        /// Whether the template may print the map or list under `key` in the map under `parent` (a list of
        /// maps or a map when `holdsMaps`): swift-mustache prints it as Swift describes it (a dictionary in no
        /// fixed order, strings quoted), which no skeleton can fill in.
        func mayPrint(parent: String, key: String, holdsMaps: Bool) -> Bool {
            // Most themes print no container whole: no key to hash for every list of every page.
            if printed.isEmpty && (!holdsMaps || printedViaDot.isEmpty) { return false }
            if let names = printed[key], names.contains(where: { $0.mayMean(parent: parent, key: key) }) { return true }
            guard holdsMaps, let names = printedViaDot[key] else { return false }
            return names.contains { $0.mayMean(parent: parent, key: key) }
        }

        /// Whether that list's section names none of `others` (the keys of the context's other candidate
        /// lists), so no other list's items render inside its items.
        func allows(parent: String, key: String, besides others: Set<String>) -> Bool {
            guard let sections = inner[key] else { return true }
            return sections.allSatisfy { name, parts in
                !name.mayMean(parent: parent, key: key) || others.allSatisfy { $0 == key || !parts.contains($0) }
            }
        }
    }

    /// The rules of each template, by template name.
    static func rules(templates: [String: String]) -> [String: Rules] {
        var result: [String: Rules] = [:]
        for name in templates.keys {
            result[name] = expand(name, templates: templates, depth: 0).map(rules(in:)) ?? .nothing
        }
        return result
    }
    /// The template's text with each `{{> partial}}` replaced by the partial's expanded text; nil past
    /// `maxDepth` or when the template uses inheritance.
    static func expand(_ name: String, templates: [String: String], depth: Int) -> String? {
        guard depth <= maxDepth else { return nil }
        // A missing partial renders as nothing.
        guard let text = templates[name] else { return depth == 0 ? nil : "" }
        var out = ""
        var copied = text.startIndex
        var refused = false
        forEachTag(in: text) { tag, range in
            if tag.hasPrefix("<") || tag.hasPrefix("$") {
                refused = true
                return false
            }
            guard tag.hasPrefix(">") else { return true }
            let partial = tag.dropFirst().trimmingCharacters(in: .whitespaces)
            guard let inner = expand(partial, templates: templates, depth: depth + 1) else {
                refused = true
                return false
            }
            out += text[copied..<range.lowerBound]
            out += inner
            copied = range.upperBound
            return true
        }
        if refused { return nil }
        out += text[copied...]
        return out
    }

    /// The rules of an expanded template.
    static func rules(in text: String) -> Rules {
        var rules = Rules()
        var open: [(name: Name, parts: Set<String>)] = []
        forEachTag(in: text) { found, _ in
            var tag = found
            guard let sigil = tag.first, sigil != "!", sigil != "%" else { return true }
            var kind: Character = " "
            if "#^/&{".contains(sigil) {
                kind = sigil
                tag = tag.dropFirst().trimmingCharacters(in: .whitespaces)
            }
            let parts = tag.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard let last = parts.last else { return true }
            let parent = parts.count >= 2 && !parts[parts.count - 2].isEmpty ? parts[parts.count - 2] : nil
            let name = Name(parent: parent, key: last)
            for part in parts.dropLast() { rules.reachedThrough.insert(part) }
            for index in open.indices { open[index].parts.formUnion(parts) }
            switch kind {
            case "#":
                rules.sections[name.key, default: []].append(name)
                open.append((name, []))
            case "^":
                open.append((name, []))
            case "/":
                if let index = open.lastIndex(where: { $0.name.key == last }) {
                    for closed in open[index...] { rules.inner[closed.name.key, default: []].append((closed.name, closed.parts)) }
                    open.removeSubrange(index...)
                }
            default:
                if tag == "." {
                    if let section = open.last?.name { rules.printedViaDot[section.key, default: []].append(section) }
                } else {
                    rules.printed[name.key, default: []].append(name)
                }
            }
            return true
        }
        // A section left open (the parser refuses it, but the rules must not depend on that) covers the rest.
        for unclosed in open { rules.inner[unclosed.name.key, default: []].append((unclosed.name, unclosed.parts)) }
        return rules
    }
}
