import BulletinImages
import Foundation
import BulletinLoad
import BulletinSupport

/// What a build is asked to do beyond the content itself.
public struct BuildOptions: Sendable {
    /// The day statuses are computed for (default: today).
    public var asOf: PartialDate
    public var includeDrafts: Bool
    /// Replaces site.yaml's baseURL, e.g. to publish the same content under a sub-path.
    public var baseURL: String?
    /// Also warn about template variables that name no field of the data pages receive.
    public var strict: Bool
    /// Write a gzip copy beside every text file, for servers that send precompressed files.
    public var precompress: Bool
    /// Whether bulletins get their PDF (`bulletin build` asks for them when a renderer is installed).
    public var pdf: PDFMode = .off

    public enum PDFMode: String, Sendable {
        /// When a renderer is installed; otherwise the build says so and goes on without PDFs.
        case whenInstalled = "when-installed"
        /// Always: a build without a renderer fails.
        case required
        /// Never (the preview, whose rebuilds must stay within a blink).
        case off
    }

    public init(asOf: PartialDate = .today, includeDrafts: Bool = false, baseURL: String? = nil, strict: Bool = false,
                precompress: Bool = false) {
        self.asOf = asOf
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
        self.strict = strict
        self.precompress = precompress
    }
}

extension PartialDate {
    public static var today: PartialDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Shanghai")!, from: Date())
        return PartialDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}

/// Stage 2: gives the loaded files their meaning — a `Site` with every reference checked.
public enum SiteBuilder {
    /// `documents` and `frontMatter` keep converted bodies and read front matter between rebuilds
    /// of one session (the preview server).
    public static func build(_ content: LoadedContent, options: BuildOptions, documents: DocumentCache? = nil,
                             frontMatter: FrontMatterCache? = nil, images: ImageResults? = nil) -> (Site?, Diagnostics) {
        var diagnostics = content.diagnostics
        guard let siteFile = content.siteFile else { return (nil, diagnostics) }
        let (configRead, configDiagnostics) = SiteConfigReader.read(siteFile, baseURLOverride: options.baseURL,
                                                                    publishing: options.precompress)
        diagnostics.append(contentsOf: configDiagnostics)
        guard let config = configRead, let basesFile = content.basesFile else { return (nil, diagnostics) }

        let registry = BasesReader.read(basesFile, districts: config.districts)
        diagnostics.append(contentsOf: registry.diagnostics)

        var drafts = Drafts()
        drafts.takePaths(content.markdown.map(\.relativePath) + content.unreadableMarkdown)
        for relative in content.unreadableMarkdown {
            let section = ContentSection(relativePath: relative)
            // Told with the front matter's mistake, not once that is mended.
            if let misnamed = drafts.misnamed(relativePath: relative, displayPath: content.displayPath(relative), section: section) {
                diagnostics.append(misnamed)
            } else if case let .writeUp(baseID, slug) = section {
                drafts.declaredWriteUps.insert("\(baseID)/\(slug)")
            }
        }
        diagnostics.append(contentsOf: drafts.add(content.markdown, includeDrafts: options.includeDrafts, cache: frontMatter))
        diagnostics.append(contentsOf: drafts.publishedSources.parallelMap(Placeholders.unfinished).compactMap { $0 })
        diagnostics.append(contentsOf: ReportRules.check(drafts.writeUps, bases: registry.bases, asOf: options.asOf))
        diagnostics.append(contentsOf: BulletinNumbering.check(drafts.bulletins + drafts.draftBulletins))

        let (paths, pathDiagnostics) = drafts.contentPaths(staticFiles: content.staticFiles + content.refusedFiles,
                                                                        sizes: content.staticFileSizes)
        diagnostics.append(contentsOf: pathDiagnostics)
        let converter = BodyConverter(paths: paths, rootPath: config.rootPath, allowRawHTML: config.allowsRawHTML,
                                      images: images?.images ?? [:], imageProblems: images?.problems ?? [:])
        var references = ReferenceChecker(bases: registry.bases, declaredBaseIDs: registry.declaredIDs, batches: registry.batches, drafts: drafts,
                                          paths: paths, converter: converter, documents: documents)

        let models = references.models()
        let writeUps = references.writeUps()
        let bulletins = references.bulletins(defaultEditor: config.bulletinEditor)
        let notices = references.notices()
        let pages = references.pages()
        references.checkMisnamedBodies()
        references.checkNotices(registry.noticeReferences)
        diagnostics.append(contentsOf: references.diagnostics)
        diagnostics.append(contentsOf: UnlinkedDocuments.check(staticFiles: content.staticFiles, linked: references.linkedFiles,
                                                               displayPath: content.displayPath))

        let site = Site(config: config, asOf: options.asOf, batches: registry.batches, bases: registry.bases,
                        writeUps: writeUps, bulletins: bulletins, notices: notices, models: models, pages: pages,
                        staticFiles: content.staticFiles, paths: paths, images: images?.images ?? [:])
        return (diagnostics.hasErrors ? nil : site, diagnostics)
    }
}
