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
            let after = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset...]), as: UTF8.self)
            let (line, column) = TextPosition.of(byteOffset: offset, in: bytes)
            return (after.unicodeScalars.first!, line, column)
        }
    }

    /// The byte offset of the first forbidden character in valid UTF-8, found on the bytes: most
    /// text is Chinese, and looking at it character by character cost more than the rest of reading.
    package static func firstForbiddenOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count, !ByteWords.mayHoldForbidden(ByteWords.word(at: index, in: bytes)) {
                index += 8
                continue
            }
            let end = min(index + 8, count)
            while index < end {
                if let found = forbidden(at: index, in: bytes) { return found }
                index += 1
            }
        }
        return nil
    }

    /// `index` when a forbidden character starts there.
    @inline(__always)
    private static func forbidden(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
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

    /// Characters that take no room on a page but change the text: zero-width spaces and joiners,
    /// the word joiner, a byte-order mark inside the text, and the marks that reorder a line.
    /// Text pasted from web pages, Word and WPS carries them; a reader sees nothing, but the
    /// word they sit in no longer matches what is typed in the search box or in a reference.
    package static func isInvisible(_ scalar: Unicode.Scalar) -> Bool { isInvisible(scalar.value) }

    /// The same, for a code point read from bytes (the search index reads text that way).
    @inlinable
    package static func isInvisible(_ value: UInt32) -> Bool {
        switch value {
        case 0x200B ... 0x200D, 0x2060, 0xFEFF, 0x202A ... 0x202E, 0x2066 ... 0x2069: return true
        default: return false
        }
    }

    /// A joiner between two emoji makes one picture of them (a family, a flag): it is meant.
    package static func joinsEmoji(_ before: Unicode.Scalar?, _ after: Unicode.Scalar?) -> Bool {
        guard let before, let after else { return false }
        func pictured(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value >= 0x2000 && (scalar.properties.isEmoji || scalar.properties.isEmojiModifier)
        }
        return (pictured(before) || before.value == 0xFE0F) && pictured(after)
    }

    /// Spaces other than the ASCII space that a Chinese input method or Word types: the
    /// full-width space, the non-breaking spaces and the typographic spaces.
    package static func isOtherSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00A0, 0x1680, 0x2000 ... 0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// What a character of `isInvisible` or `isOtherSpace` is called, with its code
    /// ("zero-width space <U+200B>"): the editor sees nothing, or something like a space, so the
    /// message names it.
    package static func named(_ scalar: Unicode.Scalar, in language: Language = .english) -> String {
        guard let code = nameCode(scalar) else { return visible(scalar) }
        return Catalogue.text(code, in: language) + " " + visible(scalar)
    }

    /// The catalogue's name of a character of `isInvisible` or `isOtherSpace`.
    package static func nameCode(_ scalar: Unicode.Scalar) -> MessageCode? {
        switch scalar.value {
        case 0x00A0: .characterNonBreakingSpace
        case 0x3000: .characterFullWidthSpace
        case 0x202F: .characterNarrowNonBreakingSpace
        case 0x200B: .characterZeroWidthSpace
        case 0x200C: .characterZeroWidthNonJoiner
        case 0x200D: .characterZeroWidthJoiner
        case 0x2060: .characterWordJoiner
        case 0xFEFF: .characterByteOrderMark
        case 0x202A ... 0x202E, 0x2066 ... 0x2069: .characterTextDirectionMark
        case 0x1680, 0x2000 ... 0x200A, 0x205F: .characterSpecialWidthSpace
        default: nil
        }
    }

    /// Text an editor typed, in quotes for a message, with every character that cannot be seen
    /// written out: `'dadukou<U+200B>-kindergarten'`. Without it, a name that holds a zero-width
    /// space or a non-breaking space reads exactly like the name it fails to match.
    package static func quoted(_ text: String) -> String {
        "'" + shown(text) + "'"
    }

    /// As `quoted`, without the quotes: for a name inside a path, `bases/wanzhou<U+200B>/`.
    package static func shown(_ text: String) -> String {
        func hidden(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x20 || isForbidden(scalar) || isInvisible(scalar) || (isOtherSpace(scalar) && scalar.value != 0x3000)
        }
        return replacing(hidden, in: text, with: visible)
    }

    /// The text without the characters of `isInvisible` (a joiner between emoji is kept).
    package static func removingInvisible(_ text: String) -> String {
        replacing(isInvisible, in: text) { _ in "" }
    }

    /// The text with each character `picked` chooses written as `replacement` gives it, but for
    /// a zero-width joiner between two emoji, which is part of the picture they make.
    private static func replacing(_ picked: (Unicode.Scalar) -> Bool, in text: String,
                                  with replacement: (Unicode.Scalar) -> String) -> String {
        guard text.unicodeScalars.contains(where: picked) else { return text }
        var result = ""
        var previous: Unicode.Scalar?
        var scalars = text.unicodeScalars.makeIterator()
        var current = scalars.next()
        while let scalar = current {
            let next = scalars.next()
            if picked(scalar), !(scalar.value == 0x200D && joinsEmoji(previous, next)) {
                result += replacement(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
            previous = scalar
            current = next
        }
        return result
    }

    /// The invisible characters of `text`, each once, written out: "<U+200B>", "<U+200B> and <U+FEFF>".
    package static func invisibleNames(in text: String) -> [String] {
        var seen: [String] = []
        for scalar in text.unicodeScalars where isInvisible(scalar) && !seen.contains(visible(scalar)) {
            seen.append(visible(scalar))
        }
        return seen
    }

    /// The invisible characters of valid UTF-8, with their byte offsets, found on the bytes (all
    /// of them start with 0xE2 or 0xEF); a joiner between two emoji is meant and left out.
    package static func invisibles(in bytes: UnsafeBufferPointer<UInt8>) -> [(offset: Int, scalar: Unicode.Scalar)] {
        var found: [(offset: Int, scalar: Unicode.Scalar)] = []
        let count = bytes.count
        var index = 0
        while index + 2 < count {
            if index + 8 <= count, !ByteWords.mayHoldInvisible(ByteWords.word(at: index, in: bytes)) {
                index += 8
                continue
            }
            let lead = bytes[index]
            guard lead == 0xE2 || lead == 0xEF else {
                index += 1
                continue
            }
            let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            if let character = Unicode.Scalar(value), isInvisible(character) {
                if value != 0x200D || !joinsEmoji(scalar(before: index, in: bytes), scalar(at: index + 3, in: bytes)) {
                    found.append((index, character))
                }
            }
            index += 3
        }
        return found
    }

    private static func scalar(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard offset < bytes.count else { return nil }
        let end = min(bytes.count, offset + 4)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset ..< end]), as: UTF8.self).unicodeScalars.first
    }

    private static func scalar(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var start = offset - 1
        while start > 0, offset - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard start >= 0 else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< offset]), as: UTF8.self).unicodeScalars.first
    }
}
