import Foundation
import BulletinModel

/// File names for new files, made from what the editor typed: Chinese in pinyin, Latin words as
/// they are. "家长开放日" → "jia-zhang-kai-fang-ri", "2024 Open Day 开放日" → "2024-open-day-kai-fang-ri".
extension Scaffold {
    /// A name stops after this many syllables or words, or before it would grow longer than
    /// `longestName` characters: long enough to tell files apart, short enough to read in an address.
    static let mostWords = 8
    static let longestName = 48

    /// nil when nothing in the title can be written in letters and digits (punctuation, emoji).
    public static func slug(from title: String) -> String? {
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
    static func words(of title: String) -> [String] {
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
            let chinese = character.unicodeScalars.first.map(isChinese) ?? false
            if chinese != runIsChinese { endRun() }
            runIsChinese = chinese
            run.append(character)
        }
        endRun()
        return words
    }

    /// Han characters: the unified ideographs and their extensions, the compatibility ideographs, and 〇.
    static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x323AF: return true
        default: return false
        }
    }

    /// `name`, or the first of `name-2`, `name-3`, … that no file or folder in `folder` has yet.
    static func unused(_ name: String, in folder: String, of content: ScaffoldContext) -> String {
        let folderURL = content.root.appendingPathComponent(folder)
        func taken(_ candidate: String) -> Bool {
            FileManager.default.fileExists(atPath: folderURL.appendingPathComponent(candidate + ".md").path)
                || FileManager.default.fileExists(atPath: folderURL.appendingPathComponent(candidate).path)
        }
        var candidate = name
        var number = 2
        while taken(candidate) {
            candidate = "\(name)-\(number)"
            number += 1
        }
        return candidate
    }

    /// The file name: `--slug` as given; else a name typed at the prompt, as it is when it is
    /// one already, else made like one from the title; else one from the title. A name made here
    /// never names an existing file; one given does, and is refused when the file is written.
    static func chooseSlug(_ given: String?, typed: String?, title: String, in folder: String,
                           of content: ScaffoldContext) throws(Problem) -> String {
        if let given {
            guard Slug.isValid(given) else { throw .invalidSlug(given) }
            return given
        }
        if let typed {
            if Slug.isValid(typed) { return typed }
            guard let made = slug(from: typed) else { throw .unusableFileName(typed) }
            return unused(made, in: folder, of: content)
        }
        guard let made = slug(from: title) else { throw .needsSlug(title: title) }
        return unused(made, in: folder, of: content)
    }
}
