#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Byte searches over a string's UTF-8 with `memchr`, for checks that run on every text run of every page
/// (iterating `String.UTF8View` byte by byte was a visible share of the Markdown stage).
enum ByteSearch {
    /// Unicode scalars in `text`, counted on its UTF-8 (the scalar view walks a decoder).
    static func scalarCount(_ text: String) -> Int {
        var n = 0
        for b in text.utf8 where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// Whether `byte` occurs in `text`.
    static func contains(_ text: String, _ byte: UInt8) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { find(byte, in: $0, from: 0) != nil } ?? text.utf8.contains(byte)
    }

    /// Whether `byte` occurs twice in a row in `text` (`{{`).
    static func containsPair(_ text: String, _ byte: UInt8) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { buffer in
            var from = 0
            while let i = find(byte, in: buffer, from: from) {
                if i + 1 < buffer.count && buffer[i + 1] == byte { return true }
                from = i + 1
            }
            return false
        } ?? containsPairSlowly(text, byte)
    }

    /// Small strings live inside the string value and have no contiguous storage to hand out.
    private static func containsPairSlowly(_ text: String, _ byte: UInt8) -> Bool {
        var previous: UInt8 = 0
        for b in text.utf8 {
            if b == byte && previous == byte { return true }
            previous = b
        }
        return false
    }

    /// The first index at or after `from` holding `byte`.
    static func find(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < buffer.count, let base = buffer.baseAddress else { return nil }
        guard let hit = memchr(base + from, Int32(byte), buffer.count - from) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }
}
