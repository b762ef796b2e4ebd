import ArgumentParser
import BulletinKit
import BulletinLoad
import BulletinModel
import BulletinSupport
import BulletinPreview
import Foundation

struct Serve: AsyncParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: say(.helpServe)) }

    @OptionGroup var folders: FolderOptions

    @Option(help: ArgumentHelp(say(.helpPort)))
    var port = 8000

    @Option(help: ArgumentHelp(say(.helpHost)))
    var host = "127.0.0.1"

    func run() async throws {
        let options = try folders.buildOptions()
        let server = PreviewServer(
            folders: PipelineFolders(content: folders.content, templates: folders.templates),
            options: options, host: host, port: port, language: language,
            say: { line in Terminal.say(line) })
        do {
            try await server.run()
        } catch let error as PreviewError {
            Terminal.complain(error.formatted(in: language))
            throw ExitCode(2)
        }
    }
}
