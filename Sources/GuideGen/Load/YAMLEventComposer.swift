import CYaml

/// Composes YAML without anchors or aliases (front matter, `guidegen.yaml`) straight from libyaml's
/// events, the same libyaml Yams parses with.
///
/// Yams builds a `Node` with a tag object, resolver and constructor per value and hashes every mapping's
/// keys as nodes to find duplicates: a tenth of a 10,000-page build went to composing front matter.
/// This keeps what the validators read (text, plain or not, positions), checks duplicate keys on their
/// text and reports them at the repeated key itself. Failures carry the same problem texts Yams reports,
/// so diagnostics read the same; `YAMLEventComposerTests` composes every fixture both ways.
struct YAMLEventComposer {
    enum Failure: Error, Equatable {
        /// A scanner, parser or composer error, as libyaml words it.
        case syntax(problem: String, context: String?, at: YAMLMark)
        /// libyaml could not read the text (it is not UTF-8).
        case unreadable(problem: String)
        /// The repeated keys, where the first of them is repeated, and where that key first appears.
        case duplicateKeys([String], at: YAMLMark, first: YAMLMark)
        case anchorOrAlias(at: YAMLMark)
        case tooDeep(at: YAMLMark)
        case tooManyValues(at: YAMLMark)
    }

    var maxDepth: Int
    var maxNodes: Int

    /// The text's one document; nil for an empty stream.
    func compose(_ text: String) -> Result<YAMLNode?, Failure> {
        UTF8Scan.withBytes(text) { bytes in
            // On the heap and never copied: libyaml's string reader points back at the parser itself.
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else { return .failure(.unreadable(problem: "Memory error")) }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
            var events = EventReader(parser: parser)
            defer { events.finish() }
            return compose(&events).mapError { failure in
                // libyaml marks a node at its first property; a tag may come before the anchor (`! &a {…}`).
                guard case .anchorOrAlias(let mark) = failure else { return failure }
                return .anchorOrAlias(at: Self.anchor(from: mark, in: bytes))
            }
        }
    }

    /// The `&` of the anchor whose node starts at `mark` (the mark itself for an alias, or when no anchor
    /// follows the tag there). libyaml marks a node at its first property, and a tag may come first, with
    /// blanks, line breaks and comments before the anchor (`! &a {…}`, `!t⏎  &a v`). Columns count Unicode
    /// scalars, as libyaml's do.
    static func anchor(from mark: YAMLMark, in bytes: UTF8Scan.Bytes) -> YAMLMark {
        var i = 0
        var line = 1
        while line < mark.line, i < bytes.count {
            // libyaml breaks lines at LF, CRLF and a lone CR.
            if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) { line += 1 }
            i += 1
        }
        var column = 1
        /// Steps over one Unicode scalar.
        func advance() {
            i += 1
            while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
            column += 1
        }
        while column < mark.column, i < bytes.count, bytes[i] != 0x0A { advance() }
        guard i < bytes.count, bytes[i] == 0x21 else { return mark }  // not at a tag: the mark is the `&` or `*`
        func isBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        while i < bytes.count, !isBlank(bytes[i]), !isBreak(bytes[i]) { advance() }  // the tag
        while i < bytes.count {
            if isBlank(bytes[i]) {
                advance()
            } else if isBreak(bytes[i]) {
                if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                i += 1
                line += 1
                column = 1
            } else if bytes[i] == 0x23 {  // a comment, after a blank or at a line start, runs to the line's end
                while i < bytes.count, !isBreak(bytes[i]) { advance() }
            } else {
                break
            }
        }
        guard i < bytes.count, bytes[i] == 0x26 else { return mark }
        return YAMLMark(line: line, column: column)
    }

    /// One libyaml event at a time, deleted when the next is read.
    private struct EventReader {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        var event = yaml_event_t()
        var holdsEvent = false

        init(parser: UnsafeMutablePointer<yaml_parser_t>) { self.parser = parser }

        mutating func next() -> Result<Void, Failure> {
            finish()
            holdsEvent = yaml_parser_parse(parser, &event) == 1
            return holdsEvent ? .success(()) : .failure(Self.failure(parser.pointee))
        }

        mutating func finish() {
            if holdsEvent { yaml_event_delete(&event) }
            holdsEvent = false
        }

        var mark: YAMLMark { YAMLMark(line: event.start_mark.line + 1, column: event.start_mark.column + 1) }

        static func failure(_ parser: yaml_parser_t) -> Failure {
            switch parser.error {
            case YAML_MEMORY_ERROR: return .unreadable(problem: "Memory error")
            case YAML_READER_ERROR: return .unreadable(problem: parser.problem.map { String(cString: $0) } ?? "unreadable text")
            default:
                let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
                let context = parser.context.map { String(cString: $0) }
                // An unclosed quote runs to the end of the text: point at where it opens.
                let mark =
                    YAMLReader.pointsAtContext(problem, context) ? parser.context_mark : parser.problem_mark
                return .syntax(problem: problem, context: context, at: YAMLMark(line: mark.line + 1, column: mark.column + 1))
            }
        }
    }

    /// A collection being composed.
    private struct Open {
        var isMapping: Bool
        var mark: YAMLMark
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        /// Explicit tags of scalar keys (`!!int 1` and `1` are different keys to YAML).
        var keyTags: [String?] = []
        var pendingKey: YAMLNode?
        var pendingKeyTag: String?
    }

    private func compose(_ events: inout EventReader) -> Result<YAMLNode?, Failure> {
        // STREAM-START, then DOCUMENT-START or STREAM-END.
        if case .failure(let f) = events.next() { return .failure(f) }
        if case .failure(let f) = events.next() { return .failure(f) }
        if events.event.type == YAML_STREAM_END_EVENT { return .success(nil) }
        var stack: [Open] = []
        var root: YAMLNode?
        var nodes = 0
        // Depth and size are checked as Yams' tree was after composing: a syntax error later in the text
        // still comes first, so the first such problem is kept until the end.
        var limitProblem: Failure?

        func started(_ mark: YAMLMark) {
            nodes += 1
            guard limitProblem == nil else { return }
            if nodes > maxNodes {
                limitProblem = .tooManyValues(at: mark)
            } else if stack.count > maxDepth {
                limitProblem = .tooDeep(at: mark)
            }
        }

        while root == nil {
            if case .failure(let f) = events.next() { return .failure(f) }
            let mark = events.mark
            var done: YAMLNode?
            var doneTag: String?
            switch events.event.type {
            case YAML_SCALAR_EVENT:
                let scalar = events.event.data.scalar
                if scalar.anchor != nil { return .failure(.anchorOrAlias(at: mark)) }
                started(mark)
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                done = .scalar(YAMLScalar(string: text, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE, mark: mark))
                // Yams compares keys by text and resolved tag: untagged and quoted scalars are strings.
                let tag = scalar.quoted_implicit == 1 ? nil : scalar.tag.map { String(cString: $0) }
                doneTag = tag == "tag:yaml.org,2002:str" ? nil : tag
            case YAML_ALIAS_EVENT:
                return .failure(.anchorOrAlias(at: mark))
            case YAML_SEQUENCE_START_EVENT:
                if events.event.data.sequence_start.anchor != nil { return .failure(.anchorOrAlias(at: mark)) }
                started(mark)
                stack.append(Open(isMapping: false, mark: mark))
            case YAML_MAPPING_START_EVENT:
                if events.event.data.mapping_start.anchor != nil { return .failure(.anchorOrAlias(at: mark)) }
                started(mark)
                stack.append(Open(isMapping: true, mark: mark))
            case YAML_SEQUENCE_END_EVENT:
                let open = stack.removeLast()
                done = .sequence(open.items, at: open.mark)
            case YAML_MAPPING_END_EVENT:
                let open = stack.removeLast()
                if let duplicate = Self.duplicateKeys(open) { return .failure(duplicate) }
                done = .mapping(open.pairs, at: open.mark)
            default:
                continue
            }
            guard let node = done else { continue }
            guard !stack.isEmpty else {
                root = node
                continue
            }
            let top = stack.count - 1
            if !stack[top].isMapping {
                stack[top].items.append(node)
            } else if let key = stack[top].pendingKey {
                stack[top].pairs.append(YAMLPair(key: key, value: node))
                stack[top].keyTags.append(stack[top].pendingKeyTag)
                stack[top].pendingKey = nil
            } else {
                stack[top].pendingKey = node
                stack[top].pendingKeyTag = doneTag
            }
        }
        // DOCUMENT-END, then STREAM-END: a second document is an error, as in Yams.
        if case .failure(let f) = events.next() { return .failure(f) }
        if case .failure(let f) = events.next() { return .failure(f) }
        if events.event.type != YAML_STREAM_END_EVENT {
            return .failure(
                .syntax(problem: "but found another document", context: "expected a single document in the stream", at: events.mark))
        }
        if let limitProblem { return .failure(limitProblem) }
        return .success(root)
    }

    /// Scalar keys written twice in one mapping, sorted, at the first repeat of the first of them.
    private static func duplicateKeys(_ open: Open) -> Failure? {
        let pairs = open.pairs
        guard pairs.count > 1 else { return nil }
        // A front matter mapping holds a dozen keys: comparing each with the ones before it costs less than
        // hashing them all; a large mapping is hashed, so hostile input stays linear.
        let small = pairs.count <= 16
        var seen: [String: YAMLMark] = [:]
        var repeats: [String: (again: YAMLMark, first: YAMLMark)] = [:]
        for i in pairs.indices {
            guard case .scalar(let key) = pairs[i].key else { continue }
            let earlier: YAMLMark?
            if small {
                earlier =
                    (0..<i).lazy.compactMap { j -> YAMLMark? in
                        guard case .scalar(let other) = pairs[j].key, other.string == key.string, open.keyTags[j] == open.keyTags[i]
                        else { return nil }
                        return other.mark
                    }.first
            } else {
                let tagged = (open.keyTags[i] ?? "") + "\u{0}" + key.string
                earlier = seen[tagged]
                if earlier == nil { seen[tagged] = key.mark }
            }
            if let earlier, repeats[key.string] == nil { repeats[key.string] = (key.mark, earlier) }
        }
        guard let first = repeats.keys.min(), let marks = repeats[first] else { return nil }
        return .duplicateKeys(repeats.keys.sorted(), at: marks.again, first: marks.first)
    }
}
