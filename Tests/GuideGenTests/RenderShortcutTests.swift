import Foundation
import Testing

@testable import GuideGen

/// The shortcuts that make large builds fast must not change a byte of output.
@Suite struct TemplateSkeletonTests {
    /// Every file of a site, rendered through skeletons and through swift-mustache alone.
    static func renderBothWays(content: URL, baseURL: String? = nil) throws -> (fast: [String: [UInt8]], direct: [String: [UInt8]]) {
        var options = PipelineOptions(content: content, templates: TestSupport.repository.appendingPathComponent("site-templates"))
        options.baseURL = baseURL
        let result = Pipeline.run(options, render: true)
        let index = SiteIndex(pages: result.site.pages, config: result.site.config)
        let fastTheme = try #require(Theme.load(from: options.templates).0)
        let directTheme = try #require(Theme.load(from: options.templates, skeletons: false).0)
        #expect(fastTheme.usesSkeletons && !directTheme.usesSkeletons)
        let fast = SiteRenderer(site: result.site, index: index, theme: fastTheme, assetBytes: [:]).render(bodies: result.bodies).0
        let direct = SiteRenderer(site: result.site, index: index, theme: directTheme, assetBytes: [:]).render(bodies: result.bodies).0
        return (fast, direct)
    }

    @Test(
        arguments: [
            ("content", nil), ("content", "https://guide.example.org/"), ("Tests/GuideGenTests/Fixtures/sites/basic/content", nil),
            ("Tests/GuideGenTests/Fixtures/sites/claims-fixed/content", nil),
        ] as [(String, String?)])
    func siteRendersAlikeBothWays(folder: String, baseURL: String?) throws {
        let (fast, direct) = try Self.renderBothWays(content: TestSupport.repository.appendingPathComponent(folder), baseURL: baseURL)
        #expect(fast.count > 10)
        #expect(Set(fast.keys) == Set(direct.keys))
        for (path, bytes) in direct.sorted(by: { $0.key < $1.key }) {
            #expect(fast[path] == bytes, "\(path) differs")
        }
    }

    /// A theme written to trip the shortcut: indented partials, empty values, values ending in a line
    /// break, escaped and raw insertion of the same value, sections over strings, lists of every length.
    @Test func awkwardTemplatesRenderAlike() throws {
        let root = try TestSupport.site([
            "page.mustache": """
            <p>{{title}}|{{{title}}}|{{#summary}}[{{.}}]{{/summary}}{{^summary}}none{{/summary}}</p>
              {{> partials/block}}
            {{#items}}
            - {{name}}{{#flag}}!{{/flag}}{{^flag}}?{{/flag}}
            {{/items}}
            {{{body}}}
            {{count}} {{missing}} {{nested.deep.value}}
            """,
            "partials/block.mustache": "<div>\n{{{body}}}\n{{empty}}x\n{{title}}\n</div>\n",
            "section.mustache": "s", "home.mustache": "h", "404.mustache": "n", "root.mustache": "r",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let theme = try #require(Theme.load(from: root).0)
        #expect(theme.usesSkeletons)
        let contexts: [[String: Any]] = [
            [
                "title": "A <b>&'\"", "summary": "s1", "items": [["name": "x", "flag": true]], "body": "<p>one</p>\n", "empty": "",
                "count": 3,
            ],
            ["title": "B", "summary": "", "items": [["name": "y", "flag": false]], "body": "<p>two</p>\n", "empty": "", "count": 4],
            ["title": "", "items": [[String: Any]](), "body": "no newline", "empty": "", "count": 0],
            [
                "title": "C\n", "summary": "s2", "items": [["name": "\u{E001}0&\u{E002}", "flag": true], ["name": "&amp;"]], "body": "",
                "empty": "", "nested": ["deep": ["value": "v"]],
            ],
            ["title": "D", "summary": "s3", "items": [["name": "x", "flag": true]], "body": "<p>three</p>\n", "empty": "", "count": 5],
        ]
        for context in contexts + contexts {
            #expect(theme.render("page", context) == theme.renderDirectly("page", context))
        }
    }

    /// Body HTML travels as UTF-8 bytes (`TemplateValue.utf8`): raw, escaped, empty, ending in a line
    /// break or not, it must come out as swift-mustache renders the same text.
    @Test func byteValuesRenderAsTheirText() throws {
        let root = try TestSupport.site([
            "page.mustache": "<main>\n  {{{page.content}}}\n</main>\n<pre>{{page.content}}</pre>{{#page.content}}[x]{{/page.content}}\n",
            "section.mustache": "s", "home.mustache": "h", "404.mustache": "n", "root.mustache": "r",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let theme = try #require(Theme.load(from: root).0)
        #expect(theme.usesSkeletons)
        let bodies = ["<p>退货 &amp; 换货</p>\n", "<p>a < b & \"c\"</p>", "", "<p>二</p>\n", "<p>one</p>"]
        for body in bodies + bodies {
            let context = TemplateMap(["page": .map(TemplateMap(["content": .utf8(Array(body.utf8))]))])
            let direct = try #require(theme.renderDirectly("page", context.any))
            #expect(theme.renderBytes("page", context) == Array(direct.utf8), "\(body)")
        }
    }

    @Test func themesWithTransformsOrDynamicPartialsRenderDirectly() {
        #expect(TemplateSkeletons.allowed(templateSources: ["{{title}} {{#items}}{{name}}{{/items}} {{> partials/x}}"]))
        #expect(!TemplateSkeletons.allowed(templateSources: ["{{uppercased(title)}}"]))
        #expect(!TemplateSkeletons.allowed(templateSources: ["{{#first()}}x{{/first()}}"]))
        #expect(!TemplateSkeletons.allowed(templateSources: ["{{>*name}}"]))
        #expect(!TemplateSkeletons.allowed(templateSources: ["{{=<% %>=}}"]))
        #expect(!TemplateSkeletons.allowed(templateSources: ["\u{E001}"]))
    }

    /// A context holding a type the shape walk does not know is rendered directly, and still right.
    @Test func unknownValueTypesFallBack() throws {
        let root = try TestSupport.site([
            "page.mustache": "{{value}}", "section.mustache": "s", "home.mustache": "h", "404.mustache": "n", "root.mustache": "r",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let theme = try #require(Theme.load(from: root).0)
        #expect(theme.render("page", ["value": 2.5]) == "2.5")
    }
}

/// cmark-gfm's extension trigger characters are process-wide; parallel parses must not disturb each other.
@Suite struct ParallelMarkdownTests {
    @Test func parallelParsesMatchSerialOnes() {
        let documents = (0..<400).map { i -> String in
            switch i % 4 {
            case 0: return "~~gone~~ and www.example.com/\(i) and ~one~\n"
            case 1: return "plain text with www.example.org/\(i) and https://a.example/\(i)\n\n| a | b |\n|---|---|\n| \(i) | x |\n"
            case 2: return "3~5 天 and mail \(i)@example.com, ~~struck~~\n"
            default: return "no triggers here, just *emphasis* \(i)\n"
            }
        }
        let render: @Sendable (String) -> String = { text in
            MarkdownRenderer.render(text, file: "p.md", firstLine: 1, options: MarkdownOptions(), hooks: PlainMarkdownHooks()).html
        }
        let serial = documents.map(render)
        for _ in 0..<3 {
            #expect(ParallelMap.map(documents, threads: 0, render) == serial)
        }
        #expect(serial[0].contains("<del>gone</del>") && serial[0].contains("<a href=\"http://www.example.com/0\""))
        #expect(serial[1].contains("<table>") && serial[1].contains("<a href=\"https://a.example/1\""))
        #expect(serial[2].contains("<del>struck</del>") && serial[2].contains("mailto:2@example.com"))
    }
}

/// The byte-level helpers that replaced Character-based string calls give the same answers.
@Suite struct ByteLevelHelperTests {
    @Test func schemesAreRecognisedAsBefore() {
        for url in ["https://a.example", "mailto:x@y.z", "svn+ssh://h", "tel:+86", "中文:x", "ab:c"] {
            #expect(PageHooks.hasScheme(url), "\(url)")
        }
        for url in ["c:/x", "../a.md", "a.md#b:c", "x/y:z", "", ":x", "中:x", "a b:c"] { #expect(!PageHooks.hasScheme(url), "\(url)") }
        for url in ["file:///etc", "FILE:x", "File:y"] { #expect(PageHooks.hasFileScheme(url)) }
        for url in ["fil:x", "files:x", "http://file:"] { #expect(!PageHooks.hasFileScheme(url)) }
    }

    @Test func dangerousURLsAreRecognisedOnTheirBytes() {
        for url in ["javascript:alert(1)", "JavaScript:x", "VBSCRIPT:x", "file:///etc/passwd", "FILE:x", "data:text/html,x", "DATA:x"] {
            #expect(URLSafety.isDangerous(url), "\(url)")
        }
        for url in ["https://a.example", "data:image/png;base64,AA", "DATA:IMAGE/WEBP;x", "java", "", "中文:x", "../a.md", "fil:x"] {
            #expect(!URLSafety.isDangerous(url), "\(url)")
        }
        #expect(PercentEncoding.encode("en/退货 50%/a", keeping: PercentEncoding.isUnreserved) == "en/%E9%80%80%E8%B4%A7%2050%25/a")
        #expect(PercentEncoding.encode("plain/path", keeping: PercentEncoding.isUnreserved) == "plain/path")
        #expect(HTML.escape("a<b") == "a&lt;b" && HTML.escape("plain 中文") == "plain 中文")
    }

    @Test func outputPathsAndPageNamesAreReadOnTheirBytes() {
        for path in ["index.html", "en/a/index.html", "a..b/c", "..a/b", "中文/退货/index.html", "a/.../b"] {
            #expect(OutputWriter.isSafeRelativePath(path), "\(path)")
        }
        for path in ["", "/etc/x", "../x", "a/../b", "a/..", "a\\b", "a\0b", "..", "a/\\\u{301}b"] {
            #expect(!OutputWriter.isSafeRelativePath(path), "\(path)")
        }
        #expect(PageValidator.parseName("policies/claim-windows.zh-Hans.md")! == ("policies", "claim-windows", "zh-Hans"))
        #expect(PageValidator.parseName("a/b/_index.en.md")! == ("a/b", "_index", "en"))
        #expect(PageValidator.parseName("faq.en.md")! == ("", "faq", "en"))
        #expect(PageValidator.parseName("退货/faq.en.md")! == ("退货", "faq", "en"))
        // Slugs are letters and digits of any script, as Hugo keeps them in URLs: 退货政策, Rückgabe, ２４.
        #expect(PageValidator.parseName("退货/退货政策.zh-Hans.md")! == ("退货", "退货政策", "zh-Hans"))
        #expect(PageValidator.parseName("r/Rückgabe_2.de.md")! == ("r", "Rückgabe_2", "de"))
        #expect(PageValidator.parseName("r/２４.en.md")! == ("r", "２４", "en"))
        for bad in [
            "faq.md", "faq.en.txt", "a/.en.md", "a/faq..md", "a/faq.en.x.md", "a/退货！.en.md", "a/my page.en.md", "a/a%2F.en.md",
        ] {
            #expect(PageValidator.parseName(bad) == nil, "\(bad)")
        }
    }

    /// Every CJK Unified Ideograph is a letter to Unicode, as the shortcut assumes.
    @Test func headingSlugsKeepIdeographsAsUnicodeSaysTheyAreLetters() {
        for v in UInt32(0x4E00)...0x9FFF {
            #expect(Unicode.Scalar(v)!.properties.isAlphabetic)
        }
        #expect(HeadingSlug.make("退货 15 天 Return Window！") == "退货-15-天-return-window")
        #expect(HeadingSlug.make("七天无理由（普通商品）") == "七天无理由普通商品")
    }

    @Test func scalarsAreCountedOnTheBytes() {
        for text in ["", "ascii", "中文", "退货 15 天 🙂", String(repeating: "é中a", count: 100)] {
            #expect(ByteSearch.scalarCount(text) == text.unicodeScalars.count, "\(text.prefix(10))")
        }
        // Every length around the eight-byte words, with the non-ASCII character at every position.
        for length in 0..<26 {
            let ascii = String(repeating: "a", count: length)
            #expect(UTF8Scan.withBytes(ascii) { ByteSearch.isASCII($0) }, "\(length)")
            #expect(ByteSearch.scalarCount(ascii) == length)
            for at in 0...length {
                for wide in ["é", "中", "🙂", "\u{7F}"] {
                    var text = ascii
                    text.insert(contentsOf: wide, at: text.index(text.startIndex, offsetBy: at))
                    #expect(ByteSearch.scalarCount(text) == text.unicodeScalars.count, "\(length) \(at) \(wide)")
                    #expect(UTF8Scan.withBytes(text) { ByteSearch.isASCII($0) } == wide.utf8.allSatisfy { $0 < 0x80 })
                }
            }
        }
    }

    @Test func folderDepthCountsFolders() {
        #expect(RelativeURL.folderDepth("index.html") == 0)
        #expect(RelativeURL.folderDepth("en/index.html") == 1)
        #expect(RelativeURL.folderDepth("en/returns/refund/index.html") == 3)
        #expect(RelativeURL.folderDepth("/en//a/index.html") == 2)
        #expect(RelativeURL.between(from: "en/a/index.html", to: "zh-Hans/a/index.html", prettyURLs: true) == "../../zh-Hans/a/")
        #expect(RelativeURL.root(from: "404.html") == "./")
    }

    /// The URL path escaper keeps exactly RFC 3986's unreserved bytes, `/`, the sub-delimiters, `:` and `@`
    /// (and non-ASCII unless `ascii`): its two bit masks are checked against that list for every byte.
    @Test func urlPathEscapingKeepsExactlyThePathCharacters() {
        let kept = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/!$&'()*+,;=:@".utf8))
        for byte in UInt8(0)...UInt8(0x7F) {
            let text = String(decoding: [byte], as: UTF8.self)
            let expected = kept.contains(byte) ? text : String(format: "%%%02X", byte)
            #expect(RelativeURL.escaped(text) == expected, "byte \(byte)")
            #expect(RelativeURL.escaped(text, ascii: true) == expected, "byte \(byte)")
        }
        #expect(RelativeURL.escaped("退货/a b") == "退货/a%20b")
        #expect(RelativeURL.escaped("退货/a b", ascii: true) == "%E9%80%80%E8%B4%A7/a%20b")
        let escapedLink = RelativeURL.between(from: "en/a/index.html", to: "en/50%/my guides/index.html", prettyURLs: true)
        #expect(escapedLink == "../../en/50%25/my%20guides/")
        #expect(RelativeURL.between(from: "en/a/index.html", to: "en/退货/index.html", prettyURLs: false) == "../../en/退货/index.html")
        #expect(RelativeURL.between(from: "index.html", to: "index.html", prettyURLs: true) == "./")
        #expect(RelativeURL.between(from: "index.html", to: "en/index.html", prettyURLs: true) == "en/")
        #expect(RelativeURL.between(from: "en/index.html", to: "dex.html", prettyURLs: true) == "../dex.html")
    }

    @Test func headingSlugsKeepLettersAndDigitsOfAnyScript() {
        #expect(HeadingSlug.make("退货运费") == "退货运费")
        #expect(HeadingSlug.make("  Who pays?  Return_shipping -- fee ") == "who-pays-return-shipping-fee")
        #expect(HeadingSlug.make("Ünïcode Straße №5 ５天") == "ünïcode-straße-5-５天")
        #expect(HeadingSlug.make("ÉCLAIR") == "éclair" && HeadingSlug.make("Übung") == HeadingSlug.make("übung"))
        #expect(HeadingSlug.make("售后\u{3000}期 (15 天)") == "售后-期-15-天")
        #expect(HeadingSlug.make("🙂 ✓ ---") == "")
    }

    @Test func byteSearchFindsBytesInSmallAndLargeStrings() {
        let large = String(repeating: "文字 text ", count: 200)
        #expect(ByteSearch.containsPair("a {{rule x}}", 0x7B) && ByteSearch.containsPair(large + "{{", 0x7B))
        #expect(!ByteSearch.containsPair("a { b }", 0x7B) && !ByteSearch.containsPair(large + "{", 0x7B))
        #expect(ByteSearch.contains("~", 0x7E) && ByteSearch.contains(large + "~", 0x7E) && !ByteSearch.contains(large, 0x7E))
        #expect(!ByteSearch.contains("", 0x7E) && !ByteSearch.containsPair("", 0x7B))
    }

    @Test func columnsCountScalarsOnEachLine() {
        let table = ColumnTable("ab\n中文x\n\nlast")
        #expect(table.scalarColumn(line: 1, byteColumn: 2) == 2)
        #expect(table.scalarColumn(line: 2, byteColumn: 4) == 2)  // the byte after 中
        #expect(table.scalarColumn(line: 2, byteColumn: 7) == 3)  // x
        #expect(table.scalarColumn(line: 2, byteColumn: 99) == 4)  // past the end: just after it
        #expect(table.scalarColumn(line: 3, byteColumn: 1) == 1)
        #expect(table.scalarColumn(line: 4, byteColumn: 3) == 3)
        #expect(table.scalarColumn(line: 9, byteColumn: 3) == 1)
        #expect(ColumnTable("plain\nascii").scalarColumn(line: 2, byteColumn: 4) == 4)
    }

    @Test func headingIDsAreInsertedWithoutTouchingOtherTags() {
        let html = "<p>x</p>\n<h2>\u{E000}A</h2>\n<hr />\n<h3>\u{E000}B &amp;</h3>\n<h2>no marker</h2>\n"
        #expect(
            MarkdownRenderer.insertHeadingIDs(html, ["a", "b&c"])
                == "<p>x</p>\n<h2 id=\"a\">A</h2>\n<hr />\n<h3 id=\"b&amp;c\">B &amp;</h3>\n<h2>no marker</h2>\n")
    }

    @Test func escapingIntoBytesMatchesEscape() {
        for text in ["", "plain", "<a href=\"x\">&'</a>", String(repeating: "中文 & <b> ", count: 50), "end&", "&start"] {
            var out: [UInt8] = [0x2A]
            HTML.appendEscaped(text, to: &out)
            #expect(out == [0x2A] + Array(HTML.escape(text).utf8), "\(text.prefix(20))")
        }
    }

    @Test func sidebarLinkSearchFindsTheFirstWholeMatch() {
        let haystack = Array("<a href=\"x\"><a href=\"a/b\"><a href=\"a/b\">".utf8)
        #expect(haystack.withUnsafeBufferPointer { ByteSearch.firstIndex(of: Array("<a href=\"a/b\">".utf8), in: $0) } == 12)
        #expect(haystack.withUnsafeBufferPointer { ByteSearch.firstIndex(of: Array("<a href=\"zz\">".utf8), in: $0) } == nil)
        #expect(Array("\"".utf8).withUnsafeBufferPointer { ByteSearch.firstIndex(of: Array("\">".utf8), in: $0) } == nil)
    }
}

/// A rebuild links unchanged files from the previous output instead of writing them again.
@Suite struct UnchangedFileTests {
    static func inode(_ path: String) -> UInt64? {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    @Test func unchangedFilesKeepTheirInodeAndChangedOnesAreRewritten() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("guidegen-link-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        let writer = OutputWriter(protectedFolders: [])
        let marker = Array("marker\n".utf8)
        try writer.write(
            [".guidegen": marker, "en/a/index.html": Array("same".utf8), "en/b/index.html": Array("old".utf8), "gone.html": [1]],
            to: output)
        let before = try #require(Self.inode(output.path + "/en/a/index.html"))
        let changedBefore = try #require(Self.inode(output.path + "/en/b/index.html"))
        let staging = try writer.begin(output)
        for (path, bytes) in [".guidegen": marker, "en/a/index.html": Array("same".utf8), "en/b/index.html": Array("new!".utf8)] {
            staging.write(path, bytes)
        }
        #expect(staging.filesLinked == 1)  // en/a (the marker was rewritten with its listing)
        try staging.commit()
        #expect(Self.inode(output.path + "/en/a/index.html") == before)
        #expect(Self.inode(output.path + "/en/b/index.html") != changedBefore)
        #expect(FileManager.default.contents(atPath: output.path + "/en/b/index.html") == Data("new!".utf8))
        #expect(FileManager.default.contents(atPath: output.path + "/en/a/index.html") == Data("same".utf8))
        #expect(!FileManager.default.fileExists(atPath: output.path + "/gone.html"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".guidegen-") }
        #expect(leftovers.isEmpty)
    }

    /// What the author put in the output's top level (a gh-pages `.git` worktree, `CNAME`) survives a rebuild,
    /// as in Hugo; what guidegen wrote before and not now (a language dropped from the site) does not.
    @Test func theAuthorsFilesInTheOutputAreKept() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("guidegen-keep-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        let writer = OutputWriter(protectedFolders: [])
        try writer.write([".guidegen": Array("m".utf8), "index.html": [1], "en/index.html": [2], "fr/index.html": [3]], to: output)
        let marker = try String(contentsOfFile: output.path + "/.guidegen", encoding: .utf8)
        #expect(marker.hasSuffix("written: en\nwritten: fr\nwritten: index.html\n"), "\(marker)")
        try fm.createDirectory(atPath: output.path + "/.git", withIntermediateDirectories: true)
        #expect(fm.createFile(atPath: output.path + "/.git/HEAD", contents: Data("ref".utf8)))
        #expect(fm.createFile(atPath: output.path + "/CNAME", contents: Data("guide.example.org".utf8)))
        try writer.write([".guidegen": Array("m".utf8), "index.html": [1], "en/index.html": [4]], to: output)
        #expect(fm.contents(atPath: output.path + "/CNAME") == Data("guide.example.org".utf8))
        #expect(fm.contents(atPath: output.path + "/.git/HEAD") == Data("ref".utf8))
        #expect(fm.contents(atPath: output.path + "/en/index.html") == Data([4]))
        #expect(!fm.fileExists(atPath: output.path + "/fr"))
        // A file the author placed that the site now writes itself is the site's.
        try writer.write([".guidegen": Array("m".utf8), "CNAME": Array("new".utf8)], to: output)
        #expect(fm.contents(atPath: output.path + "/CNAME") == Data("new".utf8))
        #expect(fm.fileExists(atPath: output.path + "/.git/HEAD"))
        #expect(!fm.fileExists(atPath: output.path + "/index.html"))
    }

    /// Files are compared chunk by chunk: a difference in a later chunk, or in the last byte, still counts.
    @Test func filesLongerThanOneChunkAreComparedToTheLastByte() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("guidegen-chunks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let big = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var lastDiffers = big
        lastDiffers[lastDiffers.count - 1] ^= 1
        var secondChunkDiffers = big
        secondChunkDiffers[70_000] ^= 0x80
        let cases: [(name: String, written: [UInt8], expected: [UInt8], same: Bool)] = [
            ("equal", big, big, true), ("last", big, lastDiffers, false), ("second", big, secondChunkDiffers, false),
            ("empty", [], [], true), ("short", Array("ab".utf8), Array("ac".utf8), false),
        ]
        for test in cases {
            let old = root.appendingPathComponent(test.name).path
            #expect(FileManager.default.createFile(atPath: old, contents: Data(test.written)))
            let linked = OutputStaging.linkIfUnchanged(old, to: old + ".new", test.expected)
            #expect(linked == test.same, "\(test.name)")
            #expect(FileManager.default.fileExists(atPath: old + ".new") == test.same, "\(test.name)")
        }
    }

    /// Folders are made outside the staging lock: threads writing into the same new folders at once
    /// (a shared parent, siblings, the same leaf) must all succeed, each file exactly once.
    @Test func concurrentWritesIntoNewNestedFoldersAllLand() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("guidegen-race-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        let staging = try OutputWriter(protectedFolders: []).begin(output)
        let paths = (0..<400).map { "en/s\($0 % 7)/d\($0 % 13)/p\($0)/index.html" }
        _ = ParallelMap.map(paths, threads: 4) { path in staging.write(path, Array(path.utf8)) }
        #expect(staging.failure == nil)
        #expect(staging.pagesWritten == paths.count)
        try staging.commit()
        for path in paths { #expect(FileManager.default.contents(atPath: output.path + "/" + path) == Data(path.utf8)) }
    }

    @Test func aDiscardedBuildLeavesThePreviousFilesIntact() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("guidegen-link-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        let writer = OutputWriter(protectedFolders: [])
        try writer.write([".guidegen": [0x0A], "a.html": Array("keep".utf8)], to: output)
        let staging = try writer.begin(output)
        staging.write("a.html", Array("keep".utf8))
        staging.discard()
        #expect(FileManager.default.contents(atPath: output.path + "/a.html") == Data("keep".utf8))
    }
}

/// On a site with more than `fullNavigationLimit` pages per language, each sidebar lists every section but
/// only the 40-page block of the current one that holds the page (it listed no pages at all before).
@Suite struct LargeSiteSidebarTests {
    @Test func theCurrentSectionShowsTheBlockAroundThePage() throws {
        var files = ["guidegen.yaml": "title: {en: Guide}\nlanguages: [en]\n"]
        for i in 0..<(SiteRenderer.fullNavigationLimit + 10) {
            files["big/p\(String(format: "%03d", i)).en.md"] =
                "---\ntitle: P\(String(format: "%03d", i))\ntype: article\norder: \(i)\n---\nText.\n"
        }
        files["small/only.en.md"] = "---\ntitle: Only\ntype: article\n---\nText.\n"
        let root = try TestSupport.site(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Pipeline.run(PipelineOptions(content: root, templates: nil), render: true)
        #expect(!result.diagnostics.hasErrors)
        func sidebar(_ path: String) throws -> String {
            let html = String(decoding: try #require(result.files[path]), as: UTF8.self)
            return String(try #require(html.firstMatch(of: /<nav class="sidebar".*?<\/nav>/.dotMatchesNewlines())).output)
        }
        let page45 = try sidebar("en/big/p045/index.html")
        let links = page45.matches(of: /<a href="\.\.\/\.\.\/\.\.\/en\/big\/(p\d+)\/index\.html"( aria-current="page")?>/).map {
            "\($0.output.1)\($0.output.2 == nil ? "" : "*")"
        }
        #expect(links == (40..<80).map { "p0\($0)" + ($0 == 45 ? "*" : "") })
        #expect(page45.contains(#"<li><a href="../../../en/big/index.html">…</a></li>"#))
        #expect(!page45.contains("en/small/only/"))
        // A section it lists no pages of has its link and no empty list.
        let small = try #require(
            page45.firstMatch(of: /<li class="nav__section">\s*<a class="nav__section-link" href="[^"]*small[^"]*">Small<\/a>\s*<\/li>/))
        #expect(!small.output.isEmpty)
        #expect(page45.matches(of: /<ul>/).count == 1)
        // Another page of the same block shares the sidebar, with its own page marked.
        #expect(try sidebar("en/big/p079/index.html").contains(#"<a href="../../../en/big/p079/index.html" aria-current="page">"#))
        #expect(try sidebar("en/small/only/index.html").contains(#"<a href="../../../en/small/only/index.html" aria-current="page">"#))
    }
}
