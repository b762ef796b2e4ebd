/// The model's values in `BinaryWriter` form, each type's writing beside its reading, for the
/// state a build keeps for the next (`BuildState`).
extension BinaryWriter {
    mutating func date(_ date: PartialDate) {
        int(date.year)
        optional(date.month) { $0.int($1) }
        optional(date.day) { $0.int($1) }
    }

    mutating func document(_ document: Document) {
        string(document.html)
        string(document.plainText)
    }

    mutating func config(_ config: SiteConfig) {
        string(config.title)
        optional(config.description) { $0.string($1) }
        string(config.language)
        string(config.baseURL)
        string(config.rootPath)
        strings(config.organizers)
        string(config.bulletinMasthead)
        string(config.bulletinEditor)
        let footer = config.footer
        for field in [footer.siteCode, footer.icp, footer.publicSecurity, footer.host, footer.organizer, footer.contact] {
            optional(field) { $0.string($1) }
        }
        strings(config.districts)
        bool(config.allowsRawHTML)
    }

    mutating func batch(_ batch: Batch) {
        string(batch.id)
        string(batch.name)
        optional(batch.noticeSlug) { $0.string($1) }
        int(batch.validFrom)
        int(batch.validTo)
    }

    mutating func base(_ base: Base) {
        string(base.id)
        string(base.name)
        optional(base.district) { $0.string($1) }
        string(base.category.rawValue)
        batch(base.batch)
        optional(base.address) { $0.string($1) }
        optional(base.intro) { $0.string($1) }
        optional(base.revocation) { writer, revocation in
            writer.date(revocation.date)
            writer.string(revocation.reason)
            writer.optional(revocation.noticeSlug) { $0.string($1) }
        }
        int(base.order)
    }

    mutating func writeUp(_ writeUp: WriteUp) {
        string(writeUp.baseID)
        string(writeUp.slug)
        string(writeUp.title)
        date(writeUp.date)
        string(writeUp.kind.rawValue)
        int(writeUp.year)
        strings(writeUp.modelIDs)
        optional(writeUp.summary) { $0.string($1) }
        optional(writeUp.cover) { $0.string($1) }
        bool(writeUp.draft)
        bool(writeUp.example)
        document(writeUp.body)
        string(writeUp.sourcePath)
    }

    mutating func bulletin(_ bulletin: Bulletin) {
        int(bulletin.year)
        int(bulletin.number)
        bool(bulletin.supplement)
        optional(bulletin.serial) { $0.int($1) }
        date(bulletin.date)
        string(bulletin.title)
        string(bulletin.editor)
        strings(bulletin.items)
        array(bulletin.distribution) { $0.string($1.label); $0.string($1.recipients) }
        bool(bulletin.example)
        document(bulletin.body)
        string(bulletin.sourcePath)
    }

    mutating func notice(_ notice: Notice) {
        string(notice.slug)
        string(notice.title)
        date(notice.date)
        optional(notice.number) { $0.string($1) }
        strings(notice.issuers)
        array(notice.attachments) { writer, attachment in
            writer.int(attachment.number)
            writer.string(attachment.title)
            switch attachment.content {
            case .file(let path):
                writer.int(0)
                writer.string(path)
            case .page(let name, let body):
                writer.int(1)
                writer.string(name)
                writer.document(body)
            case .baseList(let batchID):
                writer.int(2)
                writer.string(batchID)
            }
        }
        document(notice.body)
        string(notice.sourcePath)
    }

    mutating func diagnostic(_ diagnostic: Diagnostic) {
        string(diagnostic.severity.rawValue)
        string(diagnostic.location.path)
        int(diagnostic.location.line)
        int(diagnostic.location.column)
        string(diagnostic.message)
        optional(diagnostic.hint) { $0.string($1) }
    }

    mutating func paths(_ paths: ContentPaths) {
        strings(paths.staticFiles.sorted())
        array(paths.pages.sorted { $0.key < $1.key }) { $0.string($1.key); $0.string($1.value) }
    }
}

extension BinaryReader {
    mutating func date() -> PartialDate {
        PartialDate(year: int(), month: optional { $0.int() }, day: optional { $0.int() })
    }

    mutating func document() -> Document {
        Document(html: string(), plainText: string())
    }

    mutating func config() -> SiteConfig {
        let title = string(), description = optional { $0.string() }, language = string(), baseURL = string()
        let rootPath = string(), organizers = strings(), masthead = string(), editor = string()
        let footer = (0..<6).map { _ in optional { $0.string() } }
        return SiteConfig(title: title, description: description, language: language, baseURL: baseURL, rootPath: rootPath,
                          organizers: organizers, bulletinMasthead: masthead, bulletinEditor: editor,
                          footer: SiteConfig.Footer(siteCode: footer[0], icp: footer[1], publicSecurity: footer[2], host: footer[3],
                                                    organizer: footer[4], contact: footer[5]),
                          districts: strings(), allowsRawHTML: bool())
    }

    mutating func batch() -> Batch {
        Batch(id: string(), name: string(), noticeSlug: optional { $0.string() }, validFrom: int(), validTo: int())
    }

    mutating func base() -> Base {
        let id = string(), name = string(), district = optional { $0.string() }, category = named(BaseCategory.school)
        let batch = batch(), address = optional { $0.string() }, intro = optional { $0.string() }
        let revocation = optional { reader in
            Revocation(date: reader.date(), reason: reader.string(), noticeSlug: reader.optional { $0.string() })
        }
        return Base(id: id, name: name, district: district, category: category, batch: batch, address: address,
                    intro: intro, revocation: revocation, order: int())
    }

    mutating func writeUp() -> WriteUp {
        let baseID = string(), slug = string(), title = string(), date = date(), kind = named(WriteUpKind.practice)
        let year = int(), models = strings(), summary = optional { $0.string() }, cover = optional { $0.string() }
        return WriteUp(baseID: baseID, slug: slug, title: title, date: date, kind: kind, year: year, modelIDs: models,
                       summary: summary, cover: cover, draft: bool(), example: bool(), body: document(), sourcePath: string())
    }

    mutating func bulletin() -> Bulletin {
        let year = int(), number = int(), supplement = bool(), serial = optional { $0.int() }, date = date()
        let title = string(), editor = string(), items = strings()
        let distribution = array { Bulletin.DistributionLine(label: $0.string(), recipients: $0.string()) }
        return Bulletin(year: year, number: number, supplement: supplement, serial: serial, date: date, title: title, editor: editor,
                        items: items, distribution: distribution, example: bool(), body: document(), sourcePath: string())
    }

    mutating func notice() -> Notice {
        let slug = string(), title = string(), date = date(), number = optional { $0.string() }, issuers = strings()
        let attachments = array { reader -> Attachment in
            let number = reader.int(), title = reader.string()
            let content: Attachment.Content
            switch reader.int() {
            case 0: content = .file(path: reader.string())
            case 1: content = .page(name: reader.string(), body: reader.document())
            case 2: content = .baseList(batchID: reader.string())
            default:
                reader.fail()
                content = .file(path: "")
            }
            return Attachment(number: number, title: title, content: content)
        }
        return Notice(slug: slug, title: title, date: date, number: number, issuers: issuers, attachments: attachments,
                      body: document(), sourcePath: string())
    }

    mutating func diagnostic() -> Diagnostic {
        let severity = named(Diagnostic.Severity.error)
        let location = SourceLocation(path: string(), line: int(), column: int())
        return Diagnostic(severity, at: location, string(), hint: optional { $0.string() })
    }

    mutating func paths() -> ContentPaths {
        let staticFiles = Set(strings())
        let pages = array { ($0.string(), $0.string()) }
        return ContentPaths(staticFiles: staticFiles, pages: Dictionary(pages, uniquingKeysWith: { first, _ in first }))
    }
}
