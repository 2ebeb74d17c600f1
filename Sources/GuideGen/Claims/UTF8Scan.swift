/// Byte-level helpers shared by the claims scanners, which all work on a string's UTF-8 bytes so that
/// offsets line up with cmark's source positions and no `Character` is ever built in a hot loop.
enum UTF8Scan {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// East Asian wide and full-width characters (Hangul, kana, CJK ideographs and punctuation, full-width
    /// forms): two terminal cells, one em in a flow label.
    @inline(__always)
    static func isEastAsianWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default: return false
        }
    }

    /// Runs `body` over the UTF-8 bytes of `text`, copying only when the string is not stored contiguously
    /// (a bridged string); native Swift strings are read in place.
    @inline(__always)
    static func withBytes<R>(_ text: String, _ body: (Bytes) throws -> R) rethrows -> R {
        if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return try copy.withUTF8(body)
    }

    /// `withBytes` for a slice (a page's body is a slice of its file's text).
    @inline(__always)
    static func withBytes<R>(_ text: Substring, _ body: (Bytes) throws -> R) rethrows -> R {
        if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = String(text)
        return try copy.withUTF8(body)
    }

    /// How many bytes the UTF-8 sequence that `lead` starts is long (1 for ASCII).
    @inline(__always)
    static func sequenceLength(lead: UInt8) -> Int { lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2 }

    /// The scalar whose lead byte is at `i`, and its length in bytes. Swift strings hold valid UTF-8, so the
    /// continuation bytes are there; a truncated sequence decodes as U+FFFD rather than reading past the end.
    @inline(__always)
    static func scalar(_ b: Bytes, at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let b0 = UInt32(b[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        let length = sequenceLength(lead: UInt8(b0))
        guard i + length <= b.count else { return ("\u{FFFD}", 1) }
        var value: UInt32
        switch length {
        case 2: value = (b0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
        case 3: value = (b0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
        default:
            value = (b0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
            value |= UInt32(b[i + 3] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The scalar that ends just before byte `i` and the offset where it starts, or nil at the start.
    @inline(__always)
    static func scalar(_ b: Bytes, before i: Int) -> (scalar: Unicode.Scalar, start: Int)? {
        guard i > 0 else { return nil }
        var start = i - 1
        // At most three continuation bytes precede a lead byte.
        while start > 0, i - start < 4, b[start] & 0xC0 == 0x80 { start -= 1 }
        return (scalar(b, at: start).scalar, start)
    }

    /// The scalar at `i`, or nil at the end of the bytes.
    @inline(__always)
    static func scalar(_ b: Bytes, ifAt i: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        i < b.count ? scalar(b, at: i) : nil
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 }

    /// Unicode White_Space, spelled out: `scalar.properties.isWhitespace` looks the scalar up in the
    /// property tables, which is most of the cost of a check per character.
    /// Whether `bytes` end in a CJK-wide character (U+2E80 and up), the class between whose members a line
    /// break is no space (prose text, the search index).
    static func endsWide(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { scalar($0, before: $0.count).map { $0.scalar.value >= 0x2E80 } ?? false }
    }

    @inline(__always) static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x20: true
        case 0..<0x85: false
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
    /// ASCII letters and digits: what a Latin word is made of for boundary checks.
    @inline(__always) static func isWordByte(_ c: UInt8) -> Bool { isDigit(c) || isLetter(c) }
    @inline(__always) static func lowercased(_ c: UInt8) -> UInt8 { c &- 0x41 < 26 ? c | 0x20 : c }

    /// The decimal digit at `i`, ASCII (`5`) or full-width (`５`, U+FF15), and its length in bytes.
    @inline(__always)
    static func digit(_ b: Bytes, at i: Int) -> (value: Int, length: Int)? {
        guard i < b.count else { return nil }
        let c = b[i]
        if isDigit(c) { return (Int(c &- 0x30), 1) }
        // Full-width digits U+FF10…FF19 are EF BC 90…99.
        if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBC, b[i + 2] &- 0x90 < 10 { return (Int(b[i + 2] &- 0x90), 3) }
        return nil
    }

    /// The end of the run of ASCII letters starting at `i`.
    @inline(__always)
    static func letterRunEnd(_ b: Bytes, from i: Int) -> Int {
        var j = i
        while j < b.count, isLetter(b[j]) { j += 1 }
        return j
    }

    /// Whether `b[range]` equals `word` (lowercase ASCII), ignoring ASCII case.
    @inline(__always)
    static func equalsIgnoringCase(_ b: Bytes, _ range: Range<Int>, _ word: [UInt8]) -> Bool {
        guard range.count == word.count else { return false }
        var k = 0
        for i in range {
            if lowercased(b[i]) != word[k] { return false }
            k += 1
        }
        return true
    }

    /// Whether the bytes at `i` start with `prefix` exactly.
    @inline(__always)
    static func hasPrefix<Prefix: RandomAccessCollection<UInt8>>(_ b: Bytes, at i: Int, _ prefix: Prefix) -> Bool
    where Prefix.Index == Int {
        guard i + prefix.count <= b.count else { return false }
        let start = prefix.startIndex
        var k = 0
        while k < prefix.count {
            if b[i + k] != prefix[start + k] { return false }
            k += 1
        }
        return true
    }

    /// Skips ASCII spaces and tabs and the no-break and ideographic spaces that sit between a number and
    /// its unit ("15 天", "15 days").
    @inline(__always)
    static func skipSpaces(_ b: Bytes, from i: Int) -> Int {
        var j = i
        while j < b.count {
            let c = b[j]
            if c == 0x20 || c == 0x09 {
                j += 1
            } else if c == 0xC2, j + 1 < b.count, b[j + 1] == 0xA0 {
                j += 2
            } else if c == 0xE3, j + 2 < b.count, b[j + 1] == 0x80, b[j + 2] == 0x80 {
                j += 3
            } else {
                break
            }
        }
        return j
    }

    /// Steps back over the same spaces as `skipSpaces`, returning the offset just after the previous
    /// non-space; looks back at most `limit` bytes so callers stay O(1).
    @inline(__always)
    static func skipSpacesBackward(_ b: Bytes, from i: Int, limit: Int = 8) -> Int {
        var j = i
        while j > 0, i - j < limit {
            if b[j - 1] == 0x20 || b[j - 1] == 0x09 {
                j -= 1
            } else if j >= 2, b[j - 2] == 0xC2, b[j - 1] == 0xA0 {
                j -= 2
            } else if j >= 3, b[j - 3] == 0xE3, b[j - 2] == 0x80, b[j - 1] == 0x80 {
                j -= 3
            } else {
                break
            }
        }
        return j
    }

    /// The ASCII word (letters only) that ends at `end`, if it is at most `maxLength` letters long and
    /// starts at a word boundary.
    @inline(__always)
    static func wordEnding(_ b: Bytes, at end: Int, maxLength: Int = 10) -> Range<Int>? {
        var start = end
        while start > 0, isLetter(b[start - 1]) {
            start -= 1
            if end - start > maxLength { return nil }
        }
        guard start < end else { return nil }
        if start > 0, isDigit(b[start - 1]) { return nil }
        return start..<end
    }
}
