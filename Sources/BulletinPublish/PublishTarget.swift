import BulletinSupport

/// Where `bulletin publish` puts the site: a folder on this computer (for a web server on the same
/// machine), or a folder on a server reached with OpenSSH. Written as rsync and scp write them:
/// `/srv/bulletin`, `user@host:/srv/bulletin`, or `ssh://user@host:2222/srv/bulletin` when the
/// port is not the one `~/.ssh/config` gives. The folder holds `current` (the link the web server
/// serves) and `releases/`.
public enum PublishTarget: Sendable, Hashable {
    case folder(String)
    case server(SSHDestination, folder: String)

    /// The folder on the machine that serves the site.
    public var folder: String {
        switch self {
        case .folder(let path): path
        case .server(_, let folder): folder
        }
    }

    /// As an editor would write it again, for messages.
    public var shown: String {
        switch self {
        case .folder(let path): path
        case .server(let destination, let folder):
            destination.port == nil ? "\(destination.login):\(folder)" : "ssh://\(destination.login):\(destination.port!)\(folder)"
        }
    }

    public init(parsing written: String) throws(PublishFailure) {
        if let problem = Self.characterProblem(written) { throw problem }
        if written.isEmpty { throw PublishFailure(.publishTargetEmpty) }
        if written.lowercased().hasPrefix("ssh://") {
            self = try Self.parseURL(written)
        } else if let colon = written.firstIndex(of: ":"), !written[..<colon].contains("/") || written.hasPrefix("[") {
            self = try Self.parseScpLike(written)
        } else {
            self = .folder(written)
        }
    }

    /// `[user@]host:folder`, the host maybe in brackets (`[::1]:/srv/bulletin`).
    private static func parseScpLike(_ written: String) throws(PublishFailure) -> PublishTarget {
        var login = Substring(written)
        var folder: Substring
        if let at = login.firstIndex(of: "@"), login[..<at].firstIndex(of: ":") == nil {
            login = login[login.index(after: at)...]
        }
        let userPart = written[..<login.startIndex]
        if login.hasPrefix("[") {
            guard let close = login.firstIndex(of: "]"), login[login.index(after: close)...].hasPrefix(":") else {
                throw PublishFailure(.publishTargetUnreadable, ["target": written])
            }
            folder = login[login.index(close, offsetBy: 2)...]
            login = login[login.index(after: login.startIndex)..<close]
        } else {
            let colon = login.firstIndex(of: ":")!
            folder = login[login.index(after: colon)...]
            login = login[..<colon]
        }
        let user = userPart.isEmpty ? nil : String(userPart.dropLast())
        return try server(user: user, host: String(login), port: nil, folder: String(folder), written: written)
    }

    /// `ssh://[user@]host[:port]/folder`: the folder is absolute.
    private static func parseURL(_ written: String) throws(PublishFailure) -> PublishTarget {
        let rest = written.dropFirst("ssh://".count)
        let authority = rest.prefix { $0 != "/" }
        let folder = rest.dropFirst(authority.count)
        var hostPart = authority
        var user: String?
        if let at = authority.lastIndex(of: "@") {
            user = String(authority[..<at])
            hostPart = authority[authority.index(after: at)...]
        }
        var host = hostPart
        var port: Int?
        let portSeparator = hostPart.hasPrefix("[") ? hostPart.firstIndex(of: "]").flatMap { close in
            hostPart[hostPart.index(after: close)...].hasPrefix(":") ? hostPart.index(after: close) : nil
        } : hostPart.lastIndex(of: ":")
        if let portSeparator {
            let digits = hostPart[hostPart.index(after: portSeparator)...]
            guard let number = Int(digits), (1...65535).contains(number), digits.allSatisfy(\.isASCII) else {
                throw PublishFailure(.publishTargetBadPort, ["target": written, "port": String(digits)])
            }
            port = number
            host = hostPart[..<portSeparator]
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        return try server(user: user, host: String(host), port: port, folder: String(folder), written: written)
    }

    private static func server(user: String?, host: String, port: Int?, folder: String, written: String) throws(PublishFailure) -> PublishTarget {
        if host.isEmpty { throw PublishFailure(.publishTargetNoHost, ["target": written]) }
        if folder.isEmpty { throw PublishFailure(.publishTargetNoFolder, ["target": written]) }
        // ssh and rsync would read a leading '-' as one of their options.
        if host.hasPrefix("-") || (user ?? "").hasPrefix("-") || user == "" {
            throw PublishFailure(.publishTargetUnreadable, ["target": written])
        }
        if host.contains(where: { $0 == " " || $0 == "/" || $0 == "@" }) {
            throw PublishFailure(.publishTargetUnreadable, ["target": written])
        }
        // A login starts in the home folder, and the folder is passed on quoted, where `~` would
        // not be expanded: `~/site` is written `site`.
        let fromHome = folder == "~" ? "." : folder.hasPrefix("~/") ? String(folder.dropFirst(2)) : folder
        return .server(SSHDestination(user: user, host: host, port: port), folder: fromHome)
    }

    /// Line breaks and other control characters would end the command the server runs.
    private static func characterProblem(_ written: String) -> PublishFailure? {
        for scalar in written.unicodeScalars where scalar.properties.generalCategory == .control {
            return PublishFailure(.publishTargetControlCharacter, ["character": TextCharacters.visible(scalar)])
        }
        return nil
    }
}

/// A server as OpenSSH is told it: the user's `~/.ssh/config` fills in what is not given here.
public struct SSHDestination: Sendable, Hashable {
    public var user: String?
    public var host: String
    public var port: Int?

    public init(user: String?, host: String, port: Int?) {
        self.user = user
        self.host = host
        self.port = port
    }

    /// `user@host`, or `host` alone; an IPv6 address as it is (ssh takes it without brackets).
    public var login: String { user.map { "\($0)@\(host)" } ?? host }

    /// The same for rsync, which needs brackets around an IPv6 address before `:folder`.
    var rsyncLogin: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return user.map { "\($0)@\(bracketed)" } ?? bracketed
    }
}
