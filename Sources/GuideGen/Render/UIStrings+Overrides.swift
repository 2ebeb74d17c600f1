/// A site's own interface words (`strings:` in guidegen.yaml), laid over the built-in ones: a language
/// guidegen has no words for (`ja`) gets its own instead of English, and any language may reword one.
extension UIStrings {
    /// The keys `strings:` accepts, as the theme's context names them (`strings.on_this_page`), and the
    /// words each sets; page kinds and alert titles as `kind_<type>` and `alert_<kind>`.
    static let overridable: [String: WritableKeyPath<UIStrings, String> & Sendable] = [
        "language_name": \.languageName, "on_this_page": \.onThisPage, "previous": \.previous, "next": \.next,
        "reviewed": \.reviewed, "sources": \.sources, "last_changed": \.lastChanged, "rule_case": \.ruleCase, "home": \.home,
        "menu": \.menu, "language": \.languageLabel, "fallback_notice": \.fallbackNotice, "outdated_notice": \.outdatedNotice,
        "rules_used": \.rulesUsed, "flow_steps": \.flowSteps, "not_found_title": \.notFoundTitle, "not_found_text": \.notFoundText,
        "skip": \.skipToContent, "sections": \.sections, "platforms": \.platforms, "colon": \.colon,
        "list_separator": \.listSeparator, "sentence_separator": \.sentenceSeparator, "see_all": \.seeAll,
        "breadcrumb": \.breadcrumb, "back_to_content": \.backToContent, "one_page": \.onePage, "page_count": \.pageCount,
        "tags": \.tags, "flow_end": \.flowEnd, "flow_start": \.flowStart, "flowchart": \.flowchart, "flow_scroll_hint": \.flowScrollHint,
        "search": \.search,
        "search_placeholder": \.searchPlaceholder, "search_none": \.searchNone, "search_count": \.searchCount,
        "task_done": \.taskDone, "task_open": \.taskOpen, "table": \.table,
        "read_original": \.readOriginal,
    ]

    /// Every key `strings:` accepts.
    static var overridableKeys: [String] {
        Array(overridable.keys) + PageKind.allCases.map { "kind_\($0.rawValue)" }
            + AlertKind.allCases.map { "alert_\($0.rawValue.lowercased())" }
    }

    /// These words with `overrides` (key → text) laid over them; unknown keys were refused when read.
    func applying(_ overrides: [String: String]) -> UIStrings {
        var strings = self
        for (key, text) in overrides {
            if let path = Self.overridable[key] {
                strings[keyPath: path] = text
            } else if key.hasPrefix("kind_"), let kind = PageKind(rawValue: String(key.dropFirst(5))) {
                strings.kinds[kind] = text
            } else if key.hasPrefix("alert_"), let alert = AlertKind(rawValue: key.dropFirst(6).uppercased()) {
                strings.alerts[alert] = text
            }
        }
        return strings
    }
}

extension SiteConfig {
    /// The interface words for `language`: built in, with the site's `strings:` for it laid over them.
    public func uiStrings(_ language: String) -> UIStrings {
        let builtIn = UIStrings.forLanguage(language)
        guard let overrides = strings[language], !overrides.isEmpty else { return builtIn }
        return builtIn.applying(overrides)
    }
}
