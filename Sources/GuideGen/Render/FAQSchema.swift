/// schema.org `FAQPage` JSON-LD for an FAQ page.
enum FAQSchema {
    /// JSON safe to place inside `<script type="application/ld+json">`: `<`, `>` and `&` are escaped, so
    /// no text can close the element. Written by hand: JSONSerialization was a tenth of a large build.
    /// UTF-8, as the page template inserts it (see `TemplateValue.utf8`).
    /// Nil when no question has both a question and an answer.
    static func jsonLD(_ sections: [MarkdownResult.Section]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(sections.reduce(128) { $0 + $1.text.utf8.count + $1.heading.text.utf8.count + 96 })
        out += #"{"@context":"https://schema.org","@type":"FAQPage","mainEntity":["#.utf8
        // A question without an answer is left out: search engines refuse an empty `acceptedAnswer`
        // (lint warns about it, `faq-empty-answer`).
        var first = true
        for section in sections
        where !ByteSearch.trimmed(section.text, newlines: true).isEmpty && !ByteSearch.trimmed(section.heading.text, newlines: true).isEmpty
        {
            if !first { out.append(0x2C) }
            first = false
            out += #"{"@type":"Question","acceptedAnswer":{"@type":"Answer","text":"#.utf8
            appendQuoted(section.text, to: &out)
            out += #"},"name":"#.utf8
            appendQuoted(section.heading.text, to: &out)
            out.append(0x7D)
        }
        guard !first else { return nil }
        out += "]}".utf8
        return out
    }

    /// Appends a JSON string literal with HTML-significant characters escaped as `\uXXXX`; works on UTF-8
    /// bytes, copying the runs between escapes whole. (Also the search index's, several megabytes of text on a
    /// large site: the loop keeps its state in locals, not in variables a closure captures.)
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        UTF8Scan.withBytes(s) { appendEscaped($0, to: &out) }
        out.append(0x22)
    }

    /// Appends `bytes` escaped for inside a JSON string literal.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        // Bytes below 0x40 looked at: 0x00–0x1F, `"`, `&`, `<` and `>`.
        let special: UInt64 = 0xFFFF_FFFF | 1 << 0x22 | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E
        var runStart = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            // Most bytes need nothing: below 0x40 a bit of `special` says whether a byte might (control
            // characters, `"`, `&`, `<`, `>`), above it only `\` and the lead byte of U+2028/U+2029 can.
            if b < 0x40 ? (special >> UInt64(b)) & 1 == 0 : (b != 0x5C && b != 0xE2) {
                i += 1
                continue
            }
            var width = 1
            let escape: String
            switch b {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x3C: escape = "\\u003c"
            case 0x3E: escape = "\\u003e"
            case 0x26: escape = "\\u0026"
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                // U+2028 and U+2029 end a line in JavaScript.
                escape = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            case ..<0x20:
                let hex = String(b, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                i += 1
                continue
            }
            if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
            out += escape.utf8
            i += width
            runStart = i
        }
        if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }
}
