import BulletinSupport

/// The programme's own words, which a search keeps whole: `家校社` finds pages that say 家校社,
/// not pages that say 家校 in one place and 校社 in another. The index holds each word of three
/// or more characters as a term of its own (two characters are a pair anyway); a query cuts a
/// glossary word out of its Chinese runs before cutting the rest into pairs. `meta.json` carries
/// the list, so the reader's browser cuts queries the same way.
public enum SearchGlossary {
    public static let words = [
        "家校社", "适老化", "妇联", "关工委", "家长学校", "家庭教育", "协同育人", "留守儿童", "困境儿童",
        "儿童之家", "实践基地", "家风家训", "亲子阅读", "心理健康", "网格员",
    ]

    /// Words of three characters or more, as code points, with the term number `countTerms` gives them.
    static let indexed: [(scalars: [UInt32], code: UInt64, word: String)] = words.compactMap { word in
        let scalars = word.unicodeScalars.map(\.value)
        guard scalars.count >= 3 else { return nil }
        return (scalars, SearchTokenizer.wordCode(Array(word.utf8)), word)
    }

    /// One bit per last character, at its code point modulo 4,096: so few characters share a bit
    /// with the end of a glossary word that nearly all are passed over with one test, and only
    /// the others are compared with each word.
    static let lastCharacters: [UInt64] = indexed.reduce(into: [UInt64](repeating: 0, count: 64)) { bits, entry in
        let last = entry.scalars.last!
        bits[Int(last >> 6 & 63)] |= 1 << (last & 63)
    }

    /// Whether a character may end a glossary word: `endings` is `lastCharacters`.
    @inline(__always)
    static func mayEnd(_ value: UInt32, _ endings: UnsafeBufferPointer<UInt64>) -> Bool {
        endings[Int(value >> 6 & 63)] & 1 << (value & 63) != 0
    }

    /// Whether `recent` (the last characters of a run, the newest first) ends with the word.
    @inline(__always)
    static func ends(_ scalars: [UInt32], _ recent: (UInt32, UInt32, UInt32, UInt32, UInt32)) -> Bool {
        let count = scalars.count
        guard count <= 5, scalars[count - 1] == recent.0, scalars[count - 2] == recent.1, scalars[count - 3] == recent.2 else { return false }
        return (count < 4 || scalars[count - 4] == recent.3) && (count < 5 || scalars[count - 5] == recent.4)
    }

    /// The glossary word of `characters` that starts at `start`, the longest when several do.
    static func word(in characters: [Character], at start: Int) -> Int? {
        var found: Int?
        for word in words {
            let scalars = Array(word)
            guard start + scalars.count <= characters.count, scalars.count > (found ?? 0),
                  Array(characters[start..<(start + scalars.count)]) == scalars else { continue }
            found = scalars.count
        }
        return found
    }
}
