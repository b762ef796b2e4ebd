import Foundation

/// Stage 3's result: every output of the site, with its path and the data it is made from.
public struct SitePlan: Sendable {
    public var pages: [PlannedPage]
    /// Content files published as they are: content-relative path (also the output path).
    public var copies: [String]
}

extension SitePlan {
    /// The view data of every templated page, and samples of the optional parts a site may lack
    /// (a revocation, a distribution list), so strict checks know every field name.
    public var templateContexts: [Any] {
        pages.compactMap { page -> Any? in
            if case let .template(_, context) = page.content { return context }
            return nil
        } + [RevocationView(date: "", reason: "", notice: ModelLink(title: "", url: "")),
             Bulletin.DistributionLine(label: "", recipients: "")]
    }
}

public struct PlannedPage: Sendable {
    /// Path inside the output folder, e.g. `bases/wanzhou-shahe-primary/index.html`.
    public var path: String
    public var content: Content

    public enum Content: Sendable {
        /// A Mustache template and its typed view.
        case template(name: String, context: any Sendable & Hashable & Encodable)
        case feed(Feed)
        case sitemap([SitemapEntry])
        case text(String)
    }
}

public struct Feed: Sendable, Hashable {
    public var title: String
    public var subtitle: String
    public var selfURL: String
    public var siteURL: String
    public var authors: [String]
    public var updated: String
    public var entries: [Entry]

    public struct Entry: Sendable, Hashable {
        public var title: String
        public var url: String
        public var updated: String
        public var summary: String
        public var category: String
    }
}

public struct SitemapEntry: Sendable, Hashable {
    public var url: String
    public var lastModified: String?
}

extension PlannedPage {
    /// Changes whenever anything the page is made from changes: rebuilds re-render a page only
    /// when its fingerprint differs from the last one (within one process; Hasher is seeded).
    public var fingerprint: Int {
        var hasher = Hasher()
        hasher.combine(path)
        switch content {
        case let .template(name, context):
            hasher.combine(0)
            hasher.combine(name)
            hasher.combine(AnyHashable(context))
        case let .feed(feed):
            hasher.combine(1)
            hasher.combine(feed)
        case let .sitemap(entries):
            hasher.combine(2)
            hasher.combine(entries)
        case let .text(text):
            hasher.combine(3)
            hasher.combine(text)
        }
        return hasher.finalize()
    }
}
