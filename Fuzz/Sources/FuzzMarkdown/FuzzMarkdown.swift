import FuzzSupport
import GuideGen

/// A page body through guidegen's Markdown stage: `MarkdownGuard` first, then (only when the guard accepts,
/// as `BodyRenderer` does) `MarkdownRenderer.render` with raw HTML off, alerts and heading anchors on.
/// The HTML must hold no script and no script URL; headings, prose and diagnostics must be consistent.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = "guides/fuzz.en.md"
    guard let markdown = data.decodedText(size) else { return 0 }
    let firstLine = 5
    if let refused = MarkdownGuard().check(markdown, file: path, firstLine: firstLine) {
        Invariant.require(refused.severity == .error && refused.location.line >= firstLine, "guard-diagnostic", "\(refused.severity) at line \(refused.location.line)")
        return 0
    }
    let options = MarkdownOptions(unsafeHTML: false, githubAlerts: true, headingAnchors: true)
    let result = MarkdownRenderer.render(markdown, file: path, firstLine: firstLine, options: options, hooks: PlainMarkdownHooks())
    if Invariant.dump {
        Invariant.log(result.html)
        for block in result.prose { Invariant.log("prose \(block.kind) \(block.text.debugDescription) anchors \(block.anchors.map { "\($0.offset)@\($0.line):\($0.column)" })") }
        for d in result.diagnostics { Invariant.log("diagnostic \(d.location.line):\(d.location.column) [\(d.check)] \(d.message)") }
    }
    Invariant.noScript(result.html, name: "html")

    let ids = result.headings.map(\.id)
    let idsInHTML = headingIDs(result.html)
    Invariant.require(Set(ids).count == ids.count, "heading-ids-unique", "duplicate heading ids in \(ids.prefix(20))")
    for heading in result.headings {
        Invariant.require((1...6).contains(heading.level), "heading-level", "level \(heading.level)")
        Invariant.require(!heading.id.isEmpty, "heading-id-empty", "heading `\(heading.text.prefix(40))` has no id")
        Invariant.require(heading.line >= firstLine, "heading-line", "heading on line \(heading.line)")
        Invariant.require(idsInHTML.contains(HTML.escape(heading.id)), "heading-id-in-html", "id `\(heading.id)` is not on an <h1>…<h6> in the HTML")
    }
    for block in result.prose {
        let length = block.text.utf8.count
        for range in block.generated {
            Invariant.require(range.lowerBound >= 0 && range.upperBound <= length, "prose-generated", "\(range) in \(length) bytes")
        }
        var previous = 0
        for anchor in block.anchors {
            Invariant.require(anchor.offset >= previous && anchor.offset <= length, "prose-anchor", "anchor at \(anchor.offset) after \(previous) in \(length) bytes")
            Invariant.require(anchor.line >= firstLine && anchor.column >= 1, "prose-anchor-position", "anchor at \(anchor.line):\(anchor.column)")
            previous = anchor.offset
        }
        if length > 0 { _ = block.location(ofOffset: length - 1, file: path) }
    }
    // Diagnostics point into the body, which starts at `firstLine` of the file.
    let file = String(repeating: "\n", count: firstLine - 1) + markdown
    Invariant.diagnostics(result.diagnostics, sources: [path: file])
    return 0
}

/// The `id`s of `<h1 id="…">` … `<h6 id="…">` tags, as written (escaped), in one pass.
private func headingIDs(_ html: String) -> Set<String> {
    let b = Array(html.utf8)
    var ids: Set<String> = []
    var i = 0
    while i + 8 < b.count {
        if b[i] == 0x3C, b[i + 1] == 0x68, (0x31...0x36).contains(b[i + 2]), b[i + 3] == 0x20, b[(i + 4)...].starts(with: Array("id=\"".utf8)) {
            var end = i + 8
            while end < b.count, b[end] != 0x22 { end += 1 }
            ids.insert(String(decoding: b[(i + 8)..<end], as: UTF8.self))
            i = end
        }
        i += 1
    }
    return ids
}

@_silgen_name("__lsan_disable") func lsanDisable()
@_silgen_name("__lsan_enable") func lsanEnable()

/// Runs once before fuzzing. `MarkdownRenderer` empties cmark-gfm's autolink trigger list once per process
/// (so parallel parses never rewrite the process-wide table); the library offers no way to free the old
/// 32-byte list, so LeakSanitizer would report it on every input. Registration happens here, with leak
/// checking off for just these allocations.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>)
    -> CInt
{
    lsanDisable()
    _ = MarkdownRenderer.render("www.example.com ~~x~~\n", file: "init.md", firstLine: 1, options: MarkdownOptions(), hooks: PlainMarkdownHooks())
    lsanEnable()
    return 0
}
