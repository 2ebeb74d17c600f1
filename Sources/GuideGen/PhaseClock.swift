import Foundation

/// Wall-clock time per pipeline stage, printed to stderr when `GUIDEGEN_TIMINGS=1`; for profiling
/// builds by hand and in `bench/`, never read by tests.
public enum PhaseClock {
    public static let enabled = ProcessInfo.processInfo.environment["GUIDEGEN_TIMINGS"] == "1"
    nonisolated(unsafe) private static var last = DispatchTime.now().uptimeNanoseconds

    /// Resident memory now (Linux `/proc/self/statm`), in MB; 0 where unavailable.
    static func residentMB() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

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
        FileHandle.standardError.write(Data("timing: \(name) \(String(format: "%.0f", ms)) ms, RSS \(residentMB()) MB\n".utf8))
    }
}
