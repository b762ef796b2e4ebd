/// Turns a position given as a line and a byte column (as libcmark gives it) into the character
/// column editors count: 一 is one column, not three.
package struct CharacterColumns {
    private let text: String
    /// Byte offset of each line's start; made on the first question, since most texts have no problem to place.
    private var lineStarts: [Int]?

    package init(_ text: String) {
        self.text = text
    }

    /// The 1-based character column of `byteColumn` (1-based) on `line` (1-based); `byteColumn`
    /// itself when the line is not in the text.
    package mutating func column(line: Int, byteColumn: Int) -> Int {
        let starts = lineStarts ?? Self.lineStarts(of: text)
        lineStarts = starts
        guard line >= 1, line <= starts.count else { return byteColumn }
        let utf8 = text.utf8
        let lineStart = utf8.index(utf8.startIndex, offsetBy: starts[line - 1])
        let lineEnd = line < starts.count ? utf8.index(utf8.startIndex, offsetBy: starts[line] - 1) : utf8.endIndex
        let end = utf8.index(lineStart, offsetBy: max(0, byteColumn - 1), limitedBy: lineEnd) ?? lineEnd
        return String(decoding: utf8[lineStart..<end], as: UTF8.self).count + 1
    }

    private static func lineStarts(of text: String) -> [Int] {
        var starts = [0]
        for (offset, byte) in text.utf8.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        return starts
    }
}
