/// Every document's terms in one pair of arrays, document by document and, within one, bucket
/// by bucket: what the postings are made from. Each bucket of postings reads every document's
/// part of it; read from each document's own arrays, the two cores retaining and releasing the
/// same arrays at once cost more than the reading.
struct AllDocumentTerms: Sendable {
    private var codes: [UInt64] = []
    private var weights: [UInt16] = []
    /// Where the terms of document `d` in bucket `b` start, at `d * bucketCount + b`; and where the last ones end.
    private var starts: [Int] = []
    private let documentCount: Int

    init(_ documents: [DocumentTerms]) {
        documentCount = documents.count
        let total = documents.reduce(0) { $0 + $1.count }
        codes.reserveCapacity(total)
        weights.reserveCapacity(total)
        starts.reserveCapacity(documents.count * Postings.bucketCount + 1)
        for document in documents {
            for bucket in 0..<Postings.bucketCount {
                starts.append(codes.count + document.range(of: bucket).lowerBound)
            }
            codes.append(contentsOf: document.codes)
            weights.append(contentsOf: document.weights)
        }
        starts.append(codes.count)
    }

    /// The number of postings in a bucket.
    func postings(in bucket: Int) -> Int {
        (0..<documentCount).reduce(0) { $0 + range(of: $1, bucket).count }
    }

    /// `body` of each document's number with its term numbers and weights of one bucket, in document order.
    func forEachDocument(in bucket: Int, _ body: (Int, UnsafeBufferPointer<UInt64>, UnsafeBufferPointer<UInt16>) -> Void) {
        codes.withUnsafeBufferPointer { codes in
            weights.withUnsafeBufferPointer { weights in
                for document in 0..<documentCount {
                    let range = range(of: document, bucket)
                    body(document, UnsafeBufferPointer(rebasing: codes[range]), UnsafeBufferPointer(rebasing: weights[range]))
                }
            }
        }
    }

    private func range(of document: Int, _ bucket: Int) -> Range<Int> {
        let index = document * Postings.bucketCount + bucket
        return starts[index]..<starts[index + 1]
    }
}
