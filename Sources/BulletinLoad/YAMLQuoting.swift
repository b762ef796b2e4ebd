import Yams

/// A text as one quoted YAML value, written by the YAML library that reads it back, so that
/// quotes, colons, '#', indicator characters and escapes mean to the reader what they meant
/// to the writer.
package enum YAMLQuoting {
    package struct Failure: Error, Equatable {
        package let reason: String
    }

    /// `"…"` on one line: the library escapes what it would not print (line breaks included),
    /// keeps Chinese as it is, and never folds a long text onto a second line.
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
        return line
    }
}
