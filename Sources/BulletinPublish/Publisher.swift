import BulletinSupport
import Foundation

/// `bulletin publish`: a built folder sent to a target as a new release, then served by one
/// rename; `--rollback` and `--list` over the same releases. The steps on the target are the
/// `ServerScripts`; until the last one renames `current`, the web server serves what it served.
public struct Publisher: Sendable {
    public var commands: ServerCommands
    public var keeping: Int
    /// The version of bulletin, for the record.
    public var version: String

    public init(commands: ServerCommands, keeping: Int = ReleaseRetention.defaultKept, version: String) {
        self.commands = commands
        self.keeping = keeping
        self.version = version
    }

    public struct Publication: Sendable {
        public var release: ReleaseName
        public var record: ReleaseRecord
        /// The release served before, now kept for `--rollback`.
        public var replaced: ReleaseName?
        public var removed: [ReleaseName]
        /// What went over the connection, protocol included.
        public var bytesSent: Int
    }

    public func publish(_ folder: URL, at time: Date = Date(), progress: (UploadProgress) -> Void = { _ in }) throws(PublishFailure) -> Publication {
        try checkTools()
        let summary = SiteSummary.measure(folder)
        let listing = ReleaseListing(printed: try run(commands.script(ServerScripts.prepare), step: .prepare).output)
        let release = ReleaseName.next(at: time, after: listing.names)

        let upload = CommandRun.run(commands.upload(folder, into: release, linkingFrom: listing.served)) { line in
            if let reading = UploadProgress(line: line) { progress(reading) }
        }
        guard upload.status == 0 else {
            _ = CommandRun.run(commands.script(ServerScripts.abandon, [release.description]))
            throw FailureReading.failure(step: .upload, status: upload.status, stderr: upload.errors, target: commands.target)
        }
        let sentFiles = UploadProgress.filesSent(statistics: upload.output) ?? summary.files
        let record = ReleaseRecord(summary: summary, sentFiles: sentFiles, version: version, at: time)
        let removed = ReleaseRetention.removable(listing.names + [release], served: release, keeping: keeping)
        do {
            try run(commands.script(ServerScripts.finish, [release.description, record.text] + removed.map(\.description)), step: .finish)
        } catch {
            // Failed before the switch (a cut connection may have cut after it): the upload goes.
            if error.message.code != .publishConnectionLostWhileSwitching {
                _ = CommandRun.run(commands.script(ServerScripts.abandon, [release.description]))
            }
            throw error
        }
        return Publication(release: release, record: record, replaced: listing.served, removed: removed,
                           bytesSent: UploadProgress.bytesSent(statistics: upload.output) ?? 0)
    }

    /// Serves the release before the one served; returns both.
    public func rollback() throws(PublishFailure) -> (from: ReleaseName, to: ReleaseName) {
        try checkTools()
        let listing = try list()
        guard let served = listing.served else { throw PublishFailure(.publishNothingPublished, ["target": commands.target.shown]) }
        guard let previous = ReleaseRetention.previous(listing.names, served: served) else {
            throw PublishFailure(.publishNoEarlierRelease, ["target": commands.target.shown, "release": served.description])
        }
        try run(commands.script(ServerScripts.rollback, [previous.description]), step: .rollback)
        return (served, previous)
    }

    public func list() throws(PublishFailure) -> ReleaseListing {
        try checkTools()
        return ReleaseListing(printed: try run(commands.script(ServerScripts.list), step: .list).output)
    }

    @discardableResult
    private func run(_ words: [String], step: FailureReading.Step) throws(PublishFailure) -> CommandRun {
        let result = CommandRun.run(words)
        guard result.status == 0 else {
            throw FailureReading.failure(step: step, status: result.status, stderr: result.errors, target: commands.target)
        }
        return result
    }

    private func checkTools() throws(PublishFailure) {
        var needed = ["rsync", "sh"]
        if case .server = commands.target { needed.append("ssh") }
        for tool in needed where !CommandRun.isInstalled(tool) {
            throw PublishFailure(.publishToolMissingHere, ["tool": tool, "package": tool == "ssh" ? "openssh-client" : tool])
        }
    }
}
