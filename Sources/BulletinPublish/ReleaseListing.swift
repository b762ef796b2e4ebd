/// The releases in a target folder, as the server scripts print them (`ServerScripts`).
public struct ReleaseListing: Sendable, Hashable {
    public struct Release: Sendable, Hashable {
        public var name: ReleaseName
        public var record: ReleaseRecord
    }

    /// The release `current` points to; nil before the first publication.
    public var served: ReleaseName?
    /// Oldest first.
    public var releases: [Release]

    public var names: [ReleaseName] { releases.map(\.name) }

    public init(served: ReleaseName?, releases: [Release]) {
        self.served = served
        self.releases = releases.sorted { $0.name < $1.name }
    }

    /// Lines that name no release (folders someone made by hand in `releases/`) are passed over.
    public init(printed: String) {
        var served: ReleaseName?
        var releases: [Release] = []
        var name: ReleaseName?
        var recordLines: [String] = []
        func close() {
            if let name { releases.append(Release(name: name, record: ReleaseRecord(text: recordLines.joined(separator: "\n")))) }
            name = nil
            recordLines = []
        }
        for line in printed.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("current ") {
                served = ReleaseName(String(line.dropFirst("current ".count)))
            } else if line.hasPrefix("release ") {
                close()
                name = ReleaseName(String(line.dropFirst("release ".count)))
            } else if line.hasPrefix("  ") {
                recordLines.append(String(line.dropFirst(2)))
            }
        }
        close()
        self.init(served: served, releases: releases)
    }
}
