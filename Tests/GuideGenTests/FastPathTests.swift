import Foundation
import Testing

@testable import GuideGen

/// The byte-level shortcuts taken for speed give what the general code they skip would give.
@Suite struct FastPathTests {
    /// `ByteSearch.trimmed` equals Foundation's trimming, including on Unicode spaces and newlines.
    @Test(arguments: [
        "plain", " lead", "trail ", "\u{3000}全角空格\u{3000}", "\u{A0}nbsp", "中文标题", "line\n", "\tTab\t", "", " ", "é", "x\u{2028}",
    ])
    func trimmingMatchesFoundation(_ text: String) {
        #expect(ByteSearch.trimmed(text) == text.trimmingCharacters(in: .whitespaces))
        #expect(ByteSearch.trimmed(text, newlines: true) == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Files without NUL or CR take the standard library's validation; the result is the careful walk's.
    @Test(
        arguments: [
            Array("plain text\n".utf8), Array("\u{FEFF}标题\n".utf8), Array("a\r\nb\rc".utf8), [0x61, 0xFF, 0x62], [0x61, 0x00],
            [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8],
        ] as [[UInt8]])
    func decodingIsTheSameEitherWay(_ bytes: [UInt8]) {
        switch SourceText.decode(bytes, path: "p.md") {
        case .success(let source):
            let expected = String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
                .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            #expect(source.text == expected)
            #expect(!bytes.contains(0) && String(validating: bytes, as: UTF8.self) != nil)
        case .failure(let diagnostic):
            #expect(["invalid-utf8", "nul-byte"].contains(diagnostic.check))
            #expect(bytes.contains(0) || String(validating: bytes, as: UTF8.self) == nil)
        }
    }

    /// A `TemplateMap` keeps its keys sorted and unique, and becomes the dictionary it stands for.
    @Test func templateMapsStaySortedAndConvert() throws {
        var map = TemplateMap(["title": .text("T"), "count": .number(3), "flag": .flag(true)])
        map["alpha"] = .texts(["a", "b"])
        map["flag"] = .flag(false)
        map["count"] = nil
        map["list"] = .maps([TemplateMap(["url": .text("u")])])
        #expect(map.entries.map(\.key) == ["alpha", "flag", "list", "title"])
        let any = map.any
        #expect(any["title"] as? String == "T")
        #expect(any["flag"] as? Bool == false)
        #expect(any["alpha"] as? [String] == ["a", "b"])
        let list = try #require(any["list"] as? [[String: Any]])
        #expect(list.count == 1 && list[0]["url"] as? String == "u")
        #expect(any["count"] == nil)
    }
}

/// Printed file names read from the working directory with the content folder as the user gave it, tidied.
@Suite struct ShownPathTests {
    @Test(arguments: [
        ("content", "content/"), ("content/", "content/"), ("./content/./", "content/"), (".", ""), ("./", ""),
        ("a//b/./c", "a/b/c/"), ("/tmp/site/content", "/tmp/site/content/"), ("/", "/"), ("../site/content", "../site/content/"),
    ])
    func contentFolderPrefixes(_ folder: String, _ expected: String) {
        #expect(DiagnosticPrinter.shownPrefix(ofFolder: folder) == expected)
    }
}
