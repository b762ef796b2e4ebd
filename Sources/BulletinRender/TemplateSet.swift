import Foundation
import BulletinPlan
import Mustache
import BulletinLoad
import BulletinSupport

/// The theme: every Mustache template parsed once, partial references checked, and the
/// theme's static files (CSS, JS, images) listed for copying.
public struct TemplateSet: Sendable {
    /// Each template by its name: its path in the theme without `.mustache`.
    let templates: [String: [TemplateNode]]
    /// Paths inside the theme's `static/` folder; published under `static/`.
    public let staticFiles: [String]
    /// Where each static file is published: its name with a fingerprint of its content
    /// (`style.css` → `static/style.0123456789abcdef.css`), so servers may cache it for a year.
    public let assetPaths: [String: String]
    public let root: URL
    /// Every file of the theme as it was when loaded, to tell when it must be loaded again.
    public let stamps: [String: FileStamp]
    /// The templates' text with their display paths, for strict checks.
    public let sources: [(display: String, text: String)]

    /// The page at `path` the template `name` makes of `value`, or the error of a template that
    /// runs past a limit (a partial that includes itself without end), located at the template.
    func render(_ name: String, with value: TemplateValue, for path: String) -> Result<[UInt8], Diagnostic> {
        do {
            return .success(try TemplateRenderer.render(name, with: value, templates: templates))
        } catch {
            let template = error.template ?? name
            let display = sources.first { $0.display.hasSuffix("/" + template + ".mustache") }?.display ?? template + ".mustache"
            return .failure(.error(at: SourceLocation(path: display), error.message(path: path)))
        }
    }

    /// Whether any file of the theme changed, was added or was removed since it was loaded.
    public func isCurrent() -> Bool {
        ContentTree.list(root: root, displayRoot: "", role: "templates").stamps == stamps
    }

    /// Every page kind the planner produces needs its template.
    public static let requiredTemplates = ["home", "bulletins", "bulletin", "bases", "base", "writeup", "models", "model",
                                           "reports", "notices", "notice", "attachment", "page", "search", "404",
                                           "bulletin-print"]

    /// `listing` is the folder's listing when the caller made it already.
    package static func load(from root: URL, displayRoot: String, listing: ContentTree.Listing? = nil) -> (TemplateSet?, [Diagnostic]) {
        let listing = listing ?? ContentTree.list(root: root, displayRoot: displayRoot, role: "templates")
        var diagnostics = listing.diagnostics
        if listing.files.isEmpty {
            if diagnostics.isEmpty {
                diagnostics.append(.error(at: SourceLocation(path: displayRoot), .templatesFolderEmpty))
            }
            return (nil, diagnostics)
        }
        var templates: [String: [TemplateNode]] = [:]
        var texts: [String: (display: String, text: String)] = [:]
        var staticFiles: [String] = []
        for relative in listing.files {
            let display = displayRoot + "/" + relative
            if relative.hasPrefix("static/") {
                staticFiles.append(String(relative.dropFirst("static/".count)))
                continue
            }
            guard relative.hasSuffix(".mustache") else { continue }
            let name = String(relative.dropLast(".mustache".count))
            do {
                let text = try SourceText.read(root.path + "/" + relative, displayPath: display, limit: ContentLoader.maximumTextFileSize)
                texts[name] = (display, text)
                templates[name] = try TemplateParser.parse(text)
            } catch let diagnostic as Diagnostic {
                diagnostics.append(diagnostic)
            } catch let error as TemplateSyntaxError {
                diagnostics.append(.error(at: SourceLocation(path: display, line: error.line, column: error.column),
                                          error.text))
            } catch {
                diagnostics.append(.error(at: SourceLocation(path: display), .templateSyntaxError, ["detail": "\(error)"]))
            }
        }
        for (name, source) in texts.sorted(by: { $0.key < $1.key }) {
            diagnostics += PartialReferences.check(source.text, path: source.display, known: Array(texts.keys))
            _ = name
        }
        for name in requiredTemplates where texts[name] == nil {
            diagnostics.append(.error(at: SourceLocation(path: "\(displayRoot)/\(name).mustache"), .templateMissing))
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        let sources = texts.sorted { $0.key < $1.key }.map { (display: $0.value.display, text: $0.value.text) }
        var assetPaths: [String: String] = [:]
        for file in staticFiles {
            let data = (try? FileSystemCalls.readFile(root.path + "/static/" + file)) ?? Data()
            assetPaths[file] = "static/" + Fingerprint.name(file, content: data)
        }
        return (TemplateSet(templates: templates, staticFiles: staticFiles, assetPaths: assetPaths,
                            root: root, stamps: listing.stamps, sources: sources), diagnostics)
    }
}

/// Finds `{{> name}}` and `{{< name}}` tags naming no template, which would otherwise render as
/// nothing, silently.
enum PartialReferences {
    static func check(_ text: String, path: String, known: [String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var line = 1
        for lineText in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = lineText[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.range(of: "}}") else { break }
                let tag = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if let marker = tag.first, marker == ">" || marker == "<" {
                    let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                    if !name.isEmpty, !name.hasPrefix("*"), !known.contains(name) {
                        let column = lineText.distance(from: lineText.startIndex, to: open.lowerBound) + 1
                        diagnostics.append(.error(at: SourceLocation(path: path, line: line, column: column),
                                                  .unknownPartial, ["name": name], hint: Suggestion.hint(for: name, in: known.sorted())))
                    }
                }
                rest = afterOpen[close.upperBound...]
            }
            line += 1
        }
        return diagnostics
    }
}

/// Content fingerprints for file names: FNV-1a of the bytes, in hexadecimal.
enum Fingerprint {
    static func name(_ file: String, content: Data) -> String {
        let fingerprint = FNV1a.hex(FNV1a.hash(content))
        let ext = (file as NSString).pathExtension
        let stem = ext.isEmpty ? file : String(file.dropLast(ext.count + 1))
        return ext.isEmpty ? "\(stem).\(fingerprint)" : "\(stem).\(fingerprint).\(ext)"
    }
}
