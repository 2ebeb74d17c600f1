/// A page's template context as typed values, kept sorted by key.
///
/// Pages are the bulk of a build, and their contexts used to be `[String: Any]`: hashing every key on
/// insert, then casting every value back from `Any` and sorting every dictionary to find the context's
/// shape (`TemplateSkeletons`). A `TemplateMap` is walked in key order with a `switch`, and becomes a
/// `[String: Any]` only when swift-mustache itself renders it (a shape's first page, or a theme that
/// cannot use skeletons).
struct TemplateMap: Sendable {
    /// One key and its value. A struct, not a tuple: an array of tuples is destroyed through the runtime's
    /// generic tuple walk, element by element (a tenth of the maps' cost at 10,000 pages).
    struct Entry: Sendable {
        let key: String
        var value: TemplateValue
    }

    /// Entries in ascending key order, keys unique.
    private(set) var entries: [Entry] = []

    init() {}

    init(_ pairs: KeyValuePairs<String, TemplateValue>) {
        entries.reserveCapacity(pairs.count)
        // Appended, then put in order by insertion (literals hold a few keys, often already sorted); a
        // repeated key keeps its last value, as assigning one by one would.
        for (key, value) in pairs {
            // Literals written in key order (the hot ones are) append; others are put in place.
            if entries.isEmpty || entries[entries.count - 1].key < key {
                entries.append(Entry(key: key, value: value))
                continue
            }
            var at = entries.count
            while at > 0, entries[at - 1].key > key { at -= 1 }
            if at > 0, entries[at - 1].key == key {
                entries[at - 1].value = value
            } else {
                entries.insert(Entry(key: key, value: value), at: at)
            }
        }
    }

    /// The value for `key`; setting nil removes it.
    subscript(key: String) -> TemplateValue? {
        get {
            let (at, found) = index(of: key)
            return found ? entries[at].value : nil
        }
        set {
            let (at, found) = index(of: key)
            switch (found, newValue) {
            case (true, let value?): entries[at].value = value
            case (true, nil): entries.remove(at: at)
            case (false, let value?): entries.insert(Entry(key: key, value: value), at: at)
            case (false, nil): break
            }
        }
    }

    /// Where `key` is or would go (binary search; contexts hold a few dozen keys).
    private func index(of key: String) -> (at: Int, found: Bool) {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return (low, low < entries.count && entries[low].key == key)
    }

    /// The context as swift-mustache takes it.
    var any: [String: Any] {
        var out: [String: Any] = [:]
        out.reserveCapacity(entries.count)
        for entry in entries { out[entry.key] = entry.value.any }
        return out
    }
}

/// One value of a `TemplateMap`: what a logic-less template can insert, test or iterate. Not `indirect`
/// (maps and lists hold their values in arrays already): an indirect case boxed every value of every page.
enum TemplateValue: Sendable {
    case text(String)
    /// Text that is already UTF-8 (a page's body HTML): filled into skeletons as it is, decoded only for
    /// swift-mustache.
    case utf8([UInt8])
    case flag(Bool)
    case number(Int)
    case texts([String])
    case maps([TemplateMap])
    case map(TemplateMap)

    /// The value as swift-mustache takes it.
    var any: Any {
        switch self {
        case .text(let s): s
        case .utf8(let bytes): String(decoding: bytes, as: UTF8.self)
        case .flag(let b): b
        case .number(let n): n
        case .texts(let a): a
        case .maps(let a): a.map(\.any)
        case .map(let m): m.any
        }
    }
}
