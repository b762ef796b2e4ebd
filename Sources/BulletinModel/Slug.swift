import Foundation

/// The rule for ids and file names that become parts of addresses, and names made to it from
/// what an editor typed: Chinese in pinyin, Latin words as they are. "家长开放日" →
/// "jia-zhang-kai-fang-ri", "2024 Open Day 开放日" → "2024-open-day-kai-fang-ri". New files are
/// named so, and a file named in Chinese is told the name to take.
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.utf8.first, first.isASCIILowercase || first.isASCIIDigit else { return false }
        return text.utf8.allSatisfy { $0.isASCIILowercase || $0.isASCIIDigit || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// `name`, or the first of `name-2`, `name-3`, … that is not `taken`: how a new file's name
    /// steps aside from the files already there.
    public static func firstFree(_ name: String, taken: (String) -> Bool) -> String {
        var candidate = name
        var number = 2
        while taken(candidate) {
            candidate = "\(name)-\(number)"
            number += 1
        }
        return candidate
    }

    /// A name stops after this many syllables or words, or before it would grow longer than
    /// `longestName` characters: long enough to tell files apart, short enough to read in an address.
    private static let mostWords = 8
    private static let longestName = 48

    /// nil when nothing in the title can be written in letters and digits (punctuation, emoji).
    public static func made(from title: String) -> String? {
        var name = ""
        var count = 0
        for word in words(of: title) {
            let longer = name.isEmpty ? word : name + "-" + word
            if count == mostWords || longer.count > longestName {
                // A first word longer than a whole name is cut; any later one is left out.
                if name.isEmpty { name = String(word.prefix(longestName)) }
                break
            }
            name = longer
            count += 1
        }
        return name.isEmpty ? nil : name
    }

    /// Lowercase ASCII words: each Chinese character's syllable (read in its context, so 重庆 is
    /// chong-qing), and the title's runs of Latin letters and digits. Full-width letters and
    /// digits count as ASCII, accents are dropped, everything else separates words.
    private static func words(of title: String) -> [String] {
        var words: [String] = []
        var run = ""
        var runIsChinese = false
        func endRun() {
            guard !run.isEmpty else { return }
            let latin = runIsChinese ? run.applyingTransform(.mandarinToLatin, reverse: false) ?? "" : run
            let plain = latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin
            words += plain.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
            run = ""
        }
        for character in title.precomposedStringWithCompatibilityMapping {
            let chinese = character.unicodeScalars.first?.isHan ?? false
            if chinese != runIsChinese { endRun() }
            runIsChinese = chinese
            run.append(character)
        }
        endRun()
        return words
    }
}
