import BulletinLoad
import BulletinSupport

/// Front matter of each kind of Markdown file, read into typed drafts. Bodies are converted
/// later, once every page's address is known, so links between files can be checked.
package struct Draft<Fields: Sendable>: Sendable {
    package var fields: Fields
    var source: MarkdownSource
}

package enum EntryReaders {
    /// The years a write-up or a bulletin can be of, and the numbers a bulletin can have: also
    /// what `bulletin new` accepts, so that it never writes a file that check refuses.
    package static let years = 1900...2999
    package static let bulletinNumbers = 1...9999
    /// 总第N期 over all years.
    package static let serials = 1...99999

    struct WriteUpFields {
        var baseID: Located<String>
        var slug: String
        var title: String
        var date: PartialDate
        var kind: WriteUpKind
        var year: Int
        var models: [Located<String>]
        var summary: String?
        var cover: Located<String>?
        var coverAlt: String?
        var draft: Bool
        var example: Bool
        /// Where `year` is written, or where it would be (the front matter) when it is not.
        var yearLocation: SourceLocation
        var dateLocation: SourceLocation
    }

    package struct BulletinFields {
        package var year: Int
        package var number: Int
        package var supplement: Bool
        var date: PartialDate
        var title: String
        var editor: String?
        var items: [Located<String>]
        var distribution: [Bulletin.DistributionLine]
        package var example: Bool
        var draft: Bool
        /// 总第N期 as written; regular issues that are not examples must give it.
        package var serial: Located<Int>?
        var location: SourceLocation
        var dateLocation: SourceLocation
    }

    struct AttachmentFields {
        enum Content {
            case file(Located<String>)
            case page(Located<String>)
            case baseList(Located<String>)
        }
        var title: String?
        var content: Content
    }

    struct NoticeFields {
        var slug: String
        var title: String
        var date: PartialDate
        var number: String?
        var issuers: [String]
        var attachments: [AttachmentFields]
    }

    struct TitledFields {
        var title: String
        var order: Int
    }

    /// A file's front matter as read: a draft, or, when it has errors, the references it names,
    /// which are checked all the same so that one run of `check` names every mistake in the file.
    package struct Reading<Fields: Sendable> {
        package var draft: Draft<Fields>?
        var diagnostics: [Diagnostic]
        var unread: UnreadFile? = nil
    }

    typealias WriteUpReading = Reading<WriteUpFields>

    /// A file whose front matter has errors, with the references it names: its models and cover
    /// (a write-up) or its items (a bulletin).
    package struct UnreadFile {
        var source: MarkdownSource
        var models: [Located<String>] = []
        var cover: Located<String>?
        var items: [Located<String>] = []
    }

    static func writeUp(_ source: MarkdownSource, baseID: String, slug: String) -> WriteUpReading {
        var fields: FieldReader
        do { fields = try source.frontMatter.fields() } catch { return WriteUpReading(draft: nil, diagnostics: [error]) }
        let baseLocation = SourceLocation(path: source.displayPath)
        let title = fields.string("title", required: true)
        let date = fields.date("date", required: true)
        let kindText = fields.located("kind", required: true)
        let kind = kindText.flatMap { WriteUpKind(written: $0.value) }
        if let kindText, kind == nil {
            fields.report(.error(at: kindText.location, .unknownKind, ["kind": TextCharacters.shown(kindText.value)],
                                 hint: WriteUpKind.hint(for: kindText.value)))
        }
        let year = fields.int("year", range: years)
        let models = fields.strings("models")
        let summary = fields.string("summary")
        let cover = fields.located("cover")
        let coverAlt = fields.string("coverAlt")
        let draft = fields.bool("draft")
        let example = fields.bool("example")
        let diagnostics = fields.finish(known: [])
        guard let title, let date, let kind, !diagnostics.contains(where: { $0.severity == .error }) else {
            return WriteUpReading(draft: nil, diagnostics: diagnostics,
                                  unread: UnreadFile(source: source, models: models, cover: cover))
        }
        let draftFields = WriteUpFields(baseID: Located(baseID, at: baseLocation), slug: slug, title: title, date: date,
                                        kind: kind, year: year ?? date.year, models: models, summary: summary,
                                        cover: cover, coverAlt: coverAlt, draft: draft, example: example,
                                        yearLocation: fields.location(ofField: "year"), dateLocation: fields.location(ofField: "date"))
        return WriteUpReading(draft: Draft(fields: draftFields, source: source), diagnostics: diagnostics)
    }

    static let distributionLabels = ["报", "送", "发"]

    package static func bulletin(_ source: MarkdownSource) -> Reading<BulletinFields> {
        var fields: FieldReader
        do { fields = try source.frontMatter.fields() } catch { return Reading(draft: nil, diagnostics: [error]) }
        let year = fields.int("year", required: true, range: years)
        let number = fields.int("number", required: true, range: bulletinNumbers)
        let supplement = fields.bool("supplement")
        let date = fields.date("date", required: true)
        let title = fields.string("title", required: true)
        let editor = fields.string("editor")
        let items = fields.strings("items")
        let example = fields.bool("example")
        let draft = fields.bool("draft")
        let serial = fields.int("serial", range: serials).map { Located($0, at: fields.location(ofField: "serial")) }
        var distribution: [Bulletin.DistributionLine] = []
        if var lines = fields.fields("distribution") {
            for label in distributionLabels {
                if let recipients = lines.string(label) {
                    distribution.append(Bulletin.DistributionLine(label: label, recipients: recipients))
                }
            }
            fields.report(contentsOf: lines.finish(known: []))
        }
        if let year, let date, date.year != year {
            fields.report(.warning(at: fields.location(ofField: "date"), .bulletinDateOutsideYear, ["date": date.iso, "year": String(year)]))
        }
        let diagnostics = fields.finish(known: [])
        guard let year, let number, let date, let title, !diagnostics.contains(where: { $0.severity == .error }) else {
            return Reading(draft: nil, diagnostics: diagnostics, unread: UnreadFile(source: source, items: items))
        }
        let draftFields = BulletinFields(year: year, number: number, supplement: supplement, date: date, title: title,
                                         editor: editor, items: items, distribution: distribution, example: example,
                                         draft: draft, serial: serial, location: fields.location,
                                         dateLocation: fields.location(ofField: "date"))
        return Reading(draft: Draft(fields: draftFields, source: source), diagnostics: diagnostics)
    }

    static func notice(_ source: MarkdownSource, slug: String) -> (Draft<NoticeFields>?, [Diagnostic]) {
        var fields: FieldReader
        do { fields = try source.frontMatter.fields() } catch { return (nil, [error]) }
        let title = fields.string("title", required: true)
        let date = fields.date("date", required: true)
        let number = fields.string("number")
        let issuers = fields.strings("issuers").map(\.value)
        var attachments: [AttachmentFields] = []
        for var entry in fields.list("attachments") {
            let title = entry.string("title")
            let file = entry.located("file")
            let page = entry.located("page")
            let batch = entry.located("batch")
            let given = [file.map(AttachmentFields.Content.file), page.map(AttachmentFields.Content.page),
                         batch.map(AttachmentFields.Content.baseList)].compactMap { $0 }
            if given.count != 1 {
                entry.report(.error(at: entry.location, .attachmentNeedsOneSource))
            } else if title == nil, page == nil {
                entry.report(.error(at: entry.location, .attachmentMissingTitle))
            }
            fields.report(contentsOf: entry.finish(known: []))
            if given.count == 1 {
                attachments.append(AttachmentFields(title: title, content: given[0]))
            }
        }
        let diagnostics = fields.finish(known: [])
        guard let title, let date, !diagnostics.contains(where: { $0.severity == .error }) else {
            return (nil, diagnostics)
        }
        return (Draft(fields: NoticeFields(slug: slug, title: title, date: date, number: number, issuers: issuers,
                                           attachments: attachments), source: source), diagnostics)
    }

    /// Models, free pages and attachment pages: a title, and for models an order.
    static func titled(_ source: MarkdownSource, needsOrder: Bool) -> (Draft<TitledFields>?, [Diagnostic]) {
        var fields: FieldReader
        do { fields = try source.frontMatter.fields() } catch { return (nil, [error]) }
        let title = fields.string("title", required: true)
        let order = needsOrder ? fields.int("order", required: true) : 0
        let diagnostics = fields.finish(known: [])
        guard let title, let order, !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        return (Draft(fields: TitledFields(title: title, order: order), source: source), diagnostics)
    }
}

extension FieldReader {
    mutating func report(contentsOf diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { report(diagnostic) }
    }
}
