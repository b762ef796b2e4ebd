import BulletinSupport

/// A numeric character reference (`&#1;`, `&#x1B;`) is the one way left to put a character that
/// is not text into a body: the file's own characters were refused when it was read, and the
/// Markdown library turns references into the characters they name. Found in the page it made,
/// it is reported where it was typed.
enum CharacterReferences {
    static func forbidden(in html: String, markdown: String, displayPath: String, firstLine: Int) -> Diagnostic? {
        // Without a numeric reference the page cannot hold one: its HTML is not read again.
        guard markdown.containsExactly("&#"), let found = TextCharacters.firstForbidden(in: html) else { return nil }
        guard let reference = firstReference(naming: found.scalar, in: markdown) else {
            return .error(at: SourceLocation(path: displayPath, line: firstLine),
                          .textMakesControlCharacter, ["character": TextCharacters.visible(found.scalar)])
        }
        return .error(at: SourceLocation(path: displayPath, line: reference.line + firstLine - 1, column: reference.column),
                      .characterReferenceControl, ["reference": reference.text, "character": TextCharacters.visible(found.scalar)])
    }

    /// The first `&#…;` or `&#x…;` naming `scalar`, with its line and column in characters. Code
    /// shows a reference as it is written, so references inside fenced code and between
    /// backticks on their line are passed over.
    private static func firstReference(naming scalar: Unicode.Scalar, in markdown: String) -> (text: String, line: Int, column: Int)? {
        var line = 0
        var inFence = false
        for lineText in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            let trimmed = lineText.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            if inFence { continue }
            var searchFrom = lineText.startIndex
            while let start = lineText[searchFrom...].firstRange(of: "&#")?.lowerBound {
                if lineText[..<start].filter({ $0 == "`" }).count % 2 == 1 {
                    searchFrom = lineText.index(start, offsetBy: 2)
                    continue
                }
                let rest = lineText[lineText.index(start, offsetBy: 2)...]
                let hex = rest.first == "x" || rest.first == "X"
                let digits = (hex ? rest.dropFirst() : rest).prefix { hex ? $0.isHexDigit : $0.isASCII && $0.isNumber }
                if !digits.isEmpty, digits.count <= 7, digits.endIndex < lineText.endIndex, lineText[digits.endIndex] == ";",
                   UInt32(digits, radix: hex ? 16 : 10) == scalar.value {
                    let text = String(lineText[start ... digits.endIndex])
                    return (text, line, lineText.distance(from: lineText.startIndex, to: start) + 1)
                }
                searchFrom = lineText.index(start, offsetBy: 2)
            }
        }
        return nil
    }
}
