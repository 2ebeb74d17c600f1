import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Polls folders for changed files (path, size, modification time) so `serve` can rebuild; no inotify,
/// so it works the same on every file system, at the cost of one `stat` per file per poll.
final class FileWatcher: @unchecked Sendable {
    /// What a file looked like at one poll: size in bytes and modification time in nanoseconds.
    struct Stamp: Equatable, Sendable {
        var size: Int64
        var modified: Int64
        var inode: UInt64
    }

    /// Absolute path → stamp of every watched file.
    typealias Snapshot = [String: Stamp]

    let roots: [URL]
    /// Time between polls, in milliseconds.
    let interval: Int
    /// Quiet time a change must be followed by before a rebuild, in milliseconds.
    let debounce: Int

    init(roots: [URL], interval: Int = 300, debounce: Int = 100) {
        self.roots = roots.map(\.standardizedFileURL)
        self.interval = interval
        self.debounce = debounce
    }

    /// Every file under the roots; like the pipeline's readers it skips names starting with a dot (editor
    /// swap files, `.DS_Store`) and does not descend into linked folders, so a link loop cannot hang it.
    func snapshot() -> Snapshot {
        var out: Snapshot = [:]
        var visited = Set<String>()
        for root in roots {
            var stack = [root.path]
            while let dir = stack.popLast() {
                guard visited.insert(dir).inserted, let entries = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
                    continue
                }
                for name in entries where !name.hasPrefix(".") {
                    let path = dir + "/" + name
                    var info = stat()
                    guard lstat(path, &info) == 0 else { continue }
                    let type = info.st_mode & S_IFMT
                    if type == S_IFDIR {
                        stack.append(path)
                        continue
                    }
                    if type == S_IFLNK {
                        // A linked file counts by its target's stamp; a linked folder only by the link.
                        var target = stat()
                        if stat(path, &target) == 0, target.st_mode & S_IFMT != S_IFDIR { info = target }
                    }
                    out[path] = Self.stamp(info)
                }
            }
        }
        return out
    }

    static func stamp(_ info: stat) -> Stamp {
        #if canImport(Darwin)
            let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
            let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        return Stamp(size: Int64(info.st_size), modified: modified, inode: UInt64(info.st_ino))
    }

    /// Polls until `shouldStop` returns true, calling `onChange` (on the polling thread) once the files have
    /// been quiet for the debounce time; changes made while `onChange` runs trigger another call.
    func run(shouldStop: () -> Bool, onChange: () -> Void) {
        var baseline = snapshot()
        while !shouldStop() {
            usleep(useconds_t(interval * 1000))
            var current = snapshot()
            guard current != baseline else { continue }
            // Debounce: editors often write a file in several steps; wait until two polls agree (at most 2 s).
            for _ in 0..<20 {
                usleep(useconds_t(debounce * 1000))
                let again = snapshot()
                if again == current { break }
                current = again
            }
            if shouldStop() { return }
            baseline = current
            onChange()
        }
    }
}
