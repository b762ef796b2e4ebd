import Foundation
import BulletinLoad
import BulletinSupport

/// Which part of the site a Markdown file belongs to, from where it sits in the content folder.
package enum ContentSection: Equatable {
    case writeUp(baseID: String, slug: String)
    case bulletin(name: String)
    case notice(slug: String)
    /// `notices/<slug>/<name>.md`: a page that a notice lists among its attachments.
    case attachmentPage(noticeSlug: String, name: String)
    case model(id: String)
    case page(slug: String)
    case unknown

    package init(relativePath: String) {
        // On bytes: '/' and '.' are ASCII, and this runs for every file of the site.
        let parts = relativePath.utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) }
        let last = parts.last ?? ""
        let name = last.utf8.lastIndex(of: UInt8(ascii: ".")).flatMap { $0 > last.startIndex ? String(last[..<$0]) : nil } ?? last
        switch (parts.first, parts.count) {
        case ("bases", 3): self = .writeUp(baseID: parts[1], slug: name)
        case ("bulletins", 2): self = .bulletin(name: name)
        case ("notices", 2): self = .notice(slug: name)
        case ("notices", 3): self = .attachmentPage(noticeSlug: parts[1], name: name)
        case ("models", 2): self = .model(id: name)
        case ("pages", 2): self = .page(slug: name)
        default: self = .unknown
        }
    }
}
