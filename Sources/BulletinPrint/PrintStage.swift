import Foundation
import BulletinSupport

/// A document to make into a PDF: its HTML, and the files that HTML loads by relative address.
public struct PrintJob: Sendable {
    /// Path of the PDF inside the output folder.
    public var path: String
    public var html: [UInt8]
    /// The files the HTML loads, by their address relative to it (a path inside the site).
    public var resources: [String: URL]

    public init(path: String, html: [UInt8], resources: [String: URL]) {
        (self.path, self.html, self.resources) = (path, html, resources)
    }
}

/// A PDF made (or found made) by the print stage.
public struct PrintedFile: Sendable, Equatable {
    /// The file inside the stage's cache folder.
    public var file: URL
    public var bytes: Int
}

public struct PrintResults: Sendable {
    /// The PDFs by their path inside the output folder.
    public var files: [String: PrintedFile] = [:]
    /// What the renderer said, by the path of each PDF it could not make.
    public var failures: [String: String] = [:]
    /// How many PDFs were rendered in this run (the others came from the cache).
    public var rendered = 0
}

/// The print stage: each document's PDF, kept in a cache folder beside the output (`.Public.pdf/`)
/// under a key made of everything the renderer reads: the HTML, the bytes of every file it loads
/// (stylesheet, photos) with their addresses, and the renderer itself. A document whose key is
/// there is not rendered again; the others are rendered side by side, one renderer per core.
/// Entries no run used are removed.
public enum PrintStage {
    /// The cache folder beside an output folder: `.Public.pdf` for `Public`.
    public static func cacheFolder(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent("." + output.lastPathComponent + ".pdf")
    }

    /// The cache key of a job: two 64-bit FNV-1a hashes over the same bytes, with different starts.
    static func key(of job: PrintJob, renderer: String) -> String? {
        var first = FNV1a.Stream(), second = FNV1a.Stream(seed: 0x5bd1e995)
        func add(_ bytes: some Sequence<UInt8>) {
            first.add(bytes)
            second.add(bytes)
        }
        add(renderer.utf8)
        add([0])
        add(job.html)
        for (address, file) in job.resources.sorted(by: { $0.key < $1.key }) {
            guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
            add([0])
            add(address.utf8)
            add([0])
            add(FNV1a.hex(UInt64(data.count)).utf8)
            data.withUnsafeBytes { add($0) }
        }
        return FNV1a.hex(first.value) + FNV1a.hex(second.value)
    }

    /// `progress` is told how far the stage is when it takes more than a second.
    public static func run(_ jobs: [PrintJob], cache: URL, renderer: PDFRenderer,
                           progress: (@Sendable (StageProgress) -> Void)? = nil) -> PrintResults {
        try? FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let fonts = jobs.isEmpty ? nil : PrintFonts.find(renderer: renderer)
        let identity = renderer.identity + " " + (fonts?.identity ?? "fonts found by the renderer")
        let meter = progress.map { ProgressMeter(.pdfs, total: jobs.count, report: $0) }
        let outcomes = jobs.parallelMap { job -> (key: String?, outcome: Result<(PrintedFile, rendered: Bool), Failure>) in
            defer { meter?.step() }
            guard let key = key(of: job, renderer: identity) else { return (nil, .failure(Failure(reason: "missing file"))) }
            return (key, make(job, key: key, cache: cache, renderer: renderer, fonts: fonts))
        }
        meter?.finish()
        var results = PrintResults()
        for (job, made) in zip(jobs, outcomes) {
            switch made.outcome {
            case .success(let (file, rendered)):
                results.files[job.path] = file
                if rendered { results.rendered += 1 }
            case .failure(let failure):
                results.failures[job.path] = failure.reason
            }
        }
        removeUnused(in: cache, keeping: Set(outcomes.compactMap { $0.key.map { $0 + ".pdf" } }))
        return results
    }

    struct Failure: Error {
        var reason: String
    }

    private static func make(_ job: PrintJob, key: String, cache: URL, renderer: PDFRenderer,
                             fonts: PrintFonts?) -> Result<(PrintedFile, rendered: Bool), Failure> {
        let entry = cache.appendingPathComponent(key + ".pdf")
        var info = stat()
        if stat(entry.path, &info) == 0 { return .success((PrintedFile(file: entry, bytes: Int(info.st_size)), false)) }
        // The document and the files it loads, at their addresses, in a folder named by the key
        // alone in the temporary folder: WeasyPrint names each image in the PDF by its address, so
        // the same document gives the same bytes whichever output folder it is built for. Builds
        // rendering the same document at once take turns (the lock), and each empties the folder first.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-pdf-" + key)
        let lock = open(folder.path + ".lock", O_CREAT | O_RDWR, 0o600)
        guard lock >= 0 else { return .failure(Failure(reason: String(cString: strerror(errno)))) }
        flock(lock, LOCK_EX)
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: folder)
        // The empty lock file stays: removed, a build waiting on it would hold a lock no other sees.
        defer {
            try? fileManager.removeItem(at: folder)
            close(lock)
        }
        do {
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
            for (address, file) in job.resources {
                let place = folder.appendingPathComponent(address)
                guard place.standardizedFileURL.path.hasPrefix(folder.standardizedFileURL.path + "/") else { continue }
                try fileManager.createDirectory(at: place.deletingLastPathComponent(), withIntermediateDirectories: true)
                try fileManager.createSymbolicLink(at: place, withDestinationURL: file)
            }
            var html = job.html
            if let fonts, let rules = fonts.subset(to: characters(of: job), in: folder), let head = html.firstRange(of: Array("</head>".utf8)) {
                html.insert(contentsOf: Array("<style>\n\(rules)\n</style>\n".utf8), at: head.lowerBound)
            }
            try Data(html).write(to: folder.appendingPathComponent("document.html"))
        } catch {
            return .failure(Failure(reason: error.localizedDescription))
        }
        let made = folder.appendingPathComponent("document.pdf")
        if let said = renderer.render(folder.appendingPathComponent("document.html"), to: made) {
            return .failure(Failure(reason: said))
        }
        // Copied beside the cache, then renamed into it: the temporary folder may be on another disk.
        let arriving = cache.appendingPathComponent(key + ".pdf.tmp-\(getpid())")
        do {
            try? fileManager.removeItem(at: arriving)
            try fileManager.copyItem(at: made, to: arriving)
        } catch {
            return .failure(Failure(reason: error.localizedDescription))
        }
        guard rename(arriving.path, entry.path) == 0, stat(entry.path, &info) == 0 else {
            unlink(arriving.path)
            return .failure(Failure(reason: String(cString: strerror(errno))))
        }
        return .success((PrintedFile(file: entry, bytes: Int(info.st_size)), true))
    }

    /// Every character the document can print: those of its HTML and of its stylesheets (whose
    /// generated content, such as page numbers, is text too), and the printable ASCII ones.
    private static func characters(of job: PrintJob) -> String {
        var scalars = Set<Unicode.Scalar>((0x20 ... 0x7E).compactMap(Unicode.Scalar.init))
        scalars.formUnion(String(decoding: job.html, as: UTF8.self).unicodeScalars)
        for (address, file) in job.resources where address.hasSuffix(".css") {
            if let text = try? String(contentsOf: file, encoding: .utf8) { scalars.formUnion(text.unicodeScalars) }
        }
        scalars.subtract(["\n", "\r", "\t"])
        return String(String.UnicodeScalarView(scalars.sorted()))
    }

    /// Removes the PDFs of the cache folder no document of this run uses, and what a killed run
    /// was copying in; only names this stage makes are touched.
    private static func removeUnused(in cache: URL, keeping names: Set<String>) {
        guard let found = try? FileManager.default.contentsOfDirectory(atPath: cache.path) else { return }
        for name in found where !names.contains(name) {
            // A PDF no bulletin uses, or one a killed build was copying in.
            let stem = name.hasSuffix(".pdf") ? name.dropLast(4) : name.contains(".pdf.tmp-") ? name.prefix(32) : ""
            if stem.count == 32, stem.allSatisfy(\.isHexDigit) { try? FileManager.default.removeItem(at: cache.appendingPathComponent(name)) }
        }
    }
}
