import BulletinSupport

/// The address the site is published at. It is written as it is into robots.txt, the sitemap,
/// the feed and every page's canonical link, so it may hold nothing that ends a line, a value or
/// a tag there, and nothing a reader should not see: what it may not hold is refused, not escaped.
public struct BaseURL: Sendable, Hashable {
    /// As written, ending with '/'.
    public let address: String
    /// The path part as written, percent-encoding kept (decoded, `%0A` would become a line break
    /// in every link), starting and ending with '/'.
    public let rootPath: String

    public struct Problem: Error, Sendable, Hashable {
        public var text: Message

        init(_ code: MessageCode, _ arguments: [String: String]) {
            text = Message(code, arguments)
        }

        public var message: String { text.text(in: .english) }
        public var hint: String { text.hint(in: .english) ?? "" }
    }

    /// `name` is how the editor gave it: `baseURL` in site.yaml, `--base-url` on the command line.
    public init(checking written: String, name: String) throws(Problem) {
        if let problem = Self.characterProblem(written, name: name) { throw problem }
        let notAbsolute = Problem(.baseUrlNotAbsolute, ["name": name, "address": TextCharacters.shown(written)])
        guard let separator = written.range(of: "://"),
              ["http", "https"].contains(written[..<separator.lowerBound].lowercased()) else { throw notAbsolute }
        let afterScheme = written[separator.upperBound...]
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if authority.contains("@") {
            throw Problem(.baseUrlHasUser, ["name": name])
        }
        if written.contains("?") || written.contains("#") {
            throw Problem(.baseUrlHasQuery, ["name": name])
        }
        guard Self.isHostAndPort(authority) else { throw notAbsolute }

        address = written.hasSuffix("/") ? written : written + "/"
        let path = afterScheme.dropFirst(authority.count)
        rootPath = path.isEmpty ? "/" : path.hasSuffix("/") ? String(path) : path + "/"
    }

    /// The first character that would break a line or a markup value where the address is
    /// written, or that could make it show as something it is not.
    private static func characterProblem(_ written: String, name: String) -> Problem? {
        for character in written.unicodeScalars {
            switch character.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator:
                return Problem(.baseUrlControlCharacter, ["name": name, "character": TextCharacters.visible(character)])
            case .spaceSeparator:
                return Problem(.baseUrlSpace, ["name": name, "character": TextCharacters.visible(character)])
            case .format:
                return Problem(.baseUrlInvisibleCharacter, ["name": name, "character": TextCharacters.visible(character)])
            default:
                if "\"'<>\\".unicodeScalars.contains(character) {
                    return Problem(.baseUrlQuoteOrBracket, ["name": name, "character": String(character)])
                }
            }
        }
        return nil
    }

    /// The host, lowercased, without the port (an IPv6 address keeps its brackets).
    public var host: String {
        let afterScheme = address[address.range(of: "://")!.upperBound...]
        let authority = afterScheme.prefix { $0 != "/" }
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") { return String(authority[...close]).lowercased() }
        return String(authority.prefix { $0 != ":" }).lowercased()
    }

    /// Whether the address can only be this computer's or a placeholder: localhost, a loopback
    /// address, or a name reserved for examples and tests (RFC 2606, RFC 6761).
    public var isLocalOrExample: Bool {
        let host = host.hasSuffix(".") ? String(host.dropLast()) : host
        if host == "localhost" || host.hasSuffix(".localhost") || host == "[::1]" || host == "0.0.0.0" { return true }
        if host.hasPrefix("127."), host.split(separator: ".").count == 4, host.split(separator: ".").allSatisfy({ UInt8($0) != nil }) {
            return true
        }
        let reserved = ["example", "test", "invalid", "example.com", "example.org", "example.net"]
        return reserved.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    /// `host`, `host:8000`, `[::1]:8000`: a host is required, a port is digits.
    private static func isHostAndPort(_ authority: Substring) -> Bool {
        var host = authority
        var port: Substring = ""
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return false }
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { return false }
            port = after.dropFirst()
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            port = authority[authority.index(after: colon)...]
        }
        return !host.isEmpty && host != "[]" && port.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
