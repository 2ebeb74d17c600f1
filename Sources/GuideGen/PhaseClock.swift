import Foundation

/// Wall-clock and CPU time per pipeline stage, printed to stderr when `GUIDEGEN_TIMINGS=1`; for profiling
/// builds by hand and in `bench/`, never read by tests. CPU time over wall time shows how many cores a
/// stage kept busy.
public enum PhaseClock {
    public static let enabled = ProcessInfo.processInfo.environment["GUIDEGEN_TIMINGS"] == "1"
    nonisolated(unsafe) private static var last = DispatchTime.now().uptimeNanoseconds
    nonisolated(unsafe) private static var lastCPU = cpuNanoseconds()

    /// User and system time of the whole process so far, in nanoseconds.
    static func cpuNanoseconds() -> UInt64 {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func ns(_ t: timeval) -> UInt64 { UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_usec) * 1000 }
        return ns(usage.ru_utime) + ns(usage.ru_stime)
    }

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
        lastCPU = cpuNanoseconds()
    }

    /// Prints the time since the previous mark (or since the process started) under `name`.
    public static func mark(_ name: String) {
        guard enabled else { return }
        let previous = last  // read first: the static is initialized lazily, on first use
        let previousCPU = lastCPU
        let now = DispatchTime.now().uptimeNanoseconds
        let cpu = cpuNanoseconds()
        let ms = Double(now &- previous) / 1e6
        let cpuMS = Double(cpu &- previousCPU) / 1e6
        last = now
        lastCPU = cpu
        let line = "timing: \(name) \(String(format: "%.0f", ms)) ms, CPU \(String(format: "%.0f", cpuMS)) ms, RSS \(residentMB()) MB\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
