import Foundation
import BulletinLoad
import BulletinSupport

/// What `bulletin new` writes where the editor must write: a page that still holds it is
/// unfinished and is not published, unless it is a draft.
package enum Placeholders {
    package static let marker = "【待填写】"

    /// The first place in the file's front matter or body that still holds the marker.
    static func unfinished(_ source: MarkdownSource) -> Diagnostic? {
        let firstYAMLLine = source.frontMatter.lineOffset + 1
        guard let (line, column) = findOutsideComments(in: source.frontMatterText, firstLine: firstYAMLLine)
                ?? find(in: source.body, firstLine: source.bodyFirstLine) else { return nil }
        return .error(at: SourceLocation(path: source.displayPath, line: line, column: column),
                      .placeholderLeft, ["marker": marker])
    }

    /// In front matter, where `new` also writes the mark in optional lines left commented out:
    /// only a mark the editor turned on counts.
    private static func findOutsideComments(in yaml: String, firstLine: Int) -> (line: Int, column: Int)? {
        guard yaml.containsExactly(marker) else { return nil }
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.exactRange(of: marker) else { continue }
            let before = line[..<range.lowerBound]
            if before.drop(while: { $0 == " " }).hasPrefix("#") || before.containsExactly(" #") { continue }
            return (firstLine + index, before.count + 1)
        }
        return nil
    }

    /// On the text's own bytes: every body of the site is searched on every build.
    private static func find(in text: String, firstLine: Int) -> (line: Int, column: Int)? {
        guard let found = text.exactRange(of: marker) else { return nil }
        let (line, column) = TextPosition.of(byteOffset: text.utf8.distance(from: text.startIndex, to: found.lowerBound), in: text)
        return (firstLine + line - 1, column)
    }
}
