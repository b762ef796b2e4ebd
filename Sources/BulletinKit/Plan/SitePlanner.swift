/// Stage 3: decides every output of the site — its path, template and view data. All grouping,
/// sorting, statuses and date formatting happen here, in Swift, so templates only display.
public enum SitePlanner {
    /// `assets` maps the theme's static files to where they are published (fingerprinted names);
    /// `searchCache` keeps the search index between the rebuilds of a session.
    public static func plan(_ site: Site, assets: [String: String] = [:], searchCache: SearchIndexCache? = nil) -> SitePlan {
        let planner = Planner(site: site, assets: assets, searchCache: searchCache)
        // The search index depends on no other page, and merging its postings runs on one core:
        // it is made beside the other pages, which fill the second core meanwhile.
        let search = Concurrent { planner.searchPages() }
        var pages: [PlannedPage] = []
        pages.append(planner.home())
        pages += planner.bulletinPages()
        pages += planner.basePages()
        pages += planner.writeUpPages()
        pages += planner.modelPages()
        pages.append(planner.reportsPage())
        pages += planner.noticePages()
        pages += planner.freePages()
        pages += search.value.pages
        pages.append(planner.notFoundPage())

        let htmlPages = pages.filter { $0.path.hasSuffix("index.html") }
        pages.append(planner.feed())
        pages.append(PlannedPage(path: "sitemap.xml", content: .sitemap(planner.sitemap(of: htmlPages))))
        pages.append(PlannedPage(path: "robots.txt", content: .text(planner.robots())))

        let referencedFiles = site.staticFiles
        return SitePlan(pages: pages, copies: referencedFiles, searchPostings: search.value.postings)
    }
}

/// Builds the views of one site; shared lookups are computed once here.
struct Planner {
    let site: Site
    let addresses: Addresses
    let basesByID: [String: Base]
    /// Places in `site.writeUps`, by base and by reference: copies of 10,000 write-ups in these
    /// lookups took longer to make and free than planning an edit's pages.
    private let writeUpPlacesByBase: [String: [Int]]
    let modelsByID: [String: CollaborationModel]
    private let writeUpPlaceByReference: [String: Int]
    /// The bulletins featuring each write-up, by `base-id/slug`.
    let bulletinsByItem: [String: [Bulletin]]
    let assets: [String: String]
    let searchCache: SearchIndexCache?

    init(site: Site, assets: [String: String], searchCache: SearchIndexCache? = nil) {
        self.site = site
        self.assets = assets
        self.searchCache = searchCache
        addresses = Addresses(rootPath: site.config.rootPath, baseURL: site.config.baseURL)
        basesByID = Dictionary(uniqueKeysWithValues: site.bases.map { ($0.id, $0) })
        writeUpPlacesByBase = Dictionary(grouping: site.writeUps.indices, by: { site.writeUps[$0].baseID })
        modelsByID = Dictionary(uniqueKeysWithValues: site.models.map { ($0.id, $0) })
        writeUpPlaceByReference = Dictionary(site.writeUps.indices.map { (site.writeUps[$0].reference, $0) },
                                             uniquingKeysWith: { first, _ in first })
        var bulletinsByItem: [String: [Bulletin]] = [:]
        for bulletin in site.bulletins {
            for item in bulletin.items { bulletinsByItem[item, default: []].append(bulletin) }
        }
        self.bulletinsByItem = bulletinsByItem
    }

    static let unknownDistrict = "区县未注明"

    /// The base's write-ups, newest first.
    func writeUps(ofBase id: String) -> [WriteUp] {
        (writeUpPlacesByBase[id] ?? []).map { site.writeUps[$0] }
    }

    /// The write-up a bulletin or a report cell refers to as `base-id/slug`.
    func writeUp(_ reference: String) -> WriteUp? {
        writeUpPlaceByReference[reference].map { site.writeUps[$0] }
    }

    // MARK: chrome shared by every page

    static let sections: [(title: String, path: String)] = [
        ("首页", Addresses.home), ("工作简报", Addresses.bulletins), ("实践基地", Addresses.bases),
        ("协同育人模式", Addresses.models), ("年度报告", Addresses.reports), ("通知公告", Addresses.notices),
        ("搜索", Addresses.search),
    ]

    func chrome(section: String) -> SiteChrome {
        var navigation = Self.sections.map { NavigationItem(title: $0.title, url: addresses.link($0.path), current: $0.path == section) }
        navigation += site.pages.map { NavigationItem(title: $0.title, url: addresses.link(Addresses.page($0.slug)), current: Addresses.page($0.slug) == section) }
        let config = site.config
        let organizers = config.organizers.joined(separator: "　")
        return SiteChrome(
            title: config.title,
            description: config.description ?? config.title,
            language: config.language,
            root: config.rootPath,
            organizers: config.organizers,
            organizersLine: organizers,
            navigation: navigation,
            footer: FooterView(host: config.footer.host ?? organizers, organizer: config.footer.organizer,
                               siteCode: config.footer.siteCode, icp: config.footer.icp,
                               publicSecurity: config.footer.publicSecurity, contact: config.footer.contact),
            feedURL: addresses.link(Addresses.feed),
            stylesheetURL: asset("style.css"),
            careScriptURL: asset("care.js")
        )
    }

    /// The address of a theme file, under its published (fingerprinted) name.
    func asset(_ name: String) -> String {
        addresses.link(assets[name] ?? "static/" + name)
    }

    func page<View: Sendable & Hashable & Encodable>(_ path: String, template: String, section: String, title: String,
                              description: String, article: (title: String, date: PartialDate?, source: String?)? = nil,
                              view: View) -> PlannedPage {
        let columnName = Self.sections.first { $0.path == section }?.title ?? title
        let documentTitle = path.isEmpty ? site.config.title : "\(title) - \(site.config.title)"
        let meta = PageMeta(title: title, documentTitle: documentTitle, description: description,
                            canonicalURL: addresses.absolute(path), columnName: columnName,
                            articleTitle: article?.title, pubDate: article?.date?.iso,
                            contentSource: article?.source, siteCode: site.config.footer.siteCode,
                            openGraphType: article == nil ? "website" : "article")
        let context = PageContext(site: chrome(section: section), meta: meta, view: view)
        return PlannedPage(path: Addresses.outputFile(path), content: .template(name: template, context: context))
    }

    // MARK: summaries shared by several pages

    func summary(of base: Base) -> BaseSummary {
        BaseSummary(id: base.id, name: base.name, url: addresses.link(Addresses.base(base.id)),
                    district: base.district ?? Self.unknownDistrict, category: base.category.chinese,
                    categoryID: base.category.rawValue, status: StatusBadge(site.status(of: base)))
    }

    func summary(of writeUp: WriteUp) -> WriteUpSummary {
        let base = basesByID[writeUp.baseID]
        return WriteUpSummary(title: writeUp.title, url: addresses.link(Addresses.writeUp(writeUp)), kind: writeUp.kind.chinese,
                              date: writeUp.date.chinese, dateISO: writeUp.date.iso, baseName: base?.name ?? writeUp.baseID,
                              baseURL: addresses.link(Addresses.base(writeUp.baseID)),
                              summary: writeUp.summary ?? writeUp.body.excerpt(), example: writeUp.example)
    }

    func summary(of bulletin: Bulletin) -> BulletinSummary {
        BulletinSummary(title: bulletin.title, url: addresses.link(Addresses.bulletin(bulletin)),
                        issueLabel: "\(bulletin.year)年\(bulletin.issueLabel)", serialLabel: bulletin.serial.map { "总第\($0)期" },
                        date: bulletin.date.chinese, dateISO: bulletin.date.iso, example: bulletin.example)
    }

    func summary(of notice: Notice) -> NoticeSummary {
        NoticeSummary(title: notice.title, url: addresses.link(Addresses.notice(notice.slug)), date: notice.date.chinese,
                      dateISO: notice.date.iso, number: notice.number, issuers: notice.issuers.joined(separator: "　"))
    }

    func link(toModel id: String) -> ModelLink? {
        modelsByID[id].map { ModelLink(title: $0.title, url: addresses.link(Addresses.model($0.id))) }
    }

    func link(toNotice slug: String?) -> ModelLink? {
        guard let slug, let notice = site.notice(slug) else { return nil }
        return ModelLink(title: notice.title, url: addresses.link(Addresses.notice(slug)))
    }

    func revocation(of base: Base) -> RevocationView? {
        guard let revocation = base.revocation, site.status(of: base) == .revoked else { return nil }
        return RevocationView(date: revocation.date.chinese, reason: revocation.reason, notice: link(toNotice: revocation.noticeSlug))
    }

    /// Bases grouped by district in the configured official order; bases without a district last.
    func districtGroups(_ bases: [Base]) -> [DistrictGroup] {
        DistrictGrouping.group(bases, order: site.config.districts).map { name, members in
            let label = name ?? Self.unknownDistrict
            return DistrictGroup(name: label, anchor: "district-\(DistrictGrouping.anchor(for: name, order: site.config.districts))",
                                 bases: members.map(summary(of:)), count: members.count)
        }
    }
}

/// Grouping by district in the configured order; a pure function, tested on its own.
public enum DistrictGrouping {
    /// Groups in the order of `order`; bases with no district come last under nil. Within a group,
    /// bases keep the order they came in.
    public static func group(_ bases: [Base], order: [String]) -> [(district: String?, bases: [Base])] {
        var groups: [(String?, [Base])] = []
        for district in order {
            let members = bases.filter { $0.district == district }
            if !members.isEmpty { groups.append((district, members)) }
        }
        let unknown = bases.filter { $0.district == nil || !order.contains($0.district!) }
        if !unknown.isEmpty { groups.append((nil, unknown)) }
        return groups
    }

    /// A stable ASCII anchor for a district: its position in the official list.
    static func anchor(for district: String?, order: [String]) -> String {
        guard let district, let index = order.firstIndex(of: district) else { return "unknown" }
        return String(index + 1)
    }
}
