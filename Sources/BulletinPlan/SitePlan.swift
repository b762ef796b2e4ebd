import BulletinImages
import Foundation
import BulletinModel
import BulletinSearch
import BulletinLoad
import BulletinSupport

/// Stage 3's result: every output of the site, with its path and the data it is made from.
public struct SitePlan: Sendable {
    public var pages: [PlannedPage]
    /// For each page, whether it was planned again (rather than kept from the last plan).
    public var replanned: [Bool]
    /// For each page, whether the last plan gave the same data at its path.
    public var unchanged: [Bool]
    /// Content files published as they are: content-relative path (also the output path).
    public var copies: [String]
    /// The versions of photos the image stage made, copied from its cache folder.
    public var images: [ImageVariant] = []
    /// How many recipes were planned again.
    public var recipesPlanned: Int
}

extension SitePlan {
    /// The view data of every templated page, and samples of the optional parts a site may lack
    /// (a revocation, a distribution list), so strict checks know every field name.
    public var templateContexts: [Any] {
        pages.flatMap { page -> [Any] in
            [page.content, page.print?.content].compactMap { content -> Any? in
                if case let .template(_, context)? = content { return context }
                return nil
            }
        } + [RevocationView(date: "", reason: "", notice: ModelLink(title: "", url: "")),
             PictureView(webpSrcset: "", src: "", srcset: "", width: 0, height: 0, sizes: "", alt: "", loading: "", printSrc: ""),
             Bulletin.DistributionLine(label: "", recipients: ""), PrintedPageSample()]
    }
}

/// The field a page with a PDF gets when it is rendered (`SiteOutputs`), for the strict check.
private struct PrintedPageSample: Encodable {
    var pdf = PrintedCopyView(url: "", details: "")
}

public struct PlannedPage: Sendable {
    /// Path inside the output folder, e.g. `bases/wanzhou-shahe-primary/index.html`.
    public var path: String
    public var content: Content
    /// The page's document for paper, when it has one (a bulletin's): the page links to it.
    public var print: PrintDocument? = nil

    public enum Content: Sendable {
        /// A Mustache template and its typed view.
        case template(name: String, context: any Sendable & Hashable & Encodable)
        case feed(Feed)
        case sitemap([SitemapEntry])
        case text(String)
        /// A file made as bytes, as it is written (the search index's JSON).
        case bytes([UInt8])
    }
}

/// A page's data laid out for paper: a template of its own renders it into HTML, which the print
/// stage makes into a PDF published at `path`, beside the page.
public struct PrintDocument: Sendable {
    /// Path of the PDF inside the output folder.
    public var path: String
    /// Always a `.template`: the print template and its view.
    public var content: PlannedPage.Content
    /// Output paths of the files the HTML loads (its stylesheet, the print versions of its
    /// photos), which the renderer is given and which the PDF is made from.
    public var resources: [String]
    /// The file the page is made from, as messages name it (`Content/bulletins/2021-1.md`).
    public var source: String
}

/// What a page shows of its PDF: the address, and the type and size as documents are labelled
/// (`PDF，120KB`). Known once the PDF is made, so it is added when the page is rendered.
public struct PrintedCopyView: Sendable, Hashable, Encodable {
    public var url: String
    public var details: String

    public init(url: String, details: String) {
        (self.url, self.details) = (url, details)
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
        /// The cover's fallback version 960 pixels wide (or narrower), as an absolute address, and its type.
        public var image: (url: String, type: String)? = nil

        public static func == (a: Entry, b: Entry) -> Bool {
            (a.title, a.url, a.updated, a.summary, a.category) == (b.title, b.url, b.updated, b.summary, b.category)
                && a.image?.url == b.image?.url && a.image?.type == b.image?.type
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(url)
            hasher.combine(updated)
        }
    }
}

public struct SitemapEntry: Sendable, Hashable {
    public var url: String
    public var lastModified: String?
}

extension PlannedPage.Content: Equatable {
    /// Whether two plans give a page the same data: a rebuild re-renders a page only when not.
    /// Comparing is cheaper than hashing: most strings of an unchanged page (its converted body)
    /// are the same storage as last time, and equal storage compares in one step.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case let (.template(name, context), .template(otherName, otherContext)):
            return name == otherName && AnyHashable(context) == AnyHashable(otherContext)
        case let (.feed(feed), .feed(other)):
            return feed == other
        case let (.sitemap(entries), .sitemap(other)):
            return entries == other
        case let (.text(text), .text(other)):
            return text == other
        case let (.bytes(bytes), .bytes(other)):
            return bytes == other
        default:
            return false
        }
    }
}
