import Foundation
import BulletinSupport

/// A Markdown file of the content folder, split and with its front matter parsed.
public struct MarkdownSource: Sendable {
    /// Path inside the content folder, with '/' separators, e.g. `bases/wanzhou-shahe-primary/visit.md`.
    public var relativePath: String
    /// Path as shown in diagnostics, e.g. `Content/bases/…`.
    public var displayPath: String
    public var frontMatter: YAMLDocument
    /// The front matter as written: what tells an unchanged one from a changed one in a session.
    public var frontMatterText: String
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
    /// The size in bytes of each of them.
    public var staticFileSizes: [String: Int] = [:]
    /// Markdown files that could not be read or split, by relative path: references to them are
    /// not reported again as unknown.
    public var unreadableMarkdown: [String] = []
    /// Files refused for what they could run (SVG, HTML, scripts): references to them are not
    /// reported again as missing.
    public var refusedFiles: [String] = []
    public var diagnostics: Diagnostics

    public func displayPath(_ relativePath: String) -> String {
        displayRoot.isEmpty ? relativePath : displayRoot + "/" + relativePath
    }
}

/// One file of the content folder after loading.
public enum LoadedFile: Sendable {
    case markdown(MarkdownSource)
    case yaml(YAMLDocument)
    /// Copied as it is; its size in bytes, which links to documents show.
    case asset(size: Int)
    case failed(Diagnostic)
}

/// Stage 1: files → front matter + Markdown. Reads and splits; gives no meaning to fields.
public enum ContentLoader {
    /// `listing` is the folder's listing when the caller made it already.
    package static func load(from root: URL, displayRoot: String, listing: ContentTree.Listing? = nil) -> LoadedContent {
        let listing = listing ?? ContentTree.list(root: root, displayRoot: displayRoot)
        let files = listing.files.parallelMap { relative in
            (relative, loadFile(relative, root: root, displayPath: displayRoot + "/" + relative))
        }
        return assemble(files, root: root, displayRoot: displayRoot, listingDiagnostics: listing.diagnostics)
    }

    /// Reads one file; the same step serves full and incremental builds.
    public static func loadFile(_ relative: String, root: URL, displayPath: String) -> LoadedFile {
        let extensionName = relative.fileExtension.lowercased()
        if let refusal = refusal(extension: extensionName) {
            return .failed(.error(at: SourceLocation(path: displayPath), refusal))
        }
        guard ["md", "markdown", "yaml", "yml"].contains(extensionName) else {
            return .asset(size: max(0, FileStamp(URL(fileURLWithPath: root.path + "/" + relative)).size))
        }
        let data: Data
        do {
            data = try SourceText.readBytes(root.path + "/" + relative, displayPath: displayPath, limit: maximumTextFileSize)
        } catch {
            return .failed(error)
        }
        return parse(data, relativePath: relative, displayPath: displayPath)
    }

    /// Files that browsers run rather than show: published from the site's own address they could
    /// act as the site (read what readers type, change pages). SVG images hold scripts too; a PNG
    /// or JPEG export shows the same picture. Refused, not published as downloads, so that no
    /// editor's file becomes active under the site's name.
    static let refusedExtensions: Set<String> = ["html", "htm", "xhtml", "xht", "shtml", "mht", "mhtml", "xml", "xsl",
                                                 "xslt", "js", "mjs", "cjs", "hta", "swf", "wasm"]

    /// Why a file of this (lowercased) extension is refused, or nil.
    public static func refusal(extension name: String) -> Message? {
        if name == "svg" || name == "svgz" { return Message(.assetSVGRefused) }
        if refusedExtensions.contains(name) { return Message(.assetActiveRefused, ["extension": name]) }
        return nil
    }

    /// Text files larger than this are refused: no editor writes 8 MB of Markdown, and a mistaken
    /// huge file should not stall a build.
    public static let maximumTextFileSize = 8 * 1_048_576

    /// Decodes, splits and parses the bytes of a Markdown or YAML file.
    public static func parse(_ data: Data, relativePath relative: String, displayPath: String) -> LoadedFile {
        do {
            let text = try SourceText.decode(data, displayPath: displayPath)
            switch relative.fileExtension.lowercased() {
            case "md", "markdown":
                let split = try FrontMatterSplit.split(text, path: displayPath)
                let yaml = try YAMLDocument.parse(split.yaml, path: displayPath, firstLine: split.yamlFirstLine)
                return .markdown(MarkdownSource(relativePath: relative, displayPath: displayPath, frontMatter: yaml,
                                                frontMatterText: split.yaml, body: split.body, bodyFirstLine: split.bodyFirstLine))
            default:
                return .yaml(try YAMLDocument.parse(text, path: displayPath))
            }
        } catch {
            return .failed(error)
        }
    }

    /// Puts loaded files together in path order, as the model stage receives them.
    public static func assemble(_ files: [(String, LoadedFile)], root: URL, displayRoot: String,
                                listingDiagnostics: [Diagnostic]) -> LoadedContent {
        var diagnostics = Diagnostics(listingDiagnostics)
        var content = LoadedContent(root: root, displayRoot: displayRoot, markdown: [], staticFiles: [], diagnostics: Diagnostics())
        for (relative, file) in files {
            switch file {
            case .markdown(let source):
                content.markdown.append(source)
            case .yaml(let yaml):
                switch relative {
                case "site.yaml": content.siteFile = yaml
                case "bases.yaml": content.basesFile = yaml
                default:
                    diagnostics.append(.warning(at: SourceLocation(path: content.displayPath(relative)), .yamlFileUnused))
                }
            case .asset(let size):
                content.staticFiles.append(relative)
                content.staticFileSizes[relative] = size
            case .failed(let diagnostic):
                diagnostics.append(diagnostic)
                let extensionName = relative.fileExtension.lowercased()
                if ["md", "markdown"].contains(extensionName) {
                    content.unreadableMarkdown.append(relative)
                } else if refusal(extension: extensionName) != nil {
                    content.refusedFiles.append(relative)
                }
            }
        }
        let paths = Set(files.map(\.0))
        for required in ["site.yaml", "bases.yaml"] where !paths.contains(required) && listingDiagnostics.isEmpty {
            diagnostics.append(.error(at: SourceLocation(path: content.displayPath(required)), .requiredFileMissing,
                                      ["file": required]))
        }
        content.diagnostics = diagnostics
        return content
    }
}
