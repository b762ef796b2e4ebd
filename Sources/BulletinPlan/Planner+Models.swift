import BulletinModel
import BulletinSearch
import BulletinLoad
import BulletinSupport

extension Planner {
    func modelList() -> PlannedPage {
        let modelIDs = site.writeUps.map(\.modelIDs)
        let entries = site.models.map { model in
            let id = model.id
            return ModelListView.ModelEntry(title: model.title, url: addresses.link(Addresses.model(id)),
                                            excerpt: model.body.excerpt(80),
                                            practiceCount: modelIDs.filter { $0.contains(id) }.count)
        }
        return page(Addresses.models, template: "models", section: Addresses.models, title: "家校社协同育人模式",
                    description: "实践基地探索的家校社协同育人模式及各基地的做法。", view: ModelListView(models: entries))
    }

    func modelPage(_ model: Tracked<CollaborationModel>) -> PlannedPage {
        let id = model.id
        let practices = site.writeUps.filter { $0.modelIDs.contains(id) }
        let baseIDs = Set(practices.map(\.baseID))
        let bases = site.bases.filter { baseIDs.contains($0.id) }
        let body = model.body
        let view = ModelView(title: model.title, html: body.html, practices: practices.map(summary(of:)),
                             bases: bases.map { ModelLink(title: $0.name, url: addresses.link(Addresses.base($0.id))) })
        return page(Addresses.model(id), template: "model", section: Addresses.models, title: model.title,
                    description: body.excerpt(), view: view)
    }

    func reportsPage() -> PlannedPage {
        let allBases = Array(site.bases)
        let years = allBases.isEmpty ? [] : Array(allBases.map(\.batch.validFrom).min()!...allBases.map(\.batch.validTo).max()!)
        let districts = DistrictGrouping.group(allBases, district: \.district, order: site.config.districts).map { district, bases in
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
