import Yams
import BulletinSupport

/// The usual shape of a front matter — one `name: value` line per field, each value a one-line
/// text (plain, or quoted with no escapes) or a flow list of plain words such as
/// `[guidance-service, home-school]` —
/// composed into the nodes the YAML library makes of it, with the same marks, styles and tags
/// (checked against the library in `FlatYAMLTests`).
/// The library spent most of a build's load stage on such blocks (its duplicate-key check
/// hashes every key with its resolved tag). Anything else — quotes, comments, nesting, block
/// lists, an indicator character, a repeated field — gives nil, and the library reads the block.
enum FlatYAML {
    static func compose(_ yaml: String) -> Node? {
        guard marksCanBeMade else { return nil }
        // One constructor per document, as the library makes: making one is not cheap.
        let constructor = Constructor.default
        func tag(_ name: Tag.Name) -> Tag { Tag(name, .default, constructor) }
        var pairs: [(Node, Node)] = []
        var keys = Set<String>()
        var line = 0
        var firstMark: Mark?
        for text in yaml.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            line += 1
            if text.isEmpty { continue }
            let bytes = Array(text)
            guard let (key, valueStart) = field(bytes), keys.insert(key).inserted else { return nil }
            let value = bytes[valueStart...]
            let valueMark = mark(line, valueStart + 1)
            let node: Node
            if value.first == UInt8(ascii: "[") {
                guard let list = flowList(value, line: line, tag: tag) else { return nil }
                node = list
            } else if let quote = value.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                guard let text = quoted(value) else { return nil }
                // The library tags a quoted text as text at once.
                node = .scalar(.init(text, tag(.str), quote == UInt8(ascii: "'") ? .singleQuoted : .doubleQuoted, valueMark))
            } else {
                guard isPlain(value) else { return nil }
                node = .scalar(.init(String(decoding: value, as: UTF8.self), tag(.implicit), .plain, valueMark))
            }
            let keyMark = mark(line, 1)
            firstMark = firstMark ?? keyMark
            // The library resolves each key's tag when it checks for repeated keys: a word that is
            // not null or a boolean is text.
            pairs.append((.scalar(.init(key, tag(.str), .plain, keyMark)), node))
        }
        guard let firstMark else { return nil }
        return .mapping(.init(pairs, tag(.implicit), .any, firstMark))
    }

    /// The library makes marks but does not let others make them. A mark is its line and column,
    /// two integers; one is made from them only after checking, once, that this is its layout,
    /// and otherwise every block goes to the library.
    private static func mark(_ line: Int, _ column: Int) -> Mark {
        unsafeBitCast((line, column), to: Mark.self)
    }

    private static let marksCanBeMade: Bool = {
        guard MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size else { return false }
        let made = mark(3, 7)
        return made.line == 3 && made.column == 7
    }()

    /// Field names the library would not read as text.
    private static let notText: Set<String> = ["null", "true", "false", "yes", "no", "on", "off", "y", "n"]

    /// `name: ` at the start of the line: the name, and where its value starts.
    private static func field(_ bytes: [UInt8]) -> (String, Int)? {
        guard let first = bytes.first, first.isASCIILetter || first == UInt8(ascii: "_") else { return nil }
        var end = 1
        while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
        // The library refuses a key longer than 1,024 characters.
        guard end <= 1024, !notText.contains(String(decoding: bytes[..<end], as: UTF8.self).lowercased()) else { return nil }
        guard end + 1 < bytes.count, bytes[end] == UInt8(ascii: ":"), bytes[end + 1] == UInt8(ascii: " ") else { return nil }
        var valueStart = end + 2
        while valueStart < bytes.count, bytes[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        guard valueStart < bytes.count else { return nil }
        return (String(decoding: bytes[..<end], as: UTF8.self), valueStart)
    }

    /// A one-line plain scalar the library reads as exactly these characters: no leading
    /// indicator, no `: ` or ` #` inside, no trailing space, and only characters YAML prints
    /// and does not take for a line break.
    private static func isPlain(_ value: ArraySlice<UInt8>) -> Bool {
        guard let first = value.first, let last = value.last, !"-?:,[]{}#&*!|>'\"%@`".utf8.contains(first),
              last != UInt8(ascii: " "), last != UInt8(ascii: ":") else { return false }
        var previous: UInt8 = 0
        var index = value.startIndex
        while index < value.endIndex {
            let byte = value[index]
            if byte < 0x20 || byte == 0x7F { return false }
            if byte == UInt8(ascii: " "), previous == UInt8(ascii: ":") { return false }
            if byte == UInt8(ascii: "#"), previous == UInt8(ascii: " ") { return false }
            if byte >= 0x80, !isPrintableNonASCII(value, at: index) { return false }
            previous = byte
            index += 1
        }
        return true
    }

    /// `"text"` or `'text'` with no quote or backslash inside: the text between the quotes.
    private static func quoted(_ value: ArraySlice<UInt8>) -> String? {
        guard value.count >= 2, let quote = value.first, value.last == quote else { return nil }
        let inner = value.dropFirst().dropLast()
        var index = inner.startIndex
        while index < inner.endIndex {
            let byte = inner[index]
            if byte < 0x20 || byte == 0x7F || byte == quote || byte == UInt8(ascii: "\\") { return nil }
            if byte >= 0x80, !isPrintableNonASCII(inner, at: index) { return nil }
            index += 1
        }
        return String(decoding: inner, as: UTF8.self)
    }

    /// Rejects what YAML treats as a line break or does not allow: C1 controls (U+0080–U+009F,
    /// with NEL), the line and paragraph separators, the byte-order mark, U+FFFE and U+FFFF.
    private static func isPrintableNonASCII(_ value: ArraySlice<UInt8>, at index: Int) -> Bool {
        func byte(_ offset: Int) -> UInt8 { index + offset < value.endIndex ? value[index + offset] : 0 }
        switch value[index] {
        case 0xC2: return byte(1) >= 0xA0
        case 0xE2: return !(byte(1) == 0x80 && (byte(2) == 0xA8 || byte(2) == 0xA9))
        case 0xEF: return !(byte(1) == 0xBB && byte(2) == 0xBF) && !(byte(1) == 0xBF && (byte(2) == 0xBE || byte(2) == 0xBF))
        default: return true
        }
    }

    /// `[a, b-c, d_e]`: words of ASCII letters, digits and `_-./`, starting with a letter, digit or `_`.
    private static func flowList(_ value: ArraySlice<UInt8>, line: Int, tag: (Tag.Name) -> Tag) -> Node? {
        guard value.last == UInt8(ascii: "]") else { return nil }
        let open = value.startIndex
        var items: [Node] = []
        var index = open + 1
        func skipSpaces() { while index < value.endIndex, value[index] == UInt8(ascii: " ") { index += 1 } }
        skipSpaces()
        if value[index] != UInt8(ascii: "]") {
            while true {
                let start = index
                guard value[start].isASCIILetter || value[start].isASCIIDigit || value[start] == UInt8(ascii: "_") else { return nil }
                while index < value.endIndex, isWordByte(value[index]) || value[index] == UInt8(ascii: ".") || value[index] == UInt8(ascii: "/") {
                    index += 1
                }
                items.append(.scalar(.init(String(decoding: value[start ..< index], as: UTF8.self), tag(.implicit), .plain,
                                           mark(line, start + 1))))
                skipSpaces()
                guard index < value.endIndex else { return nil }
                if value[index] == UInt8(ascii: "]") { break }
                guard value[index] == UInt8(ascii: ",") else { return nil }
                index += 1
                skipSpaces()
            }
        }
        guard index == value.endIndex - 1 else { return nil }
        return .sequence(.init(items, tag(.implicit), .any, mark(line, open + 1)))
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte.isASCIILetter || byte.isASCIIDigit || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
}
