/// HTML escaping for text and attribute values.
public enum HTML {
    /// Empty elements carrying `ids`: what `lint`, which draws nothing, hands the Markdown stage in place of
    /// a flow or a rule table, so that headings and links see the same ids as in a build.
    public static func idPlaceholders(_ ids: [String]) -> String {
        ids.map { "<i id=\"\(escape($0))\"></i>" }.joined()
    }

    /// Escapes `&`, `<`, `>`, `"` and `'`.
    public static func escape(_ s: String) -> String {
        guard UTF8Scan.withBytes(s, { $0.contains { entity(for: $0) != nil } }) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 32)
        appendEscaped(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` escaped as by `escape` to UTF-8 bytes; runs without special bytes are copied whole.
    public static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        UTF8Scan.withBytes(s) { appendEscaped(bytes: $0, to: &out) }
    }

    /// `appendEscaped` for text that is already UTF-8 bytes.
    public static func appendEscaped(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var runStart = 0
        for (i, byte) in bytes.enumerated() {
            guard let entity = entity(for: byte) else { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            out += entity
            runStart = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    /// The text of an HTML fragment guidegen made (a rule table): tags dropped, the five escapes decoded,
    /// white space collapsed; cells and rows end up separated by spaces.
    public static func plainText(_ html: String) -> String {
        var out = ""
        var inTag = false
        var pendingSpace = false
        for scalar in html.unicodeScalars {
            if inTag {
                if scalar == ">" { inTag = false; pendingSpace = true }
                continue
            }
            if scalar == "<" { inTag = true; continue }
            if scalar == " " || scalar == "\n" || scalar == "\t" { pendingSpace = true; continue }
            if pendingSpace, !out.isEmpty { out += " " }
            pendingSpace = false
            out.unicodeScalars.append(scalar)
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The entity that replaces a byte, or nil for a byte written as it is.
    @inline(__always)
    static func entity(for byte: UInt8) -> [UInt8]? {
        switch byte {
        case 0x26: return [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
        case 0x3C: return [0x26, 0x6C, 0x74, 0x3B]  // &lt;
        case 0x3E: return [0x26, 0x67, 0x74, 0x3B]  // &gt;
        case 0x22: return [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
        case 0x27: return [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
        default: return nil
        }
    }
}
