/// Stable heading anchor ids that keep CJK characters (`退货运费` → `退货运费`, `Who pays?` → `who-pays`).
public enum HeadingSlug {
    /// Lower-cases ASCII, keeps letters and digits of any script, turns spaces and hyphens into single `-`.
    public static func make(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingDash = false
        func keep(_ bytes: some Sequence<UInt8>) {
            if pendingDash, !out.isEmpty { out.append(0x2D) }
            pendingDash = false
            out += bytes
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if (0x30...0x39).contains(v) || (0x61...0x7A).contains(v) {
                    keep(CollectionOfOne(UInt8(v)))
                } else if (0x41...0x5A).contains(v) {
                    keep(CollectionOfOne(UInt8(v + 32)))
                } else if v == 0x20 || v == 0x2D || v == 0x5F || v == 0x09 {
                    pendingDash = true
                }
                continue
            }
            // CJK Unified Ideographs (every one assigned and alphabetic) skip the property tables, which
            // cost a lookup per character of every Chinese heading.
            if (0x4E00...0x9FFF).contains(v) {
                keep(UTF8.encode(scalar)!)
                continue
            }
            let p = scalar.properties
            if p.isAlphabetic || p.numericType != nil {
                keep(UTF8.encode(scalar)!)
            } else if p.isWhitespace {
                pendingDash = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
