import Yams
import BulletinSupport

/// A text as one quoted YAML value, written by the YAML library that reads it back, so that
/// quotes, colons, '#', indicator characters and escapes mean to the reader what they meant
/// to the writer.
package enum YAMLQuoting {
    package struct Failure: Error, Equatable {
        package let reason: String
    }

    /// `"…"` on one line: the library escapes what it would not print (line breaks included),
    /// keeps Chinese as it is, and never folds a long text onto a second line; invisible
    /// characters are escaped too.
    package static func doubleQuoted(_ text: String) throws(Failure) -> String {
        let node = Node.scalar(.init(text, Tag(.str), .doubleQuoted))
        let yaml: String
        do {
            yaml = try Yams.serialize(node: node, width: -1, allowUnicode: true)
        } catch {
            throw Failure(reason: "\(error)")
        }
        let line = yaml.hasSuffix("\n") ? String(yaml.dropLast()) : yaml
        guard line.hasPrefix("\""), line.hasSuffix("\""), !line.contains("\n") else {
            throw Failure(reason: "the YAML library wrote \(line.debugDescription)")
        }
        return escapingInvisible(line)
    }

    /// `doubleQuoted(text)` for a hint's value to write; the text between plain quotes in the
    /// unlikely case that the library cannot write it.
    package static func doubleQuotedForHint(_ text: String) -> String {
        (try? doubleQuoted(text)) ?? "\"" + text + "\""
    }

    /// The invisible characters of a quoted value written as escapes (`\u200B`): the value is the
    /// same, and the file this tool writes passes its own check, which refuses them as they are.
    private static func escapingInvisible(_ line: String) -> String {
        guard line.unicodeScalars.contains(where: TextCharacters.isInvisible) else { return line }
        var result = ""
        for scalar in line.unicodeScalars {
            if TextCharacters.isInvisible(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
