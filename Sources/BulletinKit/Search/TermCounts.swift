/// How often each term number occurs in one document: an open-addressing table, because Swift's
/// Dictionary hashes every key with SipHash, and counting terms did that once per character —
/// most of the time the search index took. Term number 0 never occurs, so it marks an empty slot.
public struct TermCounts {
    private var keys: [UInt64]
    private var counts: [Int32]
    public private(set) var count = 0

    public init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        counts = [Int32](repeating: 0, count: size)
    }

    public mutating func add(_ term: UInt64, weight: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = Self.slot(of: term, mask: mask)
        while true {
            let key = keys[slot]
            if key == term {
                counts[slot] &+= weight
                return
            }
            if key == 0 {
                keys[slot] = term
                counts[slot] = weight
                count += 1
                return
            }
            slot = (slot + 1) & mask
        }
    }

    /// Every term with its count, in no particular order.
    public var pairs: [(UInt64, Int)] {
        var pairs: [(UInt64, Int)] = []
        pairs.reserveCapacity(count)
        for slot in keys.indices where keys[slot] != 0 { pairs.append((keys[slot], Int(counts[slot]))) }
        return pairs
    }

    private static func slot(of term: UInt64, mask: Int) -> Int {
        // Fibonacci hashing spreads the characters' neighbouring code points over the table.
        Int(truncatingIfNeeded: (term &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private mutating func grow() {
        let old = pairs
        self = TermCounts(capacity: keys.count)
        for (term, weight) in old { add(term, weight: Int32(weight)) }
    }
}
