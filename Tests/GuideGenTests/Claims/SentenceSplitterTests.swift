import Testing

@testable import GuideGen

@Suite struct SentenceSplitterTests {
    @Test(arguments: [
        ("售后期为15天。三包耐用品为180天！还有问题吗？", ["售后期为15天。", "三包耐用品为180天！", "还有问题吗？"]),
        ("一般商品15天；耐用品180天", ["一般商品15天；", "耐用品180天"]),
        ("他说：“七天无理由。”然后走了。", ["他说：“七天无理由。”", "然后走了。"]),
        ("真的吗？！好的。", ["真的吗？！", "好的。"]),
        ("售后期为15天.退货需保持完好.", ["售后期为15天.", "退货需保持完好."]),
        (
            "The window is 15 days. Durable goods get 180 days.",
            ["The window is 15 days.", "Durable goods get 180 days."]
        ),
        (
            "The window is 15 days; durable goods get 180 days.",
            ["The window is 15 days;", "durable goods get 180 days."]
        ),
        ("Really?! Yes.", ["Really?!", "Yes."]),
        ("Is it free? No. Returns cost CNY 10.", ["Is it free?", "No.", "Returns cost CNY 10."]),
        ("(Returns are free.) Refunds take 2 days.", ["(Returns are free.)", "Refunds take 2 days."]),
        ("Small items, e.g. cables, get 7 days. Next.", ["Small items, e.g. cables, get 7 days.", "Next."]),
        ("That is, i.e. 15 days.", ["That is, i.e. 15 days."]),
        ("It takes 1.5 days. Then done.", ["It takes 1.5 days.", "Then done."]),
        ("See No. 3 for details. Done.", ["See No. 3 for details.", "Done."]),
        ("Version 0.29.0 is out.", ["Version 0.29.0 is out."]),
        ("Visit example.org today.", ["Visit example.org today."]),
        ("It takes approx. three days.", ["It takes approx. three days."]),
        ("Wait... then go.", ["Wait... then go."]),
        ("Ordered on Nov. 20 and shipped.", ["Ordered on Nov. 20 and shipped."]),
        ("Open https://a.example/?q=1 now", ["Open https://a.example/?q=1 now"]),
        ("3. Contact the seller.\n4. Wait 2 days.", ["3. Contact the seller.", "4. Wait 2 days."]),
        ("line one\nline two\r\nline three", ["line one", "line two", "line three"]),
        ("  padded  \n\n \u{3000} ", ["padded"]),
        ("", []),
        ("。。", ["。。"]),
    ])
    func sentences(_ text: String, _ expected: [String]) {
        #expect(SentenceSplitter.sentences(in: text).map { MarkedText.slice(text, $0) } == expected)
    }

    @Test func rangesAreTrimmedUTF8ByteOffsets() {
        // 售后期为15天。 is 20 bytes; the space after it is trimmed.
        #expect(SentenceSplitter.sentences(in: "售后期为15天。 好") == [0..<20, 21..<24])
    }
}
