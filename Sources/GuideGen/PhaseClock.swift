import Foundation

/// Wall-clock time per pipeline stage, printed to stderr when `GUIDEGEN_TIMINGS=1`; for profiling
/// builds by hand and in `bench/`, never read by tests.
public enum PhaseClock {
    public static let enabled = ProcessInfo.processInfo.environment["GUIDEGEN_TIMINGS"] == "1"
    nonisolated(unsafe) private static var last = DispatchTime.now().uptimeNanoseconds

    /// Starts the clock (the first mark counts from here).
    public static func start() {
        guard enabled else { return }
        last = DispatchTime.now().uptimeNanoseconds
    }

    /// Prints the time since the previous mark (or since the process started) under `name`.
    public static func mark(_ name: String) {
        guard enabled else { return }
        let previous = last  // read first: the static is initialized lazily, on first use
        let now = DispatchTime.now().uptimeNanoseconds
        let ms = Double(now &- previous) / 1e6
        last = now
        FileHandle.standardError.write(Data("timing: \(name) \(String(format: "%.0f", ms)) ms\n".utf8))
    }
}
