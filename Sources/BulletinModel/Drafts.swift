import BulletinLoad
import BulletinSupport

/// Every Markdown file's front matter, sorted by section, before references are resolved.
struct Drafts {
    var writeUps: [Draft<EntryReaders.WriteUpFields>] = []
    /// The files of write-ups left out because they are drafts, by `base-id/slug`.
    var draftReferences: [String: String] = [:]
    /// `base-id/slug` of every write-up file, including those with errors, so that a bulletin
    /// featuring a broken write-up is not reported a second time.
    var declaredWriteUps: Set<String> = []
    /// Write-ups and bulletins whose front matter has errors, or whose file name cannot be an
    /// address, with the references they name: these and their bodies are checked, and no page is made.
    var unreadWriteUps: [EntryReaders.UnreadFile] = []
    var unreadBulletins: [EntryReaders.UnreadFile] = []
    var bulletins: [Draft<EntryReaders.BulletinFields>] = []
    /// Bulletins left out because they are drafts: their 总第N期 is taken all the same.
    var draftBulletins: [Draft<EntryReaders.BulletinFields>] = []
    var notices: [Draft<EntryReaders.NoticeFields>] = []
    /// By relative path, e.g. `notices/naming-2020/measures.md`.
    var attachmentPages: [String: Draft<EntryReaders.TitledFields>] = [:]
    var models: [(id: String, draft: Draft<EntryReaders.TitledFields>)] = []
    var pages: [(slug: String, draft: Draft<EntryReaders.TitledFields>)] = []
    /// Notices, models and pages whose file name cannot be an address: their bodies are checked,
    /// and no page is made.
    var misnamedBodies: [MarkdownSource] = []
    /// Write-ups whose file name cannot be an address, by `base-id/slug` as they are named now:
    /// their file, and the `base-id/slug` they take once renamed as the hint says. A bulletin
    /// naming one is told that name.
    private(set) var misnamedWriteUps: [String: (file: String, renamed: String)] = [:]
    /// The same write-ups' `base-id/slug` by title, where their front matter could be read.
    private(set) var misnamedWriteUpTitles: [String: [String]] = [:]
    /// The content's Markdown files, and the names already given in hints to rename one: a
    /// name to rename a file to is never one of them.
    private var takenPaths: Set<String> = []

    /// Addresses that free pages can't take, because the site's own sections use them.
    static let reservedSlugs: Set<String> = ["bases", "bulletins", "models", "reports", "notices", "search", "static",
                                             "assets", "pages", "feed", "sitemap", "robots", "404"]

    /// Adds every source in order. Reading write-ups' front matter, the bulk of the work, depends
    /// on nothing else, so it is done first on all cores.
    /// `cache` keeps readings between the rebuilds of a session.
    mutating func add(_ sources: [MarkdownSource], includeDrafts: Bool, cache: FrontMatterCache? = nil) -> [Diagnostic] {
        // Each file's section is found on all cores with its reading, so that no core waits while
        // the other finds them one file after the other.
        var readings = sources.parallelMap { source -> (section: ContentSection, writeUp: WriteUpReading?) in
            let section = ContentSection(relativePath: source.relativePath)
            guard case let .writeUp(baseID, slug) = section else { return (section, nil) }
            let read = { EntryReaders.writeUp(source, baseID: baseID, slug: slug) }
            return (section, cache?.writeUp(source, read: read) ?? read())
        }
        cache?.keepOnly(sources, readCount: readings.reduce(0) { $0 + ($1.writeUp == nil ? 0 : 1) })
        takenPaths.formUnion(sources.lazy.map(\.relativePath))
        var diagnostics: [Diagnostic] = []
        for index in sources.indices {
            // Taken out, not copied: a reading holds the file's whole front matter.
            let reading = readings[index].writeUp.take()
            diagnostics += add(sources[index], section: readings[index].section, includeDrafts: includeDrafts, writeUpReading: reading)
        }
        return diagnostics
    }

    typealias WriteUpReading = EntryReaders.WriteUpReading

    /// Marks files of the content as there, so that no rename hint names one of them.
    mutating func takePaths(_ paths: [String]) {
        takenPaths.formUnion(paths)
    }

    /// `made` with the extension of the file at `path`, or the first of `made-2`, `made-3`, …
    /// that no file beside it has, as `bulletin new` chooses: with its path in the content.
    private func unusedFileName(_ made: String, beside path: String) -> (name: String, path: String) {
        let fileExtension = path.fileExtension
        let folder = path.range(of: "/", options: .backwards).map { String(path[..<$0.upperBound]) } ?? ""
        func fileName(_ stem: String) -> String { fileExtension.isEmpty ? stem : stem + "." + fileExtension }
        let name = fileName(Slug.firstFree(made) { takenPaths.contains(folder + fileName($0)) })
        return (name, folder + name)
    }

    /// The error of a file whose name cannot be an address, with the name to rename it to; nil
    /// when its name can be one.
    mutating func misnamed(relativePath: String, displayPath: String, section: ContentSection) -> Diagnostic? {
        guard let name = section.addressName, !Slug.isValid(name) else { return nil }
        // A name typed in Chinese is given in pinyin, as `bulletin new` would have made it.
        let renamed = Slug.made(from: name).map { made in
            let fileName = unusedFileName(made, beside: relativePath)
            takenPaths.insert(fileName.path)
            if case let .writeUp(baseID, slug) = section {
                misnamedWriteUps["\(baseID)/\(slug)"] = (displayPath, "\(baseID)/" + fileName.name.prefix { $0 != "." })
            }
            return Message(.fileNameRenameTo, ["fileName": fileName.name])
        }
        return .error(at: SourceLocation(path: displayPath), .fileNameNotAddress, ["name": TextCharacters.shown(name)], hint: renamed)
    }

    mutating func add(_ source: MarkdownSource, section: ContentSection, includeDrafts: Bool, writeUpReading: WriteUpReading? = nil) -> [Diagnostic] {
        let at = SourceLocation(path: source.displayPath)
        // A misnamed file's front matter is read all the same, and left out of the site: its
        // mistakes are told with its name, not one round of `check` after another.
        let misnamed = misnamed(relativePath: source.relativePath, displayPath: source.displayPath, section: section)
        let keep = misnamed == nil
        let diagnostics = misnamed.map { [$0] } ?? []
        switch section {
        case let .writeUp(baseID, slug):
            // A bulletin naming a misnamed file is told so now: the name it uses goes with the rename.
            if keep { declaredWriteUps.insert("\(baseID)/\(slug)") }
            let reading = writeUpReading ?? EntryReaders.writeUp(source, baseID: baseID, slug: slug)
            if !keep, let title = reading.draft?.fields.title { misnamedWriteUpTitles[title, default: []].append("\(baseID)/\(slug)") }
            if keep, let draft = reading.draft {
                if includeDrafts || !draft.fields.draft {
                    writeUps.append(draft)
                } else {
                    draftReferences["\(baseID)/\(slug)"] = source.displayPath
                }
            }
            if let unread = reading.unread {
                unreadWriteUps.append(unread)
            } else if !keep, let draft = reading.draft {
                unreadWriteUps.append(EntryReaders.UnreadFile(source: source, models: draft.fields.models, cover: draft.fields.cover))
            }
            return diagnostics + reading.diagnostics
        case .bulletin:
            let reading = EntryReaders.bulletin(source)
            if keep, let draft = reading.draft {
                if includeDrafts || !draft.fields.draft { bulletins.append(draft) } else { draftBulletins.append(draft) }
            }
            if keep, let unread = reading.unread { unreadBulletins.append(unread) }
            return diagnostics + reading.diagnostics
        case let .notice(slug):
            let (draft, read) = EntryReaders.notice(source, slug: slug)
            if !keep { misnamedBodies.append(source) } else if let draft { notices.append(draft) }
            return diagnostics + read
        case .attachmentPage:
            let (draft, read) = EntryReaders.titled(source, needsOrder: false)
            if !keep { misnamedBodies.append(source) } else if let draft { attachmentPages[source.relativePath] = draft }
            return diagnostics + read
        case let .model(id):
            let (draft, read) = EntryReaders.titled(source, needsOrder: true)
            if !keep { misnamedBodies.append(source) } else if let draft { models.append((id, draft)) }
            return diagnostics + read
        case let .page(slug):
            if Self.reservedSlugs.contains(slug) {
                return [.error(at: at, .pageNameReserved, ["name": TextCharacters.shown(slug)])]
            }
            let (draft, read) = EntryReaders.titled(source, needsOrder: false)
            if !keep { misnamedBodies.append(source) } else if let draft { pages.append((slug, draft)) }
            return diagnostics + read
        case .unknown:
            return [.warning(at: at, .markdownOutsideSections)]
        }
    }

    /// The files of what is published: a draft may still hold what `bulletin new` left to fill in.
    var publishedSources: [MarkdownSource] {
        // Lazily: filtering first copied every draft, all its fields, to keep only its source.
        writeUps.lazy.filter { !$0.fields.draft }.map(\.source) + bulletins.lazy.filter { !$0.fields.draft }.map(\.source)
            + notices.map(\.source) + attachmentPages.values.map(\.source) + models.map(\.draft.source) + pages.map(\.draft.source)
    }

    /// Every page's address, keyed by its source file; two files claiming one address is an error.
    func contentPaths(staticFiles: [String], sizes: [String: Int] = [:]) -> (ContentPaths, [Diagnostic]) {
        // The two paths of each source, not the source: copying whole sources cost more than the check.
        var claims: [(path: String, relativePath: String, displayPath: String)] = []
        func claim(_ path: String, _ source: MarkdownSource) { claims.append((path, source.relativePath, source.displayPath)) }
        for draft in writeUps { claim("bases/\(draft.fields.baseID.value)/\(draft.fields.slug)/", draft.source) }
        for draft in bulletins { claim(Self.bulletinPath(draft.fields), draft.source) }
        for draft in notices { claim("notices/\(draft.fields.slug)/", draft.source) }
        for (relative, draft) in attachmentPages.sorted(by: { $0.key < $1.key }) {
            let parts = relative.split(separator: "/")
            let name = String(parts[2]).split(separator: ".").dropLast().joined(separator: ".")
            claim("notices/\(parts[1])/\(name)/", draft.source)
        }
        for (id, draft) in models { claim("models/\(id)/", draft.source) }
        for (slug, draft) in pages { claim("\(slug)/", draft.source) }

        var pagesByFile: [String: String] = [:]
        var owners: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        claims.sort { $0.relativePath < $1.relativePath }
        for claim in claims {
            if let owner = owners[claim.path] {
                diagnostics.append(.error(at: SourceLocation(path: claim.displayPath),
                                          .sameAddress, ["other": owner, "path": claim.path]))
                continue
            }
            owners[claim.path] = claim.displayPath
            pagesByFile[claim.relativePath] = claim.path
        }
        let documentSizes = sizes.filter { DocumentDetails.isDocument($0.key) }
        return (ContentPaths(staticFiles: Set(staticFiles), pages: pagesByFile, documentSizes: documentSizes), diagnostics)
    }

    static func bulletinPath(_ fields: EntryReaders.BulletinFields) -> String {
        "bulletins/\(fields.year)/\(fields.supplement ? "s" : "")\(fields.number)/"
    }
}

extension ContentSection {
    /// The part of the file's path that becomes part of its address.
    var addressName: String? {
        switch self {
        case let .writeUp(_, slug): return slug
        case let .notice(slug): return slug
        case let .attachmentPage(_, name): return name
        case let .model(id): return id
        case let .page(slug): return slug
        case .bulletin, .unknown: return nil
        }
    }
}
