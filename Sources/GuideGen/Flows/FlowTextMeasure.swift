/// Estimates text widths and wraps labels without a font engine, so layout stays a pure function.
///
/// CJK and other full-width characters are 1 em wide; Latin letters average about 0.55 em (narrow
/// `i`/`l` less, `W`/`M` more). The estimates lean slightly wide so text never overflows its box in
/// common sans-serif fonts. Latin text breaks at spaces; CJK text breaks between any two characters,
/// but never before closing punctuation (`，`, `。`, `？`, `）`, …) nor after opening punctuation.
public struct FlowTextMeasure: Sendable, Equatable {
    /// Font size of node and edge label text, in px.
    public var fontSize: Double
    /// Distance between the baselines of wrapped lines, in px.
    public var lineHeight: Double
    /// Widest a line of node text may be before it wraps, in px (the node adds its padding).
    public var maxLineWidth: Double
    /// Widest a line of decision text may be, in px; decisions wrap narrower because a diamond
    /// grows with both the width and the height of its text.
    public var maxDecisionLineWidth: Double
    /// Widest a line of edge label text may be, in px.
    public var maxEdgeLabelWidth: Double

    /// Creates a measure for `fontSize` px text wrapped at `maxLineWidth` px; the other limits scale
    /// with the font size.
    public init(fontSize: Double = 14, maxLineWidth: Double = 180) {
        self.fontSize = fontSize
        self.lineHeight = (fontSize * 1.4 * 10).rounded() / 10
        self.maxLineWidth = maxLineWidth
        self.maxDecisionLineWidth = fontSize * 11
        self.maxEdgeLabelWidth = fontSize * 10
    }

    /// The estimated width of `text` on one line, in px.
    public func width(of text: String) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars { ems += Self.ems(scalar) }
        return ems * fontSize
    }

    /// Wraps `text` (whitespace runs collapse to one space) into lines no wider than `maxWidth` px,
    /// then evens the lines out: the same number of lines, as narrow as they can be.
    public func wrap(_ text: String, maxWidth: Double) -> [String] {
        let pieces = self.pieces(of: text, maxWidth: maxWidth)
        guard !pieces.isEmpty else { return [] }
        let greedyLines = lineCount(Metrics(pieces), maxWidth: maxWidth)
        guard greedyLines > 1 else { return breakLines(pieces, maxWidth: maxWidth).map(Self.render) }
        return balanced(pieces, metrics: Metrics(pieces), lineCount: greedyLines, maxWidth: maxWidth).map(Self.render)
    }

    /// For each of `lineCounts`: `text` wrapped into at most that many lines as narrow as possible, or
    /// nil when that needs lines wider than `maxWidth`. The text is split into pieces once (decisions
    /// try several line counts).
    func wrap(_ text: String, lineCounts: ClosedRange<Int>, maxWidth: Double) -> [[String]?] {
        let candidates = wrapCandidates(text, lineCounts: lineCounts, maxWidth: maxWidth)
        return candidates.breaks.map { lines in lines.map { $0.map(Self.render) } }
    }

    /// The line breakings `wrap(_:lineCounts:maxWidth:)` returns, before their text is built: the
    /// caller measures them all and renders one (`render(_:)`).
    struct Candidates {
        fileprivate var breaks: [[[Piece]]?]

        /// For each line count, nil or the number of lines and the widest line's width, px (exactly
        /// what `width(of:)` gives for the rendered line).
        func measured(_ measure: FlowTextMeasure) -> [(lineCount: Int, width: Double)?] {
            breaks.map { lines in
                lines.map { lines in (lines.count, lines.map { measure.width(of: $0) }.max() ?? 0) }
            }
        }

        /// The lines of candidate `index`.
        func render(_ index: Int) -> [String] {
            (breaks[index] ?? []).map(FlowTextMeasure.render)
        }
    }

    func wrapCandidates(_ text: String, lineCounts: ClosedRange<Int>, maxWidth: Double) -> Candidates {
        let pieces = self.pieces(of: text, maxWidth: maxWidth)
        guard !pieces.isEmpty else { return Candidates(breaks: lineCounts.map { _ in [] }) }
        let metrics = Metrics(pieces)
        let needed = self.lineCount(metrics, maxWidth: maxWidth)
        return Candidates(
            breaks: lineCounts.map { count in
                needed <= count ? balanced(pieces, metrics: metrics, lineCount: count, maxWidth: maxWidth) : nil
            })
    }

    /// The width of a line of pieces as `width(of:)` measures its text: the same additions in the
    /// same order, so the result is bit for bit the same.
    private func width(of line: [Piece]) -> Double {
        var ems = 0.0
        for (position, piece) in line.enumerated() {
            if position > 0, piece.spaceBefore { ems += Self.ems(" ") }
            for scalar in piece.scalars { ems += Self.ems(scalar) }
        }
        return ems * fontSize
    }

    // MARK: Pieces

    /// An unbreakable run: a Latin word, or one CJK character with the punctuation glued to it. Its
    /// scalars are a slice of the label's, so making pieces allocates nothing per piece.
    fileprivate struct Piece {
        var scalars: ArraySlice<Unicode.Scalar>
        var width: Double
        var spaceBefore: Bool
    }

    private var spaceWidth: Double { Self.ems(" ") * fontSize }

    /// Splits text into pieces; pieces wider than `maxWidth` are cut between characters.
    private func pieces(of text: String, maxWidth: Double) -> [Piece] {
        let scalars = Array(text.unicodeScalars)
        var pieces: [Piece] = []
        var pendingSpace = false
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if Self.isSpace(scalar) {
                pendingSpace = true
                index += 1
                continue
            }
            let start = index
            index += 1
            if !Self.isWide(scalar) {
                while index < scalars.count, !Self.isWide(scalars[index]), !Self.isSpace(scalars[index]) { index += 1 }
            }
            let run = scalars[start..<index]
            let width = run.reduce(0) { $0 + Self.ems($1) } * fontSize
            if !pendingSpace, let last = pieces.last, Self.mustJoin(last.scalars, run) {
                // Joined runs are adjacent: nothing separates them.
                pieces[pieces.count - 1].scalars = scalars[last.scalars.startIndex..<index]
                pieces[pieces.count - 1].width += width
            } else if pendingSpace, let last = pieces.last, Self.isNumberThenUnit(last.scalars, run) {
                // `48 小时`: a number and its unit across the space stay on one line, the space with them.
                pieces[pieces.count - 1].scalars = scalars[last.scalars.startIndex..<index]
                pieces[pieces.count - 1].width += spaceWidth + width
            } else {
                pieces.append(Piece(scalars: run, width: width, spaceBefore: pendingSpace && !pieces.isEmpty))
            }
            pendingSpace = false
        }
        guard pieces.contains(where: { $0.width > maxWidth }) else { return pieces }
        return pieces.flatMap { split($0, maxWidth: maxWidth) }
    }

    /// Cuts a piece wider than `maxWidth` (a very long word or URL): after its last `-`, `/`, `_`, `.`, `?`, `&`
    /// or `=` that leaves the line at least half full, else between two characters.
    private func split(_ piece: Piece, maxWidth: Double) -> [Piece] {
        guard piece.width > maxWidth, piece.scalars.count > 1 else { return [piece] }
        var result: [Piece] = []
        let all = piece.scalars
        var current = Piece(scalars: all[all.startIndex..<all.startIndex], width: 0, spaceBefore: piece.spaceBefore)
        // Just after the last break character in `current`, with the width up to there.
        var breakAfter: (index: Int, width: Double)?
        for i in all.indices {
            let width = Self.ems(all[i]) * fontSize
            if !current.scalars.isEmpty, current.width + width > maxWidth {
                if let (at, before) = breakAfter, before >= maxWidth / 2, at < i {
                    result.append(Piece(scalars: all[current.scalars.startIndex..<at], width: before, spaceBefore: current.spaceBefore))
                    // Summed as the loop sums (a difference could be off in the last bit).
                    current = Piece(scalars: all[at..<i], width: all[at..<i].reduce(0) { $0 + Self.ems($1) * fontSize }, spaceBefore: false)
                } else {
                    result.append(current)
                    current = Piece(scalars: all[i..<i], width: 0, spaceBefore: false)
                }
                breakAfter = nil
            }
            current.scalars = all[current.scalars.startIndex..<(i + 1)]
            current.width += width
            if Self.breaksAfter(all[i]) { breakAfter = (i + 1, current.width) }
        }
        result.append(current)
        return result
    }

    /// Characters a long word or URL may break after.
    private static func breaksAfter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", "/", "_", ".", "?", "&", "=": return true
        default: return false
        }
    }

    // MARK: Line breaking

    /// Greedy line breaking: as many pieces per line as fit.
    private func breakLines(_ pieces: [Piece], maxWidth: Double) -> [[Piece]] {
        var lines: [[Piece]] = []
        var current: [Piece] = []
        var width = 0.0
        for piece in pieces {
            let added = piece.width + (piece.spaceBefore && !current.isEmpty ? spaceWidth : 0)
            if current.isEmpty || width + added <= maxWidth + 0.001 {
                current.append(piece)
                width += current.count == 1 ? piece.width : added
            } else {
                lines.append(current)
                current = [piece]
                width = piece.width
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Widths and spacing of pieces, apart from their text, for counting lines without building them.
    private struct Metrics {
        var widths: [Double]
        var spaceBefore: [Bool]
        init(_ pieces: [Piece]) {
            widths = pieces.map(\.width)
            spaceBefore = pieces.map(\.spaceBefore)
        }
    }

    /// How many lines `breakLines` makes at `maxWidth` (the same rule, without the arrays).
    private func lineCount(_ metrics: Metrics, maxWidth: Double) -> Int {
        var lines = 0
        var onLine = 0
        var width = 0.0
        for i in metrics.widths.indices {
            let added = metrics.widths[i] + (metrics.spaceBefore[i] && onLine > 0 ? spaceWidth : 0)
            if onLine == 0 || width + added <= maxWidth + 0.001 {
                onLine += 1
                width += onLine == 1 ? metrics.widths[i] : added
            } else {
                lines += 1
                onLine = 1
                width = metrics.widths[i]
            }
        }
        return lines + (onLine > 0 ? 1 : 0)
    }

    /// The narrowest greedy breaking with at most `lineCount` lines (bisection on the width), which
    /// avoids a last line holding a single character.
    private func balanced(_ pieces: [Piece], metrics: Metrics, lineCount: Int, maxWidth: Double) -> [[Piece]] {
        var low = metrics.widths.max() ?? 0
        var high = maxWidth
        if self.lineCount(metrics, maxWidth: low) <= lineCount { return breakLines(pieces, maxWidth: low) }
        for _ in 0..<24 where high - low > 0.25 {
            let middle = (low + high) / 2
            if self.lineCount(metrics, maxWidth: middle) <= lineCount {
                high = middle
            } else {
                low = middle
            }
        }
        return breakLines(pieces, maxWidth: high)
    }

    private static func render(_ line: [Piece]) -> String {
        var out = FlowWriter(capacity: line.reduce(0) { $0 + $1.scalars.count } * 3 + line.count)
        for (position, piece) in line.enumerated() {
            if position > 0, piece.spaceBefore { out.append(byte: 0x20) }
            for scalar in piece.scalars { out.append(scalar: scalar) }
        }
        return out.string
    }

    // MARK: Character classes

    /// Whether no line break may fall between two adjacent pieces written without a space.
    private static func mustJoin(_ left: ArraySlice<Unicode.Scalar>, _ right: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let last = left.last, let first = right.first else { return false }
        if isPunctuationCandidate(first), closing.contains(first) { return true }
        if isPunctuationCandidate(last), opening.contains(last) { return true }
        // Keep a number with its CJK unit: "15天", "180日"; and a two-character unit whole: 小时, 个月, 工作日.
        return ("0"..."9").contains(last) && isWide(first) || unitPairs.contains([last, first])
    }

    /// Two-character runs of the units rules are written in, never cut in two (`48 小` / `时内`).
    private static let unitPairs: Set<[Unicode.Scalar]> = Set(
        ["小时", "个月", "個月", "工作", "作日", "作天", "分钟", "星期", "礼拜", "禮拜", "自然", "然日", "周年", "半年"].map {
            Array($0.unicodeScalars)
        })

    /// A number written before a space and a CJK unit (`48 小时`, `15 天`), which a line must not part.
    private static func isNumberThenUnit(_ left: ArraySlice<Unicode.Scalar>, _ right: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let last = left.last, ("0"..."9").contains(last), let first = right.first else { return false }
        return "天日月年小个個周週工元块件次分秒星礼禮".unicodeScalars.contains(first)
    }

    /// False for scalars in neither punctuation set without hashing them: ASCII letters and digits and
    /// the CJK ideographs, which are most of every label.
    @inline(__always)
    private static func isPunctuationCandidate(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return !(UTF8Scan.isWordByte(UInt8(v))) }
        return !(0x4E00...0x9FFF).contains(v)
    }

    /// Punctuation that must not start a line.
    private static let closing: Set<Unicode.Scalar> = Set(
        "，。、；：！？）］｝」』》〉】〕〗〙〛…‥ー々・,.;:!?)]}%".unicodeScalars
            + ["\u{201D}", "\u{2019}"])
    /// Punctuation that must not end a line.
    private static let opening: Set<Unicode.Scalar> = Set(
        "（［｛「『《〈【〔〖〘〚([{".unicodeScalars + ["\u{201C}", "\u{2018}"])

    /// White space (what `scalar.properties.isWhitespace` answers).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { isWhitespace(scalar) }

    /// The Unicode White_Space property, spelled out (labels are checked scalar by scalar).
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { UTF8Scan.isWhitespace(scalar) }

    /// Whether a scalar is drawn full-width (CJK ideographs, kana, Hangul, full-width forms, emoji).
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        UTF8Scan.isEastAsianWide(scalar.value) || (0x1F000...0x1FAFF).contains(scalar.value) || isEmojiSymbol(scalar)
    }

    /// Emoji among the symbols below U+2C00 (✅ ❌ ⭐ ☎): drawn from the color emoji font, wider than an
    /// ideograph. The property lookup is reached only for this block, not for letters or CJK text.
    @inline(__always)
    static func isEmojiSymbol(_ scalar: Unicode.Scalar) -> Bool {
        (0x2000..<0x2C00).contains(scalar.value) && scalar.properties.isEmoji
    }

    /// Emoji are drawn about 1.25 em wide by Noto Color Emoji (and Apple's and Segoe's), not 1 em.
    @inline(__always)
    static func isEmoji(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F000...0x1FAFF).contains(scalar.value) || isEmojiSymbol(scalar)
    }

    /// The estimated advance of one scalar, in em.
    static func ems(_ scalar: Unicode.Scalar) -> Double {
        if scalar.value < 0x80 {
            switch scalar {
            case " ", "i", "l", "j", "I", "!", "|", ".", ",", ":", ";", "'", "`": return 0.3
            case "f", "t", "r", "(", ")", "[", "]", "{", "}", "-", "/", "\\", "\"": return 0.38
            case "m", "w", "M", "W", "@", "%": return 0.88
            case "A"..."Z": return 0.68
            case "0"..."9": return 0.56
            case "a"..."z": return 0.55
            default: return 0.6
            }
        }
        if isWide(scalar) { return isEmoji(scalar) ? 1.25 : 1.0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: return 0.6
        }
    }
}
