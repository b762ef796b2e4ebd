import ArgumentParser
import BulletinKit
import BulletinLoad
import BulletinModel
import BulletinSupport
import Foundation

struct Check: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: say(.helpCheck)) }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var folders: FolderOptions

    @Option(help: ArgumentHelp(say(.helpFormat)))
    var format: Format = .text

    func run() throws {
        let report = Pipeline.check(PipelineFolders(content: folders.content, templates: folders.templates),
                                    options: try folders.buildOptions())
        switch format {
        case .text:
            printDiagnostics(report.diagnostics)
            let counts = ["errors": String(report.diagnostics.errors.count), "warnings": String(report.diagnostics.warnings.count),
                          "pages": String(report.htmlPages)]
            if report.diagnostics.hasErrors {
                Terminal.complain(say(.cliCheckFailed, counts))
            } else {
                Terminal.say(say(.cliCheckPassed, counts))
            }
        case .json:
            Terminal.say(DiagnosticsJSON.encode(report.diagnostics))
        }
        if report.diagnostics.hasErrors { throw ExitCode(1) }
    }
}

/// For tools, whatever the language: each problem with its stable English `code` (see
/// `MessageCode`), and its message and hint in English.
enum DiagnosticsJSON {
    struct Entry: Encodable {
        var code: String
        var severity: String
        var path: String
        var line: Int
        var column: Int
        var message: String
        var hint: String?
    }

    static func encode(_ diagnostics: Diagnostics) -> String {
        let entries = diagnostics.sorted.map {
            Entry(code: $0.code.rawValue, severity: $0.severity.rawValue, path: $0.location.path, line: $0.location.line,
                  column: $0.location.column, message: $0.message, hint: $0.hint)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(entries)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
