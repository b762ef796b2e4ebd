import Foundation

/// What the last successful build was made from and what it wrote, kept beside the output folder
/// (`.Public.manifest`). When every input, every option and the tool itself are as they were,
/// and the output folder still holds exactly what was written, the build has nothing to do. It is
/// never trusted further than that: any difference, or no manifest, means a full build.
public struct BuildManifest: Equatable, Sendable {
    var format = 2
    /// The running executable: a new version of the tool may write different pages.
    var tool: String
    var options: [String]
    /// Content and template files by `content/…` and `templates/…`, with their stamps.
    var inputs: [String: String]
    /// A fingerprint of the tool, the options and the inputs: comparing it compares them all, and
    /// it ties the state kept for the next build (`BuildState`) to this manifest.
    var digest: String
    /// Every file of the output folder with its stamp, as left by the build.
    var outputs: [String: String] = [:]

    static func fileName(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).manifest")
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
        return BuildManifest(tool: tool, options: settings, inputs: inputs, digest: digest(tool: tool, options: settings, inputs: inputs))
    }

    /// Summed over the entries, so that it needs no sorting.
    private static func digest(tool: String, options: [String], inputs: [String: String]) -> String {
        var sum = FNV1a.hash("\(tool)\u{0}\(options.joined(separator: "\u{0}"))".utf8)
        for (path, stamp) in inputs { sum &+= FNV1a.hash("\(path)\u{0}\(stamp)".utf8) }
        return FNV1a.hex(sum)
    }

    /// Whether `output` still holds what the last build (`previous`) wrote there, from the same
    /// tool, options and inputs as `current`.
    static func outputIsUpToDate(_ output: URL, with current: BuildManifest, previous: BuildManifest?) -> Bool {
        // With no output folder there is nothing to trust, whatever the manifest says.
        guard let previous, previous.digest == current.digest, previous.format == current.format, previous.tool == current.tool,
              previous.options == current.options, previous.inputs == current.inputs, !previous.outputs.isEmpty,
              FileManager.default.fileExists(atPath: output.path)
        else { return false }
        return outputStamps(output) == previous.outputs
    }

    static func outputStamps(_ output: URL) -> [String: String] {
        FolderSnapshot.take(output).mapValues(\.description)
    }

    /// The first bytes of the file: what it is, its format and its digest.
    private static func head(format: Int, digest: String) -> [UInt8] {
        var writer = BinaryWriter()
        writer.string("bulletin manifest")
        writer.int(format)
        writer.string(digest)
        return writer.bytes
    }

    static func read(for output: URL) -> BuildManifest? {
        guard let data = FileManager.default.contents(atPath: fileName(for: output).path) else { return nil }
        var reader = BinaryReader([UInt8](data))
        guard reader.string() == "bulletin manifest" else { return nil }
        let format = reader.int(), digest = reader.string(), tool = reader.string(), options = reader.strings()
        func map() -> [String: String] {
            var count = reader.count()
            var map: [String: String] = [:]
            map.reserveCapacity(min(count, 1 << 16))
            while count > 0, !reader.failed {
                map[reader.string()] = reader.string()
                count -= 1
            }
            return map
        }
        let inputs = map()
        let outputs = map()
        guard !reader.failed, reader.isAtEnd else { return nil }
        return BuildManifest(format: format, tool: tool, options: options, inputs: inputs, digest: digest, outputs: outputs)
    }

    /// The manifest up to its outputs (what it is, format, digest, tool, options, inputs), as made
    /// while the site is written: only the outputs wait for the writing.
    func encodedHead() -> [UInt8] {
        var writer = BinaryWriter()
        writer.string(tool)
        writer.strings(options)
        writer.int(inputs.count)
        for (path, stamp) in inputs {
            writer.string(path)
            writer.string(stamp)
        }
        return Self.head(format: format, digest: digest) + writer.bytes
    }

    /// Adds to `encodedHead` what the build wrote (the writer's stamps, so the output is not listed
    /// again) and writes the file; a manifest that cannot be written only costs the next build its
    /// shortcut.
    static func write(_ encodedHead: [UInt8], outputs: [WrittenFile], for output: URL) {
        write(encodedHead, outputs: outputs.lazy.map { ($0.path, $0.stamp.description) }, for: output)
    }

    /// The same, with the stamps as the manifest keeps them.
    static func write(_ encodedHead: [UInt8], outputs: some Sequence<(path: String, stamp: String)>, for output: URL) {
        // As a listing of the folder sees it: hidden files are left out.
        let listed = outputs.filter { !isHidden($0.path) }
        var writer = BinaryWriter()
        writer.int(listed.count)
        for (path, stamp) in listed {
            writer.string(path)
            writer.string(stamp)
        }
        // Written beside and renamed into place, unsynced like the pages it describes.
        _ = try? FileSystemCalls.replace(at: fileName(for: output).path, with: encodedHead + writer.bytes)
        // The JSON form earlier versions kept.
        unlink(output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).manifest.json").path)
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
