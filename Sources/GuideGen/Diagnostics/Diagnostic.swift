import Foundation

/// How serious a finding is; errors stop `build` and fail `lint`.
public enum Severity: String, Sendable, Comparable, Codable {
    case error, warning, note

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
}

/// A position in a source file: 1-based line, 1-based column counted in Unicode scalars.
public struct SourceLocation: Sendable, Hashable, Codable {
    /// Path relative to the site root (or as given), always with `/` separators.
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = max(1, line)
        self.column = max(1, column)
    }
}

/// One finding of any stage: what is wrong, where, and how to fix it.
public struct Diagnostic: Error, Sendable, Hashable, Codable {
    public var severity: Severity
    /// Stable check id (see `CheckID`), e.g. `unknown-key`.
    public var check: String
    public var location: SourceLocation
    public var message: String
    /// How to fix it, printed as `help:`.
    public var help: String?
    /// Related positions (the other translation, the rule table row), printed as `note:`.
    public var notes: [Note]

    /// A related position with a short explanation.
    public struct Note: Sendable, Hashable, Codable {
        public var location: SourceLocation
        public var message: String
        public init(_ location: SourceLocation, _ message: String) {
            self.location = location
            self.message = message
        }
    }

    public init(
        _ severity: Severity, _ check: CheckID, at location: SourceLocation, _ message: String,
        help: String? = nil, notes: [Note] = []
    ) {
        self.severity = severity
        self.check = check.rawValue
        self.location = location
        self.message = message
        self.help = help
        self.notes = notes
    }

    /// Sort order for printing: file, line, column, then severity and id.
    public static func ordered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.location.file != b.location.file { return a.location.file < b.location.file }
        if a.location.line != b.location.line { return a.location.line < b.location.line }
        if a.location.column != b.location.column { return a.location.column < b.location.column }
        if a.severity != b.severity { return a.severity < b.severity }
        if a.check != b.check { return a.check < b.check }
        return a.message < b.message
    }
}

extension Array where Element == Diagnostic {
    /// Number of findings of the given severity.
    public func count(_ severity: Severity) -> Int { reduce(0) { $0 + ($1.severity == severity ? 1 : 0) } }
    /// True when any finding is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
