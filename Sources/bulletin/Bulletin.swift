import ArgumentParser
import BulletinKit
import BulletinLoad
import BulletinModel
import BulletinSupport
import Foundation

@main
struct Bulletin: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "bulletin",
            abstract: say(.helpBulletin),
            version: BulletinVersion.current,
            subcommands: [Build.self, Check.self, Serve.self, New.self, Import.self, List.self, Publish.self]
        )
    }

    /// Read before parsing and taken out of the arguments (see `Startup`); declared here so that
    /// help lists it.
    @Option(name: .customLong("lang"), help: ArgumentHelp(say(.helpLang), valueName: "zh|en"))
    var lang: String?

    /// Exit codes: 0 ok, 1 content errors, 2 usage errors.
    static func main() async {
        let startup = Startup.current
        if let refused = startup.refusedLanguage {
            Terminal.complain(usageProblem(Message(.cliLangInvalid, ["value": refused])))
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot(startup.arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if let mistake = UsageMistake(error) {
                Terminal.complain(usageProblem(mistake.message))
                Foundation.exit(2)
            }
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
    @Option(help: ArgumentHelp(say(.helpContent)))
    var content = "Content"

    @Option(help: ArgumentHelp(say(.helpTemplates)))
    var templates = "Templates"

    @Option(name: .customLong("as-of"), help: ArgumentHelp(say(.helpAsOf)))
    var asOf: String?

    @Flag(help: ArgumentHelp(say(.helpDrafts)))
    var drafts = false

    @Option(name: .customLong("base-url"), help: ArgumentHelp(say(.helpBaseUrl)))
    var baseURL: String?

    @Flag(help: ArgumentHelp(say(.helpStrict)))
    var strict = false

    func buildOptions() throws -> BuildOptions {
        if let baseURL {
            // Refused before anything is read, as a usage error: the option, not the content, is wrong.
            do {
                _ = try BaseURL(checking: baseURL, name: "--base-url")
            } catch {
                Terminal.complain(usageProblem(error.text))
                throw ExitCode(2)
            }
        }
        var options = BuildOptions(includeDrafts: drafts, baseURL: baseURL, strict: strict)
        if let asOf {
            do {
                options.asOf = try PartialDate(parsing: asOf)
            } catch {
                Terminal.complain(usageProblem(error.message(field: "--as-of")))
                throw ExitCode(2)
            }
        }
        return options
    }
}

/// In one write, formatted on all cores: a write per diagnostic kept a site with thousands of
/// warnings waiting on the terminal after it was built.
func printDiagnostics(_ diagnostics: Diagnostics) {
    let sorted = diagnostics.sorted
    guard !sorted.isEmpty else { return }
    let language = language
    Terminal.complain(sorted.parallelMap { $0.formatted(in: language) }.joined(separator: "\n"))
}
