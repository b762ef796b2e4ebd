import ArgumentParser
import BulletinKit
import BulletinLoad
import BulletinModel
import BulletinSupport
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content and templates without writing anything; exit 1 on errors.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var folders: FolderOptions

    @Option(help: "text, or json for tools.")
    var format: Format = .text

    func run() throws {
        let report = Pipeline.check(PipelineFolders(content: folders.content, templates: folders.templates),
                                    options: try folders.buildOptions())
        switch format {
        case .text:
            printDiagnostics(report.diagnostics)
            let summary = "\(plural(report.diagnostics.errors.count, "error")), \(plural(report.diagnostics.warnings.count, "warning"))"
            if report.diagnostics.hasErrors {
                Terminal.complain("check failed: \(summary)")
            } else {
                Terminal.say("check passed: \(summary); \(plural(report.htmlPages, "page")) would be built")
            }
        case .json:
            Terminal.say(DiagnosticsJSON.encode(report.diagnostics))
        }
        if report.diagnostics.hasErrors { throw ExitCode(1) }
    }
}

enum DiagnosticsJSON {
    struct Entry: Encodable {
        var severity: String
        var path: String
        var line: Int
        var column: Int
        var message: String
        var hint: String?
    }

    static func encode(_ diagnostics: Diagnostics) -> String {
        let entries = diagnostics.sorted.map {
            Entry(severity: $0.severity.rawValue, path: $0.location.path, line: $0.location.line,
                  column: $0.location.column, message: $0.message, hint: $0.hint)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(entries)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
