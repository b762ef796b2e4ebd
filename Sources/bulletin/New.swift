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

/// Writes the new file and says where it is; problems are usage errors (exit 2). `make` is
/// given a file name typed at the prompt, asked for at a terminal when the title gives none.
func create(title: String?, folder: ContentFolderOption,
            _ make: (ScaffoldContext, _ typedName: String?) throws(Scaffold.Problem) -> Scaffold.NewFile) throws {
    let context = folder.context
    do throws(Scaffold.Problem) {
        let file: Scaffold.NewFile
        do throws(Scaffold.Problem) {
            file = try make(context, nil)
        } catch {
            guard case .needsSlug = error, let title, isatty(STDIN_FILENO) == 1 else { throw error }
            file = try Scaffold.askingForName(title: title, ask: askForName, refused: { Terminal.complain(usageProblem($0.text)) }) {
                typed throws(Scaffold.Problem) in try make(context, typed)
            }
        }
        try Scaffold.write(file, in: context)
        Terminal.say(file.baseFoundByName.map { say(.newCreatedWriteUpOf, ["path": "\(folder.content)/\(file.relativePath)", "base": $0]) }
                     ?? say(.newCreated, ["path": "\(folder.content)/\(file.relativePath)"]))
    } catch {
        Terminal.complain(usageProblem(error.text))
        throw ExitCode(2)
    }
}

func askForName() -> String? {
    FileHandle.standardOutput.write(Data(say(.newAskSlug).utf8))
    return readLine()
}

extension WriteUpKind: ExpressibleByArgument {
    /// The code or the label the site shows: `--kind event` or `--kind 活动`.
    public init?(argument: String) { self.init(written: argument) }

    public static var allValueStrings: [String] { allCases.flatMap { [$0.rawValue, $0.chinese] } }
}

/// The title of a new file, and the file name, made from the title unless given.
struct TitleAndSlug: ParsableArguments {
    @Option(help: ArgumentHelp(say(.helpSlug)))
    var slug: String?

    @Argument(help: ArgumentHelp(say(.helpTitle)))
    var title: String
}

struct NewWriteUp: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "writeup", abstract: say(.helpNewWriteup)) }

    @Option(help: ArgumentHelp(say(.helpBase)))
    var base: String

    @Option(help: ArgumentHelp(say(.helpKind)))
    var kind: WriteUpKind = .practice

    @Option(help: ArgumentHelp(say(.helpReportYear)))
    var year: Int?

    @OptionGroup var named: TitleAndSlug

    @OptionGroup var folder: ContentFolderOption

    func run() throws {
        try create(title: named.title, folder: folder) { context, typed throws(Scaffold.Problem) in
            try Scaffold.writeUp(in: context, base: base, kind: kind, title: named.title, slug: named.slug, typedName: typed, year: year, today: .today)
        }
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
        try create(title: nil, folder: folder) { context, _ throws(Scaffold.Problem) in
            try Scaffold.bulletin(in: context, year: year ?? today.year, title: title, today: today)
        }
    }
}

struct NewNotice: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "notice", abstract: say(.helpNewNotice)) }

    @OptionGroup var named: TitleAndSlug

    @OptionGroup var folder: ContentFolderOption

    func run() throws {
        try create(title: named.title, folder: folder) { context, typed throws(Scaffold.Problem) in
            try Scaffold.notice(in: context, title: named.title, slug: named.slug, typedName: typed, today: .today)
        }
    }
}
