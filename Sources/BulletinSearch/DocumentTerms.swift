/// The terms of one document with their weights, grouped by the bucket of postings each term
/// belongs to (`Postings.bucket(of:)`), so that each bucket of postings is made from every
/// document's slice of it without looking at the document's other terms.
public struct DocumentTerms: Sendable {
    /// Term numbers, bucket by bucket; in no particular order within a bucket.
    private(set) var codes: [UInt64]
    /// The weight of the term at the same place in `codes`: how often it occurs, at most 999.
    private(set) var weights: [UInt16]
    /// Where each bucket's terms start in `codes`, and where the last one ends.
    private var bucketStarts: [Int32]
    /// The text of each word's term number; Chinese terms are their own code points.
    private(set) var words: [UInt64: String]

    static let maximumWeight = 999

    init(_ counts: borrowing TermCounts, words: [UInt64: String]) {
        self.words = words
        var starts = [Int32](repeating: 0, count: Postings.bucketCount + 1)
        var codes = [UInt64](repeating: 0, count: counts.count)
        var weights = [UInt16](repeating: 0, count: counts.count)
        // In place, without a closure per term: this runs for each of millions of terms.
        counts.withEntries { entries in
            starts.withUnsafeMutableBufferPointer { starts in
                for entry in entries { starts[Postings.bucket(of: entry.term) + 1] += 1 }
                for bucket in 0..<Postings.bucketCount { starts[bucket + 1] += starts[bucket] }
                var next = Array(starts)
                codes.withUnsafeMutableBufferPointer { codes in
                    weights.withUnsafeMutableBufferPointer { weights in
                        for entry in entries {
                            let bucket = Postings.bucket(of: entry.term)
                            let place = Int(next[bucket])
                            codes[place] = entry.term
                            weights[place] = UInt16(min(Int(entry.value), Self.maximumWeight))
                            next[bucket] += 1
                        }
                    }
                }
            }
        }
        self.codes = codes
        self.weights = weights
        bucketStarts = starts
    }

    /// Terms counted.
    var count: Int { codes.count }

    /// The places in `codes` and `weights` of the terms of one bucket.
    func range(of bucket: Int) -> Range<Int> {
        Int(bucketStarts[bucket])..<Int(bucketStarts[bucket + 1])
    }

    /// Each term's weight, to compare two versions of a document.
    var weightsByTerm: [UInt64: Int] {
        var byTerm: [UInt64: Int] = [:]
        byTerm.reserveCapacity(codes.count)
        for (code, weight) in zip(codes, weights) { byTerm[code] = Int(weight) }
        return byTerm
    }
}
