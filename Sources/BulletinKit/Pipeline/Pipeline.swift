import Foundation

/// Where a run reads from and writes to, with the paths as the user typed them for messages.
public struct PipelineFolders: Sendable {
    public var content: URL
    public var contentDisplay: String
    public var templates: URL
    public var templatesDisplay: String
    public var output: URL
    public var outputDisplay: String

    public init(content: String = "Content", templates: String = "Templates", output: String = "Public") {
        self.content = URL(fileURLWithPath: content)
        contentDisplay = content
        self.templates = URL(fileURLWithPath: templates)
        templatesDisplay = templates
        self.output = URL(fileURLWithPath: output)
        outputDisplay = output
    }
}

public struct PipelineReport: Sendable {
    public var diagnostics: Diagnostics
    /// HTML pages and other generated files (feed, sitemap, robots).
    public var generatedFiles: Int = 0
    public var htmlPages: Int = 0
    public var copiedFiles: Int = 0
    public var compressedFiles: Int = 0
    public var wroteOutput = false
    /// The output already held this build's result: nothing was done.
    public var upToDate = false
    /// Only these many write-ups' bodies changed: just the files they reach were written
    /// (`generatedFiles` of them).
    public var editedWriteUps = 0
    public var seconds: Double = 0
    /// Each stage that ran, with its time, in order: for progress output and profiling.
    public var stages: [StageTime] = []
}

/// Times each stage of a run.
struct StageClock {
    private var last = Date()
    private var lastProcessor = Self.processorSeconds()
    private(set) var stages: [StageTime] = []

    mutating func finished(_ name: String) {
        let now = Date()
        let processor = Self.processorSeconds()
        stages.append(StageTime(name: name, seconds: now.timeIntervalSince(last), processorSeconds: processor - lastProcessor))
        last = now
        lastProcessor = processor
    }

    /// User and system time of the whole process, all threads.
    private static func processorSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// How long a stage took, on the clock and on the processors: a stage that kept both cores busy
/// used twice its clock time.
public struct StageTime: Sendable {
    public var name: String
    public var seconds: Double
    public var processorSeconds: Double
}

/// load → model → plan → render → write. Stops before writing when any stage found an error,
/// so the output folder is only ever replaced by a complete, error-free site.
public enum Pipeline {
    public static func build(_ folders: PipelineFolders, options: BuildOptions) -> PipelineReport {
        run(folders, options: options, write: true)
    }

    /// Everything a build does except writing.
    public static func check(_ folders: PipelineFolders, options: BuildOptions) -> PipelineReport {
        run(folders, options: options, write: false)
    }

    private static func run(_ folders: PipelineFolders, options: BuildOptions, write: Bool) -> PipelineReport {
        let start = Date()
        var clock = StageClock()
        var report = runStages(folders, options: options, write: write, clock: &clock)
        report.stages = clock.stages
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    private static func runStages(_ folders: PipelineFolders, options: BuildOptions, write: Bool,
                                  clock: inout StageClock) -> PipelineReport {
        var report = PipelineReport(diagnostics: Diagnostics())

        if write, let refusal = OutputGuard.check(output: folders.output, displayPath: folders.outputDisplay,
                                                  protected: [folders.content, folders.templates]) {
            report.diagnostics.append(refusal)
            return report
        }
        // What the last build kept is read while the folders are listed.
        let lastBuild = write ? Concurrent { [output = folders.output] in
            (manifest: BuildManifest.read(for: output), state: BuildState.read(for: output))
        } : nil
        // Both folders are listed once: the manifest and the loaders share the listings.
        let contentListing = ContentTree.list(root: folders.content, displayRoot: folders.contentDisplay)
        let templateListing = ContentTree.list(root: folders.templates, displayRoot: folders.templatesDisplay, role: "templates")
        var manifest: BuildManifest?
        if write, let kept = lastBuild?.value {
            OutputWriter.removeAbandonedFolders(beside: folders.output)
            let current = BuildManifest.current(folders, options: options, content: contentListing, templates: templateListing)
            if BuildManifest.outputIsUpToDate(folders.output, with: current, previous: kept.manifest) {
                clock.finished("compare with the last build")
                report.upToDate = true
                return report
            }
            if let previous = kept.manifest, let state = kept.state,
               let edits = BodyEditBuild.run(folders, options: options, current: current, previous: previous, state: state,
                                             templateListing: templateListing) {
                clock.finished("rebuild what edited bodies reach")
                report.diagnostics.append(contentsOf: edits.diagnostics)
                report.editedWriteUps = edits.writeUps
                report.generatedFiles = edits.written
                report.wroteOutput = true
                // Freeing the listing and both manifests (40,000 strings) is a tenth of such a build.
                retire((consume contentListing, consume templateListing, current, kept, lastBuild))
                return report
            }
            manifest = current
        }
        let content = ContentLoader.load(from: folders.content, displayRoot: folders.contentDisplay, listing: contentListing)
        clock.finished("load")
        let (site, modelDiagnostics) = SiteBuilder.build(content, options: options)
        // What tells the next build whether a write-up's edit stayed in its body.
        let frontMatters = write ? BuildState.frontMatters(of: content) : [:]
        retire(consume content)
        report.diagnostics.append(contentsOf: modelDiagnostics)
        clock.finished("model")
        let (templates, templateDiagnostics) = TemplateSet.load(from: folders.templates, displayRoot: folders.templatesDisplay,
                                                                listing: templateListing)
        report.diagnostics.append(contentsOf: templateDiagnostics)
        clock.finished("templates")
        guard let site, let templates, !report.diagnostics.hasErrors else { return report }

        let plan = SitePlanner.plan(site, assets: templates.assetPaths)
        clock.finished("plan")
        report.diagnostics.append(contentsOf: OutputClashes.diagnostics(plan, templates: templates, precompress: options.precompress,
                                                                        contentDisplayRoot: folders.contentDisplay))
        guard !report.diagnostics.hasErrors else { return report }
        if options.strict {
            report.diagnostics.append(contentsOf: TemplateVariables.check(sources: templates.sources, contexts: plan.templateContexts))
        }
        let outputs = SiteOutputs(plan, templates: templates, contentRoot: folders.content, language: site.config.language)
        report.generatedFiles = plan.pages.count
        report.htmlPages = plan.pages.filter { $0.path.hasSuffix(".html") }.count
        report.copiedFiles = outputs.count - plan.pages.count
        let precompress = options.precompress
        let make: @Sendable (Int) -> [OutputFile] = { index in
            let file = outputs.file(at: index)
            guard precompress, let compressed = Precompression.compressed(file) else { return [file] }
            return [file, compressed]
        }
        guard write else {
            let files = Array(0 ..< outputs.count).parallelMap(make)
            report.compressedFiles = files.reduce(0) { $0 + $1.count } - outputs.count
            clock.finished("render")
            return report
        }
        // The manifest's record of the inputs, and the state kept for the next build, are encoded
        // meanwhile; only the manifest's outputs wait for the writing.
        let manifestHead = manifest.map { manifest in Concurrent { manifest.encodedHead() } }
        let diagnostics = report.diagnostics.all
        let state = manifest.map { manifest in
            Concurrent { [searchPostings = plan.searchPostings, displayRoot = folders.contentDisplay] in
                BuildState.encoded(digest: manifest.digest, site: site, frontMatters: frontMatters, displayRoot: displayRoot,
                                   searchPostings: searchPostings, diagnostics: diagnostics)
            }
        }
        // Render and write are one pass: each page is written by the core that rendered it.
        do {
            let written = try OutputWriter.publish(count: outputs.count, to: folders.output, displayPath: folders.outputDisplay, make: make)
            report.compressedFiles = written.count - outputs.count
            report.wroteOutput = true
            if let manifestHead { BuildManifest.write(manifestHead.value, outputs: written, for: folders.output) }
            if let state { BuildState.write(state.value, for: folders.output) }
        } catch {
            report.diagnostics.append(error)
        }
        retire((consume site, consume plan, consume outputs, consume make))
        clock.finished("render and write")
        return report
    }
}
