import ArgumentParser
import BulletinKit
import BulletinPublish
import BulletinSupport
import Foundation

/// `bulletin publish [TARGET] [--rollback | --list]`: the build, then `Publisher`.
struct Publish: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: say(.helpPublish)) }

    @Argument(help: ArgumentHelp(say(.helpPublishTarget)))
    var target: String?

    @Flag(help: ArgumentHelp(say(.helpRollback)))
    var rollback = false

    @Flag(name: .customLong("list"), help: ArgumentHelp(say(.helpListReleases)))
    var listReleases = false

    @Option(name: .customLong("ssh-config"), help: ArgumentHelp(say(.helpSSHConfig)))
    var sshConfig: String?

    @Option(help: ArgumentHelp(say(.helpKeep)))
    var keep = ReleaseRetention.defaultKept

    @OptionGroup var folders: FolderOptions

    @Option(help: ArgumentHelp(say(.helpOutput)))
    var output = "Public"

    func run() throws {
        if rollback && listReleases {
            Terminal.complain(usageProblem(Message(.publishRollbackOrList)))
            throw ExitCode(2)
        }
        if keep < 1 {
            Terminal.complain(usageProblem(Message(.publishKeepAtLeastOne, ["keep": String(keep)])))
            throw ExitCode(2)
        }
        let publisher = Publisher(commands: ServerCommands(target: try publishTarget(), sshConfig: sshConfig), keeping: keep,
                                  version: BulletinVersion.current)
        let shown = publisher.commands.target.shown
        do {
            if listReleases {
                printReleases(try publisher.list(), target: shown)
            } else if rollback {
                let (from, to) = try publisher.rollback()
                Terminal.say(say(.cliRolledBack, ["target": shown, "from": from.description, "to": to.description]))
            } else {
                try publish(with: publisher, shown: shown)
            }
        } catch let failure as PublishFailure {
            Terminal.complain(Catalogue.label(.labelError, in: language) + failure.message.formatted(in: language))
            throw ExitCode(1)
        }
    }

    private func publish(with publisher: Publisher, shown: String) throws {
        var options = try folders.buildOptions()
        // What a web server sends: the compressed copies, and an address that is not this computer's.
        options.precompress = true
        // Readers of the published site get each bulletin's PDF, as from `bulletin build`.
        options.pdf = .whenInstalled
        let report = buildShowingProgress(folders: folders, output: output, options: options)
        printDiagnostics(report.diagnostics)
        guard report.succeeded else {
            Terminal.complain(say(.cliPublishBuildFailed, ["errors": String(report.diagnostics.errors.count), "output": output]))
            throw ExitCode(1)
        }
        printSummary(of: report, output: output, options: options)
        let folder = URL(fileURLWithPath: output)
        let summary = SiteSummary.measure(folder)
        Terminal.say(say(.cliPublishing, ["output": output, "pages": String(summary.pages), "files": String(summary.files), "target": shown]))
        var meter = ProgressMeter()
        let publication = try publisher.publish(folder) { meter.show($0) }
        meter.finish()
        Terminal.say(say(.cliPublished, ["release": publication.release.description, "target": shown,
                                         "sent": String(publication.record.sentFiles), "files": String(publication.record.files),
                                         "kilobytes": String((publication.bytesSent + 1023) / 1024)]))
        if !publication.removed.isEmpty {
            Terminal.say(say(.cliPublishRemoved, ["count": String(publication.removed.count), "kept": String(keep)]))
        }
        if let previous = publication.replaced {
            Terminal.say(say(.cliPublishedRollbackHint, ["previous": previous.description]))
        }
    }

    /// The target given, else `publish.target` of site.yaml, read as the target would be.
    private func publishTarget() throws -> PublishTarget {
        if let target {
            do {
                return try PublishTarget(parsing: target)
            } catch {
                Terminal.complain(usageProblem(error.message))
                throw ExitCode(2)
            }
        }
        let (config, diagnostics) = SiteFile.read(content: URL(fileURLWithPath: folders.content), displayRoot: folders.content)
        guard let config else {
            printDiagnostics(diagnostics)
            throw ExitCode(1)
        }
        guard let setting = config.publishTarget else {
            let siteFile = (folders.content as NSString).appendingPathComponent("site.yaml")
            Terminal.complain(usageProblem(Message(.publishNoTarget, ["siteFile": siteFile])))
            throw ExitCode(2)
        }
        do {
            return try PublishTarget(parsing: setting.target)
        } catch {
            printDiagnostics(Diagnostics([.error(at: setting.location, error.message)]))
            throw ExitCode(1)
        }
    }

    /// Newest first, the served one marked.
    private func printReleases(_ listing: ReleaseListing, target: String) {
        guard !listing.releases.isEmpty else {
            Terminal.say(say(.cliNoReleases, ["target": target]))
            return
        }
        for release in listing.releases.reversed() {
            let record = release.record
            Terminal.say(say(.cliReleaseLine, [
                "marker": release.name == listing.served ? "*" : " ", "release": release.name.description,
                "published": Self.localTime(record.published), "pages": String(record.pages), "files": String(record.files),
                "megabytes": String(format: "%.1f", Double(record.bytes) / 1_000_000), "sent": String(record.sentFiles),
                "version": record.version,
            ]))
        }
        Terminal.say(say(.cliReleaseServedNote))
    }

    /// The record's UTC time in this computer's time zone, as an editor reads a clock.
    static func localTime(_ iso: String) -> String {
        guard let date = ISO8601DateFormatter().date(from: iso) else { return iso }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }
}

/// Upload progress: rewritten in place on a terminal; otherwise (a log) a line every few seconds,
/// so that a short upload prints none.
struct ProgressMeter {
    private let onTerminal = isatty(STDOUT_FILENO) == 1
    private var lastShown = Date()
    private var shownInPlace = false

    mutating func show(_ progress: UploadProgress) {
        let text = say(.cliPublishProgress, ["percent": String(progress.percent), "sent": String(progress.filesSent)])
        if onTerminal {
            guard Date().timeIntervalSince(lastShown) >= 0.2 || progress.percent == 100 else { return }
            FileHandle.standardOutput.write(Data(("\r" + TextCharacters.printable(text) + "\u{1B}[K").utf8))
            shownInPlace = true
        } else {
            guard Date().timeIntervalSince(lastShown) >= 3, progress.percent < 100 else { return }
            Terminal.say(text)
        }
        lastShown = Date()
    }

    func finish() {
        if shownInPlace { FileHandle.standardOutput.write(Data("\n".utf8)) }
    }
}
