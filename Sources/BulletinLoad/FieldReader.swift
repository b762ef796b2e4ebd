import Foundation
import Yams
import BulletinSupport

/// Reads typed fields out of one YAML mapping, recording a located diagnostic for every
/// missing, mistyped or unknown field instead of stopping at the first.
public struct FieldReader {
    let document: YAMLDocument
    /// The mapping's pairs, the key's text beside each: looking a field up in the YAML library's
    /// mapping copies all its pairs each time.
    private let pairs: [(name: String?, key: Node, value: Node)]
    /// Where the mapping starts: missing fields are reported here.
    public let location: SourceLocation
    public private(set) var diagnostics: [Diagnostic] = []
    private var seen: Set<String> = []

    init(document: YAMLDocument, mapping: Node.Mapping, at location: SourceLocation) {
        self.document = document
        pairs = mapping.map { ($0.key.scalar?.string, $0.key, $0.value) }
        self.location = location
    }

    public var path: String { document.path }

    func location(of node: Node) -> SourceLocation { document.location(of: node) }

    /// The location of a field's value, or of the mapping when the field is absent.
    public func location(ofField key: String) -> SourceLocation {
        node(key).map(location(of:)) ?? location
    }

    public mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    private func node(_ key: String) -> Node? {
        // By place: `first(where:)` copied the whole pair it found, key node and all.
        for index in pairs.indices where pairs[index].name == key { return pairs[index].value }
        return nil
    }

    private mutating func value(_ key: String, required: Bool) -> Node? {
        seen.insert(key)
        // The text test first: resolving a scalar's tag runs Yams' regular expressions.
        guard let node = node(key), !(node.scalar.map { isNullText($0.string) && $0.tag == Tag(.null) } ?? false) else {
            if required {
                diagnostics.append(.error(at: location, .fieldMissing, ["field": key]))
            }
            return nil
        }
        return node
    }

    private func isNullText(_ text: String) -> Bool {
        ["", "~", "null", "Null", "NULL"].contains(text)
    }

    public mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key, required: required) else { return nil }
        guard let scalar = node.scalar else {
            diagnostics.append(.error(at: location(of: node), node.isSequence ? .fieldNotTextButList : .fieldNotTextButFields,
                                      ["field": key]))
            return nil
        }
        let text = scalar.string.trimmingEnds(Self.whitespace)
        if text.isEmpty && required {
            diagnostics.append(.error(at: location(of: node), .fieldEmpty, ["field": key]))
            return nil
        }
        // A title is never one quotation as a whole; a summary or an introduction may be.
        if key == "title", scalar.style == .plain, let (quote, inner) = Self.wrappedInFullWidthQuotes(text) {
            let halfWidth = YAMLQuoting.doubleQuotedForHint(inner)
            diagnostics.append(.warning(at: location(of: node), .fieldInFullWidthQuotes,
                                        ["field": key, "quote": quote, "halfWidth": TextCharacters.shown(halfWidth)]))
        }
        return text
    }

    /// A value typed as `title: “开放日”`: a Chinese input method gives full-width quotes where
    /// the editor meant YAML's, and they are then part of the text. A value with a quote of its own
    /// inside (`“双减”政策与“五育”并举`) is quoted as it should be, and is left alone.
    static func wrappedInFullWidthQuotes(_ text: String) -> (quote: String, inner: String)? {
        for (open, close) in [("\u{201C}", "\u{201D}"), ("\u{2018}", "\u{2019}")] {
            guard text.hasPrefix(open), text.hasSuffix(close), text.count > 2 else { continue }
            let inner = String(text.dropFirst().dropLast())
            guard !inner.contains(open), !inner.contains(close), !inner.trimmingEnds(whitespace).isEmpty else { return nil }
            return (open + "…" + close, inner)
        }
        return nil
    }

    private static let whitespace = CharacterSet.whitespacesAndNewlines
    private static let spaces = CharacterSet.whitespaces

    public mutating func located(_ key: String, required: Bool = false) -> Located<String>? {
        let at = location(ofField: key)
        return string(key, required: required).map { Located($0, at: at) }
    }

    public mutating func int(_ key: String, required: Bool = false, range: ClosedRange<Int>? = nil) -> Int? {
        guard let text = string(key, required: required) else { return nil }
        guard let number = Int(text), range.map({ $0.contains(number) }) ?? true else {
            var arguments = ["field": key, "text": TextCharacters.shown(text), "example": String(range?.lowerBound ?? 1)]
            if let range {
                arguments["lowest"] = String(range.lowerBound)
                arguments["highest"] = String(range.upperBound)
            }
            diagnostics.append(.error(at: location(ofField: key), range == nil ? .fieldNotWholeNumber : .fieldNumberOutOfRange, arguments))
            return nil
        }
        return number
    }

    public mutating func bool(_ key: String) -> Bool {
        guard let text = string(key) else { return false }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            diagnostics.append(.error(at: location(ofField: key), .fieldNotBoolean, ["field": key, "text": TextCharacters.shown(text)]))
            return false
        }
    }

    public mutating func date(_ key: String, required: Bool = false) -> PartialDate? {
        guard let text = string(key, required: required) else { return nil }
        do {
            return try PartialDate(parsing: text)
        } catch {
            diagnostics.append(.error(at: location(ofField: key), error.message(field: key)))
            return nil
        }
    }

    /// A list of text values; a single value is accepted as a list of one.
    public mutating func strings(_ key: String, required: Bool = false) -> [Located<String>] {
        guard let node = value(key, required: required) else { return [] }
        if let scalar = node.scalar {
            return [Located(scalar.string, at: location(of: node))]
        }
        guard let sequence = node.sequence else {
            diagnostics.append(.error(at: location(of: node), .fieldNotList, ["field": key]))
            return []
        }
        var result: [Located<String>] = []
        for item in sequence {
            guard let scalar = item.scalar else {
                diagnostics.append(.error(at: location(of: item), item.isSequence ? .fieldEntryNotTextButList : .fieldEntryNotTextButFields,
                                          ["field": key]))
                continue
            }
            result.append(Located(scalar.string.trimmingEnds(Self.spaces), at: location(of: item)))
        }
        return result
    }

    public mutating func fields(_ key: String, required: Bool = false) -> FieldReader? {
        guard let node = value(key, required: required) else { return nil }
        guard let mapping = node.mapping else {
            diagnostics.append(.error(at: location(of: node), node.isSequence ? .fieldNotFieldsButList : .fieldNotFieldsButValue,
                                      ["field": key]))
            return nil
        }
        return FieldReader(document: document, mapping: mapping, at: location(of: node))
    }

    /// A list of mappings, each read by its own reader.
    public mutating func list(_ key: String, required: Bool = false) -> [FieldReader] {
        guard let node = value(key, required: required) else { return [] }
        guard let sequence = node.sequence else {
            diagnostics.append(.error(at: location(of: node), .fieldNotListOfEntries, ["field": key]))
            return []
        }
        var result: [FieldReader] = []
        for item in sequence {
            guard let mapping = item.mapping else {
                diagnostics.append(.error(at: location(of: item), .fieldEntryNotFields, ["field": key]))
                continue
            }
            result.append(FieldReader(document: document, mapping: mapping, at: location(of: item)))
        }
        return result
    }

    /// The keys of this mapping with their locations, in file order.
    public var keys: [Located<String>] {
        pairs.compactMap { pair in pair.name.map { Located($0, at: location(of: pair.key)) } }
    }

    /// Warns about fields no one reads: a misspelt optional field would otherwise vanish silently.
    public mutating func finish(known: [String]) -> [Diagnostic] {
        for key in keys where !seen.contains(key.value) && !known.contains(key.value) {
            diagnostics.append(.warning(at: key.location, .fieldUnknown, ["field": TextCharacters.shown(key.value)],
                                        hint: Suggestion.hint(for: key.value, in: known + Array(seen))))
        }
        return diagnostics
    }
}

/// A value with the place in a source file it was read from.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

extension Node {
    /// Whether the node is a list, for the message that says what was found instead.
    var isSequence: Bool {
        if case .sequence = self { return true }
        return false
    }
}
