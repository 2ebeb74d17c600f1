import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a rendered site to disk atomically: everything goes to a staging folder beside the target,
/// which replaces the target only when complete. A failed build leaves the previous output as it was.
public struct OutputWriter: Sendable {
    /// The name of the marker file that says guidegen owns a folder.
    public static let marker = ".guidegen"

    /// Folders the output may never be, contain, or sit inside (content, templates).
    public var protectedFolders: [URL]
    /// Folders the output may never be or contain (the project root); inside them is fine.
    public var rootFolders: [URL]

    public init(protectedFolders: [URL], rootFolders: [URL] = []) {
        self.protectedFolders = protectedFolders
        self.rootFolders = rootFolders
    }

    /// Why an output folder is refused, or nil when it is safe to replace.
    public func refusal(for output: URL) -> String? {
        let path = output.standardizedFileURL.path
        let fm = FileManager.default
        if path == "/" || path.isEmpty { return "refusing to write the site to `/`" }
        let home = fm.homeDirectoryForCurrentUser.standardizedFileURL.path
        if path == home { return "refusing to replace your home folder" }
        if let attributes = try? fm.attributesOfItem(atPath: path), attributes[.type] as? FileAttributeType == .typeSymbolicLink {
            return "`\(path)` is a symbolic link; guidegen does not replace links"
        }
        let real = output.standardizedFileURL.resolvingSymlinksInPath().path
        for folder in protectedFolders {
            let p = folder.standardizedFileURL.resolvingSymlinksInPath().path
            if real == p || p.hasPrefix(real + "/") { return "`\(path)` holds `\(p)`; choose another --output" }
            if real.hasPrefix(p + "/") { return "`\(path)` is inside `\(p)`; choose another --output" }
        }
        for folder in rootFolders {
            let p = folder.standardizedFileURL.resolvingSymlinksInPath().path
            if real == p || p.hasPrefix(real + "/") { return "`\(path)` is or holds the project folder `\(p)`; choose another --output" }
        }
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { return "`\(path)` is a file, not a folder" }
            let entries = (try? fm.contentsOfDirectory(atPath: path)) ?? []
            if !entries.isEmpty && !entries.contains(Self.marker) {
                return
                    "`\(path)` is not empty and was not written by guidegen (no `\(Self.marker)` marker); move it away or choose another --output"
            }
        }
        return nil
    }

    /// Starts a build's output: checks the target, clears what a killed build left and creates the staging
    /// folder, which `OutputStaging.commit` later swaps in (or `discard` removes).
    public func begin(_ output: URL) throws -> OutputStaging {
        if let reason = refusal(for: output) { throw WriteError(message: reason) }
        let fm = FileManager.default
        let target = output.standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        cleanLeftovers(in: parent, name: name)
        let staging = parent.appendingPathComponent(".guidegen-staging-\(name)-\(getpid())")
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw WriteError(message: "cannot create `\(staging.path)`: \(error.localizedDescription)")
        }
        // The previous output (already checked to be guidegen's or empty): unchanged files are linked from it.
        var isDirectory: ObjCBool = false
        let previous = fm.fileExists(atPath: target.path, isDirectory: &isDirectory) && isDirectory.boolValue ? target : nil
        return OutputStaging(target: target, staging: staging, previous: previous)
    }

    /// Writes `files` (output-relative path → bytes) to `output`, replacing it in one step.
    public func write(_ files: [String: [UInt8]], to output: URL) throws {
        let staging = try begin(output)
        let paths = files.keys.sorted()
        _ = ParallelMap.map(paths) { path in staging.write(path, files[path]!) }
        if let failure = staging.failure {
            staging.discard()
            throw WriteError(message: failure)
        }
        try staging.commit()
    }

    /// Removes staging and old folders left by a build that was killed; if the kill came between the two
    /// renames of the swap, the previous output is put back first.
    func cleanLeftovers(in parent: URL, name: String) {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        let target = parent.appendingPathComponent(name)
        for entry in entries.sorted() where entry.hasPrefix(".guidegen-old-\(name)-") {
            let old = parent.appendingPathComponent(entry)
            if !fm.fileExists(atPath: target.path) { try? fm.moveItem(at: old, to: target) } else { try? fm.removeItem(at: old) }
        }
        for entry in entries where entry.hasPrefix(".guidegen-staging-\(name)-") {
            try? fm.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    /// Deletes a folder, its top-level entries in parallel (never following links: a link is removed as
    /// a link).
    static func removeTree(_ folder: URL) {
        let fm = FileManager.default
        let entries = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
        _ = ParallelMap.map(entries) { entry in try? FileManager.default.removeItem(atPath: folder.path + "/" + entry) }
        try? fm.removeItem(at: folder)
    }

    /// Writes bytes with plain POSIX calls: the staging folder already makes the build atomic, so the
    /// per-file temporary file and fsync of `FileManager.createFile` would only cost time.
    static func writeFile(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            written += n
        }
        return true
    }

    /// A relative path with no `..`, no absolute start and no backslash.
    static func isSafeRelativePath(_ path: String) -> Bool {
        // Bytes, not Characters: every written file is checked, and a `\\` or NUL is refused even where
        // a combining mark would make it part of a larger Character.
        UTF8Scan.withBytes(path) { b in
            guard let first = b.first, first != 0x2F else { return false }
            var segmentStart = 0
            for i in 0...b.count {
                if i == b.count || b[i] == 0x2F {
                    if i - segmentStart == 2, b[segmentStart] == 0x2E, b[segmentStart + 1] == 0x2E { return false }
                    segmentStart = i + 1
                } else if b[i] == 0x5C || b[i] == 0 {
                    return false
                }
            }
            return true
        }
    }

    /// A reason the output could not be written.
    public struct WriteError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}

/// A staging folder filled while pages render (from any thread); the output is replaced only by `commit`.
public final class OutputStaging: @unchecked Sendable {
    /// The folder the site goes to.
    public let target: URL
    let staging: URL
    /// `staging.path`, computed once: `URL.path` builds a new string each call.
    private let stagingPath: String
    /// The path of the output being replaced, whose unchanged files are hard-linked instead of written again.
    private let previousPath: String?
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    private var firstFailure: String?
    private var htmlFiles = 0

    private var linked = 0

    init(target: URL, staging: URL, previous: URL? = nil) {
        self.target = target
        self.staging = staging
        self.stagingPath = staging.path
        self.previousPath = previous?.path
    }

    /// How many files were unchanged and linked from the previous output.
    public var filesLinked: Int { lock.withLock { linked } }

    /// The first write that failed, if any.
    public var failure: String? { lock.withLock { firstFailure } }
    /// How many `.html` files were written.
    public var pagesWritten: Int { lock.withLock { htmlFiles } }

    /// Writes one file (creating its folders); a failure is kept for `failure` and later writes go on.
    @Sendable public func write(_ path: String, _ bytes: [UInt8]) {
        guard OutputWriter.isSafeRelativePath(path) else {
            fail("refusing to write outside the output folder: `\(path)`")
            return
        }
        if let slash = path.utf8.lastIndex(of: 0x2F), let reason = makeFolders(String(path[..<slash])) {
            fail(reason)
            return
        }
        if let previousPath, Self.linkIfUnchanged(previousPath + "/" + path, to: stagingPath + "/" + path, bytes) {
            lock.withLock {
                linked += 1
                if path.hasSuffix(".html") { htmlFiles += 1 }
            }
            return
        }
        guard OutputWriter.writeFile(stagingPath + "/" + path, bytes) else {
            fail("cannot write `\(path)` (disk full or read-only?)")
            return
        }
        if path.hasSuffix(".html") { lock.withLock { htmlFiles += 1 } }
    }

    /// Hard-links `old` to `new` when `old` is a regular file holding exactly `bytes`. An unchanged file then
    /// costs a read instead of a new inode and a write (and the old tree's deletion frees nothing), which is
    /// what makes rebuilds on disk cheap: allocating inodes right after many were freed is slow on ext4.
    static func linkIfUnchanged(_ old: String, to new: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(old, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        return sameBytes(fd, bytes) && link(old, new) == 0
    }

    /// Whether the rest of the file `fd` holds exactly `bytes`. Read in chunks into one uninitialized
    /// buffer and compared with `memcmp`: the old whole-file copy was zero-filled first and compared
    /// element by element (3 % of a rebuild's CPU), and a changed page now stops at its first chunk.
    static func sameBytes(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        let chunk = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: min(max(bytes.count, 1), chunk), alignment: 16)
        defer { buffer.deallocate() }
        return bytes.withUnsafeBytes { expected in
            var done = 0
            while done < expected.count {
                let n = read(fd, buffer, min(chunk, expected.count - done))
                if n < 0 && errno == EINTR { continue }
                guard n > 0, memcmp(buffer, expected.baseAddress! + done, n) == 0 else { return false }
                done += n
            }
            // A file that grew since `fstat` is not the same file.
            return read(fd, buffer, 1) == 0
        }
    }

    /// Creates a folder and its parents inside the staging folder, once each. Only the set of made
    /// folders is read and updated under the lock: `mkdir` itself runs unlocked, so threads writing pages
    /// into new folders (one per page with pretty URLs) do not queue behind each other's system calls. Each
    /// thread makes the parents in order, and `EEXIST` from a folder another thread just made is success.
    private func makeFolders(_ folder: String) -> String? {
        if lock.withLock({ folders.contains(folder) }) { return nil }
        var prefix = ""
        for part in folder.utf8.split(separator: 0x2F) {
            prefix += prefix.isEmpty ? String(Substring(part)) : "/" + Substring(part)
            if lock.withLock({ folders.contains(prefix) }) { continue }
            if mkdir(stagingPath + "/" + prefix, 0o755) != 0 && errno != EEXIST {
                return "cannot create `\(prefix)`: \(String(cString: strerror(errno)))"
            }
            let made = prefix
            lock.withLock { _ = folders.insert(made) }
        }
        return nil
    }

    private func fail(_ message: String) {
        lock.withLock { if firstFailure == nil { firstFailure = message } }
    }

    /// Removes the staging folder; the output stays as it was.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Swaps the finished folder in; the old one is deleted only after the new one is in place. What the
    /// author put in the output's top level (a `.git` worktree for gh-pages, `CNAME`, `.nojekyll`) is moved
    /// into the new output, as Hugo leaves such files alone: the marker lists the top-level entries guidegen
    /// wrote, and anything else there is the author's.
    public func commit() throws {
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        let old = parent.appendingPathComponent(".guidegen-old-\(target.lastPathComponent)-\(getpid())")
        let existed = fm.fileExists(atPath: target.path)
        let written = ((try? fm.contentsOfDirectory(atPath: stagingPath)) ?? []).sorted()
        writeMarker(listing: written)
        var carried: [String] = []
        if existed {
            for name in Self.authorsEntries(in: target.path, besides: Set(written))
            where rename(target.path + "/" + name, stagingPath + "/" + name) == 0 {
                carried.append(name)
            }
        }
        do {
            if existed { try fm.moveItem(at: target, to: old) }
            try fm.moveItem(at: staging, to: target)
        } catch {
            if existed, !fm.fileExists(atPath: target.path) { try? fm.moveItem(at: old, to: target) }
            for name in carried { _ = rename(stagingPath + "/" + name, target.path + "/" + name) }
            discard()
            throw OutputWriter.WriteError(message: "cannot replace `\(target.path)`: \(error.localizedDescription)")
        }
        if existed { OutputWriter.removeTree(old) }
    }

    /// The marker, with the top-level entries this build wrote (the next build keeps every other one).
    private func writeMarker(listing names: [String]) {
        var text = "This folder was written by guidegen; `guidegen build` may replace it.\n"
        text += "Other files at its top level (CNAME, .nojekyll, .git) are the author's and are kept.\n"
        for name in names where name != OutputWriter.marker { text += "written: \(name)\n" }
        let path = stagingPath + "/" + OutputWriter.marker
        // It may be a hard link to the previous output's marker (unchanged files are linked): never write
        // through it.
        unlink(path)
        _ = OutputWriter.writeFile(path, Array(text.utf8))
    }

    /// Top-level entries of the output at `path` that guidegen did not write: neither in the previous marker's
    /// list nor written now. A marker without a list (an older guidegen's) names nothing: only hidden
    /// entries, which guidegen never writes, are kept then.
    static func authorsEntries(in path: String, besides written: Set<String>) -> [String] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [] }
        let marker = (try? String(contentsOfFile: path + "/" + OutputWriter.marker, encoding: .utf8)) ?? ""
        let listed = marker.split(separator: "\n").filter { $0.hasPrefix("written: ") }.map { String($0.dropFirst(9)) }
        let previouslyWritten = Set(listed)
        return entries.sorted().filter { name in
            guard name != OutputWriter.marker, !written.contains(name), !name.hasPrefix(".guidegen") else { return false }
            return listed.isEmpty ? name.hasPrefix(".") : !previouslyWritten.contains(name)
        }
    }
}
