/// Adapts the Flows stage to a page: parse, expand rule references in labels, check, lay out, draw.
enum FlowRenderer {
    struct Result {
        var html: String
        var prose: [ProseBlock]
        var diagnostics: [Diagnostic]
        /// Structure of the flow (ids and edges), for comparing translations; nil when it did not parse.
        var signature: String?
    }

    /// About how wide the built-in theme's column is on a phone, px: a flow wider at its smallest scale scrolls.
    static let phoneColumnWidth = 340.0

    /// `location` is the opening fence; the flow's first line is the line below it.
    static func render(
        _ source: String, at location: SourceLocation, idPrefix: String, language: String, strings: UIStrings, draw: Bool,
        expand: (String, SourceLocation) -> (text: String, generated: [Range<Int>], anchors: [ProseBlock.Anchor], diagnostics: [Diagnostic])
    ) -> Result {
        func fileLocation(line: Int, column: Int) -> SourceLocation {
            SourceLocation(file: location.file, line: location.line + line, column: column + location.column - 1)
        }
        func diagnostic(_ issue: FlowIssue) -> Diagnostic {
            let check = CheckID(rawValue: issue.check) ?? .flowSyntax
            return Diagnostic(
                issue.severity == .error ? .error : .warning, check, at: fileLocation(line: issue.line, column: issue.column),
                issue.message, help: issue.help)
        }
        let (parsed, parseIssues) = FlowParser.parse(source)
        var diagnostics = parseIssues.map(diagnostic)
        let fallback = "<pre tabindex=\"0\"><code class=\"language-mermaid\">\(HTML.escape(source))</code></pre>\n"
        guard var diagram = parsed, !parseIssues.contains(where: { $0.severity == .error }) else {
            return Result(html: fallback, prose: [], diagnostics: diagnostics, signature: nil)
        }
        diagnostics += FlowChecker.check(diagram).map(diagnostic)
        // Expand {{rule …}} in labels, keeping each label as a block of prose for the claims checker.
        var prose: [ProseBlock] = []
        func expandLabel(_ label: String, line: Int, column: Int) -> String {
            let at = fileLocation(line: line, column: column)
            let (text, generated, anchors, found) = expand(label, at)
            diagnostics += found
            prose.append(ProseBlock(kind: .flowLabel, text: text, generated: generated, anchors: anchors))
            return text
        }
        for i in diagram.nodes.indices where diagram.nodes[i].hasLabel {
            let node = diagram.nodes[i]
            diagram.nodes[i].label = expandLabel(node.label, line: node.line, column: node.labelColumn ?? node.column)
        }
        for i in diagram.edges.indices {
            guard let label = diagram.edges[i].label else { continue }
            let edge = diagram.edges[i]
            diagram.edges[i].label = expandLabel(label, line: edge.line, column: edge.labelColumn ?? edge.column)
        }
        // Most flows have none of the three: nothing is looked at then.
        if let text = diagram.title { diagram.title?.text = expandLabel(text.text, line: text.line, column: text.column) }
        if let text = diagram.accessibleTitle {
            diagram.accessibleTitle?.text = expandLabel(text.text, line: text.line, column: text.column)
        }
        if let text = diagram.accessibleDescription {
            diagram.accessibleDescription?.text = expandLabel(text.text, line: text.line, column: text.column)
        }
        // `lint` needs the checks, not the drawing; only the ids the drawing would have, for heading links.
        guard draw else {
            let ids = [idPrefix] + FlowSVG.ids(idPrefix: idPrefix, steps: diagram.nodes.count)
            return Result(html: HTML.idPlaceholders(ids), prose: prose, diagnostics: diagnostics, signature: diagram.structureSignature)
        }
        let geometry = FlowLayout.layout(diagram)
        // Named as a flowchart from its first step, and described by the steps list (collapsed below it): a
        // screen reader announced only the first step's words as an image. The frame scrolls a wide flow on a
        // phone, so it takes keyboard focus (arrow keys scroll it) and carries the flow's name.
        // The start step (the first that no arrow leads into, as the checks take it), as shown: a markdown
        // string's backticks and stars were read out.
        var entered = Array(repeating: false, count: diagram.nodes.count)
        for case let (from, to)? in diagram.edgeEndpoints() where from != to { entered[to] = true }
        let start = diagram.nodes.indices.first { !entered[$0] } ?? 0
        // The author's own name for it wins: Mermaid's `accTitle:`, else the front matter's `title:`.
        let title =
            diagram.accessibleTitle?.text ?? diagram.title?.text
            ?? strings.flowchart + (diagram.nodes.indices.contains(start) ? FlowLabelText.plain(diagram.nodes[start].label) : "")
        let svg = FlowSVG.render(diagram, geometry, title: title, description: diagram.accessibleDescription?.text, idPrefix: idPrefix)
        // A front-matter title is shown above the drawing, as Mermaid draws it.
        let caption =
            diagram.title.map { "<figcaption class=\"flowchart__title\">\(FlowFormat.escape(FlowLabelText.plain($0.text)))</figcaption>\n" }
            ?? ""
        let (steps, printedSteps) = FlowSVG.textAlternatives(
            diagram, idPrefix: idPrefix, endMark: strings.flowEnd, startMark: strings.flowStart)
        // A right-to-left flow starts at its right end: its frame scrolls from there (`flowchart--rl`).
        // One that scrolls even at 70 % on a phone (about 340 px of column) says so there (`flowchart--wide`).
        let wide = geometry.width * 0.7 > Self.phoneColumnWidth
        let kind = "flowchart" + (diagram.direction == .rightToLeft ? " flowchart--rl" : "") + (wide ? " flowchart--wide" : "")
        let hint = wide ? "<p class=\"flowchart__hint\" aria-hidden=\"true\">\(HTML.escape(strings.flowScrollHint))</p>\n" : ""
        let html = """
            <figure class="\(kind)" id="\(idPrefix)">
            \(caption)<div class="flowchart__figure" role="region" tabindex="0" aria-labelledby="\(idPrefix)-title" style="--flow-width: \(Int(geometry.width.rounded(.up)))px">
            \(svg)
            </div>
            \(hint)<details class="flowchart__steps">
            <summary>\(HTML.escape(strings.flowSteps))</summary>
            \(steps)
            </details>
            <div class="flowchart__print" aria-hidden="true">
            \(printedSteps)
            </div>
            </figure>

            """
        return Result(html: html, prose: prose, diagnostics: diagnostics, signature: diagram.structureSignature)
    }
}
