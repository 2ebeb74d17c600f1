import FuzzSupport
import GuideGen

/// A page file as bytes: decoding (UTF-8, BOM, CR/CRLF, NUL), the `---` split, the YAML reader with its
/// limits, the front matter schema, and `PageValidator` around them; the YAML part is also read as a
/// `guidegen.yaml`. Every diagnostic must point into the file and print.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = "policies/fuzz.en.md"
    let bytes = data.bytes(size)
    let source: SourceText
    switch SourceText.decode(bytes, path: path) {
    case .failure(let diagnostic):
        Invariant.require(diagnostic.severity == .error, "decode-error", "decode failed with a \(diagnostic.severity)")
        return 0
    case .success(let decoded):
        source = decoded
    }
    let text = source.text
    Invariant.require(!text.utf8.contains(0x0D), "decode-line-endings", "decoded text still holds a CR")
    Invariant.require(!text.utf8.contains(0), "decode-nul", "decoded text holds a NUL")
    Invariant.require(text.utf8.count <= bytes.count, "decode-growth", "decoded text is longer than the file")

    if case .success(let parts) = FrontMatterSplitter.split(text) {
        let utf8 = Array(text.utf8)
        Invariant.require(utf8.starts(with: [0x2D, 0x2D, 0x2D]), "split-fence", "split succeeded on text not starting with ---")
        Invariant.require(utf8.suffix(parts.body.utf8.count).elementsEqual(parts.body.utf8), "split-body", "the body is not the end of the file")
        let yamlStart = (utf8.firstIndex(of: 0x0A) ?? utf8.count - 1) + 1
        Invariant.require(utf8[yamlStart...].starts(with: parts.yaml.utf8), "split-yaml", "the YAML does not follow the first line")
        if !parts.body.isEmpty {
            let before = text.utf8.count - parts.body.utf8.count
            let newlines = text.utf8.prefix(before).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            Invariant.require(parts.bodyLine == newlines + 1, "split-body-line", "bodyLine \(parts.bodyLine) but the body starts on line \(newlines + 1)")
        }
        let (_, schemaDiagnostics) = SchemaValidator.validate(yaml: parts.yaml, file: path, firstLine: parts.yamlLine, config: FuzzSite.config)
        Invariant.diagnostics(schemaDiagnostics, sources: [path: text])

        let configSource = SourceText(path: "guidegen.yaml", text: parts.yaml)
        let (config, configDiagnostics) = ConfigValidator.validate(configSource)
        Invariant.require(!config.languages.isEmpty, "config-languages", "a config with no languages")
        Invariant.diagnostics(configDiagnostics, sources: ["guidegen.yaml": parts.yaml])
    }

    let (pages, diagnostics) = PageValidator.validate([source], config: FuzzSite.config, includeDrafts: true)
    Invariant.require(pages.count <= 1, "page-count", "\(pages.count) pages from one file")
    Invariant.diagnostics(diagnostics, sources: [path: text])
    checkAnchorRefusals(diagnostics, text: text)
    return 0
}

/// Front matter refuses anchors and aliases; the refusal must point at a `&` or `*` that starts a token
/// (after a blank, `[`, `{`, `,`, `:`, `-` or at the line start), as `YAMLReader` means to, not at the `&` of
/// `AT&T`.
private func checkAnchorRefusals(_ diagnostics: [Diagnostic], text: String) {
    let refusals = diagnostics.filter { $0.check == "yaml-limit" && $0.message.hasPrefix("anchors and aliases") }
    guard !refusals.isEmpty else { return }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for d in refusals {
        let (line, column) = (d.location.line, d.location.column)
        guard line <= lines.count else { continue }  // reported by `diagnostic-position`
        let scalars = Array(lines[line - 1].unicodeScalars)
        guard column <= scalars.count else { continue }
        let here = scalars[column - 1]
        let before = column >= 2 ? scalars[column - 2] : nil
        let tokenStart = before.map { " \t[{,:-".unicodeScalars.contains($0) } ?? true
        Invariant.require((here == "&" || here == "*") && tokenStart, "anchor-prescan", "refused as an anchor or alias at \(line):\(column): `\(String(String.UnicodeScalarView(scalars.prefix(80))))`")
    }
}
