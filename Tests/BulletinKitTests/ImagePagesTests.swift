import Foundation
import Testing
@testable import BulletinImages
@testable import BulletinKit
@testable import BulletinLoad
@testable import BulletinModel
@testable import BulletinSupport

/// Photos in write-ups, through the whole build: pages show `<picture>`s of the versions the image
/// stage made, the originals are not published, and a second build processes nothing.
@Suite struct ImagePagesTests {
    static let writeUp = "Content/bases/wanzhou-shahe-primary/photos.md"
    static let page = "Public/bases/wanzhou-shahe-primary/photos/index.html"

    static func text(cover: String = "../../assets/class.jpg", coverAlt: String? = nil, body: String) -> String {
        """
        ---
        title: 开放日照片
        date: 2023-05-01
        kind: event
        models:
          - home-school-community
        cover: \(cover)
        \(coverAlt.map { "coverAlt: \($0)" } ?? "")
        ---

        开放日当天的课堂。

        \(body)
        """
    }

    func photoFixture() throws -> Fixture {
        let fixture = try Fixture()
        let photo = ImageCodec.testImage(width: 1200, height: 800, orientation: 6, xmp: ImageStageTests.gpsXMP)
        try fixture.writeData("Content/assets/class.jpg", Data(photo))
        try fixture.writeData("Content/assets/wide.jpg", Data(ImageCodec.testImage(width: 2000, height: 1000)))
        return fixture
    }

    @Test func bodyImagesAndCoversBecomePicturesOfTheVersionsMade() throws {
        let fixture = try photoFixture()
        defer { fixture.remove() }
        try fixture.write(Self.writeUp, Self.text(coverAlt: "家长课堂", body: "![课堂现场](../../assets/wide.jpg \"开放日\")\n\n[原图](../../assets/wide.jpg)\n"))
        let report = try fixture.build()
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics.errors.map(\.formatted))")
        // The two photos of the test and the fixture's three example photos.
        #expect(report.imagesProcessed == 5)
        let html = try fixture.read(Self.page)
        let published = try FileManager.default.subpathsOfDirectory(atPath: fixture.url("Public/assets").path).sorted()
        #expect(!published.contains("class.jpg") && !published.contains("wide.jpg"), "originals are not published")
        let wide = published.filter { $0.hasPrefix("wide.") }
        #expect(wide.count == 6)
        let hash = try #require(wide.first.map { String($0.split(separator: ".")[2]) })
        let webp = "/assets/wide.w480.\(hash).webp 480w, /assets/wide.w960.\(hash).webp 960w, /assets/wide.w1600.\(hash).webp 1600w"
        let jpeg = "/assets/wide.w480.\(hash).jpg 480w, /assets/wide.w960.\(hash).jpg 960w, /assets/wide.w1600.\(hash).jpg 1600w"
        // A screen of a phone's width is offered the versions up to 960 px alone.
        let phoneWebp = "/assets/wide.w480.\(hash).webp 480w, /assets/wide.w960.\(hash).webp 960w"
        let phoneJPEG = "/assets/wide.w480.\(hash).jpg 480w, /assets/wide.w960.\(hash).jpg 960w"
        let phoneSources: String = "<source media=\"(max-width: 44em)\" type=\"image/webp\" srcset=\"\(phoneWebp)\" sizes=\"100vw\">"
            + "<source media=\"(max-width: 44em)\" srcset=\"\(phoneJPEG)\" sizes=\"100vw\">"
        let image: String = "<img src=\"/assets/wide.w960.\(hash).jpg\" srcset=\"\(jpeg)\" sizes=\"\(PictureView.sizes)\" width=\"960\" height=\"480\""
            + " loading=\"lazy\" decoding=\"async\" alt=\"课堂现场\" title=\"开放日\"></picture>"
        let picture: String = "<picture><source media=\"print\" srcset=\"/assets/wide.w1600.\(hash).jpg\">" + phoneSources
            + "<source type=\"image/webp\" srcset=\"\(webp)\" sizes=\"\(PictureView.sizes)\">" + image
        #expect(html.contains(picture))
        #expect(html.contains("<a href=\"/assets/wide.w1600.\(hash).jpg\">原图</a>"))
        // The cover: upright (800 × 1200), loaded at once, described; no version wider than 960
        // px, so nothing is offered to phones alone.
        #expect(html.contains("width=\"800\" height=\"1200\" loading=\"eager\" decoding=\"async\" alt=\"家长课堂\"></picture>"))
        #expect(html.components(separatedBy: "media=\"(max-width: 44em)\"").count == 3, "only the wide photo has phone sources")
        #expect(!html.contains("class.jpg\""))
        // The feed offers the cover's JPEG (960 pixels wide, or the photo's own 800).
        let classHash = try #require(published.first { $0.hasPrefix("class.") }.map { String($0.split(separator: ".")[2]) })
        #expect(try fixture.read("Public/feed.xml").contains("/assets/class.w800.\(classHash).jpg\"/>"))
        #expect(try fixture.read("Public/feed.xml").contains("<link rel=\"enclosure\" type=\"image/jpeg\" href=\"http"))
        for file in published where file.hasPrefix("class.") {
            let bytes = [UInt8](try Data(contentsOf: fixture.url("Public/assets/" + file)))
            #expect(!ImageStageTests.contains(bytes, "Exif") && !ImageStageTests.contains(bytes, "GPS"), "\(file) keeps metadata")
        }

        // An edit elsewhere: the photos come from the cache.
        try fixture.edit(Self.writeUp, replacing: "开放日当天", with: "开放日那天")
        let again = try fixture.build()
        #expect(again.wroteOutput && again.imagesProcessed == 0)
        #expect(try fixture.read(Self.page).contains("alt=\"课堂现场\""))

        // A cover wider than 960 px is offered to phones up to its 960 px versions too.
        try fixture.write(Self.writeUp, Self.text(cover: "../../assets/wide.jpg", coverAlt: "家长课堂", body: "操场。"))
        #expect(!(try fixture.build()).diagnostics.hasErrors)
        let cover = try #require(try fixture.read(Self.page).components(separatedBy: "<picture>").first { $0.contains("alt=\"家长课堂\"") })
        #expect(cover.hasPrefix("<source media=\"print\" srcset=\"/assets/wide.w1600.\(hash).jpg\">" + phoneSources), "\(cover)")
    }

    /// Editors often paste the cover photo into the text as well: the page shows it once, where
    /// the text puts it, and lists and the feed still use it as the cover.
    @Test func aCoverTheTextShowsIsShownOnce() throws {
        let fixture = try photoFixture()
        defer { fixture.remove() }
        try fixture.write(Self.writeUp, Self.text(coverAlt: "家长课堂", body: "![课堂现场](../../assets/class.jpg)\n\n![操场](../../assets/wide.jpg)\n"))
        #expect(!(try fixture.build()).diagnostics.hasErrors)
        let html = try fixture.read(Self.page)
        let classHash = try #require(try FileManager.default.contentsOfDirectory(atPath: fixture.url("Public/assets").path)
            .first { $0.hasPrefix("class.") }.map { String($0.split(separator: ".")[2]) })
        #expect(html.components(separatedBy: "/assets/class.w480.\(classHash).webp 480w").count == 2, "the photo shows once")
        #expect(html.contains("alt=\"课堂现场\"></picture>") && !html.contains("alt=\"家长课堂\""), "the text's own photo, with its own words")
        #expect(!html.contains("class=\"cover\""))
        #expect(try fixture.read("Public/feed.xml").contains("/assets/class.w800.\(classHash).jpg\"/>"))

        // A cover the text does not show stays above it.
        try fixture.edit(Self.writeUp, replacing: "![课堂现场](../../assets/class.jpg)", with: "")
        #expect(!(try fixture.build()).diagnostics.hasErrors)
        let alone = try fixture.read(Self.page)
        #expect(alone.contains("class=\"cover\"") && alone.contains("alt=\"家长课堂\"></picture>"))
    }

    @Test func aCoverWithoutTextIsAWarning() throws {
        let fixture = try photoFixture()
        defer { fixture.remove() }
        try fixture.write(Self.writeUp, Self.text(body: "正文。"))
        let report = try fixture.build()
        #expect(report.wroteOutput)
        #expect(report.diagnostics.warnings.map(\.formatted).contains(
            "\(Self.writeUp):7:8: warning: the cover '../../assets/class.jpg' has no alternative text\n"
                + "    hint: add a line 'coverAlt:' describing the picture, e.g. coverAlt: 家长课堂现场, for readers who cannot see it"))
    }

    @Test func aCutShortPhotoIsAnErrorAtItsLineInBothLanguages() throws {
        let fixture = try photoFixture()
        defer { fixture.remove() }
        let photo = ImageCodec.testImage(width: 800, height: 600)
        try fixture.writeData("Content/assets/cut.jpg", Data(photo.prefix(photo.count / 2)))
        try fixture.write(Self.writeUp, Self.text(cover: "../../assets/cut.jpg", coverAlt: "课堂", body: "![课堂](../../assets/cut.jpg)"))
        let before = try fixture.snapshot()
        let report = try fixture.build()
        #expect(!report.wroteOutput)
        #expect(try fixture.snapshot() == before)
        let errors = report.diagnostics.errors
        #expect(errors.map(\.formatted) == [
            "\(Self.writeUp):7:8: error: the image 'assets/cut.jpg' cannot be read: the file is damaged, cut short, or not a JPEG, PNG, WebP or HEIC picture\n"
                + "    hint: open it on this computer; if it does not show whole, copy it from the phone again, or save it again as JPEG",
            "\(Self.writeUp):13:1: error: the image 'assets/cut.jpg' cannot be read: the file is damaged, cut short, or not a JPEG, PNG, WebP or HEIC picture\n"
                + "    hint: open it on this computer; if it does not show whole, copy it from the phone again, or save it again as JPEG",
        ])
        #expect(errors.last?.formatted(in: .chinese) ==
            "\(Self.writeUp):13:1: 错误：图片 'assets/cut.jpg' 无法读取：文件已损坏、不完整，或不是 JPEG、PNG、WebP、HEIC 图片\n"
                + "    提示：请在电脑上打开它；若显示不全或打不开，请从手机重新拷贝，或另存为 JPEG")
    }

    /// The preview replacing a photo under the same name, and a write-up starting to show it as its
    /// cover: its pages and versions end as a clean build makes them.
    @Test func aPreviewSessionEndsWithTheFilesOfACleanBuild() throws {
        let fixture = try photoFixture()
        defer { fixture.remove() }
        var folders = fixture.folders
        folders.output = fixture.url("Preview")
        let engine = BuildEngine(folders: folders, options: BuildOptions(asOf: try PartialDate(parsing: "2023-06-01")))
        try fixture.write(Self.writeUp, Self.text(cover: "../../assets/class.jpg", coverAlt: "课堂", body: "![课堂](../../assets/wide.jpg)"))
        #expect(engine.run(writing: true).imagesProcessed == 5, "the test's two photos and the fixture's three")
        try fixture.writeData("Content/assets/wide.jpg", Data(ImageCodec.testImage(width: 1000, height: 900)))
        try fixture.write(Self.writeUp, Self.text(cover: "../../assets/wide.jpg", coverAlt: "家长课堂", body: "操场。"))
        let outcome = engine.run(writing: true)
        #expect(outcome.succeeded && outcome.imagesProcessed == 1, "\(outcome.diagnostics.errors.map(\.formatted))")
        #expect(try fixture.snapshot("Preview") == fixture.cleanBuild())
    }
}
