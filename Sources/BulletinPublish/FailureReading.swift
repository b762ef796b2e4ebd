import Foundation

/// What went wrong, read from how a command ended: its exit status and what it wrote to stderr.
/// ssh exits 255 for its own failures and says which in English (the tool runs it in the C
/// locale); rsync has its own statuses; the server scripts exit 70 and up (`ServerScripts`).
enum FailureReading {
    enum Step: Sendable {
        /// Before the upload: nothing on the server was changed but leftovers removed.
        case prepare
        case upload
        /// The record, the rename and the switch.
        case finish
        case rollback
        case list
    }

    static func failure(step: Step, status: Int32, stderr: String, target: PublishTarget) -> PublishFailure {
        let place = ["target": target.shown, "folder": target.folder, "detail": lastLine(stderr), "status": String(status)]
        let host: String
        if case .server(let destination, _) = target { host = destination.host } else { host = "" }
        var arguments = place
        arguments["host"] = host

        // The server's own words first: a receiver that stops on a full disk cuts the connection too.
        if contains(stderr, ["No space left on device", "Disk quota exceeded"]) { return PublishFailure(.publishDiskFull, arguments) }
        if let connection = connectionFailure(stderr, arguments: arguments) {
            // A connection cut while the server switched may have cut after the switch.
            if step == .finish, connection.message.code == .publishConnectionLost {
                return PublishFailure(.publishConnectionLostWhileSwitching, arguments)
            }
            return connection
        }
        switch status {
        case 70: return PublishFailure(.publishServerHasNoRsync, arguments)
        case 71: return PublishFailure(.publishPermissionDenied, arguments)
        case 72: return PublishFailure(.publishCurrentNotALink, arguments)
        case 73: return PublishFailure(.publishDiskFull, arguments)
        case 74: return PublishFailure(.publishReleaseMissing, arguments)
        case 75: return PublishFailure(.publishCannotSwitch, arguments)
        default: break
        }
        if contains(stderr, ["Permission denied", "Read-only file system", "Operation not permitted"]) {
            return PublishFailure(.publishPermissionDenied, arguments)
        }
        if status == 127 || contains(stderr, ["rsync: command not found", "rsync: not found", "remote command not found"]) {
            return PublishFailure(.publishServerHasNoRsync, arguments)
        }
        if [12, 30, 35].contains(status) { return PublishFailure(.publishConnectionLost, arguments) }
        if status == 255, case .server = target { return PublishFailure(.publishSSHFailed, arguments) }
        return PublishFailure(step == .upload ? .publishUploadFailed : .publishServerStepFailed, arguments)
    }

    /// The failures of OpenSSH and of the network, by the words ssh prints.
    private static func connectionFailure(_ stderr: String, arguments: [String: String]) -> PublishFailure? {
        if contains(stderr, ["Could not resolve hostname", "Name or service not known", "Temporary failure in name resolution",
                             "nodename nor servname"]) {
            return PublishFailure(.publishHostUnknown, arguments)
        }
        if contains(stderr, ["Connection refused", "Connection timed out", "No route to host", "Network is unreachable",
                             "Operation timed out", "Host is unreachable"]) {
            return PublishFailure(.publishHostUnreachable, arguments)
        }
        if contains(stderr, ["Host key verification failed", "REMOTE HOST IDENTIFICATION HAS CHANGED"]) {
            return PublishFailure(.publishHostKeyRefused, arguments)
        }
        if contains(stderr, ["Permission denied (publickey", "Permission denied (password", "Permission denied (keyboard",
                             "Permission denied (gssapi", "Permission denied (hostbased", "Too many authentication failures", "no matching host key type",
                             "Authentication failed"]) {
            return PublishFailure(.publishAuthenticationRefused, arguments)
        }
        if contains(stderr, ["Connection closed", "Connection reset", "Broken pipe", "closed by remote host", "not responding",
                             "connection unexpectedly closed", "error in rsync protocol data stream", "timeout in data send/receive"]) {
            return PublishFailure(.publishConnectionLost, arguments)
        }
        return nil
    }

    private static func contains(_ text: String, _ phrases: [String]) -> Bool {
        phrases.contains { text.localizedCaseInsensitiveContains($0) }
    }

    /// The last line that says something, to quote in a message the catalogue has no words for.
    static func lastLine(_ text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        return lines.last { !$0.isEmpty && !$0.hasPrefix("rsync error:") } ?? lines.last ?? ""
    }
}
