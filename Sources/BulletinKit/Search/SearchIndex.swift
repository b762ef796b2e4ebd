import Foundation

/// One searchable page.
public struct SearchDocument: Sendable, Hashable {
    public var title: String
    /// Path relative to the site root.
    public var path: String
    public var kind: String
    public var base: String
    public var district: String
    public var date: String
    public var text: String
}

/// The build-time search index, split into files so a phone downloads only what a query needs:
/// `meta.json` (sizes, and each document's kind and district for the filters), `terms-N.json`
/// (postings of the terms whose hash falls in shard N), `docs-N.json` (titles and addresses, in
/// blocks) and `text-N.json` (text for snippets, in small blocks, fetched for shown results only).
public enum SearchIndex {
    public static let folder = "search/"
    /// Documents per `docs-N.json` block.
    public static let documentsPerBlock = 100
    /// Documents per `text-N.json` block.
    public static let textsPerBlock = 10
    /// Text kept per document for snippets, in Unicode scalars (counting Characters, which needs
    /// grapheme breaking, took longer than the rest of the snippet files together).
    public static let snippetText = 3000
    /// A title counts this many times a body word.
    static let titleWeight = 10

    public static func files(for documents: [SearchDocument], kinds: [String], districts: [String],
                             cache: SearchTermCache? = nil) -> [(path: String, text: String)] {
        // Term counts per document, on all cores (or from the cache of a session); then postings in document order.
        let perDocument: [SearchTermCache.Terms] = documents.parallelMap { document in
            cache?.terms(of: document) ?? SearchTermCache.count(document)
        }
        cache?.keepOnly(documents)
        var postings: [UInt64: [Int32]] = [:]
        var words: [UInt64: String] = [:]
        for (id, entry) in perDocument.enumerated() {
            for (term, weight) in entry.terms {
                Self.append(id: id, weight: weight, to: &postings[term, default: []])
            }
            words.merge(entry.words) { first, _ in first }
        }
        let termCount = postings.values.reduce(0) { $0 + $1.count / 2 }
        // About 20,000 postings a shard keeps each file near 100 KB.
        let shards = max(1, min(512, termCount / 20_000))
        var shardEntries = [[(term: String, postings: [Int32])]](repeating: [], count: shards)
        for (code, list) in postings {
            let term = SearchTokenizer.term(of: code, words: words)
            shardEntries[SearchTokenizer.shard(of: term, count: shards)].append((term, list))
        }
        var files: [(String, String)] = []
        let blocks = (documents.count + documentsPerBlock - 1) / documentsPerBlock
        let textBlocks = (documents.count + textsPerBlock - 1) / textsPerBlock
        let meta: [String: Any] = [
            "documents": documents.count, "shards": shards, "block": documentsPerBlock, "textBlock": textsPerBlock,
            "kinds": kinds, "districts": districts,
            "kind": documents.map { kinds.firstIndex(of: $0.kind) ?? -1 },
            "district": documents.map { districts.firstIndex(of: $0.district) ?? -1 },
        ]
        files.append((folder + "meta.json", json(meta)))
        for (index, text) in shardEntries.parallelMap(shardJSON).enumerated() {
            files.append((folder + "terms-\(index).json", text))
        }
        for block in 0..<blocks {
            let slice = documents[(block * documentsPerBlock)..<min(documents.count, (block + 1) * documentsPerBlock)]
            files.append((folder + "docs-\(block).json", jsonRows(slice.map { [$0.title, $0.path, $0.kind, $0.base, $0.district, $0.date] })))
        }
        let texts = Array(0..<textBlocks).parallelMap { block in
            let slice = documents[(block * textsPerBlock)..<min(documents.count, (block + 1) * textsPerBlock)]
            return jsonStrings(slice.map { String($0.text.unicodeScalars.prefix(snippetText)) })
        }
        for (block, text) in texts.enumerated() {
            files.append((folder + "text-\(block).json", text))
        }
        return files
    }

    /// One posting is two numbers; appended in place, with no array made per posting.
    private static func append(id: Int, weight: Int, to list: inout [Int32]) {
        list.append(Int32(id))
        list.append(Int32(weight))
    }

    /// `{"term":[Δdoc,weight,…],…}` with terms sorted and document numbers as differences.
    /// Written by hand, as bytes: terms are Chinese characters or [a-z0-9] words, never needing escapes.
    static func shardJSON(_ entries: [(term: String, postings: [Int32])]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(entries.reduce(2) { $0 + $1.term.utf8.count + 4 + 6 * $1.postings.count })
        for (index, entry) in entries.sorted(by: { $0.term < $1.term }).enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: entry.term.utf8)
            bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":"), UInt8(ascii: "[")])
            var previous: Int32 = 0
            for position in stride(from: 0, to: entry.postings.count, by: 2) {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                appendDecimal(entry.postings[position] - previous, to: &bytes)
                bytes.append(UInt8(ascii: ","))
                appendDecimal(entry.postings[position + 1], to: &bytes)
                previous = entry.postings[position]
            }
            bytes.append(UInt8(ascii: "]"))
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A non-negative number in decimal digits.
    private static func appendDecimal(_ number: Int32, to bytes: inout [UInt8]) {
        var divisor: Int32 = 1
        while divisor <= number / 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(number / divisor % 10))
            divisor /= 10
        }
    }

    static func jsonRows(_ rows: [[String]]) -> String {
        "[" + rows.map(jsonStrings).joined(separator: ",") + "]"
    }

    static func jsonStrings(_ strings: [String]) -> String {
        "[" + strings.map(jsonString).joined(separator: ",") + "]"
    }

    /// A JSON string literal; only quotes, backslashes and control characters need escapes.
    static func jsonString(_ text: String) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(text.utf8.count + 2)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [92, 34]
            case UInt8(ascii: "\\"): bytes += [92, 92]
            case 0x0A: bytes += [92, UInt8(ascii: "n")]
            case 0x0D: bytes += [92, UInt8(ascii: "r")]
            case 0x09: bytes += [92, UInt8(ascii: "t")]
            case 0..<0x20: bytes += Array(String(format: "\\u%04x", byte).utf8)
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Sorted keys and no extra spaces: the same content always gives the same bytes.
    static func json(_ value: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Term counts of search documents kept between rebuilds of one session (the preview server), so
/// a rebuild counts the terms of changed documents only.
public final class SearchTermCache: @unchecked Sendable {
    public typealias Terms = (terms: [(UInt64, Int)], words: [UInt64: String])
    // Guarded by `lock`; read from the parallel counting of documents. Keyed by path: hashing
    // whole documents (their text is most of the site) cost more than counting changed ones.
    private var entries: [String: (document: SearchDocument, terms: Terms)] = [:]
    private let lock = NSLock()

    public init() {}

    func terms(of document: SearchDocument) -> Terms {
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
    func keepOnly(_ documents: [SearchDocument]) {
        lock.lock()
        defer { lock.unlock() }
        let current = Set(documents.map(\.path))
        entries = entries.filter { current.contains($0.key) }
    }

    static func count(_ document: SearchDocument) -> Terms {
        var counts = TermCounts(capacity: document.text.utf8.count / 2 + 64)
        var words: [UInt64: String] = [:]
        SearchTokenizer.countTerms(document.title, weight: Int32(SearchIndex.titleWeight), into: &counts, words: &words)
        SearchTokenizer.countTerms(document.base + " " + document.district, weight: 2, into: &counts, words: &words)
        SearchTokenizer.countTerms(document.text, weight: 1, into: &counts, words: &words)
        // In no particular order: postings are kept per term, in document order.
        return (counts.pairs.map { ($0.0, min($0.1, 999)) }, words)
    }
}
