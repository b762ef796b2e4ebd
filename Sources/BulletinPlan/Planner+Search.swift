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

    func searchDocuments() -> [SearchDocument] {
        var documents: [SearchDocument] = []
        for base in site.bases {
            let batch = base.batch
            let facts = [base.category.chinese, base.district ?? "", batch.name, "有效期\(batch.validFrom)—\(batch.validTo)年",
                         site.status(of: base).chinese, base.address ?? "", base.intro ?? ""]
            documents.append(SearchDocument(title: base.name, path: Addresses.base(base.id), kind: "实践基地", base: base.name,
                                            district: base.district ?? "", date: "", text: facts.filter { !$0.isEmpty }.joined(separator: "　")))
        }
        documents += site.writeUps.map(searchDocument(of:))
        for bulletin in site.bulletins {
            let items = bulletin.items.compactMap { writeUp($0)?.title }.joined(separator: "　")
            documents.append(SearchDocument(title: "\(bulletin.year)年\(bulletin.issueLabel) \(bulletin.title)", path: Addresses.bulletin(bulletin),
                                            kind: "工作简报", base: "", district: "", date: bulletin.date.chinese,
                                            text: bulletin.body.plainText + "\n" + items))
        }
        for notice in site.notices {
            let slug = notice.slug
            documents.append(SearchDocument(title: notice.title, path: Addresses.notice(slug), kind: "通知公告", base: "",
                                            district: "", date: notice.date.chinese,
                                            text: notice.body.plainText + "\n" + notice.attachments.map(\.title).joined(separator: "　")))
            for attachment in notice.attachments {
                let text: String
                switch attachment.content {
                case .file: continue
                case .page(_, let body): text = body.plainText
                case .baseList(let batchID): text = site.bases.filter { $0.batch.id == batchID }.map(\.name).joined(separator: "　")
                }
                documents.append(SearchDocument(title: "附件\(attachment.number) \(attachment.title)", path: Addresses.attachment(attachment, of: slug),
                                                kind: "通知附件", base: "", district: "", date: notice.date.chinese, text: text))
            }
        }
        for model in site.models {
            documents.append(SearchDocument(title: model.title, path: Addresses.model(model.id), kind: "协同育人模式", base: "",
                                            district: "", date: "", text: model.body.plainText))
        }
        for free in site.pages {
            documents.append(SearchDocument(title: free.title, path: Addresses.page(free.slug), kind: "页面", base: "",
                                            district: "", date: "", text: free.body.plainText))
        }
        return documents
    }

    func searchDocument(of writeUp: Tracked<WriteUp>) -> SearchDocument {
        let base = base(writeUp.baseID)
        return SearchDocument(title: writeUp.title, path: Addresses.writeUp(writeUp.reference), kind: writeUp.kind.chinese,
                              base: base?.name ?? "", district: base?.district ?? "", date: writeUp.date.chinese,
                              text: [writeUp.summary ?? "", writeUp.body.plainText].joined(separator: "\n"))
    }
}
