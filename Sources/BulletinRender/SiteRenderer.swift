import Foundation
import BulletinPlan
import Mustache
import BulletinLoad
import BulletinSupport

/// One file of the output folder.
public struct OutputFile: Sendable {
    public var path: String
    public var contents: Contents

    package init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    public enum Contents: Sendable {
        /// Made by the build: kept as the bytes the writer writes, never converted on the way.
        case bytes([UInt8])
        /// Copied from this file as it is.
        case copy(URL)
        /// The same as this file of the live site: a second name for it, or a copy.
        case link(URL)
        /// Already in the folder as it must be.
        case unchanged
        /// Could not be made: the build stops before the site is replaced.
        case failed(Diagnostic)
    }
}

/// Stage 4: turns the plan into files — templates for pages, XML for feed and sitemap.
/// Pages are independent, so they render in parallel.
public enum SiteRenderer {
    public static func renderPages(_ pages: [PlannedPage], templates: TemplateSet, language: String) -> [OutputFile] {
        let chromes = ChromeCache()
        return pages.parallelMap { renderPage($0, templates: templates, language: language, chromes: chromes) }
    }

    /// `printed` is what the page shows of its PDF, when one was made.
    static func renderPage(_ page: PlannedPage, templates: TemplateSet, language: String, chromes: ChromeCache,
                           printed: PrintedCopyView? = nil) -> OutputFile {
        let text: String
        switch page.content {
        case let .template(name, context):
            var data = TemplateData.convert(context, chromes: chromes) ?? [:]
            if let printed, case .object(var fields) = data {
                fields["pdf"] = TemplateData.convert(printed)
                data = .object(fields)
            }
            switch templates.render(name, with: data, for: page.path) {
            case .success(let bytes): return OutputFile(path: page.path, contents: .bytes(bytes))
            case .failure(let diagnostic): return OutputFile(path: page.path, contents: .failed(diagnostic))
            }
        case let .bytes(bytes):
            return OutputFile(path: page.path, contents: .bytes(bytes))
        case let .feed(feed):
            text = FeedRenderer.atom(feed, language: language)
        case let .sitemap(entries):
            text = FeedRenderer.sitemap(entries)
        case let .text(body):
            text = body
        }
        return OutputFile(path: page.path, contents: .bytes(Array(text.utf8)))
    }

    /// The theme's static files, published under `static/` with fingerprinted names, with their
    /// paths inside the theme.
    public static func themeFiles(_ templates: TemplateSet) -> [(source: String, file: OutputFile)] {
        templates.staticFiles.map {
            ("static/" + $0, OutputFile(path: templates.assetPaths[$0] ?? "static/" + $0,
                                         contents: .copy(templates.root.appendingPathComponent("static/" + $0))))
        }
    }
}

/// Every file of the site, each rendered when asked for: the write stage asks on the core that
/// writes it, so rendering and writing share both cores and the pages are never all in memory.
public struct SiteOutputs: Sendable {
    /// In the plan's order, shared with the plan rather than copied: copying a page retains each of its fields.
    private let pages: [PlannedPage]
    /// The place in `pages` of each page in the order they are made.
    private let order: [Int]
    private var copies: [(file: OutputFile, source: CopySource)]
    private let templates: TemplateSet
    private let language: String
    private let chromes = ChromeCache()

    /// Where a file copied as it is comes from: a path inside the content folder or the theme.
    public enum CopySource: Sendable {
        case content(String)
        case theme(String)
        /// A processed photo: a file inside the image stage's cache folder.
        case image(URL)
        /// A PDF: a file inside the print stage's cache folder.
        case printed(URL)
    }

    /// What the pages with a PDF show of it, by the page's path.
    private var printedCopies: [String: PrintedCopyView] = [:]

    public init(_ plan: SitePlan, templates: TemplateSet, contentRoot: URL, imageCache: URL? = nil, language: String) {
        // The feed and the sitemap first: each is one large file, and made last, one core would
        // make it while the other waits.
        let firsts = plan.pages.indices.map { PlannedPage.isFeedOrSitemap(plan.pages.field(at: $0, \.content)) }
        order = plan.pages.indices.filter { firsts[$0] } + plan.pages.indices.filter { !firsts[$0] }
        pages = plan.pages
        copies = plan.copies.map { (OutputFile(path: $0, contents: .copy(contentRoot.appendingPathComponent($0))), .content($0)) }
            + SiteRenderer.themeFiles(templates).map { ($0.file, .theme($0.source)) }
            + (imageCache.map { cache in
                plan.images.map { (OutputFile(path: $0.path, contents: .copy(cache.appendingPathComponent($0.cacheFile))),
                                   .image(cache.appendingPathComponent($0.cacheFile))) }
            } ?? [])
        self.templates = templates
        self.language = language
    }

    public var count: Int { pages.count + copies.count }
    public var pageCount: Int { pages.count }

    /// The place in the plan's pages of the page at `index`.
    public func planIndex(at index: Int) -> Int { order[index] }

    public func path(at index: Int) -> String {
        index < pages.count ? pages[order[index]].path : copies[index - pages.count].file.path
    }

    public func source(at index: Int) -> CopySource? {
        index < pages.count ? nil : copies[index - pages.count].source
    }

    /// The planned pages first (the feed and sitemap before the others), then the files copied as they are.
    public func file(at index: Int) -> OutputFile {
        guard index < pages.count else { return copies[index - pages.count].file }
        let place = order[index]
        return SiteRenderer.renderPage(pages[place], templates: templates, language: language, chromes: chromes,
                                       printed: printedCopies.isEmpty ? nil : printedCopies[pages[place].path])
    }

    /// The documents for paper of the pages that have one, each rendered into HTML with its
    /// template, and the local file of each address it loads.
    public func printDocuments() -> [(document: PrintDocument, html: Result<[UInt8], Diagnostic>, resources: [String: URL])] {
        let documents = pages.compactMap(\.print)
        guard !documents.isEmpty else { return [] }
        var local: [String: URL] = [:]
        for copy in copies {
            if case .copy(let file) = copy.file.contents { local[copy.file.path] = file }
        }
        let files = local
        return documents.parallelMap { document in
            guard case let .template(name, context) = document.content else {
                return (document, .success([]), [:])
            }
            let html = templates.render(name, with: TemplateData.convert(context) ?? [:], for: document.path)
            var resources: [String: URL] = [:]
            for address in document.resources { resources[address] = files[address] }
            return (document, html, resources)
        }
    }

    /// Adds the PDFs made of the pages' documents for paper (by the PDF's path: its file and what
    /// its page shows of it), to be copied beside their pages and linked from them.
    public mutating func attach(printed: [String: (file: URL, view: PrintedCopyView)]) {
        for page in pages {
            guard let document = page.print, let made = printed[document.path] else { continue }
            copies.append((OutputFile(path: document.path, contents: .copy(made.file)), .printed(made.file)))
            printedCopies[page.path] = made.view
        }
    }
}

private extension PlannedPage {
    static func isFeedOrSitemap(_ content: Content) -> Bool {
        switch content {
        case .feed, .sitemap: return true
        case .template, .text, .bytes: return false
        }
    }
}
