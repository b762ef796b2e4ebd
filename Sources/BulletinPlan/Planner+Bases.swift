import BulletinImages
import BulletinModel
import BulletinSearch
import BulletinLoad
import BulletinSupport

extension Planner {
    func baseDirectory() -> PlannedPage {
        let bases = Array(site.bases)
        let categories = BaseCategory.allCases.compactMap { category -> BaseListView.CategoryFilter? in
            let members = bases.filter { $0.category == category }
            guard !members.isEmpty else { return nil }
            return BaseListView.CategoryFilter(id: category.rawValue, label: category.chinese, count: members.count,
                                               bases: members.map(summary(of:)))
        }
        let directory = BaseListView(categories: categories, districts: districtGroups(bases),
                                     total: bases.count, asOf: site.asOf.chinese)
        return page(Addresses.bases, template: "bases", section: Addresses.bases, title: "实践基地",
                    description: "重庆市家庭教育创新实践基地名录，按区县排列，共\(bases.count)家。", view: directory)
    }

    func basePage(_ base: Tracked<Base>) -> PlannedPage {
        let writeUps = writeUps(ofBase: base.id)
        let modelIDs = site.models.map(\.id).filter { id in writeUps.contains { $0.modelIDs.contains(id) } }
        let batch = base.batch
        let view = BaseView(
            name: base.name,
            district: base.district ?? Self.unknownDistrict,
            districtKnown: base.district != nil,
            category: base.category.chinese,
            batchName: batch.name,
            validity: "\(batch.validFrom)—\(batch.validTo)年",
            status: StatusBadge(site.status(of: base)),
            asOf: site.asOf.chinese,
            namingNotice: link(toNotice: batch.noticeSlug),
            address: base.address,
            intro: base.intro,
            revocation: revocation(of: base),
            models: modelIDs.compactMap(link(toModel:)),
            writeUps: writeUps.map(summary(of:)),
            reports: reportCells(for: base)
        )
        let description = "\(base.name)：\(batch.name)重庆市家庭教育创新实践基地，有效期\(view.validity)，状态：\(view.status.label)。"
        return page(Addresses.base(base.id), template: "base", section: Addresses.bases, title: base.name,
                    description: description, view: view)
    }

    func reportCells(for base: Tracked<Base>) -> [ReportCell] {
        AnnualReports.cells(for: base.whole, writeUps: writeUps(ofBase: base.id).map(\.whole), asOf: site.asOf).map { cell in
            let url = cell.report.map { addresses.link(Addresses.writeUp($0)) }
            return ReportCell(year: cell.year, label: cell.state.chinese, cssClass: "report-\(cell.state.rawValue)", url: url)
        }
    }

    func writeUpPage(_ writeUp: Tracked<WriteUp>) -> PlannedPage {
        let reference = writeUp.reference
        let base = base(writeUp.baseID)!
        let inBulletins = bulletins(printing: reference).map {
            ModelLink(title: "\($0.year)年\($0.issueLabel) \($0.title)", url: addresses.link(Addresses.bulletin($0)))
        }
        let body = writeUp.body
        // An editor who pastes the cover photo into the text as well sees it once, where it was put.
        let coverInBody = writeUp.cover.map(body.imageFiles.contains) ?? false
        let view = WriteUpView(
            title: writeUp.title,
            kind: writeUp.kind.chinese,
            date: DateView(writeUp.date),
            reportYear: writeUp.kind == .report ? "\(writeUp.year)年度" : nil,
            base: ModelLink(title: base.name, url: addresses.link(Addresses.base(base.id))),
            revocation: revocation(of: base),
            models: writeUp.modelIDs.compactMap(link(toModel:)),
            example: writeUp.example,
            summary: writeUp.summary,
            coverURL: writeUp.coverImage == nil && !coverInBody ? writeUp.cover.map(addresses.link) : nil,
            // The cover is the top of the page: it is loaded at once.
            cover: coverInBody ? nil : writeUp.coverImage?.picture(rootPath: addresses.rootPath, alt: writeUp.coverAlt ?? "", eager: true),
            html: body.html,
            bulletins: inBulletins
        )
        return page(Addresses.writeUp(reference), template: "writeup", section: Addresses.bases, title: writeUp.title,
                    description: writeUp.summary ?? body.excerpt(),
                    article: (writeUp.title, writeUp.date, base.name), view: view)
    }
}
