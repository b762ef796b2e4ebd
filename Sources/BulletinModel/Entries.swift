import BulletinImages
import BulletinLoad
import BulletinSupport

/// The kind of a base's write-up.
public enum WriteUpKind: String, Sendable, CaseIterable {
    case practice, report, event

    public var chinese: String {
        switch self {
        case .practice: return "特色做法"
        case .report: return "年度报告"
        case .event: return "活动"
        }
    }

    /// A kind as an editor writes it: its code or the label the site shows.
    public init?(written: String) {
        guard let kind = Self.allCases.first(where: { $0.rawValue == written || $0.chinese == written }) else { return nil }
        self = kind
    }

    /// What an unknown kind is told: the nearest spelling, and every code with its label.
    public static func hint(for written: String) -> Message {
        Suggestion.hint(for: written, codesAndLabels: allCases.map { ($0.rawValue, $0.chinese) })
    }
}

/// A write-up by or about one base: `bases/<base-id>/<slug>.md`.
public struct WriteUp: Sendable, Hashable {
    public var baseID: String
    public var slug: String
    public var title: String
    public var date: PartialDate
    public var kind: WriteUpKind
    /// The reporting year of an annual report.
    public var year: Int
    public var modelIDs: [String]
    public var summary: String?
    /// Path inside the content folder.
    public var cover: String?
    public var draft: Bool
    public var example: Bool
    public var body: Document
    public var sourcePath: String
    /// The cover as the image stage made it, and its alternative text (`coverAlt`).
    public var coverImage: ProcessedImage? = nil
    public var coverAlt: String? = nil

    /// `base-id/slug`, as bulletins refer to it.
    public var reference: String { Self.reference(baseID: baseID, slug: slug) }

    public static func reference(baseID: String, slug: String) -> String { baseID + "/" + slug }
}

/// A numbered bulletin (简报): `bulletins/<year>-<n>.md`.
public struct Bulletin: Sendable, Hashable {
    public var year: Int
    public var number: Int
    /// 增刊 are numbered apart from the regular issues.
    public var supplement: Bool
    /// 总第N期: the running number over all regular issues, computed; nil for supplements.
    public var serial: Int?
    public var date: PartialDate
    public var title: String
    public var editor: String
    /// References `base-id/slug`, in the editor's order.
    public var items: [String]
    /// 报/送/发 lines, in that order, only those set.
    public var distribution: [DistributionLine]
    public var example: Bool
    /// Read only when drafts are included (the preview with --drafts, `bulletin list`).
    public var draft: Bool = false
    public var body: Document
    public var sourcePath: String

    public struct DistributionLine: Sendable, Hashable, Encodable {
        public var label: String
        public var recipients: String

        package init(label: String, recipients: String) {
            self.label = label
            self.recipients = recipients
        }
    }

    /// 第N期 or 增刊第N期
    public var issueLabel: String {
        supplement ? "增刊第\(number)期" : "第\(number)期"
    }

    public var pathComponent: String { supplement ? "s\(number)" : "\(number)" }
}

/// An attachment of a notice (附件N).
public struct Attachment: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        /// A file in the content folder, offered for download.
        case file(path: String)
        /// A Markdown file rendered as a sub-page of the notice, named after its file.
        case page(name: String, body: Document)
        /// The list of bases of a batch, rendered from bases.yaml.
        case baseList(batchID: String)
    }

    public var number: Int
    public var title: String
    public var content: Content
    /// For a document to download, its type and size: `PDF，120KB`.
    public var details: String? = nil
}

/// A notice (通知) rendered as an official document.
public struct Notice: Sendable, Hashable {
    public var slug: String
    public var title: String
    public var date: PartialDate
    /// 文号, only when the document has one.
    public var number: String?
    public var issuers: [String]
    public var attachments: [Attachment]
    public var body: Document
    public var sourcePath: String
}

/// A home-school-community collaboration model (家校社协同育人模式).
public struct CollaborationModel: Sendable, Hashable {
    public var id: String
    public var title: String
    public var order: Int
    public var body: Document
}

/// A free page such as 关于本站: `pages/<slug>.md`, published at `/<slug>/`.
public struct FreePage: Sendable, Hashable {
    public var slug: String
    public var title: String
    public var body: Document
}
