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

    /// A JSON string literal with HTML-significant characters escaped as `\uXXXX`; works on UTF-8 bytes.
    static func quoted(_ s: String) -> String {
        var out: [UInt8] = [0x22]
        out.reserveCapacity(s.utf8.count + 16)
        let bytes = Array(s.utf8)
        var i = 0
        func append(_ text: String) { out += text.utf8 }
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x22: append("\\\"")
            case 0x5C: append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x3C: append("\\u003c")
            case 0x3E: append("\\u003e")
            case 0x26: append("\\u0026")
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                // U+2028 and U+2029 end a line in JavaScript.
                append(bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                i += 2
            case ..<0x20:
                let hex = String(b, radix: 16)
                append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: out.append(b)
            }
            i += 1
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }
}
