import Foundation

/// A Markdown file of the content folder, split and with its front matter parsed.
public struct MarkdownSource: Sendable {
    /// Path inside the content folder, with '/' separators, e.g. `bases/wanzhou-shahe-primary/visit.md`.
    public var relativePath: String
    /// Path as shown in diagnostics, e.g. `Content/bases/…`.
    public var displayPath: String
    public var frontMatter: YAMLDocument
    public var body: String
    public var bodyFirstLine: Int
}

/// Everything read from the content folder, before any meaning is given to it.
public struct LoadedContent: Sendable {
    public var root: URL
    public var displayRoot: String
    public var siteFile: YAMLDocument?
    public var basesFile: YAMLDocument?
    public var markdown: [MarkdownSource]
    /// Files copied to the output as they are (images, PDF, DOCX), by relative path.
    public var staticFiles: [String]
    public var diagnostics: Diagnostics

    public func displayPath(_ relativePath: String) -> String {
        displayRoot.isEmpty ? relativePath : displayRoot + "/" + relativePath
    }
}

/// Stage 1: files → front matter + Markdown. Reads and splits; gives no meaning to fields.
public enum ContentLoader {
    public static func load(from root: URL, displayRoot: String) -> LoadedContent {
        var diagnostics = Diagnostics()
        var content = LoadedContent(root: root, displayRoot: displayRoot, markdown: [], staticFiles: [], diagnostics: Diagnostics())
        let listing = ContentTree.list(root: root, displayRoot: displayRoot)
        diagnostics.append(contentsOf: listing.diagnostics)

        for relative in listing.files {
            let display = content.displayPath(relative)
            let url = root.appendingPathComponent(relative)
            let ext = (relative as NSString).pathExtension.lowercased()
            do {
                switch ext {
                case "md", "markdown":
                    let text = try SourceText.read(url, displayPath: display)
                    let split = try FrontMatterSplit.split(text, path: display)
                    let yaml = try YAMLDocument.parse(split.yaml, path: display, firstLine: split.yamlFirstLine)
                    content.markdown.append(MarkdownSource(relativePath: relative, displayPath: display, frontMatter: yaml,
                                                           body: split.body, bodyFirstLine: split.bodyFirstLine))
                case "yaml", "yml":
                    let text = try SourceText.read(url, displayPath: display)
                    let yaml = try YAMLDocument.parse(text, path: display)
                    switch relative {
                    case "site.yaml": content.siteFile = yaml
                    case "bases.yaml": content.basesFile = yaml
                    default:
                        diagnostics.append(.warning(at: SourceLocation(path: display), "this YAML file is not used",
                                                    hint: "only site.yaml and bases.yaml are read; front matter belongs at the top of Markdown files"))
                    }
                default:
                    content.staticFiles.append(relative)
                }
            } catch {
                diagnostics.append(error)
            }
        }
        for required in ["site.yaml", "bases.yaml"] where !listing.files.contains(required) {
            diagnostics.append(.error(at: SourceLocation(path: content.displayPath(required)), "the file is missing",
                                      hint: "every content folder needs \(required); see README.md for its fields"))
        }
        content.diagnostics = diagnostics
        return content
    }
}
