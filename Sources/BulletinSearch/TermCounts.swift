import BulletinSupport

/// A table from term numbers to values, with open addressing: Swift's Dictionary hashes every key
/// with SipHash, and the search index looks terms up millions of times — once per character while
/// counting a document's terms, once per posting while merging them. Term number 0 never occurs,
/// so it marks an empty slot.
struct TermTable<Value> {
    /// Each term beside its value: one array to look into, and one copy-on-write check per update.
    private var slots: [(term: UInt64, value: Value)]
    /// The value of a term not yet in the table.
    private let empty: Value
    /// Terms in the table.
    private(set) var count = 0

    init(capacity: Int, empty: Value) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: (0, empty), count: size)
        self.empty = empty
    }

    /// The term's value; `empty` when the term is not in the table.
    subscript(term: UInt64) -> Value {
        let mask = slots.count - 1
        var slot = Self.slot(of: term, mask: mask)
        while slots[slot].term != 0 {
            if slots[slot].term == term { return slots[slot].value }
            slot = (slot + 1) & mask
        }
        return empty
    }

    /// Changes the term's value in place, starting from `empty` when the term is new. `change`
    /// must not read the table: the storage is lent out while it runs.
    mutating func update(_ term: UInt64, _ change: (inout Value) -> Void) {
        if (count + 1) * 2 > slots.count { grow() }
        let added = slots.withUnsafeMutableBufferPointer { slots -> Bool in
            let mask = slots.count - 1
            var slot = Self.slot(of: term, mask: mask)
            var added = false
            while slots[slot].term != term {
                if slots[slot].term == 0 {
                    slots[slot].term = term
                    added = true
                    break
                }
                slot = (slot + 1) & mask
            }
            change(&slots[slot].value)
            return added
        }
        if added { count += 1 }
    }

    /// Every term with its value, in no particular order.
    var entries: [(term: UInt64, value: Value)] {
        var entries: [(term: UInt64, value: Value)] = []
        entries.reserveCapacity(count)
        for slot in slots where slot.term != 0 { entries.append(slot) }
        return entries
    }

    /// `body` of the table's slots, read in place: a term of 0 is an empty slot.
    func withSlots<Result>(_ body: (UnsafeBufferPointer<(term: UInt64, value: Value)>) -> Result) -> Result {
        slots.withUnsafeBufferPointer(body)
    }

    private static func slot(of term: UInt64, mask: Int) -> Int {
        // Fibonacci hashing spreads the characters' neighbouring code points over the table.
        Int(truncatingIfNeeded: (term &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private mutating func grow() {
        let old = entries
        self = TermTable(capacity: slots.count, empty: empty)
        for (term, value) in old { update(term) { $0 = value } }
    }
}

/// How often each term number occurs in one document.
public struct TermCounts {
    private var table: TermTable<Int32>

    public init(capacity: Int = 1024) {
        table = TermTable(capacity: capacity, empty: 0)
    }

    /// Distinct terms counted.
    public var count: Int { table.count }

    public mutating func add(_ term: UInt64, weight: Int32) {
        table.update(term) { $0 &+= weight }
    }

    /// `body` of the table's slots, read in place: a term of 0 is an empty slot.
    func withSlots<Result>(_ body: (UnsafeBufferPointer<(term: UInt64, value: Int32)>) -> Result) -> Result {
        table.withSlots(body)
    }

    /// Every term with its count, in no particular order.
    public var pairs: [(UInt64, Int)] {
        table.entries.map { ($0.term, Int($0.value)) }
    }
}

extension TermTable: Sendable where Value: Sendable {}
