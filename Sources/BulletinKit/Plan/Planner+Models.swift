extension Planner {
    func modelPages() -> [PlannedPage] {
        let entries = site.models.map { model in
            ModelListView.ModelEntry(title: model.title, url: addresses.link(Addresses.model(model.id)),
                                     excerpt: model.body.excerpt(80),
                                     practiceCount: site.writeUps.filter { $0.modelIDs.contains(model.id) }.count)
        }
        var pages = [page(Addresses.models, template: "models", section: Addresses.models, title: "家校社协同育人模式",
                          description: "实践基地探索的家校社协同育人模式及各基地的做法。", view: ModelListView(models: entries))]
        for model in site.models {
            let practices = site.writeUps.filter { $0.modelIDs.contains(model.id) }
            let baseIDs = site.bases.map(\.id).filter { id in practices.contains { $0.baseID == id } }
            let view = ModelView(title: model.title, html: model.body.html, practices: practices.map(summary(of:)),
                                 bases: baseIDs.compactMap { basesByID[$0] }.map { ModelLink(title: $0.name, url: addresses.link(Addresses.base($0.id))) })
            pages.append(page(Addresses.model(model.id), template: "model", section: Addresses.models, title: model.title,
                              description: model.body.excerpt(), view: view))
        }
        return pages
    }

    func reportsPage() -> PlannedPage {
        let years = site.bases.isEmpty ? [] : Array(site.bases.map(\.batch.validFrom).min()!...site.bases.map(\.batch.validTo).max()!)
        let districts = DistrictGrouping.group(site.bases, order: site.config.districts).map { district, bases in
            ReportsView.ReportDistrict(name: district ?? Self.unknownDistrict, rows: bases.map { base in
                let own = Dictionary(uniqueKeysWithValues: reportCells(for: base).map { ($0.year, $0) })
                let cells = years.map { own[$0] ?? ReportCell(year: $0, label: "不在有效期", cssClass: "report-outside", url: nil) }
                return ReportsView.ReportRow(base: ModelLink(title: base.name, url: addresses.link(Addresses.base(base.id))),
                                             status: StatusBadge(site.status(of: base)), cells: cells)
            })
        }
        let view = ReportsView(years: years, columnCount: years.count + 2, districts: districts, asOf: site.asOf.chinese)
        return page(Addresses.reports, template: "reports", section: Addresses.reports, title: "年度工作报告",
                    description: "各实践基地按年度向妇联或教育部门报告工作情况的收录情况，按区县排列。", view: view)
    }
}
