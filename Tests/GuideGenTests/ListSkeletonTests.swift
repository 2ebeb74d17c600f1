import Foundation
import Testing

@testable import GuideGen

/// Lists rendered item by item from probes (`ListSkeleton`) must give swift-mustache's bytes for any
/// template: the ones it can fill and the ones it must hand back to swift-mustache.
@Suite struct ListSkeletonTests {
    /// A theme of one page template (plus partials); the other required templates are stubs.
    static func theme(_ page: String, partials: [String: String] = [:]) throws -> Theme {
        var files: [String: [UInt8]] = [:]
        for name in Theme.requiredTemplates { files[name + ".mustache"] = Array(name.utf8) }
        files["page.mustache"] = Array(page.utf8)
        for (name, text) in partials { files[name + ".mustache"] = Array(text.utf8) }
        let (theme, diagnostics) = Theme.compile(files, skeletons: true)
        // Errors only: these contexts are made up, so their names are not guidegen's (warned of).
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(theme.usesSkeletons)
        return theme
    }

    /// A small deterministic generator, so a failure names a context that can be rebuilt.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func text() -> String { ["x", "", "a\n", "<b>&amp;", "退货", "\u{E001}0&\u{E002}", "y z"][next(7)] }
        mutating func item(depth: Int = 0) -> TemplateMap {
            var item = TemplateMap(["name": .text(text())])
            if next(2) == 0 { item["flag"] = .flag(next(2) == 0) }
            if next(3) == 0 { item["note"] = .text(text()) }
            if depth == 0, next(2) == 0 { item["inner"] = .maps((0..<next(4)).map { _ in self.item(depth: 1) }) }
            return item
        }
        mutating func list() -> TemplateValue { .maps((0..<next(6)).map { _ in item() }) }
        mutating func context() -> TemplateMap {
            var page = TemplateMap(["items": list(), "other": list(), "title": .text(text())])
            if next(2) == 0 { page["tags"] = .texts((0..<next(5)).map { _ in text() }) }
            return TemplateMap([
                "page": .map(page), "sep": .text(text()), "top": list(), "strings": ListSkeletonTests.strings[next(4)],
            ])
        }
    }

    /// Interface strings as a page holds them: shared maps of equal shape and different text (a skeleton
    /// holds a shared map's text, so each must get its own), one that cannot be shared, and a plain map.
    static let strings: [TemplateValue] = [
        .sharing(TemplateMap(["items": .text("s")])), .sharing(TemplateMap(["items": .text("<t>&amp;")])),
        .sharing(TemplateMap(["items": .text("\u{E001}0&\u{E002}")])), .map(TemplateMap(["items": .text("s")])),
    ]

    /// Pages alike but for their shared strings each get their own text (a skeleton holds a shared map's
    /// text, so its shape must name the map), escaped as swift-mustache escapes it.
    @Test func sharedMapsOfOneShapeKeepTheirOwnText() throws {
        let theme = try Self.theme("{{strings.items}}|{{{strings.items}}}|{{page.title}}")
        for strings in Self.strings + Self.strings {
            let context = TemplateMap(["page": .map(TemplateMap(["title": .text("T")])), "strings": strings])
            let direct = try #require(theme.renderDirectly("page", context.any))
            #expect(theme.renderBytes("page", context) == Array(direct.utf8))
        }
    }

    @Test func sharedMapsAreSharedUnlessTheirTextLooksLikeAPlaceholder() {
        guard case .shared(let first) = Self.strings[0], case .shared(let second) = Self.strings[1] else {
            Issue.record("plain text makes a shared map")
            return
        }
        #expect(first.id != second.id)
        guard case .map = Self.strings[2] else {
            Issue.record("a placeholder's marks in a shared map's text would be cut out of the skeleton as a value")
            return
        }
        // Lists and nested maps stay out: the walk renders lists item by item only outside shared maps.
        guard case .map = TemplateValue.sharing(TemplateMap(["list": .texts(["a"])])) else {
            Issue.record("a map holding a list was shared")
            return
        }
    }

    static let templates: [(String, [String: String])] = [
        // One list, its body starting with the text that follows it (the insertion point is ambiguous).
        ("<ol>{{#page.items}}<li>{{name}}</li>{{/page.items}}<li>end</li></ol>", [:]),
        // Bodies of several shapes, outer values inside items, inverted sections of the list and inside it.
        (
            "{{#page.items}}{{#flag}}[{{name}}]{{/flag}}{{^flag}}({{name}}){{/flag}}{{sep}}{{#note}}!{{/note}}{{/page.items}}"
                + "{{^page.items}}none{{/page.items}}|{{strings.items}}|{{page.title}}", [:]
        ),
        // A body with no values, and a text equal to it after the list.
        ("{{#page.items}}<hr>{{/page.items}}<hr>{{#page.other}}<hr>{{/page.other}}", [:]),
        // Standalone section lines and nested lists of any length inside items.
        (
            "<ul>\n{{#page.items}}\n  <li>{{name}}\n{{#inner}}\n    - {{name}}{{^flag}}?{{/flag}}\n{{/inner}}\n  </li>\n{{/page.items}}\n</ul>\n",
            [:]
        ),
        // The same list twice: never item by item.
        ("{{#page.items}}<a>{{name}}</a>{{/page.items}}|{{#page.items}}<b>{{name}}</b>{{/page.items}}", [:]),
        // A list printed (as Swift describes it; a list of maps would print in no fixed order), or reached
        // through: never item by item.
        ("{{#page.tags}}<{{.}}>{{/page.tags}}{{page.tags}}", [:]), ("{{#page.items}}{{name}}{{/page.items}}{{page.items.name}}", [:]),
        // One list inside another: the inner one renders once per outer item.
        ("{{#top}}[{{#page}}{{#items}}{{name}},{{/items}}{{/page}}]{{/top}}", [:]),
        ("{{#page}}{{#items}}<{{#other}}{{name}}{{/other}}>{{/items}}{{/page}}", [:]),
        // Two lists side by side, with bodies that may be empty.
        ("{{#page.items}}{{#flag}}A{{/flag}}{{/page.items}}{{#page.other}}{{#flag}}B{{/flag}}{{/page.other}}", [:]),
        ("{{#page.other}}{{name}}{{/page.other}}{{#page.items}}{{name}}{{/page.items}}{{#top}}{{name}}{{/top}}", [:]),
        // A list in an indented partial, a list of strings, and a list in a partial used twice.
        (
            "<div>\n  {{> partials/list}}\n</div>\n{{#page.tags}}<i>{{.}}</i>{{/page.tags}}",
            ["partials/list": "{{#page.items}}\n- {{name}}\n{{/page.items}}\n"]
        ),
        ("{{> partials/once}}|{{> partials/once}}", ["partials/once": "{{#page.items}}{{name}};{{/page.items}}"]),
        // A list named like an interface string and a list under another map.
        ("{{#page.items}}{{name}}{{/page.items}}{{#strings.items}}s{{/strings.items}}{{#top}}{{name}}{{/top}}", [:]),
    ]

    @Test(arguments: templates.indices)
    func itemByItemRendersAsSwiftMustache(template index: Int) throws {
        let (page, partials) = Self.templates[index]
        let theme = try Self.theme(page, partials: partials)
        var generator = Generator(state: UInt64(index + 1))
        for round in 0..<300 {
            let context = generator.context()
            let direct = try #require(theme.renderDirectly("page", context.any))
            let fast = try #require(theme.renderBytes("page", context))
            #expect(fast == Array(direct.utf8), "template \(index), context \(round): \(String(decoding: fast, as: UTF8.self)) ≠ \(direct)")
            if fast != Array(direct.utf8) { break }
        }
        // Some contexts of every template are filled in item by item (the rest must go to swift-mustache).
        #expect(try #require(theme.skeletons).listFills > 0)
    }

    /// Lists of any length with items of two shapes cost swift-mustache a handful of renders, not one per
    /// length: the point of rendering item by item.
    @Test func listLengthsShareOneSkeleton() throws {
        let theme = try Self.theme(
            "<ol>{{#page.toc}}<li{{#sub}} class=\"sub\"{{/sub}}><a href=\"#{{id}}\">{{text}}</a></li>{{/page.toc}}</ol>")
        for length in 1...40 {
            let toc = (0..<length).map { i in TemplateMap(["id": .text("h\(i)"), "text": .text("T \(i)"), "sub": .flag(i % 3 == 1)]) }
            let context = TemplateMap(["page": .map(TemplateMap(["toc": .maps(toc)]))])
            #expect(theme.renderBytes("page", context) == Array(try #require(theme.renderDirectly("page", context.any)).utf8))
        }
        // The skeleton, then one probe per item shape (sub or not).
        #expect(theme.skeletons?.mustacheRenders == 3)
    }

    @Test func rulesFollowTheTemplateText() {
        let rules = TemplateListAnalysis.rules(
            in: "{{#page.toc}}{{id}}{{/page.toc}}{{strings.toc}}{{#a}}{{#b}}x{{/b}}{{/a}}{{#c}}{{/c}}{{#c}}{{/c}}{{d.e}}")
        #expect(rules.isCandidate(parent: "page", key: "toc"))
        // `strings.toc` is another map's key, so it does not print the list under `page`, only one under `strings`.
        #expect(!rules.isCandidate(parent: "strings", key: "toc"))
        #expect(!rules.isCandidate(parent: "", key: "c"))
        #expect(!rules.isCandidate(parent: "", key: "d"))
        #expect(rules.isCandidate(parent: "", key: "unused"))
        #expect(!rules.allows(parent: "", key: "a", besides: ["a", "b"]))
        #expect(rules.allows(parent: "", key: "a", besides: ["a", "c"]))
        #expect(rules.allows(parent: "", key: "b", besides: ["a", "b"]))
        let inherits = TemplateListAnalysis.rules(templates: ["page": "{{<base}}{{$x}}y{{/x}}{{/base}}", "base": "{{$x}}{{/x}}"])
        #expect(!inherits["page"]!.isCandidate(parent: "", key: "toc"))
        let deep = TemplateListAnalysis.rules(templates: ["page": "{{> page}}"])
        #expect(!deep["page"]!.isCandidate(parent: "", key: "toc"))
    }
}
