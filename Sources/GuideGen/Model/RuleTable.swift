/// A typed table of facts from `content/rules/<id>.yaml`: the single source of truth pages refer to.
public struct RuleTable: Sendable {
    /// The file name without `.yaml`.
    public var id: String
    /// Site-relative path of the YAML file.
    public var path: String
    public var title: Localized
    /// `YYYY-MM-DD` of the last change.
    public var changed: String
    public var sources: [Source]
    public var columns: [RuleColumn]
    public var rows: [RuleRow]
    /// The line of `changed:`, where a page whose review it outdates is sent.
    public var changedLine = 1
    /// Columns declared with errors (reported there): a reference to one says nothing more.
    public var brokenColumns: Set<String> = []
    /// Whether the table has no `columns:` at all (reported): then no column reference can be told wrong.
    public var columnsMissing = false

    /// The column with this id.
    public func column(_ id: String) -> RuleColumn? { columns.first { $0.id == id } }
    /// The row with this id.
    public func row(_ id: String) -> RuleRow? { rows.first { $0.id == id } }
}

/// The type of a rule table column.
public enum RuleColumnType: String, Sendable, CaseIterable {
    case duration, money, number, boolean, choice, text
}

/// One typed column.
public struct RuleColumn: Sendable {
    public var id: String
    public var type: RuleColumnType
    public var title: Localized
    /// For `choice`: option keys in order with their localized labels.
    public var options: [(key: String, label: Localized)]
    public var line: Int
}

/// One row: a label, the words that mark a sentence as stating this row's facts, and the values.
public struct RuleRow: Sendable {
    public var id: String
    public var label: Localized
    /// Terms per language.
    public var terms: [String: [String]]
    /// Values by column id.
    public var values: [String: RuleValue]
    /// 1-based line of the row key in the YAML file.
    public var line: Int
    /// 1-based line of each value, by column id.
    public var valueLines: [String: Int]
    /// 1-based column of each value, by column id: a finding's note points at the value itself.
    public var valueColumns: [String: Int] = [:]
}

/// A typed cell value.
public enum RuleValue: Sendable, Equatable {
    case quantity(Quantity)
    case boolean(Bool)
    case choice(String)
    case text(Localized)
}
