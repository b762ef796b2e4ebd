/// The bytes of one index file, written in place into memory that grows as needed, then handed
/// over as an array of their exact size. Appended to an array instead, each byte of millions of
/// postings checked the array's room and uniqueness; the shard files took a tenth of a large
/// build's instructions. With `TermCounts.swift`, the search index's place of pointer code.
struct IndexBytes: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit {
        start.deallocate()
    }

    /// Makes room for `more` bytes: each write below must be preceded by enough room.
    @inline(__always)
    mutating func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        var larger = capacity * 2
        while count + more > larger { larger *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = larger
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        start[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        (start + count).initialize(from: base, count: bytes.count)
        count += bytes.count
    }

    /// A non-negative number in decimal digits: at most ten bytes.
    @inline(__always)
    mutating func appendDecimal(_ number: Int32) {
        // Most weights are a single digit, and most steps between documents one to three.
        let zero = UInt8(ascii: "0")
        if number < 10 {
            append(zero + UInt8(number))
            return
        }
        if number < 100 {
            append(zero + UInt8(number / 10))
            append(zero + UInt8(number % 10))
            return
        }
        if number < 1000 {
            append(zero + UInt8(number / 100))
            append(zero + UInt8(number / 10 % 10))
            append(zero + UInt8(number % 10))
            return
        }
        var digits = 1
        var rest = number / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        rest = number
        for place in stride(from: count + digits - 1, through: count, by: -1) {
            start[place] = zero + UInt8(rest % 10)
            rest /= 10
        }
        count += digits
    }

    /// The bytes written, in an array of their own size.
    consuming func bytes() -> [UInt8] {
        let written = count
        let source = start
        guard written > 0 else { return [] }
        return [UInt8](unsafeUninitializedCapacity: written) { buffer, initialized in
            buffer.baseAddress!.initialize(from: source, count: written)
            initialized = written
        }
    }
}
