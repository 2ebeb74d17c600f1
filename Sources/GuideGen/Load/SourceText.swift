import Foundation

/// A text file decoded for the pipeline: valid UTF-8, BOM removed, every line ending turned into `\n`.
///
/// Positions stay those of the original file: a BOM sits before column 1, and CRLF/CR only end lines.
public struct SourceText: Sendable {
    /// Path used in diagnostics, relative to the site root.
    public var path: String
    /// The normalized text.
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Decodes raw bytes, or explains (at a line and column) why they are not acceptable text.
    public static func decode(_ bytes: [UInt8], path: String) -> Result<SourceText, Diagnostic> {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        // Nearly every file is valid UTF-8 without NUL or CR: memchr for those two and the standard
        // library's validation are several times faster than the walk below, which finds the position of
        // a problem and rewrites line endings.
        let clean = bytes.withUnsafeBufferPointer { buffer -> Bool in
            let rest = UnsafeBufferPointer(rebasing: buffer[start...])
            return ByteSearch.find(0x00, in: rest, from: 0) == nil && ByteSearch.find(0x0D, in: rest, from: 0) == nil
        }
        if clean, let text = String(validating: bytes[start...], as: UTF8.self) {
            return .success(SourceText(path: path, text: text))
        }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count - start)
        var line = 1
        var column = 1
        var i = start
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0 {
                return .failure(
                    Diagnostic(
                        .error, .nulByte, at: SourceLocation(file: path, line: line, column: column),
                        "the file contains a NUL byte", help: "remove it; content files must be plain UTF-8 text"))
            }
            if b < 0x80 {
                if b == 0x0D {  // CR or CRLF → LF
                    out.append(0x0A)
                    if i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
                    line += 1
                    column = 1
                } else {
                    out.append(b)
                    if b == 0x0A {
                        line += 1
                        column = 1
                    } else {
                        column += 1
                    }
                }
                i += 1
                continue
            }
            let length = utf8SequenceLength(bytes, at: i)
            if length == 0 {
                return .failure(
                    Diagnostic(
                        .error, .invalidUTF8, at: SourceLocation(file: path, line: line, column: column),
                        String(format: "invalid UTF-8 (byte 0x%02X)", b),
                        help: "save the file as UTF-8; guidegen never guesses another encoding"))
            }
            out.append(contentsOf: bytes[i..<(i + length)])
            i += length
            column += 1
        }
        return .success(SourceText(path: path, text: String(decoding: out, as: UTF8.self)))
    }

    /// Length of the well-formed UTF-8 sequence starting at `i`, or 0 when it is malformed.
    private static func utf8SequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let n = b.count
        let c0 = b[i]
        func cont(_ k: Int) -> Bool { i + k < n && b[i + k] & 0xC0 == 0x80 }
        switch c0 {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1) && b[i + 1] >= 0xA0 && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1) && b[i + 1] < 0xA0 && cont(2) ? 3 : 0
        case 0xF0: return cont(1) && b[i + 1] >= 0x90 && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1) && b[i + 1] < 0x90 && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }
}

/// Finds lines of a text by number, for carets in diagnostics and positions of literals.
public struct LineIndex: Sendable {
    /// UTF-8 offset of the start of each line.
    public let lineStarts: [Int]
    public let text: String

    public init(_ text: String) {
        self.text = text
        var starts = [0]
        var offset = 0
        for b in text.utf8 {
            offset += 1
            if b == 0x0A { starts.append(offset) }
        }
        lineStarts = starts
    }

    /// The text of 1-based line `n` without its newline, or "" when out of range.
    public func line(_ n: Int) -> Substring {
        guard n >= 1, n <= lineStarts.count else { return "" }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[n - 1])
        var end = n < lineStarts.count ? utf8.index(utf8.startIndex, offsetBy: lineStarts[n] - 1) : utf8.endIndex
        if end < start { end = start }
        return text[start..<end]
    }

    /// 1-based line and scalar column of a UTF-8 offset.
    public func position(ofUTF8Offset offset: Int) -> (line: Int, column: Int) {
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let lineText = line(lo + 1).utf8
        let byteColumn = offset - lineStarts[lo]
        return (lo + 1, Self.scalarColumn(lineText, byteColumn: byteColumn + 1))
    }

    /// Converts a 1-based UTF-8 byte column (as cmark reports) to a 1-based scalar column.
    public static func scalarColumn(_ line: Substring.UTF8View, byteColumn: Int) -> Int {
        var scalars = 0
        var index = 0
        for b in line {
            if index >= byteColumn - 1 { break }
            if b & 0xC0 != 0x80 { scalars += 1 }
            index += 1
        }
        return scalars + 1
    }
}
