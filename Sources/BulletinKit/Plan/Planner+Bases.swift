extension Planner {
    func basePages() -> [PlannedPage] {
        let categories = BaseCategory.allCases.compactMap { category -> BaseListView.CategoryFilter? in
            let members = site.bases.filter { $0.category == category }
            guard !members.isEmpty else { return nil }
            return BaseListView.CategoryFilter(id: category.rawValue, label: category.chinese, count: members.count,
                                               bases: members.map(summary(of:)))
        }
        let directory = BaseListView(categories: categories, districts: districtGroups(site.bases),
                                     total: site.bases.count, asOf: site.asOf.chinese)
        var pages = [page(Addresses.bases, template: "bases", section: Addresses.bases, title: "实践基地",
                          description: "重庆市家庭教育创新实践基地名录，按区县排列，共\(site.bases.count)家。", view: directory)]
        for base in site.bases {
            pages.append(basePage(base))
        }
        return pages
    }

    private func basePage(_ base: Base) -> PlannedPage {
        let writeUps = writeUps(ofBase: base.id)
        let modelIDs = site.models.map(\.id).filter { id in writeUps.contains { $0.modelIDs.contains(id) } }
        let view = BaseView(
            name: base.name,
            district: base.district ?? Self.unknownDistrict,
            districtKnown: base.district != nil,
            category: base.category.chinese,
            batchName: base.batch.name,
            validity: "\(base.batch.validFrom)—\(base.batch.validTo)年",
            status: StatusBadge(site.status(of: base)),
            asOf: site.asOf.chinese,
            namingNotice: link(toNotice: base.batch.noticeSlug),
            address: base.address,
            intro: base.intro,
            revocation: revocation(of: base),
            models: modelIDs.compactMap(link(toModel:)),
            writeUps: writeUps.map(summary(of:)),
            reports: reportCells(for: base)
        )
        let description = "\(base.name)：\(base.batch.name)重庆市家庭教育创新实践基地，有效期\(view.validity)，状态：\(view.status.label)。"
        return page(Addresses.base(base.id), template: "base", section: Addresses.bases, title: base.name,
                    description: description, view: view)
    }

    func reportCells(for base: Base) -> [ReportCell] {
        AnnualReports.cells(for: base, writeUps: writeUps(ofBase: base.id), asOf: site.asOf).map { cell in
            let url = cell.report.flatMap(writeUp).map { addresses.link(Addresses.writeUp($0)) }
            return ReportCell(year: cell.year, label: cell.state.chinese, cssClass: "report-\(cell.state.rawValue)", url: url)
        }
    }

    func writeUpPages() -> [PlannedPage] {
        site.writeUps.parallelMap(writeUpPage)
    }

    func writeUpPage(_ writeUp: WriteUp) -> PlannedPage {
        let base = basesByID[writeUp.baseID]!
        let inBulletins = (bulletinsByItem[writeUp.reference] ?? []).map {
            ModelLink(title: "\($0.year)年\($0.issueLabel) \($0.title)", url: addresses.link(Addresses.bulletin($0)))
        }
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
            coverURL: writeUp.cover.map(addresses.link),
            html: writeUp.body.html,
            bulletins: inBulletins
        )
        return page(Addresses.writeUp(writeUp), template: "writeup", section: Addresses.bases, title: writeUp.title,
                    description: writeUp.summary ?? writeUp.body.excerpt(),
                    article: (writeUp.title, writeUp.date, base.name), view: view)
    }
}
