import BulletinModel
import BulletinSearch
import BulletinLoad
import BulletinSupport

extension Planner {
    /// The search page and the index files it loads.
    func searchPages() -> [PlannedPage] {
        let documents = searchDocuments()
        let kinds = ["实践基地", "特色做法", "年度报告", "活动", "工作简报", "通知公告", "通知附件", "协同育人模式", "页面"]
            .filter { kind in documents.contains { $0.kind == kind } }
        let districts = DistrictGrouping.group(Array(site.bases), district: \.district, order: site.config.districts).compactMap(\.district)
        let index = SearchIndex.files(for: documents, kinds: kinds, districts: districts, cache: searchCache)
        var pages = index.files.map { PlannedPage(path: $0.path, content: .bytes($0.bytes)) }
        let view = SearchView(indexURL: addresses.link(SearchIndex.folder), kinds: kinds, districts: districts,
                              scriptURL: asset("search.js"))
        pages.append(page(Addresses.search, template: "search", section: Addresses.search, title: "站内搜索",
                          description: "搜索本站的基地、稿件、简报和通知。", view: view))
        return pages
    }

    // The search documents of each entry, each made by a recipe of its own (`documentRecipes`),
    // so that an edit makes again only the documents of what it changed.

    func searchDocument(of base: Tracked<Base>) -> SearchDocument {
        let batch = base.batch
        let facts = [base.category.chinese, base.district ?? "", batch.name, "有效期\(batch.validFrom)—\(batch.validTo)年",
                     site.status(of: base).chinese, base.address ?? "", base.intro ?? ""]
        return SearchDocument(title: base.name, path: Addresses.base(base.id), kind: "实践基地", base: base.name,
                              district: base.district ?? "", date: "", text: facts.filter { !$0.isEmpty }.joined(separator: "　"))
    }

    func searchDocument(of writeUp: Tracked<WriteUp>) -> SearchDocument {
        let base = base(writeUp.baseID)
        // Found by the models it practises too, though its text may never name them.
        let models = writeUp.modelIDs.compactMap { model($0)?.title }.joined(separator: "　")
        return SearchDocument(title: writeUp.title, path: Addresses.writeUp(writeUp.reference), kind: writeUp.kind.chinese,
                              base: base?.name ?? "", district: base?.district ?? "", date: writeUp.date.chinese, names: models,
                              image: writeUp.coverImage?.narrowestFallback.path ?? "",
                              imageWebP: writeUp.coverImage?.narrowest(.webp)?.path ?? "", summary: writeUp.summary ?? "",
                              text: writeUp.body.plainText)
    }

    func searchDocument(of bulletin: Tracked<Bulletin>) -> SearchDocument {
        let items = bulletin.items.compactMap { writeUp($0)?.title }.joined(separator: "　")
        return SearchDocument(title: "\(bulletin.year)年\(bulletin.issueLabel) \(bulletin.title)", path: Addresses.bulletin(bulletin),
                              kind: "工作简报", base: "", district: "", date: bulletin.date.chinese,
                              text: bulletin.body.plainText + "\n" + items)
    }

    /// A notice's document, then one for each of its attachments shown as a page.
    func searchDocuments(of notice: Tracked<Notice>) -> [SearchDocument] {
        let slug = notice.slug
        let date = notice.date.chinese
        let attachments = notice.attachments
        var documents = [SearchDocument(title: notice.title, path: Addresses.notice(slug), kind: "通知公告", base: "",
                                        district: "", date: date,
                                        text: notice.body.plainText + "\n" + attachments.map(\.title).joined(separator: "　"))]
        for attachment in attachments {
            let text: String
            switch attachment.content {
            case .file: continue
            case .page(_, let body): text = body.plainText
            case .baseList(let batchID): text = site.bases.filter { $0.batch.id == batchID }.map(\.name).joined(separator: "　")
            }
            documents.append(SearchDocument(title: "附件\(attachment.number) \(attachment.title)", path: Addresses.attachment(attachment, of: slug),
                                            kind: "通知附件", base: "", district: "", date: date, text: text))
        }
        return documents
    }

    func searchDocument(of model: Tracked<CollaborationModel>) -> SearchDocument {
        SearchDocument(title: model.title, path: Addresses.model(model.id), kind: "协同育人模式", base: "",
                       district: "", date: "", text: model.body.plainText)
    }

    func searchDocument(of free: Tracked<FreePage>) -> SearchDocument {
        SearchDocument(title: free.title, path: Addresses.page(free.slug), kind: "页面", base: "",
                       district: "", date: "", text: free.body.plainText)
    }
}

extension SitePlanner {
    /// The search documents of every entry, in the order the index numbers them: bases,
    /// write-ups, bulletins, notices with their attachments, models, free pages.
    static func documentRecipes(_ keys: EntryKeys) -> [Recipe<[SearchDocument]>] {
        var recipes: [Recipe<[SearchDocument]>] = []
        for (index, id) in keys[.base].enumerated() {
            recipes.append(Recipe(id: "base " + id) { [$0.searchDocument(of: $0.site.base(at: index))] })
        }
        for (index, id) in keys[.writeUp].enumerated() {
            recipes.append(Recipe(id: "write-up " + id) { [$0.searchDocument(of: $0.site.writeUp(at: index))] })
        }
        for (index, id) in keys[.bulletin].enumerated() {
            recipes.append(Recipe(id: "bulletin " + id) { [$0.searchDocument(of: $0.site.bulletin(at: index))] })
        }
        for (index, id) in keys[.notice].enumerated() {
            recipes.append(Recipe(id: "notice " + id) { $0.searchDocuments(of: $0.site.notice(at: index)) })
        }
        for (index, id) in keys[.model].enumerated() {
            recipes.append(Recipe(id: "model " + id) { [$0.searchDocument(of: $0.site.model(at: index))] })
        }
        for (index, id) in keys[.page].enumerated() {
            recipes.append(Recipe(id: "page " + id) { [$0.searchDocument(of: $0.site.page(at: index))] })
        }
        return recipes
    }
}
