import BulletinLoad
import BulletinSupport

/// A naming batch: the notice that named a group of bases and the years the naming is valid.
public struct Batch: Sendable, Hashable {
    public var id: String
    public var name: String
    public var noticeSlug: String?
    public var validFrom: Int
    public var validTo: Int

    public var years: ClosedRange<Int> { validFrom...validTo }
}

public enum BaseCategory: String, Sendable, CaseIterable {
    case school, kindergarten, community, village, centre, library

    public var chinese: String {
        switch self {
        case .school: return "学校"
        case .kindergarten: return "幼儿园"
        case .community: return "社区"
        case .village: return "村"
        case .centre: return "妇女儿童中心"
        case .library: return "图书馆"
        }
    }

    /// A category as an editor writes it: its code, the label the site shows, or for a centre
    /// the short 中心.
    public init?(written: String) {
        if written == "中心" { self = .centre; return }
        guard let category = Self.allCases.first(where: { $0.rawValue == written || $0.chinese == written }) else { return nil }
        self = category
    }

    /// What an unknown category is told: the nearest spelling, and every code with its label.
    public static func hint(for written: String) -> Message {
        Suggestion.hint(for: written, codesAndLabels: allCases.map { ($0.rawValue, $0.chinese) } + [("centre", "中心")])
    }
}

/// The municipal bodies' withdrawal of a base's name (撤销). The base and its history stay published.
public struct Revocation: Sendable, Hashable {
    public var date: PartialDate
    public var reason: String
    public var noticeSlug: String?
}

/// A practice base (实践基地) from bases.yaml.
public struct Base: Sendable, Hashable {
    public var id: String
    public var name: String
    /// nil when the source names no district: shown as unknown, never guessed.
    public var district: String?
    public var category: BaseCategory
    public var batch: Batch
    public var address: String?
    public var intro: String?
    public var revocation: Revocation?
    /// Position in bases.yaml, which follows the order of the naming notice's list.
    public var order: Int
}

/// A base's standing on a given day, computed — never typed by hand.
public enum BaseStatus: String, Sendable {
    case notYetValid
    case valid
    case expired
    case revoked

    public var chinese: String {
        switch self {
        case .notYetValid: return "未生效"
        case .valid: return "有效"
        case .expired: return "已期满"
        case .revoked: return "已撤销"
        }
    }

    public static func of(_ base: Base, asOf day: PartialDate) -> BaseStatus {
        if let revocation = base.revocation, revocation.date.starts(onOrBefore: day) {
            return .revoked
        }
        if day.year < base.batch.validFrom { return .notYetValid }
        if day.year > base.batch.validTo { return .expired }
        return .valid
    }
}
