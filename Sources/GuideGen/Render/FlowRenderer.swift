/// Adapts the Flows stage to a page: parse, expand rule references in labels, check, lay out, draw.
enum FlowRenderer {
    struct Result {
        var html: String
        var prose: [ProseBlock]
        var diagnostics: [Diagnostic]
        /// Structure of the flow (ids and edges), for comparing translations; nil when it did not parse.
        var signature: String?
    }

    static func render(
        _ source: String, at location: SourceLocation, idPrefix: String, language: String, strings: UIStrings,
        expand: (String, SourceLocation) -> (text: String, generated: [Range<Int>], diagnostics: [Diagnostic])
    ) -> Result {
        // Placeholder until the Flows stage lands: show the source as code.
        Result(html: "<pre><code class=\"language-mermaid\">\(HTML.escape(source))</code></pre>\n", prose: [], diagnostics: [], signature: nil)
    }
}
