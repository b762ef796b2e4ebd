/// "Did you mean …?" for unknown references: the candidate at the smallest edit distance,
/// if it is close enough to be a plausible misspelling.
public enum Suggestion {
    public static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate))
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.candidate) {
                best = (candidate, distance)
            }
        }
        guard let best else { return nil }
        let limit = max(2, target.count / 3)
        if best.distance <= limit { return best.candidate }
        // A shortened name, such as a base id without its last word, is contained in the real one.
        guard target.count >= 3 else { return nil }
        return candidates.filter { $0.contains(word) }.min { ($0.count, $0) < ($1.count, $1) }
    }

    /// A hint naming the nearest spelling, or listing what is allowed when the list is short.
    public static func hint(for word: String, in candidates: [String]) -> Message? {
        hint(nearest: nearest(to: word, in: candidates), among: candidates)
    }

    static func hint(nearest: String?, among candidates: [String]) -> Message? {
        if let near = nearest {
            return Message(.didYouMean, ["suggestion": near])
        }
        if !candidates.isEmpty && candidates.count <= 8 {
            return Message(.expectedOneOf, ["choices": candidates.joined(separator: ", ")])
        }
        return nil
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Edits, and swaps of two neighbours (a common typing slip), each count one.
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
