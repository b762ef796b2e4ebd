import BulletinImages
import Foundation
import BulletinLoad
import BulletinSupport
/// Resolves every reference between files — base ids, model ids, bulletin items, notices,
/// covers, attachments and Markdown links — and converts bodies, collecting located diagnostics.
struct ReferenceChecker {
    let bases: [Base]
    let declaredBaseIDs: Set<String>
    let batches: [Batch]
    let drafts: Drafts
    let paths: ContentPaths
    let converter: BodyConverter
    let documents: DocumentCache?
    /// Every body, converted up front on all cores; taken in the order entries are resolved, so
    /// diagnostics keep a stable order.
    private let converted: [String: (Document, [Diagnostic])]
    /// For "did you mean" on covers and attachments that do not exist.
    private let staticFiles: SuggestionIndex
    private(set) var diagnostics: [Diagnostic] = []
    /// Files of the content folder named in front matter (covers, notices' attachments).
    private(set) var filesNamedInFields: Set<String> = []

    init(bases: [Base], declaredBaseIDs: Set<String>, batches: [Batch], drafts: Drafts, paths: ContentPaths,
         converter: BodyConverter, documents: DocumentCache?) {
        self.documents = documents
        documents?.prepare(for: converter)
        self.bases = bases
        self.declaredBaseIDs = declaredBaseIDs
        self.batches = batches
        self.drafts = drafts
        self.paths = paths
        self.converter = converter
        staticFiles = SuggestionIndex(paths.staticFiles)
        let sources = drafts.writeUps.map(\.source) + drafts.unreadWriteUps.map(\.source) + drafts.bulletins.map(\.source)
            + drafts.unreadBulletins.map(\.source) + drafts.notices.map(\.source)
            + drafts.attachmentPages.values.map(\.source) + drafts.models.map(\.draft.source) + drafts.pages.map(\.draft.source)
            + drafts.misnamedBodies
        let results = sources.parallelMap { source in
            (source.relativePath, Self.convert(source, with: converter, documents: documents))
        }
        converted = Dictionary(results, uniquingKeysWith: { first, _ in first })
    }

    static func convert(_ source: MarkdownSource, with converter: BodyConverter, documents: DocumentCache?) -> (Document, [Diagnostic]) {
        let convert = {
            converter.convert(source.body, sourcePath: source.relativePath, displayPath: source.displayPath,
                              firstLine: source.bodyFirstLine)
        }
        return documents?.document(for: source, convert: convert) ?? convert()
    }

    private mutating func body(_ source: MarkdownSource) -> Document {
        let (document, found) = converted[source.relativePath] ?? Self.convert(source, with: converter, documents: documents)
        diagnostics += found
        return document
    }

    /// `code` says what is unknown; its own hint is for when no name is near.
    private mutating func unknown(_ code: MessageCode, _ reference: Located<String>, among candidates: NearestNames) {
        unknown(code, reference, hint: candidates.hint(for: reference.value))
    }

    private mutating func unknown(_ code: MessageCode, _ reference: Located<String>, hint: Message?) {
        diagnostics.append(.error(at: reference.location, code, ["name": TextCharacters.shown(reference.value)], hint: hint))
    }

    mutating func models() -> [CollaborationModel] {
        drafts.models.map { id, draft in
            CollaborationModel(id: id, title: draft.fields.title, order: draft.fields.order, body: body(draft.source))
        }
        .sorted { ($0.order, $0.id) < ($1.order, $1.id) }
    }

    /// Reports each model a write-up names that does not exist, with the id it may have meant.
    private mutating func checkModels(_ models: [Located<String>], among modelIDs: NearestNames) {
        for model in models where !modelIDs.contains(model.value) {
            unknown(.unknownModel, model, hint: Self.listEntryHint(model.value, isKnown: modelIDs.contains)
                        ?? modelByTitle(model.value) ?? modelIDs.hint(for: model.value))
        }
    }

    /// A list typed with a Chinese input method: to YAML, `[a，b]` and `[a、b]` are one item, and
    /// `- a，` holds its comma; and a list whose second entry is indented under the first, which
    /// continues the first (`a - b`). When every part is known, the hint gives the entry's items
    /// as they are to be written; the list's other entries are the editor's to keep.
    static func listEntryHint(_ written: String, isKnown: (String) -> Bool) -> Message? {
        let entries = written.components(separatedBy: " - ").map { $0.trimmingEnds(.whitespaces) }
        if entries.count > 1, entries.allSatisfy(isKnown) {
            return Message(.listItemsNotAligned, ["items": entries.joined(separator: ", ")])
        }
        let separators: [Character] = ["，", "、", "；"]
        guard written.contains(where: separators.contains) else { return nil }
        let parts = written.split(whereSeparator: separators.contains).map { String($0).trimmingEnds(.whitespaces) }.filter { !$0.isEmpty }
        guard !parts.isEmpty, parts.allSatisfy(isKnown) else { return nil }
        return Message(.listWithFullWidthComma, ["items": parts.joined(separator: ", ")])
    }

    /// For a model named by its Chinese title, or a word of it (家长学校), instead of its id: the id
    /// to write, when one title holds the name.
    private func modelByTitle(_ written: String) -> Message? {
        let name = written.trimmingEnds(.whitespaces)
        guard !name.isEmpty, !name.unicodeScalars.allSatisfy(\.isASCII) else { return nil }
        let holding = drafts.models.filter { $0.draft.fields.title.contains(name) || name.contains($0.draft.fields.title) }
        guard holding.count == 1, let model = holding.first else { return nil }
        return Message(.modelByTitle, ["id": model.id, "title": model.draft.fields.title])
    }

    mutating func writeUps() -> [WriteUp] {
        let baseIDs = NearestNames(bases.map(\.id))
        let modelIDs = NearestNames(drafts.models.map(\.id))
        var result: [WriteUp] = []
        for draft in drafts.writeUps {
            let fields = draft.fields
            guard baseIDs.contains(fields.baseID.value) else {
                // A base whose entry has errors was reported in bases.yaml already.
                if declaredBaseIDs.contains(fields.baseID.value) { continue }
                diagnostics.append(.error(at: fields.baseID.location, .unknownBaseFolder, ["base": TextCharacters.shown(fields.baseID.value)],
                                          hint: Self.renameFolderHint(fields.baseID.value, baseIDs: baseIDs)))
                continue
            }
            checkModels(fields.models, among: modelIDs)
            var cover: String?
            var coverImage: ProcessedImage?
            if let written = fields.cover {
                cover = resolveFile(written, from: draft.source, isCover: true)
                if let cover { filesNamedInFields.insert(cover) }
                if let path = cover {
                    if let problem = converter.imageProblems[path] {
                        diagnostics.append(problem.diagnostic(at: written.location, path: path))
                    }
                    coverImage = converter.images[path]
                    if fields.coverAlt?.isEmpty ?? true {
                        diagnostics.append(.warning(at: written.location, .coverWithoutAltText, ["path": TextCharacters.shown(written.value)]))
                    }
                }
            }
            result.append(WriteUp(baseID: fields.baseID.value, slug: fields.slug, title: fields.title, date: fields.date,
                                  kind: fields.kind, year: fields.year, modelIDs: fields.models.map(\.value),
                                  summary: fields.summary, cover: cover, draft: fields.draft, example: fields.example,
                                  body: body(draft.source), sourcePath: draft.source.displayPath,
                                  coverImage: coverImage, coverAlt: fields.coverAlt))
        }
        for unread in drafts.unreadWriteUps {
            checkModels(unread.models, among: modelIDs)
            if let written = unread.cover, let cover = resolveFile(written, from: unread.source, isCover: true) {
                filesNamedInFields.insert(cover)
            }
            _ = body(unread.source)
        }
        // Newest first. Sorting places, not the write-ups themselves: moving a write-up copies
        // every one of its fields.
        let order = result.indices.sorted {
            (result[$1].date, result[$0].baseID, result[$0].slug) < (result[$0].date, result[$1].baseID, result[$1].slug)
        }
        return order.map { result[$0] }
    }

    mutating func bulletins(defaultEditor: String) -> [Bulletin] {
        let writeUpReferences = drafts.writeUps.map { "\($0.fields.baseID.value)/\($0.fields.slug)" }
        let published = Set(writeUpReferences)
        let suggestions = SuggestionIndex(writeUpReferences)
        let names = BaseNames(bases.map { BaseNames.Entry(id: $0.id, name: $0.name) })
        var result: [Bulletin] = []
        // Made at the first item that names no write-up: the items that name one, most of them, need none.
        var titles: [String: [String]]?
        func titled(_ written: String) -> Message? {
            let title = Self.bareTitle(written)
            guard !title.isEmpty, !title.unicodeScalars.allSatisfy(\.isASCII) else { return nil }
            if titles == nil {
                titles = drafts.writeUps.reduce(into: [:]) { found, draft in
                    found[draft.fields.title, default: []].append("\(draft.fields.baseID.value)/\(draft.fields.slug)")
                }
            }
            guard let references = titles?[title] else { return nil }
            return Message(.itemByTitle, ["title": title, "alternatives": Message.alternatives(references.sorted().prefix(5).map { "'\($0)'" })])
        }
        // An item naming a write-up whose file is to be renamed, by its name now or by its title.
        func misnamed(_ written: String, reference: String) -> Message? {
            let byTitle = drafts.misnamedWriteUpTitles[Self.bareTitle(written)]?.first
            guard let found = drafts.misnamedWriteUps[reference] ?? byTitle.flatMap({ drafts.misnamedWriteUps[$0] }) else { return nil }
            return Message(.itemNamesMisnamedWriteUp, ["file": found.file, "renamed": found.renamed])
        }
        // Each item as `base-id/slug`, each one that names no published write-up or names one twice reported.
        func resolve(_ written: [Located<String>]) -> [String] {
            var seenItems: Set<String> = []
            var items: [String] = []
            for item in written {
                let reference = Self.reference(item.value, names: names)
                items.append(reference)
                if let draftFile = drafts.draftReferences[reference] {
                    diagnostics.append(.error(at: item.location, .writeUpIsDraft, ["name": TextCharacters.shown(item.value), "file": draftFile]))
                } else if !published.contains(reference) {
                    // A write-up with errors of its own has been reported already.
                    if !drafts.declaredWriteUps.contains(reference) {
                        let separated = Self.listEntryHint(item.value) {
                            published.contains(Self.reference($0, names: names))
                        }
                        unknown(.unknownWriteUp, item,
                                hint: misnamed(item.value, reference: reference) ?? separated ?? Self.baseNameHint(item.value, names: names)
                                    ?? titled(item.value) ?? suggestions.hint(for: reference))
                    }
                } else if !seenItems.insert(reference).inserted {
                    diagnostics.append(.error(at: item.location, .writeUpListedTwice, ["name": TextCharacters.shown(item.value)]))
                }
            }
            return items
        }
        for draft in drafts.bulletins {
            let fields = draft.fields
            let items = resolve(fields.items)
            if fields.items.isEmpty && !fields.draft {
                diagnostics.append(.error(at: fields.location, .bulletinWithoutItems))
            }
            let serial = BulletinNumbering.isCounted(fields) ? fields.serial?.value : nil
            result.append(Bulletin(year: fields.year, number: fields.number, supplement: fields.supplement, serial: serial,
                                   date: fields.date, title: fields.title, editor: fields.editor ?? defaultEditor,
                                   items: items, distribution: fields.distribution,
                                   example: fields.example, draft: fields.draft, body: body(draft.source), sourcePath: draft.source.displayPath))
        }
        for unread in drafts.unreadBulletins {
            _ = resolve(unread.items)
            _ = body(unread.source)
        }
        return BulletinNumbering.newestFirst(result)
    }

    /// A bulletin's item as `base-id/slug`: its base may be written by its full name instead, as
    /// `万州区沙河小学/open-day`.
    static func reference(_ item: String, names: BaseNames) -> String {
        guard let slash = item.firstIndex(of: "/") else { return item }
        if case .name(let base) = names.match(String(item[..<slash]), allowingPart: false) {
            return base.id + item[slash...]
        }
        return item
    }

    /// An item typed as a write-up's title, as an editor knows it: without the spaces, 《》 or
    /// quotes around it.
    static func bareTitle(_ written: String) -> String {
        var title = Substring(written.trimmingEnds(.whitespaces))
        while let first = title.first, let last = title.last, title.count > 2,
              (first == "《" && last == "》") || (first == "“" && last == "”") || (first == "\"" && last == "\"") {
            title = title.dropFirst().dropLast()
        }
        return String(title)
    }

    /// For an item whose base is neither an id nor a full name: the names it could have meant.
    static func baseNameHint(_ item: String, names: BaseNames) -> Message? {
        guard let slash = item.firstIndex(of: "/") else { return nil }
        let written = String(item[..<slash])
        let rest = item[slash...]
        guard !written.unicodeScalars.allSatisfy(\.isASCII), case .unknown = names.match(written, allowingPart: false) else { return nil }
        switch names.match(written, allowingPart: true) {
        case .id:
            return nil
        case .name(let base):
            return Message(.itemBaseByPartOfName, ["fullItem": base.name + rest])
        case let .ambiguous(found) where found.count > 1 && Set(found.map(\.name)).count == 1:
            return Message(.itemBaseNameShared, ["sharedName": found[0].name,
                                                 "alternatives": Message.alternatives(found.map { "'\($0.id)\(rest)'" })])
        default:
            if let sounding = names.soundHint(for: written, shown: { $0.name + rest }) { return sounding }
            let near = names.nearest(to: written)
            guard !near.isEmpty else { return nil }
            return Message(.didYouMeanOneOf, ["alternatives": Message.alternatives(near.map { "'\($0.name)\(rest)'" })])
        }
    }

    /// For a folder under bases/ that names no base: the id it was meant to be.
    static func renameFolderHint(_ folder: String, baseIDs: NearestNames) -> Message? {
        if let invisible = Suggestion.invisibleHint(folder, nearest: baseIDs.nearest(to:)) {
            var hint = invisible
            hint.code = invisible.code == .nameHoldsInvisibleCharacter ? .renameFolderInvisibleCharacter : .renameFolderInvisibleCharacters
            return hint
        }
        return baseIDs.nearest(to: folder).map { Message(.renameFolderTo, ["suggestion": TextCharacters.shown($0)]) }
    }

    mutating func notices() -> [Notice] {
        let batchIDs = NearestNames(batches.map(\.id))
        // By notice: the names of its folder's pages, as an attachment writes them.
        let pagesByNotice = Dictionary(grouping: drafts.attachmentPages.keys.sorted()) { $0.split(separator: "/")[1] }
            .mapValues { NearestNames($0.map { String($0.dropFirst("notices/".count)) }) }
        var result: [Notice] = []
        for draft in drafts.notices {
            var attachments: [Attachment] = []
            for (index, attachment) in draft.fields.attachments.enumerated() {
                let number = index + 1
                switch attachment.content {
                case .file(let written):
                    if let path = resolveFile(written, from: draft.source, isCover: false) {
                        filesNamedInFields.insert(path)
                        attachments.append(Attachment(number: number, title: attachment.title ?? path, content: .file(path: path),
                                                      details: paths.documentDetails(path)))
                    }
                case .page(let written):
                    let folder = "notices/\(draft.fields.slug)"
                    let normalized = ContentPaths.normalize(written.value, relativeTo: "notices")
                    if let normalized, normalized.hasPrefix(folder + "/"), let page = drafts.attachmentPages[normalized] {
                        attachments.append(Attachment(number: number, title: attachment.title ?? page.fields.title,
                                                      content: .page(name: ((normalized as NSString).lastPathComponent as NSString).deletingPathExtension,
                                                                    body: body(page.source))))
                    } else {
                        diagnostics.append(.error(at: written.location, .attachmentPageMissing, ["page": TextCharacters.shown(written.value), "folder": folder],
                                                  hint: (pagesByNotice[draft.fields.slug[...]] ?? NearestNames([])).hint(for: written.value)))
                    }
                case .baseList(let batch):
                    if batchIDs.contains(batch.value) {
                        attachments.append(Attachment(number: number, title: attachment.title ?? "", content: .baseList(batchID: batch.value)))
                    } else {
                        unknown(.unknownBatch, batch, among: batchIDs)
                    }
                }
            }
            result.append(Notice(slug: draft.fields.slug, title: draft.fields.title, date: draft.fields.date,
                                 number: draft.fields.number, issuers: draft.fields.issuers, attachments: attachments,
                                 body: body(draft.source), sourcePath: draft.source.displayPath))
        }
        let referenced = Set(drafts.notices.flatMap { notice in
            notice.fields.attachments.compactMap { attachment -> String? in
                if case .page(let written) = attachment.content { return ContentPaths.normalize(written.value, relativeTo: "notices") }
                return nil
            }
        })
        for (relative, page) in drafts.attachmentPages.sorted(by: { $0.key < $1.key }) where !referenced.contains(relative) {
            diagnostics.append(.warning(at: SourceLocation(path: page.source.displayPath), .attachmentPageUnlisted,
                                        ["page": String(relative.dropFirst("notices/".count))]))
        }
        return result.sorted { ($1.date, $0.slug) < ($0.date, $1.slug) }
    }

    mutating func pages() -> [FreePage] {
        drafts.pages.map { slug, draft in FreePage(slug: slug, title: draft.fields.title, body: body(draft.source)) }
            .sorted { $0.slug < $1.slug }
    }

    /// The bodies of notices, models and pages whose file name cannot be an address: their
    /// mistakes are told with the file name, not once it is mended.
    mutating func checkMisnamedBodies() {
        for source in drafts.misnamedBodies { _ = body(source) }
    }

    /// Every file of the content folder a body links to or a field names.
    var linkedFiles: Set<String> {
        converted.values.reduce(into: filesNamedInFields) { $0.formUnion($1.0.linkedFiles) }
    }

    /// Notices named in bases.yaml (batches, revocations) must exist.
    mutating func checkNotices(_ references: [Located<String>]) {
        let slugs = NearestNames(drafts.notices.map(\.fields.slug))
        for reference in references where !slugs.contains(reference.value) {
            unknown(.unknownNotice, reference, among: slugs)
        }
    }

    /// For a path copied from Windows, which separates folders with '\\': the same path with '/'
    /// when that names a file of the content folder.
    private func backslashHint(_ written: String, from source: MarkdownSource) -> Message? {
        guard written.contains("\\") else { return nil }
        let path = written.replacingOccurrences(of: "\\", with: "/")
        guard case .sitePath(let found) = paths.resolve(path, from: source.relativePath), paths.staticFiles.contains(found) else { return nil }
        return Message(.pathWithBackslashes, ["suggestion": TextCharacters.shown(path)])
    }

    /// A path written in front matter, relative to its file, that must name a file in the content folder.
    private mutating func resolveFile(_ written: Located<String>, from source: MarkdownSource, isCover: Bool) -> String? {
        if BodyConverter.isOnOwnComputer(written.value) {
            diagnostics.append(.error(at: written.location, isCover ? .coverOnOwnComputer : .attachmentFileOnOwnComputer,
                                      ["path": TextCharacters.shown(written.value)],
                                      hint: BodyConverter.ownComputerHint(written.value, from: source.relativePath)))
            return nil
        }
        switch paths.resolve(written.value, from: source.relativePath) {
        case .sitePath(let path) where paths.staticFiles.contains(path):
            return path
        case .sitePath, .missing:
            let candidate = ContentPaths.normalize(written.value, relativeTo: ContentPaths.folder(of: source.relativePath)) ?? written.value
            diagnostics.append(.error(at: written.location, isCover ? .coverMissing : .attachmentFileMissing, ["path": TextCharacters.shown(written.value)],
                                      hint: backslashHint(written.value, from: source)
                                          ?? Suggestion.invisibleHint(candidate, nearest: staticFiles.nearest(to:))
                                          ?? staticFiles.nearest(to: candidate).map { Message(.didYouMeanRelative, ["suggestion": TextCharacters.shown($0)]) }))
        case .outsideContent:
            diagnostics.append(.error(at: written.location, isCover ? .coverOutsideContent : .attachmentFileOutsideContent,
                                      ["path": TextCharacters.shown(written.value)]))
        case .absolutePath:
            diagnostics.append(.error(at: written.location, isCover ? .coverAbsolutePath : .attachmentFileAbsolutePath,
                                      ["path": TextCharacters.shown(written.value)]))
        }
        return nil
    }
}
