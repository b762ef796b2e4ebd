import BulletinSupport

/// How text is cut into search terms, the same way at build time (here) and in the reader's
/// browser (Templates/static/search.js): Chinese runs give each pair of adjacent characters, so
/// a two-character query matches inside a longer word, and in titles and names each character
/// too, so a one-character query finds the pages named with it (single characters of the text
/// were most of the index, for queries readers rarely type); runs of Latin
/// letters and digits give whole lowercased words; a glossary word (`SearchGlossary`) is a term
/// too. Full-width letters and digits count as ASCII; invisible characters count as nothing.
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
            // Zero-width characters and marks that reorder text neither make nor end a term:
            // `亲子<U+200B>阅读` gives 子阅.
            if TextCharacters.isInvisible(normalized.value) {
                continue
            } else if isChinese(normalized) {
                if !word.isEmpty { flush() }
                chinese.append(Character(normalized))
            } else if isWordCharacter(normalized.value) {
                if !chinese.isEmpty { flush() }
                word.unicodeScalars.append(normalized)
            } else {
                flush()
            }
        }
        flush()
        return runs
    }

    /// Every term of a text, for the index: characters (when asked), character pairs, glossary
    /// words and words.
    public static func indexTerms(_ text: String, characters withCharacters: Bool = true) -> [String] {
        var terms: [String] = []
        for run in runs(text) {
            switch run {
            case .chinese(let characters):
                for (index, character) in characters.enumerated() {
                    if withCharacters { terms.append(String(character)) }
                    if index + 1 < characters.count { terms.append(String(character) + String(characters[index + 1])) }
                    for (scalars, _, word) in SearchGlossary.indexed where scalars.count <= index + 1 {
                        let end = characters[(index + 1 - scalars.count)...index]
                        if end.map({ $0.unicodeScalars.first!.value }) == scalars { terms.append(word) }
                    }
                }
            case .word(let word):
                terms.append(word)
            }
        }
        return terms
    }

    /// The terms a query must all match: each glossary word of a Chinese run whole, the pairs of
    /// the stretches between them, and words; a run of one character is that character.
    public static func queryTerms(_ text: String) -> [String] {
        var terms: [String] = []
        for run in runs(text) {
            switch run {
            case .chinese(let characters):
                var stretch: [Character] = []
                var stretchStart = 0
                func endStretch() {
                    // A lone character beside a glossary word goes with its neighbour: body text
                    // has no single characters in the index.
                    if stretch.count == 1 {
                        if characters.count == 1 {
                            terms.append(String(stretch[0]))
                        } else if stretchStart + 1 < characters.count {
                            terms.append(String(stretch[0]) + String(characters[stretchStart + 1]))
                        } else {
                            terms.append(String(characters[stretchStart - 1]) + String(stretch[0]))
                        }
                    }
                    for index in stride(from: 0, to: stretch.count - 1, by: 1) { terms.append(String(stretch[index]) + String(stretch[index + 1])) }
                    stretch = []
                }
                var index = 0
                while index < characters.count {
                    if let length = SearchGlossary.word(in: characters, at: index) {
                        endStretch()
                        terms.append(String(characters[index..<(index + length)]))
                        index += length
                    } else {
                        if stretch.isEmpty { stretchStart = index }
                        stretch.append(characters[index])
                        index += 1
                    }
                }
                endStretch()
            case .word(let word):
                terms.append(word)
            }
        }
        var seen: Set<String> = []
        return terms.filter { seen.insert($0).inserted }
    }

    /// The runs of a query as the text a page must hold, for phrase matches: each Chinese run
    /// and each word, normalized.
    public static func phrases(_ text: String) -> [String] {
        runs(text).map { run in
            switch run {
            case .chinese(let characters): return String(characters)
            case .word(let word): return word
            }
        }
    }

    static func normalize(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        Unicode.Scalar(normalized(scalar.value)) ?? scalar
    }

    /// Full-width forms to ASCII, then upper case to lower. On code points, for the byte path of
    /// `countTerms` as for `normalize`.
    @inline(__always)
    static func normalized(_ value: UInt32) -> UInt32 {
        var value = value
        if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
        if (65...90).contains(value) { value += 32 }
        return value
    }

    static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        isChinese(scalar.value)
    }

    @inline(__always)
    static func isChinese(_ value: UInt32) -> Bool {
        // The unified ideographs, nearly every character of the text, with one test.
        if value &- 0x4E00 <= 0x9FFF - 0x4E00 { return true }
        switch value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF, 0x3040...0x30FF:
            return true
        default:
            return false
        }
    }

    /// A lowercase ASCII letter or a digit, after `normalized`: what words are made of.
    @inline(__always)
    static func isWordCharacter(_ value: UInt32) -> Bool {
        (48...57).contains(value) || (97...122).contains(value)
    }

    /// The index terms of a text as numbers, with how often each occurs, for building the index fast:
    /// a Chinese character `a` is `a << 32`, a pair `ab` is `a << 32 | b`, and a word has the top bit
    /// set over its FNV-1a hash (its text is returned in `words`, which holds the texts of the
    /// words `counts` holds and goes with it from one call to the next). Same terms as `indexTerms`.
    /// Decodes the UTF-8 bytes itself: walking the text's Unicode scalars was most of counting.
    public static func countTerms(_ text: String, weight: Int32, characters: Bool = true, into counts: inout TermCounts,
                                  words: inout [UInt64: String]) {
        var text = text
        let glossary = SearchGlossary.indexed
        SearchGlossary.lastCharacters.withUnsafeBufferPointer { endings in
            text.withUTF8 { bytes in
                var previous: UInt64 = 0
                // The characters before `previous` in the same run, nearest first, for glossary words.
                var before: (UInt32, UInt32, UInt32) = (0, 0, 0)
                // A word is hashed as its letters come, and its text is made again from its bytes
                // only when it is new to the counts (which `words` goes with): collecting every
                // word's letters, and looking its text up at every occurrence, cost more than counting.
                var wordHash = FNV1a.offset
                var wordStart = -1
                func endWord(at end: Int) {
                    guard wordStart >= 0 else { return }
                    let code = wordCode(hash: wordHash)
                    if counts.add(code, weight: weight) { words[code] = wordText(UnsafeBufferPointer(rebasing: bytes[wordStart..<end])) }
                    wordHash = FNV1a.offset
                    wordStart = -1
                }
                var index = 0
                while index < bytes.count {
                    let start = index
                    let lead = bytes[index]
                    var value: UInt32
                    if lead < 0x80 {
                        value = UInt32(lead)
                        index += 1
                    } else if lead < 0xE0 {
                        value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                        index += 2
                    } else if lead < 0xF0 {
                        value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                        index += 3
                    } else {
                        value = UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                            | UInt32(bytes[index + 3] & 0x3F)
                        index += 4
                    }
                    value = normalized(value)
                    // Chinese characters first, the most of the text; no invisible character is Chinese
                    // or a letter, so testing for them last changes nothing.
                    if isChinese(value) {
                        endWord(at: start)
                        let code = UInt64(value)
                        if characters { counts.add(code << 32, weight: weight) }
                        if previous != 0 { counts.add(previous << 32 | code, weight: weight) }
                        if SearchGlossary.mayEnd(value, endings) {
                            let recent = (value, UInt32(previous), before.0, before.1, before.2)
                            for (scalars, glossaryCode, glossaryWord) in glossary
                            where SearchGlossary.ends(scalars, recent) {
                                counts.add(glossaryCode, weight: weight)
                                if words[glossaryCode] == nil { words[glossaryCode] = glossaryWord }
                            }
                        }
                        before = previous == 0 ? (0, 0, 0) : (UInt32(previous), before.0, before.1)
                        previous = code
                    } else if isWordCharacter(value) {
                        previous = 0
                        before = (0, 0, 0)
                        if wordStart < 0 { wordStart = start }
                        wordHash = FNV1a.mix(wordHash, UInt8(value))
                    } else if TextCharacters.isInvisible(value) {
                        continue
                    } else {
                        previous = 0
                        before = (0, 0, 0)
                        endWord(at: start)
                    }
                }
                endWord(at: bytes.count)
            }
        }
    }

    /// A word's text from the bytes it was read from: its letters and digits, folded as `runs`
    /// folds them; the invisible characters among them dropped.
    private static func wordText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Most words are as they were typed: lowercase ASCII letters and digits.
        if bytes.allSatisfy({ isWordCharacter(UInt32($0)) }) { return String(decoding: bytes, as: UTF8.self) }
        var letters: [UInt8] = []
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            let value = normalized(scalar.value)
            if isWordCharacter(value) { letters.append(UInt8(value)) }
        }
        return String(decoding: letters, as: UTF8.self)
    }

    /// The term number of a word or a glossary word: the top bit set over its FNV-1a hash.
    static func wordCode(_ utf8: [UInt8]) -> UInt64 {
        wordCode(hash: utf8.withUnsafeBufferPointer(FNV1a.hash))
    }

    /// The term number of a word from the FNV-1a hash of its bytes.
    @inline(__always)
    private static func wordCode(hash: UInt64) -> UInt64 {
        (1 << 63) | (hash >> 1)
    }

    /// The text of a term number made by `countTerms`.
    public static func term(of code: UInt64, words: [UInt64: String]) -> String {
        if code >> 63 == 1 { return words[code] ?? "" }
        var text = String(Unicode.Scalar(UInt32(code >> 32))!)
        let second = UInt32(code & 0xFFFF_FFFF)
        if second != 0 { text.unicodeScalars.append(Unicode.Scalar(second)!) }
        return text
    }

    /// The UTF-8 bytes of a term number made by `countTerms`, appended without making its text.
    static func appendTerm(of code: UInt64, words: [UInt64: String], to bytes: inout IndexBytes) {
        if code >> 63 == 1 {
            var word = words[code] ?? ""
            word.withUTF8 { utf8 in
                bytes.reserve(utf8.count)
                bytes.append(utf8)
            }
            return
        }
        bytes.reserve(8)
        forEachUTF8(UInt32(code >> 32)) { bytes.append($0) }
        let second = UInt32(code & 0xFFFF_FFFF)
        if second != 0 { forEachUTF8(second) { bytes.append($0) } }
    }

    /// `hash(term(of: code, words: words))`, without making the term's text: the shard of each
    /// of millions of terms is found this way.
    static func hash(of code: UInt64, words: [UInt64: String]) -> UInt32 {
        if code >> 63 == 1 { return hash(words[code] ?? "") }
        var hash = fnvOffset
        forEachUTF8(UInt32(code >> 32)) { mix(&hash, $0) }
        let second = UInt32(code & 0xFFFF_FFFF)
        if second != 0 { forEachUTF8(second) { mix(&hash, $0) } }
        return hash
    }

    /// `body` of each UTF-8 byte of a code point, in order, with no array made for them.
    @inline(__always)
    private static func forEachUTF8(_ value: UInt32, _ body: (UInt8) -> Void) {
        switch value {
        case ..<0x80:
            body(UInt8(value))
        case ..<0x800:
            body(UInt8(0xC0 | value >> 6))
            body(UInt8(0x80 | value & 0x3F))
        case ..<0x10000:
            body(UInt8(0xE0 | value >> 12))
            body(UInt8(0x80 | value >> 6 & 0x3F))
            body(UInt8(0x80 | value & 0x3F))
        default:
            body(UInt8(0xF0 | value >> 18))
            body(UInt8(0x80 | value >> 12 & 0x3F))
            body(UInt8(0x80 | value >> 6 & 0x3F))
            body(UInt8(0x80 | value & 0x3F))
        }
    }

    /// Which shard of the index holds a term.
    public static func shard(of term: String, count: Int) -> Int {
        Int(hash(term) % UInt32(count))
    }

    /// FNV-1a (32 bits) over the term's UTF-8 bytes: its shard, and the name of its own file.
    public static func hash(_ term: String) -> UInt32 {
        var hash = fnvOffset
        for byte in term.utf8 { mix(&hash, byte) }
        return hash
    }

    private static let fnvOffset: UInt32 = 0x811C9DC5

    /// One step of FNV-1a (32 bits): both hashes above take the same steps over the same bytes.
    @inline(__always)
    private static func mix(_ hash: inout UInt32, _ byte: UInt8) {
        hash = (hash ^ UInt32(byte)) &* 0x0100_0193
    }
}
