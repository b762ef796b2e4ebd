import Foundation
import BulletinRender
import BulletinModel
import BulletinLoad
import BulletinSupport

/// What the last successful build was made from and what it wrote, kept beside the output folder
/// (`.Public.manifest`). When every input, every option and the tool itself are as they were,
/// and the output folder still holds exactly what was written, the build has nothing to do. It is
/// never trusted further than that: any difference, or no manifest, means a full build. It is
/// read by its `Codable` conformance and written by `encoded`; a manifest of another format or
/// tool is ignored.
public struct BuildManifest: Equatable, Sendable, Codable {
    static let currentFormat = 6
    var format = currentFormat
    /// The running executable: a new version of the tool may write different pages.
    var tool: String
    var options: [String]
    /// Content and template files by `content/…` and `templates/…`, with their stamps.
    var inputs: [String: String]
    /// A fingerprint of the tool, the options and the inputs: comparing it compares them all.
    var digest: String
    /// Every file of the output folder with its stamp, as left by the build.
    package var outputs: [String: String] = [:]
    /// The warnings the build reported: a build with nothing to do tells them again, so that
    /// they are not lost because nothing changed.
    package var diagnostics: [Diagnostic] = []

    static func fileName(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).manifest")
    }

    /// The manifest of the inputs as they are now (outputs empty).
    /// `renderer` names the PDF renderer the build uses (nil: none): installing one changes the site.
    package static func current(contentFolder: URL, templatesFolder: URL, options: BuildOptions, renderer: String?,
                                content: ContentTree.Listing, templates: ContentTree.Listing) -> BuildManifest {
        var inputs: [String: String] = [:]
        for (prefix, listing) in [("content/", content), ("templates/", templates)] {
            for (path, stamp) in listing.stamps { inputs[prefix + path] = stamp.description }
            // What the listing refused (links out of the folder, unreadable folders) is an input too.
            for diagnostic in listing.diagnostics { inputs["!" + prefix + diagnostic.location.path] = diagnostic.message }
        }
        let tool = Bundle.main.executableURL.map { FileStamp($0).description } ?? "unknown"
        let settings = ["as-of \(options.asOf.iso)", "drafts \(options.includeDrafts)", "base-url \(options.baseURL ?? "")",
                        "strict \(options.strict)", "precompress \(options.precompress)",
                        "pdf \(options.pdf.rawValue) \(renderer ?? "none")",
                        "content \(contentFolder.standardizedFileURL.path)", "templates \(templatesFolder.standardizedFileURL.path)"]
        return BuildManifest(tool: tool, options: settings, inputs: inputs, digest: digest(tool: tool, options: settings, inputs: inputs))
    }

    /// Summed over the entries, so that it needs no sorting.
    private static func digest(tool: String, options: [String], inputs: [String: String]) -> String {
        var sum = FNV1a.hash("\(tool)\u{0}\(options.joined(separator: "\u{0}"))".utf8)
        for (path, stamp) in inputs { sum &+= FNV1a.hash("\(path)\u{0}\(stamp)".utf8) }
        return FNV1a.hex(sum)
    }

    /// Whether the output folder, whose files now have `outputStamps`, still holds what the last
    /// build (`previous`) wrote there, from the same tool, options and inputs as `current`.
    package static func outputIsUpToDate(_ outputStamps: [String: String]?, with current: BuildManifest, previous: BuildManifest?) -> Bool {
        // With no output folder there is nothing to trust, whatever the manifest says.
        guard let previous, let outputStamps, previous.digest == current.digest, previous.format == current.format,
              previous.tool == current.tool, previous.options == current.options, previous.inputs == current.inputs,
              !previous.outputs.isEmpty
        else { return false }
        return outputStamps == previous.outputs
    }

    /// The stamps of every file of the output folder, hidden ones included, but for the marker
    /// the writer leaves; nil when there is no such folder. Anything there that is not a file or
    /// a folder is listed too, with no stamp: it is not the build's.
    package static func outputStamps(_ output: URL) -> [String: String]? {
        guard FileManager.default.fileExists(atPath: output.path) else { return nil }
        let listing = ContentTree.list(root: output, displayRoot: "", role: "output", hidden: true)
        var stamps = listing.stamps.mapValues(\.description)
        stamps[OutputWriter.markerName] = nil
        for diagnostic in listing.diagnostics { stamps[String(diagnostic.location.path.drop { $0 == "/" })] = "" }
        return stamps
    }

    /// What the last build wrote into the output folder, by the record it left beside it, of
    /// whatever format: nil when there is none.
    package static func recordedOutputs(for output: URL) -> Set<String>? {
        struct Record: Decodable { var outputs: [String: String] }
        guard let data = FileManager.default.contents(atPath: fileName(for: output).path),
              let record = try? JSONDecoder().decode(Record.self, from: data) else { return nil }
        return Set(record.outputs.keys)
    }

    package static func read(for output: URL) -> BuildManifest? {
        guard let data = FileManager.default.contents(atPath: fileName(for: output).path),
              let manifest = try? JSONDecoder().decode(BuildManifest.self, from: data), manifest.format == currentFormat
        else { return nil }
        return manifest
    }

    /// Writes the manifest with what the build wrote (the writer's stamps, so the output is not
    /// listed again); a manifest that cannot be written only costs the next build its shortcut.
    ///
    /// It is written before the new folder is swapped in, with `alongside`: the files the live
    /// folder held, by their stamps. Killed on either side of the swap, the build leaves a record
    /// that owns every file of whichever folder is live, so the next build neither refuses the
    /// site's own files nor trusts the record's stamps for a folder it does not describe. Returns
    /// whether the record is exact for the new folder alone: when it is not, it is written again
    /// without `alongside` once the new folder is live.
    @discardableResult
    package func write(outputs written: [WrittenFile], alongside live: [String: String] = [:], diagnostics: Diagnostics,
                       for output: URL) -> Bool {
        let writtenPaths = live.isEmpty ? [] : Set(written.lazy.map(\.path))
        let others = live.filter { !writtenPaths.contains($0.key) }
        guard let bytes = encoded(outputs: written, others: others, diagnostics: diagnostics.all) else { return others.isEmpty }
        // Written beside and renamed into place, unsynced like the pages it describes.
        _ = try? FileSystemCalls.replace(at: Self.fileName(for: output).path, with: bytes)
        return others.isEmpty
    }

    /// The manifest as `read` decodes it, with `written` and `others` (paths the new folder does
    /// not hold, with the stamps they have elsewhere) as its outputs. The two large objects,
    /// inputs and outputs, are written by hand: through JSONEncoder, the manifest of a 10,000
    /// write-up site took 0.1 s after its last page was written, with one core idle.
    func encoded(outputs written: [WrittenFile], others: [String: String] = [:], diagnostics: [Diagnostic]) -> [UInt8]? {
        // The warnings on another core while the rest is written out.
        let diagnosticsJSON = Concurrent { try? JSONEncoder().encode(diagnostics) }
        var bytes = Array("{\"format\":\(format),\"tool\":".utf8)
        JSONText.appendQuoted(tool, to: &bytes)
        bytes += Array(",\"options\":".utf8)
        JSONText.appendArray(options, to: &bytes)
        bytes += Array(",\"digest\":".utf8)
        JSONText.appendQuoted(digest, to: &bytes)
        bytes += Array(",\"inputs\":".utf8)
        Self.appendObject(inputs.lazy.map { ($0.key, $0.value) }, to: &bytes)
        bytes += Array(",\"outputs\":".utf8)
        Self.appendOutputs(written, others: others, to: &bytes)
        guard let diagnosticsJSON = diagnosticsJSON.value else { return nil }
        bytes += Array(",\"diagnostics\":".utf8) + diagnosticsJSON
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    /// Every written file with its stamp. A stamp is digits and punctuation, written as bytes:
    /// made text first, the stamps of a large site take tens of milliseconds after the last page
    /// is written, while the other core waits.
    private static func appendOutputs(_ written: [WrittenFile], others: [String: String], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "{"))
        for (index, file) in written.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONText.appendQuoted(file.path, to: &bytes)
            bytes.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: "\"")])
            file.stamp?.appendDescription(to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
        for (index, (path, stamp)) in others.enumerated() {
            if index > 0 || !written.isEmpty { bytes.append(UInt8(ascii: ",")) }
            JSONText.appendQuoted(path, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            JSONText.appendQuoted(stamp, to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    private static func appendObject(_ entries: some Sequence<(String, String)>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "{"))
        var first = true
        for (key, value) in entries {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            JSONText.appendQuoted(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            JSONText.appendQuoted(value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
    }
}

extension FileStamp: CustomStringConvertible {
    /// `size:seconds.nanoseconds:inode`, as the manifest records it.
    public var description: String {
        var bytes: [UInt8] = []
        appendDescription(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `description`'s bytes, written without making it text first.
    func appendDescription(to bytes: inout [UInt8]) {
        Self.appendDecimal(size, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        Self.appendDecimal(seconds, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        Self.appendDecimal(nanoseconds, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        Self.appendDecimal(inode, to: &bytes)
    }

    private static func appendDecimal(_ number: some BinaryInteger, to bytes: inout [UInt8]) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = number.magnitude
        var divisor: UInt64 = 1
        while UInt64(magnitude) / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(UInt64(magnitude) / divisor % 10))
            divisor /= 10
        }
    }
}
