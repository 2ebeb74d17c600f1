import Foundation
import Testing

@testable import GuideGen

/// Golden files live beside this file in `Goldens/`; they are rewritten only when
/// `GUIDEGEN_UPDATE_GOLDENS=1` is set, otherwise compared byte for byte.
enum FlowGoldens {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Goldens")

    static var updating: Bool { ProcessInfo.processInfo.environment["GUIDEGEN_UPDATE_GOLDENS"] == "1" }

    /// Compares `actual` with the golden file `name`, or rewrites it when updating.
    static func check(_ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden \(name); run the tests with GUIDEGEN_UPDATE_GOLDENS=1", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == String(decoding: data, as: UTF8.self), "golden \(name) differs", sourceLocation: sourceLocation)
    }
}

/// The property tests' generator (`SeededRandom`): the same graphs on every run.
typealias FlowSeededRandom = SeededRandom

/// Parses a source that must be free of issues.
func flowParseClean(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> FlowDiagram {
    let (diagram, issues) = FlowParser.parse(source)
    #expect(issues == [], sourceLocation: sourceLocation)
    return try #require(diagram, sourceLocation: sourceLocation)
}

/// Parses a source and returns its issues, expecting no diagram.
func flowParseFailing(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [FlowIssue] {
    let (diagram, issues) = FlowParser.parse(source)
    #expect(diagram == nil, sourceLocation: sourceLocation)
    return issues
}

/// A `flow-syntax` error.
func flowSyntaxError(_ line: Int, _ column: Int, _ message: String, help: String? = nil) -> FlowIssue {
    FlowIssue(line: line, column: column, severity: .error, check: FlowIssue.syntax, message: message, help: help)
}

/// A `flow-syntax` warning.
func flowSyntaxWarning(_ line: Int, _ column: Int, _ message: String, help: String? = nil) -> FlowIssue {
    FlowIssue(line: line, column: column, severity: .warning, check: FlowIssue.syntax, message: message, help: help)
}
