import Foundation
import BulletinImages
import BulletinLoad
import BulletinSupport

/// Converts a Markdown body to a `Document`: every link and image is checked and pointed at
/// its public URL, unsafe destinations are removed, and each problem is reported at its line.
public struct BodyConverter: Sendable, Equatable {
    public let paths: ContentPaths
    /// The site's root path ('/' or '/sub/path/'), prefixed to every internal link.
    public let rootPath: String
    public let allowRawHTML: Bool
    /// The photos of the image stage by content path, and those it could not use: a body image
    /// becomes a `<picture>` of the versions made, and an unusable one an error at its line.
    public let images: [String: ProcessedImage]
    public let imageProblems: [String: ImageProblem]
    /// Made from `paths`, for "did you mean" on links to missing files.
    private let targets: SuggestionIndex

    public init(paths: ContentPaths, rootPath: String, allowRawHTML: Bool, images: [String: ProcessedImage] = [:],
                imageProblems: [String: ImageProblem] = [:]) {
        self.paths = paths
        self.rootPath = rootPath
        self.allowRawHTML = allowRawHTML
        self.images = images
        self.imageProblems = imageProblems
        targets = SuggestionIndex(paths.allTargets)
    }

    public static func == (a: BodyConverter, b: BodyConverter) -> Bool {
        (a.paths, a.rootPath, a.allowRawHTML) == (b.paths, b.rootPath, b.allowRawHTML)
            && a.images == b.images && a.imageProblems == b.imageProblems
    }

    /// Where a `<picture>` goes: libcmark keeps this address as written, and the `<img>` it
    /// writes for it is replaced after rendering.
    static let pictureMarker = "bulletin-picture:"

    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    public func convert(_ markdown: String, sourcePath: String, displayPath: String, firstLine: Int) -> (Document, [Diagnostic]) {
        var found = DiagnosticCap()
        var columns = CharacterColumns(markdown)
        var pictures: [ProcessedImage] = []
        var linkedFiles = Set<String>()
        var imageFiles = Set<String>()
        let output = CommonMark.render(markdown, allowRawHTML: allowRawHTML) { destination in
            func location() -> SourceLocation {
                SourceLocation(path: displayPath, line: destination.line + firstLine - 1,
                               column: columns.column(line: destination.line, byteColumn: destination.column))
            }
            var (url, problem, details, file) = resolve(destination, sourcePath: sourcePath)
            if let file {
                linkedFiles.insert(file)
                if destination.isImage { imageFiles.insert(file) }
            }
            if let problem {
                found.add(problem.kind) { problem.diagnostic(at: location(), nearest: targets.nearest(to:)) }
            }
            if problem == nil, let source = imageSource(destination, sourcePath: sourcePath) {
                if let image = images[source] {
                    if destination.isImage {
                        url = Self.pictureMarker + String(pictures.count)
                        pictures.append(image)
                    } else {
                        url = image.largestURL(rootPath: rootPath)
                    }
                } else if let imageProblem = imageProblems[source] {
                    found.add(.moreUnusableImages) { imageProblem.diagnostic(at: location(), path: source) }
                    url = ""
                }
            }
            if destination.isImage && !destination.hasText {
                found.add(.moreImagesWithoutAltText) {
                    .warning(at: location(), .imageWithoutAltText, ["url": TextCharacters.shown(destination.url)])
                }
            }
            return CommonMark.Rewrite(url: url, after: details.map { "（\($0)）" })
        }
        for slip in output.slips {
            switch slip {
            case let .proseAsCode(line):
                found.add(.moreParagraphsShownAsCode) {
                    .warning(at: SourceLocation(path: displayPath, line: line + firstLine - 1), .paragraphShownAsCode)
                }
            case let .fullWidthIndent(line, joinsLineAbove):
                found.add(.moreParagraphsFullWidthIndent) {
                    .warning(at: SourceLocation(path: displayPath, line: line + firstLine - 1),
                             joinsLineAbove ? .paragraphJoinedByFullWidthIndent : .paragraphFullWidthIndent)
                }
            case let .bulletLine(line, bullet, joinsLineAbove):
                found.add(.moreBulletLines) {
                    .warning(at: SourceLocation(path: displayPath, line: line + firstLine - 1), joinsLineAbove ? .bulletLineJoined : .bulletLine,
                             ["bullet": bullet.properties.generalCategory == .privateUse ? TextCharacters.visible(bullet) : String(bullet)])
                }
            case let .numberedLineJoined(line, number):
                found.add(.moreNumberedLinesJoined) {
                    let at = SourceLocation(path: displayPath, line: line + firstLine - 1)
                    // 一、 and （一） number the sections of an official document, as `bulletin import` reads them.
                    if let level = OfficialNumbers.headingLevel(of: Substring(number)), level < 4 {
                        return .warning(at: at, .headingLineJoined, ["number": number, "marks": String(repeating: "#", count: level)])
                    }
                    return .warning(at: at, .numberedLineJoined, ["number": number])
                }
            case let .emphasisLeftAsText(line):
                found.add(.moreEmphasisProblems) {
                    .warning(at: SourceLocation(path: displayPath, line: line + firstLine - 1), .emphasisLeftAsText, ["run": "**"])
                }
            case let .emphasisMispaired(line):
                found.add(.moreEmphasisProblems) {
                    .warning(at: SourceLocation(path: displayPath, line: line + firstLine - 1), .emphasisMispaired)
                }
            case let .unreadLink(line, column, destination, isImage):
                let what = isImage ? "image" : "link"
                found.add(isImage ? .moreImagesWithSpaceInPath : .moreLinksWithSpaceInPath) {
                    let at = SourceLocation(path: displayPath, line: line + firstLine - 1, column: columns.column(line: line, byteColumn: column))
                    if Self.isOnOwnComputer(destination) {
                        return DestinationProblem(what: what, url: destination, reason: .ownComputer(hint: ownComputerHint(destination, from: sourcePath)))
                            .diagnostic(at: at, nearest: { _ in nil })
                    }
                    return .error(at: at, isImage ? .imagePathHoldsSpace : .linkPathHoldsSpace,
                                  ["url": TextCharacters.shown(destination), "path": destination])
                }
            case let .linkTypedFullWidth(line, column, typed, fixed, linksPhoto):
                found.add(.moreLinksTypedFullWidth) {
                    // A photo named in brackets was most likely meant to be shown: both ways are told.
                    .warning(at: SourceLocation(path: displayPath, line: line + firstLine - 1, column: columns.column(line: line, byteColumn: column)),
                             .linkTypedFullWidth, ["typed": typed, "fixed": fixed],
                             hint: linksPhoto ? Message(.linkTypedFullWidthToPhoto, ["fixed": fixed]) : nil)
                }
            case let .tableColumnsDiffer(line, header, delimiter):
                found.add(.moreTablesShownAsText) {
                    .warning(at: SourceLocation(path: displayPath, line: line + firstLine - 1), .tableColumnsDiffer,
                             ["header": String(header), "delimiter": String(delimiter)])
                }
            case let .tableOfTabs(line, rows, firstRow):
                found.add(.moreTablesShownAsText) {
                    .warning(at: SourceLocation(path: displayPath, line: line + firstLine - 1), .tableOfTabs,
                             ["rows": String(rows), "header": "| " + firstRow.joined(separator: " | ") + " |",
                              "delimiter": "|" + String(repeating: " --- |", count: firstRow.count)])
                }
            case let .tableWithoutDelimiterRow(line):
                found.add(.moreTablesShownAsText) {
                    .warning(at: SourceLocation(path: displayPath, line: line + firstLine - 1), .tableWithoutDelimiterRow)
                }
            }
        }
        var text = markdown
        text.withUTF8 { bytes in
            for invisible in TextCharacters.invisibles(in: bytes) {
                found.add(.moreInvisibleCharacters) {
                    let before = bytes[..<invisible.offset]
                    let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
                    let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
                    return .warning(at: SourceLocation(path: displayPath, line: line + firstLine - 1,
                                                       column: columns.column(line: line, byteColumn: invisible.offset - lineStart + 1)),
                                    .bodyInvisibleCharacter, [Message.namedCharacter: TextCharacters.visible(invisible.scalar)])
                }
            }
        }
        var diagnostics = found.diagnostics
        if let refused = CharacterReferences.forbidden(in: output.html, markdown: markdown, displayPath: displayPath, firstLine: firstLine) {
            diagnostics.append(refused)
        }
        let html = pictures.isEmpty ? output.html : Self.placePictures(pictures, in: output.html, rootPath: rootPath)
        return (Document(html: html, plainText: output.plainText, linkedFiles: linkedFiles, imageFiles: imageFiles), diagnostics)
    }

    /// The content path of a photo of the image stage that a destination names, if it does.
    private func imageSource(_ destination: CommonMark.Destination, sourcePath: String) -> String? {
        guard !images.isEmpty || !imageProblems.isEmpty else { return nil }
        let url = destination.url.trimmingEnds(Self.whitespace)
        guard Self.scheme(of: url) == nil, !url.hasPrefix("/"), !url.hasPrefix("#"),
              case .sitePath(let path) = paths.resolve(url, from: sourcePath) else { return nil }
        return images[path] != nil || imageProblems[path] != nil ? path : nil
    }

    /// Replaces each `<img src="bulletin-picture:N" alt="…" />` libcmark wrote (with a `title`
    /// when the Markdown gave one) by the `<picture>` of photo N.
    static func placePictures(_ pictures: [ProcessedImage], in html: String, rootPath: String) -> String {
        var result = ""
        var rest = Substring(html)
        let opening = "<img src=\"" + pictureMarker
        while let start = rest.exactRange(of: opening) {
            result += rest[..<start.lowerBound]
            let afterMarker = rest[start.upperBound...]
            guard let quote = afterMarker.firstIndex(of: "\""), let number = Int(afterMarker[..<quote]), number < pictures.count,
                  let end = afterMarker.exactRange(of: " />") else {
                result += rest[start]
                rest = afterMarker
                continue
            }
            let attributes = afterMarker[afterMarker.index(after: quote) ..< end.lowerBound]
            let alt = PictureMarkup.attribute("alt", in: attributes) ?? ""
            let view = pictures[number].picture(rootPath: rootPath, alt: "")
            result += PictureMarkup.html(view, altHTML: alt, titleHTML: PictureMarkup.attribute("title", in: attributes))
            rest = afterMarker[end.upperBound...]
        }
        return result + rest
    }

    /// The destination to publish instead (nil: keep it as written), what is wrong with it, and for
    /// a link to a document of the content folder its type and size (`PDF，120KB`), and the file
    /// of the content folder it names.
    private func resolve(_ destination: CommonMark.Destination, sourcePath: String)
        -> (String?, DestinationProblem?, String?, file: String?) {
        let url = destination.url.trimmingEnds(Self.whitespace)
        let what = destination.isImage ? "image" : "link"
        if url.isEmpty || url.hasPrefix("#") { return (nil, nil, nil, nil) }
        if Self.isOnOwnComputer(url) {
            return ("", DestinationProblem(what: what, url: url, reason: .ownComputer(hint: ownComputerHint(url, from: sourcePath))), nil, nil)
        }
        if url.hasPrefix("//") { return (nil, nil, nil, nil) }
        if let scheme = Self.scheme(of: url) {
            if Self.allowedSchemes.contains(scheme) { return (nil, nil, nil, nil) }
            return ("", DestinationProblem(what: what, url: url, reason: .removedScheme(scheme)), nil, nil)
        }
        switch paths.resolve(url, from: sourcePath) {
        case .sitePath(let path):
            let file = path.utf8.firstIndex(of: UInt8(ascii: "#")).map { String(path[..<$0]) } ?? path
            return (rootPath + Self.encodePath(path), nil, destination.isImage ? nil : paths.documentDetails(path),
                    paths.staticFiles.contains(file) ? file : nil)
        case .absolutePath:
            return (nil, DestinationProblem(what: what, url: url, reason: .absolutePath), nil, nil)
        case .outsideContent:
            return (nil, DestinationProblem(what: what, url: url, reason: .outsideContent), nil, nil)
        case .missing(let candidate):
            return (nil, DestinationProblem(what: what, url: url, reason: .missing(candidate: candidate)), nil, nil)
        }
    }

    private static let whitespace = CharacterSet.whitespaces

    /// A path on the editor's computer: `C:\…`, `C:/…`, `\\server\share\…` (`\server…` once
    /// Markdown has read its escape), or a `file:` address. No reader's browser can open it.
    static func isOnOwnComputer(_ url: String) -> Bool {
        let bytes = Array(url.utf8.prefix(5))
        if bytes.count >= 3, bytes[0].isASCIILetter, bytes[1] == UInt8(ascii: ":"),
           bytes[2] == UInt8(ascii: "\\") || bytes[2] == UInt8(ascii: "/") { return true }
        if bytes.first == UInt8(ascii: "\\") { return true }
        return scheme(of: url) == "file"
    }

    /// Where the file would be linked from once it is in Content/assets/: `../../assets/开放日.jpg`.
    private func ownComputerHint(_ url: String, from sourcePath: String) -> Message {
        Self.ownComputerHint(url, from: sourcePath)
    }

    static func ownComputerHint(_ url: String, from sourcePath: String) -> Message {
        let name = url.split(whereSeparator: { $0 == "\\" || $0 == "/" }).last.map(String.init) ?? url
        let depth = ContentPaths.folder(of: sourcePath).split(separator: "/").count
        let path = String(repeating: "../", count: depth) + "assets/" + name
        return Message(.ownComputerHint, ["assetPath": path])
    }

    /// `https` of `https://…`: an ASCII letter, then letters, digits, `+`, `-` or `.` before a colon.
    static func scheme(of url: String) -> String? {
        guard let colon = url.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let candidate = url.utf8[..<colon]
        guard let first = candidate.first, first.isASCIILetter, candidate.allSatisfy({
            $0.isASCIILetter || $0.isASCIIDigit || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
        }) else { return nil }
        return String(url[..<colon]).lowercased()
    }

    /// Percent-encodes what a URL path cannot hold (spaces, Chinese file names), keeping '/' and '#'.
    public static func encodePath(_ path: String) -> String {
        if path.isPlainURLPath(keepingFragment: true) { return path }
        var allowed = CharacterSet.urlPathAllowed
        allowed.insert("#")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
