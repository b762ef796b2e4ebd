import BulletinSupport

/// A table from term numbers to values, with open addressing: Swift's Dictionary hashes every key
/// with SipHash, and the search index looks terms up millions of times — once per character while
/// counting a document's terms, once per posting while merging them. Term number 0 never occurs,
/// so it marks an empty slot.
///
/// The table owns its memory and cannot be copied: an array's copy-on-write check before each
/// update, and its bounds checks, cost about as much as the update itself, and one table is only
/// ever filled in one place. With `IndexBytes.swift`, this file is the search index's place of pointer code.
struct TermTable<Value: BitwiseCopyable>: ~Copyable {
    /// Each term beside its value, `mask + 1` of them: one memory access per probe.
    private var slots: UnsafeMutablePointer<(term: UInt64, value: Value)>
    private var mask: Int
    /// The slots in use, in the order their terms came: reading the terms walks these, not the
    /// table, whose empty slots made every step of that walk a branch the processor could not
    /// guess. Room for half the slots, as many as the table holds before it grows.
    private var used: UnsafeMutablePointer<Int32>
    /// Terms in the table.
    private(set) var count = 0
    /// The value of a term not yet in the table.
    private let empty: Value

    init(capacity: Int, empty: Value) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = .allocate(capacity: size)
        slots.initialize(repeating: (0, empty), count: size)
        used = .allocate(capacity: size / 2)
        mask = size - 1
        self.empty = empty
    }

    deinit {
        slots.deallocate()
        used.deallocate()
    }

    /// The term's value; `empty` when the term is not in the table.
    subscript(term: UInt64) -> Value {
        var slot = Self.slot(of: term, mask: mask)
        while slots[slot].term != 0 {
            if slots[slot].term == term { return slots[slot].value }
            slot = (slot + 1) & mask
        }
        return empty
    }

    /// Changes the term's value in place, starting from `empty` when the term is new. Returns
    /// whether the term was new.
    @discardableResult @inline(__always)
    mutating func update(_ term: UInt64, _ change: (inout Value) -> Void) -> Bool {
        if (count + 1) * 2 > mask + 1 { grow() }
        var slot = Self.slot(of: term, mask: mask)
        while true {
            let found = slots[slot].term
            if found == term {
                change(&slots[slot].value)
                return false
            }
            if found == 0 { break }
            slot = (slot + 1) & mask
        }
        slots[slot].term = term
        change(&slots[slot].value)
        used[count] = Int32(slot)
        count += 1
        return true
    }

    /// `body` of every term with its value, in the order the terms came, read in place.
    func withEntries<Result>(_ body: (LazyMapSequence<UnsafeBufferPointer<Int32>, (term: UInt64, value: Value)>) -> Result) -> Result {
        let slots = self.slots
        return body(UnsafeBufferPointer(start: used, count: count).lazy.map { slots[Int($0)] })
    }

    /// Every term with its value, in the order the terms came.
    var entries: [(term: UInt64, value: Value)] {
        withEntries { Array($0) }
    }

    @inline(__always)
    private static func slot(of term: UInt64, mask: Int) -> Int {
        // Fibonacci hashing spreads the characters' neighbouring code points over the table.
        Int(truncatingIfNeeded: (term &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private mutating func grow() {
        var larger = TermTable(capacity: mask + 1, empty: empty)
        for index in 0..<count {
            let entry = slots[Int(used[index])]
            larger.update(entry.term) { $0 = entry.value }
        }
        self = larger
    }
}

/// How often each term number occurs in one document.
public struct TermCounts: ~Copyable {
    private var table: TermTable<Int32>

    public init(capacity: Int = 1024) {
        table = TermTable(capacity: capacity, empty: 0)
    }

    /// Distinct terms counted.
    public var count: Int { table.count }

    /// Returns whether the term was not counted before.
    @discardableResult @inline(__always)
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
