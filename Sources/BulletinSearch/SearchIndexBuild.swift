import BulletinSupport

/// One search index with what it was made from: its files, and the postings behind them. A session
/// keeps the last one, so that when the same documents come again, in the same order, with only
/// some of them changed, just those documents' postings are moved and only the files they touch
/// are written again. Anything else (a document added, removed or moved, another number of
/// shards) makes the index afresh.
struct SearchIndexBuild {
    typealias Terms = SearchIndexCache.Terms

    private(set) var documents: [SearchDocument]
    private var terms: [Terms]
    private var kinds: [String]
    private var districts: [String]
    private var postings = PartitionedPostings()
    private var words: [UInt64: String] = [:]
    private(set) var postingCount = 0
    private var shardCount = 1
    /// The term numbers of each shard.
    private var shardTerms: [Set<UInt64>] = []
    private var kindIndexes: [Int] = []
    private var districtIndexes: [Int] = []
    /// `meta.json`, then `terms-N.json`, `docs-N.json` and `text-N.json` in order.
    /// Kept as bytes: made as bytes, and validating them as text cost more than writing them.
    private(set) var files: [(path: String, bytes: [UInt8])] = []

    init(documents: [SearchDocument], terms: [Terms], kinds: [String], districts: [String]) {
        self.documents = documents
        self.terms = terms
        self.kinds = kinds
        self.districts = districts
        postingCount = terms.reduce(0) { $0 + $1.terms.count }
        postings = PartitionedPostings(terms, capacity: postingCount / 16)
        for entry in terms {
            words.merge(entry.words) { first, _ in first }
        }
        shardCount = Self.shardCount(postings: postingCount)
        shardTerms = [Set<UInt64>](repeating: [], count: shardCount)
        for code in postings.terms {
            shardTerms[shard(of: code)].insert(code)
        }
        (kindIndexes, districtIndexes) = indexes()
        let blocks = Self.blocks(documents.count, SearchIndex.documentsPerBlock)
        let textBlocks = Self.blocks(documents.count, SearchIndex.textsPerBlock)
        files.append((SearchIndex.folder + "meta.json", Array(meta().utf8)))
        let made = self
        for (index, bytes) in Array(0..<shardCount).parallelMap(made.shardFile).enumerated() {
            files.append((SearchIndex.folder + "terms-\(index).json", bytes))
        }
        for block in 0..<blocks {
            files.append((SearchIndex.folder + "docs-\(block).json", docsFile(block)))
        }
        for (block, bytes) in Array(0..<textBlocks).parallelMap(made.textFile).enumerated() {
            files.append((SearchIndex.folder + "text-\(block).json", bytes))
        }
    }

    /// Moves the postings of the documents that changed. Returns false, leaving the index as it
    /// was, when the documents are not the same ones in the same order, or the shards would change.
    mutating func update(documents newDocuments: [SearchDocument], terms newTerms: [Terms], kinds newKinds: [String],
                         districts newDistricts: [String]) -> Bool {
        guard newDocuments.count == documents.count, newKinds == kinds, newDistricts == districts else { return false }
        var changed: [Int] = []
        for id in newDocuments.indices {
            guard newDocuments[id].path == documents[id].path else { return false }
            if newDocuments[id] != documents[id] { changed.append(id) }
        }
        return replace(changed.map { ($0, newDocuments[$0], newTerms[$0]) }) != nil
    }

    /// Puts each document in the place of the one with its number, moving its postings. Returns
    /// the indexes in `files` of the files that changed, or nil, leaving the index as it was,
    /// when the shards would change.
    mutating func replace(_ changed: [(id: Int, document: SearchDocument, terms: Terms)]) -> [Int]? {
        if changed.isEmpty { return [] }
        let removed = changed.reduce(0) { $0 + terms[$1.id].terms.count }
        let added = changed.reduce(0) { $0 + $1.terms.terms.count }
        guard Self.shardCount(postings: postingCount - removed + added) == shardCount else { return nil }

        var touchedShards = Set<Int>()
        for (id, document, newTerms) in changed {
            words.merge(newTerms.words) { first, _ in first }
            for (term, weight) in Self.weightChanges(from: terms[id], to: newTerms) {
                let shard = shard(of: term)
                touchedShards.insert(shard)
                postings.update(term) { Self.move(id: id, to: weight, in: &$0) }
                if postings[term].isEmpty { shardTerms[shard].remove(term) } else { shardTerms[shard].insert(term) }
            }
            documents[id] = document
            terms[id] = newTerms
        }
        postingCount += added - removed

        var touchedFiles: [Int] = []
        let (newKindIndexes, newDistrictIndexes) = indexes()
        if newKindIndexes != kindIndexes || newDistrictIndexes != districtIndexes {
            (kindIndexes, districtIndexes) = (newKindIndexes, newDistrictIndexes)
            files[0].bytes = Array(meta().utf8)
            touchedFiles.append(0)
        }
        let shards = touchedShards.sorted()
        let updated = self
        for (shard, bytes) in zip(shards, shards.parallelMap(updated.shardFile)) {
            files[1 + shard].bytes = bytes
            touchedFiles.append(1 + shard)
        }
        let docsStart = 1 + shardCount
        let textStart = docsStart + Self.blocks(documents.count, SearchIndex.documentsPerBlock)
        for block in Set(changed.map { $0.id / SearchIndex.documentsPerBlock }).sorted() {
            files[docsStart + block].bytes = docsFile(block)
            touchedFiles.append(docsStart + block)
        }
        for block in Set(changed.map { $0.id / SearchIndex.textsPerBlock }).sorted() {
            files[textStart + block].bytes = textFile(block)
            touchedFiles.append(textStart + block)
        }
        return touchedFiles
    }

    // MARK: postings

    /// About 20,000 postings a shard keeps each file near 100 KB.
    static func shardCount(postings: Int) -> Int {
        max(1, min(512, postings / 20_000))
    }

    private func shard(of code: UInt64) -> Int {
        SearchTokenizer.shard(of: SearchTokenizer.term(of: code, words: words), count: shardCount)
    }

    /// One posting is two numbers, document and weight; appended in place, with no array made per posting.
    static func append(id: Int, weight: Int, to list: inout [Int32]) {
        list.append(Int32(id))
        list.append(Int32(weight))
    }

    /// The terms whose weight in a document changed from `old` to `new`, each with its new weight
    /// (nil: the term left the document). Only their postings move: a sentence added to a body
    /// touches the shards of its own terms, not of every term of the document.
    static func weightChanges(from old: Terms, to new: Terms) -> [(term: UInt64, weight: Int?)] {
        let oldWeights = Dictionary(old.terms, uniquingKeysWith: { first, _ in first })
        let newWeights = Dictionary(new.terms, uniquingKeysWith: { first, _ in first })
        return Set(oldWeights.keys).union(newWeights.keys).compactMap { term in
            oldWeights[term] == newWeights[term] ? nil : (term, newWeights[term])
        }
    }

    /// Gives document `id` its new weight in a list kept in document order, or takes it out (nil).
    static func move(id: Int, to weight: Int?, in list: inout [Int32]) {
        var low = 0
        var high = list.count / 2
        while low < high {
            let middle = (low + high) / 2
            if Int(list[2 * middle]) < id { low = middle + 1 } else { high = middle }
        }
        let position = 2 * low
        if position < list.count, Int(list[position]) == id { list.removeSubrange(position..<(position + 2)) }
        if let weight { list.insert(contentsOf: [Int32(id), Int32(weight)], at: position) }
    }

    // MARK: files

    private static func blocks(_ count: Int, _ size: Int) -> Int {
        (count + size - 1) / size
    }

    private func indexes() -> ([Int], [Int]) {
        (documents.map { kinds.firstIndex(of: $0.kind) ?? -1 }, documents.map { districts.firstIndex(of: $0.district) ?? -1 })
    }

    /// Written by hand, its keys in sorted order: Foundation's encoder took 4 ms per 1,000 documents.
    private func meta() -> String {
        func numbers(_ values: [Int]) -> String { "[" + values.map(String.init).joined(separator: ",") + "]" }
        let fields = [
            ("block", String(SearchIndex.documentsPerBlock)), ("district", numbers(districtIndexes)),
            ("districts", JSONText.array(districts)), ("documents", String(documents.count)), ("kind", numbers(kindIndexes)),
            ("kinds", JSONText.array(kinds)), ("shards", String(shardCount)), ("textBlock", String(SearchIndex.textsPerBlock)),
        ]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    private func shardFile(_ shard: Int) -> [UInt8] {
        SearchIndex.shardJSON(shardTerms[shard].map { (SearchTokenizer.term(of: $0, words: words), postings[$0]) })
    }

    private func docsFile(_ block: Int) -> [UInt8] {
        let slice = documents[(block * SearchIndex.documentsPerBlock)..<min(documents.count, (block + 1) * SearchIndex.documentsPerBlock)]
        return JSONText.rows(slice.map { [$0.title, $0.path, $0.kind, $0.base, $0.district, $0.date] })
    }

    private func textFile(_ block: Int) -> [UInt8] {
        let slice = documents[(block * SearchIndex.textsPerBlock)..<min(documents.count, (block + 1) * SearchIndex.textsPerBlock)]
        return SearchIndex.textBlockJSON(slice.map(\.text))
    }
}
