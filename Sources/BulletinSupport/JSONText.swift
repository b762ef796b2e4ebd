import Foundation

/// JSON written by hand where files are large or many (the search index): the encoders of
/// Foundation took longer than making the data.
package enum JSONText {
    /// A JSON string literal; only quotes, backslashes and control characters need escapes.
    package static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendQuoted(utf8: $0, to: &bytes) }
    }

    /// The first `limit` Unicode scalars of `text` from its byte `start` as a string literal; a
    /// scalar starts at each byte that is not a continuation byte. Returns the byte where it
    /// stopped: the text's length when all of it was taken.
    @discardableResult
    package static func appendQuoted(_ text: String, scalars limit: Int, from start: Int = 0, to bytes: inout [UInt8]) -> Int {
        var text = text
        return text.withUTF8 { utf8 in
            var scalars = 0
            var end = start
            // Eight bytes at a time while the limit is not near: a snippet is most of its text.
            while end + 8 <= utf8.count {
                let continuations = ByteWords.continuationBytes(in: ByteWords.word(at: end, in: utf8))
                guard scalars + 8 - continuations <= limit else { break }
                scalars += 8 - continuations
                end += 8
            }
            while end < utf8.count {
                if utf8[end] & 0xC0 != 0x80 {
                    if scalars == limit { break }
                    scalars += 1
                }
                end += 1
            }
            appendQuoted(utf8: UnsafeBufferPointer(rebasing: utf8[start..<end]), to: &bytes)
            return end
        }
    }

    /// Runs that need no escape are copied whole: byte by byte, a search index's texts took a
    /// tenth of a build's instructions.
    private static func appendQuoted(utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        while index < utf8.count {
            // Eight bytes at a time past those that need no escape: most bytes of Chinese text.
            if index + 8 <= utf8.count {
                if !needsEscape(ByteWords.word(at: index, in: utf8)) {
                    index += 8
                    continue
                }
            }
            let position = index
            let byte = utf8[position]
            index += 1
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart ..< position]))
            runStart = position + 1
            switch byte {
            case UInt8(ascii: "\""): bytes += [92, 34]
            case UInt8(ascii: "\\"): bytes += [92, 92]
            case 0x0A: bytes += [92, UInt8(ascii: "n")]
            case 0x0D: bytes += [92, UInt8(ascii: "r")]
            case 0x09: bytes += [92, UInt8(ascii: "t")]
            default:
                let hex = Array("0123456789abcdef".utf8)
                bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart ..< utf8.count]))
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes is a control character, a quote or a backslash.
    private static func needsEscape(_ word: UInt64) -> Bool {
        ByteWords.hasByte(below: 0x20, in: word) || ByteWords.hasByte(UInt8(ascii: "\""), in: word)
            || ByteWords.hasByte(UInt8(ascii: "\\"), in: word)
    }

    /// `["…","…"]`.
    package static func array(_ items: [String]) -> String {
        var bytes: [UInt8] = []
        appendArray(items, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `[["…","…"],…]`.
    package static func rows(_ rows: [[String]]) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, row) in rows.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendArray(row, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }

    /// A JSON array of strings read back, or nil when the bytes are not one.
    static func parseStrings(_ bytes: [UInt8]) -> [String]? {
        (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String]
    }

    package static func appendArray(_ items: [String], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendQuoted(item, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }
}
