import Foundation
import Testing

@testable import GuideGen

/// Front matter and `guidegen.yaml` are composed from libyaml's events by guidegen itself; files that
/// may use anchors go through Yams. For anchor-free YAML both must give the same tree and the same
/// diagnostics, or an author would see a page's front matter read differently from a rule table.
@Suite struct YAMLEventComposerTests {
    /// Both ways: the event composer (`allowAliases: false`) and Yams (`allowAliases: true`).
    static func bothWays(_ yaml: String) -> (events: (YAMLNode?, [String]), yams: (YAMLNode?, [String])) {
        let events = YAMLReader(allowAliases: false).compose(yaml, file: "p.md", firstLine: 2)
        let yams = YAMLReader(allowAliases: true).compose(yaml, file: "p.md", firstLine: 2)
        return ((events.0, TestSupport.lines(events.1)), (yams.0, TestSupport.lines(yams.1)))
    }

    /// Every front matter and site configuration the repository holds: shipped content, fixtures, fuzz finds.
    static func repositoryYAML() throws -> [(String, String)] {
        var out: [(String, String)] = []
        let roots = ["content", "Tests/GuideGenTests/Fixtures", "Fuzz/findings"].map { TestSupport.repository.appendingPathComponent($0) }
        for root in roots {
            guard let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walk {
                guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else { continue }
                if url.lastPathComponent == "guidegen.yaml" {
                    out.append((url.path, text))
                } else if url.pathExtension == "md", case .success(let parts) = FrontMatterSplitter.split(text) {
                    out.append((url.path, parts.yaml))
                } else if url.path.contains("FuzzFrontMatter") {
                    out.append((url.path, text))
                }
            }
        }
        return out
    }

    @Test func repositoryYAMLComposesAlikeBothWays() throws {
        let all = try Self.repositoryYAML()
        #expect(all.count > 100)
        for (path, yaml) in all {
            let (events, yams) = Self.bothWays(yaml)
            // Anchors are refused in front matter (a fuzz find holds one); Yams composes them.
            if events.1.contains(where: { $0.contains("anchors and aliases") }) { continue }
            #expect(events.0 == yams.0, "\(path)")
            #expect(events.1 == yams.1, "\(path)")
        }
    }

    /// Malformed and unusual YAML: syntax errors of each kind, repeated keys, several documents,
    /// tags, empty and null documents, deep nesting; the messages and positions must match Yams'.
    @Test(
        arguments: [
            "", "# only a comment\n", "~\n", "title: x\n", "title:\n", "a: 'unclosed\n", "a: \"unclosed\n", "a: [1, 2\n",
            "a: {b: 1\n", "a: b: c\n", "a:\n\t- x\n", "a: 1\n b: 2\n", "- a\nb: c\n", "a: 1\n---\nb: 2\n", "a: 1\n...\nb: 2\n",
            "a: 1\na: 2\n", "a: 1\nb: 2\na: 3\nb: 4\n", "\"a\": 1\na: 2\n", "a: 1\n'a': 2\n", "!!int 1: x\n1: y\n",
            "m:\n  k: 1\n  k: 2\n", "- t: 1\n  t: 2\n", "a: |\n  text\n   more\nb: >-\n  folded\n", "? complex\n: value\n",
            "a: !!str 3\nb: !custom x\n", "tags: [a, b, c]\nsources:\n  - {title: T, url: 'https://x'}\n",
            String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n",
            String(repeating: "- ", count: 66) + "x\n", "a: \u{7}\n", "a: b\n  - c\n", "%YAML 1.2\n---\na: 1\n", "a: 1 # c\n#x\n",
            (1...20).map { "k\($0): 1\n" }.joined() + "k3: 2\nk1: 3\n", (1...20).map { "k\($0): 1\n" }.joined(),
            "title: 退货 & 换货\nsummary: \"七天\"\n", "a:\n- 1\n- 2\n", "[1, 2]\n", "a: @x\n", "a: `x\n",
        ] as [String])
    func awkwardYAMLComposesAlikeBothWays(_ yaml: String) {
        let (events, yams) = Self.bothWays(yaml)
        #expect(events.0 == yams.0, "\(yaml)")
        #expect(events.1 == yams.1, "\(yaml)")
    }

    /// The event composer refuses an anchor exactly where libyaml reads one (a wrapped value's `&` is
    /// text), and reports a repeated key in a flow mapping at the repeat itself (Yams marks the mapping).
    @Test func anchorsAndFlowRepeatsAreReportedWhereTheyAre() {
        let anchor = YAMLReader(allowAliases: false).compose("a: x\n  &b\n", file: "p.md", firstLine: 2)
        #expect(anchor.0 != nil && anchor.1.isEmpty)  // text: `x &b`
        #expect(anchor.0?.mark == YAMLMark(line: 1, column: 1))
        let composer = YAMLEventComposer(maxDepth: 64, maxNodes: 100)
        #expect(composer.compose("a: &x 1\n") == .failure(.anchorOrAlias(at: YAMLMark(line: 1, column: 4))))
        // libyaml marks a node at its tag; the refusal points at the anchor after it (fuzzer finding).
        #expect(composer.compose("a: 1\njd:   ! &a {x: 1}\n") == .failure(.anchorOrAlias(at: YAMLMark(line: 2, column: 9))))
        #expect(composer.compose("a: 1\r\nb: 2\rjd: !!str &a 京东\n") == .failure(.anchorOrAlias(at: YAMLMark(line: 3, column: 11))))
        #expect(composer.compose("- 京东: !t &a x\n") == .failure(.anchorOrAlias(at: YAMLMark(line: 1, column: 10))))
        #expect(composer.compose("a: *x\n") == .failure(.anchorOrAlias(at: YAMLMark(line: 1, column: 4))))
        #expect(
            composer.compose("{a: 1, b: 2, a: 3}\n")
                == .failure(.duplicateKeys(["a"], at: YAMLMark(line: 1, column: 14), first: YAMLMark(line: 1, column: 2))))
        #expect(composer.compose(String(repeating: "- ", count: 60) + "x\n") != .failure(.tooDeep(at: YAMLMark(line: 1, column: 1))))
        if case .failure(.tooManyValues) = composer.compose("[" + String(repeating: "1, ", count: 100) + "1]\n") {
        } else {
            Issue.record("101 values are more than 100")
        }
    }
}
