/// What the Markdown stage hands to the rest of the pipeline: HTML plus the facts later checks need.
public struct MarkdownResult: Sendable {
    /// The body HTML as UTF-8, kept as bytes from cmark-gfm to the written page: making a `String` of it
    /// would validate every byte again (a sixtieth of a large build).
    public var htmlBytes: [UInt8]
    /// The body HTML.
    public var html: String { String(decoding: htmlBytes, as: UTF8.self) }
    /// Top-level headings in order, with their anchor ids.
    public var headings: [Heading]
    /// Every block of prose (paragraph, heading, table cell) as plain text, for the claims checker.
    public var prose: [ProseBlock]
    /// Plain text of each top-level block after a `##` heading, grouped by question (FAQ pages).
    public var sections: [Section]
    public var diagnostics: [Diagnostic]
    /// The opening of the first paragraph as plain text, for a page's description when it has no summary.
    public var excerpt = ""
    /// The page's text for the offline search index (`SearchIndex.bodyText`); empty when search is off.
    public var searchText = ""
    /// Ids in the body that are not headings': flows, rule tables and footnotes (`fn-<label>`, `fnref-<label>`).
    public var generatedIDs: [String] = []

    /// One heading with its stable anchor id.
    public struct Heading: Sendable, Equatable {
        public var level: Int
        public var text: String
        public var id: String
        public var line: Int
    }

    /// A `##` heading and the plain text that follows it up to the next `##`.
    public struct Section: Sendable, Equatable {
        public var heading: Heading
        public var text: String
    }
}

/// A block of prose as plain text, with what produced each part, for checks that read sentences.
public struct ProseBlock: Sendable, Equatable {
    /// Where a run of text in `text` starts in the source file.
    public struct Anchor: Sendable, Equatable {
        /// UTF-8 offset in `text`.
        public var offset: Int
        /// 1-based file line.
        public var line: Int
        /// 1-based scalar column of the run's first character.
        public var column: Int
    }

    public enum Kind: String, Sendable { case paragraph, heading, tableCell, flowLabel }

    public var kind: Kind
    /// The text as a reader sees it, `{{rule}}` references replaced by their values, as UTF-8: the walk builds
    /// it as bytes and the checks read bytes, so it is never validated into a `String` on the way.
    public var utf8: [UInt8]
    /// `utf8` as a string.
    public var text: String {
        get { String(decoding: utf8, as: UTF8.self) }
        set { utf8 = Array(newValue.utf8) }
    }
    /// UTF-8 ranges of `text` produced by references; never claims themselves.
    public var generated: [Range<Int>]
    /// Source positions of text runs, ascending by offset.
    public var anchors: [Anchor]
    /// Check ids silenced for this block by `<!-- guidegen-ignore: … -->`.
    public var ignored: Set<String>
    /// For a body cell of a table: how many blocks back its column's header cell and its row's first cell
    /// are (0: none), which name what the cell's value is about (`| 类型 | 售后期 |` over `| 一般商品 | 7天 |`);
    /// a cell that names no term itself is checked with theirs. Distances, not copies: most cells need neither.
    public var headerBack: Int32 = 0
    public var labelBack: Int32 = 0

    /// Appends reference-expanded `segments` written from `location` to `bytes` (this block's text being
    /// built): each literal run gets an anchor at its source column, each value a `generated` range.
    mutating func append(_ segments: [TextSegment], at location: SourceLocation, to bytes: inout [UInt8]) {
        var sourceColumn = location.column
        for segment in segments {
            let offset = bytes.count
            switch segment {
            case .literal(let s):
                anchors.append(.init(offset: offset, line: location.line, column: sourceColumn))
                bytes += s.utf8
                sourceColumn += ByteSearch.scalarCount(s)
            case .generated(let s, let source):
                bytes += s.utf8
                generated.append(offset..<(offset + s.utf8.count))
                sourceColumn += ByteSearch.scalarCount(source)
            }
        }
    }

    /// `append(_:at:to:)` for segments of `written`, a block whose text may span several source lines (a
    /// summary written over lines): each literal run keeps the positions its bytes had in `written`, where a
    /// line's anchor says where it starts, instead of counting columns on from the first line.
    mutating func append(_ segments: [TextSegment], writtenAs written: ProseBlock, to bytes: inout [UInt8]) {
        let lines = written.anchors
        var writtenOffset = 0  // where the segment starts in `written.utf8`
        // One pass over the written anchors and text, however many segments and lines: the anchor in
        // effect, and the scalars counted from it so far.
        var next = 0
        var current = -1
        var countedTo = 0
        var scalars = 0
        for segment in segments {
            let offset = bytes.count
            switch segment {
            case .literal(let s):
                let length = s.utf8.count
                while next < lines.count, lines[next].offset <= writtenOffset { next += 1 }
                if next > 0 {
                    if next - 1 != current { (current, countedTo, scalars) = (next - 1, lines[next - 1].offset, 0) }
                    scalars += written.utf8.withUnsafeBufferPointer {
                        ByteSearch.scalarCount(UnsafeBufferPointer(rebasing: $0[countedTo..<writtenOffset]))
                    }
                    countedTo = writtenOffset
                    anchors.append(.init(offset: offset, line: lines[current].line, column: lines[current].column + scalars))
                } else {
                    anchors.append(.init(offset: offset, line: lines.first?.line ?? 1, column: lines.first?.column ?? 1))
                }
                // The written text's own line starts inside the run.
                var inside = next
                while inside < lines.count, lines[inside].offset < writtenOffset + length {
                    anchors.append(
                        .init(offset: offset + lines[inside].offset - writtenOffset, line: lines[inside].line, column: lines[inside].column)
                    )
                    inside += 1
                }
                bytes += s.utf8
                writtenOffset += length
            case .generated(let s, let source):
                bytes += s.utf8
                generated.append(offset..<(offset + s.utf8.count))
                writtenOffset += source.utf8.count
            }
        }
    }

    public init(kind: Kind, text: String = "", generated: [Range<Int>] = [], anchors: [Anchor] = [], ignored: Set<String> = []) {
        self.kind = kind
        self.utf8 = Array(text.utf8)
        self.generated = generated
        self.anchors = anchors
        self.ignored = ignored
    }

    /// The source position of a UTF-8 offset in `text`.
    public func location(ofOffset offset: Int, file: String) -> SourceLocation {
        // The last anchor at or before `offset` (anchors ascend), found by halving; then the scalars from
        // it, counted in place: a long block with many findings must not be copied or walked per finding.
        let after = anchors.partitionPoint { $0.offset > offset }
        guard after > 0 else {
            return SourceLocation(file: file, line: anchors.first?.line ?? 1, column: anchors.first?.column ?? 1)
        }
        let anchor = anchors[after - 1]
        let end = max(anchor.offset, min(offset, utf8.count))
        let scalars = utf8.withUnsafeBufferPointer { ByteSearch.scalarCount(UnsafeBufferPointer(rebasing: $0[anchor.offset..<end])) }
        return SourceLocation(file: file, line: anchor.line, column: anchor.column + scalars)
    }
}
