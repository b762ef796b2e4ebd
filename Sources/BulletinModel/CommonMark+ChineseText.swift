import BulletinImages
import Foundation

/// What Chinese text looks like to the checks of a body: how it numbers items and sections, and
/// which characters are its punctuation. Plain text, apart from libcmark's nodes.
extension CommonMark {
    /// The number a text starts with when it numbers an item the way Chinese text does: one or two
    /// digits (half- or full-width) and `．` `、` `.` `)` `）`, not followed by a digit (`3.5万`
    /// is a quantity); a number or Chinese numeral in parentheses; one to three Chinese numerals
    /// and `、`; or a circled number.
    static func itemNumber(at text: UnsafeBufferPointer<UInt8>) -> String? {
        let scalars = Array(String(decoding: UnsafeBufferPointer(rebasing: text.prefix(24)), as: UTF8.self).unicodeScalars.prefix(6))
        func isDigit(_ index: Int) -> Bool {
            index < scalars.count && (("0"..."9").contains(scalars[index]) || ("\u{FF10}"..."\u{FF19}").contains(scalars[index]))
        }
        func isNumeral(_ index: Int) -> Bool { index < scalars.count && scalars[index].isChineseNumeral }
        func number(through end: Int) -> String { String(String.UnicodeScalarView(scalars[...end])) }
        guard let first = scalars.first else { return nil }
        if ("\u{2460}"..."\u{2473}").contains(first) { return number(through: 0) }
        if first == "(" || first == "\u{FF08}" {
            var end = 1
            while end < 4, isDigit(end) || isNumeral(end) { end += 1 }
            guard end > 1, end < scalars.count, scalars[end] == ")" || scalars[end] == "\u{FF09}" else { return nil }
            return number(through: end)
        }
        var end = 0
        if isDigit(0) {
            while end < 2, isDigit(end) { end += 1 }
            guard end < scalars.count, "．、.)）".unicodeScalars.contains(scalars[end]), !isDigit(end + 1) else { return nil }
            return number(through: end)
        }
        while end < 3, isNumeral(end) { end += 1 }
        // 一、二年级 counts grades, not sections.
        guard end > 0, end < scalars.count, scalars[end] == "、", !isNumeral(end + 1) else { return nil }
        return number(through: end)
    }

    /// The bullet a line starts with when it is an item of a list pasted from Word or WPS, or
    /// typed as one: `•`, `●`, `■`, `◆`, `▪`, `➢`, `✓` and their kind, and the characters of
    /// Word's Symbol and Wingdings fonts that its bullets paste as (U+F0B7 and others, which
    /// browsers cannot show). Followed by a space, a tab or text; nil when the text starts otherwise.
    static func bullet(at text: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        // Every bullet is three bytes in UTF-8 (U+0800 to U+FFFF): the rest of the text is left
        // undecoded, as this runs for every text of every body.
        guard text.count >= 3, text[0] & 0xF0 == 0xE0, text[1] & 0xC0 == 0x80, text[2] & 0xC0 == 0x80 else { return nil }
        let value = UInt32(text[0] & 0x0F) << 12 | UInt32(text[1] & 0x3F) << 6 | UInt32(text[2] & 0x3F)
        guard bullets.contains(value) else { return nil }
        return Unicode.Scalar(value)
    }

    /// Not ★, □ or ○: a starred note, a form's check box and a zero typed as ○ start lines too.
    private static let bullets: Set<UInt32> = [0x2022, 0x25CF, 0x25A0, 0x25C6, 0x25C7, 0x25AA, 0x25AB, 0x25BA, 0x25B6,
                                               0x27A2, 0x27A4, 0x2713, 0x2714,
                                               0xF0B7, 0xF0A7, 0xF0D8, 0xF076, 0xF0FC, 0xF06E, 0xF0A8, 0xF0E0]

    /// The first link or image in a text typed with a Chinese input method's punctuation: `！`,
    /// `【】` or `（）` where Markdown needs `!`, `[]` and `()` (`！[现场]（../a.jpg）`, `【通知】(…)`).
    /// The parentheses must hold an address: a path from here (`../`, `./`, `/`), a web or mail
    /// address, or a file with the extension of a photo or a document; so that `【通知】（2021年）`,
    /// `【对象】（小学/初中）` and `（www.moe.gov.cn）` are left alone. Returns it as typed, as
    /// Markdown reads it, where it starts in the text, in bytes, and whether it is a link (no `!`)
    /// to a photo, which the editor may have meant to show.
    static func linkTypedFullWidth(_ text: UnsafeBufferPointer<UInt8>) -> (typed: String, fixed: String, offset: Int, linksPhoto: Bool)? {
        guard closesBeforeOpening(text) else { return nil }
        let scalars = Array(String(decoding: text, as: UTF8.self).unicodeScalars)
        func string(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        var open = 0
        while open < scalars.count {
            defer { open += 1 }
            guard "[【［".unicodeScalars.contains(scalars[open]),
                  let close = scalars[(open + 1)...].firstIndex(where: { "[【［]】］".unicodeScalars.contains($0) }),
                  "]】］".unicodeScalars.contains(scalars[close]), close + 1 < scalars.count,
                  scalars[close + 1] == "(" || scalars[close + 1] == "（",
                  let end = scalars[(close + 2)...].firstIndex(where: { $0 == ")" || $0 == "）" }) else { continue }
            let destination = string((close + 2)..<end)
            let bang = open > 0 && (scalars[open - 1] == "!" || scalars[open - 1] == "！") ? open - 1 : nil
            let marks = [scalars[open], scalars[close], scalars[close + 1], scalars[end]] + (bang.map { [scalars[$0]] } ?? [])
            guard marks.contains(where: { !$0.isASCII }), !destination.isEmpty,
                  !destination.unicodeScalars.contains(where: { $0 == " " || $0 == "\u{3000}" }), isAddress(destination) else { continue }
            let start = bang ?? open
            let fixed = (bang == nil ? "" : "!") + "[" + string((open + 1)..<close) + "](" + destination + ")"
            return (string(start..<(end + 1)), fixed, string(0..<start).utf8.count, bang == nil && ImageStage.isRaster(destination))
        }
        return nil
    }

    /// Whether `]`, `】` or `］` is followed at once by `(` or `（` somewhere in the text: nearly
    /// every text of a body has none, and decoding each into scalars to look was a twentieth of a
    /// build's time on text of a large vocabulary. `]` and the last bytes of `】` (E3 80 91) and
    /// `］` (EF BC BD) are found by memchr, which looks at many bytes at once.
    private static func closesBeforeOpening(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return false }
        func opens(at offset: Int) -> Bool {
            (offset < text.count && text[offset] == 0x28)
                || (offset + 2 < text.count && text[offset] == 0xEF && text[offset + 1] == 0xBC && text[offset + 2] == 0x88)
        }
        for (closing, lead) in [(0x5D, nil), (0x91, (0xE3, 0x80)), (0xBD, (0xEF, 0xBC))] as [(UInt8, (UInt8, UInt8)?)] {
            var offset = 0
            while offset < text.count, let found = memchr(base + offset, Int32(closing), text.count - offset) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                let closes = lead.map { at >= 2 && text[at - 2] == $0.0 && text[at - 1] == $0.1 } ?? true
                if closes, opens(at: at + 1) { return true }
                offset = at + 1
            }
        }
        return false
    }

    /// Whether a link's destination is an address as an editor writes one in Markdown.
    private static func isAddress(_ destination: String) -> Bool {
        if ["../", "./", "/", "http://", "https://", "mailto:"].contains(where: destination.hasPrefix) { return true }
        guard let dot = destination.lastIndex(of: ".") else { return false }
        return fileExtensions.contains(destination[destination.index(after: dot)...].lowercased())
    }

    private static let fileExtensions: Set<String> = ["jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "tif", "tiff", "bmp",
                                                      "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "wps", "et", "ofd",
                                                      "zip", "rar", "txt", "md"]

    /// Full-width punctuation and the curly quotes and dashes of Chinese text.
    static func isChinesePunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3001...0x3003, 0x3008...0x3011, 0x3014...0x301F, 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65,
             0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026:
            return true
        default:
            return false
        }
    }

    /// The brackets and quotes that open: （ “ ‘ 《 【 「 『 〔 〈 〖.
    static func isOpeningPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        [0xFF08, 0x201C, 0x2018, 0x300A, 0x3010, 0x300C, 0x300E, 0x3014, 0x3008, 0x3016].contains(scalar.value)
    }
}
