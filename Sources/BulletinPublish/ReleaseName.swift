import Foundation

/// A release is a folder named by the time of its publication, in UTC, so that names sort by age
/// and say when the site was sent: `20261206T093012Z`, and `20261206T093012Z-2` for a second one
/// in the same second.
public struct ReleaseName: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let stamp: String
    public let sequence: Int

    public var description: String { sequence == 1 ? stamp : "\(stamp)-\(sequence)" }

    /// A name read back from the server; nil for anything else found in `releases/`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let stamp = parts[0]
        guard stamp.count == 16, stamp.allSatisfy(\.isASCII) else { return nil }
        let characters = Array(stamp)
        for (index, character) in characters.enumerated() {
            switch index {
            case 8: guard character == "T" else { return nil }
            case 15: guard character == "Z" else { return nil }
            default: guard character.isNumber else { return nil }
            }
        }
        self.stamp = String(stamp)
        if parts.count == 2 {
            guard let sequence = Int(parts[1]), sequence >= 2, String(sequence) == parts[1] else { return nil }
            self.sequence = sequence
        } else {
            sequence = 1
        }
    }

    private init(stamp: String, sequence: Int) {
        self.stamp = stamp
        self.sequence = sequence
    }

    /// The name for a publication at `time` that sorts after every release already there: a clock
    /// set back must not make the new release look older than the one it replaces.
    public static func next(at time: Date, after existing: [ReleaseName]) -> ReleaseName {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let candidate = ReleaseName(stamp: formatter.string(from: time), sequence: 1)
        guard let newest = existing.max(), newest >= candidate else { return candidate }
        return ReleaseName(stamp: newest.stamp, sequence: newest.sequence + 1)
    }

    public static func < (left: ReleaseName, right: ReleaseName) -> Bool {
        (left.stamp, left.sequence) < (right.stamp, right.sequence)
    }
}
