import BulletinKit
import BulletinLoad
import BulletinModel
import BulletinSupport
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// `bulletin serve`: builds the site into a private temporary folder, serves it on loopback,
/// rebuilds what changed when Content/ or Templates/ change, and tells open pages to reload.
public struct PreviewServer {
    public var folders: PipelineFolders
    public var options: BuildOptions
    public var host: String
    public var port: Int
    /// How often the folders are scanned for changes where inotify cannot be had; with it,
    /// asking costs one read and is done every 40 ms.
    public var scanInterval: Duration = .milliseconds(150)
    public var say: @Sendable (String) -> Void
    /// The language of the terminal lines and of the overlay in the browser.
    public var language: Language

    public init(folders: PipelineFolders, options: BuildOptions, host: String, port: Int, language: Language = .english,
                say: @escaping @Sendable (String) -> Void) {
        self.folders = folders
        self.options = options
        self.host = host
        self.port = port
        self.language = language
        self.say = say
    }

    public func run() async throws {
        if let problem = PortCheck.problem(host: host, port: port) { throw problem }
        let session = try PreviewFolder.make()
        defer { try? FileManager.default.removeItem(at: session) }
        let preview = session.appendingPathComponent("site")

        let previewFolders = Self.previewFolders(folders, site: preview)
        var previewOptions = options
        let address = host.contains(":") ? "[\(host)]" : host
        previewOptions.baseURL = "http://\(address):\(port)/"

        let builds = PreviewSession(folders: previewFolders, options: previewOptions)
        let hub = LiveReloadHub(language: language)
        let report = RebuildReporter(say: say, language: language)
        // Watching starts before the first build: a file saved while it runs, or before the
        // watching task got going, was otherwise not seen until the next save.
        let watcher = FolderWatcher(folders: [previewFolders.content, previewFolders.templates])
        let first = await builds.rebuild()
        report(first, initial: true)
        await hub.publish(first)

        var logger = Logger(label: "bulletin-serve")
        logger.logLevel = .warning
        let url = "http://\(address):\(port)/"
        let say = say
        let serving = Message(.previewServing, ["url": url]).text(in: language)
        let app = Application(
            responder: PreviewResponder(root: preview, hub: hub, language: language),
            configuration: .init(address: .hostname(host, port: port), serverName: "bulletin"),
            services: [ChangeWatcher(watcher: watcher, session: builds, hub: hub, interval: scanInterval, report: report)],
            onServerRunning: { _ in say(serving) },
            logger: logger
        )
        do {
            try await app.runService()
        } catch {
            if "\(error)".contains("Address already in use") { throw PreviewError.portInUse(host: host, port: port) }
            throw PreviewError.cannotListen("\(error)")
        }
        say(Message(.previewStopped).text(in: language))
    }

    /// The folders of a session: the site in `site`, its photos made once for `build` and for
    /// every session. With a cache of its own, a session made each photo again at its start,
    /// about a second for a phone's photo. The cache is kept where `build` keeps it, when that
    /// folder can be written to.
    static func previewFolders(_ folders: PipelineFolders, site: URL) -> PipelineFolders {
        var previewFolders = folders
        previewFolders.output = site
        previewFolders.outputDisplay = "(preview)"
        let shared = folders.imageCacheFolder
        if access(shared.deletingLastPathComponent().path, W_OK) == 0 { previewFolders.imageCache = shared }
        return previewFolders
    }
}

/// Says what each rebuild did, in the terminal the server was started from.
struct RebuildReporter: Sendable {
    let say: @Sendable (String) -> Void
    var language: Language = .english

    func callAsFunction(_ outcome: PipelineReport, initial: Bool) {
        if outcome.nothingChanged { return }
        for diagnostic in outcome.diagnostics.sorted { say(diagnostic.formatted(in: language)) }
        say(Self.summary(outcome, initial: initial).text(in: language))
    }

    /// The line after a rebuild: what it did and how long it took, or how many errors the page shows.
    static func summary(_ outcome: PipelineReport, initial: Bool) -> Message {
        let milliseconds = String(Int((outcome.seconds * 1000).rounded()))
        guard outcome.succeeded else {
            return Message(.previewHasErrors, ["errors": String(outcome.diagnostics.errors.count), "milliseconds": milliseconds])
        }
        // Stage names are the program's own words, as `build --verbose` prints them.
        let stages = outcome.stages.map { "\($0.name) \(Int(($0.seconds * 1000).rounded()))" }.joined(separator: ", ")
        // As `build` says it: the feed, the sitemap and the search index's files are no pages.
        if initial {
            return Message(.previewBuilt, ["pages": String(outcome.htmlPages), "data": String(outcome.generatedFiles - outcome.htmlPages),
                                           "milliseconds": milliseconds, "stages": stages])
        }
        return Message(.previewRebuilt, ["files": String(outcome.filesRead), "rendered": String(outcome.pagesRendered),
                                         "written": String(outcome.changedPaths.count), "milliseconds": milliseconds, "stages": stages])
    }
}

public enum PreviewError: Error, CustomStringConvertible {
    case portInUse(host: String, port: Int)
    case portOutOfRange(Int)
    case cannotListen(String)

    public var text: Message {
        switch self {
        case let .portInUse(host, port):
            Message(.previewPortInUse, ["host": host, "port": String(port), "next": String(port + 1)])
        case let .portOutOfRange(port):
            Message(.previewPortOutOfRange, ["port": String(port)])
        case let .cannotListen(reason):
            Message(.previewCannotListen, ["reason": reason])
        }
    }

    /// `error: …` and the hint, as the command prints it.
    public func formatted(in language: Language) -> String {
        Catalogue.label(.labelError, in: language) + text.formatted(in: language)
    }

    public var description: String { formatted(in: .english) }
}

/// Owns the session's build engine, so rebuilds happen one at a time.
actor PreviewSession {
    private let engine: BuildEngine

    init(folders: PipelineFolders, options: BuildOptions) {
        // The preview makes no PDFs: a rebuild must show an edit within a blink, and WeasyPrint
        // takes seconds for one bulletin. `bulletin build` makes them.
        var options = options
        options.pdf = .off
        engine = BuildEngine(folders: folders, options: options, session: true)
    }

    func rebuild() -> PipelineReport {
        engine.run(writing: true)
    }
}

/// Watches Content/ and Templates/ and rebuilds when anything in them changed.
struct ChangeWatcher: Service {
    let watcher: FolderWatcher
    let session: PreviewSession
    let hub: LiveReloadHub
    let interval: Duration
    let report: RebuildReporter

    func run() async throws {
        let pause = watcher.usesInotify ? .milliseconds(40) : interval
        let clock = ContinuousClock()
        var lastKeepAlive = clock.now
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await Task.sleep(for: pause)
            if clock.now - lastKeepAlive >= .seconds(15) {
                await hub.keepAlive()
                lastKeepAlive = clock.now
            }
            guard watcher.changed() else { continue }
            // Editors save in bursts (write, rename, touch): let the burst finish first.
            try? await Task.sleep(for: .milliseconds(30))
            _ = watcher.changed()
            let outcome = await session.rebuild()
            report(outcome, initial: false)
            await hub.publish(outcome)
        }
        await hub.finishAll()
    }
}
