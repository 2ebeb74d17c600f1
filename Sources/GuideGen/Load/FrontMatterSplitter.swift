/// Splits a page file into its YAML front matter and Markdown body.
public enum FrontMatterSplitter {
    /// The parts of a page file.
    public struct Parts: Sendable, Equatable {
        /// YAML between the `---` lines.
        public var yaml: String
        /// 1-based file line of the first YAML line.
        public var yamlLine: Int
        public var body: String
        /// 1-based file line where the body starts.
        public var bodyLine: Int
    }

    /// Why a file could not be split.
    public struct SplitError: Error, Sendable, Equatable {
        public var message: String
        public var line: Int
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
        while lineStart <= utf8.count {
            let end = lineEnd(from: lineStart)
            if lineStart < utf8.count, isFence(lineStart, end) {
                let yaml = part(min(firstEnd + 1, utf8.count), lineStart)
                let bodyStart = min(end + 1, utf8.count)
                return .success(Parts(yaml: yaml, yamlLine: 2, body: part(bodyStart, utf8.count), bodyLine: line + 1))
            }
            if end >= utf8.count { break }
            lineStart = end + 1
            line += 1
        }
        return .failure(SplitError(message: "the front matter is not closed by a `---` line", line: 1))
    }
}
