import Foundation
import BulletinWrite
import BulletinRender
import BulletinPlan
import BulletinSearch
import BulletinModel
import BulletinLoad
import BulletinSupport

/// `bulletin new`: a new content file with valid front matter, in the right folder, never
/// replacing an existing one.
public enum Scaffold {
    public struct NewFile: Sendable, Equatable {
        /// Path inside the content folder.
        public var relativePath: String
        public var text: String
    }

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unknownBase(String, hint: Message?)
        case needsSlug(title: String)
        case invalidSlug(String)
        case exists(String)
        case unreadableContent(String)
        /// The title holds this line break or control character.
        case titleNotOneLine(Unicode.Scalar)
        case yearOutOfRange(Int, allowed: ClosedRange<Int>)
        case noBulletinNumberLeft(year: Int, last: Int)
        case unwritableValue(String, reason: String)

        /// What is wrong and what to do, from the message catalogue.
        public var text: Message {
            switch self {
            case let .unknownBase(id, hint):
                Message(.newUnknownBase, ["id": id]).hinted(hint)
            case let .needsSlug(title):
                Message(.newNeedsSlug, ["title": title])
            case let .invalidSlug(slug):
                Message(.newInvalidSlug, ["slug": slug])
            case let .exists(path):
                Message(.newFileExists, ["path": path])
            case let .unreadableContent(reason):
                Message(.newContentUnreadable, ["reason": reason])
            case let .titleNotOneLine(character):
                Message(Scaffold.lineBreaks.contains(character) ? .newTitleLineBreak : .newTitleControlCharacter,
                        ["character": TextCharacters.visible(character)])
            case let .yearOutOfRange(year, allowed):
                Message(.newYearOutOfRange, ["year": String(year), "lowest": String(allowed.lowerBound), "highest": String(allowed.upperBound)])
            case let .noBulletinNumberLeft(year, last):
                Message(.newNoBulletinNumberLeft, ["year": String(year), "last": String(last)])
            case let .unwritableValue(text, reason):
                Message(.newUnwritableValue, ["text": text, "reason": reason])
            }
        }

        /// The message, then the hint on an indented line.
        public func formatted(in language: Language) -> String { text.formatted(in: language) }

        public var description: String { formatted(in: .english) }
    }

    /// A readable address name from the ASCII words of a title: "2024 Open Day 开放日" → "2024-open-day".
    /// nil when the title has no ASCII letters or digits (a Chinese title): the editor is asked for one.
    public static func slug(from title: String) -> String? {
        var words: [String] = []
        var word = ""
        for character in title.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        let slug = words.joined(separator: "-")
        return slug.isEmpty ? nil : String(slug.prefix(60))
    }

    public static func writeUp(in content: ScaffoldContext, base baseID: String, kind: WriteUpKind, title: String,
                               slug givenSlug: String?, today: PartialDate) throws(Problem) -> NewFile {
        guard content.baseIDs.contains(baseID) else {
            throw .unknownBase(baseID, hint: Suggestion.hint(for: baseID, in: content.baseIDs)
                                   ?? Message(.baseIdsListedIn, ["root": content.displayRoot]))
        }
        let quotedTitle = try oneLine(title)
        let slug = try chooseSlug(givenSlug, title: title)
        var lines = ["---", "title: \(quotedTitle)", "date: \(today.iso)", "kind: \(kind.rawValue)"]
        if kind == .report { lines.append("year: \(today.year)") }
        lines += [
            "# 可选字段：",
            "# models: [\(content.modelIDs.first ?? "model-id")]   所实践的协同育人模式，见 Content/models/",
            "# summary: 一句话摘要",
            "# cover: ../../assets/photo.jpg   封面图片，路径相对于本文件",
            "# draft: true   草稿，预览时加 --drafts 可见，不发布",
            "---", "", "在此撰写正文。", "",
        ]
        return try newFile("bases/\(baseID)/\(slug).md", lines, in: content)
    }

    public static func bulletin(in content: ScaffoldContext, year: Int, title: String?, today: PartialDate) throws(Problem) -> NewFile {
        guard EntryReaders.years.contains(year) else { throw .yearOutOfRange(year, allowed: EntryReaders.years) }
        let last = content.bulletinNumbers[year]?.max() ?? 0
        let number = last + 1
        guard EntryReaders.bulletinNumbers.contains(number) else { throw .noBulletinNumberLeft(year: year, last: last) }
        let quotedTitle = try oneLine(title ?? "第\(number)期")
        let lines = [
            "---", "title: \(quotedTitle)", "year: \(year)", "number: \(number)", "date: \(today.iso)",
            "items: []   # 本期刊登的稿件，每行一篇：- 基地id/文件名",
            "# distribution:   报送范围，有则填写",
            "#   报: …", "#   送: …", "#   发: …",
            "---", "", "**编者按**：在此撰写编者按。", "",
        ]
        return try newFile("bulletins/\(year)-\(number).md", lines, in: content)
    }

    public static func notice(in content: ScaffoldContext, title: String, slug givenSlug: String?, today: PartialDate) throws(Problem) -> NewFile {
        let quotedTitle = try oneLine(title)
        let slug = try chooseSlug(givenSlug, title: title)
        var lines = ["---", "title: \(quotedTitle)", "date: \(today.iso)", "# number: 文号，有则填写", "issuers:"]
        for organizer in content.organizers { lines.append("  - \(try quoted(organizer))") }
        if content.organizers.isEmpty { lines.append("  - 发文单位") }
        lines += ["# attachments:   附件，有则填写", "#   - title: 附件标题", "#     file: ../assets/附件.pdf", "---", "", "在此撰写通知正文。", ""]
        return try newFile("notices/\(slug).md", lines, in: content)
    }

    private static func chooseSlug(_ given: String?, title: String) throws(Problem) -> String {
        guard let slug = given ?? slug(from: title) else { throw .needsSlug(title: title) }
        guard Slug.isValid(slug) else { throw .invalidSlug(slug) }
        return slug
    }

    private static func newFile(_ relativePath: String, _ lines: [String], in content: ScaffoldContext) throws(Problem) -> NewFile {
        if FileManager.default.fileExists(atPath: content.root.appendingPathComponent(relativePath).path) {
            throw .exists(content.displayRoot + "/" + relativePath)
        }
        return NewFile(relativePath: relativePath, text: lines.joined(separator: "\n"))
    }

    /// A title, quoted for its front matter line. One typed with a line break or a control
    /// character is refused rather than escaped: it would show on the page as it was mistyped.
    private static func oneLine(_ title: String) throws(Problem) -> String {
        if let character = title.unicodeScalars.first(where: { lineBreaks.contains($0) || isControl($0) }) {
            throw .titleNotOneLine(character)
        }
        return try quoted(title)
    }

    private static func quoted(_ text: String) throws(Problem) -> String {
        do {
            return try YAMLQuoting.doubleQuoted(text)
        } catch {
            throw .unwritableValue(text, reason: error.reason)
        }
    }

    /// What a reader or an editor would take for the end of a line.
    static let lineBreaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]

    /// C0 controls but the tab, DEL, and the two noncharacters YAML does not allow in a file.
    private static func isControl(_ character: Unicode.Scalar) -> Bool {
        (character.value < 0x20 && character != "\t") || character.value == 0x7F || character.value == 0xFFFE || character.value == 0xFFFF
    }

    /// Writes the file, refusing to replace one that appeared meanwhile.
    public static func write(_ file: NewFile, in content: ScaffoldContext) throws(Problem) {
        let url = content.root.appendingPathComponent(file.relativePath)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw .exists(content.displayRoot + "/" + file.relativePath)
        }
    }
}

/// What scaffolding needs to know of the existing content: it is read leniently, so that a new
/// file can be made while another file still has errors.
public struct ScaffoldContext: Sendable {
    public var root: URL
    public var displayRoot: String
    public var baseIDs: [String]
    public var modelIDs: [String]
    public var organizers: [String]
    /// Numbers of the regular bulletins of each year.
    public var bulletinNumbers: [Int: [Int]]

    public static func read(_ root: URL, displayRoot: String) -> ScaffoldContext {
        let content = ContentLoader.load(from: root, displayRoot: displayRoot)
        var context = ScaffoldContext(root: root, displayRoot: displayRoot, baseIDs: [], modelIDs: [], organizers: [], bulletinNumbers: [:])
        if var fields = try? content.basesFile?.fields() {
            context.baseIDs = fields.list("bases").compactMap { entry in var entry = entry; return entry.string("id") }
        }
        if var fields = try? content.siteFile?.fields() {
            context.organizers = fields.strings("organizers").map(\.value)
        }
        for source in content.markdown {
            switch ContentSection(relativePath: source.relativePath) {
            case .model(let id):
                context.modelIDs.append(id)
            case .bulletin:
                if let draft = EntryReaders.bulletin(source).0, !draft.fields.supplement {
                    context.bulletinNumbers[draft.fields.year, default: []].append(draft.fields.number)
                }
            default:
                break
            }
        }
        context.modelIDs.sort()
        return context
    }
}
