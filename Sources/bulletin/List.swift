import ArgumentParser
import BulletinKit
import Foundation

extension Listing.Subject: ExpressibleByArgument {}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the bases, write-ups or bulletins: ids, Chinese names and numbers.")

    @Argument(help: "What to list.")
    var subject: Listing.Subject

    @Option(help: "The content folder.")
    var content = "Content"

    func run() throws {
        let (lines, diagnostics) = Listing.list(subject, content: URL(fileURLWithPath: content), displayRoot: content)
        if diagnostics.hasErrors {
            printDiagnostics(diagnostics)
            Terminal.complain("list failed: \(plural(diagnostics.errors.count, "error")); fix the content and list again")
            throw ExitCode(1)
        }
        for line in lines { Terminal.say(line) }
    }
}
