/// cmark-gfm's safe-mode URL rule, applied by guidegen because it renders with its own sanitizer.
public enum URLSafety {
    /// True for `javascript:`, `vbscript:`, `file:` and `data:` URLs other than PNG, GIF, JPEG and WebP images.
    public static func isDangerous(_ url: String) -> Bool {
        // The schemes are ASCII, so ASCII case folding of the first bytes decides (every link asks).
        UTF8Scan.withBytes(url) { b in
            func starts(with prefix: [UInt8]) -> Bool {
                guard b.count >= prefix.count else { return false }
                for (i, p) in prefix.enumerated() where UTF8Scan.lowercased(b[i]) != p { return false }
                return true
            }
            if starts(with: javascript) || starts(with: vbscript) || starts(with: file) { return true }
            return starts(with: data) && !safeImages.contains(where: starts(with:))
        }
    }

    private static let javascript = Array("javascript:".utf8)
    private static let vbscript = Array("vbscript:".utf8)
    private static let file = Array("file:".utf8)
    private static let data = Array("data:".utf8)
    private static let safeImages = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].map { Array($0.utf8) }
}

/// Percent-encoding of UTF-8 bytes (`%20`, `%E9`), for output paths in links and file paths in SARIF.
public enum PercentEncoding {
    /// `text` with every byte `keep` refuses written as `%XX`; the text itself when nothing needs it.
    public static func encode(_ text: String, keeping keep: (UInt8) -> Bool) -> String {
        // Over the string's own buffer: every link's path passes here, and most need nothing.
        UTF8Scan.withBytes(text) { bytes in
            guard !bytes.allSatisfy(keep) else { return text }
            let hexDigits = Array("0123456789ABCDEF".utf8)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            for b in bytes {
                if keep(b) {
                    out.append(b)
                } else {
                    out += [0x25, hexDigits[Int(b >> 4)], hexDigits[Int(b & 0x0F)]]
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// RFC 3986's unreserved bytes and `/`: what a path keeps in any URI.
    public static func isUnreserved(_ b: UInt8) -> Bool {
        switch b {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E, 0x2F: return true
        default: return false
        }
    }
}
