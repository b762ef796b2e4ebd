import Foundation

/// What a build keeps for the next one beside the output folder (`.Public.state`), so that a build
/// in which only write-ups' bodies changed redoes just the pages they reach (`BodyEditBuild`): the
/// site without the write-ups' bodies, what the build reported, the search index's size, and for
/// each write-up what tells whether a later edit stayed inside its body. It belongs to the manifest
/// written with it, whose digest it carries, and is used with no other.
struct BuildState {
    /// The manifest's digest.
    var digest: String
    var searchPostings: Int
    /// The content folder as diagnostics name it.
    var displayRoot: String
    var diagnostics: [Diagnostic]
    /// The site with no write-ups; those are in `writeUps`.
    var site: Site
    var writeUps: WriteUpRecords

    static let format = 1

    static func fileName(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).state")
    }

    /// One write-up as the build that kept it saw it.
    struct Record {
        /// Inside the content folder.
        var relativePath: String
        /// Its front matter's text, hashed: an edit that leaves it alone left every field.
        var frontMatter: UInt64
        /// `SitePlanner.listingFingerprint` of the write-up.
        var listing: UInt64
        /// Whether nothing was reported about the file.
        var clean: Bool
        var searchID: Int
        /// With an empty body.
        var writeUp: WriteUp
    }

    /// The records, read one at a time: a build needs a handful of 10,000, found by comparing keys
    /// in place.
    struct WriteUpRecords {
        fileprivate var bytes: [UInt8]
        fileprivate var start: Int
        fileprivate var count: Int

        func record(atPath relativePath: String) -> Record? {
            find(Array(relativePath.utf8), key: 0)
        }

        func record(forReference reference: String) -> Record? {
            find(Array(reference.utf8), key: 1)
        }

        /// The record whose key number `key` (0: path, 1: reference) is `wanted`.
        private func find(_ wanted: [UInt8], key: Int) -> Record? {
            var reader = BinaryReader(bytes, at: start)
            for _ in 0..<count {
                let offset = reader.offset
                let isPath = reader.nextText(equals: key == 0 ? wanted : [])
                let isReference = reader.nextText(equals: key == 1 ? wanted : [])
                reader.skip()
                if reader.failed { return nil }
                if key == 0 ? isPath : isReference { return record(at: offset) }
            }
            return nil
        }

        private func record(at offset: Int) -> Record? {
            var keys = BinaryReader(bytes, at: offset)
            let relativePath = keys.string()
            _ = keys.string()
            var reader = BinaryReader(keys.raw())
            let record = Record(relativePath: relativePath, frontMatter: reader.uint64(), listing: reader.uint64(),
                                clean: reader.bool(), searchID: reader.int(), writeUp: reader.writeUp())
            return keys.failed || reader.failed || !reader.isAtEnd ? nil : record
        }
    }

    /// The state of a build that made `site`, whose Markdown files had the front matters given,
    /// whose search index holds `searchPostings` postings, and that reported `diagnostics`.
    static func encoded(digest: String, site: Site, frontMatters: [String: UInt64], displayRoot: String,
                        searchPostings: Int, diagnostics: [Diagnostic]) -> [UInt8] {
        var body = BinaryWriter()
        body.string(displayRoot)
        body.array(diagnostics) { $0.diagnostic($1) }
        body.config(site.config)
        body.date(site.asOf)
        body.array(site.batches) { $0.batch($1) }
        body.array(site.bases) { $0.base($1) }
        body.array(site.bulletins) { $0.bulletin($1) }
        body.array(site.notices) { $0.notice($1) }
        body.array(site.models) { writer, model in
            writer.string(model.id)
            writer.string(model.title)
            writer.int(model.order)
            writer.document(model.body)
        }
        body.array(site.pages) { writer, page in
            writer.string(page.slug)
            writer.string(page.title)
            writer.document(page.body)
        }
        body.strings(site.staticFiles)
        body.paths(site.paths)
        let reported = Set(diagnostics.map(\.location.path))
        // In characters, as `dropFirst` counts.
        let prefix = displayRoot.isEmpty ? 0 : displayRoot.count + 1
        body.array(Array(site.writeUps.enumerated())) { writer, entry in
            let (index, writeUp) = entry
            let relativePath = String(writeUp.sourcePath.dropFirst(prefix))
            var withoutBody = writeUp
            withoutBody.body = .empty
            var record = BinaryWriter()
            record.uint64(frontMatters[relativePath] ?? 0)
            record.uint64(SitePlanner.listingFingerprint(writeUp))
            record.bool(!reported.contains(writeUp.sourcePath) && frontMatters[relativePath] != nil)
            record.int(Planner.searchID(ofWriteUpAt: index, in: site))
            record.writeUp(withoutBody)
            // The keys, then the record as a whole: the records are listed without reading them.
            writer.string(relativePath)
            writer.string(writeUp.reference)
            writer.raw(record.bytes)
        }
        return header(digest: digest, searchPostings: searchPostings) + body.bytes
    }

    /// Of one length for every digest (16 digits) and size, so that a later build rewrites it in place.
    private static func header(digest: String, searchPostings: Int) -> [UInt8] {
        var header = BinaryWriter()
        header.string("bulletin state")
        header.int(format)
        header.string(digest)
        header.uint64(UInt64(searchPostings))
        return header.bytes
    }

    /// The front matter text of each Markdown file, hashed, by path inside the content folder.
    static func frontMatters(of content: LoadedContent) -> [String: UInt64] {
        Dictionary(content.markdown.map { ($0.relativePath, FNV1a.hash($0.frontMatterText.utf8)) },
                   uniquingKeysWith: { first, _ in first })
    }

    /// The kept state, or nil when there is none or it cannot be read.
    static func read(for output: URL) -> BuildState? {
        guard let data = FileManager.default.contents(atPath: fileName(for: output).path) else { return nil }
        let bytes = [UInt8](data)
        var reader = BinaryReader(bytes)
        guard reader.string() == "bulletin state", reader.int() == format else { return nil }
        let digest = reader.string()
        let searchPostings = Int(truncatingIfNeeded: reader.uint64())
        let displayRoot = reader.string()
        let diagnostics = reader.array { $0.diagnostic() }
        let config = reader.config()
        let asOf = reader.date()
        let batches = reader.array { $0.batch() }
        let bases = reader.array { $0.base() }
        let bulletins = reader.array { $0.bulletin() }
        let notices = reader.array { $0.notice() }
        let models = reader.array { CollaborationModel(id: $0.string(), title: $0.string(), order: $0.int(), body: $0.document()) }
        let pages = reader.array { FreePage(slug: $0.string(), title: $0.string(), body: $0.document()) }
        let staticFiles = reader.strings()
        let paths = reader.paths()
        let count = reader.count()
        let start = reader.offset
        var left = count
        while left > 0, !reader.failed {
            reader.skip()
            reader.skip()
            reader.skip()
            left -= 1
        }
        // What a build wrote from a valid site: anything else is no state.
        guard !reader.failed, reader.isAtEnd, (0 ..< 1 << 40).contains(searchPostings),
              Set(bases.map(\.id)).count == bases.count, Set(models.map(\.id)).count == models.count
        else { return nil }
        let site = Site(config: config, asOf: asOf, batches: batches, bases: bases, writeUps: [], bulletins: bulletins,
                        notices: notices, models: models, pages: pages, staticFiles: staticFiles, paths: paths)
        let state = BuildState(digest: digest, searchPostings: searchPostings, displayRoot: displayRoot, diagnostics: diagnostics,
                               site: site, writeUps: WriteUpRecords(bytes: bytes, start: start, count: count))
        return state
    }

    /// Writes a state; one that cannot be written only costs the next build its shortcut.
    static func write(_ bytes: [UInt8], for output: URL) {
        _ = try? FileSystemCalls.replace(at: fileName(for: output).path, with: bytes)
    }

    /// Gives the kept state the digest of a new manifest and the new size of the search index,
    /// in place: everything else stays. A header left half written reads as no state.
    static func update(for output: URL, digest: String, searchPostings: Int) -> Bool {
        let descriptor = open(fileName(for: output).path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let bytes = header(digest: digest, searchPostings: searchPostings)
        return bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) } == bytes.count
    }
}
