/// Checks that the translations of each page exist, are current, and agree in structure (spec §9).
public enum TranslationChecker {
    /// Status of one translation, for `guidegen translations`.
    public enum Status: String, Sendable { case original, upToDate = "up to date", outdated, missing, untracked }

    /// The status of `key` in `language`. A page missing in the default language has its original in the
    /// first of `languages` that has it (as the checks and the fallback pages take it).
    public static func status(
        of versions: [String: PageSource], language: String, defaultLanguage: String, languages: [String] = []
    ) -> Status {
        if language == defaultLanguage { return versions[language] == nil ? .missing : .original }
        guard let page = versions[language] else { return .missing }
        let originalLanguage = versions[defaultLanguage] != nil ? defaultLanguage : languages.first { versions[$0] != nil }
        if originalLanguage == language { return .original }
        guard let originalLanguage, let original = versions[originalLanguage], let recorded = page.frontMatter.translationOf
        else { return .untracked }
        return TranslationHash.matches(recorded, TranslationHash.of(original)) ? .upToDate : .outdated
    }

    /// `unreadable`: content files that could not be read or have no valid front matter; their own error says so, so a
    /// translation among them is not also reported missing.
    /// `drafts`: paths of translations left out as drafts; they are missing for readers, and the message says why.
    public static func check(
        bodies: [RenderedBody], config: SiteConfig, unreadable: Set<String> = [], drafts: Set<String> = [], threads: Int = 0,
        versions: BodyVersions? = nil
    ) -> [Diagnostic] {
        let byKey = versions ?? RenderedBody.versions(bodies)
        // Pages are independent: checked across cores (this stage runs between two parallel ones).
        return ParallelMap.map(byKey.keys.sorted().map { ($0, byKey[$0]!) }, threads: threads) { key, versions in
            check(key: key, versions: versions, config: config, unreadable: unreadable, drafts: drafts)
        }.flatMap { $0 }
    }

    /// The findings for one page in all its languages.
    static func check(key: String, versions: [String: RenderedBody], config: SiteConfig, unreadable: Set<String>, drafts: Set<String>)
        -> [Diagnostic]
    {
        var diagnostics: [Diagnostic] = []
        let defaultLanguage = config.defaultLanguage
        let real = versions.filter { !$0.value.isFallback }
        guard let original = real[defaultLanguage] ?? config.languages.lazy.compactMap({ real[$0] }).first else { return [] }
        let originalFile = original.source.path
        let start = { (path: String) in SourceLocation(file: path, line: 1, column: 1) }
        // `translation_of` records which version of the original a translation was made from: on the
        // original itself it means nothing, and is probably a copy-paste from a translation.
        if original.source.frontMatter.translationOf != nil {
            let line = original.source.frontMatter.keyLines["translation_of"] ?? 1
            diagnostics.append(
                Diagnostic(
                    .warning, .outdatedTranslation, at: SourceLocation(file: originalFile, line: line, column: 1),
                    "`translation_of` belongs in a translation; this page is the \(original.language) original of `\(key)`",
                    help: "remove it (its translations record the original's hash)"))
        }
        for language in config.languages where real[language] == nil {
            let expected = expectedPath(of: original.source, language: language)
            if unreadable.contains(expected) { continue }
            if drafts.contains(expected) {
                diagnostics.append(
                    Diagnostic(
                        .warning, .missingTranslation, at: start(originalFile),
                        "`\(key)` has its \(language) translation only as a draft; readers of \(language) get this page with a notice",
                        help: "remove `draft: true` from `\(expected)` when it is ready"))
                continue
            }
            diagnostics.append(
                Diagnostic(
                    .warning, .missingTranslation, at: start(originalFile),
                    "`\(key)` has no \(language) translation; readers of \(language) get this page with a notice",
                    help: "create `\(expected)`"))
        }
        for language in config.languages where language != original.language {
            guard let translation = real[language] else { continue }
            let file = translation.source.path
            let pair = [Diagnostic.Note(start(originalFile), "the \(original.language) original")]
            // Outdated translation (translation_of).
            // Against the original the checks use: the default language's, else the first language's that has the page.
            if let recorded = translation.source.frontMatter.translationOf {
                let current = TranslationHash.of(original.source)
                if !TranslationHash.matches(recorded, current) {
                    let line = translation.source.frontMatter.keyLines["translation_of"] ?? 1
                    diagnostics.append(
                        Diagnostic(
                            .warning, .outdatedTranslation, at: SourceLocation(file: file, line: line, column: 1),
                            TranslationHash.isHash(recorded)
                                ? "the \(original.language) original changed since this translation was made (`\(recorded)` → `\(current)`)"
                                : "`\(recorded)` is not a translation hash (8 hex digits); the \(original.language) original's is `\(current)`",
                            help:
                                "update the translation, then set `translation_of: \(current)` (or run `guidegen translations --mark \(Self.shellQuoted(file))`)",
                            notes: pair))
                }
            }
            // Same rule references (compared as references; their `table.row.column` keys are spelled
            // out only for the differences).
            // Translations that keep the original's order (nearly all) need no sets. A reference that resolved to
            // nothing on either side (a typo, a broken table) was reported there: comparing the rest would report
            // the typo again, as a mismatch in the version that is right.
            let comparable = translation.unresolvedReferences == 0 && original.unresolvedReferences == 0
            let sameOrder = !comparable || translation.references.elementsEqual(original.references) { $0.reference == $1.reference }
            let mine = sameOrder ? [] : Set(translation.references.map(\.reference))
            let theirs = sameOrder ? [] : Set(original.references.map(\.reference))
            // Written as the reference is (`{{table windows}}` names the table, `{{rule windows.general.window}}`
            // a value): "does not use `windows`" read wrong for a translation using its rules but not the table.
            func written(_ key: String, in references: [RenderedBody.ReferenceUse]) -> String {
                references.first { $0.reference.key == key }?.reference.kind == .table ? "{{table \(key)}}" : "{{rule \(key)}}"
            }
            // Where a page states that rule's value by hand (its `hard-coded-rule-value` finding): then the
            // facts agree, and the fix is the reference there, not other facts.
            func byHand(_ key: String, in body: RenderedBody) -> Diagnostic? {
                body.claims.first { $0.check == CheckID.hardCodedRuleValue.rawValue && ClaimChecker.statedRule($0) == key }
            }
            for missing in theirs.subtracting(mine).map(\.key).sorted() {
                let at = original.references.first { $0.reference.key == missing }!.location
                let reference = written(missing, in: original.references)
                let repeated = byHand(missing, in: translation)
                diagnostics.append(
                    Diagnostic(
                        .error, .translationMismatch, at: start(file),
                        "this translation does not use `\(reference)`, which the \(original.language) original uses",
                        help: repeated == nil
                            ? "state the same facts with the same `{{rule …}}` references"
                            : "it states the value by hand; write `\(reference)` there",
                        notes: [.init(at, "used here")] + (repeated.map { [.init($0.location, "the value written by hand")] } ?? [])))
            }
            for extra in mine.subtracting(theirs).map(\.key).sorted() {
                let at = translation.references.first { $0.reference.key == extra }!.location
                let reference = written(extra, in: translation.references)
                let repeated = byHand(extra, in: original)
                diagnostics.append(
                    Diagnostic(
                        .error, .translationMismatch, at: at,
                        "`\(reference)` is used here but not in the \(original.language) original",
                        help: repeated == nil
                            ? "state the same facts in every language"
                            : "the \(original.language) original states the same value by hand; write `\(reference)` there",
                        notes: repeated.map { [.init($0.location, "the value written by hand")] } ?? pair))
            }
            // Same number of FAQ questions.
            if translation.source.frontMatter.kind == .faq || original.source.frontMatter.kind == .faq {
                // Questions, not `##` lines: an empty `## ` is no question (it is warned of on its own).
                func questions(_ body: RenderedBody) -> Int {
                    body.markdown.sections.count { !ByteSearch.trimmed($0.heading.text, newlines: true).isEmpty }
                }
                let a = questions(original)
                let b = questions(translation)
                if a != b {
                    diagnostics.append(
                        Diagnostic(
                            .error, .translationMismatch, at: start(file),
                            "this translation has \(b) FAQ question\(b == 1 ? "" : "s"); the \(original.language) original has \(a)",
                            help: "translate every `##` question", notes: pair))
                }
            }
            // Same flows.
            if translation.flows.count != original.flows.count {
                diagnostics.append(
                    Diagnostic(
                        .error, .translationMismatch, at: start(file),
                        "this translation has \(Self.flows(translation.flows.count)); the \(original.language) original has \(Self.flows(original.flows.count))",
                        help: "every language needs the same flows", notes: pair))
            } else {
                for (mineFlow, theirFlow) in zip(translation.flows, original.flows) {
                    guard let mine = mineFlow.signature, let theirs = theirFlow.signature, mine != theirs else { continue }
                    diagnostics.append(
                        Diagnostic(
                            .error, .translationMismatch, at: mineFlow.location,
                            "this flow's steps or arrows differ from the \(original.language) original's (\(FlowSignatureDiff.describe(mine: mine, theirs: theirs)))",
                            help: "keep the same node ids and edges in every language; only labels are translated",
                            notes: [.init(theirFlow.location, "the original flow")]))
                }
            }
        }
        return diagnostics
    }

    /// `1 flow`, `2 flows`.
    static func flows(_ count: Int) -> String { count == 1 ? "1 flow" : "\(count) flows" }

    /// `policies/x.zh-Hans.md` → `policies/x.en.md`.
    static func expectedPath(of page: PageSource, language: String) -> String {
        let name = "\(page.slug).\(language).md"
        return page.section.isEmpty ? name : "\(page.section)/\(name)"
    }

    /// `path` as a shell word: as it is when it is only letters, digits and `/._-` (any script), else in
    /// single quotes, so a hint with a space in its path can be pasted.
    static func shellQuoted(_ path: String) -> String {
        let plain =
            !path.isEmpty
            && path.unicodeScalars.allSatisfy {
                $0.value > 0x7F || $0.properties.isAlphabetic || ("0"..."9").contains($0) || "/._-".unicodeScalars.contains($0)
            }
        return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// Explains how two flow signatures (`ids|edges`, one item per line) differ.
enum FlowSignatureDiff {
    static func describe(mine: String, theirs: String) -> String {
        // Counted, not a set: a flow may repeat an arrow (`d --> b` twice), and the extra copy is the difference.
        func counts(_ s: String) -> [String: Int] {
            var out: [String: Int] = [:]
            for item in s.split(whereSeparator: { $0 == "\n" || $0 == " " }) where !item.hasSuffix(":") {
                out[String(item), default: 0] += 1
            }
            return out
        }
        func times(_ n: Int) -> String { n == 1 ? "once" : n == 2 ? "twice" : "\(n) times" }
        func surplus(_ a: [String: Int], over b: [String: Int], _ here: String, _ there: String) -> [String] {
            let all = a.compactMap { item, n in
                let m = b[item] ?? 0
                return n <= m ? nil : m == 0 ? item : "\(item) (\(times(n)) \(here), \(times(m)) \(there))"
            }.sorted()
            // Three named, and how many more: "missing a->b, b->c, c->d" read as if that were all.
            return all.count <= 3 ? all : all.prefix(3) + ["and \(all.count - 3) more"]
        }
        let a = counts(mine)
        let b = counts(theirs)
        let extra = surplus(a, over: b, "here", "in the original")
        let missing = surplus(b, over: a, "in the original", "here")
        var parts: [String] = []
        if !missing.isEmpty { parts.append("missing " + missing.joined(separator: ", ")) }
        if !extra.isEmpty { parts.append("extra " + extra.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }
}
