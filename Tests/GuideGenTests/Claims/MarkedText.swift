/// Test input written with «…» around each span a test expects (swift-format's marked-text style), so a case
/// reads as the prose it checks: `"售后期为«15天»"`.
struct MarkedText {
    /// The text with the markers removed.
    let text: String
    /// The marked spans, as UTF-8 byte offsets into `text`.
    let ranges: [Range<Int>]

    init(_ marked: String) {
        var text = ""
        var ranges: [Range<Int>] = []
        var start: Int?
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "«": start = text.utf8.count
            case "»":
                ranges.append(start!..<text.utf8.count)
                start = nil
            default: text.unicodeScalars.append(scalar)
            }
        }
        precondition(start == nil, "unclosed « in \(marked)")
        self.text = text
        self.ranges = ranges
    }

    /// The text of `range` (UTF-8 byte offsets) in `text`, to show ranges readably.
    static func slice(_ text: String, _ range: Range<Int>) -> String {
        String(decoding: Array(text.utf8)[range], as: UTF8.self)
    }
}
