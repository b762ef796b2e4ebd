import BulletinImages
import BulletinModel
import BulletinSearch
import BulletinLoad
import BulletinSupport

extension Planner {
    func bulletinList() -> PlannedPage {
        let years = Dictionary(grouping: Array(site.bulletins), by: \.year).sorted { $0.key > $1.key }
            .map { BulletinListView.BulletinYear(year: "\($0.key)年", bulletins: $0.value.map(summary(of:))) }
        return page(Addresses.bulletins, template: "bulletins", section: Addresses.bulletins, title: "工作简报",
                    description: "\(site.config.bulletinMasthead)，按年份排列。",
                    view: BulletinListView(years: years, isEmpty: years.isEmpty))
    }

    func bulletinPage(_ bulletin: Tracked<Bulletin>) -> PlannedPage {
        let items = bulletin.items.enumerated().compactMap { index, reference -> BulletinView.BulletinItem? in
            guard let writeUp = writeUp(reference) else { return nil }
            let baseID = writeUp.baseID
            return BulletinView.BulletinItem(number: index + 1, title: writeUp.title, url: addresses.link(Addresses.writeUp(reference)),
                                             baseName: base(baseID)?.name ?? baseID,
                                             baseURL: addresses.link(Addresses.base(baseID)), kind: writeUp.kind.chinese,
                                             date: DateView(writeUp.date), html: writeUp.body.htmlDemotingHeadings(), example: writeUp.example)
        }
        let body = bulletin.body
        let view = BulletinView(masthead: site.config.bulletinMasthead, issueLabel: bulletin.issueLabel,
                                serialLabel: bulletin.serial.map { "总第\($0)期" }, editor: bulletin.editor,
                                date: DateView(bulletin.date), title: bulletin.title, example: bulletin.example,
                                note: body.html, hasNote: !body.plainText.isEmpty, items: items,
                                distribution: bulletin.distribution, hasDistribution: !bulletin.distribution.isEmpty)
        let title = "\(bulletin.year)年\(bulletin.issueLabel) \(bulletin.title)"
        var planned = page(Addresses.bulletin(bulletin), template: "bulletin", section: Addresses.bulletins, title: title,
                           description: body.excerpt().isEmpty ? title : body.excerpt(),
                           article: (title, bulletin.date, bulletin.editor), view: view)
        planned.print = printDocument(of: bulletin, view: view, title: title)
        return planned
    }

    /// The bulletin for paper: the same view, with every address absolute (a printed address must
    /// work typed into a browser), each photo in its print version, and the stylesheet the site
    /// uses, whose print rules lay it out on A4.
    private func printDocument(of bulletin: Tracked<Bulletin>, view: BulletinView, title: String) -> PrintDocument {
        var view = view
        var photos: [String] = []
        func printable(_ html: String) -> String {
            let (printed, shown) = PictureMarkup.forPrint(html, rootPath: addresses.rootPath)
            photos += shown
            return addresses.absoluteLinks(in: printed)
        }
        view.note = printable(view.note)
        for index in view.items.indices {
            let reference = bulletin.items[view.items[index].number - 1]
            view.items[index].html = printable(view.items[index].html)
            view.items[index].url = addresses.absolute(Addresses.writeUp(reference))
            if let writeUp = writeUp(reference) { view.items[index].baseURL = addresses.absolute(Addresses.base(writeUp.baseID)) }
        }
        let stylesheet = site.assets["style.css"] ?? "static/style.css"
        let context = PrintContext(language: site.config.language, title: title, stylesheet: stylesheet, view: view)
        return PrintDocument(path: Addresses.bulletinPDF(bulletin), content: .template(name: "bulletin-print", context: context),
                             resources: [stylesheet] + photos, source: bulletin.sourcePath)
    }
}
