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
/// Typed page contexts go further: their top-level lists render item by item (`ListSkeleton`), so list
/// lengths and item mixes do not make new shapes.
///
/// Themes using transforms (`{{uppercased(x)}}`), dynamic partials (`{{>*x}}`) or delimiter changes are
/// always rendered directly, as is any context holding a value type the walk does not know or a map or list
/// the template prints whole. `TemplateSkeletonTests` renders every page both ways and compares the bytes;
/// `ListSkeletonTests` does the same for random contexts over awkward templates.
final class TemplateSkeletons: @unchecked Sendable {
    /// A rendered skeleton cut at its placeholders.
    struct Skeleton {
        enum Piece: Equatable {
            case text([UInt8])
            case value(Int, escaped: Bool)
            /// A value of the list item being filled in (in the text one more item adds).
            case item(Int, escaped: Bool)
            /// Where the second and later items of item list number n go.
            case items(Int)
        }
        var pieces: [Piece]
    }

    private var skeletons: [String: Skeleton?] = [:]
    /// Typed page contexts' skeletons, whose lists may render item by item (`ListSkeleton`).
    private var listSkeletons: [String: ListSkeleton] = [:]
    /// `itemLists` by template and list places.
    private var listDecisions: [[UInt8]: [Bool]] = [:]
    private let lock = NSLock()
    /// How many times typed contexts went to swift-mustache (skeletons, probes, pages rendered directly).
    private(set) var mustacheRenders = 0
    /// How many typed contexts were filled in from a list skeleton.
    private(set) var listFills = 0
    /// What each template's text allows lists to do, by template name (`TemplateListAnalysis`).
    let listRules: [String: TemplateListAnalysis.Rules]

    init(templates: [String: String] = [:]) {
        listRules = TemplateListAnalysis.rules(templates: templates)
    }

    /// Placeholders are U+E001 <number> `&` U+E002: escaping turns the `&` into `&amp;`, which shows whether
    /// the template inserted the value with `{{ }}` or `{{{ }}}`.
    static let open: [UInt8] = Array("\u{E001}".utf8)
    static let close: [UInt8] = Array("\u{E002}".utf8)

    /// Whether a theme's template sources allow skeletons.
    static func allowed(templateSources: [String]) -> Bool {
        for source in templateSources {
            if source.contains("\u{E001}") || source.contains("\u{E002}") { return false }
            var allowed = true
            TemplateListAnalysis.forEachTag(in: source) { tag, _ in
                if tag.contains("(") || tag.hasPrefix("=") { allowed = false }
                if tag.hasPrefix(">") && tag.dropFirst().trimmingCharacters(in: .whitespaces).hasPrefix("*") { allowed = false }
                return allowed
            }
            if !allowed { return false }
        }
        return true
    }

    /// Renders `context` with `render` (the direct path), through a skeleton when the shape allows; UTF-8.
    func render(_ context: [String: Any], template: String, direct render: ([String: Any]) -> String?) -> [UInt8]? {
        var walk = ShapeWalk(template: template)
        walk.rules = listRules[template]
        guard walk.measure(context) else { return render(context).map { Array($0.utf8) } }
        return renderThroughSkeleton(
            walk, render: render, placeholders: { numbering in ShapeWalk.placeholders(context, numbering: &numbering) },
            direct: { render(context) })
    }

    /// `render` for a typed page context: its shape is walked without casts, and it becomes a
    /// `[String: Any]` only for swift-mustache (a shape's first page, and one probe per new list item shape).
    /// The top-level lists the template's text allows render item by item, so a page's shape records only
    /// their first items: the text each further item adds comes from a probe (`ListSkeleton`).
    func render(_ context: TemplateMap, template: String, direct renderDirectly: ([String: Any]) -> String?) -> [UInt8]? {
        func render(_ context: [String: Any]) -> [UInt8]? {
            lock.lock()
            mustacheRenders += 1
            lock.unlock()
            return renderDirectly(context).map { Array($0.utf8) }
        }
        var walk = ShapeWalk(template: template)
        if let rules = listRules[template] {
            walk.itemLists = itemLists(of: context, template: template, rules: rules)
            walk.rules = rules
        }
        walk.measure(context)
        if walk.printsContainer { return render(context.any) }
        let key = String(decoding: walk.shape, as: UTF8.self)
        lock.lock()
        var entry = listSkeletons[key]
        lock.unlock()
        if entry == nil {
            var numbering = 0
            let first = render(walk.placeholders(context, numbering: &numbering, probe: nil).any)
            let made = ListSkeleton(first: first, lineBreaks: walk.values.map(\.endsInLineBreak), lists: walk.lists.count)
            lock.lock()
            entry = listSkeletons[key] ?? made
            listSkeletons[key] = entry
            lock.unlock()
        }
        guard let entry else { return nil }
        // Each item shape not seen with this page shape yet costs one probe; at most one per item.
        for _ in 0...walk.extras.count {
            lock.lock()
            let filled = entry.filled
            lock.unlock()
            switch ListSkeleton.fill(filled, with: walk) {
            case .done(let bytes):
                lock.lock()
                listFills += 1
                lock.unlock()
                return bytes
            case .unusable: return render(context.any)
            case .missing(let extra):
                var numbering = 0
                let probe = walk.placeholders(context, numbering: &numbering, probe: (extra.list, walk.item(extra)))
                let rendered = render(probe.any)
                lock.lock()
                entry.add(
                    rendered, list: extra.list, shape: Array(walk.extraShape[extra.shape]),
                    lineBreaks: walk.extraValues[extra.values].map(\.endsInLineBreak))
                lock.unlock()
            }
        }
        return render(context.any)
    }

    /// Which of the context's top-level lists render item by item (`ShapeWalk.itemLists`), decided once per
    /// template and set of list places.
    private func itemLists(of context: TemplateMap, template: String, rules: TemplateListAnalysis.Rules) -> [Bool] {
        var signature = Array(template.utf8)
        signature.append(0)
        ShapeWalk.topLists(of: context) { parent, key in
            signature += parent.utf8
            signature.append(0x2E)
            signature += key.utf8
            signature.append(0)
        }
        lock.lock()
        let known = listDecisions[signature]
        lock.unlock()
        if let known { return known }
        var names: [TemplateListAnalysis.Name] = []
        ShapeWalk.topLists(of: context) { names.append(.init(parent: $0, key: $1)) }
        let candidates = names.map { rules.isCandidate(parent: $0.parent ?? "", key: $0.key) }
        let keys = Set(zip(names, candidates).filter(\.1).map(\.0.key))
        let decided = zip(names, candidates).map { name, candidate in
            candidate && rules.allows(parent: name.parent ?? "", key: name.key, besides: keys)
        }
        lock.lock()
        listDecisions[signature] = decided
        lock.unlock()
        return decided
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
        return cut(bytes[...]) { number in
            number < values.count ? (.value(number, escaped: false), values[number].endsInLineBreak) : nil
        }.map(Skeleton.init)
    }

    /// Splits placeholder output into pieces; `piece` names the piece (with `escaped: false`) for a
    /// placeholder number and whether its value ends in a line break, nil for a number that cannot be
    /// there (then the whole cut is nil, as for a broken placeholder).
    static func cut(_ bytes: ArraySlice<UInt8>, piece: (Int) -> (Skeleton.Piece, lineBreak: Bool)?) -> [Skeleton.Piece]? {
        var pieces: [Skeleton.Piece] = []
        var textStart = bytes.startIndex
        var i = bytes.startIndex
        while i < bytes.endIndex {
            guard bytes[i] == open[0], i + 2 < bytes.endIndex, bytes[i + 1] == open[1], bytes[i + 2] == open[2] else {
                i += 1
                continue
            }
            if textStart < i { pieces.append(.text(Array(bytes[textStart..<i]))) }
            guard let (number, escaped, end) = placeholder(in: bytes, at: i), let (found, lineBreak) = piece(number) else { return nil }
            var j = end
            // The placeholder of a value ending in a line break carries one (see `ShapeWalk.placeholder`).
            if lineBreak {
                guard j < bytes.endIndex, bytes[j] == 0x0A else { return nil }
                j += 1
            }
            switch found {
            case .value(let n, _): pieces.append(.value(n, escaped: escaped))
            case .item(let n, _): pieces.append(.item(n, escaped: escaped))
            default: return nil
            }
            i = j
            textStart = i
        }
        if textStart < bytes.endIndex { pieces.append(.text(Array(bytes[textStart...]))) }
        return pieces
    }

    /// The placeholder starting at `i` (at its U+E001): its number, whether it was escaped, and where it
    /// ends (before a line break it carries); nil when it is not intact.
    static func placeholder(in bytes: ArraySlice<UInt8>, at i: Int) -> (number: Int, escaped: Bool, end: Int)? {
        var j = i + 3
        var number = 0
        var digits = 0
        while j < bytes.endIndex, bytes[j] >= 0x30, bytes[j] <= 0x39, digits < 9 {
            number = number * 10 + Int(bytes[j] - 0x30)
            j += 1
            digits += 1
        }
        guard digits > 0 else { return nil }
        let escaped: Bool
        if j + 5 <= bytes.endIndex, bytes[j..<(j + 5)].elementsEqual("&amp;".utf8) {
            escaped = true
            j += 5
        } else if j < bytes.endIndex, bytes[j] == UInt8(ascii: "&") {
            escaped = false
            j += 1
        } else {
            return nil
        }
        guard j + 3 <= bytes.endIndex, bytes[j..<(j + 3)].elementsEqual(close) else { return nil }
        return (number, escaped, j + 3)
    }

    static func fill(_ skeleton: Skeleton, with values: [ShapeWalk.Value]) -> [UInt8] {
        var out: [UInt8] = []
        var capacity = 0
        for piece in skeleton.pieces {
            switch piece {
            case .text(let t): capacity += t.count
            case .value(let n, _): capacity += values[n].byteCount
            case .item, .items: break
            }
        }
        out.reserveCapacity(capacity + 256)
        for piece in skeleton.pieces {
            switch piece {
            case .text(let t): out += t
            case .value(let n, let escaped): append(values[n], escaped: escaped, to: &out)
            case .item, .items: break
            }
        }
        return out
    }

    /// Appends a value as the template inserted it: escaped (`{{ }}`) or raw (`{{{ }}}`).
    @inline(__always)
    static func append(_ value: ShapeWalk.Value, escaped: Bool, to out: inout [UInt8]) {
        switch value {
        case .text(let text): if escaped { HTML.appendEscaped(text, to: &out) } else { out += text.utf8 }
        case .utf8(let bytes):
            if escaped { bytes.withUnsafeBufferPointer { HTML.appendEscaped(bytes: $0, to: &out) } } else { out += bytes }
        }
    }
}

/// The skeleton of a typed context shape whose top-level lists render item by item.
///
/// `first` is the page rendered with each such list cut to its first item. A list's further items each
/// add the same text for the same item shape (a Mustache section renders its body once per item, and
/// nothing but the item differs), inserted after the first item's. A probe renders the list as its first
/// item and two more of the shape with their own placeholder numbers; the skeleton accepts the item
/// text only when the probe is `first` with one insertion that repeats, so the text is found by where the
/// probe departs from `first` and checked by its repeat. A list whose text cannot be found so (rendered
/// twice, inside another list, ...) makes its pages render directly. Mutated only under
/// `TemplateSkeletons`' lock; readers copy `filled`.
final class ListSkeleton {
    /// Placeholder numbers of a probe's two extra items start here (item values 0, 1, ... follow).
    static let probeBases = (1_000_000, 2_000_000)

    struct Probe {
        var rendered: [UInt8]
        var lineBreaks: [Bool]
        /// The latest point of `first` where the probe's insertion can start.
        var latestStart: Int
    }

    /// What pages are filled from: `first` cut into pieces with a marker where each list's further items
    /// go, and per list the pieces one more item adds by item shape (nil: that shape cannot be filled).
    /// Lists hold a few item shapes, so they are found by comparing bytes, not by hashing. Kept flat:
    /// every text piece in one byte buffer and every piece an `Op` holding no reference, so filling a page
    /// retains nothing per piece (walking enum pieces retained each text's array, two million times at
    /// 10,000 pages).
    struct Filled {
        enum Kind: UInt8 { case text, value, item, items }
        /// Text: `bytes[from..<to]`; value and item: number `from`; items: list `from`.
        struct Op {
            var kind: Kind
            var escaped: Bool
            var from: Int32
            var to: Int32
        }
        var bytes: [UInt8] = []
        var ops: [Op] = []
        /// The page's ops in `ops`; nil when `first` could not be cut.
        var main: Range<Int>?
        /// Per list and item shape, the ops one more item adds (nil: that shape cannot be filled).
        var items: [[(shape: [UInt8], ops: Range<Int>?)]] = []

        init(pieces: [TemplateSkeletons.Skeleton.Piece]?, items: [[(shape: [UInt8], pieces: [TemplateSkeletons.Skeleton.Piece]?)]]) {
            main = pieces.map { add($0) }
            self.items = items.map { list in list.map { ($0.shape, $0.pieces.map { add($0) }) } }
        }

        private mutating func add(_ pieces: [TemplateSkeletons.Skeleton.Piece]) -> Range<Int> {
            let start = ops.count
            for piece in pieces {
                switch piece {
                case .text(let t):
                    ops.append(Op(kind: .text, escaped: false, from: Int32(bytes.count), to: Int32(bytes.count + t.count)))
                    bytes += t
                case .value(let n, let escaped): ops.append(Op(kind: .value, escaped: escaped, from: Int32(n), to: 0))
                case .item(let n, let escaped): ops.append(Op(kind: .item, escaped: escaped, from: Int32(n), to: 0))
                case .items(let list): ops.append(Op(kind: .items, escaped: false, from: Int32(list), to: 0))
                }
            }
            return start..<ops.count
        }
    }

    let first: [UInt8]?
    let lineBreaks: [Bool]
    private var probes: [[[UInt8]: Probe]]
    private(set) var filled: Filled

    init(first: [UInt8]?, lineBreaks: [Bool], lists: Int) {
        self.first = first
        self.lineBreaks = lineBreaks
        self.probes = Array(repeating: [:], count: lists)
        self.filled = Filled(pieces: nil, items: Array(repeating: [], count: lists))
        rebuild()
    }

    /// Records the probe of one item shape of list `list` (nil: it did not render) and recomputes `filled`.
    func add(_ rendered: [UInt8]?, list: Int, shape: [UInt8], lineBreaks itemBreaks: [Bool]) {
        guard probes[list][shape] == nil else { return }
        guard let rendered, let first else {
            probes[list][shape] = Probe(rendered: [], lineBreaks: itemBreaks, latestStart: -1)
            rebuild()
            return
        }
        var common = 0
        let limit = min(first.count, rendered.count)
        while common < limit, first[common] == rendered[common] { common += 1 }
        probes[list][shape] = Probe(rendered: rendered, lineBreaks: itemBreaks, latestStart: alignedStart(common))
        rebuild()
    }

    /// `position`, moved back to the start of a placeholder of `first` it would fall inside.
    private func alignedStart(_ position: Int) -> Int {
        guard let first else { return position }
        var i = position - 1
        while i >= 0, first[i] != TemplateSkeletons.open[0] { i -= 1 }
        guard i >= 0, let (number, _, end) = TemplateSkeletons.placeholder(in: first[...], at: i) else { return position }
        let unitEnd = end + (number < lineBreaks.count && lineBreaks[number] ? 1 : 0)
        return unitEnd > position ? i : position
    }

    /// Every list's insertion point is the earliest of its probes' latest starts (all of them lie within
    /// each probe's range of valid starts, which contains the true end of the first item's text).
    private func rebuild() {
        guard let first else { return }
        var items: [[(shape: [UInt8], pieces: [TemplateSkeletons.Skeleton.Piece]?)]] = Array(repeating: [], count: probes.count)
        var starts: [(at: Int, list: Int)] = []
        for (list, byShape) in probes.enumerated() where !byShape.isEmpty {
            // A probe that renders as `first` adds nothing per item (a list left out, or an empty body) and
            // needs no insertion point.
            var inserting: [[UInt8]: Probe] = [:]
            for (shape, probe) in byShape {
                if probe.latestStart < 0 {
                    items[list].append((shape, nil))
                } else if probe.rendered == first {
                    items[list].append((shape, []))
                } else {
                    inserting[shape] = probe
                }
            }
            guard let at = inserting.values.map(\.latestStart).min() else { continue }
            if starts.contains(where: { $0.at == at }) {
                // Two lists inserting at one point: which goes first is not known.
                for shape in inserting.keys { items[list].append((shape, nil)) }
                continue
            }
            starts.append((at, list))
            for (shape, probe) in inserting { items[list].append((shape, itemPieces(probe, at: at))) }
        }
        starts.sort { $0.at < $1.at }
        var pieces: [TemplateSkeletons.Skeleton.Piece] = []
        var from = 0
        let main = { (n: Int) -> (TemplateSkeletons.Skeleton.Piece, lineBreak: Bool)? in
            n < self.lineBreaks.count ? (.value(n, escaped: false), self.lineBreaks[n]) : nil
        }
        for start in starts {
            guard let cut = TemplateSkeletons.cut(first[from..<start.at], piece: main) else {
                filled = Filled(pieces: nil, items: items)
                return
            }
            pieces += cut
            pieces.append(.items(start.list))
            from = start.at
        }
        guard let rest = TemplateSkeletons.cut(first[from...], piece: main) else {
            filled = Filled(pieces: nil, items: items)
            return
        }
        filled = Filled(pieces: pieces + rest, items: items)
    }

    /// The pieces one item of the probe's shape adds when inserted at `at`; nil unless the probe is
    /// `first` with the same item text inserted there twice.
    private func itemPieces(_ probe: Probe, at: Int) -> [TemplateSkeletons.Skeleton.Piece]? {
        guard let first else { return nil }
        let rendered = probe.rendered
        let added = rendered.count - first.count
        guard added >= 0, added % 2 == 0, at <= first.count, at <= rendered.count,
            rendered[..<at].elementsEqual(first[..<at]), rendered[(at + added)...].elementsEqual(first[at...])
        else { return nil }
        let half = added / 2
        let piece = { (base: Int) -> (Int) -> (TemplateSkeletons.Skeleton.Piece, lineBreak: Bool)? in
            { n in
                if n < self.lineBreaks.count { return (.value(n, escaped: false), self.lineBreaks[n]) }
                let k = n - base
                return k >= 0 && k < probe.lineBreaks.count ? (.item(k, escaped: false), probe.lineBreaks[k]) : nil
            }
        }
        guard let once = TemplateSkeletons.cut(rendered[at..<(at + half)], piece: piece(Self.probeBases.0)),
            let twice = TemplateSkeletons.cut(rendered[(at + half)..<(at + added)], piece: piece(Self.probeBases.1)), once == twice
        else { return nil }
        return once
    }

    enum FillResult {
        case done([UInt8])
        /// This further item has a shape without a probe yet.
        case missing(ShapeWalk.Extra)
        case unusable
    }

    static func fill(_ filled: Filled, with walk: ShapeWalk) -> FillResult {
        guard let main = filled.main else { return .unusable }
        return filled.ops.withUnsafeBufferPointer { ops in
            filled.bytes.withUnsafeBufferPointer { bytes in fill(filled, ops: ops, main: main, bytes: bytes, with: walk) }
        }
    }

    private static func fill(
        _ filled: Filled, ops: UnsafeBufferPointer<Filled.Op>, main: Range<Int>, bytes: UnsafeBufferPointer<UInt8>, with walk: ShapeWalk
    ) -> FillResult {
        var capacity = 0
        for op in ops[main] {
            switch op.kind {
            case .text: capacity += Int(op.to - op.from)
            case .value: capacity += walk.values[Int(op.from)].byteCount
            case .item: return .unusable
            case .items: break
            }
        }
        // Every further item's ops, found before anything is written.
        var chosen: [Range<Int>] = []
        chosen.reserveCapacity(walk.extras.count)
        let failure = walk.extraShape.withUnsafeBufferPointer { shapes -> FillResult? in
            for extra in walk.extras {
                let shape = UnsafeBufferPointer(rebasing: shapes[extra.shape])
                guard let known = filled.items[extra.list].first(where: { $0.shape.elementsEqual(shape) }) else { return .missing(extra) }
                guard let found = known.ops else { return .unusable }
                chosen.append(found)
            }
            return nil
        }
        if let failure { return failure }
        // A list whose further items add text needs its insertion point.
        var placed = Array(repeating: false, count: walk.lists.count)
        for op in ops[main] where op.kind == .items { placed[Int(op.from)] = true }
        for (extra, found) in zip(walk.extras, chosen) where !placed[extra.list] && !found.isEmpty { return .unusable }
        var out: [UInt8] = []
        out.reserveCapacity(capacity + 4096)
        for op in ops[main] {
            switch op.kind {
            case .text: out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[Int(op.from)..<Int(op.to)]))
            case .value: TemplateSkeletons.append(walk.values[Int(op.from)], escaped: op.escaped, to: &out)
            case .item: return .unusable
            case .items:
                for index in walk.lists[Int(op.from)].extras {
                    let base = walk.extras[index].values.lowerBound
                    for itemOp in ops[chosen[index]] {
                        switch itemOp.kind {
                        case .text: out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[Int(itemOp.from)..<Int(itemOp.to)]))
                        case .value: TemplateSkeletons.append(walk.values[Int(itemOp.from)], escaped: itemOp.escaped, to: &out)
                        case .item:
                            TemplateSkeletons.append(walk.extraValues[base + Int(itemOp.from)], escaped: itemOp.escaped, to: &out)
                        case .items: return .unusable
                        }
                    }
                }
            }
        }
        return .done(out)
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

    /// A further item of a list rendered item by item: which list, its shape and values (ranges of
    /// `extraShape` and `extraValues`), and where it is in the list (for a probe).
    struct Extra {
        var list: Int
        var shape: Range<Int>
        var values: Range<Int>
        var index: Int
    }
    /// Whether each top-level list (non-empty, reached through maps alone, in walk order) renders item by
    /// item (`ListSkeleton`): the shape holds only such a list's first item; `extras` the rest, in walk order.
    var itemLists: [Bool] = []
    /// The next top-level list's place in `itemLists` during `measure`.
    private var topListSlot = 0
    var extras: [Extra] = []
    var extraShape: [UInt8] = []
    var extraValues: [Value] = []
    /// Each item list met, in walk order (for probes), and its range of `extras`.
    var lists: [(value: TemplateValue, extras: Range<Int>)] = []
    /// What the template prints, to catch a map or list printed whole; set when it may be.
    var rules: TemplateListAnalysis.Rules?
    var printsContainer = false

    init(template: String) {
        shape.reserveCapacity(2048)
        values.reserveCapacity(256)
        shape += template.utf8
        shape.append(UInt8(ascii: "|"))
    }

    /// A walk of one list item.
    init() {}

    /// The "parent" of a list item's values: no dotted name reaches into a list's items.
    static let insideList = "\u{0}"

    /// Calls `visit` with the place (the key of the map holding it, "" for the top, and its own key) of each
    /// non-empty list reachable from `map` through maps alone, in walk order.
    static func topLists(of map: TemplateMap, parent: String = "", _ visit: (_ parent: String, _ key: String) -> Void) {
        for entry in map.entries {
            let (key, value) = (entry.key, entry.value)
            switch value {
            case .maps(let a) where !a.isEmpty: visit(parent, key)
            case .texts(let a) where !a.isEmpty: visit(parent, key)
            case .map(let m): topLists(of: m, parent: key, visit)
            default: break
            }
        }
    }

    /// Whether the next top-level list renders item by item (`measure` and `placeholders` meet the lists
    /// in `topLists` order).
    static func rendersItemByItem(_ itemLists: [Bool], _ slot: inout Int) -> Bool {
        defer { slot += 1 }
        return slot < itemLists.count && itemLists[slot]
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
                // A map or list the template may print whole (see `Rules.mayPrint`): render directly.
                if let rules, rules.printed[key] != nil || rules.printedViaDot[key] != nil,
                    !(element is String || element is Bool || element is Int)
                {
                    return false
                }
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

    /// Walks a typed context: the same shape and value order as `measure(_: Any)` gives its `any`, except
    /// that the top-level lists `itemLists` marks are walked as their first item alone.
    mutating func measure(_ map: TemplateMap, topLevel: Bool = true, parent: String = "") {
        shape.append(UInt8(ascii: "{"))
        map.entries.withUnsafeBufferPointer { entries in
            guard let first = entries.baseAddress else { return }
            for i in entries.indices { measure(entry: first + i, topLevel: topLevel, parent: parent) }
        }
        shape.append(UInt8(ascii: "}"))
    }

    /// One entry of `measure(_: TemplateMap)`, read in place through `pointee` (iterating the entries copied
    /// each one, retaining its key and value).
    private mutating func measure(entry: UnsafePointer<TemplateMap.Entry>, topLevel: Bool, parent: String) {
        let key = entry.pointee.key
        let value = entry.pointee.value
        append(key: key)
        shape.append(UInt8(ascii: ":"))
        switch value {
        case .text(let s): record(s)
        case .utf8(let bytes): record(utf8: bytes)
        case .flag(let b): shape.append(b ? UInt8(ascii: "T") : UInt8(ascii: "F"))
        case .number(let n): record(String(n))
        case .texts(let a):
            if let rules, rules.mayPrint(parent: parent, key: key, holdsMaps: false) { printsContainer = true }
            if topLevel, !a.isEmpty, Self.rendersItemByItem(itemLists, &topListSlot) {
                count(1)
                record(a[0])
                walkFurtherItems(of: value, count: a.count) { walk, index in walk.record(a[index]) }
            } else {
                count(a.count)
                for element in a { record(element) }
            }
            shape.append(UInt8(ascii: "]"))
        case .maps(let a):
            if let rules, rules.mayPrint(parent: parent, key: key, holdsMaps: true) { printsContainer = true }
            if topLevel, !a.isEmpty, Self.rendersItemByItem(itemLists, &topListSlot) {
                count(1)
                measure(a[0], topLevel: false, parent: Self.insideList)
                walkFurtherItems(of: value, count: a.count) { walk, index in
                    walk.measure(a[index], topLevel: false, parent: Self.insideList)
                }
            } else {
                count(a.count)
                for element in a { measure(element, topLevel: false, parent: Self.insideList) }
            }
            shape.append(UInt8(ascii: "]"))
        case .map(let m):
            if let rules, rules.mayPrint(parent: parent, key: key, holdsMaps: true) { printsContainer = true }
            measure(m, topLevel: topLevel, parent: key)
        case .shared(let m):
            // Its text is in the skeleton: the id alone tells shapes apart.
            if let rules, rules.mayPrint(parent: parent, key: key, holdsMaps: true) { printsContainer = true }
            shape.append(UInt8(ascii: "#"))
            count(m.id)
        }
    }

    /// Walks items 1... of an item list into `extraShape` and `extraValues` (swapped in for the walk, so
    /// the same recording code fills them), one `Extra` each.
    private mutating func walkFurtherItems(of value: TemplateValue, count: Int, _ walkItem: (inout ShapeWalk, Int) -> Void) {
        let list = lists.count
        let first = extras.count
        if count > 1 {
            swap(&shape, &extraShape)
            swap(&values, &extraValues)
            for index in 1..<count {
                let (shapeStart, valueStart) = (shape.count, values.count)
                walkItem(&self, index)
                extras.append(Extra(list: list, shape: shapeStart..<shape.count, values: valueStart..<values.count, index: index))
            }
            swap(&shape, &extraShape)
            swap(&values, &extraValues)
        }
        lists.append((value, first..<extras.count))
    }

    /// The item `extra` stands for, as a probe puts it in its list.
    func item(_ extra: Extra) -> TemplateValue {
        switch lists[extra.list].value {
        case .maps(let a): .map(a[extra.index])
        case .texts(let a): .text(a[extra.index])
        default: lists[extra.list].value
        }
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

    /// The context this walk's skeleton renders: placeholders in `measure` order, lists `itemLists` marks
    /// cut to their first item, and with `probe` its list followed by two copies of its item numbered from
    /// `ListSkeleton.probeBases`.
    func placeholders(_ map: TemplateMap, numbering: inout Int, probe: (list: Int, item: TemplateValue)?) -> TemplateMap {
        var ordinal = 0
        var slot = 0
        return placeholders(map, numbering: &numbering, probe: probe, topLevel: true, parent: "", ordinal: &ordinal, slot: &slot)
    }

    private func placeholders(
        _ map: TemplateMap, numbering: inout Int, probe: (list: Int, item: TemplateValue)?, topLevel: Bool, parent: String,
        ordinal: inout Int, slot: inout Int
    ) -> TemplateMap {
        var out = TemplateMap()
        for entry in map.entries {
            let (key, value) = (entry.key, entry.value)
            switch value {
            case .text(let s): out[key] = .text(Self.placeholder(s, &numbering))
            case .utf8(let bytes):
                out[key] = .text(Self.placeholder(empty: bytes.isEmpty, lineBreak: bytes.last == 0x0A, &numbering))
            case .flag: out[key] = value
            case .number(let n): out[key] = .text(Self.placeholder(String(n), &numbering))
            case .texts(let a):
                if topLevel, !a.isEmpty, Self.rendersItemByItem(itemLists, &slot) {
                    var items = [Self.placeholder(a[0], &numbering)]
                    if let probe, probe.list == ordinal, case .text(let text) = probe.item {
                        for base in [ListSkeleton.probeBases.0, ListSkeleton.probeBases.1] {
                            var n = base
                            items.append(Self.placeholder(text, &n))
                        }
                    }
                    ordinal += 1
                    out[key] = .texts(items)
                } else {
                    out[key] = .texts(a.map { Self.placeholder($0, &numbering) })
                }
            case .maps(let a):
                if topLevel, !a.isEmpty, Self.rendersItemByItem(itemLists, &slot) {
                    var (unused, unusedSlot) = (0, 0)
                    var items = [
                        placeholders(
                            a[0], numbering: &numbering, probe: nil, topLevel: false, parent: key, ordinal: &unused, slot: &unusedSlot)
                    ]
                    if let probe, probe.list == ordinal, case .map(let item) = probe.item {
                        for base in [ListSkeleton.probeBases.0, ListSkeleton.probeBases.1] {
                            var n = base
                            items.append(
                                placeholders(
                                    item, numbering: &n, probe: nil, topLevel: false, parent: key, ordinal: &unused, slot: &unusedSlot))
                        }
                    }
                    ordinal += 1
                    out[key] = .maps(items)
                } else {
                    var (unused, unusedSlot) = (0, 0)
                    out[key] = .maps(
                        a.map {
                            placeholders(
                                $0, numbering: &numbering, probe: nil, topLevel: false, parent: key, ordinal: &unused, slot: &unusedSlot)
                        })
                }
            case .map(let m):
                out[key] = .map(
                    placeholders(m, numbering: &numbering, probe: probe, topLevel: topLevel, parent: key, ordinal: &ordinal, slot: &slot))
            case .shared: out[key] = value  // rendered with its own text
            }
        }
        return out
    }

    static func placeholders(_ context: [String: Any], numbering: inout Int) -> [String: Any] {
        placeholders(context as Any, numbering: &numbering) as! [String: Any]
    }
}
