import Yams
import BulletinSupport

/// A parsed YAML block (a data file or a front matter) that remembers where it came from,
/// so every value read from it can be reported at its own line and column.
public struct YAMLDocument: @unchecked Sendable {
    // Yams nodes are immutable values once composed; they are read, never changed, across stages.
    public let root: Node
    public let path: String
    /// Added to Yams' 1-based line numbers to get the line in the file.
    package let lineOffset: Int

    public static func parse(_ yaml: String, path: String, firstLine: Int = 1) throws(Diagnostic) -> YAMLDocument {
        let lineOffset = firstLine - 1
        let mistake = KeyboardMistakes.first(in: yaml)
        if let tab = tabIndentation(in: yaml), tab <= mistake?.line ?? .max {
            throw .error(at: SourceLocation(path: path, line: tab + lineOffset, column: 1),
                         "a tab is used for indentation; YAML allows only spaces",
                         hint: "replace the tab at the start of the line with spaces")
        }
        if let mistake { throw refusal(of: mistake, path: path, lineOffset: lineOffset) }
        let node: Node?
        do {
            if let flat = FlatYAML.compose(yaml) {
                node = flat
            } else {
                if let finding = YAMLShape.first(in: yaml) { throw refusal(of: finding, path: path, lineOffset: lineOffset) }
                node = try Yams.compose(yaml: yaml, .default, .default, .utf8)
            }
        } catch let error as Diagnostic {
            throw error
        } catch let error as YamlError {
            throw diagnostic(for: error, path: path, lineOffset: lineOffset)
        } catch {
            throw .error(at: SourceLocation(path: path, line: firstLine), "cannot read the YAML: \(error)",
                         hint: "check the indentation and the ':' after each field name")
        }
        guard let node else {
            throw .error(at: SourceLocation(path: path, line: firstLine), "the YAML block is empty",
                         hint: "add the required fields, such as 'title: …'")
        }
        let document = YAMLDocument(root: node, path: path, lineOffset: lineOffset)
        if let refusal = document.forbiddenCharacter(in: node) { throw refusal }
        return document
    }

    /// A text that an escape (`"\x01"`, `"\uFFFE"`) made hold a character that is not text. The
    /// file's own characters were looked at before parsing; only escapes make new ones, and only
    /// the library reads escapes.
    private func forbiddenCharacter(in node: Node) -> Diagnostic? {
        switch node {
        case let .scalar(scalar):
            guard let found = TextCharacters.firstForbidden(in: scalar.string) else { return nil }
            return .error(at: location(of: node),
                          "the text holds \(TextCharacters.visible(found.scalar)), a control character that a page cannot show",
                          hint: "remove the escape that makes it (such as \\x01 or \\uFFFE)")
        case let .sequence(sequence):
            return sequence.lazy.compactMap(forbiddenCharacter).first
        case let .mapping(mapping):
            return mapping.lazy.compactMap { forbiddenCharacter(in: $0.key) ?? forbiddenCharacter(in: $0.value) }.first
        case .alias:
            return nil
        }
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path, line: lineOffset + 1) }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    /// The top level, which every file of ours expects to be a mapping of fields.
    public func fields() throws(Diagnostic) -> FieldReader {
        guard let mapping = root.mapping else {
            throw .error(at: location(of: root), "expected fields ('name: value' lines) at the top level",
                         hint: "start each line with a field name, e.g. 'title: …'")
        }
        return FieldReader(document: self, mapping: mapping, at: location(of: root))
    }

    /// The first line indented with a tab: one that starts with a tab, or whose spaces are
    /// followed by a tab and then more than a comment. On bytes: a tab and a space are never
    /// part of a longer character.
    private static func tabIndentation(in yaml: String) -> Int? {
        var line = 1
        var atLineStart = true
        var column = 0
        var tabbed = false
        for byte in yaml.utf8 {
            if byte == UInt8(ascii: "\n") {
                line += 1
                atLineStart = true
                column = 0
                tabbed = false
                continue
            }
            column += 1
            guard atLineStart else { continue }
            switch byte {
            case UInt8(ascii: " "): continue
            case UInt8(ascii: "\t"):
                if column == 1 { return line }
                tabbed = true
            case UInt8(ascii: "#") where tabbed: atLineStart = false
            default:
                if tabbed { return line }
                atLineStart = false
            }
        }
        return nil
    }

    private static func refusal(of finding: YAMLShape.Finding, path: String, lineOffset: Int) -> Diagnostic {
        switch finding {
        case let .anchorOrAlias(line, column):
            return .error(at: SourceLocation(path: path, line: line + lineOffset, column: column),
                          "YAML anchors and aliases (&name, *name) are not allowed",
                          hint: "write the value out in full; to start a text with & or *, put it in quotes")
        case let .tooManyNodes(line, column):
            return .error(at: SourceLocation(path: path, line: line + lineOffset, column: column),
                          "the YAML block has more than \(YAMLShape.maximumNodes) values",
                          hint: "a front matter or data file of the site needs far fewer; split the file or remove what is not needed")
        case let .tooDeep(line, column):
            return .error(at: SourceLocation(path: path, line: line + lineOffset, column: column),
                          "the YAML is nested more than \(YAMLShape.maximumDepth) levels deep",
                          hint: "fields of the site are at most a few levels deep; check the brackets and the indentation")
        }
    }

    /// A mistake of the keyboard or of pasted text, named, at the character itself.
    private static func refusal(of mistake: KeyboardMistakes.Finding, path: String, lineOffset: Int) -> Diagnostic {
        func at(_ line: Int, _ column: Int) -> SourceLocation {
            SourceLocation(path: path, line: line + lineOffset, column: column)
        }
        switch mistake {
        case let .fullWidthColon(key, line, column):
            return .error(at: at(line, column), "the field name '\(key)' is followed by a full-width colon '：'",
                          hint: "write ':' (half-width) after the field name, then a space: '\(key): …'")
        case let .missingSpace(key, line, column):
            return .error(at: at(line, column), "there is no space after '\(key):', so the line is not read as a field",
                          hint: "write a space between ':' and the value: '\(key): …'")
        case let .spaceInIndentation(scalar, line, column):
            return .error(at: at(line, column), "the indentation holds a \(TextCharacters.named(scalar))",
                          hint: "indent with ordinary half-width spaces only: delete it and type spaces (switch the input method to half-width)")
        case let .spaceAfterColon(scalar, key, line, column):
            return .error(at: at(line, column), "the ':' after '\(key)' is followed by a \(TextCharacters.named(scalar))",
                          hint: "type one ordinary half-width space after the ':' and delete this one")
        case let .invisible(scalar, line, column):
            return .error(at: at(line, column), "the text holds an invisible character, a \(TextCharacters.named(scalar))",
                          hint: "delete it: it cannot be seen, so delete the characters on both sides of this place and type them again")
        }
    }

    private static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        let hint = "check the indentation and the ':' after each field name; quote values that contain ': ' or start with a special character"
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
            return .error(at: at(mark), message, hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return .error(at: at(context.mark), "the field \(keys) is given twice", hint: "keep one of them")
        case let .reader(problem, _, _, _):
            return .error(at: SourceLocation(path: path, line: lineOffset + 1), "invalid YAML: \(problem)", hint: hint)
        default:
            return .error(at: SourceLocation(path: path, line: lineOffset + 1), "invalid YAML: \(error)", hint: hint)
        }
    }
}
