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

    static func renderPage(_ page: PlannedPage, templates: TemplateSet, language: String, chromes: ChromeCache) -> OutputFile {
        let text: String
        switch page.content {
        case let .template(name, context):
            switch templates.render(name, with: TemplateData.convert(context, chromes: chromes) ?? [:], for: page.path) {
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
    private let pages: [PlannedPage]
    /// The place in `pages` of each page of the plan.
    private let order: [Int]
    private let copies: [(file: OutputFile, source: CopySource)]
    private let templates: TemplateSet
    private let language: String
    private let chromes = ChromeCache()

    /// Where a file copied as it is comes from: a path inside the content folder or the theme.
    public enum CopySource: Sendable {
        case content(String)
        case theme(String)
        /// A processed photo: a file inside the image stage's cache folder.
        case image(URL)
    }

    public init(_ plan: SitePlan, templates: TemplateSet, contentRoot: URL, imageCache: URL? = nil, language: String) {
        // The feed and the sitemap first: each is one large file, and made last, one core would
        // make it while the other waits.
        order = plan.pages.indices.filter { plan.pages[$0].isFeedOrSitemap } + plan.pages.indices.filter { !plan.pages[$0].isFeedOrSitemap }
        pages = order.map { plan.pages[$0] }
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
        index < pages.count ? pages[index].path : copies[index - pages.count].file.path
    }

    public func source(at index: Int) -> CopySource? {
        index < pages.count ? nil : copies[index - pages.count].source
    }

    /// The planned pages first (the feed and sitemap before the others), then the files copied as they are.
    public func file(at index: Int) -> OutputFile {
        index < pages.count ? SiteRenderer.renderPage(pages[index], templates: templates, language: language, chromes: chromes) : copies[index - pages.count].file
    }
}

private extension PlannedPage {
    var isFeedOrSitemap: Bool {
        switch content {
        case .feed, .sitemap: return true
        case .template, .text, .bytes: return false
        }
    }
}
