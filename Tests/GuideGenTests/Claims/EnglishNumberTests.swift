import Testing

@testable import GuideGen

@Suite struct EnglishNumberTests {
    private func parse(_ text: String) -> (value: Int, end: Int)? {
        UTF8Scan.withBytes(text) { EnglishNumber.parse($0, at: 0) }
    }

    @Test(arguments: [
        ("zero", 0), ("one", 1), ("Seven", 7), ("FIFTEEN", 15), ("twenty", 20), ("twenty-four", 24),
        ("twenty four", 24), ("ninety-nine", 99), ("one hundred", 100), ("a hundred", 100),
        ("one hundred eighty", 180), ("one hundred and eighty", 180), ("two thousand", 2000),
        ("one thousand five hundred", 1500), ("a thousand and one", 1001), ("fifteen hundred", 1500),
    ])
    func wholeText(_ text: String, _ value: Int) {
        let r = parse(text)
        #expect(r?.value == value)
        #expect(r?.end == text.utf8.count)
    }

    @Test(arguments: [
        ("seven-day", 7, 5),  // the unit after the hyphen is not part of the number
        ("fifteen days", 15, 7),
        ("one hundred and more", 100, 11),  // "and" only joins number words
        ("two three", 2, 3),  // two units in a row are two numbers
        ("eighty-eight-year", 88, 12),
    ])
    func prefix(_ text: String, _ value: Int, _ end: Int) {
        let r = parse(text)
        #expect(r?.value == value)
        #expect(r?.end == end)
    }

    @Test(arguments: ["a", "an", "a day", "hundred", "thousand days", "and", "day", "once", "first", "tenth"])
    func notNumbers(_ text: String) {
        #expect(parse(text) == nil)
    }

    /// `mayStart` only skips words `parse` would refuse: every number's first word passes it, and
    /// ordinary words do not.
    @Test func mayStartRejectsOnlyWordsThatStartNoNumber() {
        func mayStart(_ text: String) -> Bool {
            UTF8Scan.withBytes(text) { b in EnglishNumber.mayStart(b, 0..<UTF8Scan.letterRunEnd(b, from: 0)) }
        }
        let numbers = [
            "zero", "one", "Two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
            "forty", "fifty", "sixty", "seventy", "eighty", "NINETY", "a hundred", "an hundred", "A thousand",
        ]
        for text in numbers {
            #expect(mayStart(text), "\(text)")
        }
        let others = [
            "the", "return", "shipping", "days", "hundred", "within", "ask", "x", "a", "an", "as", "at", "a day",
            "an hour", "a hundredth", "ten-day", "Tens", "six", "sixes", "the hundred",
        ]
        for text in others {
            #expect(parse(text) == nil || mayStart(text), "\(text)")
        }
        // Exact for the words that pass the first-letter-and-length table but start no number: the commonest
        // English words ("the", "a") must not reach `parse`.
        for text in ["the", "return", "within", "shipping", "a", "an", "as", "at", "a day", "an hour", "sixes", "tens"] {
            #expect(!mayStart(text), "\(text)")
        }
    }
}
