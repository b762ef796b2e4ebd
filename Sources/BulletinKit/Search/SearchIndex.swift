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
    /// Text kept per document for snippets.
    public static let snippetText = 3000
    /// A title counts this many times a body word.
    static let titleWeight = 10

    public static func files(for documents: [SearchDocument], kinds: [String], districts: [String]) -> [(path: String, text: String)] {
        var postings: [String: [(doc: Int, weight: Int)]] = [:]
        for (id, document) in documents.enumerated() {
            var weights: [String: Int] = [:]
            for term in SearchTokenizer.indexTerms(document.title) { weights[term, default: 0] += titleWeight }
            for term in SearchTokenizer.indexTerms(document.base + " " + document.district) { weights[term, default: 0] += 2 }
            for term in SearchTokenizer.indexTerms(document.text) { weights[term, default: 0] += 1 }
            for (term, weight) in weights { postings[term, default: []].append((id, min(weight, 999))) }
        }
        let termCount = postings.values.reduce(0) { $0 + $1.count }
        // About 20,000 postings a shard keeps each file near 100 KB.
        let shards = max(1, min(512, termCount / 20_000))
        var shardTerms = [[String: [Int]]](repeating: [:], count: shards)
        for (term, list) in postings {
            var flat: [Int] = []
            flat.reserveCapacity(list.count * 2)
            var previous = 0
            for (doc, weight) in list {
                flat.append(doc - previous)
                flat.append(weight)
                previous = doc
            }
            shardTerms[SearchTokenizer.shard(of: term, count: shards)][term] = flat
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
        for (index, terms) in shardTerms.enumerated() {
            files.append((folder + "terms-\(index).json", json(terms)))
        }
        for block in 0..<blocks {
            let slice = documents[(block * documentsPerBlock)..<min(documents.count, (block + 1) * documentsPerBlock)]
            files.append((folder + "docs-\(block).json", json(slice.map { [$0.title, $0.path, $0.kind, $0.base, $0.district, $0.date] })))
        }
        for block in 0..<textBlocks {
            let slice = documents[(block * textsPerBlock)..<min(documents.count, (block + 1) * textsPerBlock)]
            files.append((folder + "text-\(block).json", json(slice.map { String($0.text.prefix(snippetText)) })))
        }
        return files
    }

    /// Sorted keys and no extra spaces: the same content always gives the same bytes.
    static func json(_ value: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
