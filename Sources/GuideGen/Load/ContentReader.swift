import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The files of a content folder, read and decoded but not yet interpreted.
public struct RawSite: Sendable {
    /// `guidegen.yaml`, when present.
    public var config: SourceText?
    /// Markdown files (`<section>/<slug>.<lang>.md`), sorted by path.
    public var pages: [SourceText]
    /// `rules/*.yaml`, sorted by path.
    public var rules: [SourceText]
    /// Asset paths relative to the content root (`assets/...`), sorted.
    public var assets: [String]

    public init(config: SourceText?, pages: [SourceText], rules: [SourceText], assets: [String]) {
        self.config = config
        self.pages = pages
        self.rules = rules
        self.assets = assets
    }
}

/// Reads a content folder from disk; the only part of loading that touches the file system.
public struct ContentReader: Sendable {
    /// Largest content file accepted, in bytes.
    public var maxFileBytes = 4 << 20
    /// As `PipelineOptions.threads`: 1 reads one file at a time; otherwise `ParallelMap.mapWaitingOnDisk`
    /// keeps several reads in flight.
    public var threads = 0

    public init() {}

    /// Reads every file under `root`; symlinks that leave the root and unreadable files are diagnostics.
    public func read(root: URL) -> (RawSite, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var config: SourceText?
        var pages: [SourceText] = []
        var rules: [SourceText] = []
        var assets: [String] = []
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        let files = listFiles(rootPath: rootPath, diagnostics: &diagnostics)
        assets = files.filter { $0.hasPrefix("assets/") }
        func isText(_ relative: String) -> Bool {
            !relative.hasPrefix("assets/") && (relative == "guidegen.yaml" || relative.hasSuffix(".md") || Self.isRuleTable(relative))
        }
        let texts = files.filter(isText)
        // Anything else in rules/ was probably meant as a table: say why it is not read.
        for relative in files where relative.hasPrefix("rules/") && !relative.hasSuffix(".md") && !Self.isRuleTable(relative) {
            diagnostics.append(
                Diagnostic(
                    .warning, .badFileName, at: SourceLocation(file: relative, line: 1, column: 1),
                    "`\(relative)` is not a rule table; it is skipped",
                    help: "rule tables are YAML files directly in rules/, named `rules/<table-id>.yaml`"))
        }
        // Nothing else is read: say so, so that a file is never dropped without a word.
        for relative in files where !relative.hasPrefix("assets/") && !relative.hasPrefix("rules/") && !isText(relative) {
            diagnostics.append(Self.skipped(relative))
        }
        // Reading and decoding are independent per file; results come back in path order.
        let maxFileBytes = self.maxFileBytes
        let decoded = ParallelMap.mapWaitingOnDisk(texts, threads: threads) { relative -> Result<SourceText, Diagnostic> in
            let at = SourceLocation(file: relative, line: 1, column: 1)
            switch FileBytes.contents(of: rootPath + "/" + relative, limit: maxFileBytes) {
            case .success(let bytes): return SourceText.decode(bytes, path: relative)
            case .failure(.tooLarge(let size)):
                return .failure(
                    Diagnostic(
                        .error, .fileTooLarge, at: at, "the file is \(size / 1024) KiB; the limit is \(maxFileBytes / 1024) KiB",
                        help: "split it into several pages"))
            case .failure(.unreadable(let code)):
                return .failure(Diagnostic(.error, .unreadableFile, at: at, "cannot read the file: \(String(cString: strerror(code)))"))
            case .failure(.notAFile):
                return .failure(
                    Diagnostic(
                        .error, .unreadableFile, at: at, "this is not a regular file (a device, pipe or socket)",
                        help: "content files must be plain files; remove it or the link to it"))
            }
        }
        for result in decoded {
            switch result {
            case .failure(let d): diagnostics.append(d)
            case .success(let text):
                if text.path == "guidegen.yaml" {
                    config = text
                } else if Self.isRuleTable(text.path) {
                    rules.append(text)
                } else {
                    pages.append(text)
                }
            }
        }
        return (RawSite(config: config, pages: pages, rules: rules, assets: assets), diagnostics)
    }

    /// Why a file outside assets/ and rules/ that is not a page or guidegen.yaml is not read.
    static func skipped(_ relative: String) -> Diagnostic {
        let at = SourceLocation(file: relative, line: 1, column: 1)
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        let lowered = name.lowercased()
        for markdown in [".markdown", ".mdown", ".mkdn", ".mkd", ".md"] where lowered.hasSuffix(markdown) {
            let renamed = String(relative.dropLast(markdown.count)) + ".md"
            return Diagnostic(
                .warning, .badFileName, at: at, "`\(relative)` is skipped: pages are `.md` files", help: "rename it to `\(renamed)`")
        }
        if lowered == "guidegen.yml" || lowered == "guidegen.yaml" {
            return Diagnostic(
                .warning, .badFileName, at: at, "`\(relative)` is not read: the configuration is `guidegen.yaml` at the top of content/",
                help: "name it `guidegen.yaml` and put it directly in content/")
        }
        if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") {
            return Diagnostic(
                .warning, .badFileName, at: at, "`\(relative)` is not read: rule tables live in rules/",
                help: "move it to `rules/\(name)` if it is a rule table")
        }
        return Diagnostic(
            .warning, .badFileName, at: at, "`\(relative)` is skipped: content/ holds pages, rules/ and assets/",
            help: "put images and downloads in content/assets/ and link to them from the page")
    }

    /// `rules/<id>.yaml` (or `.yml`, as Hugo reads data files), directly in rules/.
    static func isRuleTable(_ relative: String) -> Bool {
        relative.hasPrefix("rules/") && (relative.hasSuffix(".yaml") || relative.hasSuffix(".yml")) && !relative.dropFirst(6).contains("/")
    }

    /// Every regular file under the root, relative and sorted; hidden files are skipped, and links
    /// that point outside the root are reported and skipped.
    /// A folder's entries with their `d_type`, read with readdir: one call per folder instead of a stat
    /// per file (10,000 pages were 30 ms of the build's one-thread start).
    /// `valid` is false for a name that is not UTF-8: decoded, it names no file (its bytes are replaced).
    static func directoryEntries(_ path: String) -> [(name: String, type: UInt8, valid: Bool)]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var out: [(name: String, type: UInt8, valid: Bool)] = []
        while let entry = readdir(folder) {
            let (name, valid) = withUnsafePointer(to: &entry.pointee.d_name) { pointer -> (String, Bool) in
                let cString = UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)
                if let name = String(validatingCString: cString) { return (name, true) }
                return (String(cString: cString), false)
            }
            if name != "." && name != ".." { out.append((name, entry.pointee.d_type, valid)) }
        }
        return out
    }

    private func listFiles(rootPath: String, diagnostics: inout [Diagnostic]) -> [String] {
        let fm = FileManager.default
        var result: [String] = []
        // Each folder with the real paths of the folders it is in: a link to one of those (`returns/loop →
        // ../returns`) would be followed forever, publishing the section again at every level.
        var stack: [(dir: String, real: String, within: Set<String>)] = [("", rootPath, [])]
        var visited = Set<String>()
        while let (dir, real, within) = stack.popLast() {
            let full = dir.isEmpty ? rootPath : rootPath + "/" + dir
            guard visited.insert(full).inserted else { continue }
            guard let entries = Self.directoryEntries(full) else {
                let reason = String(cString: strerror(errno))
                diagnostics.append(
                    Diagnostic(
                        .error, .unreadableFile, at: SourceLocation(file: dir.isEmpty ? "." : dir, line: 1, column: 1),
                        "cannot read the folder: \(reason)",
                        help: "its files are left out; give the user running guidegen read access to it"))
                continue
            }
            for (name, type, valid) in entries.sorted(by: { $0.name < $1.name }) {
                // Hidden files are skipped, as Hugo skips them (.git, .DS_Store, editor files); a hidden page
                // (`.en.md`, a slug lost to a rename) says so rather than vanish.
                if name.hasPrefix(".") {
                    if name.hasSuffix(".md"), type != DT_DIR {
                        diagnostics.append(
                            Diagnostic(
                                .warning, .badFileName, at: SourceLocation(file: dir.isEmpty ? name : dir + "/" + name, line: 1, column: 1),
                                "`\(name)` is hidden (its name starts with `.`), so it is skipped",
                                help: "pages are named `<slug>.<lang>.md`, e.g. `page.en.md`"))
                    }
                    continue
                }
                let relative = dir.isEmpty ? name : dir + "/" + name
                guard valid else {
                    diagnostics.append(
                        Diagnostic(
                            .warning, .badFileName, at: SourceLocation(file: relative, line: 1, column: 1),
                            "this name is not valid UTF-8 (shown with � for the bytes that are not); it is skipped",
                            help: "rename it in UTF-8, e.g. `\(name.replacingOccurrences(of: "\u{FFFD}", with: "-"))`"))
                    continue
                }
                let path = rootPath + "/" + relative
                // The folder listing says what most entries are; lstat (not `attributesOfItem`, which also
                // looks up owner and group names) only for the rest: links, and file systems that do not say.
                var format: mode_t
                switch Int32(type) {
                case Int32(DT_REG): format = S_IFREG
                case Int32(DT_DIR): format = S_IFDIR
                default:
                    var info = stat()
                    guard lstat(path, &info) == 0 else { continue }
                    format = info.st_mode & S_IFMT
                }
                var isDirectory = format == S_IFDIR
                var realPath = real + "/" + name
                if format == S_IFLNK {
                    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                    realPath = target
                    guard target == rootPath || target.hasPrefix(rootPath + "/") else {
                        diagnostics.append(
                            Diagnostic(
                                .error, .unsafePath, at: SourceLocation(file: relative, line: 1, column: 1),
                                "symbolic link points outside the content folder",
                                help: "copy the file into content/ instead of linking to it"))
                        continue
                    }
                    var dirFlag: ObjCBool = false
                    guard fm.fileExists(atPath: target, isDirectory: &dirFlag) else {
                        diagnostics.append(
                            Diagnostic(
                                .warning, .unreadableFile, at: SourceLocation(file: relative, line: 1, column: 1),
                                "symbolic link points at nothing; it is skipped", help: "fix the link's target or remove the link"))
                        continue
                    }
                    isDirectory = dirFlag.boolValue
                } else if format != S_IFREG && format != S_IFDIR {
                    continue
                }
                if isDirectory, name.hasSuffix(".md") {
                    diagnostics.append(
                        Diagnostic(
                            .warning, .badFileName, at: SourceLocation(file: relative, line: 1, column: 1),
                            "`\(relative)` is a folder, not a page", help: "pages are Markdown files; rename the folder if it holds pages"))
                }
                if isDirectory {
                    if realPath == real || within.contains(realPath) {
                        diagnostics.append(
                            Diagnostic(
                                .warning, .unsafePath, at: SourceLocation(file: relative, line: 1, column: 1),
                                "symbolic link leads back to a folder it is in; it is skipped",
                                help: "link to a folder outside this one, or copy the files"))
                        continue
                    }
                    stack.append((relative, realPath, within.union([real])))
                } else {
                    result.append(relative)
                }
            }
        }
        return result.sorted()
    }
}
