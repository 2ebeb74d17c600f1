/// What the Markdown stage asks of the stages around it while it walks a document.
///
/// Every method has a neutral default, so `PlainMarkdownHooks` renders exactly what cmark-gfm renders.
public protocol MarkdownHooks: Sendable {
    /// Splits a text run into literal and generated (reference) parts; nil when it holds no reference.
    func expandReferences(in text: String, at location: SourceLocation) -> (segments: [TextSegment], diagnostics: [Diagnostic])?
    /// HTML that replaces a paragraph consisting only of a block reference (`{{table id}}`), if it is one;
    /// asked only for paragraphs whose text starts with `{{`.
    func blockReplacement(forParagraph text: String, at location: SourceLocation) -> (html: String, diagnostics: [Diagnostic])?
    /// What to do with a link or image destination.
    func resolveLink(_ url: String, isImage: Bool, at location: SourceLocation) -> LinkResolution
    /// HTML for a fenced block with this info string, or nil to keep it as code.
    func renderFencedBlock(info: String, code: String, at location: SourceLocation) -> (
        html: String, prose: [ProseBlock], diagnostics: [Diagnostic]
    )?
    /// The visible title of a GitHub-style alert in the page's language.
    func alertTitle(_ kind: AlertKind) -> String
    /// The check ids a `guidegen-ignore` marker silences for the blocks walked from now on (empty: none).
    func silence(_ checks: Set<String>)
}

extension MarkdownHooks {
    public func silence(_ checks: Set<String>) {}
}

/// A piece of a text run after references are expanded.
public enum TextSegment: Sendable, Equatable {
    case literal(String)
    /// Text a reference produced, and the reference as written (so later positions stay exact).
    case generated(String, source: String)
}

/// The outcome of looking at a link destination.
public enum LinkResolution: Sendable, Equatable {
    case keep
    case replace(String)
    case broken(Diagnostic)
}

/// GitHub alert kinds (`> [!NOTE]` …).
public enum AlertKind: String, Sendable, CaseIterable {
    case note = "NOTE", tip = "TIP", important = "IMPORTANT", warning = "WARNING", caution = "CAUTION"
}

extension MarkdownHooks {
    public func expandReferences(in text: String, at location: SourceLocation) -> (segments: [TextSegment], diagnostics: [Diagnostic])? {
        nil
    }
    public func blockReplacement(forParagraph text: String, at location: SourceLocation) -> (html: String, diagnostics: [Diagnostic])? {
        nil
    }
    public func resolveLink(_ url: String, isImage: Bool, at location: SourceLocation) -> LinkResolution { .keep }
    public func renderFencedBlock(info: String, code: String, at location: SourceLocation) -> (
        html: String, prose: [ProseBlock], diagnostics: [Diagnostic]
    )? { nil }
    public func alertTitle(_ kind: AlertKind) -> String { kind.rawValue.capitalized }
}

/// Hooks that change nothing: cmark-gfm's own output (conformance tests use these).
public struct PlainMarkdownHooks: MarkdownHooks {
    public init() {}
}
