#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole file into bytes with POSIX calls: its size is known from `fstat` before anything is read,
/// so an oversized file is refused without being read, and the bytes land in the array they are decoded
/// from (no `Data` to copy them out of).
enum FileBytes {
    enum Failure: Error, Equatable {
        /// The file could not be opened or read (`errno`).
        case unreadable(Int32)
        /// The file is larger than the limit (its size in bytes).
        case tooLarge(Int)
        /// A device, FIFO or socket, not a regular file.
        case notAFile
    }

    static func contents(of path: String, limit: Int) -> Result<[UInt8], Failure> {
        // Non-blocking, so that opening a FIFO (a link to one passes the folder walk) cannot hang the build;
        // it makes no difference to a regular file.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(.unreadable(errno)) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { return .failure(.unreadable(errno)) }
        guard status.st_mode & S_IFMT == S_IFREG else { return .failure(.notAFile) }
        let size = Int(status.st_size)
        if size > limit { return .failure(.tooLarge(size)) }
        // One byte more than the size, so a file that grew since `fstat` is seen to have (and read on).
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > limit { return .failure(.tooLarge(count)) }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, count)))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in read(fd, buffer.baseAddress! + count, buffer.count - count) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(errno))
            }
            if got == 0 { break }
            count += got
        }
        if count > limit { return .failure(.tooLarge(count)) }
        bytes.removeLast(bytes.count - count)
        return .success(bytes)
    }
}
