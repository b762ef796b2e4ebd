import Foundation

/// Files and folders named after the process making them (`prefix` + `PID-…`), so that one a
/// killed process left behind can be told from one a running process is still making.
package enum MakingProcess {
    /// The process number that starts `name` (`PID-…` or `PID`), if one does.
    package static func number(startingName name: Substring) -> Int32? {
        name.split(separator: "-").first.flatMap { Int32($0) }.flatMap { $0 > 0 ? $0 : nil }
    }

    /// Whether no process has the number now: the one that had it has ended.
    package static func hasEnded(_ pid: Int32) -> Bool {
        kill(pid, 0) != 0 && errno == ESRCH
    }
}
