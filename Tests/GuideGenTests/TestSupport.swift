import Foundation
import Testing

@testable import GuideGen

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// `Tests/GuideGenTests/Fixtures`.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// The repository root.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Compares `actual` with the golden file, or rewrites it when GUIDEGEN_UPDATE_GOLDENS=1.
    static func expectGolden(_ actual: String, _ relativePath: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = fixtures.appendingPathComponent("goldens").appendingPathComponent(relativePath)
        if ProcessInfo.processInfo.environment["GUIDEGEN_UPDATE_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden \(relativePath); run GUIDEGEN_UPDATE_GOLDENS=1 swift test", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        #expect(actual == expected, "golden \(relativePath) differs", sourceLocation: sourceLocation)
    }

    /// Writes a small site from `files` (path → text) into a new temporary folder.
    static func site(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("guidegen-test-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    /// A rule table of one row, `general`, whose `window` is 15 days, marked by the terms given.
    static func windowTable(zh: String, en: String) -> String {
        """
        title: {zh-Hans: 期限, en: Windows}
        changed: 2026-11-01
        columns:
          window: {type: duration, title: {zh-Hans: 期限, en: Window}}
        rows:
          general:
            label: {zh-Hans: 一般商品, en: Ordinary goods}
            terms: {zh-Hans: [\(zh)], en: [\(en)]}
            window: 15 days

        """
    }

    static let config = SiteConfig(
        title: Localized(["zh-Hans": "指南", "en": "Guide"]), languages: ["zh-Hans", "en"],
        platforms: [SiteConfig.Platform(key: "taobao", name: Localized(["zh-Hans": "淘宝", "en": "Taobao"]))])

    /// Diagnostics as `line:col severity[check] message` lines, for whole-value comparisons.
    static func lines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.sorted(by: Diagnostic.ordered).map {
            "\($0.location.line):\($0.location.column) \($0.severity.rawValue)[\($0.check)] \($0.message)\($0.help.map { " | \($0)" } ?? "")"
        }
    }
}

/// SplitMix64: a tiny seeded generator, so randomized tests see the same inputs on every run and a failure
/// names a case that can be replayed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (0 for a bound below 1).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
    /// One of `items`.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
