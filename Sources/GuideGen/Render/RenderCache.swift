import Foundation

/// A cache shared by the threads that render pages; a value may be computed twice under a race, never
/// stored twice differently (the computation is deterministic). With a `limit` it stops storing new
/// entries there (values are still computed, just not kept), so a process-wide memo stays bounded whatever
/// the input.
final class RenderCache<Value>: @unchecked Sendable {
    private var values: [String: Value] = [:]
    private let lock = NSLock()
    private let limit: Int

    init(limit: Int = .max) { self.limit = limit }

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
        if values.count < limit { values[key] = value }
        lock.unlock()
        return value
    }
}
