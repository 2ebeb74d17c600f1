import Foundation
import Testing

@testable import GuideGen

@Suite("Flow label text")
struct FlowLabelTextTests {
    @Test func decodesMermaidEntityCodes() {
        #expect(FlowLabelText.plain("Say #quot;hi#quot;") == "Say \"hi\"")
        #expect(FlowLabelText.plain("Issue #35;1") == "Issue #1")
        #expect(FlowLabelText.plain("I #9829; it") == "I ♥ it")
        #expect(FlowLabelText.plain("#lt;b#gt; #amp; #lpar;x#rpar;") == "<b> & (x)")
    }

    @Test func decodesHTMLEntities() {
        #expect(FlowLabelText.plain("Tom &amp; Jerry") == "Tom & Jerry")
        #expect(FlowLabelText.plain("a &lt; b &gt; c") == "a < b > c")
        #expect(FlowLabelText.plain("&quot;x&quot;") == "\"x\"")
        #expect(FlowLabelText.plain("&#9829; &#x2665; &#X2665;") == "♥ ♥ ♥")
    }

    /// Mermaid's `<br>` breaks a line: in the text (the steps list, titles) it is a space, nothing between
    /// CJK characters, and the drawing starts a line there.
    @Test func lineBreakTagsAreSpacesThatStartALine() {
        #expect(FlowLabelText.plain("申请<br>售后") == "申请售后")
        #expect(FlowLabelText.plain("申请<br>after-sales") == "申请 after-sales")
        #expect(FlowLabelText.plain("a<br/>b<BR />c <br>  d") == "a b c d")
        #expect(FlowLabelText.plain("a < b <bra> <br") == "a < b <bra> <br")
        let english = FlowLabelText("Seller starts<br>the <b>refund</b>")
        #expect(english.breaks == [14] && english.segments == ["Seller starts", "the refund"])
        #expect(FlowLabelText("卖家主动<br>发起退款").segments == ["卖家主动", "发起退款"])
        // At an end, or twice over, a `<br>` starts no empty line.
        #expect(FlowLabelText("<br>a<br><br>b<br>").segments == ["a", "b"])
        // Each piece is wrapped on its own, and the emphasis follows the text.
        let label = FlowLabelText("Seller starts<br>the <b>refund</b>")
        let lines = FlowShapeMetrics.lines(for: .rectangle, label: label, measure: FlowTextMeasure())
        #expect(lines == ["Seller starts", "the refund"])
        #expect(label.runs(for: lines)?[1].map { "\($0.start)+\($0.length)\($0.bold ? "b" : "")" } == ["0+4", "4+6b"])
    }

    @Test func leavesUnknownAndIncompleteCodesAsWritten() {
        #expect(FlowLabelText.plain("#nosuchentity; &nosuch; #x2665;") == "#nosuchentity; &nosuch; #x2665;")
        #expect(FlowLabelText.plain("A & B #1 &amp") == "A & B #1 &amp")
        #expect(FlowLabelText.plain("C# and F#;") == "C# and F#;")
        // NUL, surrogates and values beyond Unicode become U+FFFD, as in HTML.
        #expect(FlowLabelText.plain("&#0;#55296;&#x110000;") == "\u{FFFD}\u{FFFD}\u{FFFD}")
    }

    @Test func stripsMarkdownStringMarkers() {
        let text = FlowLabelText("`**bold** and *it*`")
        #expect(text.text == "bold and it")
        let bold = FlowLabelText.Emphasis.bold
        let italic = FlowLabelText.Emphasis.italic
        #expect(text.emphasis == [bold, bold, bold, bold, [], [], [], [], [], italic, italic])
        #expect(FlowLabelText.plain("`***both***`") == "both")
        #expect(FlowLabelText("`***both***`").emphasis == Array(repeating: [.bold, .italic], count: 4))
    }

    /// Mermaid's HTML emphasis is bold and italic, as Mermaid draws it: the tags were drawn as text
    /// (`<b>申请</b>`). Other tags stay as written.
    @Test func emphasisTagsAreBoldAndItalic() {
        let text = FlowLabelText("<b>申请</b>售后<EM>今天</em>")
        #expect(text.text == "申请售后今天")
        #expect(text.emphasis == [.bold, .bold, [], [], .italic, .italic])
        #expect(FlowLabelText.plain("<strong>A</strong> <i>b</i>") == "A b")
        #expect(FlowLabelText.plain("<u>x</u> <span>y</span>") == "<u>x</u> <span>y</span>")
        #expect(FlowLabelText.plain("a < b > c") == "a < b > c")
    }

    @Test func keepsMarkersThatDoNotOpenOrClose() {
        #expect(FlowLabelText.plain("`2 * 3 * 4`") == "2 * 3 * 4")
        #expect(FlowLabelText.plain("`a *b`") == "a *b")
        #expect(FlowLabelText("`plain`").emphasis.isEmpty)
        // Outside a markdown string, asterisks and backticks are text.
        #expect(FlowLabelText.plain("**not bold**") == "**not bold**")
        #expect(FlowLabelText.plain("use `code` here") == "use `code` here")
    }

    @Test func decodesEntitiesInsideMarkdownStrings() {
        let text = FlowLabelText("`**Tom #amp; Jerry**`")
        #expect(text.text == "Tom & Jerry")
        #expect(text.emphasis == Array(repeating: .bold, count: 11))
    }

    @Test func collapsesSpacesAsBefore() {
        #expect(FlowLabelText.plain("  a \t b  ") == "a b")
        #expect(FlowLabelText.plain("a&nbsp;&nbsp;b") == "a b")
    }

    @Test func whitespaceTableMatchesTheUnicodeProperty() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if FlowTextMeasure.isWhitespace(scalar) != scalar.properties.isWhitespace {
                Issue.record("U+\(String(value, radix: 16)) differs")
                return
            }
        }
    }

    @Test func layoutAndSVGDrawDecodedTextEscapedOnce() throws {
        let diagram = try flowParseClean(
            "flowchart LR\n  a[\"Tom &amp; Jerry #quot;x#quot;\"] -->|&lt;ok&gt;| b[\"I #9829; it\"]")
        let geometry = FlowLayout.layout(diagram)
        #expect(geometry.nodes.map(\.lines) == [["Tom & Jerry \"x\""], ["I ♥ it"]])
        #expect(geometry.edges[0].label?.lines == ["<ok>"])
        let svg = FlowSVG.render(diagram, geometry, title: diagram.nodes[0].label, idPrefix: "e")
        #expect(svg.contains(">Tom &amp; Jerry &quot;x&quot;</tspan>"))
        #expect(svg.contains(">I ♥ it</tspan>"))
        #expect(svg.contains(">&lt;ok&gt;</tspan>"))
        #expect(svg.contains("<title id=\"e-title\">Tom &amp; Jerry &quot;x&quot;</title>"))
        #expect(!svg.contains("&amp;amp;"))
        #expect(!svg.contains("#quot;"))
        let steps = FlowSVG.textAlternative(diagram, idPrefix: "e")
        #expect(steps.contains("<li id=\"e-step-1\">Tom &amp; Jerry &quot;x&quot;"))
        #expect(steps.contains("<span class=\"flow-steps__answer\">&lt;ok&gt;</span>"))
        #expect(steps.contains("1. I ♥ it") || steps.contains("2. I ♥ it"))
    }

    @Test func svgDrawsMarkdownEmphasisAsTspans() throws {
        let diagram = try flowParseClean("flowchart TD\n  a[\"`**Check** the *box*`\"] -->|\"`*yes*`\"| b[Done]")
        let geometry = FlowLayout.layout(diagram)
        #expect(geometry.nodes[0].lines == ["Check the box"])
        let svg = FlowSVG.render(diagram, geometry, title: "t", idPrefix: "m")
        #expect(
            svg.contains(
                "<tspan font-weight=\"bold\">Check</tspan> the <tspan font-style=\"italic\">box</tspan></tspan>"))
        #expect(svg.contains("<tspan font-style=\"italic\">yes</tspan></tspan>"))
        #expect(!svg.contains("`") && !svg.contains("*"))
        let steps = FlowSVG.textAlternative(diagram, idPrefix: "m")
        #expect(steps.contains("<li id=\"m-step-1\">Check the box"))
        #expect(steps.contains(">yes</span>"))
    }

    @Test func emphasisFollowsWrappedLines() throws {
        let diagram = try flowParseClean(
            "flowchart TD\n  a[\"`**Apply on the order page** and then wait for *the seller to answer*`\"]")
        let geometry = FlowLayout.layout(diagram)
        let box = geometry.nodes[0]
        #expect(box.lines.count > 1)
        let runs = try #require(box.runs)
        #expect(runs.count == box.lines.count)
        for (line, lineRuns) in zip(box.lines, runs) {
            // Runs cover each line exactly, in order.
            #expect(lineRuns.first?.start == 0)
            #expect(lineRuns.reduce(0) { $0 + $1.length } == line.unicodeScalars.count)
        }
        #expect(runs[0][0].bold)
        #expect(runs[runs.count - 1].last?.italic == true)
    }

    @Test func ruleReferencesStillExpandBeforeDecoding() throws {
        // The lead expands `{{rule …}}` on the label as written; decoding happens when drawing.
        let parsed = try flowParseClean(
            "flowchart TD\n  a{\"`**Within {{rule windows.general.window}}?**`\"} -->|#quot;Yes#quot;| b[Ok]\n  a -->|No| c[No]")
        #expect(parsed.nodes[0].label.contains("{{rule windows.general.window}}"))
        let diagram = parsed.mapLabels { $0.replacingOccurrences(of: "{{rule windows.general.window}}", with: "15 天") }
        let svg = FlowSVG.render(diagram, FlowLayout.layout(diagram), title: "t", idPrefix: "r")
        #expect(svg.contains("15 天"))
        #expect(svg.contains(">\"Yes\"<") || svg.contains(">&quot;Yes&quot;<"))
    }
}
