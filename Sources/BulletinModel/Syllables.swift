import Foundation

/// Chinese text as the syllables typed for it with a pinyin input method: a name typed with
/// characters that sound the same (西关村 for 喜观村), the commonest slip of a Chinese keyboard,
/// still has the syllables of the name meant.
enum Syllables {
    /// The syllable of one character: a Chinese character's pinyin without tones; any other
    /// character as it is, in lower case. Each call makes the system's transliterator afresh,
    /// which costs a tenth of a millisecond: callers that read many texts keep what they found.
    static func of(_ character: Character) -> String {
        let single = String(character)
        guard let latin = single.applyingTransform(.mandarinToLatin, reverse: false), latin != single else {
            return single.lowercased()
        }
        return (latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin).lowercased()
    }

    /// Whether the text holds a Chinese character: only such text is compared by sound.
    static func holdsChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.isIdeographic }
    }
}
