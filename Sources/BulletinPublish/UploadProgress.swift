/// How far an upload is, read from rsync's `--info=progress2` lines (`  1,234,567  45%
/// 1.20MB/s  0:00:03 (xfr#12, to-chk=34/100)`), and what it sent, from its `--stats`.
public struct UploadProgress: Sendable, Hashable {
    public var percent: Int
    /// Bytes of the files sent so far.
    public var bytes: Int
    /// Files sent so far (`xfr#`); files linked from the served release are not counted.
    public var filesSent: Int

    /// nil for lines of other kinds.
    public init?(line: Substring) {
        let words = line.split(separator: " ")
        guard words.count >= 2, let percentWord = words.dropFirst().first, percentWord.hasSuffix("%"),
              let percent = Int(percentWord.dropLast()), let bytes = Int(words[0].filter { $0 != "," }) else { return nil }
        self.percent = percent
        self.bytes = bytes
        filesSent = 0
        if let transfer = words.first(where: { $0.hasPrefix("(xfr#") }), let count = Int(transfer.dropFirst(5).prefix { $0.isNumber }) {
            filesSent = count
        }
    }

    /// `Number of regular files transferred: 12` of the statistics at the end.
    public static func filesSent(statistics: String) -> Int? {
        number(after: "Number of regular files transferred:", in: statistics)
    }

    /// `Total bytes sent: 4,321`: what went over the connection, protocol included.
    public static func bytesSent(statistics: String) -> Int? {
        number(after: "Total bytes sent:", in: statistics)
    }

    private static func number(after label: String, in text: String) -> Int? {
        for line in text.split(whereSeparator: \.isNewline) {
            guard let range = line.range(of: label) else { continue }
            return Int(line[range.upperBound...].split(separator: " ").first?.filter { $0 != "," } ?? "")
        }
        return nil
    }
}
