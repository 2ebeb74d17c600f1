import Foundation

/// A cache shared by the threads that render pages; a value may be computed twice under a race, never
/// stored twice differently (the computation is deterministic).
final class RenderCache<Value>: @unchecked Sendable {
    private var values: [String: Value] = [:]
    private let lock = NSLock()

    /// The cached value for `key`, computing and storing it on first use.
    func value(for key: String, compute: () -> Value) -> Value {
        lock.lock()
        if let hit = values[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let value = compute()
        lock.lock()
        values[key] = value
        lock.unlock()
        return value
    }
}

/// A process-wide memo of a pure function of a string, shared by all threads; it stops storing new entries
/// at `limit` (results are still computed, just not kept), so its memory is bounded whatever the input.
final class BoundedCache<Value: Sendable>: @unchecked Sendable {
    private var values: [String: Value] = [:]
    private let lock = NSLock()
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    func value(for key: String, compute: () -> Value) -> Value {
        lock.lock()
        if let hit = values[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let value = compute()
        lock.lock()
        if values.count < limit { values[key] = value }
        lock.unlock()
        return value
    }
}
