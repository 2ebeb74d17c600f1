import Foundation
import Mustache

/// The templates and static files of `site-templates/`, loaded once per build.
///
/// Templates are Mustache (logic-less: they cannot run programs, read the environment or open files);
/// partials resolve only to templates inside the theme folder.
public struct Theme: Sendable {
    /// Compiled templates by name (file name without `.mustache`).
    public let library: MustacheLibrary
    /// Static files to copy: output path (under `theme/`) → bytes.
    public let files: [String: [UInt8]]
    /// Template names that exist.
    public let templateNames: Set<String>
    /// Rendered skeletons per context shape; nil when the theme's templates do not allow them.
    let skeletons: TemplateSkeletons?
    /// Whether pages render through skeletons (see `TemplateSkeletons`).
    public var usesSkeletons: Bool { skeletons != nil }
    /// The theme folder as diagnostics name it (`site-templates`, or the path `--templates` gave).
    public let folderName: String
    public static let defaultFolderName = "site-templates"

    /// Templates the renderer uses (the built-in theme has them all; a site's theme may replace any).
    public static let requiredTemplates = ["page", "section", "home", "404", "root"]

    /// swift-mustache escapes `{{value}}` one `Character` at a time through a dictionary, which was a tenth
    /// of a large build. Each template starts with this standalone pragma line (removed from the output,
    /// so line 2 of what the parser sees is line 1 of the file) switching to the same escaping done on bytes.
    static let escapingPragma: String = {
        MustacheContentTypes.register(ByteHTMLEscaping(), named: "GUIDEGEN_HTML")
        return "{{%CONTENT_TYPE:GUIDEGEN_HTML}}\n"
    }()

    struct ByteHTMLEscaping: MustacheContentType {
        func escapeText(_ text: String) -> String { HTML.escape(text) }
    }

    /// Reads a theme: the built-in default theme with the files of `root` (a site's `site-templates/`) laid
    /// over it, as a Hugo project's layouts override its theme's, so a site can replace one partial or the
    /// CSS and keep the rest; `root == nil` is the built-in theme alone. Problems are diagnostics against
    /// the template files. `skeletons: false` renders every page through swift-mustache directly (the tests
    /// compare both ways).
    public static func load(from root: URL?, skeletons useSkeletons: Bool = true) -> (Theme?, [Diagnostic]) {
        let folderName = folderName(of: root)
        var merged: [String: [UInt8]] = [:]
        for (path, text) in BuiltinTheme.files { merged[path] = Array(text.utf8) }
        var diagnostics: [Diagnostic] = []
        if let root {
            guard let (siteFiles, readDiagnostics) = readFolder(root, folderName: folderName) else {
                return (
                    nil,
                    [
                        Diagnostic(
                            .error, .template, at: SourceLocation(file: root.path, line: 1, column: 1), "cannot read the templates folder",
                            help: "pass --templates with a folder of Mustache templates, or leave it out to use the built-in theme")
                    ]
                )
            }
            merged.merge(siteFiles) { _, site in site }
            diagnostics = readDiagnostics
        }
        let (theme, compileDiagnostics) = compile(merged, skeletons: useSkeletons, folderName: folderName)
        return (theme, diagnostics + compileDiagnostics)
    }

    /// A theme folder as the user named it (relative to the working directory when it was given so);
    /// `site-templates` for the built-in theme.
    public static func folderName(of root: URL?) -> String {
        guard let path = root?.relativePath else { return defaultFolderName }
        return path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
    }

    /// The non-hidden files under `root` by relative path; symbolic links leaving it are refused. Nil when
    /// the folder cannot be listed.
    static func readFolder(_ root: URL, folderName: String = defaultFolderName) -> ([String: [UInt8]], [Diagnostic])? {
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: rootPath) else { return nil }
        var relativePaths: [String] = []
        while let item = enumerator.nextObject() as? String { relativePaths.append(item) }
        var files: [String: [UInt8]] = [:]
        var diagnostics: [Diagnostic] = []
        for relative in relativePaths {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let resolved = URL(fileURLWithPath: rootPath + "/" + relative).resolvingSymlinksInPath().path
            guard resolved.hasPrefix(rootPath + "/") else {
                diagnostics.append(
                    Diagnostic(
                        .error, .unsafePath, at: SourceLocation(file: folderName + "/" + relative, line: 1, column: 1),
                        "symbolic link points outside the templates folder"))
                continue
            }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = fm.contents(atPath: resolved)
            else { continue }
            files[relative] = [UInt8](data)
        }
        return (files, diagnostics)
    }

    /// Compiles `*.mustache` files (relative path without the extension is the template's name) and keeps
    /// the rest as static files under `theme/`.
    static func compile(_ themeFiles: [String: [UInt8]], skeletons useSkeletons: Bool, folderName: String = defaultFolderName) -> (
        Theme, [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        var files: [String: [UInt8]] = [:]
        var names = Set<String>()
        var unparsed = Set<String>()
        var parsed: [String: MustacheTemplate] = [:]
        var sources: [String: String] = [:]
        for (relative, data) in themeFiles.sorted(by: { $0.key < $1.key }) {
            if relative.hasSuffix(".mustache") {
                let name = String(relative.dropLast(".mustache".count))
                // An editor's byte order mark is no part of the page (a partial's would land mid-document).
                let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
                let text = String(decoding: data.starts(with: bom) ? data.dropFirst(3) : data[...], as: UTF8.self)
                sources[name] = text
                // swift-mustache parses (and renders) sections by recursion: thousands deep overflowed the stack.
                if let deep = tooDeepSection(in: text) {
                    unparsed.insert(name)
                    diagnostics.append(
                        Diagnostic(
                            .error, .template, at: SourceLocation(file: folderName + "/" + relative, line: deep.line, column: deep.column),
                            "sections are nested more than \(Self.maximumSectionDepth) deep here",
                            help: "close some sections first; a theme needs a few levels, not hundreds"))
                    continue
                }
                do {
                    parsed[name] = try MustacheTemplate(string: Self.escapingPragma + text)
                    names.insert(name)
                } catch let error as MustacheTemplate.ParserError {
                    // It exists: the templates that include it are not also told it is missing.
                    unparsed.insert(name)
                    // The parser stops at the end of the file for a section left open, and inside a bad tag
                    // for the others: point at the tag's opening `{{` where it can be found.
                    var line = max(1, error.context.lineNumber - 1)
                    var column = error.context.columnNumber
                    var help: String?
                    if let located = Self.locate(error.error, in: text) { (line, column, help) = located }
                    diagnostics.append(
                        Diagnostic(
                            .error, .template, at: SourceLocation(file: folderName + "/" + relative, line: line, column: column),
                            "template does not parse: \(Self.explain(error.error, in: text))", help: help))
                } catch {
                    diagnostics.append(
                        Diagnostic(
                            .error, .template, at: SourceLocation(file: folderName + "/" + relative, line: 1, column: 1),
                            "template does not parse: \(error)"))
                }
            } else {
                files["theme/" + relative] = data
            }
        }
        // A partial that includes itself, directly or through others, would render forever (a stack
        // overflow): reported at the include that closes the circle, and left out of the library.
        let circles = partialCircles(in: sources.filter { names.contains($0.key) })
        for circle in circles {
            diagnostics.append(
                Diagnostic(
                    .error, .template,
                    at: SourceLocation(file: "\(folderName)/\(circle.template).mustache", line: circle.line, column: circle.column),
                    "`{{> \(circle.partial)}}` closes a circle of partials (\(circle.path.joined(separator: " → "))): the page would never finish",
                    help: "remove the include, or move what both need into a third partial"))
        }
        let circular = Set(circles.flatMap(\.path))
        for (name, template) in parsed where !circular.contains(name) { library.register(template, named: name) }
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) where names.contains(name) {
            for unknown in TemplateVocabulary.unknownNames(in: text) {
                diagnostics.append(
                    Diagnostic(
                        .warning, .template,
                        at: SourceLocation(file: "\(folderName)/\(name).mustache", line: unknown.line, column: unknown.column),
                        "`\(unknown.tag)`: guidegen's template context has no `\(unknown.part)`, so this renders as nothing",
                        help: Suggestion.closest(to: unknown.part, in: TemplateVocabulary.names).map { "did you mean `\($0)`?" }
                            ?? "the names a theme can use are those of the built-in theme's templates"))
            }
        }
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            for missing in missingPartials(in: text, known: names.union(unparsed)) {
                diagnostics.append(
                    Diagnostic(
                        .error, .template,
                        at: SourceLocation(file: "\(folderName)/\(name).mustache", line: missing.line, column: missing.column),
                        "the partial `\(missing.name)` does not exist; the page would lose that part without a word",
                        help: Suggestion.closest(to: missing.name, in: Array(names)).map { "did you mean `{{> \($0)}}`?" }
                            ?? "create `\(folderName)/\(missing.name).mustache`"))
            }
        }
        let skeletons =
            useSkeletons && TemplateSkeletons.allowed(templateSources: Array(sources.values))
            ? TemplateSkeletons(templates: sources) : nil
        return (
            Theme(library: library, files: files, templateNames: names, skeletons: skeletons, folderName: folderName), diagnostics
        )
    }

    /// Renders a template with a context; nil when the template does not exist.
    public func render(_ name: String, _ context: [String: Any]) -> String? {
        renderBytes(name, context).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `render` as UTF-8 bytes (what the output needs; skips a round trip through `String`).
    public func renderBytes(_ name: String, _ context: [String: Any]) -> [UInt8]? {
        guard let skeletons else { return renderDirectly(name, context).map { Array($0.utf8) } }
        return skeletons.render(context, template: name) { library.render($0, withTemplate: name) }
    }

    /// `renderBytes` for a typed page context (see `TemplateMap`).
    func renderBytes(_ name: String, _ context: TemplateMap) -> [UInt8]? {
        guard let skeletons else { return renderDirectly(name, context.any).map { Array($0.utf8) } }
        return skeletons.render(context, template: name) { library.render($0, withTemplate: name) }
    }

    /// Renders through swift-mustache alone (what `render` must equal, byte for byte).
    public func renderDirectly(_ name: String, _ context: [String: Any]) -> String? {
        library.render(context, withTemplate: name)
    }
}

extension Theme {
    /// swift-mustache's parse error in words, naming the section left open when it can.
    static func explain(_ error: Error, in text: String) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .expectedSectionEnd:
            if let open = unclosedSection(in: text)?.name { return "section `{{#\(open)}}` is never closed; add `{{/\(open)}}`" }
            return "a section is never closed; every `{{#name}}` and `{{^name}}` needs its `{{/name}}`"
        case .sectionCloseNameIncorrect:
            if let mismatch = mismatchedClose(in: text) {
                return "`{{/\(mismatch.close)}}` closes `{{#\(mismatch.open)}}`, opened at \(mismatch.openLine):\(mismatch.openColumn)"
            }
            return "a section is closed with a different name than it was opened with"
        case .unfinishedName:
            if let tag = unfinishedTag(in: text) { return "the tag `\(tag.text)` is not finished" }
            return "a tag is not finished; every `{{` needs its `}}`"
        case .invalidSetDelimiter: return "the set-delimiter tag `{{=<% %>=}}` is badly formed"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return "a partial's inheritance block `{{<name}}` may hold only `{{$block}}` sections"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "a `{{% pragma }}` tag is not understood"
        }
    }

    /// The innermost `{{#name}}`/`{{^name}}` still open at the end of `text`, with the 1-based line and
    /// column (in scalars) of its tag.
    /// `{{> name}}` tags naming no template (swift-mustache renders them as nothing; Hugo stops the build).
    static func missingPartials(in text: String, known: Set<String>) -> [(name: String, line: Int, column: Int)] {
        var out: [(name: String, line: Int, column: Int)] = []
        TemplateListAnalysis.forEachTag(in: text) { tag, range in
            guard tag.first == ">" else { return true }
            let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
            // `{{>*name}}` is a dynamic partial, named by the context.
            guard !name.isEmpty, !name.hasPrefix("*"), !known.contains(name) else { return true }
            let (line, column) = position(of: range.lowerBound, in: text)
            out.append((name, line, column))
            return true
        }
        return out
    }

    /// 1-based line and scalar column of `index` in `text`.
    static func position(of index: String.Index, in text: String) -> (line: Int, column: Int) {
        let before = text[..<index]
        let line = before.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        // In scalars: as Characters, a CRLF is one "\r\n" that no "\n" matches, and every column counted
        // from the top of the file.
        let lineStart = before.unicodeScalars.lastIndex(of: "\n").map { text.unicodeScalars.index(after: $0) } ?? text.startIndex
        return (line, text.unicodeScalars[lineStart..<index].count + 1)
    }

    /// Deepest nesting of sections a theme template may have.
    static let maximumSectionDepth = 100

    /// The first section tag opened deeper than `maximumSectionDepth`, with its 1-based line and scalar column.
    static func tooDeepSection(in text: String) -> (line: Int, column: Int)? {
        var depth = 0
        var found: String.Index?
        TemplateListAnalysis.forEachTag(in: text) { tag, range in
            switch tag.first {
            case "#", "^", "$", "<":
                depth += 1
                if depth > maximumSectionDepth {
                    found = range.lowerBound
                    return false
                }
            case "/": depth = max(0, depth - 1)
            default: break
            }
            return true
        }
        return found.map { position(of: $0, in: text) }
    }

    /// Each circle of partial includes once (`a` includes `b`, which includes `a`), named by the include that
    /// closes it: the template holding it, the partial it names, its position, and the templates around.
    static func partialCircles(
        in sources: [String: String]
    ) -> [(template: String, partial: String, line: Int, column: Int, path: [String])] {
        var includes: [String: [(name: String, at: String.Index)]] = [:]
        for (name, text) in sources {
            TemplateListAnalysis.forEachTag(in: text) { tag, range in
                guard tag.first == ">" else { return true }
                let partial = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                if sources[partial] != nil { includes[name, default: []].append((partial, range.lowerBound)) }
                return true
            }
        }
        var out: [(template: String, partial: String, line: Int, column: Int, path: [String])] = []
        var done = Set<String>()
        var inCircle = Set<String>()
        // Depth-first from each template in name order; `stack` is the path of includes being followed.
        func visit(_ name: String, _ stack: inout [String]) {
            if done.contains(name) { return }
            stack.append(name)
            for include in includes[name] ?? [] {
                if let start = stack.firstIndex(of: include.name) {
                    let path = Array(stack[start...]) + [include.name]
                    guard !path.contains(where: inCircle.contains) else { continue }
                    inCircle.formUnion(path)
                    let (line, column) = position(of: include.at, in: sources[name]!)
                    out.append((name, include.name, line, column, path))
                } else {
                    visit(include.name, &stack)
                }
            }
            stack.removeLast()
            done.insert(name)
        }
        for name in sources.keys.sorted() {
            var stack: [String] = []
            visit(name, &stack)
        }
        return out
    }

    /// Where a parse error's tag opens, with a fix, for the errors whose tag can be found again.
    static func locate(_ error: Error, in text: String) -> (line: Int, column: Int, help: String?)? {
        switch error as? MustacheTemplate.Error {
        case .expectedSectionEnd:
            return unclosedSection(in: text).map { ($0.line, $0.column, nil) }
        case .sectionCloseNameIncorrect:
            return mismatchedClose(in: text).map {
                ($0.line, $0.column, "rename one of them so they match, or close `{{#\($0.open)}}` first")
            }
        case .unfinishedName:
            return unfinishedTag(in: text).map { ($0.line, $0.column, "write it as `\($0.fixed)`") }
        default: return nil
        }
    }

    /// The first `{{/name}}` that closes a section of another name, with the 1-based line and scalar
    /// column of its tag and of the section's opening tag.
    static func mismatchedClose(
        in text: String
    ) -> (close: String, line: Int, column: Int, open: String, openLine: Int, openColumn: Int)? {
        var stack: [(name: String, at: String.Index)] = []
        var found: (close: String, at: String.Index, open: String, openAt: String.Index)?
        TemplateListAnalysis.forEachTag(in: text) { tag, range in
            if let first = tag.first, first == "#" || first == "^" {
                stack.append((tag.dropFirst().trimmingCharacters(in: .whitespaces), range.lowerBound))
            } else if tag.first == "/" {
                let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                guard let open = stack.popLast() else { return true }
                if open.name != name {
                    found = (name, range.lowerBound, open.name, open.at)
                    return false
                }
            }
            return true
        }
        guard let found else { return nil }
        let close = position(of: found.at, in: text)
        let open = position(of: found.openAt, in: text)
        return (found.close, close.line, close.column, found.open, open.line, open.column)
    }

    /// The first tag not finished on its line: `{{name` with no `}}`, or `{{{name}}` one brace short.
    static func unfinishedTag(in text: String) -> (text: String, fixed: String, line: Int, column: Int)? {
        // `isNewline`: a CRLF is one Character, which no "\n" matches.
        for (lineIndex, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let triple = rest[open.upperBound...].first == "{"
                let inside = triple ? rest.index(after: open.upperBound) : open.upperBound
                let closer = triple ? "}}}" : "}}"
                let nextOpen = rest[inside...].range(of: "{{")?.lowerBound ?? rest.endIndex
                if let close = rest[inside..<nextOpen].range(of: closer) {
                    rest = rest[close.upperBound...]
                    continue
                }
                // Unfinished: through a closer one brace short, else up to the next tag or the line's end.
                let end = rest[inside..<nextOpen].range(of: "}}")?.upperBound ?? nextOpen
                var written = String(rest[open.lowerBound..<end])
                while written.last == " " { written.removeLast() }
                var name = written.dropFirst(triple ? 3 : 2)
                while name.last == "}" { name.removeLast() }
                let column = line.unicodeScalars[line.startIndex..<open.lowerBound].count + 1
                return (written, (triple ? "{{{" : "{{") + name + closer, lineIndex + 1, column)
            }
        }
        return nil
    }

    static func unclosedSection(in text: String) -> (name: String, line: Int, column: Int)? {
        var stack: [(name: String, at: String.Index)] = []
        TemplateListAnalysis.forEachTag(in: text) { tag, range in
            if let first = tag.first, first == "#" || first == "^" {
                stack.append((tag.dropFirst().trimmingCharacters(in: .whitespaces), range.lowerBound))
            } else if tag.first == "/" {
                let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                if let index = stack.lastIndex(where: { $0.name == name }) { stack.removeSubrange(index...) }
            }
            return true
        }
        guard let open = stack.last else { return nil }
        let (line, column) = position(of: open.at, in: text)
        return (open.name, line, column)
    }
}
