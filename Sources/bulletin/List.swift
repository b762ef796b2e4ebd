import ArgumentParser
import BulletinKit
import BulletinSupport
import Foundation

extension Listing.Subject: ExpressibleByArgument {}

struct List: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: say(.helpList)) }

    @Argument(help: ArgumentHelp(say(.helpListSubject)))
    var subject: Listing.Subject

    @Option(help: ArgumentHelp(say(.helpContent)))
    var content = "Content"

    func run() throws {
        let (lines, diagnostics) = Listing.list(subject, content: URL(fileURLWithPath: content), displayRoot: content)
        if diagnostics.hasErrors {
            printDiagnostics(diagnostics)
            Terminal.complain(say(.cliListFailed, ["errors": String(diagnostics.errors.count)]))
            throw ExitCode(1)
        }
        for line in lines { Terminal.say(line) }
    }
}
