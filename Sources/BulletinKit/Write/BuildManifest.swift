import Foundation

/// What the last successful build was made from and what it wrote, kept beside the output folder
/// (`.Public.manifest.json`). When every input, every option and the tool itself are as they were,
/// and the output folder still holds exactly what was written, the build has nothing to do. It is
/// never trusted further than that: any difference, or no manifest, means a full build.
public struct BuildManifest: Equatable, Sendable {
    var format = 1
    /// The running executable: a new version of the tool may write different pages.
    var tool: String
    var options: [String]
    /// Content and template files by `content/…` and `templates/…`, with their stamps.
    var inputs: [String: String]
    /// Every file of the output folder with its stamp, as left by the build.
    var outputs: [String: String] = [:]

    static func fileName(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).manifest.json")
    }

    /// The manifest of the inputs as they are now (outputs empty).
    static func current(_ folders: PipelineFolders, options: BuildOptions, content: ContentTree.Listing,
                        templates: ContentTree.Listing) -> BuildManifest {
        var inputs: [String: String] = [:]
        for (prefix, listing) in [("content/", content), ("templates/", templates)] {
            for (path, stamp) in listing.stamps { inputs[prefix + path] = stamp.description }
            // What the listing refused (links out of the folder, unreadable folders) is an input too.
            for diagnostic in listing.diagnostics { inputs["!" + prefix + diagnostic.location.path] = diagnostic.message }
        }
        let tool = Bundle.main.executableURL.map { FileStamp($0).description } ?? "unknown"
        let settings = ["as-of \(options.asOf.iso)", "drafts \(options.includeDrafts)", "base-url \(options.baseURL ?? "")",
                        "strict \(options.strict)", "precompress \(options.precompress)",
                        "content \(folders.content.standardizedFileURL.path)", "templates \(folders.templates.standardizedFileURL.path)"]
        return BuildManifest(tool: tool, options: settings, inputs: inputs)
    }

    /// Whether `output` still holds what the last build wrote there, from the same tool, options and
    /// inputs as `current`. The output folder is walked while the last manifest is parsed.
    static func outputIsUpToDate(_ output: URL, with current: BuildManifest) -> Bool {
        guard digestMatches(current, for: output) else { return false }
        let found = Concurrent { outputStamps(output) }
        guard let previous = read(for: output), previous.format == current.format, previous.tool == current.tool,
              previous.options == current.options, previous.inputs == current.inputs, !previous.outputs.isEmpty
        else { return false }
        return found.value == previous.outputs
    }

    static func outputStamps(_ output: URL) -> [String: String] {
        FolderSnapshot.take(output).mapValues(\.description)
    }

    /// A fingerprint of the tool, the options and the inputs, written first in the file: when it
    /// differs, the rest (two megabytes at 10,000 write-ups) is not parsed. Summed over the
    /// entries, so that it needs no sorting.
    var digest: String {
        var sum = FNV1a.hash("\(format)\u{0}\(tool)\u{0}\(options.joined(separator: "\u{0}"))".utf8)
        for (path, stamp) in inputs { sum &+= FNV1a.hash("\(path)\u{0}\(stamp)".utf8) }
        return FNV1a.hex(sum)
    }

    /// Whether the last build's manifest starts with the digest of `current` and its output folder
    /// is still there.
    private static func digestMatches(_ current: BuildManifest, for output: URL) -> Bool {
        // With no output folder there is nothing to trust, whatever the manifest says.
        guard FileManager.default.fileExists(atPath: output.path) else { return false }
        let expected = Array("{\"digest\":\"\(current.digest)\"".utf8)
        guard let handle = FileHandle(forReadingAtPath: fileName(for: output).path) else { return false }
        let head = (try? handle.read(upToCount: expected.count)) ?? Data()
        try? handle.close()
        return head.elementsEqual(expected)
    }

    private static func read(for output: URL) -> BuildManifest? {
        guard let data = try? Data(contentsOf: fileName(for: output)),
              let fields = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let format = fields["format"] as? Int, let tool = fields["tool"] as? String,
              let options = fields["options"] as? [String], let inputs = fields["inputs"] as? [String: String],
              let outputs = fields["outputs"] as? [String: String]
        else { return nil }
        return BuildManifest(format: format, tool: tool, options: options, inputs: inputs, outputs: outputs)
    }

    /// The manifest up to its outputs (digest, format, inputs, options, tool), as an unfinished
    /// object: made while the site is written, since only the outputs wait for the writing.
    func encodedHead() -> [UInt8] {
        var bytes = Array("{\"digest\":\"\(digest)\",\"format\":\(format),\"inputs\":".utf8)
        JSONText.appendObject(inputs, to: &bytes)
        bytes += ",\"options\":".utf8
        JSONText.appendArray(options, to: &bytes)
        bytes += ",\"tool\":".utf8
        JSONText.appendQuoted(tool, to: &bytes)
        return bytes
    }

    /// Adds to `encodedHead` what the build wrote (the writer's stamps, so the output is not listed
    /// again), in the order it was written, closes the object and writes the file; a manifest that
    /// cannot be written only costs the next build its shortcut.
    static func write(_ encodedHead: [UInt8], outputs: [WrittenFile], for output: URL) {
        var bytes = encodedHead
        bytes += ",\"outputs\":{".utf8
        var first = true
        // As a listing of the folder sees it: hidden files are left out.
        for file in outputs where !isHidden(file.path) {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            JSONText.appendQuoted(file.path, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            JSONText.appendQuoted(file.stamp.description, to: &bytes)
        }
        bytes += "}}".utf8
        // Written beside and renamed into place, unsynced like the pages it describes.
        _ = try? FileSystemCalls.replace(at: fileName(for: output).path) { temporary throws(FileSystemCalls.Failure) in
            try FileSystemCalls.write(bytes, to: temporary)
        }
    }
}

extension BuildManifest {
    /// Whether a name in the path starts with a dot (Foundation's `contains` took 12 µs a path).
    private static func isHidden(_ path: String) -> Bool {
        var previous = UInt8(ascii: "/")
        for byte in path.utf8 {
            if byte == UInt8(ascii: "."), previous == UInt8(ascii: "/") { return true }
            previous = byte
        }
        return false
    }
}

extension FileStamp: CustomStringConvertible {
    public var description: String { "\(size):\(seconds).\(nanoseconds):\(inode)" }
}
