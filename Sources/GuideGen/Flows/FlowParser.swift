/// Parses the Mermaid flowchart subset of the authoring spec (section 6) into a `FlowDiagram`.
///
/// The source is scanned one line at a time, scalar by scalar; a statement never spans lines. Every
/// construct outside the subset is an error at its line and column rather than a silent drop, and
/// parsing goes on with the next line so that one run reports every problem.
public enum FlowParser {
    /// Parses a block's source; the diagram is nil when any error was found. Issues are sorted by
    /// line and column.
    public static func parse(_ source: String) -> (FlowDiagram?, [FlowIssue]) {
        var parser = FlowSourceParser(source: source)
        let (diagram, issues) = parser.run()
        // Layout is superlinear in edges; a guide's flow is tens of steps. Fuzzing found thousands of
        // edges stalling the layout, so larger flows are refused (the layout is never attempted).
        if let diagram, diagram.nodes.count > maxNodes || diagram.edges.count > maxEdges {
            let issue = FlowIssue(
                line: 1, column: 1, severity: .error, check: FlowIssue.syntax,
                message:
                    "the flow has \(diagram.nodes.count) steps and \(diagram.edges.count) arrows; at most \(maxNodes) and \(maxEdges) are drawn",
                help: "split it into several flows")
            return (nil, issues + [issue])
        }
        return (diagram, issues)
    }

    /// Most steps a flow may have.
    public static let maxNodes = 300
    /// Most arrows a flow may have.
    public static let maxEdges = 600
}

/// A syntax error inside one statement; the rest of that line is skipped.
private struct FlowSyntaxError: Error {
    var column: Int
    var message: String
    var help: String?
}

/// A line that says nothing more (the `end` of a subgraph already reported).
private struct SkippedLine: Error {}

/// An arrow as scanned, with its label when it has one.
private struct FlowScannedArrow {
    var token: String
    var column: Int
    var style: FlowEdge.Style
    var label: String?
    var labelColumn: Int?
}

private let supportedArrowsHelp = "use `-->` (arrow), `---` (line), `-.->` (dotted arrow) or `==>` (thick arrow)"
private let supportedShapesHelp = "use `id[text]`, `id(text)`, `id([text])`, `id{text}` or `id((text))`"

/// Diagram types Mermaid knows, so that the error can say "not supported" rather than "unknown".
private let otherDiagramTypes: Set<String> = [
    "sequenceDiagram", "classDiagram", "classDiagram-v2", "stateDiagram", "stateDiagram-v2",
    "erDiagram", "journey", "gantt", "pie", "quadrantChart", "requirementDiagram", "gitGraph",
    "mindmap", "timeline", "sankey-beta", "xychart-beta", "block-beta", "C4Context", "zenuml",
    "packet-beta", "architecture-beta", "kanban", "radar-beta",
]

/// Statement keywords of Mermaid flowcharts that guidegen does not support yet, with the message
/// and help for each.
private let unsupportedKeywords: [String: (message: String, help: String)] = [
    "subgraph": ("subgraphs are not supported yet", "draw the steps without `subgraph … end`"),
    "direction": (
        "`direction` only applies inside subgraphs, which are not supported",
        "set the direction on the first line, e.g. `flowchart LR`"
    ),
]

/// Statements that only style or link what is drawn: ignored with a warning, so a flowchart pasted from
/// elsewhere builds (the site theme styles flows; GitHub's preview still reads them).
private let ignoredKeywords: [String: (message: String, help: String)] = [
    "classDef": ("`classDef` is ignored; flows are styled by the site theme", "remove the line"),
    "class": ("`class` is ignored; flows are styled by the site theme", "remove the line"),
    "style": ("`style` is ignored; flows are styled by the site theme", "remove the line"),
    "linkStyle": ("`linkStyle` is ignored; flows are styled by the site theme", "remove the line"),
    "click": ("`click` is ignored; flows are static images", "remove the line and link from the page text"),
]

/// Shape openers Mermaid has and guidegen does not, tested before the supported ones.
private let unsupportedShapes: [(opener: StaticString, name: String)] = [
    ("(((", "`(((…)))` (double circle)"), ("[[", "`[[…]]` (subroutine)"), ("[(", "`[(…)]` (cylinder)"),
    ("[/", "`[/…/]` (parallelogram)"), ("[\\", "`[\\…\\]` (parallelogram)"), ("{{", "`{{…}}` (hexagon)"),
    (">", "`>…]` (flag)"),
]

/// The supported shapes, longest opener first.
private let shapeForms: [(opener: StaticString, closer: StaticString, shape: FlowNode.Shape)] = [
    ("((", "))", .circle), ("([", "])", .stadium), ("(", ")", .rounded), ("[", "]", .rectangle),
    ("{", "}", .diamond),
]

/// The scanning state; one value per `parse` call.
private struct FlowSourceParser {
    private let lines: [[Unicode.Scalar]]
    private var issues: [FlowIssue] = []
    private var direction = FlowDiagram.Direction.topToBottom
    private var nodes: [FlowNode] = []
    private var nodeIndex: [String: Int] = [:]
    private var edges: [FlowEdge] = []
    private var title: FlowText?
    private var accessibleTitle: FlowText?
    private var accessibleDescription: FlowText?
    /// `subgraph` lines reported whose `end` has not come yet.
    private var unclosedSubgraphs = 0
    /// An `accDescr {` block whose `}` has not been reached: where it began and its lines so far.
    private var openDescription: (line: Int, column: Int, lines: [String])?

    /// The line being scanned (1-based), its scalars and the scan position (0-based, so column = i + 1).
    private var lineNumber = 0
    private var text: [Unicode.Scalar] = []
    private var i = 0

    init(source: String) {
        // One array of scalars, cut at line feeds (appending scalar by scalar to nested arrays cost
        // more than the rest of parsing).
        let scalars = Array(source.unicodeScalars)
        var lines: [[Unicode.Scalar]] = []
        var start = 0
        for (index, scalar) in scalars.enumerated() where scalar == "\n" {
            lines.append(Array(scalars[start..<index]))
            start = index + 1
        }
        lines.append(Array(scalars[start...]))
        self.lines = lines
    }

    mutating func run() -> (FlowDiagram?, [FlowIssue]) {
        var sawHeader = false
        // Mermaid front matter (`---` … `---` before the header): the line it opened on, while open.
        var frontMatterLine: Int?
        var frontMatterAllowed = true
        var issuesBeforeFrontMatter = 0
        for (offset, line) in lines.enumerated() {
            lineNumber = offset + 1
            text = line
            i = 0
            if frontMatterLine != nil {
                if isFrontMatterFence() {
                    frontMatterLine = nil
                } else {
                    readFrontMatterLine()
                }
                continue
            }
            if openDescription != nil {
                guard continueDescription() else { continue }
            }
            skipSpaces()
            if atStatementEnd() {
                noteDirective()
                continue
            }
            if frontMatterAllowed, !sawHeader, isFrontMatterFence() {
                frontMatterLine = lineNumber
                issuesBeforeFrontMatter = issues.count
                frontMatterAllowed = false
                continue
            }
            frontMatterAllowed = false
            do {
                if !sawHeader {
                    sawHeader = true
                    guard try parseHeader() else { return finish(diagram: nil) }
                }
                try parseStatements()
            } catch let error as FlowSyntaxError {
                report(error)
            } catch is SkippedLine {
                continue
            } catch {
                report(FlowSyntaxError(column: i + 1, message: "\(error)"))
            }
        }
        if let opened = frontMatterLine {
            // Everything after an unclosed `---` was read as front matter: one error says why, not one per line.
            issues.removeSubrange(issuesBeforeFrontMatter...)
            issues.append(
                FlowIssue(
                    line: opened, column: 1, severity: .error, check: FlowIssue.syntax,
                    message: "the Mermaid front matter opened here is never closed",
                    help: "end it with a line `---` before `flowchart`"))
            return finish(diagram: nil)
        }
        if let open = openDescription {
            issues.append(
                FlowIssue(
                    line: open.line, column: open.column, severity: .error, check: FlowIssue.syntax,
                    message: "unclosed `{`: the `accDescr` block has no `}`",
                    help: "end the description with `}` on its own line"))
        }
        if !sawHeader {
            issues.append(
                FlowIssue(
                    line: 1, column: 1, severity: .error, check: FlowIssue.empty,
                    message: "the flow is empty",
                    help: "start the block with `flowchart TD` and add steps, e.g. `a[First] --> b[Next]`"))
            return finish(diagram: nil)
        }
        let hasErrors = issues.contains { $0.severity == .error }
        let diagram = FlowDiagram(
            direction: direction, nodes: nodes, edges: edges, title: title, accessibleTitle: accessibleTitle,
            accessibleDescription: accessibleDescription)
        return finish(diagram: hasErrors ? nil : diagram)
    }

    private func finish(diagram: FlowDiagram?) -> (FlowDiagram?, [FlowIssue]) {
        let sorted = issues.enumerated().sorted {
            ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
        }
        return (diagram, sorted.map(\.element))
    }

    private mutating func report(_ error: FlowSyntaxError) {
        issues.append(
            FlowIssue(
                line: lineNumber, column: error.column, severity: .error, check: FlowIssue.syntax,
                message: error.message, help: error.help))
    }

    // MARK: Header

    /// Parses `flowchart DIR` / `graph DIR`; returns false when the block is not a flowchart at all,
    /// in which case nothing else is worth reporting.
    private mutating func parseHeader() throws -> Bool {
        let column = i + 1
        let word = scanWord()
        guard word == "flowchart" || word == "graph" else {
            let message: String
            let help = "start the block with `flowchart TD` (or `graph LR`, …)"
            if otherDiagramTypes.contains(word) {
                message = "`\(word)` diagrams are not supported; guidegen draws only `flowchart` (or `graph`)"
            } else if word.isEmpty {
                message = "expected `flowchart` or `graph` on the first line, found `\(String(text[i]))`"
            } else {
                message = "expected `flowchart` or `graph` on the first line, found `\(word)`"
            }
            report(FlowSyntaxError(column: column, message: message, help: help))
            return false
        }
        skipSpaces()
        if i < text.count, isWordScalar(text[i]) {
            let directionColumn = i + 1
            let name = scanWord()
            switch name {
            case "TD", "TB": direction = .topToBottom
            case "BT": direction = .bottomToTop
            case "LR": direction = .leftToRight
            case "RL": direction = .rightToLeft
            default:
                throw FlowSyntaxError(
                    column: directionColumn, message: "unknown direction `\(name)`",
                    help: "use `TD` (or `TB`), `BT`, `LR` or `RL`")
            }
        }
        return true
    }

    // MARK: Statements

    /// Parses the statements on the rest of the line, separated by optional `;`.
    private mutating func parseStatements() throws {
        var afterStatement = false
        while true {
            skipSpaces()
            if atStatementEnd() {
                noteDirective()
                // Mermaid reads `%%` only at the start of a line: after a statement it fails the whole block.
                if afterStatement, has("%%"), !has("%%{") {
                    note(
                        .warning, column: i + 1, "a `%%` comment after a statement breaks Mermaid, so GitHub cannot preview this flow",
                        help: "put the comment on a line of its own")
                }
                return
            }
            if text[i] == ";" {
                i += 1
                continue
            }
            if try parseAccessibilityIfPresent() { return }
            try parseStatement()
            afterStatement = true
        }
    }

    /// Parses `nodes (arrow nodes)*`, where `nodes` is one node or several joined by `&` (an edge from each
    /// of the sources to each of the targets, as Mermaid draws `a & b --> c`).
    private mutating func parseStatement() throws {
        var previous = try parseNodeGroup(atStatementStart: true)
        while true {
            let hadSpace = skipSpaces()
            guard let arrow = try parseArrowIfPresent(afterSpace: hadSpace) else { return }
            skipSpaces()
            if atStatementEnd() || text[i] == ";" {
                throw FlowSyntaxError(
                    column: arrow.column, message: "expected a node after `\(arrow.token)`",
                    help: "write the target step, e.g. `a \(arrow.token) b`")
            }
            let targets = try parseNodeGroup(atStatementStart: false)
            for source in previous {
                for target in targets {
                    edges.append(
                        FlowEdge(
                            from: source, to: target, style: arrow.style, label: arrow.label,
                            line: lineNumber, column: arrow.column, labelColumn: arrow.labelColumn))
                }
            }
            previous = targets
        }
    }

    /// One node reference, or several joined by `&`.
    private mutating func parseNodeGroup(atStatementStart: Bool) throws -> [String] {
        var group = [try parseNodeReference(atStatementStart: atStatementStart)]
        while true {
            let before = i
            skipSpaces()
            guard i < text.count, text[i] == "&" else {
                i = before
                return group
            }
            i += 1
            skipSpaces()
            if atStatementEnd() || !isIdStart(text[i]) {
                throw FlowSyntaxError(column: i + 1, message: "expected a node after `&`", help: "write `a & b --> c`")
            }
            group.append(try parseNodeReference(atStatementStart: false))
        }
    }

    /// Parses `id` with an optional shape and label, registers the node and returns its id.
    private mutating func parseNodeReference(atStatementStart: Bool) throws -> String {
        let column = i + 1
        guard i < text.count, isIdStart(text[i]) else {
            throw unexpected(expecting: "a node id")
        }
        let idStart = i
        while i < text.count, isIdContinue(at: i) { i += 1 }
        let id = string(idStart, i)
        if i - idStart == 3, has("end", at: idStart) {
            // The `end` of a subgraph already reported is part of that error, not a second one.
            if atStatementStart, unclosedSubgraphs > 0 {
                unclosedSubgraphs -= 1
                i = text.count
                throw SkippedLine()
            }
            throw FlowSyntaxError(
                column: column, message: "`end` cannot be a node id: Mermaid reads it as the end of a subgraph",
                help: "capitalize it (`End`) or choose another id")
        }
        // Every unsupported keyword starts with one of these letters; ids rarely do, and the look-up
        // hashes the id.
        if atStatementStart, i >= text.count || isSpace(text[i]), startsKeyword(text[idStart]) {
            if let keyword = unsupportedKeywords[id] {
                if id == "subgraph" { unclosedSubgraphs += 1 }
                throw FlowSyntaxError(column: column, message: keyword.message, help: keyword.help)
            }
            if let keyword = ignoredKeywords[id] {
                note(.warning, column: column, keyword.message, help: keyword.help)
                i = text.count
                throw SkippedLine()
            }
        }
        guard let shape = try parseShapeIfPresent(id: id) else {
            register(id: id, column: column, definition: nil)
            return id
        }
        register(id: id, column: column, definition: shape)
        return id
    }

    /// Records a node; a definition with a shape replaces an earlier one (Mermaid keeps the last).
    private mutating func register(
        id: String, column: Int, definition: (shape: FlowNode.Shape, label: String, labelColumn: Int)?
    ) {
        if let index = nodeIndex[id] {
            guard let definition else { return }
            // Mermaid keeps the last definition; a second one with other text or shape is usually a
            // copy-paste slip (a decision redefined as `[…]` would lose its checks without a word).
            if nodes[index].hasLabel, nodes[index].shape != definition.shape || nodes[index].label != definition.label {
                issues.append(
                    FlowIssue(
                        line: lineNumber, column: column, severity: .warning, check: FlowIssue.syntax,
                        message: "`\(id)` is defined again (first on line \(nodes[index].line)) with another "
                            + (nodes[index].shape != definition.shape ? "shape" : "text") + "; this one is drawn",
                        help: "define each step once and refer to it by its id (`\(id)`) elsewhere"))
            }
            nodes[index].shape = definition.shape
            nodes[index].label = definition.label
            nodes[index].hasLabel = true
            nodes[index].line = lineNumber
            nodes[index].column = column
            nodes[index].labelColumn = definition.labelColumn
        } else {
            nodeIndex[id] = nodes.count
            nodes.append(
                FlowNode(
                    id: id, shape: definition?.shape ?? .rectangle, label: definition?.label ?? id,
                    hasLabel: definition != nil, line: lineNumber, column: column,
                    labelColumn: definition?.labelColumn))
        }
    }

    /// Parses a shape opener right after an id, with its label and closer.
    private mutating func parseShapeIfPresent(
        id: String
    ) throws -> (shape: FlowNode.Shape, label: String, labelColumn: Int)? {
        guard i < text.count else { return nil }
        let column = i + 1
        switch text[i] {
        case "(", "[", "{", ">": break
        default: return nil
        }
        for candidate in unsupportedShapes where has(candidate.opener) {
            throw FlowSyntaxError(
                column: column, message: "the shape \(candidate.name) is not supported", help: supportedShapesHelp)
        }
        guard let form = shapeForms.first(where: { has($0.opener) }) else { return nil }
        i += form.opener.utf8CodeUnitCount
        let (label, labelColumn) = try parseLabel(
            id: id, opener: form.opener, closer: form.closer, openerColumn: column)
        return (form.shape, label, labelColumn)
    }

    /// Parses a node label up to `closer`: quoted (`"…"`, anything but `"` allowed) or bare (no
    /// brackets, braces or quotes, trimmed).
    private mutating func parseLabel(
        id: String, opener: StaticString, closer: StaticString, openerColumn: Int
    ) throws -> (String, Int) {
        // A function, so that the message is only built when it is thrown.
        func unclosed() -> FlowSyntaxError {
            FlowSyntaxError(
                column: openerColumn, message: "unclosed `\(opener)`: the label has no `\(closer)`",
                help: "close it: `\(id)\(opener)text\(closer)`")
        }
        var start = i
        while start < text.count, isSpace(text[start]) { start += 1 }
        if start < text.count, text[start] == "\"" {
            let quoteColumn = start + 1
            guard let end = firstIndex(of: "\"", from: start + 1) else {
                throw FlowSyntaxError(
                    column: quoteColumn, message: "unclosed quote in the label of `\(id)`",
                    help: "close it: `\(id)\(opener)\"text\"\(closer)`")
            }
            let label = string(start + 1, end)
            i = end + 1
            skipSpaces()
            guard has(closer) else {
                if i >= text.count { throw unclosed() }
                // `b["Tap "Return""]`: a quote inside the quotes ended the label early.
                let innerQuote = firstIndex(of: "\"", from: i) != nil
                throw FlowSyntaxError(
                    column: i + 1, message: "expected `\(closer)` after the quoted label of `\(id)`",
                    help: innerQuote
                        ? "a `\"` inside a quoted label ends it; write it as `#quot;` (`\(id)\(opener)\"Tap #quot;Return#quot;\"\(closer)`)"
                        : "close it: `\(id)\(opener)\"text\"\(closer)`")
            }
            i += closer.utf8CodeUnitCount
            if label.isEmpty {
                throw FlowSyntaxError(
                    column: openerColumn, message: "the label of `\(id)` is empty",
                    help: "write the step's text, or drop the brackets")
            }
            return (label, quoteColumn + 1)
        }
        var end = i
        while true {
            guard end < text.count else { throw unclosed() }
            if has(closer, at: end) { break }
            let scalar = text[end]
            // `a((text)` ends with half a closer: report the missing closer, not a stray `)`.
            if scalar.value == UInt32(closer.utf8Start.pointee), end + 1 >= text.count { throw unclosed() }
            if isBracketOrQuote(scalar) {
                throw FlowSyntaxError(
                    column: end + 1,
                    message: "`\(String(scalar))` inside the label of `\(id)` must be quoted",
                    help: scalar == "\""
                        ? "write a quote inside a label as `#quot;` (`\(id)\(opener)\"Tap #quot;Return#quot;\"\(closer)`), or use “ ” or 「」"
                        : "put the label in quotes: `\(id)\(opener)\"…\"\(closer)`")
            }
            end += 1
        }
        let (trimmedStart, trimmedEnd) = trim(i, end)
        i = end + closer.utf8CodeUnitCount
        guard trimmedStart < trimmedEnd else {
            throw FlowSyntaxError(
                column: openerColumn, message: "the label of `\(id)` is empty",
                help: "write the step's text, or drop the brackets")
        }
        return (string(trimmedStart, trimmedEnd), trimmedStart + 1)
    }

    // MARK: Front matter and accessibility statements

    /// Whether the line is `---` (with nothing else but spaces): Mermaid front matter opens or closes.
    private func isFrontMatterFence() -> Bool {
        var position = 0
        while position < text.count, isSpace(text[position]) { position += 1 }
        guard has("---", at: position) else { return false }
        position += 3
        while position < text.count, isSpace(text[position]) { position += 1 }
        return position == text.count
    }

    /// Records a finding on the current line.
    private mutating func note(_ severity: FlowIssue.Severity, column: Int, _ message: String, help: String) {
        issues.append(
            FlowIssue(line: lineNumber, column: column, severity: severity, check: FlowIssue.syntax, message: message, help: help))
    }

    /// One line of Mermaid front matter: `title: …` is the flow's title; other keys (`config:`, with the lines
    /// indented under it, `displayMode:`) would change how Mermaid draws and are ignored with a warning.
    private mutating func readFrontMatterLine() {
        guard let first = text.first, !isSpace(first), first != "#" else { return }
        guard let colon = firstIndex(of: ":", from: 0) else {
            note(
                .error, column: 1, "expected `key: value` in the Mermaid front matter", help: "write `title: …`, or remove the front matter"
            )
            return
        }
        let key = string(0, colon)
        guard key == "title" else {
            note(
                .warning, column: 1, "`\(key)` in the Mermaid front matter is ignored; the site theme styles flows",
                help: "remove it; only `title:` is used")
            return
        }
        var (start, end) = trim(colon + 1, text.count)
        if end - start >= 2, text[start] == "\"" || text[start] == "'", text[end - 1] == text[start] {
            start += 1
            end -= 1
        }
        title = start < end ? FlowText(string(start, end), line: lineNumber, column: start + 1) : nil
    }

    /// `accTitle: …` (the drawing's accessible name), `accDescr: …` or `accDescr { … }` (its description, on
    /// the following lines up to `}`); false, with nothing consumed, when the statement is something else.
    private mutating func parseAccessibilityIfPresent() throws -> Bool {
        guard text[i] == "a", has("acc") else { return false }
        let keywordColumn = i + 1
        let isTitle = has("accTitle")
        guard isTitle || has("accDescr") else { return false }
        var position = i + 8
        while position < text.count, isSpace(text[position]) { position += 1 }
        guard position < text.count, text[position] == ":" || (!isTitle && text[position] == "{") else { return false }
        let keyword = isTitle ? "accTitle" : "accDescr"
        if text[position] == "{" {
            let (start, end) = trim(position + 1, text.count)
            if let close = text[start..<end].firstIndex(of: "}") {
                let (from, to) = trim(start, close)
                setDescription(FlowText(string(from, to), line: lineNumber, column: from + 1), keywordColumn: keywordColumn)
            } else {
                openDescription = (lineNumber, keywordColumn, start < end ? [string(start, end)] : [])
            }
            i = text.count
            return true
        }
        let (start, end) = trim(position + 1, text.count)
        guard start < end else {
            throw FlowSyntaxError(
                column: keywordColumn, message: "`\(keyword)` is empty", help: "write the text after `\(keyword):`")
        }
        let value = FlowText(string(start, end), line: lineNumber, column: start + 1)
        if isTitle {
            accessibleTitle = value
        } else {
            setDescription(value, keywordColumn: keywordColumn)
        }
        i = text.count
        return true
    }

    /// A line inside `accDescr { … }`; true when the block closed on it and the rest of the line is to be read.
    private mutating func continueDescription() -> Bool {
        guard var open = openDescription else { return true }
        guard let close = firstIndex(of: "}", from: 0) else {
            let (start, end) = trim(0, text.count)
            if start < end { open.lines.append(string(start, end)) }
            openDescription = open
            return false
        }
        let (start, end) = trim(0, close)
        if start < end { open.lines.append(string(start, end)) }
        openDescription = nil
        setDescription(FlowText(open.lines.joined(separator: "\n"), line: open.line, column: open.column), keywordColumn: open.column)
        i = close + 1
        return true
    }

    private mutating func setDescription(_ value: FlowText, keywordColumn: Int) {
        guard !value.text.isEmpty else {
            issues.append(
                FlowIssue(
                    line: value.line, column: keywordColumn, severity: .error, check: FlowIssue.syntax,
                    message: "`accDescr` is empty", help: "write the description, or remove the line"))
            return
        }
        accessibleDescription = value
    }

    // MARK: Arrows

    /// Parses an arrow when one follows; nil at the end of the statement.
    private mutating func parseArrowIfPresent(afterSpace: Bool) throws -> FlowScannedArrow? {
        if atStatementEnd() || text[i] == ";" { return nil }
        let column = i + 1
        if afterSpace, text[i] == "[" || text[i] == "(" || text[i] == "{" || text[i] == ">" {
            throw FlowSyntaxError(
                column: column, message: "a shape must follow its id without a space",
                help: "remove the space, e.g. `id[text]`")
        }
        switch text[i] {
        case "." where !afterSpace && i + 1 < text.count && isIdStart(text[i + 1]):
            // `a.b[x]`: Mermaid ids hold no dots; "unknown arrow `.`" said nothing useful.
            throw FlowSyntaxError(
                column: column, message: "a node id cannot hold `.`",
                help: "ids are letters, digits, `_` and `-`: write `_` instead of `.`")
        case "-", "=", ".", "<", "~":
            return try parseArrow()
        case ":" where has(":::"):
            note(
                .warning, column: column, "classes (`:::`) are ignored; flows are styled by the site theme",
                help: "remove `:::` and the class name")
            i += 3
            while i < text.count, isWordScalar(text[i]) { i += 1 }
            return try parseArrowIfPresent(afterSpace: skipSpaces())
        case "@" where has("@{"):
            throw FlowSyntaxError(
                column: column, message: "shape data (`@{ … }`) is not supported", help: supportedShapesHelp)
        default:
            throw unexpected(expecting: "an arrow such as `-->` or the end of the statement")
        }
    }

    /// Parses one of the supported arrows (`-->`, `---`, `-.->`, `==>`, each optionally labelled with
    /// `|text|` or an inline `-- text -->` form).
    private mutating func parseArrow() throws -> FlowScannedArrow {
        let start = i
        var arrow: FlowScannedArrow
        // Longer links (`--->`, `----`, `-..->`, `===>`) only ask Mermaid for more room: read as the short forms.
        let text = self.text
        func run(_ scalar: Unicode.Scalar, _ from: Int) -> Int {
            var end = from
            while end < text.count, text[end] == scalar { end += 1 }
            return end
        }
        let dashesEnd = run("-", start)
        let equalsEnd = run("=", start)
        let dotsEnd = has("-.") ? run(".", start + 1) : start
        if has("-->>") || has("-.->>") || has("==>>") || has("-.-.") {
            throw unknownArrow(at: start)
        } else if dashesEnd - start >= 3, dashesEnd < text.count, text[dashesEnd] == ">", !has(">>", at: dashesEnd) {
            arrow = FlowScannedArrow(token: string(start, dashesEnd + 1), column: start + 1, style: .solid)
            i = dashesEnd + 1
        } else if dashesEnd - start >= 4 {
            arrow = FlowScannedArrow(token: string(start, dashesEnd), column: start + 1, style: .open)
            i = dashesEnd
        } else if dotsEnd - start >= 3, has("->", at: dotsEnd), !has("->>", at: dotsEnd) {
            arrow = FlowScannedArrow(token: string(start, dotsEnd + 2), column: start + 1, style: .dotted)
            i = dotsEnd + 2
        } else if equalsEnd - start >= 3, equalsEnd < text.count, text[equalsEnd] == ">", !has(">>", at: equalsEnd) {
            arrow = FlowScannedArrow(token: string(start, equalsEnd + 1), column: start + 1, style: .thick)
            i = equalsEnd + 1
        } else if has("-->") {
            arrow = FlowScannedArrow(token: "-->", column: start + 1, style: .solid)
            i += 3
        } else if has("---") {
            arrow = FlowScannedArrow(token: "---", column: start + 1, style: .open)
            i += 3
            // `a ---ops`: Mermaid reads `---o` (a line ending in a circle) to `ps`, so GitHub draws another graph.
            if i + 1 < text.count, text[i] == "o" || text[i] == "x", isIdStart(text[i + 1]) {
                note(
                    .warning, column: i + 1,
                    "Mermaid reads `---\(String(text[i]))` here as a line ending in a \(text[i] == "o" ? "circle" : "cross"), so GitHub's preview differs",
                    help: "put a space after `---`: `--- \(String(text[i]))…`")
            }
        } else if has("-.->") {
            arrow = FlowScannedArrow(token: "-.->", column: start + 1, style: .dotted)
            i += 4
        } else if has("==>") {
            arrow = FlowScannedArrow(token: "==>", column: start + 1, style: .thick)
            i += 3
        } else if has("-.-") || has("===") {
            throw unknownArrow(at: start)
        } else if has("-.") {
            arrow = try parseInlineLabel(opener: "-.", closers: [(".->", .dotted)], pipeForm: "-.->")
        } else if has("==") {
            arrow = try parseInlineLabel(opener: "==", closers: [("==>", .thick)], pipeForm: "==>")
        } else if has("--") {
            arrow = try parseInlineLabel(opener: "--", closers: [("-->", .solid), ("---", .open)], pipeForm: "-->")
        } else {
            throw unknownArrow(at: start)
        }
        let beforePipe = i
        skipSpaces()
        guard i < text.count, text[i] == "|" else {
            i = beforePipe
            return arrow
        }
        let pipeColumn = i + 1
        if arrow.label != nil {
            throw FlowSyntaxError(
                column: pipeColumn, message: "the edge already has a label",
                help: "keep one label: `a -->|text| b` or `a -- text --> b`")
        }
        // A quoted label may hold `|`: `-->|"甲|乙"|`; the closing pipe is the first after the closing quote.
        var searchFrom = i + 1
        while searchFrom < text.count, isSpace(text[searchFrom]) { searchFrom += 1 }
        if searchFrom < text.count, text[searchFrom] == "\"", let quote = firstIndex(of: "\"", from: searchFrom + 1) {
            searchFrom = quote + 1
        }
        guard let close = firstIndex(of: "|", from: searchFrom) else {
            throw FlowSyntaxError(
                column: pipeColumn, message: "unclosed edge label: no closing `|`",
                help: "close it: `a \(arrow.token)|text| b`")
        }
        let (label, labelColumn) = try edgeLabel(from: i + 1, to: close, column: pipeColumn)
        arrow.label = label
        arrow.labelColumn = labelColumn
        i = close + 1
        return arrow
    }

    /// Parses `-- text -->`-style labels: the opener, then text up to the first closer; `pipeForm` is
    /// the arrow the help suggests for the `|text|` form.
    private mutating func parseInlineLabel(
        opener: StaticString, closers: [(token: StaticString, style: FlowEdge.Style)], pipeForm: String
    ) throws -> FlowScannedArrow {
        let start = i
        let textStart = i + opener.utf8CodeUnitCount
        var end = textStart
        // The link character a longer closer repeats (`-- text --->`, `-- text ----`, `== text ===>`).
        let link: Unicode.Scalar = has("-.", at: start) ? "." : text[start]
        while end < text.count {
            var closerEnd: Int?
            var style = FlowEdge.Style.solid
            var token = ""
            if link != ".", text[end] == link, end == textStart || text[end - 1] != link {
                var runEnd = end
                while runEnd < text.count, text[runEnd] == link { runEnd += 1 }
                if runEnd - end >= 2, runEnd < text.count, text[runEnd] == ">" {
                    (closerEnd, style) = (runEnd + 1, link == "=" ? .thick : .solid)
                } else if link == "-", runEnd - end >= 3 {
                    (closerEnd, style) = (runEnd, .open)
                }
                if let closerEnd { token = string(end, closerEnd) }
            } else if link == ".", let closer = closers.first(where: { has($0.token, at: end) }) {
                (closerEnd, style, token) = (end + closer.token.utf8CodeUnitCount, closer.style, "\(closer.token)")
            }
            if let closerEnd {
                // `-..->` is a longer arrow Mermaid has, not a label with no text.
                if end == textStart { throw unknownArrow(at: start) }
                let (label, labelColumn) = try edgeLabel(from: textStart, to: end, column: start + 1)
                i = closerEnd
                return FlowScannedArrow(
                    token: "\(opener) … \(token)", column: start + 1, style: style, label: label, labelColumn: labelColumn)
            }
            end += 1
        }
        if textStart < text.count, isSpace(text[textStart]) {
            let expected = closers.map { "`\($0.token)`" }.joined(separator: " or ")
            throw FlowSyntaxError(
                column: start + 1, message: "unclosed edge label: `\(opener)` is never closed by \(expected)",
                help: "close it: `a \(opener) text \(closers[0].token) b`, or write `a \(pipeForm)|text| b`")
        }
        throw unknownArrow(at: start)
    }

    /// Trims an edge label, removes surrounding quotes, and rejects an empty one. A bracket or brace in an
    /// unquoted label is drawn here but breaks Mermaid's parser, so GitHub's preview of the block: a warning.
    private mutating func edgeLabel(from start: Int, to end: Int, column: Int) throws -> (String, Int) {
        var (from, to) = trim(start, end)
        if to - from >= 2, text[from] == "\"", text[to - 1] == "\"" {
            from += 1
            to -= 1
        } else if let bracket = (from..<to).first(where: { isBracketOrQuote(text[$0]) && text[$0] != "\"" }) {
            note(
                .warning, column: bracket + 1,
                "`\(String(text[bracket]))` in an unquoted edge label breaks Mermaid, so GitHub cannot preview this flow",
                help: "put the label in quotes: `-->|\"\(string(from, to))\"|`")
        }
        guard from < to else {
            throw FlowSyntaxError(
                column: column, message: "the edge label is empty", help: "write the label's text, or drop it")
        }
        return (string(from, to), from + 1)
    }

    private func unknownArrow(at start: Int) -> FlowSyntaxError {
        var end = start
        while end < text.count, "-=.<>~".unicodeScalars.contains(text[end]) { end += 1 }
        if end < text.count, text[end] == "o" || text[end] == "x", end + 1 >= text.count || isSpace(text[end + 1]) {
            end += 1
        }
        return FlowSyntaxError(
            column: start + 1, message: "unknown arrow `\(string(start, max(end, start + 1)))`",
            help: supportedArrowsHelp)
    }

    // MARK: Scanning helpers

    private func unexpected(expecting: String) -> FlowSyntaxError {
        guard i < text.count else {
            return FlowSyntaxError(column: i + 1, message: "expected \(expecting)")
        }
        return FlowSyntaxError(
            column: i + 1, message: "unexpected `\(String(text[i]))`; expected \(expecting)")
    }

    /// Whether the scan is at the end of the line or at a `%%` comment.
    private func atStatementEnd() -> Bool {
        i >= text.count || has("%%")
    }

    /// Warns about `%%{…}%%` directives, which would change Mermaid's rendering but not guidegen's.
    private mutating func noteDirective() {
        guard has("%%{") else { return }
        issues.append(
            FlowIssue(
                line: lineNumber, column: i + 1, severity: .warning, check: FlowIssue.syntax,
                message: "directives (`%%{ … }%%`) are ignored; the site theme styles flows",
                help: "remove the directive"))
    }

    /// Skips spaces and tabs; returns whether any were skipped.
    @discardableResult
    private mutating func skipSpaces() -> Bool {
        let start = i
        while i < text.count, isSpace(text[i]) { i += 1 }
        return i > start
    }

    /// Scans a header word (`flowchart`, `stateDiagram-v2`, `LR`).
    private mutating func scanWord() -> String {
        let start = i
        while i < text.count, isWordScalar(text[i]) { i += 1 }
        return string(start, i)
    }

    private func has(_ token: StaticString) -> Bool { has(token, at: i) }

    /// Whether the ASCII `token` is at `position`. Tokens are static strings compared byte by byte:
    /// iterating a String's scalars for every test was most of the parser's time.
    private func has(_ token: StaticString, at position: Int) -> Bool {
        let count = token.utf8CodeUnitCount
        guard position + count <= text.count else { return false }
        let bytes = token.utf8Start
        for offset in 0..<count where text[position + offset].value != UInt32(bytes[offset]) { return false }
        return true
    }

    private func firstIndex(of scalar: Unicode.Scalar, from start: Int) -> Int? {
        var index = start
        while index < text.count {
            if text[index] == scalar { return index }
            index += 1
        }
        return nil
    }

    private func trim(_ start: Int, _ end: Int) -> (Int, Int) {
        var from = start
        var to = end
        while from < to, isSpace(text[from]) { from += 1 }
        while to > from, isSpace(text[to - 1]) { to -= 1 }
        return (from, to)
    }

    private func string(_ start: Int, _ end: Int) -> String {
        FlowFormat.string(text[start..<end])
    }

    /// Whether a scalar is the first letter of an unsupported keyword (`accTitle`, `class`, `direction`, …).
    private func startsKeyword(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a", "c", "d", "l", "s": return true
        default: return false
        }
    }

    /// Characters a bare label may not hold.
    private func isBracketOrQuote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "[", "]", "(", ")", "{", "}", "\"": return true
        default: return false
        }
    }

    private func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\u{0B}" || scalar == "\u{0C}"
    }

    /// Header words: `flowchart`, `stateDiagram-v2`, `LR`.
    private func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        isASCIILetterOrDigit(scalar) || scalar == "-" || scalar == "_"
    }

    private func isASCIILetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x61...0x7A).contains(v) || (0x41...0x5A).contains(v) || (0x30...0x39).contains(v)
    }

    /// Ids start with a letter, digit, `_` or CJK character (anything alphabetic beyond ASCII).
    private func isIdStart(_ scalar: Unicode.Scalar) -> Bool {
        if isASCIILetterOrDigit(scalar) || scalar == "_" { return true }
        guard scalar.value >= 0x80 else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .decimalNumber
    }

    /// Ids continue with the same characters and `-`, except where the `-` begins an arrow
    /// (`a-->b`, `a-.->b`).
    private func isIdContinue(at index: Int) -> Bool {
        let scalar = text[index]
        if scalar != "-" { return isIdStart(scalar) }
        guard index + 1 < text.count else { return true }
        let next = text[index + 1]
        return next != "-" && next != "." && next != ">"
    }
}
