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
        /// The base's name, when it was given by its name rather than its id: the editor is told
        /// which base the file went to.
        public var baseFoundByName: String? = nil
    }

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unknownBase(String, hint: Message?)
        /// More than one base has this name, or this part of a name.
        case ambiguousBase(String, hint: Message)
        case needsSlug(title: String)
        /// What was typed at the prompt gives no file name.
        case unusableFileName(String)
        case invalidSlug(String)
        case exists(String)
        case unreadableContent(String)
        /// The title holds this line break or control character.
        case titleNotOneLine(Unicode.Scalar)
        case yearOutOfRange(Int, allowed: ClosedRange<Int>)
        case reportNeedsYear(suggested: Int)
        case reportYearOutOfRange(Int, today: Int)
        case noBulletinNumberLeft(year: Int, last: Int)
        case unwritableValue(String, reason: String)

        /// What is wrong and what to do, from the message catalogue.
        public var text: Message {
            switch self {
            case let .unknownBase(id, hint):
                Message(.newUnknownBase, ["id": id]).hinted(hint)
            case let .ambiguousBase(name, hint):
                Message(.newAmbiguousBase, ["name": name]).hinted(hint)
            case let .needsSlug(title):
                Message(.newNeedsSlug, ["title": title])
            case let .unusableFileName(typed):
                Message(.newUnusableFileName, ["typed": typed])
            case let .invalidSlug(slug):
                Message(.newInvalidSlug, ["slug": slug])
            case let .exists(path):
                Message(.newFileExists, ["path": path])
            case let .unreadableContent(reason):
                Message(.newContentUnreadable, ["reason": reason])
            case let .titleNotOneLine(character):
                Message(Scaffold.lineBreaks.contains(character) ? .newTitleLineBreak : .newTitleControlCharacter,
                        ["character": TextCharacters.visible(character)])
            case let .reportNeedsYear(suggested):
                Message(.newReportNeedsYear, ["suggested": String(suggested)])
            case let .reportYearOutOfRange(year, today):
                Message(.newReportYearOutOfRange, ["year": String(year), "today": String(today), "example": String(today - 1)])
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

    /// `base` is a base's id, its full name, or a part of its name that no other base's name has.
    /// `typedName` is a file name typed at the prompt, in place of the title's. `year` is the year
    /// an annual report is about, which it must be given.
    public static func writeUp(in content: ScaffoldContext, base written: String, kind: WriteUpKind, title: String,
                               slug givenSlug: String?, typedName: String? = nil, year: Int? = nil,
                               today: PartialDate) throws(Problem) -> NewFile {
        let (baseID, foundByName) = try base(written, in: content)
        let quotedTitle = try oneLine(title)
        let slug = try chooseSlug(givenSlug, typed: typedName, title: title, in: "bases/\(baseID)", of: content)
        var date = today
        if kind == .report {
            guard let year else { throw .reportNeedsYear(suggested: today.year - 1) }
            try checkReportYear(year, today: today)
            // A report is written in its year or early the next; one entered later is dated in
            // the year after its own, so that it reads as written on time.
            if year + 1 < today.year { date = PartialDate(year: year + 1) }
        }
        let lines = writeUpFrontMatter(quotedTitle: quotedTitle, date: date.iso, kind: kind, year: year, in: content)
            + ["", "\(Placeholders.marker)在此撰写正文。", ""]
        var file = try newFile("bases/\(baseID)/\(slug).md", lines, in: content)
        file.baseFoundByName = foundByName
        return file
    }

    /// The base `written` names: its id, its full name, or a part of its name no other base's has.
    /// The name is returned when the base was found by it, so that the editor is told which base.
    static func base(_ written: String, in content: ScaffoldContext) throws(Problem) -> (id: String, foundByName: String?) {
        let match = content.bases.match(written, allowingPart: true)
        switch match {
        case .id(let id):
            return (id, nil)
        case .name(let entry):
            return (entry.id, entry.name)
        case .ambiguous:
            throw .ambiguousBase(written, hint: content.bases.hint(for: written, match, listHint: Message(.listBasesHint)))
        case .unknown:
            throw .unknownBase(written, hint: content.bases.hint(for: written, match, listHint: Message(.listBasesHint)))
        }
    }

    static func checkReportYear(_ year: Int, today: PartialDate) throws(Problem) {
        guard EntryReaders.years.contains(year), year <= today.year else { throw .reportYearOutOfRange(year, today: today.year) }
    }

    /// A write-up's front matter, its optional fields offered as comments. `date` is written as it
    /// is: an ISO date, or the placeholder when it is not known.
    static func writeUpFrontMatter(quotedTitle: String, date: String, kind: WriteUpKind, year: Int?,
                                   in content: ScaffoldContext) -> [String] {
        var lines = ["---", "title: \(quotedTitle)", "date: \(date)", "kind: \(kind.rawValue)"]
        if kind == .report, let year { lines.append("year: \(year)") }
        return lines + [
            "# 可选字段：",
            "# models: [\(content.modelIDs.first ?? "model-id")]   # 所实践的协同育人模式，见 Content/models/",
            "# summary: \(Placeholders.marker)一句话摘要",
            "# cover: ../../assets/photo.jpg   # 封面图片，路径相对于本文件",
            "# draft: true   # 草稿，预览时加 --drafts 可见，不发布",
            "---",
        ]
    }

    public static func bulletin(in content: ScaffoldContext, year: Int, title: String?, today: PartialDate) throws(Problem) -> NewFile {
        guard EntryReaders.years.contains(year) else { throw .yearOutOfRange(year, allowed: EntryReaders.years) }
        let last = content.bulletinNumbers[year]?.max() ?? 0
        let number = last + 1
        guard EntryReaders.bulletinNumbers.contains(number) else { throw .noBulletinNumberLeft(year: year, last: last) }
        let quotedTitle = try oneLine(title ?? "第\(number)期")
        let serial = (content.serials.max() ?? 0) + 1
        let lines = [
            "---", "title: \(quotedTitle)", "year: \(year)", "number: \(number)", "serial: \(serial)   # 总第N期，发出后不再改动",
            "date: \(year == today.year ? today.iso : String(year))",
            "items: []   # 本期刊登的稿件，每行一篇：- 基地id或基地全称/文件名",
            "# distribution:   # 报送范围，有则填写",
            "#   报: \(Placeholders.marker)", "#   送: \(Placeholders.marker)", "#   发: \(Placeholders.marker)",
            "# draft: true   # 草稿：暂不发布，期号保留",
            "---", "", "**编者按**：\(Placeholders.marker)在此撰写编者按。", "",
        ]
        return try newFile("bulletins/\(year)-\(number).md", lines, in: content)
    }

    public static func notice(in content: ScaffoldContext, title: String, slug givenSlug: String?, typedName: String? = nil,
                              today: PartialDate) throws(Problem) -> NewFile {
        let quotedTitle = try oneLine(title)
        let slug = try chooseSlug(givenSlug, typed: typedName, title: title, in: "notices", of: content)
        var lines = ["---", "title: \(quotedTitle)", "date: \(today.iso)", "# number: \(Placeholders.marker)文号   # 有则填写", "issuers:"]
        for organizer in content.organizers { lines.append("  - \(try quoted(organizer))") }
        if content.organizers.isEmpty { lines.append("  - \(Placeholders.marker)发文单位") }
        lines += ["# attachments:   # 附件，有则填写", "#   - title: \(Placeholders.marker)附件标题", "#     file: ../assets/附件.pdf", "---", "", "\(Placeholders.marker)在此撰写通知正文。", ""]
        return try newFile("notices/\(slug).md", lines, in: content)
    }

    static func newFile(_ relativePath: String, _ lines: [String], in content: ScaffoldContext) throws(Problem) -> NewFile {
        if FileManager.default.fileExists(atPath: content.root.appendingPathComponent(relativePath).path) {
            throw .exists(content.displayRoot + "/" + relativePath)
        }
        return NewFile(relativePath: relativePath, text: lines.joined(separator: "\n"))
    }

    /// A title, quoted for its front matter line. One typed with a line break or a control
    /// character is refused rather than escaped: it would show on the page as it was mistyped.
    static func oneLine(_ title: String) throws(Problem) -> String {
        if let character = title.unicodeScalars.first(where: { lineBreaks.contains($0) || isControl($0) }) {
            throw .titleNotOneLine(character)
        }
        return try quoted(title)
    }

    static func quoted(_ text: String) throws(Problem) -> String {
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

    /// What is asked at a terminal when the title gives no file name. Editors type Chinese, so
    /// the question is asked in Chinese; the English is for an English locale.
    public static let fileNamePrompt = Prompt(chinese: Catalogue.text(.newAskSlug, in: .chinese),
                                              english: Catalogue.text(.newAskSlug, in: .english))

    /// Makes a file whose title gave no name, with a name asked for: `ask` returns what was typed,
    /// nil at the end of input. A name that can't be used is refused (told through `refused`) and
    /// asked for again; an empty line is asked again. Ends with `.needsSlug` when input ends.
    public static func askingForName(title: String, ask: () -> String?, refused: (Problem) -> Void,
                                     _ make: (_ typedName: String) throws(Problem) -> NewFile) throws(Problem) -> NewFile {
        while let line = ask() {
            let typed = line.trimmingCharacters(in: .whitespaces)
            if typed.isEmpty { continue }
            do {
                return try make(typed)
            } catch {
                refused(error)
            }
        }
        throw .needsSlug(title: title)
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

/// A question asked at a terminal, in both languages.
public struct Prompt: Sendable, Equatable {
    public var chinese: String
    public var english: String
}

/// What scaffolding needs to know of the existing content: it is read leniently, so that a new
/// file can be made while another file still has errors.
public struct ScaffoldContext: Sendable {
    public var root: URL
    public var displayRoot: String
    /// The bases' ids and names, in bases.yaml's order.
    public var bases: BaseNames
    public var modelIDs: [String]
    public var organizers: [String]
    /// Numbers of the regular bulletins of each year.
    public var bulletinNumbers: [Int: [Int]]
    /// 总第N期 of the bulletins that have one.
    public var serials: [Int] = []

    public static func read(_ root: URL, displayRoot: String) -> ScaffoldContext {
        let content = ContentLoader.load(from: root, displayRoot: displayRoot)
        var context = ScaffoldContext(root: root, displayRoot: displayRoot, bases: BaseNames([]), modelIDs: [], organizers: [], bulletinNumbers: [:])
        if var fields = try? content.basesFile?.fields() {
            context.bases = BaseNames(fields.list("bases").compactMap { entry in
                var entry = entry
                guard let id = entry.string("id") else { return nil }
                // A base whose name is missing can still be found by its id.
                return BaseNames.Entry(id: id, name: entry.string("name") ?? "")
            })
        }
        if var fields = try? content.siteFile?.fields() {
            context.organizers = fields.strings("organizers").map(\.value)
        }
        for source in content.markdown {
            switch ContentSection(relativePath: source.relativePath) {
            case .model(let id):
                context.modelIDs.append(id)
            case .bulletin:
                if let draft = EntryReaders.bulletin(source).draft, !draft.fields.supplement {
                    context.bulletinNumbers[draft.fields.year, default: []].append(draft.fields.number)
                    if let serial = draft.fields.serial, BulletinNumbering.isCounted(draft.fields) { context.serials.append(serial.value) }
                }
            default:
                break
            }
        }
        context.modelIDs.sort()
        return context
    }
}
