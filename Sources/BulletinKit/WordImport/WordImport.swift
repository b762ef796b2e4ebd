import Foundation
import BulletinLoad
import BulletinModel
import BulletinSupport

/// `bulletin import`: a write-up made from a Word document. pandoc reads the document; the
/// official heading rules and the cleaning of Word's habits are applied to what it writes
/// (`ImportedMarkdown`); the photos go to `assets/` under names of their own, where the image
/// stage finds them. Nothing existing is ever replaced.
public enum WordImport {
    public struct Request: Sendable {
        public var document: URL
        /// The document's path as the editor typed it, for messages.
        public var displayPath: String
        public var base: String
        public var kind: WriteUpKind
        public var year: Int?
        public var slug: String?

        public init(document: URL, displayPath: String, base: String, kind: WriteUpKind = .practice, year: Int? = nil,
                    slug: String? = nil) {
            self.document = document
            self.displayPath = displayPath
            self.base = base
            self.kind = kind
            self.year = year
            self.slug = slug
        }
    }

    public struct Imported: Sendable, Equatable {
        /// The write-up's path inside the content folder.
        public var relativePath: String
        public var baseID: String
        public var baseFoundByName: String?
        /// The photos written, by path inside the content folder.
        public var photos: [String]
        /// False when the document states no date and the front matter holds the placeholder.
        public var dated: Bool

        /// Pictures browsers do not show (Word drawings, TIFF), each with what to do; paths are
        /// shown below `displayRoot`, the content folder as the editor named it.
        public func picturesNotForWeb(shownIn displayRoot: String) -> [Message] {
            photos.compactMap { path in
                let extensionName = (path as NSString).pathExtension.lowercased()
                guard WordImport.notForWeb.contains(extensionName) else { return nil }
                return Message(.importPhotoNotForWeb, ["path": displayRoot + "/" + path, "extension": extensionName])
            }
        }
    }

    /// Picture formats Word keeps that no browser shows: drawings (EMF, WMF, compressed or not)
    /// and TIFF scans.
    static let notForWeb: Set<String> = ["emf", "wmf", "emz", "wmz", "tif", "tiff"]

    public enum Problem: Error, Equatable {
        /// What is wrong with the document (or with writing at `path`), located at the file.
        case document(path: String, Message)
        case scaffold(Scaffold.Problem)

        public var path: String? {
            if case .document(let path, _) = self { return path }
            return nil
        }

        public var text: Message {
            switch self {
            case .document(_, let message): message
            case .scaffold(let problem): problem.text
            }
        }
    }

    public static func run(_ request: Request, in content: ScaffoldContext, today: PartialDate) throws(Problem) -> Imported {
        try checkFormat(of: request.document, shownAs: request.displayPath)
        let baseID: String
        let foundByName: String?
        do throws(Scaffold.Problem) {
            (baseID, foundByName) = try Scaffold.base(request.base, in: content)
            if let year = request.year, request.kind == .report { try Scaffold.checkReportYear(year, today: today) }
        } catch {
            throw .scaffold(error)
        }

        let work = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-import-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: work) }
        let output: Pandoc.Output
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            output = try Pandoc.markdown(of: request.document, workFolder: work)
        } catch let failure as Pandoc.Failure {
            switch failure {
            case .missing: throw .document(path: request.displayPath, Message(.importPandocMissing))
            case .unreadable(let said): throw .document(path: request.displayPath, Message(.importPandocFailed, ["reason": said]))
            case .workFolderUnwritable(let reason):
                throw .document(path: work.path, Message(.importWriteFailed, ["reason": reason]))
            }
        } catch {
            throw .document(path: request.displayPath, Message(.importWriteFailed, ["reason": error.localizedDescription]))
        }

        // Read once for the title, which names the file and the photos, then again with the photos' names.
        let firstReading = ImportedMarkdown(pandoc: output.markdown)
        let title = firstReading.title ?? request.document.deletingPathExtension().lastPathComponent
        let folder = "bases/\(baseID)"
        let file: Scaffold.NewFile
        let photos: [String: String]
        let imported: ImportedMarkdown
        do throws(Scaffold.Problem) {
            let quotedTitle = try Scaffold.oneLine(title)
            let slug = try Scaffold.chooseSlug(request.slug, typed: nil, title: title, in: folder, of: content)
            photos = photoNames(for: output, slug: slug, in: content)
            let links = photos.mapValues { "../../assets/" + $0 }
            imported = ImportedMarkdown(pandoc: output.markdown, images: links)
            let year = request.kind == .report ? try reportYear(request.year, title: title, date: imported.date, today: today) : nil
            let date = imported.date?.iso ?? "\"\(Placeholders.marker)\""
            let lines = Scaffold.writeUpFrontMatter(quotedTitle: quotedTitle, date: date, kind: request.kind, year: year, in: content)
            file = try Scaffold.newFile("\(folder)/\(slug).md", lines + ["", imported.body], in: content)
        } catch {
            throw .scaffold(error)
        }
        let written = try write(file, photos: photos, from: output.mediaFolder, in: content)
        return Imported(relativePath: file.relativePath, baseID: baseID, baseFoundByName: foundByName, photos: written,
                        dated: imported.date != nil)
    }

    /// Word documents are zip archives; an old `.doc`, a WPS file or a password-protected
    /// document is a compound file (as is a `.doc` renamed `.docx`). Each is named, with what to do.
    static func checkFormat(of document: URL, shownAs path: String) throws(Problem) {
        let extensionName = document.pathExtension.lowercased()
        guard let handle = FileHandle(forReadingAtPath: document.path) else {
            throw .document(path: path, Message(.importFileMissing))
        }
        let start = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
        try? handle.close()
        switch extensionName {
        case "doc", "dot": throw .document(path: path, Message(.importOldWord))
        case "wps", "wpt": throw .document(path: path, Message(.importWPS, ["extension": extensionName]))
        case "docx": break
        default: throw .document(path: path, Message(.importNotWord, ["extension": extensionName]))
        }
        if start.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw .document(path: path, Message(.importOldFormatNamedDocx)) }
        guard start.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { throw .document(path: path, Message(.importBrokenDocx)) }
    }

    /// An annual report's year: as given, else the one its title names (“2023年度工作总结”).
    private static func reportYear(_ given: Int?, title: String, date: PartialDate?, today: PartialDate) throws(Scaffold.Problem) -> Int {
        let year = given ?? title.firstMatch(of: /(20\d\d)年/).flatMap { Int($0.1) }
        guard let year else { throw .reportNeedsYear(suggested: (date ?? today).year - 1) }
        try Scaffold.checkReportYear(year, today: today)
        return year
    }

    /// An image as pandoc writes it: `![description](./media/image1.png "title")`, the title optional.
    static var image: Regex<(Substring, Substring, Substring, Substring?)> { /!\[([^\]]*)\]\(([^)\s]+)( "[^"]*")?\)/ }

    /// `slug-1.jpg`, `slug-2.png`… in the order the photos appear, each a name no file in
    /// `assets/` has yet.
    static func photoNames(for output: Pandoc.Output, slug: String, in content: ScaffoldContext) -> [String: String] {
        let written = output.markdown.matches(of: image).map { String($0.2) }
        var names: [String: String] = [:]
        var taken = Set<String>()
        let assets = content.root.appendingPathComponent("assets")
        var number = 1
        for path in written where names[path] == nil {
            var extensionName = (path as NSString).pathExtension.lowercased()
            if extensionName == "jpeg" { extensionName = "jpg" }
            var name: String
            repeat {
                name = "\(slug)-\(number).\(extensionName)"
                number += 1
            } while taken.contains(name) || FileManager.default.fileExists(atPath: assets.appendingPathComponent(name).path)
            taken.insert(name)
            names[path] = name
        }
        return names
    }

    /// Copies the photos, then writes the write-up; neither replaces a file. When the write-up
    /// cannot be written, the photos copied for it are taken away again.
    private static func write(_ file: Scaffold.NewFile, photos: [String: String], from media: URL,
                              in content: ScaffoldContext) throws(Problem) -> [String] {
        let assets = content.root.appendingPathComponent("assets")
        var copied: [URL] = []
        func undo() { for url in copied { try? FileManager.default.removeItem(at: url) } }
        for (pandocPath, name) in photos.sorted(by: { $0.value.localizedStandardCompare($1.value) == .orderedAscending }) {
            let source = URL(fileURLWithPath: pandocPath, relativeTo: media.deletingLastPathComponent())
            let target = assets.appendingPathComponent(name)
            do {
                try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: source, to: target)
                copied.append(target)
            } catch {
                undo()
                throw .document(path: content.displayRoot + "/assets/" + name, Message(.importWriteFailed, ["reason": error.localizedDescription]))
            }
        }
        do {
            try Scaffold.write(file, in: content)
        } catch {
            undo()
            throw .scaffold(error)
        }
        return copied.map { "assets/" + $0.lastPathComponent }
    }
}
