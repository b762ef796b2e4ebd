import ArgumentParser
import BulletinKit
import BulletinLoad
import BulletinModel
import BulletinSupport
import Foundation

struct Build: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: say(.helpBuild)) }

    @OptionGroup var folders: FolderOptions

    @Option(help: ArgumentHelp(say(.helpOutput)))
    var output = "Public"

    @Flag(help: ArgumentHelp(say(.helpVerbose)))
    var verbose = false

    @Flag(help: ArgumentHelp(say(.helpPrecompress)))
    var precompress = false

    @Flag(help: ArgumentHelp(say(.helpPDF)))
    var pdf = false

    func run() throws {
        var options = try folders.buildOptions()
        options.precompress = precompress
        options.pdf = pdf ? .required : .whenInstalled
        let report = buildShowingProgress(folders: folders, output: output, options: options)
        printDiagnostics(report.diagnostics)
        if verbose {
            for stage in report.stages {
                Terminal.say(say(.cliStageTime, ["stage": stage.name, "milliseconds": String(Int((stage.seconds * 1000).rounded())),
                                                 "processors": String(Int((stage.processorSeconds * 1000).rounded()))]))
            }
            if report.pdfsRendered + report.pdfsKept > 0 {
                Terminal.say(say(.cliPDFsMade, ["rendered": String(report.pdfsRendered), "cached": String(report.pdfsKept)]))
            }
        }
        printSummary(of: report, output: output, options: options)
        if report.diagnostics.hasErrors { throw ExitCode(1) }
    }
}

/// A build of the command line (`build`, `publish`), telling how far photos and PDFs are when they take long.
func buildShowingProgress(folders: FolderOptions, output: String, options: BuildOptions) -> PipelineReport {
    Pipeline.build(PipelineFolders(content: folders.content, templates: folders.templates, output: output), options: options) { progress in
        let code: MessageCode = progress.stage == .images ? .cliImagesProgress : .cliPDFsProgress
        Terminal.say(say(code, ["done": String(progress.done), "total": String(progress.total)]))
    }
}

/// The line a build ends with: up to date, built (with its counts), or failed.
func printSummary(of report: PipelineReport, output: String, options: BuildOptions) {
    let milliseconds = String(Int((report.seconds * 1000).rounded()))
    if report.upToDate {
        Terminal.say(say(.cliUpToDate, ["output": output, "milliseconds": milliseconds]))
    } else if report.wroteOutput {
        Terminal.say(say(report.compressedFiles > 0 ? .cliBuiltPrecompressed : .cliBuilt, [
            "pages": String(report.htmlPages), "data": String(report.generatedFiles - report.htmlPages),
            "assets": String(report.copiedFiles), "compressed": String(report.compressedFiles), "output": output,
            "milliseconds": milliseconds, "asOf": options.asOf.iso,
        ]))
    } else {
        Terminal.complain(say(.cliBuildFailed, ["errors": String(report.diagnostics.errors.count), "output": output]))
    }
}
