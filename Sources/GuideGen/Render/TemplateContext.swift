import Foundation

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
    /// A map many pages hold unchanged (a language's interface strings): see `SharedTemplateMap`.
    case shared(SharedTemplateMap)

    /// `map` as a shared value where it can be one (`SharedTemplateMap.make`), else as a plain map.
    static func sharing(_ map: TemplateMap) -> TemplateValue {
        SharedTemplateMap.make(map).map(TemplateValue.shared) ?? .map(map)
    }

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
        case .shared(let s): s.map.any
        }
    }
}

/// A map that many pages hold unchanged. A skeleton (`TemplateSkeletons`) is rendered with its real text
/// instead of placeholders, and a page's shape names it by `id` alone: pages neither walk nor fill in its
/// values (a language's 25 interface strings were a fifth of every page's values).
final class SharedTemplateMap: Sendable {
    /// Unique for the process: a shape holding it stands for its content (a freed map's address could be
    /// reused by another, so the address is not used).
    let id: Int
    let map: TemplateMap

    private init(id: Int, map: TemplateMap) {
        self.id = id
        self.map = map
    }

    private static let counter = NSLock()
    nonisolated(unsafe) private static var next = 0

    /// A shared map of `map`; nil when its text could pass for a skeleton's placeholder (U+E001, U+E002)
    /// or it holds lists, which the walk renders item by item only outside shared maps.
    static func make(_ map: TemplateMap) -> SharedTemplateMap? {
        guard
            map.entries.allSatisfy({ entry in
                switch entry.value {
                case .text(let s): !ByteSearch.contains(s, 0xEE)
                case .flag, .number: true
                default: false
                }
            })
        else { return nil }
        counter.lock()
        defer { counter.unlock() }
        next += 1
        return SharedTemplateMap(id: next, map: map)
    }
}
