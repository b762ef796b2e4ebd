import Foundation

/// One file of the output folder.
public struct OutputFile: Sendable {
    public var path: String
    public var contents: Contents

    public enum Contents: Sendable {
        case data(Data)
        /// Copied from this file as it is.
        case copy(URL)
    }
}

/// Stage 4: turns the plan into files — templates for pages, XML for feed and sitemap.
/// Pages are independent, so they render in parallel.
public enum SiteRenderer {
    public static func render(_ plan: SitePlan, templates: TemplateSet, contentRoot: URL, language: String) -> [OutputFile] {
        var files = renderPages(plan.pages, templates: templates, language: language)
        files += plan.copies.map { OutputFile(path: $0, contents: .copy(contentRoot.appendingPathComponent($0))) }
        files += themeFiles(templates).map(\.file)
        return files
    }

    public static func renderPages(_ pages: [PlannedPage], templates: TemplateSet, language: String) -> [OutputFile] {
        pages.parallelMap { page in
            let text: String
            switch page.content {
            case let .template(name, context):
                return OutputFile(path: page.path, contents: .data(Data(templates.render(name, with: TemplateData.convert(context) ?? [:]))))
            case let .feed(feed):
                text = FeedRenderer.atom(feed, language: language)
            case let .sitemap(entries):
                text = FeedRenderer.sitemap(entries)
            case let .text(body):
                text = body
            }
            return OutputFile(path: page.path, contents: .data(Data(text.utf8)))
        }
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
