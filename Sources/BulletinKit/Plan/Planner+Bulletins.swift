extension Planner {
    func bulletinPages() -> [PlannedPage] {
        let years = Dictionary(grouping: site.bulletins, by: \.year).sorted { $0.key > $1.key }
            .map { BulletinListView.BulletinYear(year: "\($0.key)年", bulletins: $0.value.map(summary(of:))) }
        var pages = [page(Addresses.bulletins, template: "bulletins", section: Addresses.bulletins, title: "工作简报",
                          description: "\(site.config.bulletinMasthead)，按年份排列。",
                          view: BulletinListView(years: years, isEmpty: years.isEmpty))]
        for bulletin in site.bulletins {
            pages.append(bulletinPage(bulletin))
        }
        return pages
    }

    func bulletinPage(_ bulletin: Bulletin) -> PlannedPage {
        let items = bulletin.items.enumerated().compactMap { index, reference -> BulletinView.BulletinItem? in
            guard let writeUp = writeUp(reference) else { return nil }
            return BulletinView.BulletinItem(number: index + 1, title: writeUp.title, url: addresses.link(Addresses.writeUp(writeUp)),
                                             baseName: basesByID[writeUp.baseID]?.name ?? writeUp.baseID,
                                             baseURL: addresses.link(Addresses.base(writeUp.baseID)), kind: writeUp.kind.chinese,
                                             date: DateView(writeUp.date), html: writeUp.body.htmlDemotingHeadings(), example: writeUp.example)
        }
        let view = BulletinView(masthead: site.config.bulletinMasthead, issueLabel: bulletin.issueLabel,
                                serialLabel: bulletin.serial.map { "总第\($0)期" }, editor: bulletin.editor,
                                date: DateView(bulletin.date), title: bulletin.title, example: bulletin.example,
                                note: bulletin.body.html, hasNote: !bulletin.body.plainText.isEmpty, items: items,
                                distribution: bulletin.distribution, hasDistribution: !bulletin.distribution.isEmpty)
        let title = "\(bulletin.year)年\(bulletin.issueLabel) \(bulletin.title)"
        return page(Addresses.bulletin(bulletin), template: "bulletin", section: Addresses.bulletins, title: title,
                    description: bulletin.body.excerpt().isEmpty ? title : bulletin.body.excerpt(),
                    article: (title, bulletin.date, bulletin.editor), view: view)
    }
}
