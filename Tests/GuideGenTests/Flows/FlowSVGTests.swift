import Testing

@testable import GuideGen

@Suite("Flow SVG")
struct FlowSVGTests {
    private static let hostile = """
        flowchart TD
          a["<img src=x onerror=alert(1)> & 'q'"] -->|"</text><script>x</script>"| b(["javascript:alert(1)"])
        """

    @Test func rendersASmallFlowExactly() throws {
        let diagram = try flowParseClean("flowchart LR\na([Start]) -.->|go| b{OK?}")
        let svg = FlowSVG.render(diagram, FlowLayout.layout(diagram), title: "Tiny", idPrefix: "t")
        #expect(
            svg == """
                <svg xmlns="http://www.w3.org/2000/svg" class="flow flow--lr" width="100%" viewBox="0 0 264.8 65.3" style="max-width:264.8px" role="img" aria-labelledby="t-title" aria-describedby="t-steps" font-size="14.0">
                <title id="t-title">Tiny</title>
                <defs>
                <marker id="t-arrow" viewBox="0 0 10 10" refX="6.0" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
                <path class="flow-arrowhead" d="M0,1L10,5L0,9z" fill="#4b5563"/>
                </marker>
                </defs>
                <g class="flow-edges" fill="none" stroke="#4b5563" stroke-width="1.5">
                <path class="flow-edge flow-edge--dotted" d="M78.8,32.7L154.2,32.7" stroke-dasharray="4 4" marker-end="url(#t-arrow)"/>
                </g>
                <g class="flow-nodes" stroke="#4b5563" stroke-width="1.5">
                <g class="flow-node flow-node--stadium">
                <rect class="flow-node__shape" x="8.0" y="13.9" width="70.8" height="37.6" rx="18.8" fill="#f3f4f6"/>
                <text class="flow-node__text" text-anchor="middle" fill="#111827" stroke="none"><tspan x="43.4" y="37.6">Start</tspan></text>
                </g>
                <g class="flow-node flow-node--decision">
                <polygon class="flow-node__shape" points="207.5,8.0 256.8,32.7 207.5,57.3 158.2,32.7" fill="#fff8e6"/>
                <text class="flow-node__text" text-anchor="middle" fill="#111827" stroke="none"><tspan x="207.5" y="37.6">OK?</tspan></text>
                </g>
                </g>
                <g class="flow-labels">
                <g class="flow-label">
                <rect class="flow-label__bg" x="104.8" y="19.9" width="27.4" height="25.6" rx="3" fill="#ffffff"/>
                <text class="flow-label__text" text-anchor="middle" fill="#111827" stroke="none"><tspan x="118.5" y="37.6">go</tspan></text>
                </g>
                </g>
                </svg>
                """)
    }

    @Test func escapesAuthorTextAndEmitsOnlyKnownAttributes() throws {
        let diagram = try flowParseClean(Self.hostile)
        let svg = FlowSVG.render(diagram, FlowLayout.layout(diagram), title: "<t>\"&'", idPrefix: "p")
        let html = FlowSVG.textAlternative(diagram, idPrefix: "p")
        let allowed: Set<String> = [
            "xmlns", "class", "width", "height", "viewBox", "style", "role", "aria-labelledby", "aria-describedby", "font-size", "id",
            "refX", "refY", "markerWidth", "markerHeight", "markerUnits", "orient", "d", "fill", "stroke",
            "stroke-width", "stroke-dasharray", "marker-end", "x", "y", "rx", "points", "cx", "cy", "r", "text-anchor",
            "aria-hidden", "href",
        ]
        #expect(attributeNames(svg).subtracting(allowed) == [])
        #expect(attributeNames(html).subtracting(allowed) == [])
        #expect(!svg.contains("<script") && !svg.contains("<img") && !html.contains("<script") && !html.contains("<img"))
        // Links lead only to the list's own steps.
        #expect(html.components(separatedBy: "href=\"").dropFirst().allSatisfy { $0.hasPrefix("#p-step-") })
        #expect(svg.contains("<title id=\"p-title\">&lt;t&gt;&quot;&amp;&#39;</title>"))
        #expect(
            html == """
                <ol class="flow-steps" id="p-steps">
                <li id="p-step-1">&lt;img src=x onerror=alert(1)&gt; &amp; &#39;q&#39;
                <ul class="flow-steps__branches">
                <li><span class="flow-steps__answer">&lt;/text&gt;&lt;script&gt;x&lt;/script&gt;</span> <span aria-hidden="true">→</span> <a class="flow-steps__target" href="#p-step-2">2. javascript:alert(1)</a></li>
                </ul>
                </li>
                <li id="p-step-2">javascript:alert(1)</li>
                </ol>
                """)
    }

    @Test func sanitizesTheIdPrefix() throws {
        let diagram = try flowParseClean("flowchart TD\na --> b")
        let svg = FlowSVG.render(diagram, FlowLayout.layout(diagram), title: "t", idPrefix: "my flow\"><x")
        let lines = svg.split(separator: "\n").map(String.init)
        #expect(lines[1] == "<title id=\"my-flow---x-title\">t</title>")
        #expect(lines[3].hasPrefix("<marker id=\"my-flow---x-arrow\" "))
        #expect(FlowSVG.sanitize("") == "flow")
    }

    @Test func textAlternativeListsStepsWithTheirBranches() throws {
        let diagram = try #require(FlowGoldenCase.all.first { $0.name == "merging" }?.diagram())
        #expect(
            FlowSVG.textAlternative(diagram, idPrefix: "m") == """
                <ol class="flow-steps" id="m-steps">
                <li id="m-step-1">Request a refund</li>
                <li id="m-step-2">Has the parcel shipped?
                <ul class="flow-steps__branches">
                <li><span class="flow-steps__answer">No</span> <span aria-hidden="true">→</span> <a class="flow-steps__target" href="#m-step-3">3. Cancel the order</a></li>
                <li><span class="flow-steps__answer">Yes</span> <span aria-hidden="true">→</span> <a class="flow-steps__target" href="#m-step-4">4. Return the parcel</a></li>
                </ul>
                </li>
                <li id="m-step-3">Cancel the order
                <ul class="flow-steps__branches">
                <li><span aria-hidden="true">→</span> <a class="flow-steps__target" href="#m-step-6">6. Refund arrives</a></li>
                </ul>
                </li>
                <li id="m-step-4">Return the parcel</li>
                <li id="m-step-5">Enter the tracking number</li>
                <li id="m-step-6">Refund arrives</li>
                </ol>
                """)
    }

    /// The copy printed in place of the collapsed list reads the same, without ids (they would repeat) or links.
    @Test func thePrintedStepsHaveTheTextWithoutIdsOrLinks() throws {
        let diagram = try #require(FlowGoldenCase.all.first { $0.name == "merging" }?.diagram())
        let (screen, printed) = FlowSVG.textAlternatives(diagram, idPrefix: "m")
        #expect(screen.contains(" id=\"m-step-3\"") && screen.contains("<a "))
        #expect(!printed.contains(" id=") && !printed.contains("<a ") && !printed.contains("href"))
        func text(_ html: String) -> String { html.replacing(/<[^>]*>/, with: "") }
        #expect(text(printed) == text(screen))
        #expect(text(printed).contains("Yes → 4. Return the parcel"))
    }

    @Test func textAlternativeFollowsCyclesOnce() throws {
        let diagram = try #require(FlowGoldenCase.all.first { $0.name == "cycle" }?.diagram())
        #expect(
            FlowSVG.textAlternative(diagram, idPrefix: "c") == """
                <ol class="flow-steps" id="c-steps">
                <li id="c-step-1">Open the dispute</li>
                <li id="c-step-2">Upload photos of the fault</li>
                <li id="c-step-3">Does the platform accept the proof?
                <ul class="flow-steps__branches">
                <li><span class="flow-steps__answer">Accepted</span> <span aria-hidden="true">→</span> <a class="flow-steps__target" href="#c-step-4">4. Refund</a></li>
                <li><span class="flow-steps__answer">More needed</span> <span aria-hidden="true">→</span> <a class="flow-steps__target" href="#c-step-5">5. Take clearer photos</a></li>
                </ul>
                </li>
                <li id="c-step-4">Refund</li>
                <li id="c-step-5">Take clearer photos
                <ul class="flow-steps__branches">
                <li><span aria-hidden="true">→</span> <a class="flow-steps__target" href="#c-step-2">2. Upload photos of the fault</a></li>
                </ul>
                </li>
                </ol>
                """)
    }

    /// A step that ends the flow says so: "4. Refund" is not read as leading into "5. Take clearer photos".
    @Test func textAlternativeMarksTheEnds() throws {
        let diagram = try #require(FlowGoldenCase.all.first { $0.name == "cycle" }?.diagram())
        let steps = FlowSVG.textAlternative(diagram, idPrefix: "c", endMark: "（结束）")
        let end = "<span class=\"flow-steps__end\">（结束）</span>"
        #expect(steps.contains("<li id=\"c-step-4\">Refund\(end)</li>\n<li id=\"c-step-5\">Take clearer photos"))
        #expect(steps.components(separatedBy: "flow-steps__end").count == 2)
    }

    /// A flow with two ways in marks each start, so the second is not read as a step after the first path's
    /// end; a flow with one start marks nothing.
    @Test func textAlternativeMarksEachStartOfSeveral() throws {
        let two = try flowParseClean("flowchart TD\na[退款] --> b[完成]\nc[换货] --> b\n")
        let (screen, printed) = FlowSVG.textAlternatives(two, idPrefix: "f", endMark: "（结束）", startMark: "（起点）")
        let start = "<span class=\"flow-steps__start\">（起点）</span>"
        #expect(screen.contains("<li id=\"f-step-1\">退款\(start)"))
        #expect(screen.contains("<li id=\"f-step-2\">换货\(start)"))
        #expect(printed.components(separatedBy: "flow-steps__start").count == 3)
        let one = try flowParseClean("flowchart TD\na[退款] --> b[完成]\n")
        #expect(!FlowSVG.textAlternatives(one, idPrefix: "f", startMark: "（起点）").screen.contains("flow-steps__start"))
    }

    /// Names of all attributes: every `="` in the output starts an attribute value, because text
    /// content escapes `"`.
    private func attributeNames(_ markup: String) -> Set<String> {
        var names = Set<String>()
        let scalars = Array(markup.unicodeScalars)
        for index in scalars.indices.dropFirst() where scalars[index] == "\"" && scalars[index - 1] == "=" {
            var start = index - 1
            while start > 0, scalars[start - 1] != " ", scalars[start - 1] != "<", scalars[start - 1] != "\n" { start -= 1 }
            var name = String.UnicodeScalarView()
            name.append(contentsOf: scalars[start..<(index - 1)])
            names.insert(String(name))
        }
        return names
    }
}

/// The drawing's accessible name: "Flowchart: " and the start step as shown.
@Suite struct FlowTitleTests {
    /// The start step is the first no arrow leads into, not the first written; a markdown string's backticks
    /// and stars were read out as part of the name (`*等待* 卖家 **处理**`).
    @Test func theNameIsTheStartStepAsShown() {
        let source = "flowchart TD\n  wait[\"`*等待* 卖家 **处理**`\"] --> done([完成])\n  start([签收]) --> wait\n"
        let result = FlowRenderer.render(
            source, at: SourceLocation(file: "p.md", line: 1, column: 1), idPrefix: "flow1", language: "zh-Hans",
            strings: UIStrings.forLanguage("zh-Hans"), draw: true, expand: { text, _ in (text, [], [], []) })
        #expect(result.html.contains("<title id=\"flow1-title\">流程图：签收</title>"), "\(result.html.prefix(600))")
        #expect(!result.html.contains("<figcaption") && !result.html.contains("<desc"))
    }

    /// `accTitle:` names the drawing and `accDescr` describes it (before the steps list); a front-matter `title:`
    /// is shown above it and names it when there is no `accTitle`. Rule references in them are expanded.
    @Test func theAuthorsTitleAndDescriptionWin() {
        func render(_ source: String) -> String {
            FlowRenderer.render(
                source, at: SourceLocation(file: "p.md", line: 1, column: 1), idPrefix: "flow1", language: "en",
                strings: UIStrings.forLanguage("en"), draw: true,
                expand: { text, _ in (text.replacingOccurrences(of: "{{rule w.a.b}}", with: "15 days"), [], [], []) }
            ).html
        }
        let both = render(
            "---\ntitle: Returns <in> {{rule w.a.b}}\n---\nflowchart TD\naccTitle: How to return\naccDescr: Three steps\na --> b")
        #expect(both.contains("<figcaption class=\"flowchart__title\">Returns &lt;in&gt; 15 days</figcaption>"), "\(both.prefix(700))")
        #expect(both.contains("<title id=\"flow1-title\">How to return</title>\n<desc id=\"flow1-desc\">Three steps</desc>"))
        #expect(both.contains("aria-describedby=\"flow1-desc flow1-steps\""))
        let titled = render("---\ntitle: Returns\n---\nflowchart TD\na --> b")
        #expect(titled.contains("<title id=\"flow1-title\">Returns</title>"))
        #expect(titled.contains("aria-describedby=\"flow1-steps\""))
    }
}
