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

    /// `appendEscaped` for text that is already UTF-8 bytes. Runs between special bytes are copied whole;
    /// a byte above `'` (0x27) other than `<` and `>` is never special, so most bytes cost one comparison.
    public static func appendEscaped(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var runStart = 0
        var i = 0
        let n = bytes.count
        let base = UnsafeRawPointer(bytes.baseAddress)
        while i < n {
            // Eight bytes at a time while none of them is special: titles, URLs and prose seldom hold one.
            if let base {
                while i + 8 <= n, !mayHoldSpecial(base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8 }
                if i >= n { break }
            }
            let byte = bytes[i]
            i += 1
            if byte > 0x27 && byte != 0x3C && byte != 0x3E { continue }
            guard let entity = entity(for: byte) else { continue }
            if runStart < i - 1 { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<(i - 1)])) }
            out.append(contentsOf: entity)
            runStart = i
        }
        if runStart < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }

    /// Whether any of the eight bytes of `word` is `&`, `<`, `>`, `"` or `'` (never false when one is; the
    /// zero-byte test per pattern is exact when it says no).
    @inline(__always)
    static func mayHoldSpecial(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroByte(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let found =
            zeroByte(word ^ (ones &* 0x26)) | zeroByte(word ^ (ones &* 0x3C)) | zeroByte(word ^ (ones &* 0x3E))
            | zeroByte(word ^ (ones &* 0x22)) | zeroByte(word ^ (ones &* 0x27))
        return found != 0
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

    private enum Entities {
        static let amp: [UInt8] = Array("&amp;".utf8)
        static let lt: [UInt8] = Array("&lt;".utf8)
        static let gt: [UInt8] = Array("&gt;".utf8)
        static let quot: [UInt8] = Array("&quot;".utf8)
        static let apos: [UInt8] = Array("&#39;".utf8)
    }

    /// The entity that replaces a byte, or nil for a byte written as it is.
    @inline(__always)
    static func entity(for byte: UInt8) -> [UInt8]? {
        switch byte {
        case 0x26: return Entities.amp
        case 0x3C: return Entities.lt
        case 0x3E: return Entities.gt
        case 0x22: return Entities.quot
        case 0x27: return Entities.apos
        default: return nil
        }
    }
}
