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
            file = try Scaffold.askingForName(title: title, ask: askForName, refused: { Terminal.complain("error: \($0.description)") }) {
                typed throws(Scaffold.Problem) in try make(context, typed)
            }
        }
        try Scaffold.write(file, in: context)
        Terminal.say("created \(folder.content)/\(file.relativePath)" + (file.baseFoundByName.map { ", a write-up of \($0)" } ?? ""))
    } catch {
        Terminal.complain("error: \(error.description)")
        throw ExitCode(2)
    }
}

func askForName() -> String? {
    FileHandle.standardOutput.write(Data(Scaffold.fileNamePrompt.chinese.utf8))
    return readLine()
}

extension WriteUpKind: ExpressibleByArgument {
    /// The code or the label the site shows: `--kind event` or `--kind 活动`.
    public init?(argument: String) { self.init(written: argument) }

    public static var allValueStrings: [String] { allCases.flatMap { [$0.rawValue, $0.chinese] } }
}

/// The title of a new file, and the file name, made from the title unless given.
struct TitleAndSlug: ParsableArguments {
    @Option(help: "The file name (lowercase letters, digits and '-'); made from the title, in pinyin, if left out.")
    var slug: String?

    @Argument(help: "The title.")
    var title: String
}

struct NewWriteUp: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "writeup", abstract: "A write-up of one base.")

    @Option(help: "The base: its id or its name from bases.yaml, or a part of its name no other base has.")
    var base: String

    @Option(help: "practice (特色做法), report (年度报告) or event (活动).")
    var kind: WriteUpKind = .practice

    @Option(help: "For a report: the year it is about.")
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
    static let configuration = CommandConfiguration(commandName: "bulletin", abstract: "The next bulletin of a year.")

    @Option(help: "The year (default: this year).")
    var year: Int?

    @Option(help: "The title (default: 第N期).")
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
    static let configuration = CommandConfiguration(commandName: "notice", abstract: "A notice.")

    @OptionGroup var named: TitleAndSlug

    @OptionGroup var folder: ContentFolderOption

    func run() throws {
        try create(title: named.title, folder: folder) { context, typed throws(Scaffold.Problem) in
            try Scaffold.notice(in: context, title: named.title, slug: named.slug, typedName: typed, today: .today)
        }
    }
}
