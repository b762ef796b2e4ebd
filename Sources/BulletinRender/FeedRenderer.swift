import BulletinPlan
import Mustache
import BulletinLoad
import BulletinSupport

/// Atom 1.0 (RFC 4287) and sitemaps.org XML, written directly: these follow standards, not the theme.
enum FeedRenderer {
    static func atom(_ feed: Feed, language: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(XMLText.escape(language))\">\n"
        xml += "  <title>\(XMLText.escape(feed.title))</title>\n"
        xml += "  <subtitle>\(XMLText.escape(feed.subtitle))</subtitle>\n"
        xml += "  <id>\(XMLText.escape(feed.siteURL))</id>\n"
        xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLText.escape(feed.selfURL))\"/>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(feed.siteURL))\"/>\n"
        xml += "  <updated>\(feed.updated)</updated>\n"
        for author in feed.authors {
            xml += "  <author><name>\(XMLText.escape(author))</name></author>\n"
        }
        for entry in feed.entries {
            xml += "  <entry>\n"
            xml += "    <title>\(XMLText.escape(entry.title))</title>\n"
            xml += "    <id>\(XMLText.escape(entry.url))</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(entry.url))\"/>\n"
            xml += "    <updated>\(entry.updated)</updated>\n"
            xml += "    <category term=\"\(XMLText.escape(entry.category))\"/>\n"
            if !entry.summary.isEmpty {
                xml += "    <summary>\(XMLText.escape(entry.summary))</summary>\n"
            }
            if let image = entry.image {
                xml += "    <link rel=\"enclosure\" type=\"\(image.type)\" href=\"\(XMLText.escape(image.url))\"/>\n"
            }
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }

    static func sitemap(_ entries: [SitemapEntry]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in entries {
            xml += "  <url><loc>\(XMLText.escape(entry.url))</loc>"
            if let lastModified = entry.lastModified { xml += "<lastmod>\(lastModified)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}
