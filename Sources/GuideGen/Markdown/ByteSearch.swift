import Foundation

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Byte searches over UTF-8 with `memchr`, for checks that run on every text run of every page
/// (iterating `String.UTF8View` byte by byte was a visible share of the Markdown stage).
enum ByteSearch {
    /// Unicode scalars in valid UTF-8 (every byte that does not continue a sequence starts one).
    static func scalarCount(_ bytes: some Sequence<UInt8>) -> Int {
        var n = 0
        for b in bytes where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// Unicode scalars in `text`, counted on its UTF-8 in place (the scalar view walks a decoder, and
    /// `String.UTF8View`'s iterator costs several instructions a byte; a buffer loop vectorizes).
    static func scalarCount(_ text: String) -> Int {
        UTF8Scan.withBytes(text) { scalarCount($0) }
    }

    /// `scalarCount` over a buffer: the bytes that are not UTF-8 continuation bytes (`10xxxxxx`), eight at a
    /// time (the byte loop was not vectorized: 3.4 instructions a byte).
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return 0 }
        let highs: UInt64 = 0x8080_8080_8080_8080
        var continuations = 0
        var i = 0
        while i + 8 <= bytes.count {
            let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // Bit 7 set and bit 6 clear: shifted left by one, each byte's bit 6 lands on its bit 7.
            continuations &+= (word & ~(word << 1) & highs).nonzeroBitCount
            i += 8
        }
        while i < bytes.count {
            if bytes[i] & 0xC0 == 0x80 { continuations &+= 1 }
            i += 1
        }
        return bytes.count - continuations
    }

    /// Whether every byte is ASCII, eight at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
        var seen: UInt64 = 0
        var i = 0
        while i + 8 <= bytes.count {
            seen |= base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < bytes.count {
            seen |= UInt64(bytes[i])
            i += 1
        }
        return seen & 0x8080_8080_8080_8080 == 0
    }

    /// Whether `byte` occurs in `text`.
    static func contains(_ text: String, _ byte: UInt8) -> Bool {
        UTF8Scan.withBytes(text) { find(byte, in: $0, from: 0) != nil }
    }

    /// Whether `byte` occurs twice in a row in `text` (`{{`).
    static func containsPair(_ text: String, _ byte: UInt8) -> Bool {
        UTF8Scan.withBytes(text) { containsPair($0, byte) }
    }

    /// Whether `byte` occurs twice in a row in `bytes`.
    static func containsPair(_ bytes: UnsafeBufferPointer<UInt8>, _ byte: UInt8) -> Bool {
        var from = 0
        while let i = find(byte, in: bytes, from: from), i + 1 < bytes.count {
            if bytes[i + 1] == byte { return true }
            from = i + 2
        }
        return false
    }

    /// Where `needle` first occurs in `haystack`.
    static func firstIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first else { return nil }
        var from = 0
        while let i = find(first, in: haystack, from: from), i + needle.count <= haystack.count {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            from = i + 1
        }
        return nil
    }

    /// `text` without leading and trailing white space (Foundation's `.whitespaces`, or with `newlines:`
    /// `.whitespacesAndNewlines`). Text whose first and last scalars are not Unicode White_Space (a
    /// superset of both sets), nearly all of it, is returned as it is, without Foundation's NSString walk.
    static func trimmed(_ text: String, newlines: Bool = false) -> String {
        let needsTrim = UTF8Scan.withBytes(text) { bytes -> Bool in
            guard !bytes.isEmpty, let last = UTF8Scan.scalar(bytes, before: bytes.count) else { return false }
            return UTF8Scan.isWhitespace(UTF8Scan.scalar(bytes, at: 0).scalar) || UTF8Scan.isWhitespace(last.scalar)
        }
        return needsTrim ? text.trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces) : text
    }

    /// The first index at or after `from` holding `byte`.
    static func find(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        find(byte, in: buffer, from: from, to: buffer.count)
    }

    /// The first index in `from..<to` holding `byte`.
    static func find(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int? {
        guard from < end, end <= buffer.count, let base = buffer.baseAddress else { return nil }
        guard let hit = memchr(base + from, Int32(byte), end - from) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }
}
