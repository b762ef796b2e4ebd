import BulletinSupport

/// A document holding a term, with the term's weight in it, in one number: the document in the
/// high bits, the weight (at most `DocumentTerms.maximumWeight`) in the low ten. Two numbers a
/// posting held the most memory of a build on text of a large vocabulary: 15 million postings
/// at 10,000 write-ups.
struct Posting: Sendable, Equatable {
    static let weightBits = 10
    /// Documents an index can number.
    static let documentLimit = 1 << (32 - weightBits)

    private let bits: UInt32

    init(document: Int, weight: Int) {
        assert(document < Self.documentLimit && weight < 1 << Self.weightBits)
        bits = UInt32(document) << Self.weightBits | UInt32(weight)
    }

    var document: Int { Int(bits >> Self.weightBits) }
    var weight: Int { Int(bits & (1 << Self.weightBits - 1)) }
}

/// The postings of every term: for each term, the documents holding it with its weight in each,
/// in document order. All terms' postings are in one flat array, made bucket by bucket: a bucket
/// holds the terms whose number falls in it, is made on its own core from every document's
/// terms of that bucket (`AllDocumentTerms`), and its table of terms fits in a processor's
/// cache. Millions of per-term arrays took more time to grow, count and free, and more memory,
/// than the postings themselves.
///
/// Within a bucket, terms are laid out shard by shard, and by number within a shard: a shard's
/// file is then written from one run of each bucket. Laid out by number alone, writing the
/// shards read the postings in no order, and waited on memory for most of the time.
///
/// A session's edits move single terms' postings: a changed term's postings are kept apart
/// and read in place of the flat ones, and a term they add is kept in its shard's list of added terms.
struct Postings {
    static let bucketBits = 6
    static let bucketCount = 1 << bucketBits

    /// A term number with the place of its postings in the flat array (-1: a term a session's
    /// edits added), so that reading a term's postings needs no search.
    struct Term: Sendable {
        var code: UInt64
        var place: Int32
    }

    /// The shards the terms are laid out by: the postings of the terms in fewer than
    /// `commonFrom` documents decide their number.
    private(set) var shardCount = 1
    /// Term numbers, bucket by bucket, by shard and then by number within a bucket.
    private var codes: [UInt64] = []
    /// The hash of each term's text (`SearchTokenizer.hash(of:words:)`), which gives its shard.
    private var hashes: [UInt32] = []
    /// Where each bucket's terms start in `codes`, and where the last one ends.
    private var bucketStarts: [Int] = [0]
    /// Where the terms of each shard start in `codes` within each bucket, and where the bucket's
    /// last one ends: at `bucket * (shardCount + 1) + shard`.
    private var shardRuns: [Int32] = []
    /// Where each term's postings start in `entries`, and where the last one ends.
    private var starts: [Int] = [0]
    /// Every term's postings, term by term, each term's in document order.
    private var entries: [Posting] = []
    /// Postings that a session's edits changed, which take the place of the flat ones.
    private var changed: [UInt64: [Posting]] = [:]
    /// Terms that a session's edits added, by shard, in `precedes` order.
    private var added: [Int: [UInt64]] = [:]

    init() {}

    /// `hash`: the hash of a term's text. `shardCount`: the number of shards for a number of
    /// postings of terms in fewer than `commonFrom` documents.
    init(_ all: consuming AllDocumentTerms, hash: @Sendable (UInt64) -> UInt32, commonFrom: Int, shardCount: (Int) -> Int) {
        var terms: [BucketTerms] = []
        var postingTerms: [[Int32]] = []
        do {
            let reading = all
            for (bucketTerms, termOfPosting) in Array(0..<Self.bucketCount).parallelMap({ Self.tally($0, of: reading) }) {
                terms.append(bucketTerms)
                postingTerms.append(termOfPosting)
            }
        }
        // Each posting's term is known by its place now: the term numbers, most of the documents'
        // terms' memory, go before the postings are laid out.
        all.forgetCodes()
        let weights = all
        let tallied = terms
        let hashes = tallied.parallelMap { $0.codes.map(hash) }
        let rarePostings = tallied.reduce(0) { $0 + $1.counts.reduce(0) { $0 + (Int($1) < commonFrom ? Int($1) : 0) } }
        let shards = shardCount(rarePostings)
        self.shardCount = shards

        let postingStarts = postingTerms.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        // Left uninitialised, so that its memory is taken as it is written: each bucket's terms
        // of postings are let go as the bucket is laid out, and both were never wholly held at once.
        var entries = [Posting](unsafeUninitializedCapacity: postingStarts.last!) { _, count in count = postingStarts.last! }
        let made: [(order: [Int32], starts: [Int32])] = postingTerms.withUnsafeMutableBufferPointer { postingTerms in
            entries.withUnsafeMutableBufferPointer { buffer in
                // Each bucket takes only its own terms of postings, and writes only its own part of `entries`.
                nonisolated(unsafe) let termsOfPostings = postingTerms
                nonisolated(unsafe) let whole = buffer
                return Array(0..<Self.bucketCount).parallelMap { bucket in
                    var termOfPosting: [Int32] = []
                    swap(&termOfPosting, &termsOfPostings[bucket])
                    let part = UnsafeMutableBufferPointer(rebasing: whole[postingStarts[bucket]..<postingStarts[bucket + 1]])
                    let shardOf = hashes[bucket].map { Int($0 % UInt32(shards)) }
                    return Self.layOut(tallied[bucket], termOfPosting: termOfPosting, shards: shardOf, of: weights, bucket: bucket, into: part)
                }
            }
        }
        bucketStarts = tallied.reduce(into: [0]) { $0.append($0.last! + $1.codes.count) }
        let termCount = bucketStarts.last!
        // Each bucket's terms go to their own places, on all cores: with the millions of terms of
        // a large vocabulary, placing them one bucket after the other keeps a core idle.
        var codes = [UInt64](unsafeUninitializedCapacity: termCount) { _, count in count = termCount }
        var orderedHashes = [UInt32](unsafeUninitializedCapacity: termCount) { _, count in count = termCount }
        var starts = [Int](unsafeUninitializedCapacity: termCount + 1) { _, count in count = termCount + 1 }
        let runs: [[Int32]] = codes.withUnsafeMutableBufferPointer { codes in
            orderedHashes.withUnsafeMutableBufferPointer { orderedHashes in
                starts.withUnsafeMutableBufferPointer { starts in
                    nonisolated(unsafe) let (codes, orderedHashes, starts) = (codes, orderedHashes, starts)
                    let bucketStarts = bucketStarts
                    return Array(0..<Self.bucketCount).parallelMap { bucket in
                        let part = made[bucket]
                        let first = bucketStarts[bucket]
                        for (offset, term) in part.order.enumerated() {
                            codes[first + offset] = tallied[bucket].codes[Int(term)]
                            orderedHashes[first + offset] = hashes[bucket][Int(term)]
                            starts[first + offset] = Int(part.starts[offset]) + postingStarts[bucket]
                        }
                        // Where each shard's terms start in the bucket, and where its last ends.
                        var run: [Int32] = []
                        run.reserveCapacity(shards + 1)
                        var place = first
                        for shard in 0...shards {
                            while place < bucketStarts[bucket + 1], Int(orderedHashes[place] % UInt32(shards)) < shard { place += 1 }
                            run.append(Int32(place))
                        }
                        return run
                    }
                }
            }
        }
        starts[termCount] = postingStarts.last!
        self.codes = codes
        self.hashes = orderedHashes
        self.starts = starts
        self.entries = entries
        shardRuns = Array(runs.joined())
    }

    /// One bucket's terms in the order they are first met, with their numbers of documents.
    private struct BucketTerms: Sendable {
        var codes: [UInt64] = []
        var counts: [Int32] = []
    }

    /// One bucket's terms, and the term of each of its postings in document order.
    private static func tally(_ bucket: Int, of all: AllDocumentTerms) -> (BucketTerms, [Int32]) {
        let postings = all.postings(in: bucket)
        var table = TermTable<Int32>(capacity: postings / 4, empty: -1)
        var terms = BucketTerms()
        var termOfPosting: [Int32] = []
        termOfPosting.reserveCapacity(postings)
        all.forEachDocument(codesIn: bucket) { codes in
            for code in codes {
                var term = table[code]
                if term < 0 {
                    term = Int32(terms.codes.count)
                    table.update(code) { $0 = term }
                    terms.codes.append(code)
                    terms.counts.append(0)
                }
                terms.counts[Int(term)] += 1
                termOfPosting.append(term)
            }
        }
        return (terms, termOfPosting)
    }

    /// Writes a bucket's postings into its part of `entries`, term by term in order of shard
    /// and number. Returns the terms in that order (by their place in the tally) and where each
    /// one's postings start (counted from the bucket's first posting), and where the last ends.
    private static func layOut(_ terms: BucketTerms, termOfPosting: [Int32], shards: [Int], of all: AllDocumentTerms,
                               bucket: Int, into entries: UnsafeMutableBufferPointer<Posting>) -> (order: [Int32], starts: [Int32]) {
        let codes = terms.codes
        // By shard with a count of each shard's terms, then each shard's few terms by number:
        // sorting millions of terms by both at once took as long as laying out their postings.
        var shardStarts = [Int](repeating: 0, count: (shards.max() ?? 0) + 2)
        for shard in shards { shardStarts[shard + 1] += 1 }
        for shard in shardStarts.indices.dropFirst() { shardStarts[shard] += shardStarts[shard - 1] }
        var order = [Int32](repeating: 0, count: codes.count)
        var nextInShard = shardStarts
        for (term, shard) in shards.enumerated() {
            order[nextInShard[shard]] = Int32(term)
            nextInShard[shard] += 1
        }
        for shard in shardStarts.indices.dropLast() where shardStarts[shard + 1] - shardStarts[shard] > 1 {
            order[shardStarts[shard]..<shardStarts[shard + 1]].sort { codes[Int($0)] < codes[Int($1)] }
        }
        var rank = [Int32](repeating: 0, count: codes.count)
        var starts = [Int32](repeating: 0, count: codes.count + 1)
        for (position, term) in order.enumerated() {
            rank[Int(term)] = Int32(position)
            starts[position + 1] = starts[position] + terms.counts[Int(term)]
        }
        var next = starts
        var posting = 0
        all.forEachDocument(weightsIn: bucket) { document, weights in
            for weight in weights {
                let position = Int(rank[Int(termOfPosting[posting])])
                entries[Int(next[position])] = Posting(document: document, weight: Int(weight))
                next[position] += 1
                posting += 1
            }
        }
        return (order, starts)
    }

    /// The order terms are laid out in within a shard: by bucket, then by number.
    static func precedes(_ code: UInt64, _ other: UInt64) -> Bool {
        (bucket(of: code), code) < (bucket(of: other), other)
    }

    /// The bucket of a term number: any fixed spread of the numbers does.
    static func bucket(of code: UInt64) -> Int {
        Int(truncatingIfNeeded: (code &* 0xC2B2_AE3D_27D4_EB4F) >> (64 - UInt64(bucketBits)))
    }

    /// A term by its number and the hash of its text, for reading its postings with `forEach`.
    func term(_ code: UInt64, hash: UInt32) -> Term {
        Term(code: code, place: place(of: code, hash: hash).map(Int32.init) ?? -1)
    }

    /// The number of documents holding a term.
    func documents(_ code: UInt64, hash: UInt32) -> Int {
        if !changed.isEmpty, let list = changed[code] { return list.count }
        guard let place = place(of: code, hash: hash) else { return 0 }
        return starts[place + 1] - starts[place]
    }

    /// `body` of each term with its postings, read in place.
    func forEach(_ terms: [Term], _ body: (Term, UnsafeBufferPointer<Posting>) -> Void) {
        entries.withUnsafeBufferPointer { flat in
            for term in terms {
                if !changed.isEmpty, let list = changed[term.code] {
                    list.withUnsafeBufferPointer { body(term, $0) }
                } else if term.place < 0 {
                    body(term, UnsafeBufferPointer(rebasing: flat[0..<0]))
                } else {
                    let place = Int(term.place)
                    body(term, UnsafeBufferPointer(rebasing: flat[starts[place]..<starts[place + 1]]))
                }
            }
        }
    }

    /// Changes a term's postings, kept in document order.
    mutating func update(_ code: UInt64, hash: UInt32, _ change: (inout [Posting]) -> Void) {
        let term = term(code, hash: hash)
        var list: [Posting] = []
        forEach([term]) { _, postings in list = Array(postings) }
        change(&list)
        if term.place < 0, changed[code] == nil {
            let shard = Int(hash % UInt32(shardCount))
            var terms = added[shard, default: []]
            var low = 0
            var high = terms.count
            while low < high {
                let middle = (low + high) / 2
                if Self.precedes(terms[middle], code) { low = middle + 1 } else { high = middle }
            }
            terms.insert(code, at: low)
            added[shard] = terms
        }
        changed[code] = list
    }

    /// `body` of each term of a shard that is in any document, with its postings, in `precedes`
    /// order: the order its file lists them in.
    func forEachTerm(inShard shard: Int, _ body: (Term, UnsafeBufferPointer<Posting>) -> Void) {
        let extra = added[shard] ?? []
        var nextAdded = 0
        entries.withUnsafeBufferPointer { flat in
            func give(_ term: Term) {
                if !changed.isEmpty, let list = changed[term.code] {
                    if !list.isEmpty { list.withUnsafeBufferPointer { body(term, $0) } }
                } else if term.place >= 0 {
                    let place = Int(term.place)
                    body(term, UnsafeBufferPointer(rebasing: flat[starts[place]..<starts[place + 1]]))
                }
            }
            for bucket in 0..<Self.bucketCount {
                let run = self.run(of: shard, in: bucket)
                var place = run.lowerBound
                while true {
                    let addedCode = nextAdded < extra.count && Self.bucket(of: extra[nextAdded]) == bucket ? extra[nextAdded] : nil
                    if let addedCode, place == run.upperBound || addedCode < codes[place] {
                        give(Term(code: addedCode, place: -1))
                        nextAdded += 1
                    } else if place < run.upperBound {
                        give(Term(code: codes[place], place: Int32(place)))
                        place += 1
                    } else {
                        break
                    }
                }
            }
        }
    }

    /// The places in `codes` of a shard's terms in one bucket.
    private func run(of shard: Int, in bucket: Int) -> Range<Int> {
        let index = bucket * (shardCount + 1) + shard
        return Int(shardRuns[index])..<Int(shardRuns[index + 1])
    }

    /// `body` of every term as the postings were made (before any `update`), with its number of
    /// documents and the hash of its text, in the order they are laid out.
    func forEachTerm(_ body: (Term, Int, UInt32) -> Void) {
        for term in codes.indices {
            body(Term(code: codes[term], place: Int32(term)), starts[term + 1] - starts[term], hashes[term])
        }
    }

    /// Where a term is in `codes`: found by halving the run of its shard in its bucket.
    private func place(of code: UInt64, hash: UInt32) -> Int? {
        let bucket = Self.bucket(of: code)
        let key = (hash % UInt32(shardCount), code)
        var low = bucketStarts[bucket]
        var high = bucketStarts[bucket + 1]
        while low < high {
            let middle = (low + high) / 2
            if (hashes[middle] % UInt32(shardCount), codes[middle]) < key { low = middle + 1 } else { high = middle }
        }
        return low < bucketStarts[bucket + 1] && codes[low] == code ? low : nil
    }
}
