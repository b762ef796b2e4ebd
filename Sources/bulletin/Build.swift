import ArgumentParser
import BulletinKit
import BulletinLoad
import BulletinModel
import BulletinSupport
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into the output folder, replacing it only when the build succeeds.")

    @OptionGroup var folders: FolderOptions

    @Option(help: "The output folder, replaced as a whole.")
    var output = "Public"

    @Flag(help: "Print the time each stage took.")
    var verbose = false

    @Flag(help: "Also write a .gz copy of every text file, for a web server's gzip_static (see deploy/nginx.conf).")
    var precompress = false

    func run() throws {
        var options = try folders.buildOptions()
        options.precompress = precompress
        let report = Pipeline.build(PipelineFolders(content: folders.content, templates: folders.templates, output: output),
                                    options: options)
        printDiagnostics(report.diagnostics)
        if verbose {
            for stage in report.stages {
                Terminal.say("  \(stage.name): \(Int((stage.seconds * 1000).rounded())) ms (processors \(Int((stage.processorSeconds * 1000).rounded())) ms)")
            }
        }
        if report.upToDate {
            Terminal.say("\(output)/ is up to date: no input, option or output changed since the last build (\(Int((report.seconds * 1000).rounded())) ms)")
        } else if report.wroteOutput {
            let milliseconds = Int((report.seconds * 1000).rounded())
            Terminal.say("built \(plural(report.htmlPages, "page")), \(plural(report.generatedFiles - report.htmlPages, "data file")) (feed, sitemap, search index) and \(plural(report.copiedFiles, "asset"))\(report.compressedFiles > 0 ? ", \(report.compressedFiles) precompressed," : "") into \(output)/ in \(milliseconds) ms (as of \(options.asOf.iso))")
        } else {
            let errors = report.diagnostics.errors.count
            Terminal.complain("build failed with \(plural(errors, "error")); \(output)/ was left as it was")
        }
        if report.diagnostics.hasErrors { throw ExitCode(1) }
    }
}
