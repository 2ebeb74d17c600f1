import Testing

@testable import GuideGen

@Suite("Flow text measure")
struct FlowTextMeasureTests {
    let measure = FlowTextMeasure()

    /// A number and its unit stay on one line, across a space too, and a two-character unit is never cut:
    /// labels wrapped as "卖家 48 小" / "时内处理?" and "72" / "小时".
    @Test func numbersKeepTheirUnits() {
        let measure = FlowTextMeasure()
        // From 64 px: narrower, a unit wider than the line is cut between characters, as any long word is.
        for width in stride(from: 64.0, through: 160.0, by: 4) {
            for text in ["卖家 48 小时内处理?", "平台介入后 72 小时内给出结果", "两个月内", "3 个工作日到账"] {
                let lines = measure.wrap(text, maxWidth: width)
                for (a, b) in zip(lines, lines.dropFirst()) {
                    let seam = String(a.suffix(1)) + String(b.prefix(1))
                    #expect(!["小时", "个月", "工作", "作日"].contains(seam), "\(text) at \(width): \(lines)")
                    #expect(!(a.last?.isNumber == true && "小个天".contains(b.first ?? " ")), "\(text) at \(width): \(lines)")
                }
            }
        }
    }

    /// A word or URL wider than the line breaks after a `-` or `/` that leaves the line at least half full,
    /// not in the middle of a word ("Supercalifragilisticexpialid" / "ocious-…"); with none, between characters.
    @Test func longWordsBreakAfterHyphensAndSlashes() {
        let lines = measure.wrap("Supercalifragilistic-refund-request-identifier", maxWidth: 150)
        #expect(lines.count > 1)
        for line in lines.dropLast() { #expect(line.hasSuffix("-"), "\(lines)") }
        #expect(lines.joined() == "Supercalifragilistic-refund-request-identifier")
        for line in lines { #expect(measure.width(of: line) <= 150, "\(lines)") }
        let url = measure.wrap("https://consumer.taobao.com/rules/after-sales", maxWidth: 150)
        #expect(
            url.joined() == "https://consumer.taobao.com/rules/after-sales" && url.dropLast().allSatisfy { "/.-".contains($0.last!) },
            "\(url)")
        #expect(measure.wrap("Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", maxWidth: 150).count > 1)
    }

    @Test func measuresFullWidthAndLatinGlyphs() {
        #expect(measure.width(of: "中文") == 28)
        #expect(measure.width(of: "，？") == 28)
        #expect(measure.width(of: "iiii") == (0.3 + 0.3 + 0.3 + 0.3) * 14)
        #expect(measure.width(of: "Hello") == (0.68 + 0.55 + 0.3 + 0.3 + 0.55) * 14)
        #expect(measure.width(of: "WM") == (0.88 + 0.88) * 14)
        #expect(measure.width(of: "e\u{301}") == 0.55 * 14)
        #expect(measure.width(of: "") == 0)
    }

    /// Color emoji are wider than ideographs; at 0.6 em (the default) 12 of them spilt out of their shape.
    @Test func measuresEmojiAsWideGlyphs() {
        for emoji in ["🚚", "✅", "❌", "⭐", "☎", "🫶"] {
            #expect(measure.width(of: emoji) == 1.25 * 14, "\(emoji)")
        }
        // Symbols that are not emoji keep the default width; CJK keeps 1 em.
        #expect(measure.width(of: "→") == 0.6 * 14)
        #expect(measure.width(of: "中") == 14)
        // They break between each other as ideographs do.
        #expect(measure.wrap("✅✅✅✅", maxWidth: 40) == ["✅✅", "✅✅"])
    }

    @Test func breaksLatinAtSpaces() {
        let width = measure.width(of: "aaaa bbbb")
        #expect(measure.wrap("aaaa bbbb cccc", maxWidth: width) == ["aaaa bbbb", "cccc"])
        #expect(measure.wrap("  aaaa \n\t bbbb  ", maxWidth: 500) == ["aaaa bbbb"])
    }

    @Test func breaksCJKBetweenCharactersAndBalancesLines() {
        // Greedy wrapping would give 12 + 3 characters.
        #expect(measure.wrap("在订单页申请售后并上传凭证照片", maxWidth: 180) == ["在订单页申请售后", "并上传凭证照片"])
    }

    @Test func neverStartsALineWithClosingPunctuation() {
        #expect(measure.wrap("一二三四五，六七", maxWidth: 70) == ["一二三四", "五，六七"])
        #expect(measure.wrap("一二三四五？", maxWidth: 70) == ["一二三", "四五？"])
    }

    @Test func neverEndsALineWithOpeningPunctuation() {
        #expect(measure.wrap("一二三（四五六）", maxWidth: 56) == ["一二三", "（四五", "六）"])
    }

    @Test func keepsNumbersWithTheirCJKUnit() {
        #expect(measure.wrap("期限是15天", maxWidth: 50) == ["期限是", "15天"])
    }

    @Test func mixesLatinAndCJK() {
        #expect(measure.wrap("Within 15 天 after-sales window", maxWidth: 140) == ["Within 15 天", "after-sales window"])
    }

    @Test func cutsWordsWiderThanALine() {
        let lines = measure.wrap("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz", maxWidth: 100)
        #expect(lines.joined() == "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz")
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { measure.width(of: $0) <= 100 })
    }

    @Test func returnsNoLinesForBlankText() {
        #expect(measure.wrap("   ", maxWidth: 100) == [])
    }
}
