import Foundation

/// The front matter schema (spec §2) as data: the validator and `guidegen schema` both read it.
public enum FrontMatterSchema {
    /// The value type a key accepts.
    public enum ValueType: Sendable {
        case string, integer, boolean, date, kind, stringList, platformList, sourceList
    }

    /// One allowed key.
    public struct Field: Sendable {
        public var key: String
        public var type: ValueType
        public var required: Bool
        public var description: String
    }

    /// Every key, in the order the spec lists them.
    public static let fields: [Field] = [
        Field(key: "title", type: .string, required: true, description: "Page title."),
        Field(key: "type", type: .kind, required: true, description: "What kind of page: policy, flow, faq or article."),
        Field(
            key: "summary", type: .string, required: false,
            description: "One or two sentences; used in lists, search results and the meta description."),
        Field(
            key: "platforms", type: .platformList, required: false,
            description: "Keys of platforms from guidegen.yaml that the page covers."),
        Field(key: "rules", type: .stringList, required: false, description: "Ids of the rule tables whose facts the page states."),
        Field(
            key: "reviewed", type: .date, required: false,
            description: "When a person last checked the page against the rules (YYYY-MM-DD)."),
        Field(key: "order", type: .integer, required: false, description: "Position within its section."),
        Field(key: "sources", type: .sourceList, required: false, description: "Where the facts come from."),
        Field(key: "tags", type: .stringList, required: false, description: "Free-form tags."),
        Field(key: "draft", type: .boolean, required: false, description: "Left out of the build unless --drafts."),
        Field(
            key: "translation_of", type: .string, required: false,
            description: "In a translation: short hash of the default-language page it was made from."),
    ]

    /// Help for keys Hugo and MkDocs pages carry, which a migrated page brings along: what to write instead.
    static let migratedKeys: [String: String] = [
        "description": "write `summary:` (Hugo's and MkDocs' `description`)",
        "weight": "write `order:` (Hugo's `weight`)",
        "date": "write `reviewed:` for when a person last checked the page against the rules",
        "lastmod": "write `reviewed:` for when a person last checked the page against the rules",
        "slug": "the file name is the page's slug: rename the file (`<slug>.<lang>.md`)",
        "url": "the file's folder and name make the URL: move or rename the file",
        "aliases": "guidegen writes no redirects; link to the page's source file instead",
        "categories": "write `tags:` (or `platforms:` for the shops a page covers)",
        "keywords": "write `tags:`",
        "author": "guidegen keeps no author per page; name the source under `sources:`",
        "authors": "guidegen keeps no author per page; name the source under `sources:`",
        "linkTitle": "write the shorter title as `title:`; lists show it",
        "nav_order": "write `order:`",
        "sidebar_position": "write `order:`",
        "hidden": "write `draft: true` to leave the page out of the build",
        "toc": "the theme shows a table of contents on every page with `##` headings; remove the key",
    ]

    /// The schema as JSON Schema draft 2020-12; `platforms` enumerates the configured keys when given.
    public static func jsonSchema(platforms: [String]? = nil) -> String {
        var properties: [String: Any] = [:]
        for field in fields {
            var p: [String: Any]
            switch field.type {
            // Lint's cheap checks as constraints too, so an editor flags what CI refuses: text that is not only
            // white space, non-empty tags, web URLs, a source title with some text.
            case .string: p = ["type": "string", "minLength": 1, "pattern": "\\S"]
            case .integer: p = ["type": "integer"]
            case .boolean: p = ["type": "boolean"]
            // `format: date` rejects 2026-02-30 in validators that check formats, as lint does.
            case .date: p = ["type": "string", "format": "date", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"]
            case .kind: p = ["enum": PageKind.allCases.map(\.rawValue)]
            case .stringList: p = ["type": "array", "items": ["type": "string", "minLength": 1, "pattern": "\\S"]]
            case .platformList:
                var items: [String: Any] = ["type": "string"]
                if let platforms { items["enum"] = platforms }
                p = ["type": "array", "items": items]
            case .sourceList:
                p = [
                    "type": "array",
                    "items": [
                        "type": "object",
                        "properties": [
                            "title": [
                                "oneOf": [
                                    ["type": "string", "pattern": "\\S"],
                                    ["type": "object", "minProperties": 1, "additionalProperties": ["type": "string", "pattern": "\\S"]],
                                ]
                            ],
                            "url": ["type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://"],
                        ],
                        "required": ["title", "url"],
                        "additionalProperties": false,
                    ] as [String: Any],
                ]
            }
            // A hash of digits only (`12345678`) is a number to YAML; lint reads it as written.
            if field.key == "translation_of" { p = ["type": ["string", "integer", "number"]] }
            p["description"] = field.description
            properties[field.key] = p
        }
        let schema: [String: Any] = [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "guidegen page front matter",
            "type": "object",
            "properties": properties,
            // `type` is required except on `_index` landing pages, which a schema cannot tell by file name:
            // only what every page needs is required here (lint checks the rest).
            "required": fields.filter { $0.required && $0.key != "type" }.map(\.key),
            "additionalProperties": false,
        ]
        let data = try! JSONSerialization.data(withJSONObject: schema, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
