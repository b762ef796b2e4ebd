import ArgumentParser
import BulletinKit
import BulletinLoad
import BulletinModel
import BulletinSupport
import Foundation

struct Import: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: say(.helpImport)) }

    @Argument(help: ArgumentHelp(say(.helpImportFile)))
    var file: String

    @Option(help: ArgumentHelp(say(.helpBase)))
    var base: String

    @Option(help: ArgumentHelp(say(.helpKind)))
    var kind: WriteUpKind = .practice

    @Option(help: ArgumentHelp(say(.helpReportYear)))
    var year: Int?

    @Option(help: ArgumentHelp(say(.helpSlug)))
    var slug: String?

    @OptionGroup var folder: ContentFolderOption

    /// A document that cannot be imported is named at its path (exit 1); a wrong option is a
    /// usage error (exit 2). A report whose year neither `--year` nor its title gives has it
    /// asked for at a terminal.
    func run() throws {
        var request = WordImport.Request(document: URL(fileURLWithPath: file), displayPath: file, base: base, kind: kind,
                                         year: year, slug: slug)
        let imported: WordImport.Imported
        do throws(WordImport.Problem) {
            do throws(WordImport.Problem) {
                imported = try WordImport.run(request, in: folder.context, today: .today)
            } catch {
                guard case .scaffold(.reportNeedsYear(let suggested)) = error, isatty(STDIN_FILENO) == 1,
                      let typed = askForYear(suggested: suggested) else { throw error }
                request.year = typed
                imported = try WordImport.run(request, in: folder.context, today: .today)
            }
        } catch {
            if let path = error.path {
                Terminal.complain(Diagnostic.error(at: SourceLocation(path: path), error.text).formatted(in: language))
                throw ExitCode(1)
            }
            Terminal.complain(usageProblem(error.text))
            throw ExitCode(2)
        }
        let path = "\(folder.content)/\(imported.relativePath)"
        Terminal.say(say(.importDone, ["path": path, "base": imported.baseFoundByName ?? imported.baseID]))
        if !imported.photos.isEmpty {
            let names = imported.photos.map { ($0 as NSString).lastPathComponent }.joined(separator: language == .chinese ? "、" : ", ")
            Terminal.say(say(.importPhotos, ["count": String(imported.photos.count), "folder": "\(folder.content)/assets/", "names": names]))
        }
        for picture in imported.picturesNotForWeb(shownIn: folder.content) {
            Terminal.complain(Diagnostic.warning(at: SourceLocation(path: "\(folder.content)/\(imported.relativePath)"), picture)
                .formatted(in: language))
        }
        if !imported.dated { Terminal.say(say(.importNoDate)) }
        Terminal.say(say(.importNextSteps, ["marker": Placeholders.marker]))
    }
}

/// A year typed at the prompt; asked again until it is a number, nil at the end of input.
private func askForYear(suggested: Int) -> Int? {
    while true {
        FileHandle.standardOutput.write(Data(say(.importAskYear, ["suggested": String(suggested)]).utf8))
        guard let line = readLine() else { return nil }
        let typed = line.trimmingCharacters(in: .whitespaces).applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? line
        if let year = Int(typed.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "年", with: "")) { return year }
    }
}
