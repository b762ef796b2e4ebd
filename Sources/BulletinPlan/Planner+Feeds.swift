import BulletinModel
import BulletinSearch
import BulletinLoad
import BulletinSupport

extension Planner {
    /// Atom feed of the newest bulletins, write-ups and notices. Its `updated` is the newest
    /// entry's date, not the build time, so two builds of the same content are identical.
    func feed() -> PlannedPage {
        // Every entry's date decides which are the newest; only those are read further.
        var candidates: [(date: PartialDate, url: String, entry: () -> Feed.Entry)] = []
        for bulletin in site.bulletins {
            let url = addresses.absolute(Addresses.bulletin(bulletin))
            candidates.append((bulletin.date, url, {
                Feed.Entry(title: Self.marked("\(bulletin.year)年\(bulletin.issueLabel) \(bulletin.title)", example: bulletin.example),
                           url: url, updated: Self.atomDate(bulletin.date), summary: bulletin.body.excerpt(200), category: "工作简报")
            }))
        }
        for writeUp in site.writeUps {
            let url = addresses.absolute(Addresses.writeUp(writeUp.reference))
            candidates.append((writeUp.date, url, {
                Feed.Entry(title: Self.marked(writeUp.title, example: writeUp.example), url: url, updated: Self.atomDate(writeUp.date),
                           summary: writeUp.summary ?? writeUp.body.excerpt(200), category: writeUp.kind.chinese,
                           image: writeUp.coverImage.map { cover in
                               (addresses.absolute(cover.fallback.path), cover.hasAlpha ? "image/png" : "image/jpeg")
                           })
            }))
        }
        for notice in site.notices {
            let url = addresses.absolute(Addresses.notice(notice.slug))
            candidates.append((notice.date, url, {
                Feed.Entry(title: notice.title, url: url, updated: Self.atomDate(notice.date), summary: notice.body.excerpt(200),
                           category: "通知公告")
            }))
        }
        let newest = candidates.sorted { ($1.date, $0.url) < ($0.date, $1.url) }.prefix(30)
        let config = site.config
        let feed = Feed(title: config.title, subtitle: config.description ?? config.title,
                        selfURL: addresses.absolute(Addresses.feed), siteURL: config.baseURL,
                        authors: config.organizers,
                        updated: newest.first.map { Self.atomDate($0.date) } ?? "2000-01-01T00:00:00+08:00",
                        entries: newest.map { $0.entry() })
        return PlannedPage(path: Addresses.feed, content: .feed(feed))
    }

    /// Feed readers show no banner, so examples say so in their title.
    static func marked(_ title: String, example: Bool) -> String { example ? "〔示例〕" + title : title }

    static func atomDate(_ date: PartialDate) -> String { date.firstDayISO + "T00:00:00+08:00" }

    func sitemap(of paths: [String]) -> [SitemapEntry] {
        paths.map { path in
            let path = String(path.dropLast("index.html".count))
            return SitemapEntry(url: addresses.absolute(path), lastModified: nil)
        }
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(addresses.absolute("sitemap.xml"))\n"
    }
}
