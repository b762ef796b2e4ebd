/// "Did you mean …?" for unknown references: the candidate at the smallest edit distance,
/// if it is close enough to be a plausible misspelling.
public enum Suggestion {
    /// Up to this many names, a hint with no near spelling lists them all.
    static let listedWhole = 8

    public static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word)
        let limit = max(2, target.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            // Longer or shorter by more than the limit is further than it: never suggested.
            guard abs(candidate.count - target.count) <= limit else { continue }
            let distance = editDistance(target, Array(candidate))
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.candidate) {
                best = (candidate, distance)
            }
        }
        if let best, best.distance <= limit { return best.candidate }
        // A shortened name, such as a base id without its last word, is contained in the real one.
        guard target.count >= 3 else { return nil }
        return candidates.filter { $0.contains(word) }.min { ($0.count, $0) < ($1.count, $1) }
    }

    /// A hint naming the nearest spelling, or listing what is allowed when the list is short.
    public static func hint(for word: String, in candidates: [String]) -> Message? {
        hint(for: word, nearest: nearest(to: word, in: candidates), among: candidates)
    }

    /// For a value that can be written as a code or as its Chinese label: the nearest of either,
    /// then every code with its label: "did you mean '活动'? expected one of: practice (特色做法), event (活动)".
    public static func hint(for word: String, codesAndLabels: [(code: String, label: String)]) -> Message {
        let near: String?
        if word.unicodeScalars.allSatisfy(\.isASCII) {
            near = nearest(to: word, in: codesAndLabels.map(\.code))
        } else {
            // Labels are a few characters long: the one sharing the most characters with the
            // word is meant (小学 → 学校), not the one a few edits away (小学 → 中心).
            let shared = codesAndLabels.map { pair in (pair.label, Set(word).intersection(pair.label).count) }
            near = shared.filter { $0.1 > 0 }.max { $0.1 < $1.1 }.map(\.0)
        }
        var codes: [(code: String, labels: [String])] = []
        for (code, label) in codesAndLabels {
            if let at = codes.firstIndex(where: { $0.code == code }) {
                codes[at].labels.append(label)
            } else {
                codes.append((code, [label]))
            }
        }
        let listed = codes.map { "\($0.code) (\($0.labels.joined(separator: ", ")))" }.joined(separator: ", ")
        guard let near else { return Message(.expectedOneOf, ["choices": listed]) }
        return Message(.didYouMeanExpectedOneOf, ["suggestion": TextCharacters.shown(near), "choices": listed])
    }

    static func hint(for word: String, nearest: String?, among candidates: [String]) -> Message? {
        let cleaned = TextCharacters.removingInvisible(word)
        if cleaned != word, candidates.contains(cleaned) {
            return invisibleHint(word, meaning: cleaned)
        }
        if let near = nearest {
            return Message(.didYouMean, ["suggestion": TextCharacters.shown(near)])
        }
        if !candidates.isEmpty && candidates.count <= listedWhole {
            return Message(.expectedOneOf, ["choices": candidates.joined(separator: ", ")])
        }
        return nil
    }

    /// The hint for a missing file or name that `nearest` would find once its invisible
    /// characters are gone; nil when they are not all that is wrong with it.
    package static func invisibleHint(_ word: String, nearest: (String) -> String?) -> Message? {
        let cleaned = TextCharacters.removingInvisible(word)
        guard cleaned != word, nearest(cleaned) == cleaned else { return nil }
        return invisibleHint(word, meaning: cleaned)
    }

    /// For a name that matches a known one once its invisible characters are gone: "did you
    /// mean" would show the editor the very text they typed.
    package static func invisibleHint(_ word: String, meaning cleaned: String) -> Message {
        let names = TextCharacters.invisibleNames(in: word)
        return Message(names.count == 1 ? .nameHoldsInvisibleCharacter : .nameHoldsInvisibleCharacters,
                       ["invisible": names.joined(separator: ", "), "cleaned": TextCharacters.shown(cleaned)])
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
