import ArgumentParser
import BulletinKit
import BulletinLoad
import BulletinModel
import BulletinSupport
import Foundation

struct New: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: say(.helpNew), subcommands: [NewWriteUp.self, NewBulletin.self, NewNotice.self])
    }
}

struct ContentFolderOption: ParsableArguments {
    @Option(help: ArgumentHelp(say(.helpContent)))
    var content = "Content"

    var context: ScaffoldContext { ScaffoldContext.read(URL(fileURLWithPath: content), displayRoot: content) }
}

/// Writes the new file and says where it is; problems are usage errors (exit 2).
func create(_ make: (ScaffoldContext) throws(Scaffold.Problem) -> Scaffold.NewFile, folder: ContentFolderOption) throws {
    let context = folder.context
    do {
        let file = try make(context)
        try Scaffold.write(file, in: context)
        Terminal.say(say(.newCreated, ["path": "\(folder.content)/\(file.relativePath)"]))
    } catch {
        Terminal.complain(usageProblem(error.text))
        throw ExitCode(2)
    }
}

/// A Chinese title gives no file name; at a terminal the editor is asked for one.
func askForSlug(_ given: String?, title: String) -> String? {
    guard given == nil, Scaffold.slug(from: title) == nil, isatty(STDIN_FILENO) == 1 else { return given }
    FileHandle.standardOutput.write(Data(say(.newAskSlug).utf8))
    return readLine()?.trimmingCharacters(in: .whitespaces)
}

extension WriteUpKind: ExpressibleByArgument {}

/// The title of a new file, and the file name, which a Chinese title cannot give.
struct TitleAndSlug: ParsableArguments {
    @Option(help: ArgumentHelp(say(.helpSlug)))
    var slug: String?

    @Argument(help: ArgumentHelp(say(.helpTitle)))
    var title: String

    /// The file name given, or asked for at a terminal when the title gives none.
    var chosenSlug: String? { askForSlug(slug, title: title) }
}

struct NewWriteUp: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "writeup", abstract: say(.helpNewWriteup)) }

    @Option(help: ArgumentHelp(say(.helpBase)))
    var base: String

    @Option(help: ArgumentHelp(say(.helpKind)))
    var kind: WriteUpKind = .practice

    @OptionGroup var named: TitleAndSlug

    @OptionGroup var folder: ContentFolderOption

    func run() throws {
        let slug = named.chosenSlug
        try create({ context throws(Scaffold.Problem) in
            try Scaffold.writeUp(in: context, base: base, kind: kind, title: named.title, slug: slug, today: .today)
        }, folder: folder)
    }
}

struct NewBulletin: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "bulletin", abstract: say(.helpNewBulletin)) }

    @Option(help: ArgumentHelp(say(.helpYear)))
    var year: Int?

    @Option(help: ArgumentHelp(say(.helpBulletinTitle)))
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
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "notice", abstract: say(.helpNewNotice)) }

    @OptionGroup var named: TitleAndSlug

    @OptionGroup var folder: ContentFolderOption

    func run() throws {
        let slug = named.chosenSlug
        try create({ context throws(Scaffold.Problem) in
            try Scaffold.notice(in: context, title: named.title, slug: slug, today: .today)
        }, folder: folder)
    }
}
