import BulletinSupport

/// One search index with what it was made from: its files, and the postings behind them. A session
/// keeps the last one, so that when the same documents come again, in the same order, with only
/// some of them changed, just those documents' postings are moved and only the files they touch
/// are written again. Anything else (a document added, removed or moved, another number of
/// shards) makes the index afresh.
struct SearchIndexBuild {
    private(set) var documents: [SearchDocument]
    private var terms: [DocumentTerms]
    private var kinds: [String]
    private var districts: [String]
    private var postings = Postings()
    private var words: [UInt64: String] = [:]
    private(set) var postingCount = 0
    /// Postings of the terms that are not common: what the shards hold.
    private var rarePostingCount = 0
    private var shardCount = 1
    /// Documents from which a term's postings go to a file of their own.
    private var commonFrom = 1
    /// The term numbers of each common term's file, by the hash of the term.
    private var commonTerms: [UInt32: Set<UInt64>] = [:]
    private var kindIndexes: [Int] = []
    private var districtIndexes: [Int] = []
    // Kept as bytes: made as bytes, and validating them as text cost more than writing them.
    private var metaFile: [UInt8] = []
    private var shardFiles: [[UInt8]] = []
    private var commonFiles: [UInt32: [UInt8]] = [:]
    private var documentFiles: [(first: [UInt8], rest: [UInt8]?)] = []

    /// `all`: the terms of every document; `words`: the text of every word among them. `terms`:
    /// each document's terms, kept with the postings for `update` and `replace`. Without them (a
    /// build that is never updated) the postings go once the files made from them are, before
    /// the documents' files are made: on text of a large vocabulary each is hundreds of megabytes.
    init(documents: [SearchDocument], all: consuming AllDocumentTerms, words: [UInt64: String], terms: [DocumentTerms]?,
         kinds: [String], districts: [String]) {
        precondition(documents.count <= Posting.documentLimit, "a search index numbers at most \(Posting.documentLimit) documents")
        self.documents = documents
        self.kinds = kinds
        self.districts = districts
        self.words = words
        self.terms = terms ?? []
        postingCount = all.count
        commonFrom = Self.commonFrom(documents: documents.count)
        let known = words
        postings = Postings(consume all, hash: { SearchTokenizer.hash(of: $0, words: known) }, commonFrom: commonFrom,
                            shardCount: Self.shardCount(postings:))
        shardCount = postings.shardCount
        postings.forEachTerm { term, documents, hash in
            if documents >= commonFrom {
                commonTerms[hash, default: []].insert(term.code)
            } else {
                rarePostingCount += documents
            }
        }
        (kindIndexes, districtIndexes) = indexes()
        metaFile = meta()
        do {
            let made = self
            shardFiles = Array(0..<shardCount).parallelMap { made.shardFile($0) }
            let hashes = Array(commonTerms.keys)
            commonFiles = Dictionary(uniqueKeysWithValues: zip(hashes, hashes.parallelMap { made.commonFile($0) }))
        }
        if terms == nil {
            // Nothing more is made from the postings: they go before the documents' files are
            // made, so that both are never held at once.
            postings = Postings()
        }
        documentFiles = documents.parallelMap(SearchIndex.documentJSON)
    }

    /// The text of every word among documents' terms.
    static func words(of terms: [DocumentTerms]) -> [UInt64: String] {
        var words: [UInt64: String] = [:]
        for entry in terms { words.merge(entry.words) { first, _ in first } }
        return words
    }

    /// `meta.json`, then `terms-N.json` in order, `t/HASH.json` in the order of their names, `d/N.json` and `r/N.json` in order.
    var files: [(path: String, bytes: [UInt8])] {
        var files: [(path: String, bytes: [UInt8])] = [(SearchIndex.folder + "meta.json", metaFile)]
        files.reserveCapacity(1 + shardFiles.count + commonFiles.count + 2 * documentFiles.count)
        for (index, bytes) in shardFiles.enumerated() {
            files.append((SearchIndex.folder + "terms-\(index).json", bytes))
        }
        for hash in commonFiles.keys.sorted() {
            files.append((SearchIndex.folder + Self.commonName(hash), commonFiles[hash]!))
        }
        for (index, bytes) in documentFiles.enumerated() {
            files.append((SearchIndex.folder + "d/\(index).json", bytes.first))
        }
        for (index, bytes) in documentFiles.enumerated() {
            if let rest = bytes.rest { files.append((SearchIndex.folder + "r/\(index).json", rest)) }
        }
        return files
    }

    /// Moves the postings of the documents that changed. Returns false when the documents are not
    /// the same ones in the same order, or the shards would change: the index is then to be made afresh.
    mutating func update(documents newDocuments: [SearchDocument], terms newTerms: [DocumentTerms], kinds newKinds: [String],
                         districts newDistricts: [String]) -> Bool {
        guard terms.count == documents.count, newDocuments.count == documents.count, newKinds == kinds, newDistricts == districts
        else { return false }
        var changed: [Int] = []
        for id in newDocuments.indices {
            guard newDocuments[id].path == documents[id].path else { return false }
            if newDocuments[id] != documents[id] { changed.append(id) }
        }
        return replace(changed.map { ($0, newDocuments[$0], newTerms[$0]) })
    }

    /// Puts each document in the place of the one with its number, moving its postings and
    /// making again the files they touch. Returns false when the number of shards would change:
    /// the index is then to be made afresh, and this one is left half changed.
    mutating func replace(_ changed: [(id: Int, document: SearchDocument, terms: DocumentTerms)]) -> Bool {
        if changed.isEmpty { return true }
        let removed = changed.reduce(0) { $0 + terms[$1.id].count }
        let added = changed.reduce(0) { $0 + $1.terms.count }

        var touchedShards = Set<Int>()
        var touchedCommon = Set<UInt32>()
        var commonChanged = false
        for (id, document, newTerms) in changed {
            words.merge(newTerms.words) { first, _ in first }
            for (code, weight) in Self.weightChanges(from: terms[id], to: newTerms) {
                let hash = SearchTokenizer.hash(of: code, words: words)
                let shard = Int(hash % UInt32(shardCount))
                touchedShards.insert(shard)
                let before = postings.documents(code, hash: hash)
                let wasCommon = before >= commonFrom
                if !wasCommon { rarePostingCount -= before }
                postings.update(code, hash: hash) { Self.move(id: id, to: weight, in: &$0) }
                let after = postings.documents(code, hash: hash)
                let isCommon = after >= commonFrom
                if !isCommon { rarePostingCount += after }
                if wasCommon || isCommon { touchedCommon.insert(hash) }
                if wasCommon != isCommon { commonChanged = true }
                if isCommon { commonTerms[hash, default: []].insert(code) } else { commonTerms[hash]?.remove(code) }
                if commonTerms[hash]?.isEmpty == true { commonTerms[hash] = nil }
            }
            documents[id] = document
            terms[id] = newTerms
            documentFiles[id] = SearchIndex.documentJSON(document)
        }
        postingCount += added - removed
        guard Self.shardCount(postings: rarePostingCount) == shardCount else { return false }

        let (newKindIndexes, newDistrictIndexes) = indexes()
        if newKindIndexes != kindIndexes || newDistrictIndexes != districtIndexes || commonChanged {
            (kindIndexes, districtIndexes) = (newKindIndexes, newDistrictIndexes)
            metaFile = meta()
        }
        let updated = self
        let shards = touchedShards.sorted()
        for (shard, bytes) in zip(shards, shards.parallelMap(updated.shardFile)) {
            shardFiles[shard] = bytes
        }
        for hash in touchedCommon {
            commonFiles[hash] = commonTerms[hash] == nil ? nil : commonFile(hash)
        }
        return true
    }

    // MARK: postings

    /// A shard for every 1,500 to 3,000 postings of rare terms (10 KB gzipped or less, where terms
    /// are mostly pairs found once): what a query for a rare word downloads. A power of two, so
    /// that an edit seldom changes the count.
    static func shardCount(postings: Int) -> Int {
        let wanted = postings / 3_000
        return wanted == 0 ? 1 : 1 << (Int.bitWidth - wanted.leadingZeroBitCount)
    }

    /// A term in a twentieth of the documents or more is common: its postings alone are as large
    /// as a shard of rare terms, and a query for it downloads them and nothing else.
    static func commonFrom(documents: Int) -> Int {
        max(8, documents / 20)
    }

    private func term(_ code: UInt64) -> String {
        SearchTokenizer.term(of: code, words: words)
    }

    static func commonName(_ hash: UInt32) -> String {
        let digits = String(hash, radix: 16)
        return "t/" + String(repeating: "0", count: 8 - digits.count) + digits + ".json"
    }

    /// The terms whose weight in a document changed from `old` to `new`, each with its new weight
    /// (nil: the term left the document). Only their postings move: a sentence added to a body
    /// touches the shards of its own terms, not of every term of the document.
    static func weightChanges(from old: DocumentTerms, to new: DocumentTerms) -> [(term: UInt64, weight: Int?)] {
        let oldWeights = old.weightsByTerm
        let newWeights = new.weightsByTerm
        return Set(oldWeights.keys).union(newWeights.keys).compactMap { term in
            oldWeights[term] == newWeights[term] ? nil : (term, newWeights[term])
        }
    }

    /// Gives document `id` its new weight in a list kept in document order, or takes it out (nil).
    static func move(id: Int, to weight: Int?, in list: inout [Posting]) {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].document < id { low = middle + 1 } else { high = middle }
        }
        if low < list.count, list[low].document == id { list.remove(at: low) }
        if let weight { list.insert(Posting(document: id, weight: weight), at: low) }
    }

    // MARK: files

    private func indexes() -> ([Int], [Int]) {
        (documents.map { kinds.firstIndex(of: $0.kind) ?? -1 }, documents.map { districts.firstIndex(of: $0.district) ?? -1 })
    }

    /// Written by hand, its keys in sorted order: Foundation's encoder took 4 ms per 1,000 documents.
    /// It lists the common terms, so that a query for one fetches its file and not its shard too.
    private func meta() -> [UInt8] {
        func numbers(_ values: [Int]) -> String { "[" + values.map(String.init).joined(separator: ",") + "]" }
        let common = commonTerms.values.flatMap { $0.map(term) }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let fields = [
            ("common", JSONText.array(common)), ("district", numbers(districtIndexes)), ("districts", JSONText.array(districts)),
            ("documents", String(documents.count)), ("glossary", JSONText.array(SearchGlossary.words)),
            ("kind", numbers(kindIndexes)), ("kinds", JSONText.array(kinds)), ("shards", String(shardCount)),
        ]
        return Array(("{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}").utf8)
    }

    /// `{"term":[Δdoc,weight,…],"common":count,…}`, in `Postings.precedes` order of the term
    /// numbers: the same every build, and not made of strings (comparing terms as text took
    /// longer than writing them). A common term
    /// gives its number of documents, its postings being in a file of their own.
    private func shardFile(_ shard: Int) -> [UInt8] {
        termsFile { entry in
            postings.forEachTerm(inShard: shard) { term, list in
                entry(term.code, list.count >= commonFrom ? nil : list, list.count)
            }
        }
    }

    /// `{"term":[Δdoc,weight,…]}`: the postings of the common terms with this hash (one, but for a clash).
    private func commonFile(_ hash: UInt32) -> [UInt8] {
        termsFile { entry in
            postings.forEach(commonTerms[hash, default: []].sorted().map { postings.term($0, hash: hash) }) { term, list in
                entry(term.code, list, list.count)
            }
        }
    }

    /// `{"term":…,…}` of the terms `entries` gives in turn, each with its postings, or (nil) with
    /// its number of documents alone.
    private func termsFile(_ entries: ((UInt64, UnsafeBufferPointer<Posting>?, Int) -> Void) -> Void) -> [UInt8] {
        var bytes = IndexBytes()
        bytes.reserve(1)
        bytes.append(UInt8(ascii: "{"))
        var first = true
        entries { code, postings, documents in
            bytes.reserve(2)
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            bytes.append(UInt8(ascii: "\""))
            SearchTokenizer.appendTerm(of: code, words: words, to: &bytes)
            bytes.reserve(2)
            bytes.append(UInt8(ascii: "\""))
            bytes.append(UInt8(ascii: ":"))
            SearchIndex.appendPostings(postings, documents: documents, to: &bytes)
        }
        bytes.reserve(1)
        bytes.append(UInt8(ascii: "}"))
        return bytes.bytes()
    }
}
