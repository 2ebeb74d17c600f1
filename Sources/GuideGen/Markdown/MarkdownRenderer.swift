import CCmarkGFM
import Foundation

/// Options of the Markdown stage.
public struct MarkdownOptions: Sendable {
    /// Keep raw HTML (site opted in with `unsafe_html: true`); otherwise it is left out with a warning.
    public var unsafeHTML = false
    /// Turn `> [!NOTE]` blockquotes into callouts.
    public var githubAlerts = true
    /// Give headings stable `id`s.
    public var headingAnchors = true
    /// cmark-gfm syntax extensions to attach (all GFM ones by default).
    public var extensions = MarkdownRenderer.extensionNames
    /// Fill in the text under each `##` section (FAQ answers); without it sections keep only their headings.
    public var sectionTexts = true
    /// Render the HTML; `lint` needs only the checks, so the result's `html` stays empty.
    public var renderHTML = true
    /// The `aria-label` of a footnote's link back to its reference, in the page's language (cmark-gfm writes
    /// "Back to content"); nil keeps cmark's.
    public var footnoteBackLabel: String?
    /// Give each code block's `<pre>` `tabindex="0"`: a long line scrolls it sideways, and a keyboard can
    /// scroll only what takes focus (as Hugo does).
    public var focusableCodeBlocks = true
    /// The `aria-label`s of a task list's done and open checkboxes, in the page's language; cmark-gfm writes
    /// none, so a screen reader met an unnamed form field. Nil leaves them unnamed.
    public var taskLabels: (done: String, open: String)?
    /// The name of a page's own table's scrolling frame (`<div class="table-scroll" role="region">`, as a
    /// `{{table}}` has): a wide table scrolls on a phone instead of widening the page. Nil: no frame.
    public var tableLabel: String?

    public init(
        unsafeHTML: Bool = false, githubAlerts: Bool = true, headingAnchors: Bool = true, focusableCodeBlocks: Bool = true,
        extensions: [String] = MarkdownRenderer.extensionNames
    ) {
        self.unsafeHTML = unsafeHTML
        self.githubAlerts = githubAlerts
        self.headingAnchors = headingAnchors
        self.focusableCodeBlocks = focusableCodeBlocks
        self.extensions = extensions
    }

    /// cmark-gfm exactly as its CLI renders with the GFM extensions (for conformance tests).
    public static let plain = MarkdownOptions(githubAlerts: false, headingAnchors: false, focusableCodeBlocks: false)
}

/// The bridge to cmark-gfm: parses, lets hooks rewrite the tree, renders HTML and copies out what later
/// stages need. No cmark pointer leaves this file.
public enum MarkdownRenderer {
    /// Safety checks an ignore marker cannot silence.
    static let unsilenceable: Set<String> = [
        CheckID.unsafePath.rawValue, CheckID.markdownLimit.rawValue, CheckID.markdownTimeout.rawValue,
    ]

    /// Ids the page around the body uses (the default theme's landmarks and headings, cmark's footnotes): a
    /// heading called "main" must not take the skip link's target.
    static let themeIDs: Set<String> = [
        "main", "toc-title", "sources-title", "rules-used-title", "content", "top", "home-platforms-title",
        "search-input", "search-results",
    ]

    static func isReserved(_ id: String) -> Bool {
        let bytes = id.utf8
        guard
            let first = bytes.first,
            first == 0x6D || first == 0x74 || first == 0x73 || first == 0x72 || first == 0x63 || first == 0x66 || first == 0x68
        else { return false }  // m, t, s, r, c, f, h: the only first letters below
        if themeIDs.contains(id) { return true }
        // `fn-3`, `fnref-3`.
        let rest = id.hasPrefix("fn-") ? bytes.dropFirst(3) : id.hasPrefix("fnref-") ? bytes.dropFirst(6) : bytes[bytes.endIndex...]
        return !rest.isEmpty && rest.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The GFM extensions every document is parsed with.
    public static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// cmark-gfm 0.29 adds its extensions' trigger characters (`:` `w` for autolinks, `~` for
    /// strikethrough) to a process-wide table when a parse finishes and removes them afterwards, so two
    /// parses finishing at once could miss autolinks or strikethrough in each other. So:
    /// - autolink's characters are set once, here, and its list emptied: no parse writes them again (a
    ///   parse without the autolink extension then sees them as special too, and cmark keeps them as text;
    ///   the conformance tests cover it);
    /// - strikethrough's list must stay (cmark looks up the extension of a `~` delimiter by it), so it is
    ///   attached only to documents that contain `~`, and those few finish one at a time under `tildeLock`.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        guard let autolink = cmark_find_syntax_extension("autolink") else { return true }
        let setup = cmark_parser_new(CMARK_OPT_DEFAULT)!
        defer { cmark_parser_free(setup) }
        cmark_parser_attach_syntax_extension(setup, autolink)
        cmark_manage_extensions_special_characters(setup, 1)
        cmark_syntax_extension_set_special_inline_chars(autolink, nil)
        return true
    }()

    private static let tildeLock = NSLock()

    /// A parser with `extensions` attached (strikethrough only when `source` has a `~`).
    private static func makeParser(options: Int32, extensions: [String], source: String) -> (OpaquePointer, strikethrough: Bool) {
        _ = registered
        let parser = cmark_parser_new(options)!
        var strikethrough = false
        for name in extensions {
            if name == "strikethrough" {
                guard ByteSearch.contains(source, UInt8(ascii: "~")) else { continue }
                strikethrough = true
            }
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        return (parser, strikethrough)
    }

    private static func finish(_ parser: OpaquePointer, strikethrough: Bool) -> OpaquePointer {
        guard strikethrough else { return cmark_parser_finish(parser)! }
        tildeLock.lock()
        defer { tildeLock.unlock() }
        return cmark_parser_finish(parser)!
    }

    /// Footnotes, and strikethrough only between double tildes: Chinese writes ranges with one
    /// (`3~5 个工作日到账，快递 1~2 天` was struck through from the first `~` to the second).
    static let parseOptions = CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE

    /// cmark-gfm's own rendering of `markdown` with guidegen's parse options; the conformance baseline.
    public static func libraryHTML(_ markdown: String, unsafe: Bool, extensions: [String] = extensionNames) -> String {
        let (parser, strikethrough) = makeParser(options: parseOptions, extensions: extensions, source: markdown)
        defer { cmark_parser_free(parser) }
        markdown.utf8.withContiguousStorageIfAvailable { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
            ?? {
                var copy = markdown
                copy.withUTF8 { buffer in buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) } }
            }()
        let document = finish(parser, strikethrough: strikethrough)
        defer { cmark_node_free(document) }
        let options = CMARK_OPT_FOOTNOTES | (unsafe ? CMARK_OPT_UNSAFE : 0)
        let cString = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser))!
        defer { free(cString) }
        return String(cString: cString)
    }

    /// Renders a page body: `firstLine` is the file line the body starts on, for diagnostics.
    public static func render(
        _ markdown: String, file: String, firstLine: Int, options: MarkdownOptions, hooks: some MarkdownHooks
    ) -> MarkdownResult {
        // U+E000 marks headings in the rendered HTML; a stray one in the input must not.
        var source = markdown
        if ByteSearch.contains(source, 0xEE), source.contains("\u{E000}") {
            source = source.replacingOccurrences(of: "\u{E000}", with: "\u{FFFD}")
        }
        let (parser, strikethrough) = makeParser(
            options: parseOptions | CMARK_OPT_SOURCEPOS, extensions: options.extensions, source: source)
        defer { cmark_parser_free(parser) }
        source.withUTF8 { buffer in buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) } }
        let document = finish(parser, strikethrough: strikethrough)
        defer { cmark_node_free(document) }
        // No `cmark_consolidate_text_nodes` here: `cmark_parser_finish` has merged adjacent text nodes already
        // (and the autolink extension again after splitting them), so a third pass only walked every node.

        var walker = TreeWalker(file: file, lineOffset: firstLine - 1, columns: ColumnTable(source), options: options, hooks: hooks)
        walker.transform(document)
        guard options.renderHTML else {
            return MarkdownResult(
                htmlBytes: [], headings: walker.headings.filter { $0.level > 0 }, prose: walker.prose, sections: walker.sections(),
                diagnostics: walker.diagnostics, generatedIDs: walker.generatedIDs)
        }
        let cString = cmark_render_html(document, CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parser))!
        defer { free(cString) }
        let rendered = UnsafeBufferPointer(start: UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self), count: strlen(cString))
        var html = walker.headings.isEmpty ? Array(rendered) : insertHeadingIDs(rendered, walker.headings.map(\.id))
        if let label = options.footnoteBackLabel, ByteSearch.contains(source, 0x5E) {  // `^`: footnotes are `[^1]`
            html = replacingAll(cmarkFootnoteBackLabel, with: #"data-footnote-backref aria-label="\#(HTML.escape(label))""#, in: html)
        }
        if options.focusableCodeBlocks, walker.hasCodeBlocks {
            html = replacingAll(cmarkCodeBlock, with: #"<pre tabindex="0"><code"#, in: html)
        }
        if let labels = options.taskLabels, walker.hasTaskItems {
            html = replacingAll(
                cmarkDoneTask, with: #"<input type="checkbox" checked="" disabled="" aria-label="\#(HTML.escape(labels.done))" />"#,
                in: html)
            html = replacingAll(
                cmarkOpenTask, with: #"<input type="checkbox" disabled="" aria-label="\#(HTML.escape(labels.open))" />"#, in: html)
        }
        return MarkdownResult(
            htmlBytes: html, headings: walker.headings.filter { $0.level > 0 }, prose: walker.prose, sections: walker.sections(),
            diagnostics: walker.diagnostics, generatedIDs: walker.generatedIDs)
    }

    static let cmarkFootnoteBackLabel = Array(#"data-footnote-backref aria-label="Back to content""#.utf8)
    static let cmarkCodeBlock = Array(#"<pre><code"#.utf8)
    static let cmarkDoneTask = Array(#"<input type="checkbox" checked="" disabled="" />"#.utf8)
    static let cmarkOpenTask = Array(#"<input type="checkbox" disabled="" />"#.utf8)

    /// `html` with every occurrence of `needle` replaced by `replacement`.
    static func replacingAll(_ needle: [UInt8], with replacement: String, in html: [UInt8]) -> [UInt8] {
        html.withUnsafeBufferPointer { bytes in
            guard var hit = ByteSearch.firstIndex(of: needle, in: bytes) else { return html }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 64)
            var copied = 0
            while true {
                out += UnsafeBufferPointer(rebasing: bytes[copied..<hit])
                out += replacement.utf8
                copied = hit + needle.count
                guard let next = ByteSearch.firstIndex(of: needle, in: UnsafeBufferPointer(rebasing: bytes[copied...])) else { break }
                hit = copied + next
            }
            out += UnsafeBufferPointer(rebasing: bytes[copied...])
            return out
        }
    }

    /// Replaces each `<hN>` + marker with `<hN id="…">`, in document order; copies the spans between
    /// headings whole.
    static func insertHeadingIDs(_ html: String, _ ids: [String]) -> String {
        var html = html
        return String(decoding: html.withUTF8 { insertHeadingIDs($0, ids) }, as: UTF8.self)
    }

    static func insertHeadingIDs(_ bytes: UnsafeBufferPointer<UInt8>, _ ids: [String]) -> [UInt8] {
        let marker: [UInt8] = Array("\u{E000}".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + ids.count * 24)
        var index = 0
        var copied = 0
        var i = 4
        let count = bytes.count
        // The marker's first byte (0xEE) is rare in HTML, unlike `<`: finding it first skips every other tag.
        while i + marker.count <= count, let hit = ByteSearch.find(marker[0], in: bytes, from: i) {
            i = hit
            guard i + marker.count <= count else { break }
            // `<h1>`…`<h6>` right before the marker.
            if bytes[i + 1] == marker[1], bytes[i + 2] == marker[2], i - 4 >= copied, bytes[i - 4] == 0x3C, bytes[i - 3] == 0x68,
                bytes[i - 2] >= 0x31, bytes[i - 2] <= 0x36, bytes[i - 1] == 0x3E
            {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<(i - 1)]))
                let id = index < ids.count ? ids[index] : ""
                index += 1
                if !id.isEmpty {
                    out += #" id=""#.utf8
                    HTML.appendEscaped(id, to: &out)
                    out.append(0x22)
                }
                out.append(0x3E)
                i += marker.count
                copied = i
                continue
            }
            i += 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<count]))
        return out
    }
}

/// One walk over the parsed tree that applies the hooks and collects headings and prose.
private struct TreeWalker<Hooks: MarkdownHooks> {
    let file: String
    let lineOffset: Int
    let options: MarkdownOptions
    let hooks: Hooks
    var headings: [MarkdownResult.Heading] = []
    /// The level of the heading before the next one: the page's title is its `<h1>`.
    var outlineLevel = 1
    var prose: [ProseBlock] = []
    var diagnostics: [Diagnostic] = []
    /// Plain text of each top-level block, with the index of the heading it follows.
    var topLevel: [(headingIndex: Int?, level: Int, text: String)] = []
    /// Byte-to-scalar column tables, one per line, so positions on a long line stay O(1) each.
    let columns: ColumnTable
    /// The text of a block that has no prose (a code block, a rendered rule table), for FAQ answers.
    private var blockText: String?
    private var takenIDs = Set<String>(minimumCapacity: 16)
    /// Ids the body gets from elsewhere than its headings: hooks' HTML (flows, rule tables) and footnotes.
    var generatedIDs: [String] = []
    private var nextSuffix: [String: Int] = [:]
    private var pendingIgnore: Set<String> = []
    /// The checks silenced for the block being walked (its own marker's and its parents').
    private var activeIgnored: Set<String> = []

    init(file: String, lineOffset: Int, columns: ColumnTable, options: MarkdownOptions, hooks: Hooks) {
        self.file = file
        self.lineOffset = lineOffset
        self.options = options
        self.hooks = hooks
        self.columns = columns
    }

    /// File location of a node's start (cmark columns are UTF-8 bytes; ours are scalars). Nodes an
    /// extension made up (autolinks) have no position of their own: their nearest positioned ancestor's.
    func location(_ node: OpaquePointer) -> SourceLocation {
        var node = node
        while cmark_node_get_start_line(node) == 0, let parent = cmark_node_parent(node) { node = parent }
        let line = Int(cmark_node_get_start_line(node))
        let byteColumn = max(1, Int(cmark_node_get_start_column(node)))
        return SourceLocation(file: file, line: line + lineOffset, column: columns.scalarColumn(line: line, byteColumn: byteColumn))
    }

    /// Where `text` (a link's URL) is first written from `node`'s position to the end of the block holding
    /// it; `location(node)` when it is not found. cmark gives a `<https://…>` autolink no position (its
    /// block's start would point at the first column), and puts an extension's `www.…` autolink one column
    /// early, with `http://` added to its URL.
    func writtenLocation(of node: OpaquePointer, text: [UInt8]) -> SourceLocation {
        var block = node
        while cmark_node_get_start_line(block) == 0, let parent = cmark_node_parent(block) { block = parent }
        let line = Int(cmark_node_get_start_line(block))
        let column = Int(cmark_node_get_start_column(block)) - (block == node ? 1 : 0)
        var lastLine = block
        while cmark_node_get_end_line(lastLine) == 0, let parent = cmark_node_parent(lastLine) { lastLine = parent }
        let added: [UInt8] = Array("http://".utf8)
        let written = text.starts(with: added) ? [text, Array(text[added.count...])] : [text]
        for candidate in written {
            guard
                let found = columns.find(
                    candidate, line: line, byteColumn: max(1, column), lastLine: Int(cmark_node_get_end_line(lastLine)))
            else { continue }
            return SourceLocation(
                file: file, line: found.line + lineOffset, column: columns.scalarColumn(line: found.line, byteColumn: found.byteColumn))
        }
        return location(node)
    }

    mutating func transform(_ document: OpaquePointer) {
        var child = cmark_node_first_child(document)
        while let node = child {
            child = cmark_node_next(node)
            // Only a heading of the document itself opens a section: `> ## quoted` is text of the answer.
            let isHeading = cmark_node_get_type(node) == CMARK_NODE_HEADING
            let proseCountBefore = prose.count
            blockText = nil
            let replaced = block(node)
            if isHeading, let heading = headings.last {
                topLevel.append((headings.count - 1, heading.level, heading.text))
            } else if cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_DEFINITION {
                // cmark moves every footnote to the end: its text is no part of the last section's answer.
                continue
            } else if !replaced {
                let text =
                    // A list's items and a table's cells on lines of their own: an FAQ answer's JSON-LD text ran
                    // them together ("需未拆封：是 如果是质量问题，可以： 申请检测…").
                    options.sectionTexts ? (blockText ?? prose[proseCountBefore...].map(\.text).joined(separator: "\n")) : ""
                topLevel.append((nil, 0, text))
            }
        }
        if !generatedIDs.isEmpty { renameHeadingsTakingGeneratedIDs() }
        if !tableFrames.isEmpty { nameTableFrames() }
    }

    /// Tables framed to scroll, with the heading each comes under.
    private var tableFrames: [(frame: OpaquePointer, heading: String?)] = []

    /// Names each table's frame after the heading it comes under ("Table" before any), numbered where
    /// two would share a name: a screen reader lists regions by name, and two alike cannot be told apart.
    mutating func nameTableFrames() {
        let label = options.tableLabel ?? "Table"
        let names = tableFrames.map { $0.heading.map { ByteSearch.trimmed($0) }.flatMap { $0.isEmpty ? nil : $0 } ?? label }
        var counts: [String: Int] = [:]
        for name in names { counts[name, default: 0] += 1 }
        var seen: [String: Int] = [:]
        for (index, (frame, _)) in tableFrames.enumerated() {
            var name = names[index]
            if counts[name]! > 1 {
                seen[name, default: 0] += 1
                name += " (\(label) \(seen[name]!))"
            }
            cmark_node_set_on_enter(
                frame, #"<div class="table-scroll" role="region" tabindex="0" aria-label="\#(HTML.escape(name))">"#)
        }
    }

    /// A heading written before a flow or table can have taken its id (`## Flow1` is `flow1`): such a
    /// heading moves to the next free suffix, as a second heading of that name would.
    mutating func renameHeadingsTakingGeneratedIDs() {
        let generated = Set(generatedIDs)
        for index in headings.indices where generated.contains(headings[index].id) {
            headings[index].id = uniqueID(headings[index].id, avoiding: generated.contains)
        }
    }

    /// Handles one block; returns true when the block was an ignore directive that produced nothing.
    @discardableResult
    mutating func block(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        let ignoredHere = pendingIgnore
        if type != CMARK_NODE_HTML_BLOCK { pendingIgnore = [] }
        // A `guidegen-ignore` marker silences the checks it names for this block and the blocks inside it:
        // what the walk reports here, and what the hooks record for later checks (heading links).
        let outerIgnored = activeIgnored
        let diagnosticsStart = diagnostics.count
        if ignoredHere != outerIgnored {
            activeIgnored = ignoredHere
            hooks.silence(ignoredHere)
        }
        defer {
            if ignoredHere != outerIgnored {
                activeIgnored = outerIgnored
                hooks.silence(outerIgnored)
            }
            if !ignoredHere.isEmpty, diagnostics.count > diagnosticsStart {
                let kept = diagnostics[diagnosticsStart...].filter {
                    !ignoredHere.contains($0.check) || MarkdownRenderer.unsilenceable.contains($0.check)
                }
                diagnostics.replaceSubrange(diagnosticsStart..., with: kept)
            }
        }
        switch type {
        case CMARK_NODE_HTML_BLOCK:
            let literal = String(cString: cmark_node_get_literal(node))
            if let ids = Self.ignoreDirective(literal) {
                // A misspelt id would silence nothing without a word, unlike a misspelt `--skip`.
                let known = CheckID.allCases.map(\.rawValue)
                for id in ids.sorted() where id != "*" && !known.contains(id) {
                    diagnostics.append(
                        Diagnostic(
                            .warning, .ignoreMarker, at: location(node),
                            "`\(id)` in the ignore marker is not a check id; it silences nothing",
                            help: Suggestion.closest(to: id, in: known).map { "did you mean `\($0)`?" }
                                ?? "run `guidegen checks` for the ids"))
                }
                pendingIgnore.formUnion(ids)
                cmark_node_unlink(node)
                cmark_node_free(node)
                return true
            }
            rawHTML(node, literal: literal, isBlock: true)
        case CMARK_NODE_HEADING:
            var proseBlock = ProseBlock(kind: .heading, ignored: ignoredHere)
            // `## 注意事项 {#notes}` (Hugo's and MkDocs' heading attributes): the id is the author's, and the
            // braces are not shown.
            let customID = Self.takeHeadingAttributes(node)
            collect(node, into: &proseBlock)
            let level = Int(cmark_node_get_heading_level(node))
            let headingText = proseBlock.text
            let loc = location(node)
            let id = uniqueID(customID ?? HeadingSlug.make(headingText))
            if let customID, id != customID {
                diagnostics.append(
                    Diagnostic(
                        .warning, .brokenAnchor, at: loc,
                        "the id `\(customID)` is already used on this page (by an earlier heading or the theme); this heading gets `\(id)`",
                        help: "choose another id in `{#…}`"))
            }
            headings.append(.init(level: level, text: ByteSearch.trimmed(headingText), id: id, line: loc.line))
            if level == 1, options.headingAnchors {
                // The page's title is its `<h1>`: one more makes two (search engines and screen readers
                // expect one), and puts a level under the title at the title's level.
                diagnostics.append(
                    Diagnostic(
                        .warning, .headingLevel, at: loc, "a `#` heading is a second `<h1>` on the page; the title is its first",
                        help: "write `## \(headings[headings.count - 1].text)`: the page's sections start at `##`"))
            } else if level > outlineLevel + 1 {
                headingSkips(level, at: loc, text: headings[headings.count - 1].text)
            }
            outlineLevel = level
            if options.headingAnchors, let marker = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) {
                cmark_node_set_on_enter(marker, "\u{E000}")
                if let first = cmark_node_first_child(node) {
                    cmark_node_insert_before(first, marker)
                } else {
                    cmark_node_append_child(node, marker)
                }
            } else {
                headings[headings.count - 1].level = options.headingAnchors ? level : -level
            }
            prose.append(proseBlock)
        case CMARK_NODE_PARAGRAPH:
            // Only a paragraph that opens with `{{` can be a block reference; the others skip building its text.
            if Self.startsWithDoubleBrace(node) {
                let loc = location(node)
                if let (html, found) = hooks.blockReplacement(forParagraph: plainText(node), at: loc) {
                    diagnostics += found
                    if options.sectionTexts { blockText = HTML.plainText(html) }
                    replace(node, withHTML: html)
                    return false
                }
            }
            if options.githubAlerts, let kind = Self.mkdocsAdmonition(node) {
                let syntax = kind.written.hasPrefix(":") ? "`:::` containers (Docusaurus, VitePress)" : "MkDocs admonitions"
                diagnostics.append(
                    Diagnostic(
                        .warning, .alertSyntax, at: location(node),
                        "\(syntax) (`\(kind.written)`) are not supported; the paragraph shows it as text",
                        help: "write a GitHub alert: `> [!\(kind.alert)]` on a line of its own, then the text on lines starting `> `"))
            }
            var proseBlock = ProseBlock(kind: .paragraph, ignored: ignoredHere)
            collect(node, into: &proseBlock)
            prose.append(proseBlock)
        case CMARK_NODE_CODE_BLOCK:
            let info = ByteSearch.trimmed(String(cString: cmark_node_get_fence_info(node)))
            let code = String(cString: cmark_node_get_literal(node))
            if !info.isEmpty, let (html, blocks, found) = hooks.renderFencedBlock(info: info, code: code, at: location(node)) {
                diagnostics += found
                prose += blocks.map {
                    var b = $0; b.ignored.formUnion(ignoredHere); return b
                }
                replace(node, withHTML: html)
            } else {
                hasCodeBlocks = true
                if options.sectionTexts { blockText = ByteSearch.trimmed(code, newlines: true) }
            }
        case CMARK_NODE_BLOCK_QUOTE:
            if options.githubAlerts, let kind = alertKind(node) {
                wrapAlert(node, kind: kind, ignored: ignoredHere)
            } else {
                if options.githubAlerts, let (marker, textAfter) = alertLikeMarker(node) {
                    let known = AlertKind(rawValue: marker.uppercased()) != nil
                    diagnostics.append(
                        Diagnostic(
                            .warning, .alertSyntax, at: location(node),
                            known
                                ? "`[!\(marker)]` opens an alert only on a line of its own; the quote shows it as text"
                                : "`[!\(marker)]` is not an alert kind; the quote shows it as text",
                            help: known
                                ? "put \(textAfter.isEmpty ? "the text after it" : "`\(textAfter)`") on the next line, after `> `"
                                : Suggestion.closest(to: marker.uppercased(), in: AlertKind.allCases.map(\.rawValue)).map {
                                    "did you mean `[!\($0)]`?"
                                } ?? "the kinds are NOTE, TIP, IMPORTANT, WARNING and CAUTION"))
                }
                children(of: node, ignored: ignoredHere)
            }
        default:
            // cmark-gfm names every node type, extension ones included.
            let typeName = cmark_node_get_type_string(node)!
            if strcmp(typeName, "table") == 0 {
                tableCells(node, ignored: ignoredHere)
                if options.tableLabel != nil, let frame = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) {
                    // Named once the page is walked (`nameTableFrames`): regions need names of their own.
                    cmark_node_set_on_exit(frame, "</div>")
                    cmark_node_replace(node, frame)
                    cmark_node_append_child(frame, node)
                    tableFrames.append((frame, headings.last?.text))
                }
            } else {
                if type == CMARK_NODE_ITEM, !hasTaskItems, strcmp(typeName, "tasklist") == 0 { hasTaskItems = true }
                children(of: node, ignored: ignoredHere)
            }
        }
        return false
    }

    mutating func children(of node: OpaquePointer, ignored: Set<String>) {
        var child = cmark_node_first_child(node)
        while let c = child {
            child = cmark_node_next(c)
            pendingIgnore.formUnion(ignored)
            block(c)
        }
    }

    mutating func tableCells(_ table: OpaquePointer, ignored: Set<String>) {
        var row = cmark_node_first_child(table)
        // GitHub tables always open with their header row: each body cell's context is its column's
        // header and its row's first cell.
        var headers: [Int] = []  // index in `prose` of each column's header cell, -1 for none
        var isHeader = true
        while let r = row {
            var cell = cmark_node_first_child(r)
            var column = 0
            var rowLabel = -1
            while let c = cell {
                cell = cmark_node_next(c)
                defer { column += 1 }
                // A cell holding only `{{table …}}` shows that table, as a paragraph of it does.
                if Self.startsWithDoubleBrace(c), let (html, found) = hooks.blockReplacement(forParagraph: plainText(c), at: location(c)) {
                    diagnostics += found
                    replaceChildren(of: c, withHTML: html)
                    if isHeader { headers.append(-1) }
                    continue
                }
                var proseBlock = ProseBlock(kind: .tableCell, ignored: ignored)
                collect(c, into: &proseBlock)
                if isHeader {
                    headers.append(prose.count)
                } else {
                    if column < headers.count, headers[column] >= 0 { proseBlock.headerBack = Int32(prose.count - headers[column]) }
                    if column == 0 {
                        rowLabel = prose.count
                    } else if rowLabel >= 0 {
                        proseBlock.labelBack = Int32(prose.count - rowLabel)
                    }
                }
                prose.append(proseBlock)
            }
            isHeader = false
            row = cmark_node_next(r)
        }
    }

    /// How many images the inline walk is inside (their descriptions are alt text, not HTML).
    private var imageDepth = 0
    /// Whether the page has a code block, whose `<pre>` the HTML then makes focusable.
    private(set) var hasCodeBlocks = false
    /// Whether the page has a task list item (`- [x]`), whose checkbox the HTML then names.
    private(set) var hasTaskItems = false

    /// A block's text is built here as bytes and handed to its `ProseBlock` as they are: a `String` per text
    /// node (validated, allocated, then appended) was most of the walk's cost.
    private var text: [UInt8] = []

    /// Fills `proseBlock` from the inline children of a block.
    mutating func collect(_ parent: OpaquePointer, into proseBlock: inout ProseBlock) {
        text.removeAll(keepingCapacity: true)
        inlines(of: parent, into: &proseBlock)
        // An exact-size copy: handing over `text` itself would make the next block reallocate the scratch buffer.
        proseBlock.utf8 = Array(text[...])
    }

    /// Walks the inline children of a block: expands references, rewrites links, collects text in `text`.
    mutating func inlines(of parent: OpaquePointer, into proseBlock: inout ProseBlock) {
        var child = cmark_node_first_child(parent)
        while let node = child {
            child = cmark_node_next(node)
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_TEXT:
                let literal = Self.bytes(cmark_node_get_literal(node))
                let loc = location(node)
                // Before the literal may be replaced (which frees these bytes).
                // cmark leaves a footnote reference with no definition as its text (`[^1]`).
                if literal.contains(0x5E), let (label, _) = Self.footnoteReferenceText(literal) {
                    // At the text's start: cmark's text positions do not always match the source line (the
                    // fuzzer found an offset from one running past the line's end).
                    let at = loc
                    diagnostics.append(
                        Diagnostic(
                            .warning, .brokenAnchor, at: at, "the footnote `[^\(label)]` has no definition, so it is shown as text",
                            help: "add `[^\(label)]: …` on a line of its own below the paragraph"))
                }
                // Only a text holding `{{` can hold a reference; the rest is copied as bytes.
                if ByteSearch.containsPair(literal, 0x7B),
                    let (segments, found) = hooks.expandReferences(in: String(decoding: literal, as: UTF8.self), at: loc)
                {
                    diagnostics += found
                    let start = text.count
                    proseBlock.append(segments, at: loc, to: &text)
                    // The node takes the bytes just appended, ended by a NUL in place for the moment: a
                    // `String` of them was validated, then copied again into a C string.
                    text.append(0)
                    text.withUnsafeBufferPointer { all in
                        UnsafeRawPointer(all.baseAddress! + start).withMemoryRebound(to: CChar.self, capacity: all.count - start) {
                            cmark_node_set_literal(node, $0)
                        }
                    }
                    text.removeLast()
                } else {
                    proseBlock.anchors.append(.init(offset: text.count, line: loc.line, column: loc.column))
                    text.append(contentsOf: literal)
                }
            case CMARK_NODE_CODE:
                // Code is quoted, not stated: it reads as text but is never a claim.
                let code = Self.bytes(cmark_node_get_literal(node))
                let offset = text.count
                let loc = location(node)
                proseBlock.anchors.append(.init(offset: offset, line: loc.line, column: loc.column + 1))
                text.append(contentsOf: code)
                proseBlock.generated.append(offset..<(offset + code.count))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                // Chinese wrapped in the source (`售后\n期是20天`) is one run of text, as CSS reads a line break
                // between two CJK characters: a term or a number across the break is still found.
                if type == CMARK_NODE_SOFTBREAK, UTF8Scan.endsWide(text), let next = child, Self.startsWide(next) {
                    // And in the HTML: a browser shows the newline as a space (`的规 定`).
                    cmark_node_unlink(node)
                    cmark_node_free(node)
                    break
                }
                text.append(0x20)
            case CMARK_NODE_HTML_INLINE:
                if imageDepth > 0 {
                    // In an image's description it is alt text: cmark-gfm writes it escaped (`Press <Enter>`
                    // reads as written, in safe mode too), so it is neither left out nor a warning.
                    text.append(contentsOf: Self.bytes(cmark_node_get_literal(node)))
                } else {
                    rawHTML(node, literal: String(cString: cmark_node_get_literal(node)), isBlock: false)
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                // A bare URL runs to the next space, so `https://www.jd.com。也可以` linked the Chinese after
                // it: the link ends at the first CJK punctuation or character, the rest is text again (walked next).
                if type == CMARK_NODE_LINK, let rest = Self.endAutolinkAtCJK(node) { child = rest }
                // The image's URL as written, before `link` makes it the output's.
                let imageURL = type == CMARK_NODE_IMAGE ? String(cString: cmark_node_get_url(node)) : nil
                link(node, isImage: type == CMARK_NODE_IMAGE)
                let altStart = text.count
                if imageURL != nil { imageDepth += 1 }
                inlines(of: node, into: &proseBlock)
                if imageURL != nil { imageDepth -= 1 }
                if let imageURL, text[altStart...].allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) {
                    imageWithoutAlt(node, url: imageURL)
                }
            case CMARK_NODE_FOOTNOTE_REFERENCE:
                // cmark's API has no getter for a footnote's label, so the reference is rendered alone: it is
                // `<a href="#fn-<label>" id="fnref-<label>">` (`fnref-<label>-2` for a second reference).
                footnoteIDs(node)
                // A note mark stays on the line of the word it follows (`纠纷¹`, not `纠纷` then `¹。` on the next
                // line): a word joiner (U+2060) ends the text before it, in the HTML only.
                if let before = cmark_node_previous(node), cmark_node_get_type(before) == CMARK_NODE_TEXT {
                    let literal = Self.bytes(cmark_node_get_literal(before))
                    if let last = literal.last, last != 0x20, last != 0x0A {
                        Self.setLiteral(before, (Array(literal) + [0xE2, 0x81, 0xA0])[...])
                    }
                }
            case CMARK_NODE_EMPH, CMARK_NODE_STRONG:
                inlines(of: node, into: &proseBlock)
            default:
                guard Self.isStrikethrough(node) else {
                    inlines(of: node, into: &proseBlock)
                    break
                }
                // Struck-out text is what no longer holds (`~~15天~~ 7天` when a rule changed): it is no claim and
                // names no row, and what follows it is read on its own (~~15天~~7天 ran together as 15天7天).
                let start = text.count
                inlines(of: node, into: &proseBlock)
                proseBlock.generated.append(start..<text.count)
                // Only a number right after needs the break (the text is also search's and JSON-LD's).
                if let next = child, Self.startsWithNumber(next) { text.append(0x20) }
            }
        }
    }

    /// For an autolink (its one text is its URL, or the URL without `http://` or `mailto:`) that runs into
    /// Chinese: cuts it before the first CJK punctuation mark or character after an ASCII host, and puts
    /// the rest after it as a text node, which it returns.
    static func endAutolinkAtCJK(_ link: OpaquePointer) -> OpaquePointer? {
        guard let textNode = cmark_node_first_child(link), cmark_node_next(textNode) == nil,
            cmark_node_get_type(textNode) == CMARK_NODE_TEXT, let urlPointer = cmark_node_get_url(link)
        else { return nil }
        let literal = bytes(cmark_node_get_literal(textNode))
        guard literal.contains(where: { $0 >= 0xE2 }) else { return nil }
        let url = bytes(urlPointer)
        // The URL is the text with a scheme added, or nothing: a written link `[x](url)` is left alone.
        guard url.count >= literal.count, url.suffix(literal.count).elementsEqual(literal) else { return nil }
        let scheme = url.count - literal.count
        var sawDot = false
        var i = 0
        while i < literal.count {
            let byte = literal[i]
            if byte < 0x80 {
                if byte == 0x2E { sawDot = true }
                i += 1
                continue
            }
            let (scalar, length) = UTF8Scan.scalar(literal, at: i)
            let v = scalar.value
            let isCJK =
                (0x3000...0x303F).contains(v) || (0xFF00...0xFFEF).contains(v) || (0x2018...0x201F).contains(v)
                || (0x3400...0x9FFF).contains(v) || v == 0x2026
            guard isCJK, sawDot else { return nil }
            let kept = Array(literal[..<i])
            let rest = Array(literal[i...])
            Self.setLiteral(textNode, kept[...])
            (Array(url[..<(scheme + i)]) + [0]).withUnsafeBufferPointer { p in
                p.withMemoryRebound(to: CChar.self) { cmark_node_set_url(link, $0.baseAddress) }
            }
            let after = cmark_node_new(CMARK_NODE_TEXT)!
            Self.setLiteral(after, rest[...])
            cmark_node_insert_after(link, after)
            return after
        }
        return nil
    }

    /// The label and byte offset of the first `[^label]` in a text (a footnote reference cmark could not
    /// resolve).
    static func footnoteReferenceText(_ bytes: UnsafeBufferPointer<UInt8>) -> (label: String, offset: Int)? {
        var i = 0
        while i + 3 < bytes.count {
            if bytes[i] == 0x5B, bytes[i + 1] == 0x5E {  // `[^`
                var j = i + 2
                while j < bytes.count, bytes[j] != 0x5D, bytes[j] != 0x20, bytes[j] != 0x5B, j - i < 40 { j += 1 }
                if j < bytes.count, bytes[j] == 0x5D, j > i + 2 {
                    return (String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 2)..<j]), as: UTF8.self), i)
                }
            }
            i += 1
        }
        return nil
    }

    /// Whether `node`'s text starts with a digit, a Chinese numeral or a yuan sign.
    static func startsWithNumber(_ node: OpaquePointer) -> Bool {
        var node = node
        // Through emphasis and links to the first text (`~~15天~~**7天**`).
        for _ in 0..<8 where cmark_node_get_type(node) != CMARK_NODE_TEXT {
            guard let first = cmark_node_first_child(node) else { return false }
            node = first
        }
        guard cmark_node_get_type(node) == CMARK_NODE_TEXT else { return false }
        let literal = bytes(cmark_node_get_literal(node))
        guard let first = literal.first else { return false }
        if first < 0x80 { return first &- 0x30 < 10 }
        let scalar = UTF8Scan.scalar(literal, at: 0).scalar
        return scalar.value &- 0xFF10 < 10 || scalar == "¥" || scalar == "￥" || ChineseNumeral.isNumeral(scalar)
    }

    /// Whether `node` is GitHub's strikethrough (an extension's node, told by its type name).
    static func isStrikethrough(_ node: OpaquePointer) -> Bool {
        guard let name = cmark_node_get_type_string(node) else { return false }
        return strcmp(name, "strikethrough") == 0
    }

    /// Whether the text of `node` (its first text, through emphasis and links) starts with a CJK-wide character.
    static func startsWide(_ node: OpaquePointer) -> Bool {
        var node = node
        for _ in 0..<8 {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                let literal = bytes(cmark_node_get_literal(node))
                return !literal.isEmpty && literal[0] >= 0xE2 && UTF8Scan.scalar(literal, at: 0).scalar.value >= 0x2E80
            }
            guard let first = cmark_node_first_child(node) else { return false }
            node = first
        }
        return false
    }

    /// A node's literal as bytes, valid while the node is unchanged.
    /// Sets a node's literal to `bytes` (cmark copies them, so they need to live only for the call).
    static func setLiteral(_ node: OpaquePointer, _ bytes: ArraySlice<UInt8>) {
        (Array(bytes) + [0]).withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { _ = cmark_node_set_literal(node, $0.baseAddress) }
        }
    }

    static func bytes(_ literal: UnsafePointer<CChar>?) -> UnsafeBufferPointer<UInt8> {
        guard let literal else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
    }

    mutating func link(_ node: OpaquePointer, isImage: Bool) {
        // A title (`[x](url "Fee: {{rule fees.return.amount}}")`) is shown as a tooltip: its references are
        // expanded like the text's, and an unknown one is reported at the link.
        if let title = cmark_node_get_title(node), ByteSearch.containsPair(Self.bytes(title), 0x7B),
            let (segments, found) = hooks.expandReferences(in: String(cString: title), at: location(node))
        {
            diagnostics += found
            var expanded = ""
            for segment in segments {
                switch segment {
                case .literal(let text), .generated(let text, _): expanded += text
                }
            }
            cmark_node_set_title(node, expanded)
        }
        let url = String(cString: cmark_node_get_url(node))
        // References work in text, not in URLs: `https://example.com/?q={{rule a.b.c}}` becomes a link to
        // `…?q={{rule` (the space ends the autolink) and the braces would be published as they are.
        if ByteSearch.containsPair(Self.bytes(cmark_node_get_url(node)), 0x7B),
            url.contains("{{rule") || url.contains("{{table") || url.contains("{{ rule") || url.contains("{{ table")
        {
            diagnostics.append(
                Diagnostic(
                    .error, .unknownRule, at: writtenLocation(of: node, text: Array(url.utf8)),
                    "a `{{rule …}}` in a link's URL is not expanded, and would be published as it is",
                    help: "write the URL out, or put the reference in the link's text"))
        }
        let resolution = hooks.resolveLink(url, isImage: isImage, at: location(node))
        if !options.unsafeHTML, URLSafety.isDangerous(url) {
            cmark_node_set_url(node, "")
            if case .broken(let d) = resolution { diagnostics.append(d) }
            return
        }
        switch resolution {
        case .keep: break
        case .replace(let newURL): cmark_node_set_url(node, newURL)
        case .broken(let d): diagnostics.append(d)
        }
    }

    /// Accessibility: headings are an outline (screen readers list them, the table of contents shows them),
    /// so a level skipped reads as a missing section, as markdownlint's MD001 says.
    mutating func headingSkips(_ level: Int, at location: SourceLocation, text: String) {
        let after = outlineLevel == 1 ? "the page title" : "a `\(String(repeating: "#", count: outlineLevel))` heading"
        diagnostics.append(
            Diagnostic(
                .warning, .headingLevel, at: location, "a level-\(level) heading after \(after) skips a level",
                help:
                    "write `\(String(repeating: "#", count: outlineLevel + 1)) \(text)`: readers of the outline would look for the missing level"
            ))
    }

    /// Accessibility: an image without alternative text is announced by its file name, or not at all.
    mutating func imageWithoutAlt(_ node: OpaquePointer, url: String) {
        let name = url.split(separator: "/").last.map(String.init) ?? url
        diagnostics.append(
            Diagnostic(
                .warning, .imageAlt, at: location(node), "the image `\(name)` has no alternative text",
                help:
                    "say what it shows inside the brackets, `![the refund button on the order page](\(url))`; an image that only decorates can be marked with `<!-- guidegen-ignore: image-alt -->`"
            ))
    }

    /// Raw HTML: kept when the site opted in; otherwise replaced by cmark's own placeholder and reported.
    mutating func rawHTML(_ node: OpaquePointer, literal: String, isBlock: Bool) {
        guard !options.unsafeHTML else { return }
        cmark_node_set_literal(node, "<!-- raw HTML omitted -->")
        let snippet = literal.split(separator: "\n").first.map { String($0.prefix(40)) } ?? ""
        // A comment is an author's note, shown to no reader either way: "write it in Markdown" misled.
        let trimmed = ByteSearch.trimmed(literal, newlines: true)
        let isComment = trimmed.hasPrefix("<!--")
        // Hugo's summary divider: a migrated page has one, and guidegen's summary is a front matter key.
        let isMoreDivider =
            isComment && trimmed.hasSuffix("-->") && trimmed.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces) == "more"
        diagnostics.append(
            Diagnostic(
                .warning, .rawHTML, at: location(node), "raw HTML `\(snippet)` is left out",
                help: isMoreDivider
                    ? "guidegen has no summary divider: a page's summary is its front matter `summary:`; remove the marker"
                    : isComment
                        ? "an HTML comment is in no page; remove it (a `<!-- guidegen-ignore: … -->` marker is the one comment read)"
                        : "write it in Markdown, or set `unsafe_html: true` in guidegen.yaml if you trust every author"))
    }

    /// Swaps a table cell's children for literal HTML. A cell may not hold a custom node, so this is an
    /// inline HTML node: the walk has already replaced the author's raw HTML, and the HTML is rendered as is.
    mutating func replaceChildren(of node: OpaquePointer, withHTML html: String) {
        recordIDs(in: html)
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_free(child)
        }
        guard let inline = cmark_node_new(CMARK_NODE_HTML_INLINE) else { return }
        cmark_node_set_literal(inline, html)
        if cmark_node_append_child(node, inline) == 0 { cmark_node_free(inline) }
    }

    /// Notes the `id="…"` values of HTML a hook wrote (a flow's figure, a rule table's rows), so that no
    /// heading takes them and links to them count as found.
    mutating func recordIDs(in html: String) {
        var html = html
        html.withUTF8 { bytes in
            let needle: [UInt8] = Array(" id=\"".utf8)
            var from = 0
            while from < bytes.count, let hit = ByteSearch.firstIndex(of: needle, in: UnsafeBufferPointer(rebasing: bytes[from...])) {
                let start = from + hit + needle.count
                guard let end = ByteSearch.find(0x22, in: bytes, from: start) else { break }
                // cmark percent-encodes a footnote label (`fn-%E6%B3%A8`); links are compared decoded.
                let id = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                generatedIDs.append(ByteSearch.contains(id, 0x25) ? (id.removingPercentEncoding ?? id) : id)
                from = end + 1
            }
        }
    }

    /// Notes the ids of a footnote reference and of the note it leads to.
    mutating func footnoteIDs(_ reference: OpaquePointer) {
        guard let cString = cmark_render_html(reference, CMARK_OPT_FOOTNOTES, nil) else { return }
        let html = String(cString: cString)
        free(cString)
        recordIDs(in: html)
        if let start = html.range(of: "href=\"#"), let end = html[start.upperBound...].firstIndex(of: "\"") {
            let note = String(html[start.upperBound..<end])
            generatedIDs.append(note.removingPercentEncoding ?? note)
        }
    }

    /// Swaps a node for literal HTML (a custom block, which cmark emits as is and tagfilter leaves alone).
    mutating func replace(_ node: OpaquePointer, withHTML html: String) {
        recordIDs(in: html)
        guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(custom, html)
        cmark_node_set_on_exit(custom, "")
        cmark_node_replace(node, custom)
        cmark_node_free(node)
    }

    /// The alert kind when a block quote starts with `[!KIND]` on its own line.
    func alertKind(_ quote: OpaquePointer) -> AlertKind? {
        guard let (kind, textAfter) = alertLikeMarker(quote), textAfter.isEmpty,
            let text = cmark_node_first_child(cmark_node_first_child(quote))
        else { return nil }
        let next = cmark_node_next(text)
        guard next == nil || [CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK].contains(cmark_node_get_type(next!)) else { return nil }
        return AlertKind(rawValue: kind.uppercased())
    }

    /// For a quote that opens like an alert: the kind written and any text after it on its line (an alert
    /// when the kind is GitHub's and nothing follows; otherwise GitHub shows a quote, and lint says why).
    func alertLikeMarker(_ quote: OpaquePointer) -> (kind: String, textAfter: String)? {
        guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
            let text = cmark_node_first_child(paragraph), cmark_node_get_type(text) == CMARK_NODE_TEXT
        else { return nil }
        let literal = ByteSearch.trimmed(String(cString: cmark_node_get_literal(text)))
        guard literal.hasPrefix("[!"), let close = literal.firstIndex(of: "]") else { return nil }
        let kind = literal[literal.index(literal.startIndex, offsetBy: 2)..<close]
        guard !kind.isEmpty, kind.count <= 12, kind.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return (String(kind), ByteSearch.trimmed(String(literal[literal.index(after: close)...])))
    }

    /// Turns an alert block quote into a titled callout `<div>`.
    mutating func wrapAlert(_ quote: OpaquePointer, kind: AlertKind, ignored: Set<String>) {
        let paragraph = cmark_node_first_child(quote)!
        let marker = cmark_node_first_child(paragraph)!
        if let br = cmark_node_next(marker) { cmark_node_unlink(br); cmark_node_free(br) }
        cmark_node_unlink(marker)
        cmark_node_free(marker)
        if cmark_node_first_child(paragraph) == nil {
            cmark_node_unlink(paragraph)
            cmark_node_free(paragraph)
        }
        if cmark_node_first_child(quote) == nil {
            diagnostics.append(
                Diagnostic(
                    .warning, .alertSyntax, at: location(quote), "this `[!\(kind.rawValue)]` alert is empty; it shows only its title",
                    help: "write its text on the next line, after `> `"))
        }
        children(of: quote, ignored: ignored)
        let name = kind.rawValue.lowercased()
        let open = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(
            open,
            "<div class=\"callout callout--\(name)\" role=\"note\">\n<p class=\"callout__title\">\(HTML.escape(hooks.alertTitle(kind)))</p>"
        )
        cmark_node_set_on_exit(open, "</div>")
        var child = cmark_node_first_child(quote)
        while let c = child {
            child = cmark_node_next(c)
            cmark_node_unlink(c)
            cmark_node_append_child(open, c)
        }
        cmark_node_replace(quote, open)
        cmark_node_free(quote)
    }

    /// Whether a paragraph's first inline is text starting with `{{` (after spaces and tabs).
    static func startsWithDoubleBrace(_ paragraph: OpaquePointer) -> Bool {
        guard let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
            var p = cmark_node_get_literal(first)
        else { return false }
        while p.pointee == 0x20 || p.pointee == 0x09 { p += 1 }
        return p.pointee == 0x7B && p[1] == 0x7B
    }

    /// Concatenated text of a node's inlines, without expanding anything.
    func plainText(_ node: OpaquePointer) -> String {
        var out = ""
        var child = cmark_node_first_child(node)
        while let c = child {
            let type = cmark_node_get_type(c)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                out += String(cString: cmark_node_get_literal(c))
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                out += " "
            } else {
                out += plainText(c)
            }
            child = cmark_node_next(c)
        }
        return out
    }

    /// `base`, or `base-1`, `base-2` … whichever is still free (a heading may itself be called `a-1`).
    /// Most headings are unique, so one insert settles them; the next suffix is remembered only for a base
    /// that was already taken (a base that is free now was never asked for before, so it had none).
    mutating func uniqueID(_ base: String, avoiding taken: (String) -> Bool = { _ in false }) -> String {
        let root = base.isEmpty ? "section" : base
        if !MarkdownRenderer.isReserved(root), !taken(root), takenIDs.insert(root).inserted { return root }
        var n = nextSuffix[root, default: 1]
        // `fn-2` and `fnref-2` are footnote ids, so a second "fn" heading would never find a free
        // `fn-<n>` (it looped forever): such a root is numbered as `fn-section-2`.
        let stem = MarkdownRenderer.isReserved("\(root)-1") ? "\(root)-section" : root
        var candidate: String
        repeat {
            candidate = "\(stem)-\(n)"
            n += 1
        } while takenIDs.contains(candidate) || MarkdownRenderer.isReserved(candidate) || taken(candidate)
        nextSuffix[root] = n
        takenIDs.insert(candidate)
        return candidate
    }

    /// Removes a trailing attribute block (`{#id}`, `{#id .class}`, `{.class}`) from a heading's last text and
    /// returns its id. Only `#id` is used; classes and `key=value` pairs are dropped, as the theme styles
    /// headings. `{{rule …}}` at the end is no attribute block (its brace is doubled).
    static func takeHeadingAttributes(_ heading: OpaquePointer) -> String? {
        guard let last = cmark_node_last_child(heading), cmark_node_get_type(last) == CMARK_NODE_TEXT else { return nil }
        let literal = bytes(cmark_node_get_literal(last))
        var end = literal.count
        while end > 0, literal[end - 1] == 0x20 || literal[end - 1] == 0x09 { end -= 1 }
        guard end > 0, literal[end - 1] == 0x7D else { return nil }
        var open = end - 2
        while open >= 0, literal[open] != 0x7B {
            if literal[open] == 0x7D { return nil }
            open -= 1
        }
        guard open >= 0, open == 0 || literal[open - 1] != 0x7B else { return nil }
        let inner = String(decoding: UnsafeBufferPointer(rebasing: literal[(open + 1)..<(end - 1)]), as: UTF8.self)
        let tokens = inner.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !tokens.isEmpty, tokens.allSatisfy({ ($0.first == "#" || $0.first == ".") && $0.count > 1 || $0.contains("=") })
        else { return nil }
        let id = tokens.last { $0.first == "#" }.map { String($0.dropFirst()) }
        var keep = open
        while keep > 0, literal[keep - 1] == 0x20 || literal[keep - 1] == 0x09 { keep -= 1 }
        setLiteral(last, Array(literal[..<keep])[...])
        return id
    }

    /// A paragraph opening with MkDocs' `!!! kind` (or `??? kind`, a collapsible one): the kind as written and
    /// the GitHub alert closest in meaning.
    static func mkdocsAdmonition(_ paragraph: OpaquePointer) -> (written: String, alert: String)? {
        guard let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
            let head = cmark_node_get_literal(first)
        else { return nil }
        // The first bytes before the text's length: every paragraph comes here, and measuring each was a cost.
        let lead = UInt8(bitPattern: head[0])
        guard lead == 0x21 || lead == 0x3F || lead == 0x3A, UInt8(bitPattern: head[1]) == lead, UInt8(bitPattern: head[2]) == lead
        else { return nil }
        let literal = bytes(head)
        guard literal.count > 4 else { return nil }
        // `!!! note`, `??? note`, `???+ note` (MkDocs); `:::tip`, `::: tip`, `::::tip` (markdown-it-container,
        // as Docusaurus and VitePress write it).
        var markerEnd = 3
        if lead == 0x3A {
            while markerEnd < literal.count, literal[markerEnd] == 0x3A { markerEnd += 1 }
        } else if literal[markerEnd] == 0x2B {
            markerEnd += 1
        }
        var start = markerEnd
        while start < literal.count, literal[start] == 0x20 { start += 1 }
        guard start < literal.count, start > markerEnd || lead == 0x3A else { return nil }
        let rest = String(decoding: UnsafeBufferPointer(rebasing: literal[start...]), as: UTF8.self)
        guard let word = rest.split(separator: " ").first.map(String.init), word.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return nil
        }
        let alert: String
        switch word.lowercased() {
        case "tip", "hint", "success", "check", "done": alert = "TIP"
        case "important": alert = "IMPORTANT"
        case "warning", "attention", "caution": alert = "WARNING"
        case "danger", "error", "failure", "fail", "missing", "bug": alert = "CAUTION"
        default: alert = "NOTE"
        }
        let marker = String(decoding: UnsafeBufferPointer(rebasing: literal[0..<markerEnd]), as: UTF8.self)
        return (marker + (start > markerEnd ? " " : "") + word, alert)
    }

    /// The check ids of `<!-- guidegen-ignore: a, b -->`, or nil when the HTML is something else.
    static func ignoreDirective(_ html: String) -> Set<String>? {
        let trimmed = ByteSearch.trimmed(html, newlines: true)
        guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->") else { return nil }
        let inner = trimmed.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces)
        guard inner.hasPrefix("guidegen-ignore") else { return nil }
        let rest = inner.dropFirst("guidegen-ignore".count).drop { $0 == ":" || $0 == " " }
        let ids = rest.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        return Set(ids.isEmpty ? ["*"] : ids)
    }

    /// Top-level `##` sections and the plain text under each.
    func sections() -> [MarkdownResult.Section] {
        var out: [MarkdownResult.Section] = []
        for entry in topLevel {
            if let index = entry.headingIndex, abs(headings[index].level) == 2 {
                out.append(.init(heading: headings[index], text: ""))
            } else if let index = entry.headingIndex, !out.isEmpty {
                // A `###` inside an answer is part of the answer.
                out[out.count - 1].text += (out[out.count - 1].text.isEmpty ? "" : "\n") + headings[index].text
            } else if entry.headingIndex == nil, !out.isEmpty {
                out[out.count - 1].text += (out[out.count - 1].text.isEmpty ? "" : "\n") + entry.text
            }
        }
        return out
    }
}

/// Converts cmark's 1-based byte columns to scalar columns: where lines start is found once (`memchr`);
/// a column is counted on its own line when asked for, since a page asks for a few dozen and a table of
/// every byte cost more than all of them.
struct ColumnTable {
    private let text: String
    private let lineStarts: [Int]
    private let byteCount: Int
    /// The last answer, to count on from: a long line with many inline nodes is asked about left to right,
    /// and counting each from the line's start would be quadratic.
    private let last = Last()

    private final class Last {
        var line = 0
        var offset = 0
        var scalars = 0
    }

    /// Whether the text is all ASCII, where a byte column is the scalar column (most English pages).
    private let isASCII: Bool

    init(_ text: String) {
        var text = text
        (lineStarts, byteCount, isASCII) = text.withUTF8 { bytes in
            var starts = [0]
            var from = 0
            while let newline = ByteSearch.find(0x0A, in: bytes, from: from) {
                starts.append(newline + 1)
                from = newline + 1
            }
            return (starts, bytes.count, ByteSearch.isASCII(bytes))
        }
        self.text = text
    }

    /// The 1-based scalar column of 1-based byte column `byteColumn` on 1-based `line`; a column past the
    /// end of the line is the column just after it.
    func scalarColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return 1 }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] - 1 : byteCount
        let offset = max(start, min(start + byteColumn - 1, end))
        if isASCII { return offset - start + 1 }
        let resume = last.line == line && last.offset <= offset
        var scalars = resume ? last.scalars : 0
        UTF8Scan.withBytes(text) { bytes in
            // A branch-free count over a buffer, which the compiler vectorizes (Chinese paragraphs are long lines).
            scalars += ByteSearch.scalarCount(UnsafeBufferPointer(rebasing: bytes[(resume ? last.offset : start)..<offset]))
        }
        (last.line, last.offset, last.scalars) = (line, offset, scalars)
        return scalars + 1
    }

    /// Where `needle` is first written from 1-based `line` and byte column `byteColumn` up to the end of
    /// `lastLine`, as a 1-based line and byte column; nil when it is not there.
    func find(_ needle: [UInt8], line: Int, byteColumn: Int, lastLine: Int) -> (line: Int, byteColumn: Int)? {
        guard !needle.isEmpty, line >= 1, line <= lineStarts.count else { return nil }
        let from = min(lineStarts[line - 1] + max(0, byteColumn - 1), byteCount)
        let to = lastLine < lineStarts.count ? max(from, lineStarts[max(lastLine, line)] - 1) : byteCount
        let found = UTF8Scan.withBytes(text) { bytes in
            ByteSearch.firstIndex(of: needle, in: UnsafeBufferPointer(rebasing: bytes[from..<to]))
        }
        guard let found else { return nil }
        let offset = from + found
        let at = lineStarts.partitionPoint { $0 > offset } - 1
        return (at + 1, offset - lineStarts[at] + 1)
    }
}
