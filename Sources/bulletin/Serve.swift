import ArgumentParser
import BulletinKit
import BulletinLoad
import BulletinModel
import BulletinSupport
import BulletinPreview
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site on this machine, rebuilding and reloading as files change.")

    @OptionGroup var folders: FolderOptions

    @Option(help: "The port to listen on.")
    var port = 8000

    @Option(help: "The address to listen on; the default is reachable from this machine only.")
    var host = "127.0.0.1"

    func run() async throws {
        let options = try folders.buildOptions()
        let server = PreviewServer(
            folders: PipelineFolders(content: folders.content, templates: folders.templates),
            options: options, host: host, port: port,
            say: { line in Terminal.say(line) })
        do {
            try await server.run()
        } catch let error as PreviewError {
            Terminal.complain(error.description)
            throw ExitCode(2)
        }
    }
}
