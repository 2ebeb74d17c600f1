import Foundation

/// The site `serve` answers from: the last good build's files, the current build errors (if any) and a
/// build number that event-stream threads wait on. Shared by the watcher and every connection thread.
final class PreviewServerState: @unchecked Sendable {
    /// What a connection thread reads, copied out under the lock (the dictionary is copy-on-write).
    struct Snapshot: Sendable {
        /// Output-relative path → bytes of the last build without errors; empty if there never was one.
        var files: [String: [UInt8]]
        /// Plain-text diagnostics of the current build when it failed, else nil.
        var errorReport: String?
        /// Increases with every build, good or not; the reload script compares it.
        var build: Int
        var stopping: Bool
    }

    private let condition = NSCondition()
    private var current = Snapshot(files: [:], errorReport: nil, build: 0, stopping: false)

    var snapshot: Snapshot {
        condition.lock()
        defer { condition.unlock() }
        return current
    }

    /// Records a build: new files replace the old only when the build succeeded.
    func publish(files: [String: [UInt8]]?, errorReport: String?) {
        condition.lock()
        if let files { current.files = files }
        current.errorReport = errorReport
        current.build += 1
        condition.broadcast()
        condition.unlock()
    }

    func stop() {
        condition.lock()
        current.stopping = true
        condition.broadcast()
        condition.unlock()
    }

    var isStopping: Bool { snapshot.stopping }

    /// Blocks until the build number differs from `build`, the server stops, or `timeout` seconds pass;
    /// returns the snapshot at that moment.
    func wait(whileBuildIs build: Int, timeout: TimeInterval) -> Snapshot {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while current.build == build, !current.stopping {
            if !condition.wait(until: deadline) { break }
        }
        return current
    }
}
