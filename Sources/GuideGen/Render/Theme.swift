import Foundation
import Mustache

/// The templates and static files of `site-templates/`, loaded once per build.
///
/// Templates are Mustache (logic-less: they cannot run programs, read the environment or open files);
/// partials resolve only to templates inside the theme folder.
public struct Theme: Sendable {
    /// Compiled templates by name (file name without `.mustache`).
    public let library: MustacheLibrary
    /// Static files to copy: output path (under `theme/`) → bytes.
    public let files: [String: [UInt8]]
    /// Template names that exist.
    public let templateNames: Set<String>

    /// Templates every theme must provide.
    public static let requiredTemplates = ["page", "section", "home", "404", "root"]

    /// Reads a theme folder; problems are diagnostics against the template files.
    public static func load(from root: URL) -> (Theme?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        var files: [String: [UInt8]] = [:]
        var names = Set<String>()
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: rootPath) else {
            return (
                nil,
                [
                    Diagnostic(
                        .error, .template, at: SourceLocation(file: root.path, line: 1, column: 1), "cannot read the templates folder",
                        help: "pass --templates with a folder that holds page.mustache, section.mustache …")
                ]
            )
        }
        var relativePaths: [String] = []
        while let item = enumerator.nextObject() as? String { relativePaths.append(item) }
        for relative in relativePaths.sorted() {
            let full = rootPath + "/" + relative
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let resolved = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
            guard resolved.hasPrefix(rootPath + "/") else {
                diagnostics.append(
                    Diagnostic(
                        .error, .unsafePath, at: SourceLocation(file: "site-templates/" + relative, line: 1, column: 1),
                        "symbolic link points outside the templates folder"))
                continue
            }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = fm.contents(atPath: resolved)
            else { continue }
            if relative.hasSuffix(".mustache") {
                let name = String(relative.dropLast(".mustache".count))
                let text = String(decoding: data, as: UTF8.self)
                do {
                    library.register(try MustacheTemplate(string: text), named: name)
                    names.insert(name)
                } catch let error as MustacheTemplate.ParserError {
                    diagnostics.append(
                        Diagnostic(
                            .error, .template,
                            at: SourceLocation(
                                file: "site-templates/" + relative, line: error.context.lineNumber, column: error.context.columnNumber),
                            "template does not parse: \(error.error)"))
                } catch {
                    diagnostics.append(
                        Diagnostic(
                            .error, .template, at: SourceLocation(file: "site-templates/" + relative, line: 1, column: 1),
                            "template does not parse: \(error)"))
                }
            } else {
                files["theme/" + relative] = [UInt8](data)
            }
        }
        for required in requiredTemplates where !names.contains(required) {
            diagnostics.append(
                Diagnostic(
                    .error, .template, at: SourceLocation(file: "site-templates/\(required).mustache", line: 1, column: 1),
                    "the theme has no `\(required).mustache`", help: "copy it from guidegen's default site-templates/"))
        }
        return (Theme(library: library, files: files, templateNames: names), diagnostics)
    }

    /// Renders a template with a context; nil when the template does not exist.
    public func render(_ name: String, _ context: [String: Any]) -> String? {
        library.render(context, withTemplate: name)
    }
}
