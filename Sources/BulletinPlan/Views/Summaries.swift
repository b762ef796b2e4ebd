import BulletinModel
import BulletinSearch
import BulletinLoad
import BulletinSupport

/// Small, reusable views of one item, as lists and cards show them.

public struct BaseSummary: Sendable, Hashable, Encodable {
    public var id: String
    public var name: String
    public var url: String
    public var district: String
    public var category: String
    public var categoryID: String
    public var status: StatusBadge
}

public struct StatusBadge: Sendable, Hashable, Encodable {
    /// 有效 / 已期满 / 已撤销 / 未生效 — always shown as text, never by colour alone.
    public var label: String
    /// CSS class: status-valid, status-expired, status-revoked, status-not-yet-valid.
    public var cssClass: String

    init(_ status: BaseStatus) {
        label = status.chinese
        switch status {
        case .valid: cssClass = "status-valid"
        case .expired: cssClass = "status-expired"
        case .revoked: cssClass = "status-revoked"
        case .notYetValid: cssClass = "status-not-yet-valid"
        }
    }
}

public struct DistrictGroup: Sendable, Hashable, Encodable {
    public var name: String
    public var anchor: String
    public var bases: [BaseSummary]
    public var count: Int
}

public struct WriteUpSummary: Sendable, Hashable, Encodable {
    public var title: String
    public var url: String
    public var kind: String
    public var date: String
    public var dateISO: String
    public var baseName: String
    public var baseURL: String
    public var summary: String
    public var example: Bool
}

public struct BulletinSummary: Sendable, Hashable, Encodable {
    public var title: String
    public var url: String
    public var issueLabel: String
    public var serialLabel: String?
    public var date: String
    public var dateISO: String
    public var example: Bool
}

public struct NoticeSummary: Sendable, Hashable, Encodable {
    public var title: String
    public var url: String
    public var date: String
    public var dateISO: String
    public var number: String?
    public var issuers: String
}

public struct ModelLink: Sendable, Hashable, Encodable {
    public var title: String
    public var url: String
}

public struct DateView: Sendable, Hashable, Encodable {
    public var text: String
    public var iso: String

    init(_ date: PartialDate) {
        text = date.chinese
        iso = date.iso
    }
}
