/// HTML escaping for text and attribute values.
public enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'`.
    public static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 32)
        for byte in s.utf8 {
            switch byte {
            case 0x26: out += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
            case 0x3C: out += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
            case 0x3E: out += [0x26, 0x67, 0x74, 0x3B]  // &gt;
            case 0x22: out += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
            case 0x27: out += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` escaped as by `escape` to UTF-8 bytes; runs without special bytes are copied whole.
    public static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        let copied: Void? = s.utf8.withContiguousStorageIfAvailable { bytes in
            var runStart = 0
            for (i, byte) in bytes.enumerated() {
                let entity: [UInt8]
                switch byte {
                case 0x26: entity = [0x26, 0x61, 0x6D, 0x70, 0x3B]
                case 0x3C: entity = [0x26, 0x6C, 0x74, 0x3B]
                case 0x3E: entity = [0x26, 0x67, 0x74, 0x3B]
                case 0x22: entity = [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]
                case 0x27: entity = [0x26, 0x23, 0x33, 0x39, 0x3B]
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                out += entity
                runStart = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        if copied == nil { out += escape(s).utf8 }  // small strings have no contiguous storage to lend
    }
}
