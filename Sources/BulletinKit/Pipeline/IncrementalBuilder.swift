import Foundation

/// The pipeline for a session that rebuilds many times (the preview server): it keeps what the last
/// rebuild read, converted and rendered, and redoes only what changed — files are re-read when their
/// stamp changes, bodies re-converted when their text changes, and pages re-rendered and re-written
/// when their data changes. Model and plan run whole, which keeps every cross-reference check
/// exact, except for the commonest edit, text changed in write-ups' bodies (`rebuildBodies`).
public final class IncrementalBuilder {
    public struct Outcome: Sendable {
        public var diagnostics: Diagnostics
        public var succeeded: Bool
        /// Files read again because they changed (all of them the first time).
        public var filesRead = 0
        public var bodiesConverted = 0
        /// Write-ups whose front matter was read into fields again.
        public var frontMattersRead = 0
        public var pagesRendered = 0
        /// Only write-ups' bodies changed: the last site was kept with the new bodies, and only the
        /// pages showing them were planned again.
        public var bodiesOnly = false
        /// No file the site is made from changed (an editor's hidden files did): nothing was done.
        public var nothingChanged = false
        /// Paths written or removed in the output folder, relative to it.
        public var changedPaths: [String] = []
        public var seconds: Double = 0
        public var stages: [StageTime] = []
    }

    public let folders: PipelineFolders
    public let options: BuildOptions
    private var loaded: [String: (stamp: FileStamp, file: LoadedFile)] = [:]
    private var templates: TemplateSet?
    private let documents = DocumentCache()
    private let frontMatter = FrontMatterCache()
    private let searchIndex = SearchIndexCache()
    /// What each page was made from last time, by output path.
    private var pages: [String: PlannedPage.Content] = [:]
    private var copies: [String: FileStamp] = [:]
    /// Whether a rebuild has run: after the first, the server shows the folder (or the errors of
    /// that rebuild), so a later write may meet a reader.
    private var served = false
    /// The site the folder shows, what its rebuild reported and the files it was made from; nil
    /// after a rebuild that failed.
    private var last: (site: Site, diagnostics: Diagnostics, files: [String])?

    public init(folders: PipelineFolders, options: BuildOptions) {
        self.folders = folders
        self.options = options
    }

    public func rebuild() -> Outcome {
        let start = Date()
        var clock = StageClock()
        var outcome = run(&clock)
        served = true
        outcome.stages = clock.stages
        outcome.seconds = Date().timeIntervalSince(start)
        return outcome
    }

    private func run(_ clock: inout StageClock) -> Outcome {
        let conversionsBefore = documents.conversions
        let readingsBefore = frontMatter.readings
        var outcome = Outcome(diagnostics: Diagnostics(), succeeded: false)

        let listing = ContentTree.list(root: folders.content, displayRoot: folders.contentDisplay)
        var reloaded: [String: (FileStamp, LoadedFile)] = [:]
        let changed = listing.files.filter { loaded[$0]?.stamp != listing.stamps[$0] }
        let folders = folders
        for (relative, file) in changed.parallelMap({ relative in
            (relative, ContentLoader.loadFile(relative, root: folders.content, displayPath: folders.contentDisplay + "/" + relative))
        }) {
            reloaded[relative] = (listing.stamps[relative]!, file)
        }
        outcome.filesRead = changed.count
        // The quick path's clock is kept only when it is taken; otherwise its time counts as loading.
        var quickClock = clock
        if let quick = rebuildBodies(changed, reloaded: reloaded, listing: listing, outcome: outcome, clock: &quickClock) {
            clock = quickClock
            return quick
        }
        last = nil
        loaded = Dictionary(uniqueKeysWithValues: listing.files.map { ($0, reloaded[$0] ?? loaded[$0]!) })
        let content = ContentLoader.assemble(listing.files.map { ($0, loaded[$0]!.file) }, root: folders.content,
                                             displayRoot: folders.contentDisplay, listingDiagnostics: listing.diagnostics)
        clock.finished("load")

        var templatesChanged = false
        if templates == nil || !templates!.isCurrent() {
            let (reloadedTemplates, templateDiagnostics) = TemplateSet.load(from: folders.templates, displayRoot: folders.templatesDisplay)
            outcome.diagnostics.append(contentsOf: templateDiagnostics)
            if let reloadedTemplates {
                templates = reloadedTemplates
                templatesChanged = true
            } else {
                templates = nil
            }
        }

        let (site, modelDiagnostics) = SiteBuilder.build(content, options: options, documents: documents, frontMatter: frontMatter)
        outcome.diagnostics.append(contentsOf: modelDiagnostics)
        outcome.bodiesConverted = documents.conversions - conversionsBefore
        outcome.frontMattersRead = frontMatter.readings - readingsBefore
        clock.finished("model")
        guard let site, let templates, !outcome.diagnostics.hasErrors else { return outcome }

        let plan = SitePlanner.plan(site, assets: templates.assetPaths, searchCache: searchIndex)
        clock.finished("plan")
        outcome.diagnostics.append(contentsOf: OutputClashes.diagnostics(plan, templates: templates, precompress: false,
                                                                         contentDisplayRoot: folders.contentDisplay))
        guard !outcome.diagnostics.hasErrors else { return outcome }
        var newPages: [String: PlannedPage.Content] = [:]
        var toRender: [PlannedPage] = []
        let previous = templatesChanged ? [:] : pages
        let unchanged = plan.pages.parallelMap { page in previous[page.path] == page.content }
        for (page, isUnchanged) in zip(plan.pages, unchanged) {
            newPages[page.path] = page.content
            if !isUnchanged { toRender.append(page) }
        }
        clock.finished("compare")
        var files = SiteRenderer.renderPages(toRender, templates: templates, language: site.config.language)
        outcome.pagesRendered = toRender.count
        clock.finished("render")

        var newCopies: [String: FileStamp] = [:]
        for copy in plan.copies {
            newCopies[copy] = listing.stamps[copy]
            if copies[copy] != listing.stamps[copy] {
                files.append(OutputFile(path: copy, contents: .copy(folders.content.appendingPathComponent(copy))))
            }
        }
        for (source, themeFile) in SiteRenderer.themeFiles(templates) {
            let stamp = templates.stamps[source]
            newCopies[themeFile.path] = stamp
            if copies[themeFile.path] != stamp { files.append(themeFile) }
        }
        let stale = Set(pages.keys).union(copies.keys).subtracting(newPages.keys).subtracting(newCopies.keys).sorted()
        guard write(files, removing: stale, outcome: &outcome) else { return outcome }
        clock.finished("write")
        pages = newPages
        copies = newCopies
        last = (site, outcome.diagnostics, listing.files)
        return outcome
    }

    /// The quick path for text changed in write-ups' bodies, when no file came or went and every
    /// front matter is as it was: the last site takes the new bodies, and only the pages that show
    /// them are planned again; when no file changed at all, nothing is done. Nil when that does
    /// not hold, or the change reaches further (a body's start shown in lists, a diagnostic, the
    /// search index's shards): the rebuild then runs whole.
    private func rebuildBodies(_ changed: [String], reloaded: [String: (FileStamp, LoadedFile)], listing: ContentTree.Listing,
                               outcome: Outcome, clock: inout StageClock) -> Outcome? {
        guard let last, listing.diagnostics.isEmpty, listing.files == last.files, let templates, templates.isCurrent()
        else { return nil }
        var outcome = outcome
        outcome.diagnostics = last.diagnostics
        if changed.isEmpty {
            outcome.succeeded = true
            outcome.nothingChanged = true
            return outcome
        }
        var sources: [(previous: MarkdownSource, current: MarkdownSource)] = []
        for relative in changed {
            guard case .markdown(let previous)? = loaded[relative]?.file, case .markdown(let current)? = reloaded[relative]?.1
            else { return nil }
            sources.append((previous, current))
        }
        clock.finished("load")
        let conversionsBefore = documents.conversions
        guard let edits = BodyEdits.edits(sources, in: last.site, documents: documents),
              edits.allSatisfy({ SitePlanner.listingsUnchanged($0.current, previous: $0.previous) })
        else { return nil }
        var site = last.site
        for edit in edits { site.writeUps[edit.index] = edit.current }
        clock.finished("model")
        let reached = SitePlanner.pagesShowingBodies(of: edits.map(\.current), in: site, assets: templates.assetPaths)
        guard let searchFiles = searchIndex.replace(reached.searchDocuments) else { return nil }
        let planned = reached.pages + searchFiles.map { PlannedPage(path: $0.path, content: .bytes($0.bytes)) }
        clock.finished("plan")

        for relative in changed { loaded[relative] = reloaded[relative] }
        outcome.bodiesOnly = true
        outcome.bodiesConverted = documents.conversions - conversionsBefore
        let toRender = planned.filter { pages[$0.path] != $0.content }
        let files = SiteRenderer.renderPages(toRender, templates: templates, language: site.config.language)
        outcome.pagesRendered = toRender.count
        clock.finished("render")
        guard write(files, removing: [], outcome: &outcome) else { return outcome }
        clock.finished("write")
        for page in toRender { pages[page.path] = page.content }
        self.last = (site, last.diagnostics, last.files)
        return outcome
    }

    /// Writes the changed files and removes the stale ones. After a failure the next rebuild
    /// writes every file again.
    private func write(_ files: [OutputFile], removing stale: [String], outcome: inout Outcome) -> Bool {
        do {
            // The first time, nobody reads the folder yet: files are written in place, without the
            // write-and-rename that keeps later rewrites whole for a reader.
            try OutputWriter.update(files, removing: stale, in: folders.output, replacing: served)
        } catch {
            outcome.diagnostics.append(.error(at: SourceLocation(path: folders.outputDisplay),
                                              "cannot write the preview: \(error.localizedDescription)",
                                              hint: "check that the folder is writable"))
            pages = [:]
            copies = [:]
            last = nil
            return false
        }
        outcome.changedPaths = files.map(\.path) + stale
        outcome.succeeded = true
        return true
    }
}
