import Foundation
import BulletinSupport

public enum ImageFormat: String, Sendable, Hashable, Codable {
    case webp, jpeg, png

    var fileExtension: String { self == .jpeg ? "jpg" : rawValue }
}

/// One published version of a photo: one width in one format.
public struct ImageVariant: Sendable, Hashable, Codable {
    public var width: Int
    public var height: Int
    public var format: ImageFormat
    /// Path inside the output folder, e.g. `assets/photos/class.w960.0a1b2c3d4e.webp`.
    public var path: String
    /// Path inside the cache folder of the processed file.
    public var cacheFile: String
}

/// A photo as the pages show it: its upright size and its published versions.
public struct ProcessedImage: Sendable, Hashable, Codable {
    /// Content-relative path of the original.
    public var source: String
    public var width: Int
    public var height: Int
    public var hasAlpha: Bool
    public var variants: [ImageVariant]

    /// The format for browsers without WebP: JPEG, or PNG for an image with transparency.
    public var fallbackFormat: ImageFormat { hasAlpha ? .png : .jpeg }

    public func variants(_ format: ImageFormat) -> [ImageVariant] { variants.filter { $0.format == format } }

    /// The narrowest fallback version (480 pixels, or the photo's own width when narrower): what a
    /// thumbnail needs.
    public var narrowestFallback: ImageVariant { narrowest(fallbackFormat)! }

    /// The narrowest version in a format, if one was made.
    public func narrowest(_ format: ImageFormat) -> ImageVariant? {
        variants(format).min { $0.width < $1.width }
    }

    /// The fallback version 960 pixels wide, or the widest when the photo is narrower.
    public var fallback: ImageVariant {
        let candidates = variants(fallbackFormat)
        return candidates.first { $0.width == ImageSettings.standard.defaultWidth } ?? candidates.last!
    }
}

/// How photos are processed; a change of any of it makes every photo again.
public struct ImageSettings: Sendable, Hashable {
    public var widths = [480, 960, 1600]
    public var defaultWidth = 960
    /// Files larger than this are refused before they are read.
    public var maxBytes = 20 * 1024 * 1024
    /// Images with more pixels than this are refused before they are decoded.
    public var maxPixels = 50_000_000

    public static let standard = ImageSettings()

    /// The widths to make for an image `width` pixels wide: the standard widths below it, and its
    /// own width up to the largest standard one. Never larger than the original.
    public func widths(forOriginal width: Int) -> [Int] {
        let largest = min(width, widths.max() ?? width)
        return widths.filter { $0 < largest } + [largest]
    }

    /// What the cache is keyed by besides the content: these settings, the encoders' options
    /// (in `Sources/CVips/vips.c`: JPEG Q80, WebP Q75, PNG level 6, metadata stripped, a photo with
    /// a colour profile converted to sRGB) and libvips.
    var fingerprint: String {
        "widths=\(widths) jpeg=80 webp=75 png=6 strip srgb vips=\(ImageCodec.version) stage=2"
    }
}

/// Why a photo could not be published.
public enum ImageProblem: Sendable, Hashable {
    case fileTooLarge(bytes: Int, limit: Int)
    case tooManyPixels(width: Int, height: Int, limit: Int)
    case unreadable
    /// A HEIC/HEIF photo, and this libvips was built without libheif.
    case heifUnsupported
    /// libvips could not be loaded (not installed, or of another version than the one built
    /// against), with the loader's reason.
    case imageLibraryUnavailable(reason: String)
}

public struct ImageResults: Sendable {
    /// The processed photos by content-relative path.
    public var images: [String: ProcessedImage] = [:]
    public var problems: [String: ImageProblem] = [:]
    /// How many photos were decoded and encoded in this run (the others came from the cache).
    public var processed = 0
}

/// The image stage: every raster image of the content folder, upright, without metadata, in a few
/// widths in WebP and JPEG (PNG when it has transparency), on all cores. What it makes is kept in
/// a cache folder beside the output (`.Public.images/`), keyed by the photo's content, the settings
/// and libvips; an index there remembers each file's stamp, so an unchanged photo is
/// neither processed nor read again. Entries no run used are removed.
public enum ImageStage {
    static let rasterExtensions: Set<String> = ["jpg", "jpeg", "png", "webp", "heic", "heif"]

    /// Whether the stage publishes this content file (rather than copying it as it is).
    public static func isRaster(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[path.index(after: dot)...].contains("/") else { return false }
        return rasterExtensions.contains(path[path.index(after: dot)...].lowercased())
    }

    /// The cache folder beside an output folder: `.Public.images` for `Public`.
    public static func cacheFolder(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent("." + output.lastPathComponent + ".images")
    }

    private struct Index: Codable {
        var fingerprint: String
        var entries: [String: Entry]

        struct Entry: Codable, Equatable {
            var stamp: [Int]
            var key: String
            var image: ProcessedImage
        }
    }

    private enum Outcome: Sendable {
        case made(ProcessedImage, key: String, processed: Bool)
        case failed(ImageProblem)
    }

    /// `progress` is told how far the stage is when it takes more than a second.
    public static func run(files: [(path: String, stamp: FileStamp)], contentRoot: URL, cache: URL,
                           settings: ImageSettings = .standard, progress: (@Sendable (StageProgress) -> Void)? = nil) -> ImageResults {
        let images = files.filter { isRaster($0.path) }
        // A site without photos gets no cache folder.
        if images.isEmpty && access(cache.path, F_OK) != 0 { return ImageResults() }
        let fingerprint = settings.fingerprint
        let indexURL = cache.appendingPathComponent("index.json")
        var index = (try? Data(contentsOf: indexURL)).flatMap { try? JSONDecoder().decode(Index.self, from: $0) }
        if index?.fingerprint != fingerprint { index = nil }
        let known = index?.entries ?? [:]
        let fileManager = FileManager.default
        try? fileManager.createDirectory(at: cache, withIntermediateDirectories: true)

        let meter = progress.map { ProgressMeter(.images, total: images.count, report: $0) }
        let outcomes: [Outcome] = images.parallelMap { file in
            defer { meter?.step() }
            let stamp = [file.stamp.seconds, file.stamp.nanoseconds, file.stamp.size, Int(file.stamp.inode)]
            if let entry = known[file.path], entry.stamp == stamp,
               entry.image.variants.allSatisfy({ access(cache.appendingPathComponent($0.cacheFile).path, F_OK) == 0 }) {
                return .made(entry.image, key: entry.key, processed: false)
            }
            return make(file.path, size: file.stamp.size, contentRoot: contentRoot, cache: cache, settings: settings,
                        fingerprint: fingerprint)
        }
        meter?.finish()

        var results = ImageResults()
        var entries: [String: Index.Entry] = [:]
        for (file, outcome) in zip(images, outcomes) {
            switch outcome {
            case let .made(image, key, processed):
                results.images[file.path] = image
                if processed { results.processed += 1 }
                entries[file.path] = Index.Entry(stamp: [file.stamp.seconds, file.stamp.nanoseconds, file.stamp.size, Int(file.stamp.inode)],
                                                 key: key, image: image)
            case .failed(let problem):
                results.problems[file.path] = problem
            }
        }
        // Without libvips nothing could be made: the cache is left as it is for a run that can.
        if results.problems.values.contains(where: { if case .imageLibraryUnavailable = $0 { true } else { false } }) {
            return results
        }
        // A warm run changes nothing: the index is written again only when an entry changed.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        if index == nil || entries != known, let data = try? encoder.encode(Index(fingerprint: fingerprint, entries: entries)) {
            let temporary = cache.appendingPathComponent("index.json.tmp-\(getpid())")
            if (try? data.write(to: temporary)) != nil { rename(temporary.path, indexURL.path) }
        }
        removeUnused(in: cache, keeping: Set(entries.values.map(\.key)))
        return results
    }

    /// Removes the entries of the cache folder no photo of this run uses, and what an interrupted
    /// run left; only names this stage makes are touched. `build` and a `serve` session may share
    /// the folder at the same time: what a running process is making is its own.
    private static func removeUnused(in cache: URL, keeping keys: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: cache.path) else { return }
        for name in names where !keys.contains(name) {
            let isEntry = name.count == 32 && name.allSatisfy(\.isHexDigit)
            // A name without a process number is from before names had one.
            let isLeftover = ["tmp-", "index.json.tmp-"].contains { prefix in
                name.hasPrefix(prefix) && (MakingProcess.number(startingName: name.dropFirst(prefix.count)).map(MakingProcess.hasEnded) ?? true)
            }
            if isEntry || isLeftover { try? FileManager.default.removeItem(at: cache.appendingPathComponent(name)) }
        }
    }

    private static func make(_ path: String, size: Int, contentRoot: URL, cache: URL, settings: ImageSettings,
                             fingerprint: String) -> Outcome {
        if size > settings.maxBytes { return .failed(.fileTooLarge(bytes: size, limit: settings.maxBytes)) }
        guard let data = FileManager.default.contents(atPath: contentRoot.appendingPathComponent(path).path) else {
            return .failed(.unreadable)
        }
        if data.count > settings.maxBytes { return .failed(.fileTooLarge(bytes: data.count, limit: settings.maxBytes)) }
        let bytes = [UInt8](data)
        let contentHash = FNV1a.hex(FNV1a.hash(bytes))
        let key = contentHash + FNV1a.hex(FNV1a.hash(fingerprint.utf8))
        let entry = cache.appendingPathComponent(key)
        let info = entry.appendingPathComponent("image.json")
        // The same photo under another name, or the same file touched: already made.
        if let data = try? Data(contentsOf: info), var image = try? JSONDecoder().decode(ProcessedImage.self, from: data) {
            let made = renamed(image, to: path, key: key)
            if made.variants.allSatisfy({ access(cache.appendingPathComponent($0.cacheFile).path, F_OK) == 0 }) {
                image = made
                return .made(image, key: key, processed: false)
            }
        }
        if let reason = ImageCodec.unavailable { return .failed(.imageLibraryUnavailable(reason: reason)) }
        guard let header = ImageCodec.header(of: bytes) else {
            let heif = ["heic", "heif"].contains((path as NSString).pathExtension.lowercased())
            return .failed(heif && !ImageCodec.readsHEIF ? .heifUnsupported : .unreadable)
        }
        if header.width * header.height > settings.maxPixels {
            return .failed(.tooManyPixels(width: header.width, height: header.height, limit: settings.maxPixels))
        }
        let formats: [ImageFormat] = [.webp, header.hasAlpha ? .png : .jpeg]
        let temporary = cache.appendingPathComponent("tmp-\(getpid())-\(key)-\(UInt32.random(in: 0 ... .max))")
        try? FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        var image = ProcessedImage(source: path, width: 0, height: 0, hasAlpha: header.hasAlpha, variants: [])
        for width in settings.widths(forOriginal: header.width) {
            guard let resized = ImageCodec.resize(bytes, width: width, toSRGB: header.hasProfile, formats: formats) else {
                try? FileManager.default.removeItem(at: temporary)
                return .failed(.unreadable)
            }
            for (format, file) in zip(formats, resized.files) {
                let name = "w\(resized.width).\(format.fileExtension)"
                let published = format == .webp ? WebPMetadata.stripped(file) : file
                FileManager.default.createFile(atPath: temporary.appendingPathComponent(name).path, contents: Data(published))
                image.variants.append(ImageVariant(width: resized.width, height: resized.height, format: format, path: "",
                                                   cacheFile: key + "/" + name))
            }
            (image.width, image.height) = (resized.width, resized.height)
        }
        image = renamed(image, to: path, key: key)
        if let data = try? JSONEncoder().encode(image) {
            FileManager.default.createFile(atPath: temporary.appendingPathComponent("image.json").path, contents: data)
        }
        if rename(temporary.path, entry.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
        return .made(image, key: key, processed: true)
    }

    /// The photo's versions published beside where the original is in the content folder:
    /// `assets/photos/class.jpg` → `assets/photos/class.w960.<hash>.webp`.
    private static func renamed(_ image: ProcessedImage, to path: String, key: String) -> ProcessedImage {
        var image = image
        image.source = path
        let stem = path.lastIndex(of: ".").map { String(path[..<$0]) } ?? path
        let hash = String(FNV1a.hex(FNV1a.hash(key.utf8)).prefix(10))
        for index in image.variants.indices {
            let variant = image.variants[index]
            image.variants[index].path = "\(stem).w\(variant.width).\(hash).\(variant.format.fileExtension)"
        }
        return image
    }
}

/// libvips 8.14's WebP writer ignores `strip` and always adds an EXIF chunk (of its own fields:
/// resolution, orientation 1). This removes the EXIF, XMP and ICC chunks from a WebP file and
/// clears their flags, so that a published photo holds pixels and nothing else.
enum WebPMetadata {
    static func stripped(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 12, bytes[0 ..< 4].elementsEqual("RIFF".utf8), bytes[8 ..< 12].elementsEqual("WEBP".utf8) else {
            return bytes
        }
        var output = Array(bytes[0 ..< 12])
        var offset = 12
        while offset + 8 <= bytes.count {
            let name = String(decoding: bytes[offset ..< offset + 4], as: UTF8.self)
            let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            let end = min(bytes.count, offset + 8 + size + (size & 1))
            if !["EXIF", "XMP ", "ICCP"].contains(name) {
                let start = output.count
                output.append(contentsOf: bytes[offset ..< end])
                // VP8X flags: ICC 0x20, EXIF 0x08, XMP 0x04.
                if name == "VP8X", start + 8 < output.count { output[start + 8] &= ~UInt8(0x20 | 0x08 | 0x04) }
            }
            offset = end
        }
        let riffSize = UInt32(output.count - 8)
        for index in 0 ..< 4 { output[4 + index] = UInt8(truncatingIfNeeded: riffSize >> (8 * UInt32(index))) }
        return output
    }
}
