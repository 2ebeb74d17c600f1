/// cmark-gfm's safe-mode URL rule, applied by guidegen because it renders with its own sanitizer.
public enum URLSafety {
    /// True for `javascript:`, `vbscript:`, `file:` and `data:` URLs other than PNG, GIF, JPEG and WebP images.
    public static func isDangerous(_ url: String) -> Bool {
        let lower = url.prefix(20).lowercased()
        if lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("file:") { return true }
        if lower.hasPrefix("data:") {
            for safe in ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"] where lower.hasPrefix(safe) {
                return false
            }
            return true
        }
        return false
    }
}
