/// A label as Mermaid shows it, computed from the label as written (after `{{rule …}}` references
/// were expanded, so their columns and the claims checker see the source text):
///
/// - entity codes are decoded: Mermaid's `#name;` and `#number;` (`#quot;`, `#35;`, `#9829;`) and
///   HTML's `&name;`, `&#number;` and `&#xhex;` (`&amp;`, `&lt;`, `&#9829;`, `&#x2665;`); an unknown
///   name stays as written;
/// - a markdown string (a label wrapped in backticks, written ``"`**bold** and *it*`"``) loses its
///   backticks, and its `**…**` and `*…*` become bold and italic;
/// - `<br>` (`<br/>`, `<br />`, any case), Mermaid's line break, starts a new line (`breaks`); in the
///   text it is a space (nothing between CJK characters), so the steps list and titles read on;
///   `<b>`/`<strong>` and `<i>`/`<em>` are bold and italic;
/// - white space runs collapse to one space and the ends are trimmed.
///
/// The SVG writer escapes the resulting characters once.
struct FlowLabelText {
    /// Emphasis of a stretch of text.
    struct Emphasis: OptionSet, Hashable {
        var rawValue: UInt8
        static let bold = Emphasis(rawValue: 1)
        static let italic = Emphasis(rawValue: 2)
    }

    /// The text to measure and draw.
    var text: String
    /// The emphasis of each scalar of `text`; empty when nothing is emphasised.
    var emphasis: [Emphasis]
    /// Where a `<br>` starts a line: offsets (in scalars) into `text` of a line's first scalar.
    var breaks: [Int] = []

    /// Stands for a `<br>` until white space is collapsed (a private-use scalar no label holds).
    static let breakMark: Unicode.Scalar = "\u{F8FF}"

    init(_ written: String) {
        let mayHaveBreak = ByteSearch.contains(written, 0x3C)
        let label = mayHaveBreak ? Self.breaksMarked(written) : written
        // Most labels have neither entities nor backticks: only collapse their spaces.
        var mayHaveEntity = false
        for byte in label.utf8 where byte == UInt8(ascii: "&") || byte == UInt8(ascii: "#") {
            mayHaveEntity = true
            break
        }
        let utf8 = label.utf8
        let isMarkdown = utf8.count >= 2 && utf8.first == UInt8(ascii: "`") && utf8.last == UInt8(ascii: "`")
        let hasTag = ByteSearch.contains(label, 0x3C)
        guard mayHaveEntity || isMarkdown || hasTag || mayHaveBreak else {
            text = FlowFormat.collapseSpaces(label)
            emphasis = []
            return
        }
        var scalars = Array(label.unicodeScalars)
        var styles: [Emphasis]
        if isMarkdown {
            (scalars, styles) = Self.markdown(scalars.dropFirst().dropLast())
        } else {
            styles = Array(repeating: [], count: scalars.count)
        }
        if hasTag { Self.emphasisTags(&scalars, &styles) }
        if mayHaveEntity { Self.decodeEntities(&scalars, &styles) }

        // Collapse white space; a kept space has the emphasis of the first space of its run. A `<br>` is a
        // space too, except between two CJK characters, and the next line starts after it.
        var out = FlowWriter(capacity: scalars.count * 3)
        var outStyles: [Emphasis] = []
        var pending: Emphasis?
        var pendingBreak = false
        var breaks: [Int] = []
        var last: Unicode.Scalar?
        for (scalar, style) in zip(scalars, styles) {
            if scalar == Self.breakMark {
                if !outStyles.isEmpty {
                    pendingBreak = true
                    if pending == nil { pending = style }
                }
                continue
            }
            if FlowTextMeasure.isWhitespace(scalar) {
                if pending == nil, !outStyles.isEmpty { pending = style }
                continue
            }
            if let space = pending {
                let betweenCJK = pendingBreak && last.map(FlowTextMeasure.isWide) == true && FlowTextMeasure.isWide(scalar)
                if !betweenCJK {
                    out.append(byte: 0x20)
                    outStyles.append(space)
                }
                pending = nil
            }
            if pendingBreak {
                breaks.append(outStyles.count)
                pendingBreak = false
            }
            out.append(scalar: scalar)
            outStyles.append(style)
            last = scalar
        }
        text = out.string
        emphasis = outStyles.contains { !$0.isEmpty } ? outStyles : []
        self.breaks = breaks
    }

    /// `text` cut where a `<br>` starts a line (without the space before it): each piece is wrapped on its own.
    var segments: [String] {
        guard !breaks.isEmpty else { return [text] }
        let scalars = Array(text.unicodeScalars)
        var out: [String] = []
        var start = 0
        for cut in breaks + [scalars.count] {
            var end = cut
            if end > start, end < scalars.count, scalars[end - 1] == " " { end -= 1 }
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[start..<end])
            out.append(String(piece))
            start = cut
        }
        return out
    }

    /// The label's text as shown, without emphasis (the text alternative, the SVG title).
    static func plain(_ label: String) -> String { FlowLabelText(label).text }

    /// Runs of emphasis in each of the wrapped `lines` of `text` (nil when nothing is emphasised).
    /// Lines are pieces of `text`, with the single space at a break between lines left out.
    func runs(for lines: [String]) -> [[FlowGeometry.TextRun]]? {
        guard !emphasis.isEmpty else { return nil }
        let scalars = Array(text.unicodeScalars)
        var cursor = 0
        return lines.map { line in
            let length = line.unicodeScalars.count
            if cursor < scalars.count, scalars[cursor] == " ", line.unicodeScalars.first != " " { cursor += 1 }
            var runs: [FlowGeometry.TextRun] = []
            var start = 0
            while start < length, cursor + start < emphasis.count {
                let style = emphasis[cursor + start]
                var end = start + 1
                while end < length, cursor + end < emphasis.count, emphasis[cursor + end] == style { end += 1 }
                runs.append(
                    FlowGeometry.TextRun(
                        start: start, length: end - start, bold: style.contains(.bold),
                        italic: style.contains(.italic)))
                start = end
            }
            cursor += length
            return runs
        }
    }

    // MARK: Markdown strings

    /// Takes the `**` and `*` markers out of a markdown string's text, returning each remaining
    /// scalar's emphasis. A marker opens only when followed by a non-space and closed later in the
    /// text; one that does not is kept as text.
    /// `label` with each `<br>`, `<br/>` or `<br />` (any case) replaced by `breakMark`.
    static func breaksMarked(_ label: String) -> String {
        let b = Array(label.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == 0x3C, i + 3 < b.count, b[i + 1] | 0x20 == 0x62, b[i + 2] | 0x20 == 0x72 {
                var j = i + 3
                while j < b.count, b[j] == 0x20 { j += 1 }
                if j < b.count, b[j] == 0x2F { j += 1 }
                if j < b.count, b[j] == 0x3E {
                    out += breakMark.utf8
                    i = j + 1
                    continue
                }
            }
            out.append(b[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Mermaid's HTML emphasis in a label (`<b>`, `<strong>`, `<i>`, `<em>` and their closing tags, any
    /// case) as bold and italic; it was drawn as the tags' text. Other tags stay text, as written.
    static func emphasisTags(_ scalars: inout [Unicode.Scalar], _ styles: inout [Emphasis]) {
        var outScalars: [Unicode.Scalar] = []
        var outStyles: [Emphasis] = []
        var current: Emphasis = []
        var index = 0
        while index < scalars.count {
            if scalars[index] == "<", let close = scalars[index...].firstIndex(of: ">"), close - index <= 9 {
                var name = String(String.UnicodeScalarView(scalars[(index + 1)..<close])).lowercased()
                let closing = name.hasPrefix("/")
                if closing { name.removeFirst() }
                let emphasis: Emphasis? =
                    switch name {
                    case "b", "strong": .bold
                    case "i", "em": .italic
                    default: nil
                    }
                if let emphasis {
                    if closing { current.remove(emphasis) } else { current.insert(emphasis) }
                    index = close + 1
                    continue
                }
            }
            outScalars.append(scalars[index])
            outStyles.append(styles[index].union(current))
            index += 1
        }
        scalars = outScalars
        styles = outStyles
    }

    private static func markdown(_ source: ArraySlice<Unicode.Scalar>) -> ([Unicode.Scalar], [Emphasis]) {
        let text = Array(source)
        var scalars: [Unicode.Scalar] = []
        var styles: [Emphasis] = []
        var current: Emphasis = []
        var index = 0
        /// Whether a closing marker follows `from`, preceded by a non-space.
        func closes(from: Int, double: Bool) -> Bool {
            var at = from
            while at < text.count {
                if text[at] == "*" {
                    let doubled = at + 1 < text.count && text[at + 1] == "*"
                    if doubled == double, at > from, !FlowTextMeasure.isWhitespace(text[at - 1]) { return true }
                    at += doubled ? 2 : 1
                } else {
                    at += 1
                }
            }
            return false
        }
        while index < text.count {
            guard text[index] == "*" else {
                scalars.append(text[index])
                styles.append(current)
                index += 1
                continue
            }
            let double = index + 1 < text.count && text[index + 1] == "*"
            let style: Emphasis = double ? .bold : .italic
            let width = double ? 2 : 1
            let next = index + width
            if current.contains(style) {
                current.remove(style)
            } else if next < text.count, !FlowTextMeasure.isWhitespace(text[next]), closes(from: next, double: double) {
                current.insert(style)
            } else {
                // Not a marker here: keep it as text.
                for _ in 0..<width {
                    scalars.append("*")
                    styles.append(current)
                }
            }
            index = next
        }
        return (scalars, styles)
    }

    // MARK: Entities

    /// Replaces entity codes with the characters they stand for; the character takes the emphasis
    /// of the code's first scalar.
    private static func decodeEntities(_ scalars: inout [Unicode.Scalar], _ styles: inout [Emphasis]) {
        var out: [Unicode.Scalar] = []
        var outStyles: [Emphasis] = []
        out.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "&" || scalar == "#", let (decoded, length) = entity(scalars, at: index) {
                out.append(decoded)
                outStyles.append(styles[index])
                index += length
                continue
            }
            out.append(scalar)
            outStyles.append(styles[index])
            index += 1
        }
        scalars = out
        styles = outStyles
    }

    /// The entity code starting at `start` (`&` or `#`), as its character and its length in scalars.
    private static func entity(_ scalars: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        let html = scalars[start] == "&"
        var index = start + 1
        var numeric = false
        var hex = false
        if html, index < scalars.count, scalars[index] == "#" {
            numeric = true
            index += 1
            if index < scalars.count, scalars[index] == "x" || scalars[index] == "X" {
                hex = true
                index += 1
            }
        }
        let nameStart = index
        // Mermaid's `#\w+;`; HTML names are letters and digits.
        while index < scalars.count, index - nameStart <= 32, isNameScalar(scalars[index], underscore: !html) {
            index += 1
        }
        guard index > nameStart, index < scalars.count, scalars[index] == ";" else { return nil }
        let name = scalars[nameStart..<index]
        let length = index + 1 - start
        if !html, name.allSatisfy({ ("0"..."9").contains($0) }) { numeric = true }
        if numeric {
            guard let value = number(name, radix: hex ? 16 : 10) else { return nil }
            return (character(value), length)
        }
        guard let named = namedEntities[FlowFormat.string(name)] else { return nil }
        return (named, length)
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar, underscore: Bool) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": return true
        case "_": return underscore
        default: return false
        }
    }

    /// The value of a run of digits (nil when a scalar is not a digit of `radix`); values beyond
    /// Unicode's range saturate, and become U+FFFD like HTML's.
    private static func number(_ digits: ArraySlice<Unicode.Scalar>, radix: UInt32) -> UInt32? {
        var value: UInt32 = 0
        for scalar in digits {
            let digit: UInt32
            switch scalar {
            case "0"..."9": digit = scalar.value - 0x30
            case "a"..."f" where radix == 16: digit = scalar.value - 0x61 + 10
            case "A"..."F" where radix == 16: digit = scalar.value - 0x41 + 10
            default: return nil
            }
            value = min(value * radix + digit, 0x110000)
        }
        return value
    }

    /// The character of a numeric reference; NUL, surrogates and values beyond U+10FFFF are U+FFFD.
    private static func character(_ value: UInt32) -> Unicode.Scalar {
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    /// HTML named character references a label is likely to use: markup and quotes, the punctuation
    /// Mermaid labels cannot hold bare (`#lpar;`, `#lsqb;`, `#lcub;`, …), typography, arrows and
    /// symbols.
    private static let namedEntities: [String: Unicode.Scalar] = [
        "quot": "\"", "amp": "&", "lt": "<", "gt": ">", "apos": "'", "nbsp": "\u{A0}",
        "num": "#", "semi": ";", "colon": ":", "comma": ",", "period": ".", "excl": "!", "quest": "?",
        "lpar": "(", "rpar": ")", "lsqb": "[", "rsqb": "]", "lbrack": "[", "rbrack": "]", "lcub": "{",
        "rcub": "}", "lbrace": "{", "rbrace": "}", "verbar": "|", "vert": "|", "sol": "/", "bsol": "\\",
        "ast": "*", "plus": "+", "equals": "=", "percnt": "%", "commat": "@", "dollar": "$",
        "lowbar": "_", "grave": "`", "Hat": "^", "tilde": "˜", "hyphen": "‐", "dash": "‐",
        "ndash": "–", "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“",
        "rdquo": "”", "sbquo": "‚", "bdquo": "„", "laquo": "«", "raquo": "»", "lsaquo": "‹",
        "rsaquo": "›", "middot": "·", "bull": "•", "deg": "°", "times": "×", "divide": "÷",
        "plusmn": "±", "minus": "−", "le": "≤", "ge": "≥", "ne": "≠", "asymp": "≈", "infin": "∞",
        "frac12": "½", "frac14": "¼", "frac34": "¾", "sup2": "²", "sup3": "³", "micro": "µ",
        "permil": "‰", "prime": "′", "Prime": "″", "sect": "§", "para": "¶", "copy": "©", "reg": "®",
        "trade": "™", "euro": "€", "yen": "¥", "pound": "£", "cent": "¢", "curren": "¤",
        "iexcl": "¡", "iquest": "¿", "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔",
        "lArr": "⇐", "rArr": "⇒", "uArr": "⇑", "dArr": "⇓", "hArr": "⇔", "check": "✓",
        "cross": "✗", "star": "☆", "starf": "★", "hearts": "♥", "spades": "♠", "clubs": "♣",
        "diams": "♦", "loz": "◊", "dagger": "†", "Dagger": "‡", "ensp": "\u{2002}", "emsp": "\u{2003}",
        "thinsp": "\u{2009}",
    ]
}
