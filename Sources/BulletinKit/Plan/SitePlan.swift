import Foundation

/// Stage 3's result: every output of the site, with its path and the data it is made from.
public struct SitePlan: Sendable {
    public var pages: [PlannedPage]
    /// Content files published as they are: content-relative path (also the output path).
    public var copies: [String]
}

public struct PlannedPage: Sendable {
    /// Path inside the output folder, e.g. `bases/wanzhou-shahe-primary/index.html`.
    public var path: String
    public var content: Content

    public enum Content: Sendable {
        /// A Mustache template and its typed view.
        case template(name: String, context: any Sendable)
        case feed(Feed)
        case sitemap([SitemapEntry])
        case text(String)
    }
}

public struct Feed: Sendable {
    public var title: String
    public var subtitle: String
    public var selfURL: String
    public var siteURL: String
    public var authors: [String]
    public var updated: String
    public var entries: [Entry]

    public struct Entry: Sendable {
        public var title: String
        public var url: String
        public var updated: String
        public var summary: String
        public var category: String
    }
}

public struct SitemapEntry: Sendable {
    public var url: String
    public var lastModified: String?
}
