import Foundation
import Yams

/// Parses YAML into `YAMLNode`s with positions, turning every libyaml or Yams error into a positioned
/// diagnostic. Without aliases (front matter, `guidegen.yaml`) the tree is composed from libyaml's events,
/// which refuses an anchor or alias where libyaml itself reads one; with them (rule tables), by Yams.
///
/// Guards against hostile input: a byte cap, a nesting cap, and an expanded-size budget counted on the
/// composed tree (so alias "billion laughs" is refused before anything decodes it).
public struct YAMLReader: Sendable {
    /// Largest YAML text accepted, in bytes.
    public var maxBytes = 1 << 20
    /// Deepest nesting accepted.
    public var maxDepth = 64
    /// Most nodes the tree may hold once aliases are expanded.
    public var maxExpandedNodes = 200_000
    /// Front matter may not use anchors and aliases at all; rule tables may.
    public var allowAliases: Bool

    public init(allowAliases: Bool) { self.allowAliases = allowAliases }

    /// Composes `text`, which starts at 1-based `firstLine` of `file`; nil plus a diagnostic when it cannot.
    /// Yams' `Constructor.default` builds its tables anew on each access; composing never mutates it.
    nonisolated(unsafe) static let constructor = Constructor.default

    public func compose(_ text: String, file: String, firstLine: Int = 1) -> (YAMLNode?, [Diagnostic]) {
        // libyaml reports an error at the very end as the line after the last one: keep it on the last line.
        // Only diagnostics need the lines, so they are split only then (splitting every front matter into
        // `Character`s was a fifth of reading it).
        func at(_ line: Int, _ column: Int) -> SourceLocation {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let lastLine = max(1, text.hasSuffix("\n") ? lines.count - 1 : lines.count)
            if line > lastLine {
                let length = lines.indices.contains(lastLine - 1) ? lines[lastLine - 1].unicodeScalars.count : 0
                return SourceLocation(file: file, line: lastLine + firstLine - 1, column: length + 1)
            }
            return SourceLocation(file: file, line: line + firstLine - 1, column: column)
        }
        if text.utf8.count > maxBytes {
            return (
                nil,
                [
                    Diagnostic(
                        .error, .yamlLimit, at: at(1, 1), "YAML is larger than \(maxBytes / 1024) KiB", help: "split it into smaller files")
                ]
            )
        }
        if let offset = Self.firstUnicodeLineBreak(in: text) {
            let (line, column) = LineIndex(text).position(ofUTF8Offset: offset)
            return (
                nil,
                [
                    Diagnostic(
                        .error, .yamlSyntax, at: at(line, column),
                        "an invisible Unicode line break (U+0085, U+2028 or U+2029) is not allowed in YAML; YAML counts it as a new line",
                        help: "delete it, or replace it with a space")
                ]
            )
        }
        if !allowAliases {
            switch YAMLEventComposer(maxDepth: maxDepth, maxNodes: maxExpandedNodes).compose(text) {
            case .success(let node): return (node, [])
            case .failure(let failure): return (nil, [diagnostic(for: failure, file: file, at: at)])
            }
        }
        let node: Node?
        do {
            // The basic resolver: guidegen types scalars itself, and the default one runs regular expressions per scalar.
            // Constructor and encoding are passed: Yams computes their defaults on every call (the encoding
            // from the whole environment), which was a tenth of reading front matter.
            node = try Yams.compose(yaml: text, .basic, Self.constructor, .utf8)
        } catch let error as YamlError {
            return (nil, [Self.diagnostic(for: error, in: text, at: at)])
        } catch {
            return (nil, [Diagnostic(.error, .yamlSyntax, at: at(1, 1), "YAML could not be read: \(error)")])
        }
        guard let node else { return (nil, []) }
        var budget = maxExpandedNodes
        if let problem = Self.measure(node, depth: 0, maxDepth: maxDepth, budget: &budget) {
            return (nil, [diagnostic(for: problem, file: file, at: at)])
        }
        return (YAMLNode(node), [])
    }

    /// Walks the tree depth-first, stopping as soon as the depth or node budget is exceeded.
    private static func measure(_ node: Node, depth: Int, maxDepth: Int, budget: inout Int) -> YAMLEventComposer.Failure? {
        var mark: YAMLMark { YAMLMark(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1) }  // only on failure
        budget -= 1
        if budget < 0 { return .tooManyValues(at: mark) }
        if depth > maxDepth { return .tooDeep(at: mark) }
        switch node {
        case .scalar, .alias: return nil
        case .sequence(let seq):
            for child in seq { if let p = measure(child, depth: depth + 1, maxDepth: maxDepth, budget: &budget) { return p } }
        case .mapping(let map):
            for (k, v) in map {
                if let p = measure(k, depth: depth + 1, maxDepth: maxDepth, budget: &budget) { return p }
                if let p = measure(v, depth: depth + 1, maxDepth: maxDepth, budget: &budget) { return p }
            }
        }
        return nil
    }

    /// UTF-8 offset of U+0085, U+2028 or U+2029, which libyaml treats as line breaks (so its line numbers
    /// would no longer match the file's).
    static func firstUnicodeLineBreak(in text: String) -> Int? {
        let bytes = Array(text.utf8)
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == 0xC2, bytes[i + 1] == 0x85 { return i }
            if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return i }
            i += 1
        }
        return nil
    }

    /// Adapts a composing failure to one positioned diagnostic, worded as for Yams' errors.
    func diagnostic(for failure: YAMLEventComposer.Failure, file: String, at: (Int, Int) -> SourceLocation) -> Diagnostic {
        switch failure {
        case .syntax(let problem, let context, let mark): return Self.syntaxDiagnostic(problem, context, at: at(mark.line, mark.column))
        case .unreadable(let problem): return Diagnostic(.error, .yamlSyntax, at: at(1, 1), "YAML could not be read: \(problem)")
        case .duplicateKeys(let keys, let mark, let first):
            var diagnostic = Self.duplicateKeysDiagnostic(keys, at: at(mark.line, mark.column))
            diagnostic.notes = [Diagnostic.Note(at(first.line, first.column), "`\(keys.min() ?? "")` first appears here")]
            return diagnostic
        case .anchorOrAlias(let mark): return Self.anchorDiagnostic(file: file, at: at(mark.line, mark.column))
        case .tooDeep(let mark):
            return Diagnostic(
                .error, .yamlLimit, at: at(mark.line, mark.column), "YAML is nested deeper than \(maxDepth) levels",
                help: "simplify the YAML; aliases count once per use")
        case .tooManyValues(let mark):
            return Diagnostic(
                .error, .yamlLimit, at: at(mark.line, mark.column), "YAML expands to too many values (alias bomb?)",
                help: "simplify the YAML; aliases count once per use")
        }
    }

    static func anchorDiagnostic(file: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .yamlLimit, at: location,
            "anchors and aliases (`&name`, `*name`) are not allowed in \(file.hasSuffix("guidegen.yaml") ? "guidegen.yaml" : "front matter")",
            help: "write the value out in full; quote a text that starts with `&` or `*`")
    }

    static func syntaxDiagnostic(_ problem: String, _ context: String?, at location: SourceLocation) -> Diagnostic {
        // libyaml's own limit (1,000 levels, reached before ours is measured) speaks of its API.
        if problem.hasPrefix("Maximum nesting level reached") {
            return Diagnostic(
                .error, .yamlSyntax, at: location, "YAML nested too deep here (libyaml stops at 1,000 levels)",
                help: "front matter and rule tables need a few levels; close the lists and maps opened above")
        }
        var message = "YAML syntax: \(problem)"
        if let context { message += " (\(context))" }
        let help = pointsAtContext(problem, context) ? "close the quote that opens here" : hint(for: problem)
        return Diagnostic(.error, .yamlSyntax, at: location, message, help: help)
    }

    static func duplicateKeysDiagnostic(_ keys: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, .yamlSyntax, at: location, "duplicate key \(keys.map { "`\($0)`" }.joined(separator: ", ")) in the same mapping",
            help: "keep one of them")
    }

    /// Adapts a Yams error to one positioned diagnostic.
    static func diagnostic(for error: YamlError, in text: String, at: (Int, Int) -> SourceLocation) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let shown = context.flatMap { pointsAtContext(problem, $0.text) ? $0.mark : nil } ?? mark
            return syntaxDiagnostic(problem, context?.text, at: at(shown.line, shown.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams marks the mapping's start; the author needs the repeated key, so look for its second line.
            let repeated = duplicates.first.flatMap {
                secondKeyLine(of: $0, in: text, mappingLine: context.mark.line, indent: context.mark.column - 1)
            }
            return duplicateKeysDiagnostic(
                duplicates, at: repeated.map { at($0, context.mark.column) } ?? at(context.mark.line, context.mark.column))
        case .reader(let problem, _, _, _):
            return Diagnostic(.error, .yamlSyntax, at: at(1, 1), "YAML could not be read: \(problem)")
        default:
            return Diagnostic(.error, .yamlSyntax, at: at(1, 1), "YAML could not be read: \(error)")
        }
    }

    /// The 1-based line where block-mapping key `key` appears for the second time at `indent` spaces,
    /// counting from the mapping's first line; nil when it is not found that way (flow mappings, odd quoting).
    static func secondKeyLine(of key: String, in text: String, mappingLine: Int, indent: Int) -> Int? {
        var seen = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index + 1 >= mappingLine {
            var rest = line.utf8[...]
            if index + 1 == mappingLine {
                // The mapping's first key starts at its mark (after `- ` in a list item).
                rest = rest.dropFirst(indent)
            } else {
                var spaces = 0
                while rest.first == 0x20 {
                    rest = rest.dropFirst()
                    spaces += 1
                }
                if spaces < indent, !rest.isEmpty, rest.first != 0x23 { return nil }
                guard spaces == indent else { continue }
            }
            let written = Substring(rest)
            for form in [key, "\"\(key)\"", "'\(key)'"] where written.hasPrefix(form + ":") {
                seen += 1
                if seen == 2 { return index + 1 }
            }
        }
        return nil
    }

    /// Whether a syntax error is better shown where its context starts: a quoted text never closed is
    /// found only at the end of the YAML, far from the quote that is missing its pair.
    static func pointsAtContext(_ problem: String, _ context: String?) -> Bool {
        problem.contains("end of stream") && context?.contains("quoted scalar") == true
    }

    private static func hint(for problem: String) -> String? {
        if problem.contains("mapping values are not allowed") { return "quote a value that contains `: `, e.g. title: \"A: B\"" }
        if problem.contains("tab") { return "indent YAML with spaces, not tabs" }
        // libyaml's words for a tab used as indentation, and for a value starting with `@` or a backtick.
        if problem.contains("cannot start any token") {
            return "indent YAML with spaces, not tabs, and quote a text that starts with `@` or a backtick"
        }
        if problem.contains("did not find expected") { return "check the indentation and closing brackets or quotes" }
        return nil
    }
}
