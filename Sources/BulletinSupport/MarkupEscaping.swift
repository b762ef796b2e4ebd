/// The five characters that can end a text run or an attribute value in HTML and XML, each
/// replaced by its entity wherever it occurs. It works on bytes: the five are ASCII, and a quote
/// followed by a combining mark (one Character, `"` + U+0301) is still escaped, where a parser
/// would end an attribute. The two languages differ only in the apostrophe's entity.
package enum MarkupEscaping {
    package static func append(_ text: String, apostrophe: StaticString, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in 0 ..< bytes.count {
                let entity: StaticString
                switch bytes[index] {
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = apostrophe
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart ..< index]))
                entity.withUTF8Buffer { output.append(contentsOf: $0) }
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart ..< bytes.count]))
        }
    }

    /// Whether `text` holds any of the five.
    package static func needsEscape(_ text: String) -> Bool {
        text.utf8.contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&")
            || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }
    }
}
