import Foundation
import Testing
@testable import BulletinImages
@testable import BulletinSupport

/// The image stage on its own: photos made by libvips in the test, processed into a temporary
/// content folder's cache.
@Suite struct ImageStageTests {
    final class Folder {
        let root: URL
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-images-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/assets"), withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: root) }

        var content: URL { root.appendingPathComponent("Content") }
        var cache: URL { root.appendingPathComponent(".Public.images") }

        func add(_ path: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: content.appendingPathComponent(path))
        }

        func run(_ paths: [String], settings: ImageSettings = .standard) -> ImageResults {
            ImageStage.run(files: paths.map { ($0, FileStamp(content.appendingPathComponent($0))) }, contentRoot: content,
                           cache: cache, settings: settings)
        }

        func bytes(_ variant: ImageVariant) -> [UInt8] {
            [UInt8]((try? Data(contentsOf: cache.appendingPathComponent(variant.cacheFile))) ?? Data())
        }
    }

    static let gpsXMP = """
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\
        <rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="29,33.5N" exif:GPSLongitude="106,33.0E"/>\
        </rdf:RDF></x:xmpmeta>
        """

    static func contains(_ bytes: [UInt8], _ marker: String) -> Bool {
        let needle = Array(marker.utf8)
        guard bytes.count >= needle.count else { return false }
        return (0 ... bytes.count - needle.count).contains { bytes[$0 ..< $0 + needle.count].elementsEqual(needle) }
    }

    @Test func widthsAreTheStandardOnesBelowTheOriginalAndNeverLarger() {
        let settings = ImageSettings.standard
        #expect(settings.widths(forOriginal: 4000) == [480, 960, 1600])
        #expect(settings.widths(forOriginal: 1600) == [480, 960, 1600])
        #expect(settings.widths(forOriginal: 1200) == [480, 960, 1200])
        #expect(settings.widths(forOriginal: 960) == [480, 960])
        #expect(settings.widths(forOriginal: 300) == [300])
    }

    @Test func aRotatedPhotoIsPublishedUprightWithoutItsLocation() throws {
        let folder = try Folder()
        let photo = ImageCodec.testImage(width: 1200, height: 800, orientation: 6, xmp: Self.gpsXMP)
        #expect(Self.contains(photo, "Exif") && Self.contains(photo, "GPS"), "the test photo carries EXIF and a location")
        try folder.add("assets/class.jpg", photo)
        let results = folder.run(["assets/class.jpg"])
        #expect(results.problems.isEmpty)
        let image = try #require(results.images["assets/class.jpg"])
        // Upright: the 1200 × 800 stored pixels turned a quarter are 800 wide and 1200 high.
        #expect((image.width, image.height) == (800, 1200))
        #expect(image.variants.map(\.width) == [480, 480, 800, 800])
        #expect(image.variants.map(\.format) == [.webp, .jpeg, .webp, .jpeg])
        for variant in image.variants {
            let bytes = folder.bytes(variant)
            let size = try #require(ImageCodec.size(of: bytes))
            #expect((size.width, size.height) == (variant.width, variant.width * 3 / 2))
            #expect(!Self.contains(bytes, "Exif") && !Self.contains(bytes, "GPS") && !Self.contains(bytes, "xmpmeta"),
                    "\(variant.path) keeps metadata")
        }
        let hash = String(image.variants[0].path.split(separator: ".")[2])
        #expect(hash.count == 10)
        #expect(image.variants.map(\.path) == ["assets/class.w480.\(hash).webp", "assets/class.w480.\(hash).jpg",
                                               "assets/class.w800.\(hash).webp", "assets/class.w800.\(hash).jpg"])
        #expect(image.fallback.path == "assets/class.w800.\(hash).jpg")
    }

    /// A phone's Display P3 photo keeps its colours once its profile is removed: it is converted to sRGB.
    /// An iPhone's HEIC photo (made here by libvips's own HEIF writer) is published like a JPEG:
    /// upright, without its location, as WebP and JPEG. Skipped only when this libvips has no
    /// HEIF loader; then the photo is refused with a message that names the format.
    @Test(.enabled(if: ImageCodec.readsHEIF, "libvips reads no HEIF here"))
    func aHEICPhotoIsPublishedAsWebPAndJPEG() throws {
        let folder = try Folder()
        let photo = ImageCodec.testImage(width: 1200, height: 800, heic: true, xmp: Self.gpsXMP)
        try #require(photo.count > 12 && Self.contains(Array(photo.prefix(32)), "ftyp"), "libvips wrote a HEIF file")
        try folder.add("assets/iphone.heic", photo)
        let results = folder.run(["assets/iphone.heic"])
        let image = try #require(results.images["assets/iphone.heic"], "\(results.problems)")
        #expect((image.width, image.height) == (1200, 800))
        #expect(Set(image.variants.map(\.format)) == [.webp, .jpeg])
        #expect(image.variants.map(\.path).contains("assets/iphone.w1200.\(image.variants[0].path.split(separator: ".")[2]).jpg"))
        for variant in image.variants {
            let bytes = folder.bytes(variant)
            #expect(ImageCodec.size(of: bytes)?.width == variant.width)
            #expect(!Self.contains(bytes, "GPS") && !Self.contains(bytes, "xmpmeta"), "\(variant.path) keeps metadata")
        }
    }

    @Test func aHEICPhotoThisLibraryCannotReadIsNamedAsSuch() throws {
        let folder = try Folder()
        // Not a HEIF file at all: unreadable, whatever the library reads.
        try folder.add("assets/broken.heic", Array("not a photo".utf8))
        let results = folder.run(["assets/broken.heic"])
        #expect(results.problems["assets/broken.heic"] == (ImageCodec.readsHEIF ? .unreadable : .heifUnsupported))
    }

    @Test func aPhotoWithAColourProfileIsConvertedToSRGB() throws {
        let folder = try Folder()
        let photo = ImageCodec.testImage(width: 600, height: 400, red: true, displayP3: true)
        let stored = ImageCodec.pixel(of: photo, x: 10, y: 10)
        #expect(abs(stored[0] - 200) > 8 || abs(stored[1] - 30) > 8, "the test photo holds P3 values, \(stored)")
        try folder.add("assets/red.jpg", photo)
        let image = try #require(folder.run(["assets/red.jpg"]).images["assets/red.jpg"])
        for variant in image.variants {
            let shown = ImageCodec.pixel(of: folder.bytes(variant), x: 10, y: 10)
            #expect(abs(shown[0] - 200) <= 8 && abs(shown[1] - 30) <= 8 && abs(shown[2] - 30) <= 8, "\(variant.path): \(shown)")
        }
    }

    @Test func aLargePhotoIsCappedAndATransparentOneStaysPNG() throws {
        let folder = try Folder()
        try folder.add("assets/wide.jpg", ImageCodec.testImage(width: 2000, height: 1000))
        try folder.add("assets/logo.png", ImageCodec.testImage(width: 500, height: 500, alpha: true, png: true))
        let results = folder.run(["assets/wide.jpg", "assets/logo.png"])
        let wide = try #require(results.images["assets/wide.jpg"])
        #expect(wide.variants.map(\.width) == [480, 480, 960, 960, 1600, 1600])
        #expect(wide.fallback.width == 960 && wide.fallback.format == .jpeg)
        let logo = try #require(results.images["assets/logo.png"])
        #expect(logo.variants.map(\.format) == [.webp, .png, .webp, .png])
        #expect(logo.variants.map(\.width) == [480, 480, 500, 500])
        #expect(ImageCodec.size(of: folder.bytes(logo.variants[1]))?.bands == 4)
    }

    @Test func anUnchangedPhotoIsNeverProcessedTwiceAndUnusedEntriesGo() throws {
        let folder = try Folder()
        try folder.add("assets/a.jpg", ImageCodec.testImage(width: 600, height: 400))
        try folder.add("assets/b.jpg", ImageCodec.testImage(width: 700, height: 400))
        #expect(folder.run(["assets/a.jpg", "assets/b.jpg"]).processed == 2)
        let warm = folder.run(["assets/a.jpg", "assets/b.jpg"])
        #expect(warm.processed == 0 && warm.images.count == 2)
        // The same photo under a second name is not made again either.
        try folder.add("assets/c.jpg", ImageCodec.testImage(width: 600, height: 400))
        #expect(folder.run(["assets/a.jpg", "assets/b.jpg", "assets/c.jpg"]).processed == 0)
        _ = folder.run(["assets/a.jpg"])
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.cache.path).filter { $0 != "index.json" }
        #expect(entries.count == 1)
    }

    /// `build` and a `serve` session share the cache: what one is making is not removed by the
    /// other as left over; what a process that has ended left is.
    @Test func whatARunningProcessIsMakingInTheCacheIsLeftAlone() throws {
        let folder = try Folder()
        try folder.add("assets/a.jpg", ImageCodec.testImage(width: 600, height: 400))
        #expect(folder.run(["assets/a.jpg"]).processed == 1)
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let key = String(repeating: "0", count: 32)
        let making = ["tmp-\(getppid())-\(key)-1", "index.json.tmp-\(getppid())"]
        let leftOver = ["tmp-\(ended.processIdentifier)-\(key)-2", "index.json.tmp-\(ended.processIdentifier)", "tmp-\(key)-3"]
        for name in making + leftOver {
            try FileManager.default.createDirectory(at: folder.cache.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        #expect(folder.run(["assets/a.jpg"]).processed == 0)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.cache.path))
        #expect(names.isSuperset(of: making), "\(names)")
        #expect(names.isDisjoint(with: leftOver), "\(names)")
    }

    @Test func aCorruptOrTooLargePhotoIsAProblemNotACrash() throws {
        let folder = try Folder()
        let photo = ImageCodec.testImage(width: 800, height: 600)
        try folder.add("assets/cut.jpg", Array(photo.prefix(photo.count / 2)))
        try folder.add("assets/text.png", Array("not a picture".utf8))
        try folder.add("assets/big.jpg", photo)
        let results = folder.run(["assets/cut.jpg", "assets/text.png"])
        #expect(results.images.isEmpty)
        #expect(results.problems["assets/cut.jpg"] == .unreadable)
        #expect(results.problems["assets/text.png"] == .unreadable)
        var settings = ImageSettings.standard
        settings.maxPixels = 400 * 300
        #expect(folder.run(["assets/big.jpg"], settings: settings).problems["assets/big.jpg"]
            == .tooManyPixels(width: 800, height: 600, limit: 120_000))
        settings.maxBytes = 100
        #expect(folder.run(["assets/big.jpg"], settings: settings).problems["assets/big.jpg"]
            == .fileTooLarge(bytes: photo.count, limit: 100))
    }
}
