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
    /// usage error (exit 2).
    func run() throws {
        let request = WordImport.Request(document: URL(fileURLWithPath: file), displayPath: file, base: base, kind: kind,
                                         year: year, slug: slug)
        let imported: WordImport.Imported
        do throws(WordImport.Problem) {
            imported = try WordImport.run(request, in: folder.context, today: .today)
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
