import Foundation

/// What `--list` shows of a release, kept beside its folder as `NAME.record` (outside the served
/// folder, so readers never see it): `key=value` lines, which a shell on the server can write and
/// print without any other tool.
public struct ReleaseRecord: Sendable, Hashable {
    /// When it was published, ISO 8601 in UTC.
    public var published: String
    /// The version of bulletin that built and sent it.
    public var version: String
    public var pages: Int
    public var files: Int
    public var bytes: Int
    /// Files whose content was sent; the others were linked from the release served before.
    public var sentFiles: Int

    public init(published: String, version: String, pages: Int, files: Int, bytes: Int, sentFiles: Int) {
        self.published = published
        self.version = version
        self.pages = pages
        self.files = files
        self.bytes = bytes
        self.sentFiles = sentFiles
    }

    public init(summary: SiteSummary, sentFiles: Int, version: String, at time: Date) {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        self.init(published: formatter.string(from: time), version: version, pages: summary.pages, files: summary.files,
                  bytes: summary.bytes, sentFiles: sentFiles)
    }

    public var text: String {
        ["published=\(published)", "version=\(version)", "pages=\(pages)", "files=\(files)", "bytes=\(bytes)", "sent=\(sentFiles)"]
            .joined(separator: "\n")
    }

    /// Lines it does not know are passed over, so that a record written by a later version still lists.
    public init(text: String) {
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            fields[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        self.init(published: fields["published"] ?? "", version: fields["version"] ?? "", pages: Int(fields["pages"] ?? "") ?? 0,
                  files: Int(fields["files"] ?? "") ?? 0, bytes: Int(fields["bytes"] ?? "") ?? 0, sentFiles: Int(fields["sent"] ?? "") ?? 0)
    }
}
