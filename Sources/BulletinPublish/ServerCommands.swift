import Foundation

/// The commands that reach the target: the server scripts run by `sh` (through OpenSSH for a
/// server) and the upload by rsync. OpenSSH reads the user's `~/.ssh/config` and keys as it does
/// for any login; `BatchMode=yes` makes it fail rather than wait for a password or a question
/// nobody is there to answer, and the keep-alives make a cut network fail instead of hang. A
/// connection the user's configuration shares (`ControlMaster`) is used when it is open, but none is
/// started: a master kept in the background would hold the output open and the command would not end.
public struct ServerCommands: Sendable, Hashable {
    public var target: PublishTarget
    /// An ssh configuration file to use instead of `~/.ssh/config` (`ssh -F`).
    public var sshConfig: String?

    public init(target: PublishTarget, sshConfig: String? = nil) {
        self.target = target
        self.sshConfig = sshConfig
    }

    /// The words of the ssh command without the destination.
    var sshOptions: [String] {
        guard case .server(let destination, _) = target else { return [] }
        var words: [String] = []
        if let sshConfig { words += ["-F", sshConfig] }
        if let port = destination.port { words += ["-p", String(port)] }
        return words + ["-o", "BatchMode=yes", "-o", "ConnectTimeout=20", "-o", "ServerAliveInterval=10", "-o", "ServerAliveCountMax=3",
                        "-o", "ControlMaster=no"]
    }

    /// `script` run by `sh` with the target folder as `$1`, then `arguments`.
    public func script(_ script: String, _ arguments: [String] = []) -> [String] {
        let words = [target.folder] + arguments
        switch target {
        case .folder:
            return ["sh", "-c", script, "bulletin-publish"] + words
        case .server(let destination, _):
            // ssh joins its words into one line for the login shell: each is quoted for it.
            let line = (["sh", "-c", script, "bulletin-publish"] + words).map(ShellQuoting.quoted).joined(separator: " ")
            return ["ssh"] + sshOptions + [destination.login, line]
        }
    }

    /// Sends `folder` into `releases/.partial-NAME` on the target (`--protect-args`, which rsync
    /// 3.2.7 also calls `--secluded-args`: names pass to the server's rsync unsplit by its shell). Files equal to the served
    /// release's are hard-linked from it on the server, not sent: equal is judged by content
    /// (`--checksum`), because a build rewrites files with new times even when their bytes are the
    /// same. Times are not kept: a linked file keeps the time it was first sent, so that the web
    /// server's `Last-Modified` and `ETag` of an unchanged page do not change either.
    public func upload(_ folder: URL, into release: ReleaseName, linkingFrom served: ReleaseName?) -> [String] {
        var words = ["rsync", "--recursive", "--links", "--perms", "--chmod=D755,F644", "--checksum", "--protect-args",
                     "--no-inc-recursive", "--info=progress2", "--stats", "--timeout=60"]
        if let served { words.append("--link-dest=../\(served)") }
        let destination = "\(target.folder)/releases/.partial-\(release)/"
        switch target {
        case .folder:
            words += [folder.path + "/", destination]
        case .server(let remote, _):
            words += ["--rsh=" + (["ssh"] + sshOptions).map(ShellQuoting.quoted).joined(separator: " ")]
            words += [folder.path + "/", "\(remote.rsyncLogin):\(destination)"]
        }
        return words
    }
}
