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
                         .yamlTabIndentation)
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
            if let cause = YAMLErrorCauses.cause(of: error, in: yaml) {
                throw .error(at: SourceLocation(path: path, line: cause.line + lineOffset, column: cause.column), cause.code, cause.arguments)
            }
            throw diagnostic(for: error, path: path, lineOffset: lineOffset)
        } catch {
            throw .error(at: SourceLocation(path: path, line: firstLine), .yamlUnreadable, ["detail": "\(error)"])
        }
        guard let node else {
            throw .error(at: SourceLocation(path: path, line: firstLine), .yamlEmpty)
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
                          .yamlEscapedControlCharacter, ["character": TextCharacters.visible(found.scalar)])
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
            throw .error(at: location(of: root), .yamlTopLevelNotFields)
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
                          .yamlAnchorOrAlias)
        case let .tooManyNodes(line, column):
            return .error(at: SourceLocation(path: path, line: line + lineOffset, column: column),
                          .yamlTooManyValues, ["limit": String(YAMLShape.maximumNodes)])
        case let .tooDeep(line, column):
            return .error(at: SourceLocation(path: path, line: line + lineOffset, column: column),
                          .yamlTooDeep, ["limit": String(YAMLShape.maximumDepth)])
        }
    }

    /// A mistake of the keyboard or of pasted text, named, at the character itself.
    private static func refusal(of mistake: KeyboardMistakes.Finding, path: String, lineOffset: Int) -> Diagnostic {
        func at(_ line: Int, _ column: Int) -> SourceLocation {
            SourceLocation(path: path, line: line + lineOffset, column: column)
        }
        switch mistake {
        case let .fullWidthColon(key, line, column):
            return .error(at: at(line, column), .yamlFullWidthColon, ["key": key])
        case let .missingSpace(key, line, column):
            return .error(at: at(line, column), .yamlNoSpaceAfterColon, ["key": key])
        case let .spaceInIndentation(scalar, line, column):
            return .error(at: at(line, column), .yamlOtherSpaceInIndentation, [Message.namedCharacter: TextCharacters.visible(scalar)])
        case let .spaceAfterColon(scalar, key, line, column):
            return .error(at: at(line, column), .yamlOtherSpaceAfterColon, ["key": key, Message.namedCharacter: TextCharacters.visible(scalar)])
        case let .invisible(scalar, line, column):
            return .error(at: at(line, column), .yamlInvisibleCharacter, [Message.namedCharacter: TextCharacters.visible(scalar)])
        }
    }

    private static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            if let context {
                return .error(at: at(mark), .yamlInvalidInContext,
                              ["problem": problem, "context": context.text, "line": String(context.mark.line + lineOffset)])
            }
            return .error(at: at(mark), .yamlInvalid, ["problem": problem])
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return .error(at: at(context.mark), .yamlDuplicateField, ["fields": keys])
        case let .reader(problem, _, _, _):
            return .error(at: SourceLocation(path: path, line: lineOffset + 1), .yamlInvalid, ["problem": problem])
        default:
            return .error(at: SourceLocation(path: path, line: lineOffset + 1), .yamlInvalid, ["problem": "\(error)"])
        }
    }
}
