import BulletinModel
import BulletinSearch
import BulletinLoad
import BulletinSupport

extension Planner {
    func noticeList() -> PlannedPage {
        page(Addresses.notices, template: "notices", section: Addresses.notices, title: "通知公告",
             description: "重庆市家庭教育创新实践基地相关通知及附件。",
             view: NoticeListView(notices: site.notices.map(summary(of:))))
    }

    /// A notice's page and the pages of its attachments.
    func noticePages(_ notice: Tracked<Notice>) -> [PlannedPage] {
        [noticePage(notice)] + notice.attachments.compactMap { attachmentPage($0, of: notice) }
    }

    private func noticePage(_ notice: Tracked<Notice>) -> PlannedPage {
        let slug = notice.slug
        let attachments = notice.attachments.map { attachment -> NoticeView.AttachmentLink in
            var link = NoticeView.AttachmentLink(label: "附件\(attachment.number)", title: attachment.title,
                                                 url: addresses.link(Addresses.attachment(attachment, of: slug)),
                                                 isDownload: false, details: attachment.details, html: nil, baseList: [])
            switch attachment.content {
            case .file: link.isDownload = true
            case .page(_, let body): link.html = body.html
            case .baseList(let batchID): link.baseList = baseRoll(batchID)
            }
            return link
        }
        let body = notice.body
        let view = NoticeView(title: notice.title, issuers: notice.issuers, number: notice.number, date: DateView(notice.date),
                              html: body.html, attachments: attachments, hasAttachments: !attachments.isEmpty)
        return page(Addresses.notice(slug), template: "notice", section: Addresses.notices, title: notice.title,
                    description: body.excerpt(), article: (notice.title, notice.date, notice.issuers.joined(separator: "　")),
                    view: view)
    }

    private func attachmentPage(_ attachment: Attachment, of notice: Tracked<Notice>) -> PlannedPage? {
        let label = "附件\(attachment.number)"
        let slug = notice.slug
        let noticeLink = ModelLink(title: notice.title, url: addresses.link(Addresses.notice(slug)))
        var view = AttachmentView(label: label, title: attachment.title, notice: noticeLink)
        var description = attachment.title
        switch attachment.content {
        case .file:
            return nil
        case .page(_, let body):
            view.html = body.html
            description = body.excerpt()
        case .baseList(let batchID):
            view.baseList = baseRoll(batchID)
            description = "\(attachment.title)（共\(view.baseList.count)个）"
        }
        return page(Addresses.attachment(attachment, of: slug), template: "attachment", section: Addresses.notices,
                    title: "\(label) \(attachment.title)", description: description,
                    article: (attachment.title, notice.date, notice.issuers.joined(separator: "　")), view: view)
    }

    /// The bases named by a batch, in the order of bases.yaml (the naming notice's order).
    private func baseRoll(_ batchID: String) -> [AttachmentView.BaseListRow] {
        site.bases.filter { $0.batch.id == batchID }.enumerated().map { index, base in
            AttachmentView.BaseListRow(number: index + 1, name: base.name, url: addresses.link(Addresses.base(base.id)))
        }
    }
}
