/// Eight bytes of UTF-8 read as one word, and tests on all eight at once, for the scans of
/// `TextCharacters` and the quoting of `JSONText`: a word in which no byte can start what a scan
/// looks for is passed whole.
/// Byte by byte, the scans for forbidden and invisible characters were 3% of a build's processor
/// time, over text that almost never holds one. Each test may say yes for a word that holds no
/// such byte (the scan then reads that word byte by byte), never no for one that does.
enum ByteWords {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    static func word(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
    }

    /// Whether a byte of `word` is below `limit` (at most 128).
    @inline(__always)
    static func hasByte(below limit: UInt8, in word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }

    @inline(__always)
    static func hasByte(_ value: UInt8, in word: UInt64) -> Bool {
        let matched = word ^ (ones &* UInt64(value))
        return (matched &- ones) & ~matched & highs != 0
    }

    /// How many bytes of `word` continue a character (0b10xxxxxx): eight less this many start one.
    @inline(__always)
    static func continuationBytes(in word: UInt64) -> Int {
        (word & ~(word << 1) & highs).nonzeroBitCount
    }

    /// Whether a byte of `word` starts a four-byte character (0xF0 and above).
    @inline(__always)
    static func hasFourByteLead(in word: UInt64) -> Bool {
        word & (word << 1) & (word << 2) & (word << 3) & highs != 0
    }

    /// The bytes `TextCharacters.firstForbiddenOffset` stops at: controls, DEL, and the lead
    /// bytes of C1 controls (0xC2), of U+FDD0…U+FFFF (0xEF) and of the other planes.
    @inline(__always)
    static func mayHoldForbidden(_ word: UInt64) -> Bool {
        hasByte(below: 0x20, in: word) || hasByte(0x7F, in: word) || hasByte(0xC2, in: word) || hasByte(0xEF, in: word)
            || hasFourByteLead(in: word)
    }

    /// The lead bytes of `TextCharacters.isInvisible`'s characters: 0xE2 (U+2000…) and 0xEF (U+FEFF).
    @inline(__always)
    static func mayHoldInvisible(_ word: UInt64) -> Bool {
        hasByte(0xE2, in: word) || hasByte(0xEF, in: word)
    }
}
