import Foundation

/// Renders a template through swift-mustache once per context *shape* and fills in the values itself.
///
/// A Mustache template's output depends on its context's structure (which keys exist, booleans, list
/// lengths) and on the text of its values, but swift-mustache uses a string or number value only as text to
/// insert (a section over one is always taken) unless a template applies a transform to it or names a
/// partial by it. So pages whose contexts have the same shape differ only in the inserted text: the first
/// one is rendered with numbered placeholders instead of values (the skeleton), and the others copy the
/// skeleton and put their own values where the placeholders are, escaped when the placeholder was. At
/// 10,000 pages this replaces ~150 dynamic lookups per page (most of a build's time) with a copy.
///
/// Themes using transforms (`{{uppercased(x)}}`), dynamic partials (`{{>*x}}`) or delimiter changes are
/// always rendered directly, as is any context holding a value type the walk does not know.
/// `TemplateSkeletonTests` renders every page both ways and compares the bytes.
final class TemplateSkeletons: @unchecked Sendable {
    /// A rendered skeleton cut at its placeholders.
    struct Skeleton {
        enum Piece {
            case text([UInt8])
            case value(Int, escaped: Bool)
        }
        var pieces: [Piece]
    }

    private var skeletons: [String: Skeleton?] = [:]
    private let lock = NSLock()

    /// Placeholders are U+E001 <number> `&` U+E002: escaping turns the `&` into `&amp;`, which shows whether
    /// the template inserted the value with `{{ }}` or `{{{ }}}`.
    static let open: [UInt8] = Array("\u{E001}".utf8)
    static let close: [UInt8] = Array("\u{E002}".utf8)

    /// Whether a theme's template sources allow skeletons.
    static func allowed(templateSources: [String]) -> Bool {
        for source in templateSources {
            if source.contains("\u{E001}") || source.contains("\u{E002}") { return false }
            var rest = source[...]
            while let start = rest.range(of: "{{") {
                let afterOpen = rest[start.upperBound...]
                guard let end = afterOpen.range(of: "}}") else { break }
                let tag = afterOpen[..<end.lowerBound].trimmingCharacters(in: .whitespaces)
                if tag.contains("(") || tag.hasPrefix("=") { return false }
                if tag.hasPrefix(">") && tag.dropFirst().trimmingCharacters(in: .whitespaces).hasPrefix("*") { return false }
                rest = afterOpen[end.upperBound...]
            }
        }
        return true
    }

    /// Renders `context` with `render` (the direct path), through a skeleton when the shape allows; UTF-8.
    func render(_ context: [String: Any], template: String, direct render: ([String: Any]) -> String?) -> [UInt8]? {
        var walk = ShapeWalk(template: template)
        guard walk.measure(context) else { return render(context).map { Array($0.utf8) } }
        return renderThroughSkeleton(
            walk, render: render, placeholders: { numbering in ShapeWalk.placeholders(context, numbering: &numbering) },
            direct: { render(context) })
    }

    /// `render` for a typed page context: its shape is walked without casts, and it becomes a
    /// `[String: Any]` only for swift-mustache (a shape's first page).
    func render(_ context: TemplateMap, template: String, direct render: ([String: Any]) -> String?) -> [UInt8]? {
        var walk = ShapeWalk(template: template)
        walk.measure(context)
        return renderThroughSkeleton(
            walk, render: render, placeholders: { numbering in ShapeWalk.placeholders(context, numbering: &numbering).any },
            direct: { render(context.any) })
    }

    /// Fills the skeleton of the walked shape, rendering it first (`render` of the `placeholders` context)
    /// when the shape is new; `direct` renders the page itself when the shape has no usable skeleton.
    private func renderThroughSkeleton(
        _ walk: ShapeWalk, render: ([String: Any]) -> String?, placeholders: (inout Int) -> [String: Any], direct: () -> String?
    ) -> [UInt8]? {
        let key = String(decoding: walk.shape, as: UTF8.self)
        lock.lock()
        let cached = skeletons[key]
        lock.unlock()
        let skeleton: Skeleton?
        if let cached {
            skeleton = cached
        } else {
            // First page of this shape: the same walk again, now building the context with placeholders.
            var numbering = 0
            let withPlaceholders = placeholders(&numbering)
            skeleton = render(withPlaceholders).flatMap { Self.cut($0, values: walk.values) }
            lock.lock()
            skeletons[key] = .some(skeleton)
            lock.unlock()
        }
        guard let skeleton else { return direct().map { Array($0.utf8) } }
        return Self.fill(skeleton, with: walk.values)
    }

    /// Splits rendered placeholder output into text and value pieces; nil when a placeholder is not intact.
    static func cut(_ rendered: String, values: [ShapeWalk.Value]) -> Skeleton? {
        let bytes = Array(rendered.utf8)
        var pieces: [Skeleton.Piece] = []
        var textStart = 0
        var i = 0
        while i < bytes.count {
            guard bytes[i] == open[0], i + 2 < bytes.count, bytes[i + 1] == open[1], bytes[i + 2] == open[2] else {
                i += 1
                continue
            }
            if textStart < i { pieces.append(.text(Array(bytes[textStart..<i]))) }
            var j = i + 3
            var number = 0
            var digits = 0
            while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39, digits < 9 {
                number = number * 10 + Int(bytes[j] - 0x30)
                j += 1
                digits += 1
            }
            guard digits > 0, number < values.count else { return nil }
            let escaped: Bool
            if j + 5 <= bytes.count, Array(bytes[j..<(j + 5)]) == Array("&amp;".utf8) {
                escaped = true
                j += 5
            } else if j < bytes.count, bytes[j] == UInt8(ascii: "&") {
                escaped = false
                j += 1
            } else {
                return nil
            }
            guard j + 3 <= bytes.count, Array(bytes[j..<(j + 3)]) == close else { return nil }
            j += 3
            // The placeholder of a value ending in a line break carries one (see `ShapeWalk.placeholder`).
            if values[number].endsInLineBreak {
                guard j < bytes.count, bytes[j] == 0x0A else { return nil }
                j += 1
            }
            pieces.append(.value(number, escaped: escaped))
            i = j
            textStart = i
        }
        if textStart < bytes.count { pieces.append(.text(Array(bytes[textStart...]))) }
        return Skeleton(pieces: pieces)
    }

    static func fill(_ skeleton: Skeleton, with values: [ShapeWalk.Value]) -> [UInt8] {
        var out: [UInt8] = []
        var capacity = 0
        for piece in skeleton.pieces {
            switch piece {
            case .text(let t): capacity += t.count
            case .value(let n, _): capacity += values[n].byteCount
            }
        }
        out.reserveCapacity(capacity + 256)
        for piece in skeleton.pieces {
            switch piece {
            case .text(let t): out += t
            case .value(let n, let escaped):
                switch values[n] {
                case .text(let text): if escaped { HTML.appendEscaped(text, to: &out) } else { out += text.utf8 }
                case .utf8(let bytes):
                    if escaped { bytes.withUnsafeBufferPointer { HTML.appendEscaped(bytes: $0, to: &out) } } else { out += bytes }
                }
            }
        }
        return out
    }
}

/// One pass over a context: its shape as a string key and its values in walk order; `placeholders`
/// makes the same walk building the context with numbered placeholders (only for a shape's first page).
struct ShapeWalk {
    /// A recorded value: text, or text already in UTF-8 (`TemplateValue.utf8`).
    enum Value {
        case text(String)
        case utf8([UInt8])

        var byteCount: Int {
            switch self {
            case .text(let s): s.utf8.count
            case .utf8(let b): b.count
            }
        }

        var endsInLineBreak: Bool {
            switch self {
            case .text(let s): s.utf8.last == 0x0A
            case .utf8(let b): b.last == 0x0A
            }
        }
    }

    /// The shape key's bytes (appending to a `[UInt8]` is several times cheaper than to a `String`).
    var shape: [UInt8] = []
    var values: [Value] = []

    init(template: String) {
        shape.reserveCapacity(2048)
        shape += template.utf8
        shape.append(UInt8(ascii: "|"))
    }

    /// Records a value: an empty one stays itself (the output around it depends on its being empty: partial
    /// indentation), a value ending in a line break keeps it, for the same reason.
    mutating func record(_ text: String) {
        if text.isEmpty {
            shape.append(UInt8(ascii: "e"))
            return
        }
        values.append(.text(text))
        // The last byte through contiguous storage: the generic `utf8.last` walks an index backwards.
        let last = text.utf8.withContiguousStorageIfAvailable { $0.last } ?? text.utf8.last
        shape.append(last == 0x0A ? UInt8(ascii: "n") : UInt8(ascii: "s"))
    }

    /// `record` for text already in UTF-8.
    mutating func record(utf8 bytes: [UInt8]) {
        if bytes.isEmpty {
            shape.append(UInt8(ascii: "e"))
            return
        }
        values.append(.utf8(bytes))
        shape.append(bytes.last == 0x0A ? UInt8(ascii: "n") : UInt8(ascii: "s"))
    }

    /// Appends a key's bytes (through contiguous storage: the generic append was most of the walk).
    mutating func append(key: String) {
        if key.utf8.withContiguousStorageIfAvailable({ shape.append(contentsOf: $0) }) == nil { shape += key.utf8 }
    }

    /// Records a list's length, which the output depends on (digits last first: the key only has to be unique).
    mutating func count(_ n: Int) {
        shape.append(UInt8(ascii: "["))
        var digits = n
        repeat {
            shape.append(UInt8(truncatingIfNeeded: 0x30 + digits % 10))
            digits /= 10
        } while digits > 0
    }

    /// Walks a value; false for a type the walk does not know. The type is compared before casting: a
    /// failed `as?` from `Any` costs hundreds of instructions, and most values are strings.
    mutating func measure(_ value: Any) -> Bool {
        let type = ObjectIdentifier(Swift.type(of: value))
        if type == Self.stringType {
            record(value as! String)
        } else if type == Self.dictionaryType {
            let d = value as! [String: Any]
            shape.append(UInt8(ascii: "{"))
            // Sorted keys: a dictionary's own order differs between instances (Swift seeds each table).
            // Sorting the pairs, not the keys, saves looking each key up again.
            for (key, element) in d.sorted(by: { $0.key < $1.key }) {
                shape += key.utf8
                shape.append(UInt8(ascii: ":"))
                guard measure(element) else { return false }
            }
            shape.append(UInt8(ascii: "}"))
        } else if type == Self.boolType {
            shape.append((value as! Bool) ? UInt8(ascii: "T") : UInt8(ascii: "F"))
        } else if type == Self.dictionaryListType {
            let a = value as! [[String: Any]]
            count(a.count)
            for element in a { guard measure(element) else { return false } }
            shape.append(UInt8(ascii: "]"))
        } else if type == Self.stringListType {
            let a = value as! [String]
            count(a.count)
            for element in a { record(element) }
            shape.append(UInt8(ascii: "]"))
        } else if type == Self.intType {
            record(String(value as! Int))
        } else {
            return measureConverting(value)
        }
        return true
    }

    /// Walks a typed context: the same shape and value order as `measure(_: Any)` gives its `any`.
    mutating func measure(_ map: TemplateMap) {
        shape.append(UInt8(ascii: "{"))
        for (key, value) in map.entries {
            append(key: key)
            shape.append(UInt8(ascii: ":"))
            switch value {
            case .text(let s): record(s)
            case .utf8(let bytes): record(utf8: bytes)
            case .flag(let b): shape.append(b ? UInt8(ascii: "T") : UInt8(ascii: "F"))
            case .number(let n): record(String(n))
            case .texts(let a):
                count(a.count)
                for element in a { record(element) }
                shape.append(UInt8(ascii: "]"))
            case .maps(let a):
                count(a.count)
                for element in a { measure(element) }
                shape.append(UInt8(ascii: "]"))
            case .map(let m): measure(m)
            }
        }
        shape.append(UInt8(ascii: "}"))
    }

    /// Values of other static types that cast to the known ones (`[[String: String]]` is a list of
    /// dictionaries to swift-mustache as well).
    mutating func measureConverting(_ value: Any) -> Bool {
        switch value {
        case let d as [String: Any]: return measure(d)
        case let a as [[String: Any]]: return measure(a)
        case let a as [String]: return measure(a)
        case let s as String: return measure(s)
        case let b as Bool: return measure(b)
        case let n as Int: return measure(n)
        default: return false
        }
    }

    static let stringType = ObjectIdentifier(String.self)
    static let boolType = ObjectIdentifier(Bool.self)
    static let intType = ObjectIdentifier(Int.self)
    static let dictionaryType = ObjectIdentifier([String: Any].self)
    static let dictionaryListType = ObjectIdentifier([[String: Any]].self)
    static let stringListType = ObjectIdentifier([String].self)

    /// `value` with each non-empty string replaced by placeholder number `numbering` (counting up in the
    /// order `measure` records values).
    static func placeholders(_ value: Any, numbering: inout Int) -> Any {
        switch value {
        case let s as String: return placeholder(s, &numbering)
        case let b as Bool: return b
        case let n as Int: return placeholder(String(n), &numbering)
        case let d as [String: Any]:
            var out: [String: Any] = [:]
            for key in d.keys.sorted() { out[key] = placeholders(d[key]!, numbering: &numbering) }
            return out
        case let a as [[String: Any]]:
            // Typed so the list stays `[[String: Any]]` (the dictionary overload), as the walk expects.
            return a.map { (item: [String: Any]) -> [String: Any] in placeholders(item, numbering: &numbering) }
        case let a as [String]: return a.map { placeholder($0, &numbering) }
        default: return value
        }
    }

    /// Placeholder number `numbering` (then counted up) for a non-empty value; an empty value stays empty.
    static func placeholder(_ text: String, _ numbering: inout Int) -> String {
        placeholder(empty: text.isEmpty, lineBreak: text.utf8.last == 0x0A, &numbering)
    }

    static func placeholder(empty: Bool, lineBreak: Bool, _ numbering: inout Int) -> String {
        if empty { return "" }
        defer { numbering += 1 }
        return "\u{E001}\(numbering)&\u{E002}" + (lineBreak ? "\n" : "")
    }

    /// `placeholders` for a typed context, numbered in `measure(_: TemplateMap)` order.
    static func placeholders(_ map: TemplateMap, numbering: inout Int) -> TemplateMap {
        var out = TemplateMap()
        for (key, value) in map.entries {
            switch value {
            case .text(let s): out[key] = .text(placeholder(s, &numbering))
            case .utf8(let bytes): out[key] = .text(placeholder(empty: bytes.isEmpty, lineBreak: bytes.last == 0x0A, &numbering))
            case .flag: out[key] = value
            case .number(let n): out[key] = .text(placeholder(String(n), &numbering))
            case .texts(let a): out[key] = .texts(a.map { placeholder($0, &numbering) })
            case .maps(let a): out[key] = .maps(a.map { placeholders($0, numbering: &numbering) })
            case .map(let m): out[key] = .map(placeholders(m, numbering: &numbering))
            }
        }
        return out
    }

    static func placeholders(_ context: [String: Any], numbering: inout Int) -> [String: Any] {
        placeholders(context as Any, numbering: &numbering) as! [String: Any]
    }
}
