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
}
