import BulletinModel

/// The hand-typed heading numbers of Chinese official documents (GB/T 9704): 一、 opens a
/// section, （一） a part of it, 1. (or 1．, 1、) a point, and （1） an item that stays inside its
/// paragraph. District offices type these numbers and format the headings directly (黑体, 楷体,
/// bold 仿宋) rather than with Word's heading styles, so what a paragraph is follows from its
/// number, its length and its bold, not from a style.
///
/// The rule:
/// - 一、 → level 2, （一） → level 3: a paragraph that starts with one is a heading when it is
///   short (at most `shortHeading` characters, no sentence ends inside it) or bold; when a short
///   first sentence (or a bold lead) is followed by more text, as in “（一）加强组织领导。学校成立……”,
///   that sentence is the heading and the rest a paragraph below it.
/// - 1. → level 4, only when it is bold (as a whole or as a lead): unbolded, “1．线上线下结合……”
///   is a numbered paragraph, kept as typed, because points are as often items as headings.
/// - （1） never makes a heading.
/// A heading loses the full stop at its end; the number stays as typed, so the write-up reads
/// as the document did. Level 1 is the write-up's title.
enum OfficialHeadings {
    static let shortHeading = 30

    private static let sentenceEnds: Set<Character> = ["。", "！", "？", "；", "!", "?", ";"]

    /// What a paragraph becomes: a heading with the text after it, or nil when it stays a paragraph.
    /// `text` is the paragraph's Markdown, trimmed.
    static func split(_ text: String) -> (level: Int, heading: String, rest: String)? {
        let emphasis = leadingBold(text)
        if let emphasis {
            let lead = Substring(emphasis.bold.trimmed)
            if let level = OfficialNumbers.headingLevel(of: lead), lead.count <= shortHeading + 10 {
                return (level, headingText(lead), emphasis.rest.trimmed)
            }
        }
        let plain = Substring(text)
        guard let level = OfficialNumbers.headingLevel(of: plain), level < 4 else { return nil }
        if isShort(plain) { return (level, headingText(plain), "") }
        if let end = plain.firstIndex(where: { $0 == "。" }), plain.distance(from: plain.startIndex, to: end) < shortHeading {
            let rest = plain[plain.index(after: end)...]
            return (level, headingText(plain[..<end]), String(rest).trimmed)
        }
        return nil
    }

    /// At most `shortHeading` characters, and no sentence ends inside.
    private static func isShort(_ text: Substring) -> Bool {
        guard text.count <= shortHeading else { return false }
        return !text.dropLast().contains(where: sentenceEnds.contains)
    }

    /// The text of a heading: no full stop at its end, no bold (a heading is bold already).
    private static func headingText(_ text: Substring) -> String {
        var heading = String(text).trimmed
        while let last = heading.last, sentenceEnds.contains(last) || last == "：" || last == ":" { heading.removeLast() }
        return heading.replacingOccurrences(of: "**", with: "")
    }

    /// The bold run a paragraph starts with (`**…**`), and what follows it.
    static func leadingBold(_ text: String) -> (bold: String, rest: String)? {
        guard text.hasPrefix("**") else { return nil }
        let inner = text.dropFirst(2)
        guard let close = inner.range(of: "**") else { return nil }
        return (String(inner[..<close.lowerBound]), String(inner[close.upperBound...]))
    }
}

extension String {
    /// Without the spaces Word documents put around text: ASCII, full-width (U+3000) and no-break.
    var trimmed: String {
        String(self.drop(while: \.isImportSpace).reversed().drop(while: \.isImportSpace).reversed())
    }
}

extension Character {
    var isImportSpace: Bool { self == " " || self == "\u{3000}" || self == "\u{00A0}" || self == "\t" }
}
