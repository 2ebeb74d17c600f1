import Foundation

/// Links to a heading that is not there: `[fees](#fees)` on a page without a "Fees" heading, or
/// `[x](refund.md#feees)`. A warning, as in MkDocs' anchor validation: the link still leads to the page.
///
/// A fragment counts as found when the target page (in the language the link leads to) has that id: one of
/// its headings', one its body gets from a flow, a rule table or a footnote (`flow1`, `rule-windows-general`,
/// `fn-1`), or one of the default theme's landmarks (`main`, `toc-title`, …).
public enum AnchorChecker {
    public static func check(bodies: [RenderedBody]) -> [Diagnostic] {
        // Only the pages some link points into: most pages are never the target of a heading link.
        var wanted = Set<String>()
        for body in bodies where !body.isFallback {
            for link in body.anchorLinks { wanted.insert((link.key ?? body.key) + "\u{0}" + link.language) }
        }
        guard !wanted.isEmpty else { return [] }
        var headingIDs: [String: [String]] = [:]
        var generatedIDs: [String: Set<String>] = [:]
        for body in bodies {
            let key = body.key + "\u{0}" + body.language
            if wanted.contains(key) {
                headingIDs[key] = body.markdown.headings.map(\.id)
                generatedIDs[key] = Set(body.markdown.generatedIDs)
            }
        }
        var out: [Diagnostic] = []
        for body in bodies where !body.isFallback {
            for link in body.anchorLinks {
                let key = link.key ?? body.key
                guard let ids = headingIDs[key + "\u{0}" + link.language] else { continue }
                let fragment = link.fragment.removingPercentEncoding ?? link.fragment
                if ids.contains(fragment) || isGenerated(fragment, on: generatedIDs[key + "\u{0}" + link.language] ?? []) {
                    continue
                }
                let page = link.key == nil ? "this page" : "`\(key)`"
                let help: String
                if let near = Suggestion.closest(to: fragment, in: ids) {
                    help = "did you mean `#\(near)`?"
                } else if ids.isEmpty {
                    help = "\(link.key == nil ? "this page" : "that page") has no headings; link to the page without `#…`"
                } else {
                    help = "its headings: " + ids.prefix(8).map { "`#\($0)`" }.joined(separator: ", ") + (ids.count > 8 ? ", …" : "")
                }
                out.append(
                    Diagnostic(
                        .warning, .brokenAnchor, at: link.location,
                        "link `\(link.url)`: \(page) has no heading with the id `\(fragment)`", help: help))
            }
        }
        return out
    }

    /// Whether `id` is one of the theme's or one the page's body got from a flow, a table or a footnote.
    static func isGenerated(_ id: String, on page: Set<String>) -> Bool {
        MarkdownRenderer.themeIDs.contains(id) || page.contains(id)
    }
}
