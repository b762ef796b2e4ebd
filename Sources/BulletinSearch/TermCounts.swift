import BulletinSupport

/// A table from term numbers to values, with open addressing: Swift's Dictionary hashes every key
/// with SipHash, and the search index looks terms up millions of times — once per character while
/// counting a document's terms, once per posting while merging them. Term number 0 never occurs,
/// so it marks an empty slot.
struct TermTable<Value> {
    /// Each term beside its value: one array to look into, and one copy-on-write check per update.
    private var slots: [(term: UInt64, value: Value)]
    /// The slots in use, in the order their terms came: reading the terms walks these, not the
    /// table, whose empty slots made every step of that walk a branch the processor could not guess.
    private var used: [Int32] = []
    /// The value of a term not yet in the table.
    private let empty: Value

    init(capacity: Int, empty: Value) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: (0, empty), count: size)
        used.reserveCapacity(capacity)
        self.empty = empty
    }

    /// Terms in the table.
    var count: Int { used.count }

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
    /// must not read the table: the storage is lent out while it runs. Returns whether the term was new.
    @discardableResult
    mutating func update(_ term: UInt64, _ change: (inout Value) -> Void) -> Bool {
        if (used.count + 1) * 2 > slots.count { grow() }
        let added = slots.withUnsafeMutableBufferPointer { slots -> Int? in
            let mask = slots.count - 1
            var slot = Self.slot(of: term, mask: mask)
            var added: Int? = nil
            while slots[slot].term != term {
                if slots[slot].term == 0 {
                    slots[slot].term = term
                    added = slot
                    break
                }
                slot = (slot + 1) & mask
            }
            change(&slots[slot].value)
            return added
        }
        guard let added else { return false }
        used.append(Int32(added))
        return true
    }

    /// Every term with its value, in the order the terms came.
    var entries: [(term: UInt64, value: Value)] {
        withEntries { Array($0) }
    }

    /// `body` of every term with its value, in the order the terms came, read in place.
    func withEntries<Result>(_ body: (LazyMapSequence<UnsafeBufferPointer<Int32>, (term: UInt64, value: Value)>) -> Result) -> Result {
        slots.withUnsafeBufferPointer { slots in
            used.withUnsafeBufferPointer { used in
                body(used.lazy.map { slots[Int($0)] })
            }
        }
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

    /// Returns whether the term was not counted before.
    @discardableResult
    public mutating func add(_ term: UInt64, weight: Int32) -> Bool {
        table.update(term) { $0 &+= weight }
    }

    /// `body` of every term with its count, in the order the terms came, read in place.
    func withEntries<Result>(_ body: (LazyMapSequence<UnsafeBufferPointer<Int32>, (term: UInt64, value: Int32)>) -> Result) -> Result {
        table.withEntries(body)
    }

    /// Every term with its count, in the order the terms came.
    public var pairs: [(UInt64, Int)] {
        table.entries.map { ($0.term, Int($0.value)) }
    }
}

extension TermTable: Sendable where Value: Sendable {}
