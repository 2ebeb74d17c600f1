/// Stable heading anchor ids that keep CJK characters (`退货运费` → `退货运费`, `Who pays?` → `who-pays`).
public enum HeadingSlug {
    /// Lower-cases ASCII, keeps letters and digits of any script, turns spaces and hyphens into single `-`.
    public static func make(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let p = scalar.properties
            if scalar.isASCII {
                let v = scalar.value
                if (0x30...0x39).contains(v) || (0x61...0x7A).contains(v) {
                    if pendingDash, !out.isEmpty { out += "-" }
                    pendingDash = false
                    out.unicodeScalars.append(scalar)
                } else if (0x41...0x5A).contains(v) {
                    if pendingDash, !out.isEmpty { out += "-" }
                    pendingDash = false
                    out.unicodeScalars.append(Unicode.Scalar(v + 32)!)
                } else if v == 0x20 || v == 0x2D || v == 0x5F || v == 0x09 {
                    pendingDash = true
                }
            } else if p.isAlphabetic || p.numericType != nil {
                if pendingDash, !out.isEmpty { out += "-" }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else if p.isWhitespace {
                pendingDash = true
            }
        }
        return out
    }
}
