import BulletinModel
import BulletinSearch
import BulletinLoad
import BulletinSupport

extension Planner {
    func home() -> PlannedPage {
        let config = site.config
        let bases = Array(site.bases)
        let valid = bases.filter { site.status(of: $0) == .valid }.count
        let counts = [
            CountView(label: "实践基地", value: bases.count, url: addresses.link(Addresses.bases)),
            CountView(label: "有效基地", value: valid, url: addresses.link(Addresses.bases)),
            CountView(label: "协同育人模式", value: site.models.count, url: addresses.link(Addresses.models)),
            // Format examples are not work done: they are left out of the figures.
            CountView(label: "基地文章", value: site.writeUps.filter { !$0.example }.count, url: addresses.link(Addresses.bases)),
            CountView(label: "工作简报", value: site.bulletins.filter { !$0.example }.count, url: addresses.link(Addresses.bulletins)),
        ]
        let view = HomeView(
            intro: config.description ?? config.title,
            latestBulletin: site.bulletins.first.map(summary(of:)),
            latestWriteUps: site.writeUps.prefix(6).map(summary(of:)),
            districts: districtGroups(bases),
            latestNotices: site.notices.prefix(5).map(summary(of:)),
            counts: counts,
            bulletinsURL: addresses.link(Addresses.bulletins),
            basesURL: addresses.link(Addresses.bases),
            noticesURL: addresses.link(Addresses.notices)
        )
        return page(Addresses.home, template: "home", section: Addresses.home, title: config.title,
                    description: config.description ?? config.title, view: view)
    }

    func freePage(_ free: Tracked<FreePage>) -> PlannedPage {
        let body = free.body
        return page(Addresses.page(free.slug), template: "page", section: Addresses.page(free.slug), title: free.title,
                    description: body.excerpt(), view: FreePageView(title: free.title, html: body.html))
    }

    func notFoundPage() -> PlannedPage {
        var notFound = page("", template: "404", section: "", title: "页面未找到", description: "页面未找到",
                            view: NotFoundView(homeURL: addresses.link(Addresses.home)))
        notFound.path = "404.html"
        return notFound
    }
}
