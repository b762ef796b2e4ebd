import Mustache

/// How `{{value}}` is escaped in every template. The Mustache library's own HTML escaping looks
/// each Character up in a dictionary, which hashes it in normalised form: on 1,000 write-ups that
/// was 19% of a build's instructions. It also leaves a quote followed by a combining mark alone
/// (`"` + U+0301 is one Character, not `"`), and an HTML parser still ends an attribute there.
/// This escaping works on bytes: the same five characters, each replaced wherever it occurs.
struct HTMLEscaping: MustacheContentType {
    static let name = "BULLETIN_HTML"

    /// Put before every template's text, on a line of its own, which Mustache drops: the pragma
    /// selects this escaping for the template (and, through its own first line, for each partial).
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    /// The library keeps content types in a registry shared by the process; the same value is
    /// registered once, before the first template that names it is parsed.
    static let registered: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsEscape) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): bytes += "&lt;".utf8
            case UInt8(ascii: ">"): bytes += "&gt;".utf8
            case UInt8(ascii: "&"): bytes += "&amp;".utf8
            case UInt8(ascii: "\""): bytes += "&quot;".utf8
            case UInt8(ascii: "'"): bytes += "&#39;".utf8
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }
}
