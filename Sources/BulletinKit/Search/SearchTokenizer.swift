/// How text is cut into search terms, the same way at build time (here) and in the reader's
/// browser (Templates/static/search.js): Chinese runs give each character and each pair of
/// adjacent characters, so a two-character query matches inside a longer word; runs of Latin
/// letters and digits give whole lowercased words. Full-width letters and digits count as ASCII.
public enum SearchTokenizer {
    public enum Run: Equatable {
        case chinese([Character])
        case word(String)
    }

    public static func runs(_ text: String) -> [Run] {
        var runs: [Run] = []
        var chinese: [Character] = []
        var word = ""
        func flush() {
            if !chinese.isEmpty { runs.append(.chinese(chinese)); chinese = [] }
            if !word.isEmpty { runs.append(.word(word)); word = "" }
        }
        for scalar in text.unicodeScalars {
            let normalized = normalize(scalar)
            if isChinese(normalized) {
                if !word.isEmpty { flush() }
                chinese.append(Character(normalized))
            } else if normalized.isASCII, let ascii = Character(normalized).asciiValue,
                      (48...57).contains(ascii) || (97...122).contains(ascii) {
                if !chinese.isEmpty { flush() }
                word.unicodeScalars.append(normalized)
            } else {
                flush()
            }
        }
        flush()
        return runs
    }

    /// Every term of a text, for the index: characters, character pairs and words.
    public static func indexTerms(_ text: String) -> [String] {
        var terms: [String] = []
        for run in runs(text) {
            switch run {
            case .chinese(let characters):
                for (index, character) in characters.enumerated() {
                    terms.append(String(character))
                    if index + 1 < characters.count { terms.append(String(character) + String(characters[index + 1])) }
                }
            case .word(let word):
                terms.append(word)
            }
        }
        return terms
    }

    /// The terms a query must all match: pairs of a Chinese run (its one character when alone), and words.
    public static func queryTerms(_ text: String) -> [String] {
        var terms: [String] = []
        for run in runs(text) {
            switch run {
            case .chinese(let characters) where characters.count == 1:
                terms.append(String(characters[0]))
            case .chinese(let characters):
                for index in 0..<(characters.count - 1) { terms.append(String(characters[index]) + String(characters[index + 1])) }
            case .word(let word):
                terms.append(word)
            }
        }
        var seen: Set<String> = []
        return terms.filter { seen.insert($0).inserted }
    }

    static func normalize(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        var value = scalar.value
        if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
        if (65...90).contains(value) { value += 32 }
        return Unicode.Scalar(value) ?? scalar
    }

    static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF, 0x3040...0x30FF:
            return true
        default:
            return false
        }
    }

    /// FNV-1a over the term's UTF-8 bytes: which shard of the index holds a term.
    public static func shard(of term: String, count: Int) -> Int {
        var hash: UInt32 = 0x811C9DC5
        for byte in term.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return Int(hash % UInt32(count))
    }
}
