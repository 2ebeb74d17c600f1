/// Stable heading anchor ids that keep CJK characters (`退货运费` → `退货运费`, `Who pays?` → `who-pays`).
public enum HeadingSlug {
    /// Lower-cases letters, keeps letters and digits of any script, turns spaces and hyphens into single `-`.
    public static func make(_ text: String) -> String {
        // Headings repeat across pages ("常见问题", "How to apply") and tags across a site: a lookup costs a
        // fraction of the scalar walk and its property tables.
        cache.value(for: text) { compute(text) }
    }

    /// Slugs made so far, by text; bounded, so hostile input with endless distinct headings cannot grow it.
    private static let cache = RenderCache<String>(limit: 20_000)

    static func compute(_ text: String) -> String {
        // Over the UTF-8 bytes: every heading of every page and every tag comes here, and a scalar walk
        // appending each kept character as a sequence cost a generic call per character.
        UTF8Scan.withBytes(text) { b in
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var pendingDash = false
            var i = 0
            while i < b.count {
                let byte = b[i]
                if byte < 0x80 {
                    i += 1
                    let kept: UInt8
                    switch byte {
                    case 0x30...0x39, 0x61...0x7A: kept = byte
                    case 0x41...0x5A: kept = byte + 32
                    case 0x20, 0x2D, 0x5F, 0x09:
                        pendingDash = true
                        continue
                    default: continue
                    }
                    if pendingDash, !out.isEmpty { out.append(0x2D) }
                    pendingDash = false
                    out.append(kept)
                    continue
                }
                let (scalar, length) = UTF8Scan.scalar(b, at: i)
                let v = scalar.value
                // CJK Unified Ideographs (every one assigned and alphabetic) skip the property tables, which
                // cost a lookup per character of every Chinese heading.
                var keep = (0x4E00...0x9FFF).contains(v)
                var lowered: String?
                if !keep {
                    let p = scalar.properties
                    keep = p.isAlphabetic || p.numericType != nil
                    if !keep && p.isWhitespace { pendingDash = true }
                    // Letters of any script lower-cased, as GitHub's and Hugo's anchors are (`ÉCLAIR` → `éclair`).
                    if keep && p.changesWhenLowercased { lowered = p.lowercaseMapping }
                }
                if keep {
                    if pendingDash, !out.isEmpty { out.append(0x2D) }
                    pendingDash = false
                    if let lowered {
                        out.append(contentsOf: lowered.utf8)
                    } else {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<(i + length)]))
                    }
                }
                i += length
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
