/// Where a byte of UTF-8 text stands as an editor counts it: the 1-based line, and the column in
/// characters (一 is one column, not three). Lines end at a line feed, so a CR LF file counts as
/// its editor shows it.
package enum TextPosition {
    package static func of(byteOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        let before = UnsafeBufferPointer(rebasing: bytes[..<offset])
        var line = 1
        var lineStart = 0
        for (index, byte) in before.enumerated() where byte == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return (line, String(decoding: UnsafeBufferPointer(rebasing: before[lineStart...]), as: UTF8.self).count + 1)
    }

    package static func of(byteOffset offset: Int, in text: String) -> (line: Int, column: Int) {
        var text = text
        return text.withUTF8 { of(byteOffset: offset, in: $0) }
    }
}
