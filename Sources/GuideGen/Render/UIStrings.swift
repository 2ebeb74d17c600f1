import Foundation

/// The theme's interface words in one language (built in for zh-Hans, zh-Hant and en; English otherwise).
public struct UIStrings: Sendable {
    public var languageName: String
    public var onThisPage: String
    public var previous: String
    public var next: String
    public var reviewed: String
    public var sources: String
    public var lastChanged: String
    public var ruleCase: String
    public var home: String
    public var menu: String
    public var languageLabel: String
    public var fallbackNotice: String
    public var outdatedNotice: String
    public var rulesUsed: String
    public var flowSteps: String
    public var notFoundTitle: String
    public var notFoundText: String
    public var skipToContent: String
    public var sections: String
    public var platforms: String
    /// Punctuation that differs by script: `：` and `、` in Chinese, `: ` and `, ` in English.
    public var colon: String
    public var listSeparator: String
    public var sentenceSeparator: String
    /// "See all" on the home page's section cards.
    public var seeAll: String
    /// Names the breadcrumb trail and a footnote's link back to its reference, for screen readers.
    public var breadcrumb: String
    public var backToContent: String
    /// How many pages a platform has, on the platforms page: `{n}` is the number (English has a singular).
    public var onePage: String
    public var pageCount: String
    /// Labels a page's `tags:`.
    public var tags: String
    public var kinds: [PageKind: String]
    public var alerts: [AlertKind: String]
    /// After a flow step that ends the flow, in the steps list: `(end)`, `（结束）`.
    public var flowEnd: String = " (end)"
    /// After each start step of a flow with several ways in, in the steps list: `(start)`, `（起点）`.
    public var flowStart: String = " (start)"
    /// Names a flow's drawing for screen readers, before its first step: `Flowchart: `, `流程图：`.
    public var flowchart: String = "Flowchart: "
    /// Under a flow wider than a phone, on a phone: that it scrolls, and where its steps are in words.
    public var flowScrollHint: String = "Swipe sideways to see the whole flow, or read the steps below."
    /// The search box: its label, placeholder, what shows when nothing matches, and the result count
    /// (`{n}` is the number).
    public var search = "Search"
    public var searchPlaceholder = "Search the guide"
    public var searchNone = "Nothing matches. Try fewer or other words."
    public var searchCount = "{n} results"
    /// Name a task list's checkboxes for screen readers (`- [x]`, `- [ ]`).
    public var taskDone = "Done"
    public var taskOpen = "To do"
    /// Names a page's own table, which scrolls sideways on a phone, for screen readers.
    public var table = "Table"
    /// Links an outdated translation's notice to the page it was translated from.
    public var readOriginal = "Read the original"

    /// `1 page`, `3 pages`, `3 篇`.
    public func pages(_ count: Int) -> String {
        count == 1 ? onePage : pageCount.replacingOccurrences(of: "{n}", with: String(count))
    }

    /// The strings for a BCP 47 tag.
    public static func forLanguage(_ tag: String) -> UIStrings {
        // The common tags first: pages ask several times each.
        if tag == "en" { return .english }
        if tag == "zh-Hans" { return .simplifiedChinese }
        if tag == "zh-Hant" || tag.hasPrefix("zh-Hant") || tag == "zh-TW" || tag == "zh-HK" { return .traditionalChinese }
        if tag.hasPrefix("zh") { return .simplifiedChinese }
        if hasBuiltInStrings(tag) { return .english }
        // Another language: English words, but its own name in the language switcher (`Français`, `日本語`),
        // and a notice that names it rather than English.
        nameLock.lock()
        let known = others[tag]
        nameLock.unlock()
        if let known { return known }
        var strings = english
        strings.languageName = nativeName(of: tag)
        strings.fallbackNotice = english.fallbackNotice.replacingOccurrences(of: "into English", with: "into \(englishName(of: tag))")
        nameLock.lock()
        others[tag] = strings
        nameLock.unlock()
        return strings
    }

    /// Whether the theme's words exist in this language (English, Chinese); others fall back to English.
    public static func hasBuiltInStrings(_ tag: String) -> Bool {
        let primary = tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? ""
        return primary == "en" || primary == "zh"
    }

    /// The language's name in itself, from the system's locale data, or the tag when it has none.
    static func nativeName(of tag: String) -> String {
        nameLock.lock()
        defer { nameLock.unlock() }
        if let known = names[tag] { return known }
        var name = tag
        if let found = Locale(identifier: tag).localizedString(forIdentifier: tag), !found.isEmpty {
            name = found.prefix(1).uppercased() + found.dropFirst()
        }
        names[tag] = name
        return name
    }

    /// The language's name in English (`Portuguese (Brazil)`), or the tag when the system has none.
    static func englishName(of tag: String) -> String {
        let found = Locale(identifier: "en").localizedString(forIdentifier: tag) ?? ""
        return found.isEmpty ? tag : found
    }

    /// Looked up once per language: pages ask for their strings every time they render.
    nonisolated(unsafe) private static var names: [String: String] = [:]
    nonisolated(unsafe) private static var others: [String: UIStrings] = [:]
    private static let nameLock = NSLock()

    static let english = UIStrings(
        languageName: "English", onThisPage: "On this page", previous: "Previous", next: "Next", reviewed: "Reviewed",
        sources: "Sources", lastChanged: "Last changed", ruleCase: "Case", home: "Home", menu: "Menu", languageLabel: "Language",
        fallbackNotice: "This page has not been translated into English yet; it is shown in its original language.",
        outdatedNotice: "The original of this page was updated after this translation was made; some details may be out of date.",
        rulesUsed: "Rules on this page", flowSteps: "Steps as a list", notFoundTitle: "Page not found",
        notFoundText: "The page you asked for does not exist. Try the home page or the sections below.",
        skipToContent: "Skip to content", sections: "Sections", platforms: "Platforms", colon: ": ", listSeparator: ", ",
        sentenceSeparator: ". ", seeAll: "See all", breadcrumb: "Breadcrumb", backToContent: "Back to content",
        onePage: "1 page", pageCount: "{n} pages", tags: "Tags",
        kinds: [.policy: "Policy", .flow: "Step by step", .faq: "FAQ", .article: "Guide"],
        alerts: [.note: "Note", .tip: "Tip", .important: "Important", .warning: "Warning", .caution: "Caution"])

    static let simplifiedChinese = UIStrings(
        languageName: "简体中文", onThisPage: "本页内容", previous: "上一篇", next: "下一篇", reviewed: "审核日期",
        sources: "资料来源", lastChanged: "最近更新", ruleCase: "情形", home: "首页", menu: "目录", languageLabel: "语言",
        fallbackNotice: "本页尚未翻译成简体中文，下面显示的是原文。",
        outdatedNotice: "本页原文在翻译之后有过更新，部分内容可能已经过时。",
        rulesUsed: "本页引用的规则", flowSteps: "文字版步骤", notFoundTitle: "页面不存在",
        notFoundText: "你要找的页面不存在。可以回到首页，或从下面的栏目开始浏览。",
        skipToContent: "跳到正文", sections: "栏目", platforms: "平台", colon: "：", listSeparator: "、", sentenceSeparator: "。",
        seeAll: "查看全部", breadcrumb: "当前位置", backToContent: "返回正文", onePage: "1 篇",
        pageCount: "{n} 篇", tags: "标签",
        kinds: [.policy: "规则", .flow: "流程", .faq: "常见问题", .article: "指南"],
        alerts: [.note: "注意", .tip: "提示", .important: "重要", .warning: "警告", .caution: "当心"], flowEnd: "（结束）",
        flowStart: "（起点）", flowchart: "流程图：", flowScrollHint: "左右滑动可看完整流程，也可以看下面的文字版步骤。",
        search: "搜索", searchPlaceholder: "搜索本指南", searchNone: "没有找到相关内容，换个词或少输几个字试试。", searchCount: "找到 {n} 条结果",
        taskDone: "已完成", taskOpen: "未完成", table: "表格", readOriginal: "阅读原文")

    static let traditionalChinese = UIStrings(
        languageName: "繁體中文", onThisPage: "本頁內容", previous: "上一篇", next: "下一篇", reviewed: "審核日期",
        sources: "資料來源", lastChanged: "最近更新", ruleCase: "情形", home: "首頁", menu: "目錄", languageLabel: "語言",
        fallbackNotice: "本頁尚未翻譯成繁體中文，下面顯示的是原文。",
        outdatedNotice: "本頁原文在翻譯之後有過更新，部分內容可能已經過時。",
        rulesUsed: "本頁引用的規則", flowSteps: "文字版步驟", notFoundTitle: "頁面不存在",
        notFoundText: "你要找的頁面不存在。可以回到首頁，或從下面的欄目開始瀏覽。",
        skipToContent: "跳到正文", sections: "欄目", platforms: "平台", colon: "：", listSeparator: "、", sentenceSeparator: "。",
        seeAll: "查看全部", breadcrumb: "目前位置", backToContent: "返回正文", onePage: "1 篇",
        pageCount: "{n} 篇", tags: "標籤",
        kinds: [.policy: "規則", .flow: "流程", .faq: "常見問題", .article: "指南"],
        alerts: [.note: "注意", .tip: "提示", .important: "重要", .warning: "警告", .caution: "當心"], flowEnd: "（結束）",
        flowStart: "（起點）", flowchart: "流程圖：", flowScrollHint: "左右滑動可看完整流程，也可以看下面的文字版步驟。",
        search: "搜尋", searchPlaceholder: "搜尋本指南", searchNone: "沒有找到相關內容，換個詞或少輸入幾個字試試。", searchCount: "找到 {n} 筆結果",
        taskDone: "已完成", taskOpen: "未完成", table: "表格", readOriginal: "閱讀原文")
}
