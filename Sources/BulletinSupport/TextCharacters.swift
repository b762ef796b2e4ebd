/// Characters that are not text. XML 1.0 forbids the C0 controls but tab, line feed and carriage
/// return, and U+FFFE/U+FFFF: one of them makes the feed and the sitemap unreadable. HTML calls
/// every control and noncharacter a parse error. A terminal obeys them: an escape sequence
/// printed in a diagnostic can set the window's title or clear the screen of whoever runs
/// `check`.
package enum TextCharacters {
    /// Whether a page, the feed or the sitemap may not carry the character.
    package static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00 ... 0x1F, 0x7F ... 0x9F: return true
        case 0xFDD0 ... 0xFDEF: return true
        default: return scalar.value & 0xFFFE == 0xFFFE
        }
    }

    /// How a character that is not shown is written in a message: `<U+0001>`.
    package static func visible(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }

    /// The first forbidden character of `text`, with its 1-based line and column (in characters).
    package static func firstForbidden(in text: String) -> (scalar: Unicode.Scalar, line: Int, column: Int)? {
        var text = text
        return text.withUTF8 { bytes in
            guard let offset = firstForbiddenOffset(in: bytes) else { return nil }
            let before = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<offset]), as: UTF8.self)
            let after = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset...]), as: UTF8.self)
            let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
            return (after.unicodeScalars.first!, lines.count, lines.last!.count + 1)
        }
    }

    /// The byte offset of the first forbidden character in valid UTF-8, found on the bytes: most
    /// text is Chinese, and looking at it character by character cost more than the rest of reading.
    package static func firstForbiddenOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 {
                if byte != 0x09 && byte != 0x0A && byte != 0x0D { return index }
            } else if byte == 0x7F {
                return index
            } else if byte == 0xC2 {
                // U+0080 … U+009F
                if index + 1 < count, (0x80 ... 0x9F).contains(bytes[index + 1]) { return index }
            } else if byte == 0xEF, index + 2 < count {
                // U+FDD0 … U+FDEF, U+FFFE, U+FFFF
                let second = bytes[index + 1], third = bytes[index + 2]
                if second == 0xB7 && (0x90 ... 0xAF).contains(third) || second == 0xBF && third >= 0xBE { return index }
            } else if byte >= 0xF0, index + 3 < count {
                // U+xFFFE and U+xFFFF of the other planes.
                if bytes[index + 1] & 0x0F == 0x0F, bytes[index + 2] == 0xBF, bytes[index + 3] >= 0xBE { return index }
            }
            index += 1
        }
        return nil
    }

    /// The text as a terminal may print it: every character that is not shown, and the marks
    /// that reorder a line, written as `<U+…>`. Line feeds too, unless `keepingLines`: text from
    /// a file or a field is one line of a message, and a line feed inside it would start a line
    /// that looks like the tool's own.
    package static func printable(_ text: String, keepingLines: Bool = false) -> String {
        func hidden(_ scalar: Unicode.Scalar) -> Bool {
            if scalar == "\n" { return !keepingLines }
            return scalar.value < 0x20 && scalar != "\t" || isForbidden(scalar) || (0x202A ... 0x202E).contains(scalar.value)
                || (0x2066 ... 0x2069).contains(scalar.value)
        }
        guard text.unicodeScalars.contains(where: hidden) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if hidden(scalar) { result += visible(scalar) } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
