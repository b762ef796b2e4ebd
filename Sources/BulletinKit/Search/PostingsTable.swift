/// The postings of each term number: an open-addressing table, for the reason `TermCounts` is
/// one. Merging the terms of 10,000 documents looked a term up about four million times, and
/// Dictionary hashed each lookup with SipHash. Term number 0 never occurs, so it marks an empty
/// slot; a term whose postings all went keeps its slot, with an empty list.
struct PostingsTable {
    private var keys: [UInt64]
    private var lists: [[Int32]]
    private var used = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        lists = [[Int32]](repeating: [], count: size)
    }

    /// The term's postings; empty when it has none.
    subscript(term: UInt64) -> [Int32] {
        guard let slot = find(term) else { return [] }
        return lists[slot]
    }

    /// Changes the term's postings in place, adding the term first if it is new.
    mutating func update(_ term: UInt64, _ change: (inout [Int32]) -> Void) {
        if (used + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = Self.slot(of: term, mask: mask)
        while keys[slot] != term {
            if keys[slot] == 0 {
                keys[slot] = term
                used += 1
                break
            }
            slot = (slot + 1) & mask
        }
        change(&lists[slot])
    }

    /// Every term that has postings, in no particular order.
    var terms: [UInt64] {
        keys.indices.compactMap { keys[$0] != 0 && !lists[$0].isEmpty ? keys[$0] : nil }
    }

    private func find(_ term: UInt64) -> Int? {
        let mask = keys.count - 1
        var slot = Self.slot(of: term, mask: mask)
        while keys[slot] != 0 {
            if keys[slot] == term { return slot }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private static func slot(of term: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (term &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private mutating func grow() {
        let oldKeys = keys
        var oldLists = lists
        self = PostingsTable(capacity: keys.count)
        for slot in oldKeys.indices where oldKeys[slot] != 0 {
            let list = oldLists[slot]
            oldLists[slot] = []
            update(oldKeys[slot]) { $0 = list }
        }
    }
}

/// The postings split in two by term, each half merged on its own core: merging the terms of
/// 10,000 documents in one table took one core 70 ms.
struct PartitionedPostings {
    private var halves = [PostingsTable(), PostingsTable()]

    init() {}

    /// The postings of every document's terms, in document order within each term.
    init(_ terms: [SearchIndexCache.Terms], capacity: Int) {
        halves = [0, 1].parallelMap { half -> PostingsTable in
            var table = PostingsTable(capacity: capacity / 2)
            for (id, entry) in terms.enumerated() {
                for (term, weight) in entry.terms where Self.half(of: term) == half {
                    table.update(term) { SearchIndexBuild.append(id: id, weight: weight, to: &$0) }
                }
            }
            return table
        }
    }

    subscript(term: UInt64) -> [Int32] { halves[Self.half(of: term)][term] }

    mutating func update(_ term: UInt64, _ change: (inout [Int32]) -> Void) {
        halves[Self.half(of: term)].update(term, change)
    }

    var terms: [UInt64] { halves[0].terms + halves[1].terms }

    private static func half(of term: UInt64) -> Int {
        Int(truncatingIfNeeded: (term &* 0xC2B2_AE3D_27D4_EB4F) >> 63)
    }
}
