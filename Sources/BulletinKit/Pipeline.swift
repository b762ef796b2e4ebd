import Foundation
import BulletinWrite
import BulletinRender
import BulletinPlan
import BulletinSearch
import BulletinImages
import BulletinModel
import BulletinLoad
import BulletinSupport

/// Where a run reads from and writes to, with the paths as the user typed them for messages.
public struct PipelineFolders: Sendable {
    public var content: URL
    public var contentDisplay: String
    public var templates: URL
    public var templatesDisplay: String
    public var output: URL
    public var outputDisplay: String
    /// Where processed photos are kept between runs; nil: beside the output (`.Public.images`).
    public var imageCache: URL?

    /// The folder the photos are kept in: `imageCache`, or the one beside the output.
    public var imageCacheFolder: URL { imageCache ?? ImageStage.cacheFolder(for: output) }

    public init(content: String = "Content", templates: String = "Templates", output: String = "Public") {
        self.content = URL(fileURLWithPath: content)
        contentDisplay = content
        self.templates = URL(fileURLWithPath: templates)
        templatesDisplay = templates
        self.output = URL(fileURLWithPath: output)
        outputDisplay = output
    }
}

public struct PipelineReport: Sendable {
    public var diagnostics: Diagnostics
    /// HTML pages and other generated files (feed, sitemap, robots).
    public var generatedFiles: Int = 0
    public var htmlPages: Int = 0
    public var copiedFiles: Int = 0
    public var compressedFiles: Int = 0
    public var wroteOutput = false
    /// The output already held this build's result: nothing was done.
    public var upToDate = false
    /// No file the site is made from changed since the session's last run: nothing was done.
    public var nothingChanged = false
    /// Content files read (again: the ones whose stamp changed).
    public var filesRead = 0
    /// Write-ups' front matter read into fields, and bodies converted (again: the changed ones).
    public var frontMattersRead = 0
    public var bodiesConverted = 0
    /// Photos decoded and encoded by the image stage (the others came from its cache).
    public var imagesProcessed = 0
    /// PDFs rendered by the print stage, and those found made in its cache.
    public var pdfsRendered = 0
    public var pdfsKept = 0
    /// Outputs (a page, or a group of files such as the search index) planned again because
    /// something they read changed; the others kept their plan.
    public var recipesPlanned = 0
    public var pagesRendered = 0
    /// Files written into the folder that was swapped in (the rest it held already).
    public var filesWritten = 0
    /// Output paths written or removed, relative to the output folder.
    public var changedPaths: [String] = []
    public var seconds: Double = 0
    /// Each stage that ran, with its time, in order: for progress output and profiling.
    public var stages: [StageTime] = []

    /// The output shows this run's site: it was written, or was already.
    public var succeeded: Bool { !diagnostics.hasErrors && (wroteOutput || upToDate || nothingChanged) }
}

/// Times each stage of a run.
struct StageClock {
    let start = Date()
    private var last = Date()
    private var lastProcessor = Self.processorSeconds()
    private(set) var stages: [StageTime] = []

    mutating func finished(_ name: String) {
        let now = Date()
        let processor = Self.processorSeconds()
        stages.append(StageTime(name: name, seconds: now.timeIntervalSince(last), processorSeconds: processor - lastProcessor))
        last = now
        lastProcessor = processor
    }

    /// User and system time of the whole process, all threads.
    private static func processorSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// How long a stage took, on the clock and on the processors: a stage that kept both cores busy
/// used twice its clock time.
public struct StageTime: Sendable {
    public var name: String
    public var seconds: Double
    public var processorSeconds: Double
}

/// A build or a check run once, as the command line runs them: the same engine as the preview's,
/// with nothing kept from an earlier run but what the manifest tells of the output folder.
public enum Pipeline {
    /// `progress` is told how far a long stage (photos, PDFs) is, when it takes more than a second.
    public static func build(_ folders: PipelineFolders, options: BuildOptions,
                             progress: (@Sendable (StageProgress) -> Void)? = nil) -> PipelineReport {
        BuildEngine(folders: folders, options: options, session: false, progress: progress).run(writing: true)
    }

    /// Everything a build does except writing.
    public static func check(_ folders: PipelineFolders, options: BuildOptions) -> PipelineReport {
        BuildEngine(folders: folders, options: options, session: false).run(writing: false)
    }
}
