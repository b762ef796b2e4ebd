import BulletinModel
import BulletinSearch
import BulletinLoad
import BulletinSupport

/// Stage 3: decides every output of the site — its path, template and view data. All grouping,
/// sorting, statuses and date formatting happen here, in Swift, so templates only display.
///
/// Outputs are planned from recipes, one for each page or group of files, and each records what it
/// read (`Dependencies.swift`). Given the last plan's record, a recipe none of whose recorded inputs
/// changed gives the pages it gave then; the others are planned again.
public enum SitePlanner {
    /// `searchCache` keeps the search index between the plans of a session; `recipes` lists the
    /// outputs (tests add their own).
    /// `recording`: whether the record of what each output read is made, for the next plan of a
    /// session to start from; a build that plans once has no use for it (nil), and recording every
    /// field every page reads was a tenth of planning.
    public static func plan(_ inputs: PlanInputs, previous: PlanRecord? = nil, searchCache: SearchIndexCache? = nil,
                            recording: Bool = true) -> (plan: SitePlan, record: PlanRecord?) {
        plan(inputs, previous: previous, searchCache: searchCache, recording: recording, recipes: recipes)
    }

    static func plan(_ inputs: PlanInputs, previous: PlanRecord?, searchCache: SearchIndexCache?, recording: Bool = true,
                     recipes: (Site, EntryKeys) -> [PageRecipe]) -> (plan: SitePlan, record: PlanRecord?) {
        let keys = EntryKeys(inputs.site)
        var changes: InputChanges?
        if let previous {
            changes = InputChanges(from: previous.inputs, previousKeys: previous.keys, to: inputs, currentKeys: keys)
            changes!.settle(lookups: previous.lookups.inputs)
        }
        let lookups = PlannerLookups(inputs, keys: keys, reusing: previous?.lookups, unless: changes?.lookups ?? [], recording: recording)
        let planner: @Sendable (DependencyRecorder, [SearchDocument]) -> Planner = { recorder, documents in
            Planner(inputs: inputs, lookups: lookups, recorder: recorder, searchCache: searchCache, searchDocuments: documents)
        }

        // With the same entries in the same order, every recipe is the one of the last plan (recipes
        // name entries by their place), and the last outputs are in the same places.
        let sameEntries = previous?.keys == keys

        // The search documents first: the search index is made of them all.
        let documentRecipes = sameEntries ? previous!.documents.recipes : Self.documentRecipes(keys)
        let documents = replan(documentRecipes, previous: previous?.documents, aligned: sameEntries, changes: changes, keys: keys,
                               recording: recording) {
            planner($0, [])
        }
        if documents.fresh.contains(true) || !sameEntries { changes?.lookupChanged(.searchDocuments) }
        let allDocuments = documents.outputs.flatMap(\.output)

        let recipes = sameEntries ? previous!.pages.recipes : recipes(inputs.site, keys)
        let planned = replan(recipes, previous: previous?.pages, aligned: sameEntries, changes: changes, keys: keys,
                             recording: recording, alone: Self.searchRecipe) { planner($0, allDocuments) }
        var pages: [PlannedPage] = []
        var fresh: [Bool] = []
        var unchanged: [Bool] = []
        for (place, output) in planned.outputs.enumerated() {
            pages += output.output
            guard planned.fresh[place] else {
                fresh += repeatElement(false, count: output.output.count)
                unchanged += repeatElement(true, count: output.output.count)
                continue
            }
            fresh += repeatElement(true, count: output.output.count)
            guard let last = planned.lasts[place] else {
                unchanged += repeatElement(false, count: output.output.count)
                continue
            }
            let before = Dictionary(last.output.map { ($0.path, $0.content) }, uniquingKeysWith: { first, _ in first })
            unchanged += output.output.map { before[$0.path] == $0.content }
        }
        // The sitemap lists every page: it is made from the plan itself.
        let sitemapPaths = pages.map(\.path).filter { $0.hasSuffix("index.html") }
        // Kept while the paths and what it read of the site are as they were.
        let sitemap: Planned<PlannedPage>
        if let previous, let changes, previous.sitemap.paths == sitemapPaths, !changes.touches(previous.sitemap.made.inputs) {
            sitemap = previous.sitemap.made
            unchanged.append(true)
        } else {
            let recorder = DependencyRecorder(recording: recording)
            let page = PlannedPage(path: "sitemap.xml", content: .sitemap(planner(recorder, []).sitemap(of: sitemapPaths)))
            sitemap = Planned(inputs: recorder.finish(keys), output: page)
            unchanged.append(previous?.sitemap.made.output.content == page.content)
        }
        pages.append(sitemap.output)
        fresh.append(true)
        let record = recording ? PlanRecord(inputs: inputs, keys: keys, pages: (recipes, planned.outputs),
                                            documents: (documentRecipes, documents.outputs), lookups: lookups,
                                            sitemap: (sitemapPaths, sitemap)) : nil
        // The pages hold what they need of what planning made; the rest is freed on another core
        // (the retiring thread holds the last reference once this function returns).
        retire(planned.outputs)
        retire(documents.outputs)
        // A photo is published in the versions the image stage made, never as it is.
        let images = inputs.site.images
        let photos = images.keys.sorted().flatMap { images[$0]!.variants }
        return (SitePlan(pages: pages, replanned: fresh, unchanged: unchanged, copies: inputs.site.staticFiles.filter { images[$0] == nil },
                         images: photos, recipesPlanned: planned.stale + documents.stale), record)
    }

    /// Plans again the recipes whose recorded inputs changed (all of them without a last plan), on
    /// all cores; the recipe named `alone` (merging the search index runs on one core) beside them.
    /// The last outputs are found in the same places when `aligned`, by id otherwise. Returns, in
    /// the order of `recipes`, each output, whether it was planned again, and its last output.
    private static func replan<Output: Sendable>(_ recipes: [Recipe<Output>], previous: RecipeOutputs<Output>?, aligned: Bool,
                                                 changes: InputChanges?, keys: EntryKeys, recording: Bool, alone: String? = nil,
                                                 planner: @escaping @Sendable (DependencyRecorder) -> Planner)
        -> (outputs: [Planned<Output>], fresh: [Bool], lasts: [Planned<Output>?], stale: Int) {
        let lasts: [Planned<Output>?]
        if let previous, aligned {
            lasts = previous.outputs
        } else if let previous {
            let byID = Dictionary(zip(previous.recipes.map(\.id), previous.outputs), uniquingKeysWith: { first, _ in first })
            lasts = recipes.map { byID[$0.id] }
        } else {
            lasts = Array(repeating: nil, count: recipes.count)
        }
        let stale = recipes.indices.filter { place in
            guard let changes, let last = lasts[place] else { return true }
            return changes.touches(last.inputs)
        }
        let run: @Sendable (Recipe<Output>) -> Planned<Output> = { recipe in
            let recorder = DependencyRecorder(recording: recording)
            let output = recipe.make(planner(recorder))
            return Planned(inputs: recorder.finish(keys), output: output)
        }
        let single = stale.first { recipes[$0].id == alone }.map { place in (place, Concurrent { [recipe = recipes[place]] in run(recipe) }) }
        let others = stale.filter { $0 != single?.0 }
        let planned = others.map { recipes[$0] }.parallelMap(run)
        var outputs = lasts
        var fresh = [Bool](repeating: false, count: recipes.count)
        for (place, output) in zip(others, planned) {
            outputs[place] = output
            fresh[place] = true
        }
        if let (place, output) = single {
            outputs[place] = output.value
            fresh[place] = true
        }
        return (outputs.map { $0! }, fresh, lasts, stale.count)
    }

    static let searchRecipe = "search"

    /// Every output of the site, each with what makes it; an id names the same output in every build.
    static func recipes(_ site: Site, _ keys: EntryKeys) -> [PageRecipe] {
        var recipes = [PageRecipe(id: "home") { [$0.home()] },
                       PageRecipe(id: "bulletins") { [$0.bulletinList()] }]
        for (index, id) in keys[.bulletin].enumerated() {
            recipes.append(PageRecipe(id: "bulletin " + id) { [$0.bulletinPage($0.site.bulletin(at: index))] })
        }
        recipes.append(PageRecipe(id: "bases") { [$0.baseDirectory()] })
        for (index, id) in keys[.base].enumerated() {
            recipes.append(PageRecipe(id: "base " + id) { [$0.basePage($0.site.base(at: index))] })
        }
        for (index, id) in keys[.writeUp].enumerated() {
            recipes.append(PageRecipe(id: "write-up " + id) { [$0.writeUpPage($0.site.writeUp(at: index))] })
        }
        recipes.append(PageRecipe(id: "models") { [$0.modelList()] })
        for (index, id) in keys[.model].enumerated() {
            recipes.append(PageRecipe(id: "model " + id) { [$0.modelPage($0.site.model(at: index))] })
        }
        recipes.append(PageRecipe(id: "reports") { [$0.reportsPage()] })
        recipes.append(PageRecipe(id: "notices") { [$0.noticeList()] })
        for (index, id) in keys[.notice].enumerated() {
            recipes.append(PageRecipe(id: "notice " + id) { $0.noticePages($0.site.notice(at: index)) })
        }
        for (index, id) in keys[.page].enumerated() {
            recipes.append(PageRecipe(id: "page " + id) { [$0.freePage($0.site.page(at: index))] })
        }
        recipes.append(PageRecipe(id: searchRecipe) { $0.searchPages() })
        recipes.append(PageRecipe(id: "404") { [$0.notFoundPage()] })
        recipes.append(PageRecipe(id: "feed") { [$0.feed()] })
        recipes.append(PageRecipe(id: "robots") { [PlannedPage(path: "robots.txt", content: .text($0.robots()))] })
        return recipes
    }
}

/// Something planning makes (an output of the site: a page, or a group of files such as the search
/// index; or the search documents of an entry) and what makes it; an id names the same one in every plan.
struct Recipe<Output: Sendable>: Sendable {
    var id: String
    var make: @Sendable (Planner) -> Output

    init(id: String, make: @escaping @Sendable (Planner) -> Output) {
        self.id = id
        self.make = make
    }
}

typealias PageRecipe = Recipe<[PlannedPage]>

/// What a recipe gave and what it read to give it.
struct Planned<Output: Sendable>: Sendable {
    var inputs: RecordedInputs
    var output: Output
}

/// Recipes and what each gave, in the same order.
typealias RecipeOutputs<Output: Sendable> = (recipes: [Recipe<Output>], outputs: [Planned<Output>])

/// What a plan was made from and gave, recipe by recipe: the next plan of a session starts from it
/// (and must use the same recipes).
public struct PlanRecord: Sendable {
    var inputs: PlanInputs
    var keys: EntryKeys
    var pages: RecipeOutputs<[PlannedPage]>
    var documents: RecipeOutputs<[SearchDocument]>
    var lookups: PlannerLookups
    var sitemap: (paths: [String], made: Planned<PlannedPage>)
}

/// Builds the views of one output, recording what it reads of the site.
struct Planner {
    let site: SiteReader
    let lookups: PlannerLookups
    let searchCache: SearchIndexCache?
    /// Every search document of the site, for the search index (`searchDocuments()` to read them).
    private let allSearchDocuments: [SearchDocument]
    let addresses: Addresses

    init(inputs: PlanInputs, lookups: PlannerLookups, recorder: DependencyRecorder, searchCache: SearchIndexCache?,
         searchDocuments: [SearchDocument] = []) {
        site = SiteReader(inputs: inputs, recorder: recorder)
        self.lookups = lookups
        self.searchCache = searchCache
        allSearchDocuments = searchDocuments
        let config = site.config
        addresses = Addresses(rootPath: config.rootPath, baseURL: config.baseURL)
    }

    private var recorder: DependencyRecorder { site.recorder }

    func base(_ id: String) -> Tracked<Base>? {
        recorder.lookup(.basesByID)
        return lookups.basesByID[id].map(site.base(at:))
    }

    /// The base's write-ups, newest first.
    func writeUps(ofBase id: String) -> [Tracked<WriteUp>] {
        recorder.lookup(.writeUpsByBase)
        return (lookups.writeUpsByBase[id] ?? []).map(site.writeUp(at:))
    }

    /// The write-up a bulletin or a report cell refers to as `base-id/slug`.
    func writeUp(_ reference: String) -> Tracked<WriteUp>? {
        recorder.lookup(.writeUpByReference)
        return lookups.writeUpByReference[reference].map(site.writeUp(at:))
    }

    func model(_ id: String) -> Tracked<CollaborationModel>? {
        recorder.lookup(.modelsByID)
        return lookups.modelsByID[id].map(site.model(at:))
    }

    /// The bulletins that print a write-up.
    func bulletins(printing reference: String) -> [Tracked<Bulletin>] {
        recorder.lookup(.bulletinsByItem)
        return (lookups.bulletinsByItem[reference] ?? []).map(site.bulletin(at:))
    }

    /// The search documents of every entry, in the site's order.
    func searchDocuments() -> [SearchDocument] {
        recorder.lookup(.searchDocuments)
        return allSearchDocuments
    }

    func notice(_ slug: String) -> Tracked<Notice>? {
        recorder.lookup(.noticesBySlug)
        return lookups.noticesBySlug[slug].map(site.notice(at:))
    }

    static let unknownDistrict = "区县未注明"

    // MARK: chrome shared by every page

    static let sections: [(title: String, path: String)] = [
        ("首页", Addresses.home), ("工作简报", Addresses.bulletins), ("实践基地", Addresses.bases),
        ("协同育人模式", Addresses.models), ("年度报告", Addresses.reports), ("通知公告", Addresses.notices),
        ("搜索", Addresses.search),
    ]

    func chrome(section: String) -> SiteChrome {
        var navigation = Self.sections.map { NavigationItem(title: $0.title, url: addresses.link($0.path), current: $0.path == section) }
        navigation += site.pages.map { free in
            let slug = free.slug
            return NavigationItem(title: free.title, url: addresses.link(Addresses.page(slug)), current: Addresses.page(slug) == section)
        }
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
        addresses.link(site.assets[name] ?? "static/" + name)
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

    func summary(of base: Tracked<Base>) -> BaseSummary {
        BaseSummary(id: base.id, name: base.name, url: addresses.link(Addresses.base(base.id)),
                    district: base.district ?? Self.unknownDistrict, category: base.category.chinese,
                    categoryID: base.category.rawValue, status: StatusBadge(site.status(of: base)))
    }

    func summary(of writeUp: Tracked<WriteUp>) -> WriteUpSummary {
        let base = base(writeUp.baseID)
        return WriteUpSummary(title: writeUp.title, url: addresses.link(Addresses.writeUp(writeUp.reference)), kind: writeUp.kind.chinese,
                              date: writeUp.date.chinese, dateISO: writeUp.date.iso, baseName: base?.name ?? writeUp.baseID,
                              baseURL: addresses.link(Addresses.base(writeUp.baseID)),
                              summary: writeUp.summary ?? writeUp.body.excerpt(), example: writeUp.example)
    }

    func summary(of bulletin: Tracked<Bulletin>) -> BulletinSummary {
        BulletinSummary(title: bulletin.title, url: addresses.link(Addresses.bulletin(bulletin)),
                        issueLabel: "\(bulletin.year)年\(bulletin.issueLabel)", serialLabel: bulletin.serial.map { "总第\($0)期" },
                        date: bulletin.date.chinese, dateISO: bulletin.date.iso, example: bulletin.example)
    }

    func summary(of notice: Tracked<Notice>) -> NoticeSummary {
        NoticeSummary(title: notice.title, url: addresses.link(Addresses.notice(notice.slug)), date: notice.date.chinese,
                      dateISO: notice.date.iso, number: notice.number, issuers: notice.issuers.joined(separator: "　"))
    }

    func link(toModel id: String) -> ModelLink? {
        model(id).map { ModelLink(title: $0.title, url: addresses.link(Addresses.model(id))) }
    }

    func link(toNotice slug: String?) -> ModelLink? {
        guard let slug, let notice = notice(slug) else { return nil }
        return ModelLink(title: notice.title, url: addresses.link(Addresses.notice(slug)))
    }

    func revocation(of base: Tracked<Base>) -> RevocationView? {
        guard let revocation = base.revocation, site.status(of: base) == .revoked else { return nil }
        return RevocationView(date: revocation.date.chinese, reason: revocation.reason, notice: link(toNotice: revocation.noticeSlug))
    }

    /// Bases grouped by district in the configured official order; bases without a district last.
    func districtGroups(_ bases: [Tracked<Base>]) -> [DistrictGroup] {
        DistrictGrouping.group(bases, district: \.district, order: site.config.districts).map { name, members in
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
        group(bases, district: \.district, order: order)
    }

    static func group<Entry>(_ bases: [Entry], district: (Entry) -> String?, order: [String]) -> [(district: String?, bases: [Entry])] {
        let districts = bases.map(district)
        var groups: [(String?, [Entry])] = []
        for name in order {
            let members = bases.indices.filter { districts[$0] == name }.map { bases[$0] }
            if !members.isEmpty { groups.append((name, members)) }
        }
        let unknown = bases.indices.filter { districts[$0] == nil || !order.contains(districts[$0]!) }.map { bases[$0] }
        if !unknown.isEmpty { groups.append((nil, unknown)) }
        return groups
    }

    /// A stable ASCII anchor for a district: its position in the official list.
    static func anchor(for district: String?, order: [String]) -> String {
        guard let district, let index = order.firstIndex(of: district) else { return "unknown" }
        return String(index + 1)
    }
}
