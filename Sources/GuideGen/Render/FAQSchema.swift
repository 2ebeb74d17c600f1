/// schema.org `FAQPage` JSON-LD for an FAQ page.
enum FAQSchema {
    /// JSON safe to place inside `<script type="application/ld+json">`: `<`, `>` and `&` are escaped, so
    /// no text can close the element. Written by hand: JSONSerialization was a tenth of a large build.
    static func jsonLD(_ sections: [MarkdownResult.Section]) -> String {
        var out = "{\"@context\":\"https://schema.org\",\"@type\":\"FAQPage\",\"mainEntity\":["
        for (i, section) in sections.enumerated() {
            if i > 0 { out += "," }
            out += "{\"@type\":\"Question\",\"acceptedAnswer\":{\"@type\":\"Answer\",\"text\":"
            out += quoted(section.text)
            out += "},\"name\":"
            out += quoted(section.heading.text)
            out += "}"
        }
        return out + "]}"
    }

    /// A JSON string literal with HTML-significant characters escaped as `\uXXXX`.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
