import Foundation

/// One file of the output folder.
public struct OutputFile: Sendable {
    public var path: String
    public var contents: Contents

    public enum Contents: Sendable {
        /// Made by the build: kept as the bytes the writer writes, never converted on the way.
        case bytes([UInt8])
        /// Copied from this file as it is.
        case copy(URL)
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
            return OutputFile(path: page.path, contents: .bytes(templates.render(name, with: TemplateData.convert(context, chromes: chromes) ?? [:])))
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
    private let copies: [OutputFile]
    private let templates: TemplateSet
    private let language: String
    private let chromes = ChromeCache()

    public init(_ plan: SitePlan, templates: TemplateSet, contentRoot: URL, language: String) {
        // The feed and the sitemap first: each is one large file, and made last, one core would
        // make it while the other waits.
        pages = plan.pages.filter(\.isFeedOrSitemap) + plan.pages.filter { !$0.isFeedOrSitemap }
        copies = plan.copies.map { OutputFile(path: $0, contents: .copy(contentRoot.appendingPathComponent($0))) }
            + SiteRenderer.themeFiles(templates).map(\.file)
        self.templates = templates
        self.language = language
    }

    public var count: Int { pages.count + copies.count }

    /// The planned pages first (the feed and sitemap before the others), then the files copied as they are.
    public func file(at index: Int) -> OutputFile {
        index < pages.count ? SiteRenderer.renderPage(pages[index], templates: templates, language: language, chromes: chromes) : copies[index - pages.count]
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
