import BulletinImages
import BulletinModel
import BulletinSearch
import BulletinLoad
import BulletinSupport

/// The view of each page kind, one struct per template.

public struct HomeView: Sendable, Hashable, Encodable {
    public var intro: String
    public var latestBulletin: BulletinSummary?
    public var latestWriteUps: [WriteUpSummary]
    public var districts: [DistrictGroup]
    public var latestNotices: [NoticeSummary]
    public var counts: [CountView]
    public var bulletinsURL: String
    public var basesURL: String
    public var noticesURL: String
}

public struct CountView: Sendable, Hashable, Encodable {
    public var label: String
    public var value: Int
    public var url: String
}

public struct BulletinListView: Sendable, Hashable, Encodable {
    public var years: [BulletinYear]
    public var isEmpty: Bool

    public struct BulletinYear: Sendable, Hashable, Encodable {
        public var year: String
        public var bulletins: [BulletinSummary]
    }
}

public struct BulletinView: Sendable, Hashable, Encodable {
    public var masthead: String
    public var issueLabel: String
    public var serialLabel: String?
    public var editor: String
    public var date: DateView
    public var title: String
    public var example: Bool
    public var note: String
    public var hasNote: Bool
    public var items: [BulletinItem]
    public var distribution: [Bulletin.DistributionLine]
    public var hasDistribution: Bool

    public struct BulletinItem: Sendable, Hashable, Encodable {
        public var number: Int
        public var title: String
        public var url: String
        public var baseName: String
        public var baseURL: String
        public var kind: String
        public var date: DateView
        public var html: String
        public var example: Bool
    }
}

public struct BaseListView: Sendable, Hashable, Encodable {
    public var categories: [CategoryFilter]
    public var districts: [DistrictGroup]
    public var total: Int
    public var asOf: String

    public struct CategoryFilter: Sendable, Hashable, Encodable {
        public var id: String
        public var label: String
        public var count: Int
        public var bases: [BaseSummary]
    }
}

public struct BaseView: Sendable, Hashable, Encodable {
    public var name: String
    public var district: String
    public var districtKnown: Bool
    public var category: String
    public var batchName: String
    public var validity: String
    public var status: StatusBadge
    public var asOf: String
    public var namingNotice: ModelLink?
    public var address: String?
    public var intro: String?
    public var revocation: RevocationView?
    public var models: [ModelLink]
    public var writeUps: [WriteUpSummary]
    public var reports: [ReportCell]
}

public struct RevocationView: Sendable, Hashable, Encodable {
    public var date: String
    public var reason: String
    public var notice: ModelLink?
}

public struct ReportCell: Sendable, Hashable, Encodable {
    public var year: Int
    public var label: String
    public var cssClass: String
    public var url: String?
}

public struct WriteUpView: Sendable, Hashable, Encodable {
    public var title: String
    public var kind: String
    public var date: DateView
    public var reportYear: String?
    public var base: ModelLink
    public var revocation: RevocationView?
    public var models: [ModelLink]
    public var example: Bool
    public var summary: String?
    /// A cover the image stage could not process (a GIF, an SVG) is shown as it is.
    public var coverURL: String?
    public var cover: PictureView?
    public var html: String
    public var bulletins: [ModelLink]
}

public struct ModelListView: Sendable, Hashable, Encodable {
    public var models: [ModelEntry]

    public struct ModelEntry: Sendable, Hashable, Encodable {
        public var title: String
        public var url: String
        public var excerpt: String
        public var practiceCount: Int
    }
}

public struct ModelView: Sendable, Hashable, Encodable {
    public var title: String
    public var html: String
    public var practices: [WriteUpSummary]
    public var bases: [ModelLink]
}

public struct ReportsView: Sendable, Hashable, Encodable {
    public var years: [Int]
    /// Base, status and one column per year: for rows that span the table.
    public var columnCount: Int
    public var districts: [ReportDistrict]
    public var asOf: String

    public struct ReportDistrict: Sendable, Hashable, Encodable {
        public var name: String
        public var rows: [ReportRow]
    }

    public struct ReportRow: Sendable, Hashable, Encodable {
        public var base: ModelLink
        public var status: StatusBadge
        public var cells: [ReportCell]
    }
}

public struct NoticeListView: Sendable, Hashable, Encodable {
    public var notices: [NoticeSummary]
}

public struct NoticeView: Sendable, Hashable, Encodable {
    public var title: String
    public var issuers: [String]
    public var number: String?
    public var date: DateView
    public var html: String
    public var attachments: [AttachmentLink]
    public var hasAttachments: Bool

    public struct AttachmentLink: Sendable, Hashable, Encodable {
        public var label: String
        public var title: String
        public var url: String
        public var isDownload: Bool
        /// For a download, its type and size: `PDF，120KB`.
        public var details: String?
        /// The attachment's text, shown in full under the notice as official documents are published.
        public var html: String?
        public var baseList: [AttachmentView.BaseListRow]
    }
}

public struct AttachmentView: Sendable, Hashable, Encodable {
    public var label: String
    public var title: String
    public var notice: ModelLink
    public var html: String?
    public var baseList: [BaseListRow] = []

    public struct BaseListRow: Sendable, Hashable, Encodable {
        public var number: Int
        public var name: String
        public var url: String
    }
}

public struct FreePageView: Sendable, Hashable, Encodable {
    public var title: String
    public var html: String
}

public struct NotFoundView: Sendable, Hashable, Encodable {
    public var homeURL: String
}

public struct SearchView: Sendable, Hashable, Encodable {
    /// Folder of the index files, with the site's root path.
    public var indexURL: String
    public var kinds: [String]
    public var districts: [String]
    public var scriptURL: String
}
