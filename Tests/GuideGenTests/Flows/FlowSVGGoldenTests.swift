import Foundation
import Testing

@testable import GuideGen

@Suite("Flow SVG goldens")
struct FlowSVGGoldenTests {
    @Test(arguments: FlowGoldenCase.all)
    func rendersGolden(_ golden: FlowGoldenCase) throws {
        let diagram = try #require(golden.diagram())
        let geometry = FlowLayout.layout(diagram)
        let svg = FlowSVG.render(diagram, geometry, title: golden.title, idPrefix: "flow-\(golden.name)")
        try FlowGoldens.check(svg + "\n", named: "\(golden.name).svg")
        let steps = FlowSVG.textAlternative(diagram, idPrefix: "flow-\(golden.name)")
        try FlowGoldens.check(steps + "\n", named: "\(golden.name).steps.html")
    }

    @Test func renderingIsByteIdentical() throws {
        for golden in FlowGoldenCase.all {
            let diagram = try #require(golden.diagram())
            let first = FlowSVG.render(diagram, FlowLayout.layout(diagram), title: golden.title, idPrefix: "p")
            let second = FlowSVG.render(diagram, FlowLayout.layout(diagram), title: golden.title, idPrefix: "p")
            #expect(first == second)
        }
    }

    /// Writes every golden flow, in a light and a dark panel, to the HTML file named by
    /// `GUIDEGEN_FLOW_PREVIEW`, for looking at in a browser (or a headless screenshot).
    @Test func writesPreviewWhenAsked() throws {
        guard let path = ProcessInfo.processInfo.environment["GUIDEGEN_FLOW_PREVIEW"] else { return }
        var html = """
            <!doctype html>
            <html><head><meta charset="utf-8"><title>guidegen flows</title>
            <style>
            \(FlowSVG.stylesheet)
            body { margin: 0; font-family: system-ui, "Noto Sans CJK SC", sans-serif; }
            .row { display: flex; }
            .panel { flex: 1; padding: 12px 16px; min-width: 0; }
            .light { background: #ffffff; color: #111827; --flow-node-fill: #ffffff; --flow-node-stroke: #4b5563;
              --flow-decision-fill: #fff8e6; --flow-decision-stroke: #b7791f; --flow-terminal-fill: #eef2ff;
              --flow-text: #111827; --flow-edge: #6b7280; --flow-label-bg: #ffffff; --flow-label-text: #374151; }
            .dark { background: #0f172a; color: #e5e7eb; --flow-node-fill: #1e293b; --flow-node-stroke: #94a3b8;
              --flow-decision-fill: #3b2f16; --flow-decision-stroke: #eab308; --flow-terminal-fill: #1e1b4b;
              --flow-text: #e5e7eb; --flow-edge: #94a3b8; --flow-label-bg: #0f172a; --flow-label-text: #cbd5e1; }
            h2 { font-size: 14px; margin: 0 0 4px; }
            .flow-steps { position: static; width: auto; height: auto; overflow: visible; clip-path: none; white-space: normal; font-size: 12px; }
            </style></head><body>

            """
        // The goldens, then a few of the property test's random flows.
        var samples = try FlowGoldenCase.all.map { (name: $0.name, title: $0.title, diagram: try #require($0.diagram())) }
        samples.append(
            (
                name: "crowded", title: "Crowded",
                diagram: try flowParseClean(
                    """
                    flowchart TD
                    q{Is everything in order?} -->|again| q
                    q -->|"once more, with a much longer label"| q
                    q -.-> q
                    q -->|a| a[First]
                    q -->|b| b[Second]
                    q -->|c| c[Third]
                    a --> f([End])
                    a -->|twice| f
                    c --> f
                    f -->|start over| q
                    """)
            ))
        var random = FlowSeededRandom(seed: 7)
        for index in 0..<4 {
            let diagram = FlowRandomDiagrams.make(&random, nodeCount: 6 + 4 * index, cycles: index % 2 == 1)
            samples.append((name: "random-\(index)", title: "Random flow \(index)", diagram: diagram))
        }
        for golden in samples {
            let diagram = golden.diagram
            let geometry = FlowLayout.layout(diagram)
            html += "<div class=\"row\">\n"
            for theme in ["light", "dark"] {
                html += "<div class=\"panel \(theme)\"><h2>\(FlowFormat.escape(golden.name)) (\(theme))</h2>\n"
                html += FlowSVG.render(diagram, geometry, title: golden.title, idPrefix: "\(theme)-\(golden.name)")
                html += "\n" + FlowSVG.textAlternative(diagram, idPrefix: "\(theme)-\(golden.name)") + "\n</div>\n"
            }
            html += "</div>\n"
        }
        html += "</body></html>\n"
        try Data(html.utf8).write(to: URL(fileURLWithPath: path))
    }
}
