import Foundation

/// schema.org `FAQPage` JSON-LD for an FAQ page.
enum FAQSchema {
    /// JSON safe to place inside `<script type="application/ld+json">` (no `<` survives).
    static func jsonLD(_ sections: [MarkdownResult.Section]) -> String {
        let object: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "mainEntity": sections.map { section in
                ["@type": "Question", "name": section.heading.text, "acceptedAnswer": ["@type": "Answer", "text": section.text]]
                    as [String: Any]
            },
        ]
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }
}
