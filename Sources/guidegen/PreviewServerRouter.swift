import Foundation

/// What a request target maps to; lookups are dictionary lookups in the in-memory site, never the disk.
enum PreviewRoute: Equatable, Sendable {
    /// A key of the site map.
    case file(String)
    /// 301 to this (already encoded) location, e.g. `/en/policies/windows` → `/en/policies/windows/`.
    case redirect(String)
    /// Not in the site; `html` says whether the browser expects a page (so the 404 page or overlay fits).
    case notFound(html: Bool)
    /// A malformed or unsafe path (`..`, backslashes, NUL, encoded slashes, bad escapes).
    case badRequest(String)
    /// The live-reload event stream.
    case events
    /// The current build number as text (the polling fallback).
    case version
}

/// Turns a request target into a route: percent-decodes, strips the query, refuses anything that could
/// name a file outside the site map, then looks the normalized path up.
enum PreviewServerRouter {
    /// Where the reload script listens; these paths shadow any site file of the same name.
    static let eventsPath = "/__guidegen/events"
    static let versionPath = "/__guidegen/version"

    static func route(target: String, exists: (String) -> Bool) -> PreviewRoute {
        var path = Substring(target)
        if let hash = path.firstIndex(of: "#") { path = path[..<hash] }
        var query = ""
        if let mark = path.firstIndex(of: "?") {
            query = String(path[mark...])
            path = path[..<mark]
        }
        guard path.hasPrefix("/") else { return .badRequest("the request target must start with /") }
        if path == eventsPath { return .events }
        if path == versionPath { return .version }
        guard let decoded = decode(path) else { return .badRequest("malformed or unsafe path") }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == "." || $0 == ".." }) { return .badRequest("`.` and `..` are not allowed in paths") }
        let joined = segments.joined(separator: "/")
        if decoded.hasSuffix("/") || segments.isEmpty {
            let key = joined.isEmpty ? "index.html" : joined + "/index.html"
            return exists(key) ? .file(key) : .notFound(html: true)
        }
        if exists(joined) { return .file(joined) }
        if exists(joined + "/index.html") { return .redirect("/" + encode(joined) + "/" + query) }
        let last = segments.last ?? ""
        return .notFound(html: !last.contains(".") || last.hasSuffix(".html") || last.hasSuffix(".htm"))
    }

    /// Percent-decodes a path; nil for a bad escape, invalid UTF-8, a backslash, a NUL or other control
    /// character, or an encoded `/` or `\` (which would let one segment pose as two).
    static func decode(_ path: Substring) -> String? {
        var bytes: [UInt8] = []
        var input = Array(path.utf8)[...]
        while let byte = input.popFirst() {
            var value = byte
            if byte == UInt8(ascii: "%") {
                guard input.count >= 2, let high = hexValue(input.removeFirst()), let low = hexValue(input.removeFirst()) else {
                    return nil
                }
                value = high << 4 | low
                if value == UInt8(ascii: "/") { return nil }
            }
            if value == UInt8(ascii: "\\") || value < 0x20 || value == 0x7F { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Percent-encodes everything but unreserved characters and `/`, for a `Location` header.
    static func encode(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// Content-Type by extension; HTML and text carry a charset.
    static func contentType(for key: String) -> String {
        let ext =
            key.split(separator: "/").last.flatMap { name in
                name.contains(".") ? name.split(separator: ".").last.map { $0.lowercased() } : nil
            } ?? ""
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "webp": return "image/webp"
        case "gif": return "image/gif"
        case "ico": return "image/x-icon"
        case "xml": return "application/xml; charset=utf-8"
        case "json": return "application/json"
        case "txt": return "text/plain; charset=utf-8"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "pdf": return "application/pdf"
        case "avif": return "image/avif"
        case "ttf": return "font/ttf"
        case "otf": return "font/otf"
        case "mp4": return "video/mp4"
        case "webm": return "video/webm"
        case "mp3": return "audio/mpeg"
        case "wasm": return "application/wasm"
        case "webmanifest": return "application/manifest+json"
        case "zip": return "application/zip"
        case "csv": return "text/csv; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
