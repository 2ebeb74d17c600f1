import Foundation

/// The Markdown hooks for one page in one language: rule references, links, flows and alerts.
///
/// Used by one thread at a time (one page), so it collects what it sees in plain properties.
final class PageHooks: MarkdownHooks, @unchecked Sendable {
    let page: PageSource
    let index: SiteIndex
    let rules: RuleBook
    let strings: UIStrings
    let interfaceLanguage: String
    let outputPath: String
    /// `RelativeURL.folderDepth(outputPath)`, counted once for the page's links.
    let outputDepth: Int
    let prettyURLs: Bool
    let assets: Set<String>
    /// Every reference the page makes, in order, with where it was written.
    private(set) var references: [(RuleReference, SourceLocation)] = []
    /// References that resolved to nothing (reported where they stand): the translation checks do not
    /// hold the page's references against its translations', or one typo is three errors.
    private(set) var unresolvedReferences = 0
    /// Structure signatures of the page's flows, in order, with their positions.
    private(set) var flows: [(signature: String?, location: SourceLocation)] = []
    /// Links with a `#fragment` to this page (`key` nil) or another, as written, for the anchor check.
    private(set) var anchorLinks: [RenderedBody.AnchorLink] = []
    /// Checks an ignore marker silences for the block being walked.
    private var silenced: Set<String> = []

    func silence(_ checks: Set<String>) { silenced = checks }

    private func recordAnchorLink(_ link: RenderedBody.AnchorLink) {
        if !silenced.contains(CheckID.brokenAnchor.rawValue) { anchorLinks.append(link) }
    }

    /// False for `lint`: flows are checked but not laid out or drawn, and `{{table}}` blocks make no HTML.
    var drawFlows = true
    /// Tables already shown on the page: a second `{{table}}` of one gets no ids.
    private var tablesShown: Set<String> = []
    /// Counts flows so each gets its own SVG id prefix.
    private var flowCount = 0
    /// The language a link without one (`../returns/refund.md`) leads to: the page's own, or, in a copy
    /// shown for a missing translation, the reader's.
    var linkLanguage: String
    /// In such a copy: the heading ids each page shows in each language (`key|language`), so that a
    /// link to a heading of the page's own language leads to the same heading in the reader's.
    var servedHeadingIDs: [String: [String]] = [:]

    /// `reader`: in a copy shown for a missing translation, the reader's language, whose interface words
    /// (a flow's "Steps as a list", a rule table's "Last changed", alert titles) the copy uses.
    init(page: PageSource, index: SiteIndex, rules: RuleBook, outputPath: String, assets: Set<String>, reader: String? = nil) {
        self.page = page
        self.index = index
        self.rules = rules
        self.strings = index.config.uiStrings(reader ?? page.language)
        self.interfaceLanguage = reader ?? page.language
        self.outputPath = outputPath
        self.outputDepth = RelativeURL.folderDepth(outputPath)
        self.prettyURLs = index.config.baseURL != nil
        self.assets = assets
        self.linkLanguage = page.language
        self.shownValues = rules.shown[page.language] ?? [:]
    }

    /// Rule values as this page's language shows them, by reference (see `RuleBook.shown`).
    let shownValues: [String: String]

    var fallbackLanguage: String { index.config.defaultLanguage }

    /// How to write a reference that did not parse: its keyword corrected when it is close (`{{tabel x}}`,
    /// `{{Rule …}}`, `{{rules …}}`), else the two forms.
    static func referenceHelp(_ body: String) -> String {
        // `{{< ref "x.md" >}}`, `{{% note %}}`: a page migrated from Hugo.
        if let marker = body.first, marker == "<" || marker == "%" {
            let name = body.dropFirst().drop { $0 == " " || $0 == "/" }.prefix { $0.isLetter || $0 == "_" || $0 == "-" }
            if name == "ref" || name == "relref" {
                return "guidegen has no Hugo shortcodes: link to the page's source file, `[text](../returns/refund.md)`"
            }
            return
                "guidegen has no Hugo shortcodes: write it in Markdown (a note is an alert, `> [!NOTE]`); a rule's value is `{{rule table.row.column}}`"
        }
        let words = body.split(separator: " ", maxSplits: 1)
        if words.count == 2, let keyword = Suggestion.closest(to: words[0].lowercased(), in: ["rule", "table"]) {
            let argument = words[1].trimmingCharacters(in: .whitespaces)
            let dots = argument.split(separator: ".", omittingEmptySubsequences: false).count
            if keyword == "rule" && dots == 3 || keyword == "table" && dots == 1 {
                return "did you mean `{{\(keyword) \(argument)}}`?"
            }
        }
        return "write `{{rule table.row.column}}` or `{{table table}}`"
    }

    /// `referenceHelp`, naming the column when `{{rule table.row}}` leaves out the only one the table has.
    func referenceHelp(_ body: String) -> String {
        let words = body.split(separator: " ", maxSplits: 1)
        if words.count == 2, words[0] == "rule" {
            let parts = words[1].trimmingCharacters(in: .whitespaces).split(separator: ".")
            if parts.count == 2, let table = rules.tables[String(parts[0])], table.row(String(parts[1])) != nil, !table.columns.isEmpty {
                if table.columns.count == 1 { return "did you mean `{{rule \(parts[0]).\(parts[1]).\(table.columns[0].id)}}`?" }
                let shown = table.columns.prefix(6).map { "`{{rule \(parts[0]).\(parts[1]).\($0.id)}}`" }
                return "name a column: " + shown.joined(separator: ", ") + (table.columns.count > 6 ? ", …" : "")
            }
        }
        return Self.referenceHelp(body)
    }

    /// The URL written so far when `before` ends inside a link's destination (`…](#期限-`): nil unless a
    /// `](` comes after the last space or `)`.
    static func linkTargetBefore(_ before: ArraySlice<UInt8>) -> String? {
        var i = before.endIndex
        while i > before.startIndex {
            let byte = before[i - 1]
            if byte == 0x20 || byte == 0x29 || byte == 0x0A { return nil }  // space, `)`, newline
            if byte == 0x28, i - 1 > before.startIndex, before[i - 2] == 0x5D {  // `](`
                return String(decoding: before[i...], as: UTF8.self)
            }
            i -= 1
        }
        return nil
    }

    /// The text a `{{rule}}` reference shows, or the diagnostic for a bad reference.
    func resolveInline(_ occurrence: RuleReference.Occurrence, at location: SourceLocation) -> (String?, Diagnostic?) {
        if occurrence.unclosed {
            unresolvedReferences += 1
            // The reference is its first two words (`rule a.b.c`); what follows is the sentence.
            let words = occurrence.body.split(separator: " ", maxSplits: 2).prefix(2)
            let written = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: "}.,;:!?。，；：！？"))
            return (
                nil,
                Diagnostic(
                    .error, .unknownRule, at: location, "`{{\(occurrence.body)` is not closed",
                    help: "end the reference with `}}`: `{{\(written)}}`")
            )
        }
        if let ref = occurrence.reference, ref.kind == .rule, let shown = shownValues[occurrence.body] {
            references.append((ref, location))
            return (shown, nil)
        }
        guard let ref = occurrence.reference else {
            unresolvedReferences += 1
            return (
                nil,
                Diagnostic(
                    .error, .unknownRule, at: location, "`{{\(occurrence.body)}}` is not a rule reference",
                    help: referenceHelp(occurrence.body))
            )
        }
        switch rules.lookup(ref) {
        case .unknown(let message, let help, let notes):
            unresolvedReferences += 1
            return (nil, Diagnostic(.error, .unknownRule, at: location, message, help: help, notes: notes))
        case .inFailedTable:
            unresolvedReferences += 1
            return (nil, nil)
        case .table:
            references.append((ref, location))
            return (
                nil,
                Diagnostic(
                    .error, .unknownRule, at: location, "`{{table \(ref.table)}}` must stand alone in its own paragraph or table cell",
                    help: "put it on a line of its own with blank lines around it (a table cannot go inside a sentence or a heading)")
            )
        case .value(let value, _, _, let column):
            references.append((ref, location))
            return (RuleBook.displayInline(value, column: column, language: page.language, fallback: fallbackLanguage), nil)
        }
    }

    func expandReferences(in text: String, at location: SourceLocation) -> (segments: [TextSegment], diagnostics: [Diagnostic])? {
        guard text.utf8.count >= 4, Self.containsDoubleBrace(text) else { return nil }
        let occurrences = RuleReference.scan(text)
        guard !occurrences.isEmpty else { return nil }
        var segments: [TextSegment] = []
        var diagnostics: [Diagnostic] = []
        let bytes = Array(text.utf8)
        var cursor = 0
        var scalarsBefore = 0  // scalars in bytes[0..<cursor], counted once as the cursor moves
        for occurrence in occurrences {
            let prefix = String(decoding: bytes[cursor..<occurrence.range.lowerBound], as: UTF8.self)
            if !prefix.isEmpty { segments.append(.literal(prefix)) }
            scalarsBefore += ByteSearch.scalarCount(bytes[cursor..<occurrence.range.lowerBound])
            let column = location.column + scalarsBefore
            let at = SourceLocation(file: location.file, line: location.line, column: column)
            let (value, problem) = resolveInline(occurrence, at: at)
            if let problem { diagnostics.append(problem) }
            if problem == nil, let value, let target = Self.linkTargetBefore(bytes[..<occurrence.range.lowerBound]) {
                // `[x](#期限-{{rule …}})`: the value's space ends the URL, so Markdown saw no link at all and
                // the brackets were published as text.
                let written = target.hasPrefix("#") ? "#" + HeadingSlug.make(String(target.dropFirst()) + value) : nil
                diagnostics.append(
                    Diagnostic(
                        .error, .unknownRule, at: at, "a `{{rule …}}` in a link's URL breaks the link; it is published as text",
                        help: written.map { "write the heading's id out: `\($0)`" }
                            ?? "write the URL out, or put the reference in the link's text"))
            }
            let written = String(decoding: bytes[occurrence.range], as: UTF8.self)
            segments.append(value.map { TextSegment.generated($0, source: written) } ?? .literal(written))
            scalarsBefore += ByteSearch.scalarCount(bytes[occurrence.range])
            cursor = occurrence.range.upperBound
        }
        if cursor < bytes.count { segments.append(.literal(String(decoding: bytes[cursor...], as: UTF8.self))) }
        if page.language.hasPrefix("zh") { segments = Self.spaceBetweenHanAndDigits(segments) }
        return (segments, diagnostics)
    }

    /// The page with its title and summary's `{{rule}}` references expanded, and both as prose for the
    /// claim check: the title is the page's `<h1>` and the summary its description and card text, so the
    /// contract's "references work in headings" and "a heading can be a claim" hold for them too.
    func expandFrontMatterText() -> (page: PageSource, prose: [ProseBlock], diagnostics: [Diagnostic]) {
        var page = self.page
        var prose: [ProseBlock] = []
        var diagnostics: [Diagnostic] = []
        func expand(_ key: String, _ text: String, kind: ProseBlock.Kind) -> String {
            let start =
                page.frontMatter.textStarts[key]
                ?? SourceLocation(file: page.path, line: page.frontMatter.keyLines[key] ?? 1, column: 1)
            var block = ProseBlock(kind: kind, text: text, anchors: Self.scalarAnchors(text, from: start, in: page.text))
            if let (segments, found) = expandReferences(in: text, at: start) {
                diagnostics += found
                var expanded: [UInt8] = []
                let written = block
                block.anchors = []
                block.append(segments, writtenAs: written, to: &expanded)
                block.utf8 = expanded
            }
            prose.append(block)
            return block.text
        }
        let title = expand("title", page.frontMatter.title, kind: .heading)
        if title != page.frontMatter.title {
            page.frontMatter.writtenTitle = page.frontMatter.title
            page.frontMatter.title = title
        }
        if let written = page.frontMatter.summary {
            let summary = expand("summary", written, kind: .paragraph)
            if summary != written {
                page.frontMatter.writtenSummary = written
                page.frontMatter.summary = summary
            }
        }
        return (page, prose, diagnostics)
    }

    /// Where each source line of a YAML scalar's `value` starts, as anchors: a summary written over several
    /// lines (`summary: |`, `>` or a wrapped plain or quoted scalar) has its findings on the line they are on.
    /// The value is walked beside the file from `start`: equal bytes match, a line break in the file (with
    /// the next line's indentation) matches a folded space, a kept line break or nothing. At the first
    /// difference of another kind (an escape in a quoted scalar) the anchors so far are kept.
    static func scalarAnchors(_ value: String, from start: SourceLocation, in file: String) -> [ProseBlock.Anchor] {
        var anchors = [ProseBlock.Anchor(offset: 0, line: start.line, column: start.column)]
        UTF8Scan.withBytes(file) { source in
            UTF8Scan.withBytes(value) { text in
                // The start: its line, then `column - 1` scalars into it.
                var i = 0
                var line = 1
                while line < start.line, let newline = ByteSearch.find(0x0A, in: source, from: i) {
                    i = newline + 1
                    line += 1
                }
                guard line == start.line else { return }
                var scalars = 1
                while scalars < start.column, i < source.count, source[i] != 0x0A {
                    i += 1
                    while i < source.count, source[i] & 0xC0 == 0x80 { i += 1 }
                    scalars += 1
                }
                var j = 0
                while j < text.count, i < source.count {
                    if source[i] == 0x0A || (source[i] == 0x0D && i + 1 < source.count && source[i + 1] == 0x0A) {
                        // A line break in the file: the value holds a space or a line break for it, or nothing
                        // (a folded blank line), and goes on after the next line's indentation.
                        i += source[i] == 0x0D ? 2 : 1
                        line += 1
                        if text[j] == 0x20 || text[j] == 0x0A {
                            j += 1
                            // Blank lines folded into one line break are further breaks in the file.
                            while i < source.count, source[i] == 0x0A, j < text.count, text[j] == 0x0A {
                                i += 1
                                line += 1
                                j += 1
                            }
                        }
                        var column = 1
                        while i < source.count, source[i] == 0x20 || source[i] == 0x09 {
                            i += 1
                            column += 1
                        }
                        if i < source.count, source[i] == 0x0A { continue }
                        anchors.append(.init(offset: j, line: line, column: column))
                    } else if source[i] == text[j] {
                        i += 1
                        j += 1
                    } else if source[i] == 0x20 || source[i] == 0x09 {
                        i += 1  // white space the scalar drops before a fold
                    } else {
                        return
                    }
                }
            }
        }
        return anchors
    }

    /// True when `{{` occurs in the text (a byte scan; Foundation's `contains` was a hot spot).
    static func containsDoubleBrace(_ text: String) -> Bool {
        ByteSearch.containsPair(text, 0x7B)
    }

    /// Chinese typography puts a space between Han characters and a number (`开放 15 天`, not `开放15 天`);
    /// values start with digits, so a space is added where literal Han text meets one. It puts none between
    /// two Chinese characters: spaces typed around a reference (`在 {{rule …}} 售后期内`, as one writes it
    /// to read the source) are dropped where the value's Chinese edge meets Chinese text (`在 15 天售后期内`).
    /// The dropped spaces count as part of the reference, so later columns stay exact.
    static func spaceBetweenHanAndDigits(_ segments: [TextSegment]) -> [TextSegment] {
        func isHan(_ s: Unicode.Scalar?) -> Bool {
            guard let s else { return false }; return (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
        }
        /// Han or full-width punctuation (`，。（）`), which takes no space beside Han either.
        func isWide(_ s: Unicode.Scalar?) -> Bool {
            guard let s else { return false }
            return isHan(s) || (0x3000...0x303F).contains(s.value) || (0xFF00...0xFFEF).contains(s.value)
        }
        func isDigit(_ s: Unicode.Scalar?) -> Bool {
            guard let s else { return false }; return s.value >= 0x30 && s.value <= 0x39
        }
        func isBlank(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" }
        var out = segments
        // Only the scalars next to the reference are looked at (a paragraph's literal runs can be long).
        for i in out.indices {
            guard case .generated(var value, var source) = out[i] else { continue }
            if i > 0, case .literal(let before) = out[i - 1] {
                let scalars = before.unicodeScalars
                var kept = scalars.endIndex
                while kept > scalars.startIndex, isBlank(scalars[scalars.index(before: kept)]) { kept = scalars.index(before: kept) }
                if kept != scalars.endIndex, kept > scalars.startIndex, isWide(scalars[scalars.index(before: kept)]),
                    isHan(value.unicodeScalars.first)
                {
                    source = String(scalars[kept...]) + source
                    out[i - 1] = .literal(String(scalars[..<kept]))
                } else if isHan(scalars.last), isDigit(value.unicodeScalars.first) {
                    value = " " + value
                }
            }
            if i + 1 < out.count, case .literal(let after) = out[i + 1] {
                let scalars = after.unicodeScalars
                var cut = scalars.startIndex
                while cut < scalars.endIndex, isBlank(scalars[cut]) { cut = scalars.index(after: cut) }
                if cut != scalars.startIndex, cut < scalars.endIndex, isWide(scalars[cut]), isHan(value.unicodeScalars.last) {
                    source += String(scalars[..<cut])
                    out[i + 1] = .literal(String(scalars[cut...]))
                } else if isDigit(value.unicodeScalars.last), isHan(scalars.first) {
                    value += " "
                }
            }
            out[i] = .generated(value, source: source)
        }
        return out
    }

    func blockReplacement(forParagraph text: String, at location: SourceLocation) -> (html: String, diagnostics: [Diagnostic])? {
        let trimmed = text.trimmingBlanks()
        guard trimmed.hasPrefix("{{"), trimmed.hasSuffix("}}") else { return nil }
        let occurrences = RuleReference.scan(trimmed)
        guard occurrences.count == 1, occurrences[0].range == 0..<trimmed.utf8.count, let ref = occurrences[0].reference, ref.kind == .table
        else { return nil }
        switch rules.lookup(ref) {
        case .table(let table):
            references.append((ref, location))
            let first = tablesShown.insert(table.id).inserted
            // `lint` makes no HTML: the reference, its errors and the table's ids (for heading links) are all it
            // needs from the table.
            guard drawFlows else { return (first ? HTML.idPlaceholders(RuleTableHTML.anchorIDs(table)) : "", []) }
            let (language, fallback, strings) = (page.language, fallbackLanguage, strings)
            let html = rules.tableHTML.value(for: "\(table.id)|\(language)|\(interfaceLanguage)|\(fallback)|\(first)") {
                RuleTableHTML.render(table, language: language, fallback: fallback, strings: strings, anchors: first)
            }
            return (html, [])
        case .unknown(let message, let help, let notes):
            unresolvedReferences += 1
            return ("", [Diagnostic(.error, .unknownRule, at: location, message, help: help, notes: notes)])
        case .inFailedTable:
            unresolvedReferences += 1
            return ("", [])
        case .value:
            return nil
        }
    }

    func resolveLink(_ url: String, isImage: Bool, at location: SourceLocation) -> LinkResolution {
        if url.isEmpty || url.hasPrefix("#") {
            if url.utf8.count > 1 {
                recordAnchorLink(
                    .init(url: url, key: nil, language: page.language, fragment: String(url.dropFirst()), location: location))
            }
            return .keep
        }
        if ByteSearch.contains(url, 0x5C) || Self.hasFileScheme(url) {
            return .broken(
                Diagnostic(
                    .error, .unsafePath, at: location, "link `\(url)` points at a local file path",
                    help: "link to pages and assets with relative paths such as `../assets/photo.png`"))
        }
        // A URL with a scheme (`https:`, `mailto:`) is left alone; a one-letter "scheme" is a drive letter.
        if Self.hasScheme(url) { return .keep }
        if url.hasPrefix("//") { return .keep }
        var path = url
        var fragment = ""
        if let hash = path.utf8.firstIndex(of: 0x23) {
            fragment = String(path[hash...])
            path = String(path[..<hash])
        }
        // A query is kept on the written URL (`photo.png?v=2` busts a cache, `manual.pdf?download=1`).
        var query = ""
        if let mark = path.utf8.firstIndex(of: 0x3F) {
            query = String(path[mark...])
            path = String(path[..<mark])
        }
        var decoded = ByteSearch.contains(path, 0x25) ? (path.removingPercentEncoding ?? path) : path
        if ByteSearch.contains(decoded, 0x5C) || ByteSearch.contains(decoded, 0) || decoded.hasPrefix("//") {
            return .broken(
                Diagnostic(
                    .error, .unsafePath, at: location, "link `\(url)` is a backslashed or network path",
                    help: "link to the source file with a relative path, e.g. `../section/page.md`"))
        }
        // `/returns/refund.md` is relative to the content folder, as MkDocs reads absolute links to its docs.
        let fromContentRoot = decoded.hasPrefix("/")
        if fromContentRoot { decoded.removeFirst() }
        if decoded.hasSuffix(".md") {
            guard
                let (key, language) = index.resolveSourceLink(
                    decoded, from: page, fromContentRoot: fromContentRoot, language: linkLanguage)
            else {
                let found = index.sourceLinkKey(decoded, from: page, fromContentRoot: fromContentRoot, language: linkLanguage)
                let named = found?.key
                // A section without `_index` files still has its list page, as has the site without a home
                // text: `/docs/_index.md` leads there, as in Hugo.
                if let found, let target = index.generatedListPath(key: found.key, language: found.language) {
                    return .replace(RelativeURL.between(fromDepth: outputDepth, to: target, prettyURLs: prettyURLs) + fragment)
                }
                if let named, index.draftKeys.contains(named) {
                    return .broken(
                        Diagnostic(
                            .error, .brokenLink, at: location, "link to `\(url)`, a draft (`draft: true`) that this build leaves out",
                            help: "publish the page (remove `draft: true`), or build with `--drafts` to preview both"))
                }
                if let found, let failed = index.failedPath(key: found.key, language: found.language) {
                    let what = failed.hasSuffix(".md") ? "its file `\(failed)`" : "the folder `\(failed)`"
                    return .broken(
                        Diagnostic(
                            .error, .brokenLink, at: location, "link to `\(url)`, a page left out because \(what) has errors",
                            help: "fix the errors reported for `\(failed)`; the link works again once the page builds"))
                }
                return .broken(
                    Diagnostic(
                        .error, .brokenLink, at: location, "link to `\(url)`, which is not a page of this site", help: linkHelp(named)))
            }
            if fragment.utf8.count > 1 {
                recordAnchorLink(
                    .init(url: url, key: key, language: language, fragment: String(fragment.dropFirst()), location: location))
                if linkLanguage != page.language, language == linkLanguage {
                    fragment = translatedFragment(fragment, key: key, to: language)
                }
            }
            return .replace(
                RelativeURL.between(fromDepth: outputDepth, to: index.outputPath(key: key, language: language), prettyURLs: prettyURLs)
                    + query + fragment
            )
        }
        // A file under assets/: resolve against the page's folder (or the content folder) and check it exists.
        var segments = fromContentRoot ? [] : page.section.split(separator: "/").map(String.init)
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true).map(String.init) {
            if part == "." { continue }
            if part == ".." {
                guard !segments.isEmpty else {
                    return .broken(
                        Diagnostic(
                            .error, .unsafePath, at: location, "link `\(url)` leaves the content folder", help: "keep links inside content/"
                        ))
                }
                segments.removeLast()
            } else {
                segments.append(part)
            }
        }
        let target = segments.joined(separator: "/")
        if assets.contains(target) {
            return .replace(RelativeURL.between(fromDepth: outputDepth, to: target, prettyURLs: false) + query + fragment)
        }
        // `/en/returns/` or `refund.html`: an output URL, which changes with base_url and pretty URLs.
        let last = target.split(separator: "/").last ?? ""
        let looksLikePageURL = decoded.hasSuffix("/") || last.hasSuffix(".html") || !last.contains(".")
        if looksLikePageURL, !isImage, let source = sourceFile(forOutputURL: target) {
            return .broken(
                Diagnostic(
                    .error, .brokenLink, at: location, "link `\(url)` is a URL of the built site, not a source file",
                    help: "did you mean `\(source)`? Link to the page's source file; guidegen writes the URL"))
        }
        return .broken(
            Diagnostic(
                .error, .brokenLink, at: location, "\(isImage ? "image" : "link") `\(url)` points at a file that does not exist",
                // The suggestion is written as the link was (from the content folder, or from the page's
                // folder): `assets/photo.png` alone would be broken from `returns/refund.en.md`.
                help: Self.nearestAsset(written: decoded, resolved: target, in: assets).map { asset in
                    // `#` and `?` in a file name would read as a fragment or a query: written escaped.
                    let escaped = RelativeURL.escaped(asset)
                    let written =
                        fromContentRoot
                        ? "/" + escaped : String(repeating: "../", count: page.section.split(separator: "/").count) + escaped
                    return "did you mean `\(written)`?"
                }
                    ?? (looksLikePageURL && !isImage
                        ? "link to the page's source file (`../section/page.md`, `/section/_index.md`); guidegen writes the URL"
                        : "put files in content/assets/ and link to them relatively")))
    }

    /// The asset a broken link most likely meant: the path as written when it names one from the content
    /// folder (`assets/x.png` written in `returns/`), else the one asset of that file name, else the closest.
    static func nearestAsset(written: String, resolved: String, in assets: Set<String>) -> String? {
        if assets.contains(written) { return written }
        return sameFileName(as: resolved, in: assets) ?? Suggestion.closest(to: resolved, in: assets)
    }

    /// The one asset whose file name is the target's (`x.png` or `assets/x.png` written from a page's folder
    /// for `assets/x.png`); nil when none or several are.
    static func sameFileName(as target: String, in assets: Set<String>) -> String? {
        guard let name = target.split(separator: "/").last else { return nil }
        let matches = assets.filter { $0.split(separator: "/").last == name }
        return matches.count == 1 ? matches.first : nil
    }

    /// A `#fragment` written for `key`'s heading in the page's language, as the same heading (by position)
    /// of `key` as `language` shows it: ids differ by language (`#运费`, `#postage`). Unchanged when the
    /// heading is not found; the page top (no fragment) when the other version has fewer headings.
    func translatedFragment(_ fragment: String, key: String, to language: String) -> String {
        guard let written = servedHeadingIDs["\(key)|\(page.language)"], let shown = servedHeadingIDs["\(key)|\(language)"] else {
            return fragment
        }
        let id = String(fragment.dropFirst())
        guard let position = written.firstIndex(of: id.removingPercentEncoding ?? id) else { return fragment }
        return position < shown.count ? "#" + shown[position] : ""
    }

    /// `file:` in any case.
    static func hasFileScheme(_ url: String) -> Bool {
        let prefix = Array(url.utf8.prefix(5))
        return prefix.count == 5 && prefix[0] | 0x20 == 0x66 && prefix[1] | 0x20 == 0x69 && prefix[2] | 0x20 == 0x6C
            && prefix[3] | 0x20 == 0x65 && prefix[4] == 0x3A
    }

    /// A URL scheme before the first `:` (letters, `+`, `.`, `-`; two or more, since one is a drive letter).
    static func hasScheme(_ url: String) -> Bool {
        var length = 0
        for b in url.utf8 {
            if b == 0x3A { return length > 1 }
            if b >= 0x80 { return hasSchemeSlow(url) }
            let letter = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
            guard letter || b == 0x2B || b == 0x2E || b == 0x2D else { return false }
            length += 1
        }
        return false
    }

    /// `hasScheme` for URLs with non-ASCII text before the colon: any Unicode letter counts.
    static func hasSchemeSlow(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        return url.distance(from: url.startIndex, to: colon) > 1
            && url[..<colon].allSatisfy({ $0.isLetter || $0 == "+" || $0 == "." || $0 == "-" })
    }

    /// The source link (from this page) of the page an output URL names: `refund.html`, `../returns/`,
    /// `/en/returns/refund/`, `/` (a language prefix and `index.html` are dropped); nil when no page has it.
    private func sourceFile(forOutputURL target: String) -> String? {
        var parts = target.split(separator: "/").map(String.init)
        if let first = parts.first, index.config.languages.contains(where: { $0.lowercased() == first.lowercased() }) {
            parts.removeFirst()
        }
        if let last = parts.last, last.hasSuffix(".html") || last.hasSuffix(".htm") {
            parts.removeLast()
            let name = last.hasSuffix(".html") ? String(last.dropLast(5)) : String(last.dropLast(4))
            if name != "index" { parts.append(name) }
        }
        let key = parts.joined(separator: "/")
        let candidates = key.isEmpty ? ["_index"] : [key, key + "/_index"]
        return candidates.first(where: hasPage).map { SiteIndex.sourceLink(from: page.section, to: $0) }
    }

    /// Whether a link to `key` leads somewhere: a page, or a list page guidegen writes for `_index`.
    private func hasPage(_ key: String) -> Bool {
        index.entries[key] != nil || index.generatedListPath(key: key, language: page.language) != nil
    }

    /// The page whose name is closest to the one linked (in the section the link names, else anywhere), as
    /// a link written from this page.
    private func linkHelp(_ named: String?) -> String {
        let fallback = "link to a page's source file, relative to this one (`../section/page.md`) or to content/ (`/section/page.md`)"
        guard let named else { return fallback }
        let parts = named.split(separator: "/")
        let slug = String(parts.last ?? "")
        let section = parts.dropLast().joined(separator: "/")
        // MkDocs names a folder's page `index.md` (or `README.md`); here it is `_index`.
        if ["index", "readme"].contains(slug.lowercased()) {
            let landing = section.isEmpty ? "_index" : section + "/_index"
            if hasPage(landing) {
                return "did you mean `\(SiteIndex.sourceLink(from: page.section, to: landing))`? A folder's own page is `_index.<lang>.md`"
            }
        }
        func closest(in keys: [String]) -> String? {
            let bySlug = Dictionary(keys.map { (String($0.split(separator: "/").last ?? ""), $0) }, uniquingKeysWith: { first, _ in first })
            return Suggestion.closest(to: slug, in: bySlug.keys).flatMap { bySlug[$0] }
        }
        let keys = index.entries.keys.sorted()
        let sameSection = keys.filter { $0.split(separator: "/").dropLast().joined(separator: "/") == section }
        guard let match = closest(in: sameSection) ?? closest(in: keys) else { return fallback }
        return "did you mean `\(SiteIndex.sourceLink(from: page.section, to: match))`?"
    }

    func renderFencedBlock(info: String, code: String, at location: SourceLocation) -> (
        html: String, prose: [ProseBlock], diagnostics: [Diagnostic]
    )? {
        // Any case, as the info string's language usually is read (```Mermaid was shown as code).
        guard info.split(separator: " ").first?.lowercased() == "mermaid" else { return nil }
        flowCount += 1
        let result = FlowRenderer.render(
            code, at: location, idPrefix: "flow\(flowCount)", language: page.language, strings: strings, draw: drawFlows
        ) {
            label, labelLocation in
            self.expandLabel(label, at: labelLocation)
        }
        flows.append((result.signature, location))
        return (result.html, result.prose, result.diagnostics)
    }

    /// Expands references in a flow label written at `location`; generated ranges are reported so claims
    /// skip them, and each literal run gets an anchor at its own source column.
    func expandLabel(_ label: String, at location: SourceLocation) -> (
        text: String, generated: [Range<Int>], anchors: [ProseBlock.Anchor], diagnostics: [Diagnostic]
    ) {
        let start = ProseBlock.Anchor(offset: 0, line: location.line, column: location.column)
        guard let (segments, diagnostics) = expandReferences(in: label, at: location) else { return (label, [], [start], []) }
        var text = ""
        var generated: [Range<Int>] = []
        var anchors: [ProseBlock.Anchor] = []
        var column = location.column
        for segment in segments {
            switch segment {
            case .literal(let s):
                anchors.append(.init(offset: text.utf8.count, line: location.line, column: column))
                text += s
                column += ByteSearch.scalarCount(s)
            case .generated(let s, let source):
                generated.append(text.utf8.count..<(text.utf8.count + s.utf8.count))
                text += s
                column += ByteSearch.scalarCount(source)
            }
        }
        return (text, generated, anchors.isEmpty ? [start] : anchors, diagnostics)
    }

    func alertTitle(_ kind: AlertKind) -> String { strings.alerts[kind] ?? kind.rawValue.capitalized }
}
