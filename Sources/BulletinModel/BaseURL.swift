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
        public var message: String
        public var hint: String
    }

    /// `name` is how the editor gave it: `baseURL` in site.yaml, `--base-url` on the command line.
    public init(checking written: String, name: String) throws(Problem) {
        if let problem = Self.characterProblem(written, name: name) { throw problem }
        let notAbsolute = Problem(message: "\(name) \(TextCharacters.quoted(written)) is not an absolute http(s) address",
                                  hint: "write the full published address, e.g. https://portal.example/zt/jiaoyu/")
        guard let separator = written.range(of: "://"),
              ["http", "https"].contains(written[..<separator.lowerBound].lowercased()) else { throw notAbsolute }
        let afterScheme = written[separator.upperBound...]
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if authority.contains("@") {
            throw Problem(message: "\(name) may not hold a user name or password",
                          hint: "remove the part up to '@': every reader of the pages, the feed and the sitemap would see it")
        }
        if written.contains("?") || written.contains("#") {
            throw Problem(message: "\(name) may not have a query (?…) or fragment (#…)",
                          hint: "end the address with the site's folder, e.g. https://portal.example/zt/jiaoyu/")
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
                return Problem(message: "\(name) may not hold a line break or other control character (shown as \(TextCharacters.visible(character)))",
                               hint: "write the address on one line, without tabs, e.g. https://portal.example/zt/jiaoyu/")
            case .spaceSeparator:
                return Problem(message: "\(name) may not hold a space (shown as \(TextCharacters.visible(character)))",
                               hint: "remove it; where the path itself has a space, write it as %20")
            case .format:
                return Problem(message: "\(name) may not hold an invisible formatting character (shown as \(TextCharacters.visible(character)))",
                               hint: "type the address again by hand: text copied from a document can carry invisible characters")
            default:
                if "\"'<>\\".unicodeScalars.contains(character) {
                    return Problem(message: "\(name) may not hold quotes, angle brackets or backslashes (found \(character))",
                                   hint: "write the address as a browser's address bar shows it; where the path needs one of these, percent-encode it, e.g. %22 for \"")
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
