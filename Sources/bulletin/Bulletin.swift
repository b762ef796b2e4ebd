import ArgumentParser
import BulletinKit
import BulletinLoad
import BulletinModel
import BulletinSupport
import Foundation

@main
struct Bulletin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin",
        abstract: "Builds the family-education practice-base bulletin site from Content/ and Templates/ into Public/.",
        subcommands: [Build.self, Check.self, Serve.self, New.self]
    )

    /// Exit codes: 0 ok, 1 content errors, 2 usage errors.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                let message = fullMessage(for: error)
                if !message.isEmpty { Terminal.say(message) }
                Foundation.exit(0)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { Terminal.complain(message) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

struct FolderOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content = "Content"

    @Option(help: "The templates folder.")
    var templates = "Templates"

    @Option(name: .customLong("as-of"), help: "The day base statuses are computed for, as YYYY-MM-DD (default: today).")
    var asOf: String?

    @Flag(help: "Include write-ups marked 'draft: true'.")
    var drafts = false

    @Option(name: .customLong("base-url"), help: "Publish under this address instead of site.yaml's baseURL.")
    var baseURL: String?

    @Flag(help: "Also warn about template variables that name no field of the pages' data.")
    var strict = false

    func buildOptions() throws -> BuildOptions {
        if let baseURL {
            // Refused before anything is read, as a usage error: the option, not the content, is wrong.
            do {
                _ = try BaseURL(checking: baseURL, name: "--base-url")
            } catch {
                FileHandle.standardError.write(Data("error: \(error.message)\n    hint: \(error.hint)\n".utf8))
                throw ExitCode(2)
            }
        }
        var options = BuildOptions(includeDrafts: drafts, baseURL: baseURL, strict: strict)
        if let asOf {
            do {
                options.asOf = try PartialDate(parsing: asOf)
            } catch {
                throw ValidationError(error.message(field: "--as-of").text(in: .english) + "; write it as YYYY-MM-DD")
            }
        }
        return options
    }
}

func printDiagnostics(_ diagnostics: Diagnostics) {
    for diagnostic in diagnostics.sorted {
        Terminal.complain(diagnostic.formatted)
    }
}

func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
