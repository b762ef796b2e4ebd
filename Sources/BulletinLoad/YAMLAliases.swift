import BulletinSupport

/// Finds the first YAML anchor (`&name`) or alias (`*name`). Content files have no use for them,
/// and an alias used as a mapping key makes the YAML library hash a structure that can grow
/// exponentially (the "billion laughs"), so they are refused before parsing.
enum YAMLAliases {
    /// 1-based line and column (in characters) of the first anchor or alias, skipping quoted
    /// text, comments and the contents of block scalars (`|`, `>`). Scans bytes: every character
    /// it looks for is ASCII, and no byte of a longer character is.
    static func first(in yaml: String) -> (line: Int, column: Int)? {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            var blockIndent: Int?
            var line = 0
            var lineStart = 0
            while lineStart <= bytes.count {
                line += 1
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                let text = UnsafeBufferPointer(rebasing: bytes[lineStart ..< lineEnd])
                defer { lineStart = lineEnd + 1 }
                let indent = text.prefix { $0 == UInt8(ascii: " ") }.count
                if let block = blockIndent {
                    if indent == text.count || indent > block { continue }
                    blockIndent = nil
                }
                if let column = anchorColumn(in: text) {
                    return (line, String(decoding: text[..<column], as: UTF8.self).count + 1)
                }
                // A key or item ending in '|' or '>' starts a block scalar: its lines are text.
                var end = text.count
                while end > 0, text[end - 1] == UInt8(ascii: " ") { end -= 1 }
                if end > 0, text[end - 1] == UInt8(ascii: "|") || text[end - 1] == UInt8(ascii: ">") {
                    blockIndent = indent
                } else if end > 1, text[end - 1] == UInt8(ascii: "-") || text[end - 1] == UInt8(ascii: "+"),
                          text[end - 2] == UInt8(ascii: "|") || text[end - 2] == UInt8(ascii: ">") {
                    blockIndent = indent
                }
            }
            return nil
        }
    }

    /// The byte offset of an anchor or alias on one line outside quotes and comments.
    private static func anchorColumn(in text: UnsafeBufferPointer<UInt8>) -> Int? {
        func isOneOf(_ byte: UInt8, _ set: StaticString) -> Bool {
            set.withUTF8Buffer { $0.contains(byte) }
        }
        var index = 0
        var quote: UInt8?
        var previous = UInt8(ascii: " ")
        while index < text.count {
            let byte = text[index]
            if let open = quote {
                if byte == open {
                    if open == UInt8(ascii: "'"), index + 1 < text.count, text[index + 1] == UInt8(ascii: "'") { index += 1 } else { quote = nil }
                } else if byte == UInt8(ascii: "\\"), open == UInt8(ascii: "\"") {
                    index += 1
                }
            } else if byte == UInt8(ascii: "#"), previous == UInt8(ascii: " ") || index == 0 {
                return nil
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"), isOneOf(previous, " \t[{,:-?") {
                quote = byte
            } else if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "*"), isOneOf(previous, " \t[{,:-?"),
                      index + 1 < text.count, !isOneOf(text[index + 1], " \t,[]{}") {
                return index
            }
            previous = byte
            index += 1
        }
        return nil
    }
}
