extension Unicode.Scalar {
    /// A Han character: the unified ideographs and their extensions, the compatibility
    /// ideographs, and 〇. What file names give in pinyin, and what the checks of a body take
    /// for Chinese text.
    var isHan: Bool {
        switch value {
        case 0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x323AF: return true
        default: return false
        }
    }

    /// A numeral of Chinese text's section, item and table numbers: 〇 and 一 to 十, and 零.
    var isChineseNumeral: Bool {
        switch value {
        case 0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x96F6: return true
        default: return false
        }
    }
}
