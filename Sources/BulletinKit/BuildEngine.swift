import BulletinImages
import BulletinPrint
import Foundation
import BulletinWrite
import BulletinRender
import BulletinPlan
import BulletinSearch
import BulletinModel
import BulletinLoad
import BulletinSupport

/// The one orchestration of the stages: load → model → plan → render → write. `build` and `check`
/// run it once; the preview keeps one for its session and runs it on every change. Each run goes
/// through every stage, and each stage skips what provably did not change since the session's last
/// run: files are read again when their stamp changed, bodies converted again when their text
/// changed, outputs planned again when something they recorded reading changed (`SitePlanner`),
/// pages rendered again when their data or the theme changed, and only files that differ from what
/// the folder being filled holds are written. Every run that writes fills the folder the last run
/// replaced and swaps it in whole (`OutputWriter`), and stops before writing when any stage found
/// an error.
public final class BuildEngine {
    public let folders: PipelineFolders
    public let options: BuildOptions
    /// Whether runs follow each other in this process (the preview): then what a run read, made
    /// and wrote is kept for the next. A single run keeps nothing, and instead compares the
    /// inputs with the manifest the last command-line build left beside the output.
    private let session: Bool

    private var loaded: [String: (stamp: FileStamp, file: LoadedFile)] = [:]
    private var templates: TemplateSet?
    private var templateDiagnostics: [Diagnostic] = []
    private let documents = DocumentCache()
    private let frontMatter = FrontMatterCache()
    private let searchIndex = SearchIndexCache()
    /// The last run that succeeded: what the output folder shows.
    private var last: LastRun?
    /// What the folder the last run replaced holds, output by output, when this session knows it.
    private var kept: [String: PublishedOutput]?
    private var generation = 0

    private struct LastRun {
        var contentStamps: [String: FileStamp]
        var templateStamps: [String: FileStamp]
        var diagnostics: Diagnostics
        var record: PlanRecord
        var outputs: [String: PublishedOutput]
    }

    /// One output in a folder: which version of it (the run that last made it differently), and
    /// whether a compressed copy was written beside it.
    private struct PublishedOutput {
        var generation: Int
        var stamp: FileStamp?
        var compressed: Bool
    }

    /// The files of the output at `path`: itself, and its compressed copy when there is one.
    private static func files(at path: String, compressed: Bool) -> [String] { compressed ? [path, path + ".gz"] : [path] }

    /// Told how far a long stage (photos, PDFs) is, when it takes more than a second.
    private let progress: (@Sendable (StageProgress) -> Void)?

    public init(folders: PipelineFolders, options: BuildOptions, session: Bool = true,
                progress: (@Sendable (StageProgress) -> Void)? = nil) {
        self.folders = folders
        self.options = options
        self.session = session
        self.progress = progress
    }

    public func run(writing: Bool) -> PipelineReport {
        var clock = StageClock()
        var report = PipelineReport(diagnostics: Diagnostics())
        runStages(writing: writing, report: &report, clock: &clock)
        report.stages = clock.stages
        report.seconds = Date().timeIntervalSince(clock.start)
        return report
    }

    private func runStages(writing: Bool, report: inout PipelineReport, clock: inout StageClock) {
        if writing, let refusal = OutputGuard.check(output: folders.output, displayPath: folders.outputDisplay,
                                                    protected: [folders.content, folders.templates]) {
            report.diagnostics.append(refusal)
            return
        }
        // Bulletins get their PDF when a build writes and a renderer is installed.
        let renderer = writing && options.pdf != .off ? PDFRenderer.find() : nil
        if writing, options.pdf == .required, renderer == nil {
            report.diagnostics.append(.error(at: SourceLocation(path: folders.outputDisplay), .pdfRendererRequired))
            return
        }
        // What the last command-line build left is read while the folders are listed. With no
        // output folder there is nothing to compare its record with, and it is not read.
        let lastBuild = writing && !session ? Concurrent { [output = folders.output] in
            let outputStamps = BuildManifest.outputStamps(output)
            return (manifest: outputStamps == nil ? nil : BuildManifest.read(for: output), outputStamps: outputStamps)
        } : nil
        let contentListing = ContentTree.list(root: folders.content, displayRoot: folders.contentDisplay)
        let templateListing = ContentTree.list(root: folders.templates, displayRoot: folders.templatesDisplay, role: "templates")
        if let last, contentListing.stamps == last.contentStamps, templateListing.stamps == last.templateStamps,
           contentListing.diagnostics.isEmpty, templateListing.diagnostics.isEmpty {
            report.diagnostics = last.diagnostics
            report.nothingChanged = true
            return
        }
        var manifest: Concurrent<BuildManifest>?
        /// The live output folder's files by their stamps, as listed before the build.
        var liveOutputs: [String: String] = [:]
        if let lastBuild {
            OutputWriter.removeAbandonedFolders(beside: folders.output)
            // Made on another core: with no output folder it is only needed once the site is written.
            let current = Concurrent { [folders, options, renderer = renderer?.identity] in
                BuildManifest.current(contentFolder: folders.content, templatesFolder: folders.templates, options: options,
                                      renderer: renderer, content: contentListing, templates: templateListing)
            }
            let (previous, outputStamps) = lastBuild.value
            liveOutputs = outputStamps ?? [:]
            if outputStamps != nil, BuildManifest.outputIsUpToDate(outputStamps, with: current.value, previous: previous) {
                clock.finished("compare with the last build")
                report.upToDate = true
                report.diagnostics.append(contentsOf: previous?.diagnostics ?? [])
                return
            }
            let unbuilt = outputStamps.map { stamps -> [Diagnostic] in
                let written = previous.map { Set($0.outputs.keys) } ?? BuildManifest.recordedOutputs(for: folders.output)
                return OutputGuard.unbuiltFiles(stamps, written: written, displayPath: folders.outputDisplay,
                                                contentDisplay: folders.contentDisplay)
            } ?? []
            guard unbuilt.isEmpty else {
                report.diagnostics.append(contentsOf: unbuilt)
                return
            }
            manifest = current
        }

        let content = load(contentListing, report: &report)
        clock.finished("load")
        // Photos are made (or found in the cache) before the model: bodies show them by the size made.
        let imageCache = folders.imageCacheFolder
        let images = ImageStage.run(files: contentListing.files.filter(ImageStage.isRaster).compactMap { path in
            contentListing.stamps[path].map { (path, $0) }
        }, contentRoot: folders.content, cache: imageCache, progress: progress)
        report.imagesProcessed = images.processed
        clock.finished("images")
        let (conversions, readings) = (documents.conversions, frontMatter.readings)
        let (site, modelDiagnostics) = SiteBuilder.build(content, options: options, documents: session ? documents : nil,
                                                         frontMatter: session ? frontMatter : nil, images: images)
        report.bodiesConverted = documents.conversions - conversions
        report.frontMattersRead = frontMatter.readings - readings
        retire(consume content)
        report.diagnostics.append(contentsOf: modelDiagnostics)
        clock.finished("model")
        if templates?.stamps != templateListing.stamps || !templateListing.diagnostics.isEmpty {
            let (reloaded, templateDiagnostics) = TemplateSet.load(from: folders.templates, displayRoot: folders.templatesDisplay,
                                                                   listing: templateListing)
            self.templateDiagnostics = templateDiagnostics
            templates = reloaded
        }
        report.diagnostics.append(contentsOf: templateDiagnostics)
        clock.finished("templates")
        guard let site, let templates, !report.diagnostics.hasErrors else { return }

        let (plan, record) = SitePlanner.plan(PlanInputs(site: site, assets: templates.assetPaths), previous: last?.record,
                                              searchCache: session ? searchIndex : nil, recording: session)
        report.recipesPlanned = plan.recipesPlanned
        clock.finished("plan")
        // Looked for on another core while the outputs are listed: nothing is written before both are done.
        let clashes = Concurrent { [precompress = options.precompress, contentDisplay = folders.contentDisplay, pages = site.paths.pages] in
            OutputClashes.diagnostics(plan, templates: templates, precompress: precompress, contentPages: pages,
                                      contentDisplayRoot: contentDisplay)
        }
        var siteOutputs = SiteOutputs(plan, templates: templates, contentRoot: folders.content, imageCache: imageCache,
                                      language: site.config.language)
        report.diagnostics.append(contentsOf: clashes.value)
        guard !report.diagnostics.hasErrors else { return }
        if options.strict {
            report.diagnostics.append(contentsOf: TemplateVariables.check(sources: templates.sources, contexts: plan.templateContexts))
        }
        if writing, options.pdf != .off, plan.pages.contains(where: { $0.print != nil }) {
            if let renderer {
                siteOutputs.attach(printed: printed(siteOutputs, renderer: renderer, report: &report))
                clock.finished("pdf")
                guard !report.diagnostics.hasErrors else { return }
            } else {
                report.diagnostics.append(.warning(at: SourceLocation(path: folders.outputDisplay), .pdfRendererMissing))
            }
        }
        let outputs = siteOutputs
        let versions = self.versions(of: outputs, plan: plan, contentListing: contentListing, templateListing: templateListing)
        report.generatedFiles = plan.pages.count
        report.htmlPages = plan.pages.count { $0.path.hasSuffix(".html") }
        report.copiedFiles = outputs.count - plan.pages.count
        report.pagesRendered = versions.indices.filter { versions[$0].changed && $0 < outputs.pageCount }.count
        let precompress = options.precompress
        guard writing else {
            let files = versions.indices.filter { versions[$0].changed }.parallelMap { index in
                Self.files(of: outputs.file(at: index), precompress: precompress)
            }
            report.compressedFiles = files.reduce(0) { $0 + $1.count - 1 }
            // One error per template that runs past a limit: every page it makes fails alike.
            var failedTemplates = Set<String>()
            for file in files.joined() {
                if case .failed(let diagnostic) = file.contents, failedTemplates.insert(diagnostic.location.path).inserted {
                    report.diagnostics.append(diagnostic)
                }
            }
            clock.finished("render")
            return
        }

        let live = folders.output.path
        let kept = self.kept
        let make: @Sendable (Int, Bool) -> [OutputFile] = { index, keptIsKnown in
            let version = versions[index]
            if version.changed { return Self.files(of: outputs.file(at: index), precompress: precompress) }
            if keptIsKnown, kept?[version.path]?.generation == version.generation {
                return version.files.map { OutputFile(path: $0, contents: .unchanged) }
            }
            return version.files.map { OutputFile(path: $0, contents: .link(URL(fileURLWithPath: live + "/" + $0))) }
        }
        let outputExisted = FileManager.default.fileExists(atPath: live)
        var recordIsExact = true
        do {
            let written = try OutputWriter.publish(count: outputs.count, to: folders.output, displayPath: folders.outputDisplay,
                                                   kept: kept.map { Set($0.flatMap { Self.files(at: $0.key, compressed: $0.value.compressed) }) },
                                                   make: make) { [diagnostics = report.diagnostics] written in
                let exact = manifest?.value.write(outputs: written, alongside: liveOutputs, diagnostics: diagnostics,
                                                  for: folders.output)
                recordIsExact = exact ?? true
            }
            report.wroteOutput = true
            report.compressedFiles = written.count - outputs.count
            report.filesWritten = versions.filter(\.changed).count
            report.changedPaths = versions.filter(\.changed).map(\.path)
            if !recordIsExact { manifest?.value.write(outputs: written, diagnostics: report.diagnostics, for: folders.output) }
            // What a session's next run starts from; a single build keeps nothing.
            if session {
                let compressed = precompress ? Set(written.lazy.map(\.path).filter { $0.hasSuffix(".gz") }) : []
                var published: [String: PublishedOutput] = [:]
                for version in versions {
                    published[version.path] = PublishedOutput(generation: version.generation, stamp: version.stamp,
                                                              compressed: compressed.contains(version.path + ".gz"))
                }
                let previous = last?.outputs
                report.changedPaths += previous.map { Array(Set($0.keys).subtracting(published.keys)) } ?? []
                if let record {
                    self.kept = previous ?? (outputExisted ? nil : [:])
                    // The first run of a session leaves no kept folder: one sharing the new site's files
                    // is made now, so that the first edit writes only what it changed.
                    if self.kept?.isEmpty == true, PreviousSite.keepLinkedCopy(of: folders.output, files: written.map(\.path)) {
                        self.kept = published
                    }
                    last = LastRun(contentStamps: contentListing.stamps, templateStamps: templateListing.stamps,
                                   diagnostics: report.diagnostics, record: record, outputs: published)
                }
            }
        } catch {
            report.diagnostics.append(error)
            last = nil
            self.kept = nil
        }
        clock.finished("render and write")
        if !session { retire((consume site, consume plan, consume record, consume outputs, consume make)) }
    }

    /// The PDFs of the pages' documents for paper, made by the print stage (or found in its cache),
    /// by the PDF's path, with what their page shows of them.
    private func printed(_ outputs: SiteOutputs, renderer: PDFRenderer, report: inout PipelineReport)
        -> [String: (file: URL, view: PrintedCopyView)] {
        var jobs: [PrintJob] = []
        var sources: [String: String] = [:]
        for (document, html, resources) in outputs.printDocuments() {
            switch html {
            case .success(let bytes):
                jobs.append(PrintJob(path: document.path, html: bytes, resources: resources))
                sources[document.path] = document.source
            case .failure(let diagnostic):
                report.diagnostics.append(diagnostic)
            }
        }
        let results = PrintStage.run(jobs, cache: PrintStage.cacheFolder(for: folders.output), renderer: renderer, progress: progress)
        report.pdfsRendered = results.rendered
        report.pdfsKept = results.files.count - results.rendered
        for (path, reason) in results.failures.sorted(by: { $0.key < $1.key }) {
            let location = SourceLocation(path: sources[path] ?? folders.outputDisplay + "/" + path)
            report.diagnostics.append(options.pdf == .required ? .error(at: location, .pdfNotMade, ["reason": reason])
                                                               : .warning(at: location, .pdfNotMade, ["reason": reason]))
        }
        return results.files.reduce(into: [:]) { made, entry in
            let (path, file) = entry
            let name = String(path[path.index(after: path.lastIndex(of: "/") ?? path.startIndex)...])
            made[path] = (file.file, PrintedCopyView(url: name, details: DocumentDetails.text(path: path, bytes: file.bytes) ?? ""))
        }
    }

    /// Reads the content files whose stamp changed since the session's last run (all of them the
    /// first time).
    private func load(_ listing: ContentTree.Listing, report: inout PipelineReport) -> LoadedContent {
        let folders = folders
        let changed = listing.files.filter { loaded[$0]?.stamp != listing.stamps[$0] }
        let read = changed.parallelMap { relative in
            ContentLoader.loadFile(relative, root: folders.content, displayPath: folders.contentDisplay + "/" + relative)
        }
        report.filesRead = changed.count
        var files: [(String, LoadedFile)] = []
        if session {
            for (relative, file) in zip(changed, read) { loaded[relative] = (listing.stamps[relative]!, file) }
            // Every listed file is loaded now: any more were removed since.
            if loaded.count > listing.files.count {
                let listed = Set(listing.files)
                loaded = loaded.filter { listed.contains($0.key) }
            }
            files = listing.files.map { ($0, loaded[$0]!.file) }
        } else {
            files = Array(zip(changed, read))
        }
        return ContentLoader.assemble(files, root: folders.content, displayRoot: folders.contentDisplay,
                                      listingDiagnostics: listing.diagnostics)
    }

    /// Which version of each output this run makes: the one the live folder holds, or a new one
    /// to render (a page whose data or theme changed) or copy (a file whose stamp changed).
    private func versions(of outputs: SiteOutputs, plan: SitePlan, contentListing: ContentTree.Listing,
                          templateListing: ContentTree.Listing) -> [OutputVersion] {
        generation += 1
        let themeChanged = last?.templateStamps != templateListing.stamps
        let previousOutputs = last?.outputs ?? [:]
        let pageCount = outputs.pageCount
        var versions: [OutputVersion] = []
        versions.reserveCapacity(outputs.count)
        for index in 0 ..< outputs.count {
            let path = outputs.path(at: index)
            let previous = previousOutputs[path]
            var stamp: FileStamp?
            var same: Bool
            if index < pageCount {
                // A page the last plan gave as it is now is the one the folder holds.
                same = !themeChanged && plan.unchanged[outputs.planIndex(at: index)]
            } else {
                switch outputs.source(at: index) {
                case .content(let relative)?: stamp = contentListing.stamps[relative]
                case .theme(let relative)?: stamp = templateListing.stamps[relative]
                case .image(let file)?, .printed(let file)?: stamp = FileStamp(file)
                case nil: stamp = nil
                }
                same = stamp != nil && previous?.stamp == stamp
            }
            if same, let previous {
                versions.append(OutputVersion(path: path, generation: previous.generation, changed: false, stamp: stamp,
                                              compressed: previous.compressed))
            } else {
                versions.append(OutputVersion(path: path, generation: generation, changed: true, stamp: stamp, compressed: false))
            }
        }
        return versions
    }

    private struct OutputVersion: Sendable {
        var path: String
        var generation: Int
        var changed: Bool
        var stamp: FileStamp?
        /// Whether the folder holds a compressed copy beside it (for a version kept from the last run).
        var compressed: Bool

        var files: [String] { BuildEngine.files(at: path, compressed: compressed) }
    }

    private static func files(of file: OutputFile, precompress: Bool) -> [OutputFile] {
        guard precompress, let compressed = Precompression.compressed(file) else { return [file] }
        return [file, compressed]
    }
}
