/// Every document's terms in a few flat arrays, document by document and, within one, bucket by
/// bucket: what the postings are made from. Each bucket of postings reads every document's part
/// of it; read from each document's own arrays, the two cores retaining and releasing the same
/// arrays at once cost more than the reading. Kept as slices of documents, each made at its
/// exact size: one array grown document by document held twice its size while it grew.
struct AllDocumentTerms: Sendable {
    private struct Slice: Sendable {
        var codes: [UInt64] = []
        var weights: [UInt16] = []
        /// Where the terms of the slice's document `d` in bucket `b` start, at `d * bucketCount + b`;
        /// and where the last ones end.
        var starts: [Int] = []
        var documentCount: Int { (starts.count - 1) / Postings.bucketCount }
    }

    private var slices: [Slice] = []

    init() {}

    init(_ documents: [DocumentTerms]) {
        append(contentsOf: documents)
    }

    /// The number of terms of all documents: the number of postings.
    var count: Int { slices.reduce(0) { $0 + $1.codes.count } }

    /// Adds the next documents' terms.
    mutating func append(contentsOf documents: [DocumentTerms]) {
        var slice = Slice()
        let total = documents.reduce(0) { $0 + $1.count }
        slice.codes.reserveCapacity(total)
        slice.weights.reserveCapacity(total)
        slice.starts.reserveCapacity(documents.count * Postings.bucketCount + 1)
        for document in documents {
            for bucket in 0..<Postings.bucketCount {
                slice.starts.append(slice.codes.count + document.range(of: bucket).lowerBound)
            }
            slice.codes.append(contentsOf: document.codes)
            slice.weights.append(contentsOf: document.weights)
        }
        slice.starts.append(slice.codes.count)
        slices.append(slice)
    }

    /// Lets the term numbers go, keeping the weights: all that is read once each posting's term is known.
    mutating func forgetCodes() {
        for index in slices.indices { slices[index].codes = [] }
    }

    /// The number of postings in a bucket.
    func postings(in bucket: Int) -> Int {
        slices.reduce(0) { total, slice in
            (0..<slice.documentCount).reduce(total) { $0 + Self.range(of: $1, bucket, in: slice).count }
        }
    }

    /// `body` of the term numbers of one bucket, document by document in order.
    func forEachDocument(codesIn bucket: Int, _ body: (UnsafeBufferPointer<UInt64>) -> Void) {
        for slice in slices {
            slice.codes.withUnsafeBufferPointer { codes in
                for index in 0..<slice.documentCount {
                    body(UnsafeBufferPointer(rebasing: codes[Self.range(of: index, bucket, in: slice)]))
                }
            }
        }
    }

    /// `body` of each document's number with its weights of one bucket, in document order.
    func forEachDocument(weightsIn bucket: Int, _ body: (Int, UnsafeBufferPointer<UInt16>) -> Void) {
        var document = 0
        for slice in slices {
            slice.weights.withUnsafeBufferPointer { weights in
                for index in 0..<slice.documentCount {
                    body(document, UnsafeBufferPointer(rebasing: weights[Self.range(of: index, bucket, in: slice)]))
                    document += 1
                }
            }
        }
    }

    private static func range(of document: Int, _ bucket: Int, in slice: Slice) -> Range<Int> {
        let index = document * Postings.bucketCount + bucket
        return slice.starts[index]..<slice.starts[index + 1]
    }
}
