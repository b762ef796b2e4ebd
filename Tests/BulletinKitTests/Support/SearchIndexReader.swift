import Foundation
import Testing
@testable import BulletinSearch

/// Reads a built search index the way search.js does: meta, the query's shards, a common term's
/// own file, and the documents of the results.
struct SearchIndexReader {
    let read: (String) throws -> Data
    /// Files already parsed, as the browser keeps them.
    private let parsed = Parsed()

    private final class Parsed: @unchecked Sendable {
        var files: [String: Any] = [:]
    }

    /// Reads the files of `files` (paths inside the site, `search/...`).
    init(files: [(path: String, bytes: [UInt8])]) {
        let byPath = Dictionary(files.map { ($0.path, Data($0.bytes)) }, uniquingKeysWith: { first, _ in first })
        read = { path in
            guard let data = byPath[path] else { throw CocoaError(.fileNoSuchFile) }
            return data
        }
    }

    /// Reads the files of a built site's folder.
    init(site: URL) {
        read = { path in try Data(contentsOf: site.appendingPathComponent(path)) }
    }

    func json(_ path: String) throws -> Any {
        if let known = parsed.files[path] { return known }
        let value = try JSONSerialization.jsonObject(with: read(SearchIndex.folder + path))
        parsed.files[path] = value
        return value
    }

    var meta: [String: Any] { get throws { try json("meta.json") as! [String: Any] } }

    /// The postings of a term, document by document, with their weights.
    func postings(_ term: String) throws -> [(document: Int, weight: Int)] {
        let shards = try meta["shards"] as! Int
        let shard = try json("terms-\(SearchTokenizer.shard(of: term, count: shards)).json") as! [String: Any]
        var flat: [Int]
        switch shard[term] {
        case let list as [Int]:
            flat = list
            #expect(try !(meta["common"] as! [String]).contains(term))
        case let count as Int:
            #expect(try (meta["common"] as! [String]).contains(term))
            let common = try json(SearchIndexBuild.commonName(SearchTokenizer.hash(term))) as! [String: [Int]]
            flat = common[term]!
            #expect(flat.count == 2 * count)
        default: flat = []
        }
        var document = 0
        return stride(from: 0, to: flat.count, by: 2).map { index in
            document += flat[index]
            return (document, flat[index + 1])
        }
    }

    /// The documents holding every term of the query, in document order.
    func documents(matching query: String) throws -> [Int] {
        var found: Set<Int>?
        for term in SearchTokenizer.queryTerms(query) {
            let documents = Set(try postings(term).map(\.document))
            found = found.map { $0.intersection(documents) } ?? documents
        }
        return (found ?? []).sorted()
    }

    /// `d/N.json`: title, path, kind, base, district, date, names, image, text, with the rest of
    /// a long text from `r/N.json`, and the image in WebP (empty without a cover).
    func document(_ number: Int) throws -> [String] {
        let row = try json("d/\(number).json") as! [Any]
        var fields = row.prefix(9).map { $0 as! String }
        if row[9] as! Int == 1 { fields[8] += (try json("r/\(number).json") as! [String])[0] }
        return fields + [row.count > 10 ? row[10] as! String : ""]
    }
}
