/// Splits a page file into its YAML front matter and Markdown body.
public enum FrontMatterSplitter {
    /// The parts of a page file.
    public struct Parts: Sendable, Equatable {
        /// YAML between the `---` lines.
        public var yaml: String
        /// 1-based file line of the first YAML line.
        public var yamlLine: Int
        /// A slice of the split text (not a copy).
        public var body: Substring
        /// 1-based file line where the body starts.
        public var bodyLine: Int
    }

    /// Why a file could not be split.
    public struct SplitError: Error, Sendable, Equatable {
        public var message: String
        public var line: Int
        public var help = "start the file with `---`, the YAML front matter (title, type …), and another `---`"
    }

    /// Splits normalized text (LF line endings, no BOM); nil plus a reason when the fences are missing.
    public static func split(_ text: String) -> Result<Parts, SplitError> {
        UTF8Scan.withBytes(text) { split(text, $0) }
    }

    /// `split` over the text's own bytes: the parts are cut at line breaks (scalar boundaries) and made
    /// with `String(Substring)`, which copies without validating UTF-8 again (decoding the parts was a
    /// third of splitting).
    private static func split(_ text: String, _ utf8: UnsafeBufferPointer<UInt8>) -> Result<Parts, SplitError> {
        func part(_ from: Int, _ to: Int) -> String {
            let view = text.utf8
            return String(text[view.index(view.startIndex, offsetBy: from)..<view.index(view.startIndex, offsetBy: to)])
        }
        func lineEnd(from i: Int) -> Int {
            var j = i
            while j < utf8.count, utf8[j] != 0x0A { j += 1 }
            return j
        }
        // A key, a list item, an indented or comment line could be YAML; `正文` at the margin, with no `:`,
        // cannot (a top-level YAML line is a key).
        func couldBeYAML(_ start: Int, _ end: Int) -> Bool {
            let first = utf8[start]
            return first == 0x20 || first == 0x09 || first == 0x23 || first == 0x2D || (start..<end).contains { utf8[$0] == 0x3A }
        }
        func isFence(_ start: Int, _ end: Int) -> Bool {
            var e = end
            while e > start, utf8[e - 1] == 0x20 || utf8[e - 1] == 0x09 { e -= 1 }
            return e - start == 3 && utf8[start] == 0x2D && utf8[start + 1] == 0x2D && utf8[start + 2] == 0x2D
        }
        let firstEnd = lineEnd(from: 0)
        guard isFence(0, firstEnd) else {
            return .failure(SplitError(message: "the file does not start with a `---` front matter line", line: 1))
        }
        var lineStart = firstEnd + 1
        var line = 2
        // The last line of YAML before a blank one, and whether a blank line came: a line after it that
        // starts at the margin and holds no `:` cannot be YAML (a top-level line is a key), so it is the
        // body and the closing `---` was forgotten (a `---` further down is then a thematic break).
        var lastYAMLLine: (line: Int, start: Int, end: Int)?
        var afterBlank = false
        // The last line that could be YAML: where the closing `---` belongs when the body follows it directly.
        var lastPlausibleYAML: (line: Int, start: Int, end: Int)?
        while lineStart <= utf8.count {
            let end = lineEnd(from: lineStart)
            let fence = lineStart < utf8.count && isFence(lineStart, end)
            let blank = (lineStart..<end).allSatisfy { utf8[$0] == 0x20 || utf8[$0] == 0x09 || utf8[$0] == 0x0D }
            if !blank, afterBlank, !fence, let last = lastYAMLLine, !couldBeYAML(lineStart, end) {
                return .failure(
                    SplitError(
                        message: "the front matter is not closed: line \(line) reads as Markdown, not YAML", line: line,
                        help: "add a `---` line after line \(last.line) (`\(part(last.start, last.end))`)"))
            }
            if blank {
                if lastYAMLLine != nil { afterBlank = true }
            } else if !fence {
                lastYAMLLine = (line, lineStart, end)
                afterBlank = false
                if couldBeYAML(lineStart, end) { lastPlausibleYAML = lastYAMLLine }
            }
            if fence {
                let yaml = part(min(firstEnd + 1, utf8.count), lineStart)
                let bodyStart = min(end + 1, utf8.count)
                let view = text.utf8
                let body = text[view.index(view.startIndex, offsetBy: bodyStart)...]
                return .success(Parts(yaml: yaml, yamlLine: 2, body: body, bodyLine: line + 1))
            }
            if end >= utf8.count { break }
            lineStart = end + 1
            line += 1
        }
        let closeAfter = (lastPlausibleYAML ?? lastYAMLLine).map { " after line \($0.line) (`\(part($0.start, $0.end))`)" } ?? ""
        return .failure(
            SplitError(
                message: "the front matter is not closed by a `---` line", line: 1,
                help: "add a `---` line\(closeAfter) to end the front matter"))
    }
}
