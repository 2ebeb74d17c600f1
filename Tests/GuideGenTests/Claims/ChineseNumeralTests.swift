import Testing

@testable import GuideGen

@Suite struct ChineseNumeralTests {
    /// The value of `text` read as one numeral run, and where the run ends (UTF-8 bytes).
    private func read(_ text: String) -> (value: Int?, runEnd: Int) {
        UTF8Scan.withBytes(text) { b in
            let end = ChineseNumeral.runEnd(b, from: 0)
            return (ChineseNumeral.value(b, 0..<end), end)
        }
    }

    @Test(arguments: [
        ("零", 0), ("一", 1), ("两", 2), ("兩", 2), ("三", 3), ("七", 7), ("十", 10), ("十五", 15), ("一十五", 15),
        ("二十", 20), ("二十四", 24), ("九十九", 99), ("一百", 100), ("一百八十", 180), ("一百零八", 108),
        ("一百八", 180), ("两百", 200), ("一千", 1000), ("一千零十", 1010), ("三千五百", 3500), ("一万", 10000),
        ("两万五", 25000), ("一万五千", 15000), ("十万", 100000), ("一百八十万", 1_800_000), ("壹佰", 100),
        ("贰拾", 20),
    ])
    func values(_ text: String, _ value: Int) {
        let r = read(text)
        #expect(r.value == value)
        #expect(r.runEnd == text.utf8.count)
    }

    @Test(arguments: [
        "二〇二六",  // year digits, not a cardinal
        "二零二六", "一两",  // "one or two"
        "七八", "三十五六", "百",  // 百分之…
        "千万",  // "by all means"
        "万一",  // "in case"
        "十十", "十百", "一万万", "零零",
    ])
    func notCardinals(_ text: String) {
        #expect(read(text).value == nil)
    }

    @Test func runStopsAtTheFirstOtherCharacter() {
        #expect(read("十五天").runEnd == 6)
        #expect(read("天").runEnd == 0)
        #expect(read("一百八十个工作日").runEnd == 12)
    }
}
