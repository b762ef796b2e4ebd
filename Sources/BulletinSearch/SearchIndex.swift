import Foundation
import BulletinSupport

/// One searchable page.
public struct SearchDocument: Sendable, Hashable {
    public var title: String
    /// Path relative to the site root.
    public var path: String
    public var kind: String
    public var base: String
    public var district: String
    public var date: String
    /// Names the page is filed under without saying them (a write-up's models), found like its base.
    public var names: String
    /// The cover's narrowest fallback version, relative to the site root; empty without a cover.
    /// A result shows it 6rem wide: the 960 px version was five times the bytes, per result, of
    /// a phone photo.
    public var image: String
    /// The same version in WebP, offered before it: most browsers take it, and it is smaller.
    public var imageWebP: String
    /// Words said of the page apart from its text (a write-up's summary): searched like the text,
    /// and shown before it. Kept apart, the text is the body's own string, not a copy of it
    /// joined to the summary: the copies were a tenth of a large build's memory.
    public var summary: String
    public var text: String

    package init(title: String, path: String, kind: String, base: String, district: String, date: String,
                 names: String = "", image: String = "", imageWebP: String = "", summary: String = "", text: String) {
        self.title = title
        self.path = path
        self.kind = kind
        self.base = base
        self.district = district
        self.date = date
        self.names = names
        self.image = image
        self.imageWebP = imageWebP
        self.summary = summary
        self.text = text
    }

    /// The summary and the text as a reader sees them, one after the other.
    var shownText: String {
        summary.isEmpty ? text : summary + "\n" + text
    }
}

/// The build-time search index, split into files so a phone downloads only what a query needs:
/// `meta.json` (sizes, the glossary, the common terms, each document's kind and district for the filters),
/// `terms-N.json` (the terms whose hash falls in shard N: the postings of a rare term, the number
/// of documents of a common one), `t/HASH.json` (the postings of a common term, alone: a shard of
/// common terms made every query download the postings of terms it did not ask for) and
/// `d/N.json` (one document: what a result shows, and the start of its text for the snippet,
/// fetched for shown results only) with `r/N.json` (the rest of a long text).
public enum SearchIndex {
    public static let folder = "search/"
    /// Text of a document's file, in Unicode scalars (counting Characters, which needs grapheme
    /// breaking, took longer than the rest of the snippet files together): about 2 KB gzipped,
    /// ten of which a page of results downloads. The rest, up to `restText`, is in a file of its
    /// own, fetched only for a shown result whose first part does not hold the query.
    public static let snippetText = 1200
    public static let restText = 3800
    /// A title counts this many times a body word.
    static let titleWeight = 10

    /// The index files, and the number of postings in them (which sets the number of shards).
    public static func files(for documents: [SearchDocument], kinds: [String], districts: [String],
                             cache: SearchIndexCache? = nil) -> (files: [(path: String, bytes: [UInt8])], postings: Int) {
        guard let cache else {
            // Counted a slice at a time on all cores, each slice's terms moved into arrays of
            // their own size before the next is counted: every document's terms at once, each in
            // small arrays and tables, left the most memory in use of a build.
            // A slice's terms are gathered on another thread while the next slice is counted: one
            // after the other, the gathering kept one core idle.
            let gathered = GatheredTerms()
            var gathering: Concurrent<Void>?
            for start in stride(from: 0, to: documents.count, by: countingSlice) {
                let counted = Array(documents[start..<min(start + countingSlice, documents.count)]).parallelMap(SearchIndexCache.count)
                _ = gathering?.value
                gathering = Concurrent { gathered.add(counted) }
            }
            _ = gathering?.value
            let build = SearchIndexBuild(documents: documents, all: gathered.takeAll(), words: gathered.words, terms: nil, kinds: kinds,
                                         districts: districts)
            let made = (build.files, build.postingCount)
            // What is left of it is freed on another thread while planning goes on.
            retire(consume build)
            return made
        }
        // Term counts per document, on all cores, from the cache where a document is unchanged.
        let terms: [DocumentTerms] = documents.parallelMap(cache.terms(of:))
        return cache.index(documents: documents, terms: terms, kinds: kinds, districts: districts)
    }

    /// The terms of the slices counted so far, and their words. Added to by one thread at a time:
    /// each slice's gathering is waited for before the next one starts.
    private final class GatheredTerms: @unchecked Sendable {
        private var all = AllDocumentTerms()
        private(set) var words: [UInt64: String] = [:]

        func add(_ counted: [DocumentTerms]) {
            for terms in counted { words.merge(terms.words) { first, _ in first } }
            all.append(contentsOf: counted)
        }

        func takeAll() -> AllDocumentTerms {
            var taken = AllDocumentTerms()
            swap(&taken, &all)
            return taken
        }
    }

    /// Documents counted at once by a build that is not kept.
    static let countingSlice = 1024

    /// The bytes in an array of their own size: a file grown by appending holds up to twice its
    /// size, and the index's files are all held until they are written.
    static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.capacity > bytes.count + bytes.count / 8 else { return bytes }
        return [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: bytes)
        }
    }

    /// `["title","path","kind","base","district","date","names","image","text",more,"webp"]`, the
    /// text cut to `snippetText` scalars, `more` 1 when the rest of it is in `r/N.json` (`["text"]`),
    /// else 0, and `webp` only for a page with a cover.
    static func documentJSON(_ document: SearchDocument) -> (first: [UInt8], rest: [UInt8]?) {
        let text = document.shownText
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(min(text.utf8.count, 4 * snippetText) + 256)
        for field in [document.title, document.path, document.kind, document.base, document.district, document.date,
                      document.names, document.image] {
            JSONText.appendQuoted(field, to: &bytes)
            bytes.append(UInt8(ascii: ","))
        }
        let snippetEnd = JSONText.appendQuoted(text, scalars: snippetText, to: &bytes)
        let more = snippetEnd < text.utf8.count
        bytes.append(contentsOf: Array((more ? ",1" : ",0").utf8))
        if !document.imageWebP.isEmpty {
            bytes.append(UInt8(ascii: ","))
            JSONText.appendQuoted(document.imageWebP, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        guard more else { return (trimmed(bytes), nil) }
        var rest: [UInt8] = [UInt8(ascii: "[")]
        JSONText.appendQuoted(text, scalars: restText, from: snippetEnd, to: &rest)
        rest.append(UInt8(ascii: "]"))
        return (trimmed(bytes), trimmed(rest))
    }

    /// `[Δdoc,weight,…]`: document numbers as differences; or, without postings, `count`.
    static func appendPostings(_ postings: UnsafeBufferPointer<Posting>?, documents: Int, to bytes: inout IndexBytes) {
        guard let postings else {
            bytes.reserve(longestNumber)
            bytes.appendDecimal(Int32(documents))
            return
        }
        bytes.reserve(2 + postings.count * longestPosting)
        bytes.append(UInt8(ascii: "["))
        var previous = 0
        for (position, posting) in postings.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.appendDecimal(Int32(posting.document - previous))
            bytes.append(UInt8(ascii: ","))
            bytes.appendDecimal(Int32(posting.weight))
            previous = posting.document
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// `,Δdoc,weight` at its longest: two numbers of ten digits and two commas.
    private static let longestPosting = 22
    private static let longestNumber = 10
}

/// The search index of the last rebuild of a session (the preview server) and the term counts of
/// its documents, so that a rebuild counts the terms of changed documents only and rewrites only
/// the index files they touch.
public final class SearchIndexCache: @unchecked Sendable {
    // Guarded by `lock`; read from the parallel counting of documents. Keyed by path: hashing
    // whole documents (their text is most of the site) cost more than counting changed ones.
    private var entries: [String: (document: SearchDocument, terms: DocumentTerms)] = [:]
    private let lock = NSLock()
    // Used by one rebuild at a time.
    private var last: SearchIndexBuild?

    public init() {}

    /// Rebuilds that moved the postings of changed documents instead of making the index afresh.
    public private(set) var updates = 0

    func index(documents: [SearchDocument], terms: [DocumentTerms], kinds: [String], districts: [String])
        -> (files: [(path: String, bytes: [UInt8])], postings: Int) {
        keepOnly(documents)
        // Taken out while it changes, so its postings are not copied first.
        if var build = last.take(), build.update(documents: documents, terms: terms, kinds: kinds, districts: districts) {
            last = build
            updates += 1
            return (build.files, build.postingCount)
        }
        let build = SearchIndexBuild(documents: documents, all: AllDocumentTerms(terms), words: SearchIndexBuild.words(of: terms),
                                     terms: terms, kinds: kinds, districts: districts)
        last = build
        return (build.files, build.postingCount)
    }

    func terms(of document: SearchDocument) -> DocumentTerms {
        lock.lock()
        if let known = entries[document.path], known.document == document {
            lock.unlock()
            return known.terms
        }
        lock.unlock()
        let counted = Self.count(document)
        lock.lock()
        entries[document.path] = (document, counted)
        lock.unlock()
        return counted
    }

    /// Forgets documents that no longer exist, so the cache does not grow with every edit.
    private func keepOnly(_ documents: [SearchDocument]) {
        lock.lock()
        defer { lock.unlock() }
        let current = Set(documents.map(\.path))
        entries = entries.filter { current.contains($0.key) }
    }

    static func count(_ document: SearchDocument) -> DocumentTerms {
        var counts = TermCounts(capacity: (document.summary.utf8.count + document.text.utf8.count) / 4 + 64)
        var words: [UInt64: String] = [:]
        // Room for the words of a text mostly in Latin letters, made once: growing it word by word took longer.
        words.reserveCapacity(document.text.utf8.count / 32)
        SearchTokenizer.countTerms(document.title, weight: Int32(SearchIndex.titleWeight), into: &counts, words: &words)
        SearchTokenizer.countTerms(document.base + " " + document.district + " " + document.names, weight: 2, into: &counts, words: &words)
        SearchTokenizer.countTerms(document.summary, weight: 1, characters: false, into: &counts, words: &words)
        SearchTokenizer.countTerms(document.text, weight: 1, characters: false, into: &counts, words: &words)
        return DocumentTerms(counts, words: words)
    }
}
