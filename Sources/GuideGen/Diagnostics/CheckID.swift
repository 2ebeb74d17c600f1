/// Every check guidegen runs, with a stable id that `--check`/`--skip` and the docs use.
public enum CheckID: String, Sendable, CaseIterable, Codable {
    // Reading files
    case unreadableFile = "unreadable-file"
    case invalidUTF8 = "invalid-utf8"
    case nulByte = "nul-byte"
    case fileTooLarge = "file-too-large"
    case badFileName = "bad-file-name"
    // YAML and configuration
    case yamlSyntax = "yaml-syntax"
    case yamlLimit = "yaml-limit"
    case config = "config"
    // Front matter schema
    case frontMatter = "front-matter"
    case unknownKey = "unknown-key"
    case wrongType = "wrong-type"
    case missingKey = "missing-key"
    case badDate = "bad-date"
    case unknownPlatform = "unknown-platform"
    case duplicatePage = "duplicate-page"
    // Markdown
    case rawHTML = "raw-html"
    case brokenLink = "broken-link"
    case unsafePath = "unsafe-path"
    case markdownLimit = "markdown-limit"
    case markdownTimeout = "markdown-timeout"
    // Rules
    case ruleTable = "rule-table"
    case unknownRule = "unknown-rule"
    case rulesListMismatch = "rules-list-mismatch"
    case claimContradictsRule = "claim-contradicts-rule"
    case hardCodedRuleValue = "hard-coded-rule-value"
    case reviewOutdated = "review-outdated"
    // Flows
    case flowSyntax = "flow-syntax"
    case flowUnreachable = "flow-unreachable"
    case flowDecision = "flow-decision"
    case flowUndefinedNode = "flow-undefined-node"
    case flowEmpty = "flow-empty"
    // Translations
    case missingTranslation = "missing-translation"
    case outdatedTranslation = "outdated-translation"
    case translationMismatch = "translation-mismatch"
    // Templates and output
    case template = "template"
    case output = "output"

    /// One line on what the check catches, for `guidegen checks` and the README.
    public var summary: String {
        switch self {
        case .unreadableFile: "a file or folder could not be read"
        case .invalidUTF8: "a file is not valid UTF-8"
        case .nulByte: "a file contains a NUL byte"
        case .fileTooLarge: "a file is larger than guidegen accepts"
        case .badFileName: "a content file is not named <slug>.<lang>.md"
        case .yamlSyntax: "YAML that does not parse (front matter, rule table or config)"
        case .yamlLimit: "YAML too large, too deep, or using aliases where they are not allowed"
        case .config: "a problem in content/guidegen.yaml"
        case .frontMatter: "front matter missing or not closed"
        case .unknownKey: "a front matter key the schema does not know"
        case .wrongType: "a front matter value of the wrong type"
        case .missingKey: "a required front matter key is missing"
        case .badDate: "a date that is not YYYY-MM-DD"
        case .unknownPlatform: "a platform not listed in guidegen.yaml"
        case .duplicatePage: "two files give the same page in the same language"
        case .rawHTML: "raw HTML in Markdown, left out unless unsafe_html is on"
        case .brokenLink: "a link to a page or file that does not exist"
        case .unsafePath: "a path that escapes its root"
        case .markdownLimit: "Markdown beyond the safe parsing limits"
        case .markdownTimeout: "Markdown that took too long to parse"
        case .ruleTable: "a rule table that does not follow the format"
        case .unknownRule: "a {{rule}} or {{table}} reference to something that does not exist"
        case .rulesListMismatch: "the front matter rules: list disagrees with the page's references"
        case .claimContradictsRule: "prose states a value that contradicts a rule table"
        case .hardCodedRuleValue: "prose states a rule's value literally instead of with {{rule}}"
        case .reviewOutdated: "a rule table changed after the page was last reviewed"
        case .flowSyntax: "Mermaid outside the supported flowchart subset"
        case .flowUnreachable: "a flow step no start step leads to"
        case .flowDecision: "a decision without two labelled branches"
        case .flowUndefinedNode: "a flow step used but never given a label"
        case .flowEmpty: "a flow with no steps"
        case .missingTranslation: "a page missing in a language"
        case .outdatedTranslation: "a translation made from an older version of the original"
        case .translationMismatch: "translations that differ in rules, flows or FAQ questions"
        case .template: "a template that does not parse or render"
        case .output: "the output folder cannot be written safely"
        }
    }
}
