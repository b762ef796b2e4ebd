/// The rule for a table's caption, as Chinese documents write one above their tables: a
/// paragraph of one line that starts with 表 (or 附表) and a number (Arabic, full-width or Chinese,
/// `2-1` or `2.1` allowed), then a space, `：`, `:`, `、` or `.` and the table's name, or nothing.
/// A sentence that only mentions a table (`表1列出了……`, `表2显示：`) is not a caption: the number
/// must be followed by a separator or end the line, and the line must be short and must not end
/// as a sentence or a lead-in does.
enum TableCaption {
    static let longest = 40

    static func names(_ line: String) -> Bool {
        let text = Array(line.unicodeScalars.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
        guard !text.isEmpty, text.count <= longest else { return false }
        var index = 0
        if text[index] == "附" { index += 1 }
        guard index < text.count, text[index] == "表" else { return false }
        index += 1
        while index < text.count, isSpace(text[index]) { index += 1 }
        let numberStart = index
        if index < text.count, text[index].isChineseNumeral {
            while index < text.count, text[index].isChineseNumeral { index += 1 }
        } else {
            while index < text.count, isDigit(text[index]) || (index > numberStart && subNumberMarks.contains(text[index])
                                                                 && index + 1 < text.count && isDigit(text[index + 1])) {
                index += 1
            }
        }
        guard index > numberStart else { return false }
        guard index < text.count else { return true }
        guard isSpace(text[index]) || separators.contains(text[index]) else { return false }
        return !sentenceEnds.contains(text[text.count - 1])
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{3000}" || scalar == "\u{A0}"
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0" ... "9").contains(scalar) || ("０" ... "９").contains(scalar)
    }

    private static let subNumberMarks: Set<Unicode.Scalar> = ["-", "－", ".", "．", "—"]
    private static let separators: Set<Unicode.Scalar> = ["：", ":", "、", ".", "．"]
    private static let sentenceEnds: Set<Unicode.Scalar> = ["。", "！", "？", "；", "：", ":", ";", "!", "?", "，", ","]
}
