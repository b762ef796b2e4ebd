import ArgumentParser
import BulletinKit
import BulletinLoad
import BulletinModel
import BulletinSupport
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new write-up, bulletin or notice with valid front matter.",
        subcommands: [NewWriteUp.self, NewBulletin.self, NewNotice.self])
}

struct ContentFolderOption: ParsableArguments {
    @Option(help: "The content folder.")
    var content = "Content"

    var context: ScaffoldContext { ScaffoldContext.read(URL(fileURLWithPath: content), displayRoot: content) }
}

/// Writes the new file and says where it is; problems are usage errors (exit 2).
func create(_ make: (ScaffoldContext) throws(Scaffold.Problem) -> Scaffold.NewFile, folder: ContentFolderOption) throws {
    let context = folder.context
    do {
        let file = try make(context)
        try Scaffold.write(file, in: context)
        Terminal.say("created \(folder.content)/\(file.relativePath)")
    } catch {
        Terminal.complain("error: \(error.description)")
        throw ExitCode(2)
    }
}

/// A Chinese title gives no file name; at a terminal the editor is asked for one.
func askForSlug(_ given: String?, title: String) -> String? {
    guard given == nil, Scaffold.slug(from: title) == nil, isatty(STDIN_FILENO) == 1 else { return given }
    FileHandle.standardOutput.write(Data("文件名（英文小写字母、数字和连字符，如 2024-open-day）：".utf8))
    return readLine()?.trimmingCharacters(in: .whitespaces)
}

extension WriteUpKind: ExpressibleByArgument {}

/// The title of a new file, and the file name, which a Chinese title cannot give.
struct TitleAndSlug: ParsableArguments {
    @Option(help: "The file name (lowercase letters, digits and '-'); taken from the title's ASCII words if left out.")
    var slug: String?

    @Argument(help: "The title.")
    var title: String

    /// The file name given, or asked for at a terminal when the title gives none.
    var chosenSlug: String? { askForSlug(slug, title: title) }
}

struct NewWriteUp: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "writeup", abstract: "A write-up of one base.")

    @Option(help: "The base's id from bases.yaml.")
    var base: String

    @Option(help: "practice, report or event.")
    var kind: WriteUpKind = .practice

    @Option(help: "For a report: the year it is about.")
    var year: Int?

    @OptionGroup var named: TitleAndSlug

    @OptionGroup var folder: ContentFolderOption

    func run() throws {
        let slug = named.chosenSlug
        try create({ context throws(Scaffold.Problem) in
            try Scaffold.writeUp(in: context, base: base, kind: kind, title: named.title, slug: slug, year: year, today: .today)
        }, folder: folder)
    }
}

struct NewBulletin: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bulletin", abstract: "The next bulletin of a year.")

    @Option(help: "The year (default: this year).")
    var year: Int?

    @Option(help: "The title (default: 第N期).")
    var title: String?

    @OptionGroup var folder: ContentFolderOption

    func run() throws {
        let today = PartialDate.today
        try create({ context throws(Scaffold.Problem) in
            try Scaffold.bulletin(in: context, year: year ?? today.year, title: title, today: today)
        }, folder: folder)
    }
}

struct NewNotice: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "notice", abstract: "A notice.")

    @OptionGroup var named: TitleAndSlug

    @OptionGroup var folder: ContentFolderOption

    func run() throws {
        let slug = named.chosenSlug
        try create({ context throws(Scaffold.Problem) in
            try Scaffold.notice(in: context, title: named.title, slug: slug, today: .today)
        }, folder: folder)
    }
}
