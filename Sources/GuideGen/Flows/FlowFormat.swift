/// Text helpers shared by the SVG and HTML writers: fixed-decimal numbers (so output is
/// byte-identical run to run) and XML escaping (labels are untrusted author text).
enum FlowFormat {
    /// Formats a coordinate with exactly one decimal ("12.0", "-3.5"); never "-0.0".
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0.0" }
        let tenths = (value * 10).rounded()
        guard abs(tenths) < 1e15 else { return "0.0" }
        var units = Int(tenths)
        if units == 0 { return "0.0" }
        let negative = units < 0
        if negative { units = -units }
        return (negative ? "-" : "") + String(units / 10) + "." + String(units % 10)
    }

    /// Formats a point as "x,y".
    static func point(_ point: FlowPoint) -> String {
        number(point.x) + "," + number(point.y)
    }

    /// Escapes `&`, `<`, `>`, `"` and `'`, and replaces characters XML 1.0 forbids with U+FFFD.
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            case "\t", "\n", "\r": out.append(" ")
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF || (0x7F...0x9F).contains(value) {
                    out.append("\u{FFFD}")
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    /// Collapses whitespace runs to single spaces and trims the ends.
    static func collapseSpaces(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
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
