/// Text helpers shared by the SVG and HTML writers: fixed-decimal numbers (so output is
/// byte-identical run to run) and XML escaping (labels are untrusted author text).
enum FlowFormat {
    /// Formats a coordinate with exactly one decimal ("12.0", "-3.5"); never "-0.0".
    static func number(_ value: Double) -> String {
        var writer = FlowWriter(capacity: 16)
        writer.number(value)
        return writer.string
    }

    /// Formats a point as "x,y".
    static func point(_ point: FlowPoint) -> String {
        var writer = FlowWriter(capacity: 32)
        writer.point(point)
        return writer.string
    }

    /// Escapes `&`, `<`, `>`, `"` and `'`, and replaces characters XML 1.0 forbids with U+FFFD.
    static func escape(_ text: String) -> String {
        var writer = FlowWriter(capacity: text.utf8.count + 16)
        writer.escaped(text)
        return writer.string
    }

    /// A String of scalars, encoded to UTF-8 by hand: `String.UnicodeScalarView.append` costs tens of
    /// instructions per scalar.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var writer = FlowWriter(capacity: scalars.count * 3)
        for scalar in scalars { writer.append(scalar: scalar) }
        return writer.string
    }

    /// Collapses whitespace runs to single spaces and trims the ends.
    static func collapseSpaces(_ text: String) -> String {
        // Most labels are already collapsed: check first and return them without a copy.
        var previousSpace = true  // a leading space counts as doubled
        var clean = true
        for scalar in text.unicodeScalars {
            if scalar == " " {
                if previousSpace {
                    clean = false
                    break
                }
                previousSpace = true
            } else if FlowTextMeasure.isWhitespace(scalar) {
                clean = false
                break
            } else {
                previousSpace = false
            }
        }
        if clean, !previousSpace || text.isEmpty { return text }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if FlowTextMeasure.isWhitespace(scalar) {
                pendingSpace = true
                continue
            }
            if pendingSpace, !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        return String(out)
    }
}

/// Builds output as UTF-8 bytes: appending literals, numbers and escaped text to one buffer is much
/// cheaper than String interpolation and concatenation (flows are drawn on every page build).
struct FlowWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// The bytes written, as a String.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends text as it is (it must already be safe where it goes).
    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends one scalar, UTF-8 encoded.
    @inline(__always)
    mutating func append(scalar: Unicode.Scalar) {
        let v = scalar.value
        if v < 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v))
        } else if v < 0x800 {
            bytes.append(UInt8(truncatingIfNeeded: 0xC0 | v >> 6))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | v & 0x3F))
        } else if v < 0x10000 {
            bytes.append(UInt8(truncatingIfNeeded: 0xE0 | v >> 12))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | v & 0x3F))
        } else {
            bytes.append(UInt8(truncatingIfNeeded: 0xF0 | v >> 18))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | v >> 12 & 0x3F))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | v & 0x3F))
        }
    }

    /// Appends a non-negative integer in decimal.
    mutating func append(integer value: Int) {
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(truncatingIfNeeded: 0x30 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// A rectangle's `x`, `y`, `width` and `height` values, continuing an open `x="` and leaving the last
    /// attribute's quote open, as the callers go on with more attributes.
    mutating func rectangle(_ frame: FlowRect) {
        number(frame.x)
        append("\" y=\"")
        number(frame.y)
        append("\" width=\"")
        number(frame.width)
        append("\" height=\"")
        number(frame.height)
    }

    /// A coordinate with exactly one decimal ("12.0", "-3.5"); never "-0.0".
    mutating func number(_ value: Double) {
        guard value.isFinite else { return append("0.0") }
        let tenths = (value * 10).rounded()
        guard abs(tenths) < 1e15 else { return append("0.0") }
        var units = Int(tenths)
        if units == 0 { return append("0.0") }
        if units < 0 {
            bytes.append(UInt8(ascii: "-"))
            units = -units
        }
        append(integer: units / 10)
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(truncatingIfNeeded: 0x30 + units % 10))
    }

    /// A point as "x,y".
    mutating func point(_ point: FlowPoint) {
        number(point.x)
        bytes.append(UInt8(ascii: ","))
        number(point.y)
    }

    /// Appends text with `&`, `<`, `>`, `"` and `'` escaped, tabs and line breaks as spaces, and the
    /// characters XML 1.0 forbids (C0 and C1 controls, U+FFFE, U+FFFF) as U+FFFD.
    mutating func escaped(_ text: String) {
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case UInt8(ascii: "\""): append("&quot;")
            case UInt8(ascii: "'"): append("&#39;")
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): bytes.append(0x20)
            case 0..<0x20, 0x7F: append("\u{FFFD}")
            case 0xC2:
                // U+0080…U+009F (C1 controls) are C2 80…C2 9F.
                guard let next = utf8.next() else { return }
                if (0x80...0x9F).contains(next) {
                    append("\u{FFFD}")
                } else {
                    bytes.append(byte)
                    bytes.append(next)
                }
            case 0xEF:
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                guard let second = utf8.next() else { return }
                guard let third = utf8.next() else { return }
                if second == 0xBF, third == 0xBE || third == 0xBF {
                    append("\u{FFFD}")
                } else {
                    bytes.append(byte)
                    bytes.append(second)
                    bytes.append(third)
                }
            default: bytes.append(byte)
            }
        }
    }
}
