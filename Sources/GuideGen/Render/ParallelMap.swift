import Dispatch

/// Maps an array across cores, keeping input order (the output is deterministic whatever the scheduling).
public enum ParallelMap {
    /// `transform` must not touch shared mutable state; each call writes only its own slot.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], threads: Int = 0, _ transform: @Sendable (T) -> R) -> [R] {
        if items.isEmpty { return [] }
        if threads == 1 || items.count == 1 { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let slots = SendableBuffer(results)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            slots.buffer[i] = transform(items[i])
        }
        return results.map { $0! }
    }

    private struct SendableBuffer<R>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<R?>
        init(_ buffer: UnsafeMutableBufferPointer<R?>) { self.buffer = buffer }
    }
}
