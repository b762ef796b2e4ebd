/// Changes a published search index for documents whose text alone changed (`BodyEditBuild`),
/// from the few files they touch, read back: the text block that holds a document's old text, and
/// the term files of the terms whose weight changed. The result is what a whole build writes.
enum SearchIndexPatch {
    /// The changed files, and the index's new number of postings; nil when it cannot be done so:
    /// an old text was cut for snippets (its terms are not all known), the number of term files
    /// would change, or a file does not read as the index writes it. `read` gives a file of the
    /// published index by its path, or nil.
    static func files(replacing changes: [(id: Int, document: SearchDocument)], postings: Int,
                      read: @Sendable (String) -> [UInt8]?) -> (files: [(path: String, bytes: [UInt8])], postings: Int)? {
        var textBlocks: [Int: [String]] = [:]
        var counts: [(id: Int, old: SearchIndexCache.Terms, new: SearchIndexCache.Terms)] = []
        for (id, document) in changes {
            let block = id / SearchIndex.textsPerBlock
            if textBlocks[block] == nil {
                guard let bytes = read(textPath(block)), let texts = JSONText.parseStrings(bytes) else { return nil }
                textBlocks[block] = texts
            }
            guard let oldText = textBlocks[block]?[safe: id % SearchIndex.textsPerBlock],
                  oldText.unicodeScalars.count < SearchIndex.snippetText
            else { return nil }
            textBlocks[block]![id % SearchIndex.textsPerBlock] = document.text
            var previous = document
            previous.text = oldText
            counts.append((id, SearchIndexCache.count(previous), SearchIndexCache.count(document)))
        }

        guard (0 ..< 1 << 40).contains(postings) else { return nil }
        let newPostings = postings + counts.reduce(0) { $0 + $1.new.terms.count - $1.old.terms.count }
        let shardCount = SearchIndexBuild.shardCount(postings: postings)
        guard SearchIndexBuild.shardCount(postings: newPostings) == shardCount else { return nil }
        // The new weight of each changed term, by document (nil: the term left the document).
        // Terms are told apart by their bytes: Swift's strings hold canonically equivalent ones
        // (a compatibility ideograph and the ideograph it stands for) equal, the index does not.
        var changedTerms: [[UInt8]: [(id: Int, weight: Int?)]] = [:]
        var shards: [Int: [[UInt8]]] = [:]
        for (id, old, new) in counts {
            let words = old.words.merging(new.words) { first, _ in first }
            for (code, weight) in SearchIndexBuild.weightChanges(from: old, to: new) {
                let term = SearchTokenizer.term(of: code, words: words)
                let key = Array(term.utf8)
                if changedTerms[key] == nil {
                    shards[SearchTokenizer.shard(of: term, count: shardCount), default: []].append(key)
                }
                changedTerms[key, default: []].append((id, weight))
            }
        }

        // A term file is about 100 KB: each is read, changed and written again on its own core.
        let changes = changedTerms
        let termFiles = shards.sorted(by: { $0.key < $1.key }).parallelMap { shard, terms -> (path: String, bytes: [UInt8])? in
            let path = SearchIndex.folder + "terms-\(shard).json"
            guard let bytes = read(path), var postingsByTerm = parseShard(bytes) else { return nil }
            for term in terms {
                var list = postingsByTerm[term] ?? []
                for (id, weight) in changes[term]! {
                    SearchIndexBuild.move(id: id, to: weight, in: &list)
                }
                postingsByTerm[term] = list.isEmpty ? nil : list
            }
            return (path, SearchIndex.shardJSON(postingsByTerm.map { (String(decoding: $0.key, as: UTF8.self), $0.value) }))
        }
        guard termFiles.allSatisfy({ $0 != nil }) else { return nil }
        var files = termFiles.map { $0! }
        for (block, texts) in textBlocks.sorted(by: { $0.key < $1.key }) {
            files.append((textPath(block), SearchIndex.textBlockJSON(texts)))
        }
        return (files, newPostings)
    }

    private static func textPath(_ block: Int) -> String {
        SearchIndex.folder + "text-\(block).json"
    }

    /// `{"term":[Δdoc,weight,…],…}` back to each term's postings, with document numbers whole.
    /// Terms never need escapes (see `SearchIndex.shardJSON`); anything else is refused.
    static func parseShard(_ bytes: [UInt8]) -> [[UInt8]: [Int32]]? {
        var result: [[UInt8]: [Int32]] = [:]
        var index = 0
        func expect(_ character: Character) -> Bool {
            guard index < bytes.count, bytes[index] == character.asciiValue! else { return false }
            index += 1
            return true
        }
        func number() -> Int32? {
            var value: Int32 = 0
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]), index - start < 9 {
                value = value * 10 + Int32(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            return index > start ? value : nil
        }
        guard expect("{") else { return nil }
        if expect("}") { return index == bytes.count ? result : nil }
        repeat {
            guard expect("\"") else { return nil }
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") { index += 1 }
            let term = Array(bytes[start..<index])
            guard expect("\""), expect(":"), expect("[") else { return nil }
            var list: [Int32] = []
            var document: Int32 = 0
            if !expect("]") {
                repeat {
                    guard let delta = number(), expect(","), let weight = number() else { return nil }
                    let (sum, overflow) = document.addingReportingOverflow(delta)
                    guard !overflow else { return nil }
                    document = sum
                    list.append(document)
                    list.append(weight)
                } while expect(",")
                guard expect("]") else { return nil }
            }
            result[term] = list
        } while expect(",")
        guard expect("}"), index == bytes.count else { return nil }
        return result
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
