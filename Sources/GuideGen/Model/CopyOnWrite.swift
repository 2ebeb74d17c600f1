/// A value kept in one shared box until it is changed (copy on write, as `Array` does): copying a value
/// that holds many strings and arrays retains each of them, atomically, and the pipeline's stages pass
/// pages and bodies around on several threads at once.
struct CopyOnWrite<Value: Sendable>: @unchecked Sendable {
    // The box is mutated only when this is its single owner, so sharing it across threads is safe.
    private final class Box {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    init(_ value: Value) { box = Box(value) }

    var value: Value {
        _read { yield box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }
}
