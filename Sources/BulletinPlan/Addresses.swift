import BulletinModel
import BulletinSearch
import BulletinLoad
import BulletinSupport

/// Every address of the site, in one place. Paths are relative to the site root; `link`
/// prefixes the root path for use in pages, `absolute` the baseURL for feeds and sitemaps.
struct Addresses {
    let rootPath: String
    let baseURL: String

    func link(_ path: String) -> String { rootPath + BodyConverter.encodePath(path) }
    func absolute(_ path: String) -> String { baseURL + BodyConverter.encodePath(path) }

    /// HTML whose links into the site (`href="` and the root path) are made absolute, for paper.
    func absoluteLinks(in html: String) -> String {
        html.replacingExactly("href=\"" + rootPath, with: "href=\"" + baseURL)
    }

    static let home = ""
    static let bulletins = "bulletins/"
    static let bases = "bases/"
    static let models = "models/"
    static let reports = "reports/"
    static let notices = "notices/"
    static let feed = "feed.xml"
    static let search = "search/"

    static func bulletin(_ bulletin: Tracked<Bulletin>) -> String { "bulletins/\(bulletin.year)/\(bulletin.pathComponent)/" }
    /// The bulletin's PDF, beside its page, named in ASCII so that it keeps its name when saved,
    /// mailed or unpacked anywhere: `bulletins/2021/1/jianbao-2021-1.pdf`.
    static func bulletinPDF(_ bulletin: Tracked<Bulletin>) -> String {
        Self.bulletin(bulletin) + "jianbao-\(bulletin.year)-\(bulletin.pathComponent).pdf"
    }
    static func base(_ id: String) -> String { "bases/\(id)/" }
    /// A write-up's address from its `base-id/slug`.
    static func writeUp(_ reference: String) -> String { "bases/\(reference)/" }
    static func model(_ id: String) -> String { "models/\(id)/" }
    static func notice(_ slug: String) -> String { "notices/\(slug)/" }
    static func page(_ slug: String) -> String { "\(slug)/" }

    /// The address of a notice's attachment that is shown as a page.
    static func attachment(_ attachment: Attachment, of notice: String) -> String {
        switch attachment.content {
        case .baseList(let batchID): return "notices/\(notice)/bases-\(batchID)/"
        case .page(let name, _): return "notices/\(notice)/\(name)/"
        case .file(let path): return path
        }
    }

    /// Output file of a page address: `bases/x/` → `bases/x/index.html`.
    static func outputFile(_ path: String) -> String { path + "index.html" }
}
