import BulletinModel
import BulletinSearch
import BulletinLoad
import BulletinSupport

/// What every page's template receives: the site's chrome, the page's metadata, and the
/// page kind's own view. Templates read these fields and compute nothing.
public struct PageContext<View: Sendable & Hashable & Encodable>: Sendable, Hashable, Encodable {
    public var site: SiteChrome
    public var meta: PageMeta
    public var view: View
}

/// What a page's print template receives: no site chrome (paper has no navigation), the
/// stylesheet by its path inside the site, and the page kind's view with every address absolute.
public struct PrintContext<View: Sendable & Hashable & Encodable>: Sendable, Hashable, Encodable {
    public var language: String
    public var title: String
    public var stylesheet: String
    public var view: View
}

/// The parts of the layout that are the same on every page, except which menu entry is current.
public struct SiteChrome: Sendable, Hashable, Encodable {
    public var title: String
    public var description: String
    public var language: String
    /// Root path of the site, '/' or '/sub/path/': every link in templates starts with it.
    public var root: String
    public var organizers: [String]
    public var organizersLine: String
    public var navigation: [NavigationItem]
    public var footer: FooterView
    public var feedURL: String
    public var stylesheetURL: String
    public var careScriptURL: String

    /// The pages of a section share one chrome, which the renderer looks up for every page
    /// (`ChromeCache`): the section it marks tells them apart, and equality still compares every
    /// field. Hashing every field was 1.3% of a build's instructions.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(root)
        for item in navigation where item.current { hasher.combine(item.url) }
    }
}

public struct NavigationItem: Sendable, Hashable, Encodable {
    public var title: String
    public var url: String
    public var current: Bool
}

public struct FooterView: Sendable, Hashable, Encodable {
    public var host: String
    public var organizer: String?
    public var siteCode: String?
    public var icp: String?
    public var publicSecurity: String?
    public var contact: String?
}

/// The `<head>` of one page: title, description, canonical address and the government-site
/// meta tags (SiteName, ColumnName, ArticleTitle, PubDate, ContentSource).
public struct PageMeta: Sendable, Hashable, Encodable {
    public var title: String
    public var documentTitle: String
    public var description: String
    public var canonicalURL: String
    public var columnName: String
    public var articleTitle: String?
    public var pubDate: String?
    public var contentSource: String?
    public var siteCode: String?
    public var openGraphType: String
}
