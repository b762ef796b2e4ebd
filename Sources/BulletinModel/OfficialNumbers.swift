/// The hand-typed section numbers of Chinese official documents (GB/T 9704), and the heading
/// level each stands for under a page's title: 一、 opens a section (2), （一） a part of it (3),
/// 1. (or 1．, 1、) a point (4). （1） numbers an item inside a paragraph, and is no heading.
/// `bulletin import` makes headings by this rule, and `check` names a heading typed without its
/// marks by it, so that both give the same level.
package enum OfficialNumbers {
    /// The level of the number at the start of `text`; nil when it starts with none, or with a
    /// quantity (`10.5万`, `2023年`).
    package static func headingLevel(of text: Substring) -> Int? {
        let scalars = Array(text.unicodeScalars.prefix(6))
        guard let first = scalars.first else { return nil }
        if first.isChineseNumeral {
            let numerals = scalars.prefix { $0.isChineseNumeral }.count
            guard numerals <= 3, numerals < scalars.count else { return nil }
            return "、.．".unicodeScalars.contains(scalars[numerals]) ? 2 : nil
        }
        if first == "（" || first == "(" {
            let numerals = scalars.dropFirst().prefix { $0.isChineseNumeral }.count
            guard (1...3).contains(numerals), numerals + 1 < scalars.count else { return nil }
            return "）)".unicodeScalars.contains(scalars[numerals + 1]) ? 3 : nil
        }
        guard ("0"..."9").contains(first) else { return nil }
        let digits = scalars.prefix { ("0"..."9").contains($0) }.count
        guard digits <= 2 else { return nil }
        var rest = scalars.dropFirst(digits)
        if rest.starts(with: ["\\", "."]) {
            rest = rest.dropFirst(2)
        } else if let mark = rest.first, ".．、".unicodeScalars.contains(mark) {
            rest = rest.dropFirst()
        } else {
            return nil
        }
        // 10.5万人 is a quantity, not a point.
        if let next = rest.first, next.properties.numericType != nil { return nil }
        return 4
    }
}
