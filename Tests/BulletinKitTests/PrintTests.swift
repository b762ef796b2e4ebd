import Foundation
import Testing
@testable import BulletinImages
@testable import BulletinKit
@testable import BulletinLoad
@testable import BulletinModel
@testable import BulletinPlan
@testable import BulletinPrint
@testable import BulletinRender
@testable import BulletinSupport

/// A bulletin for paper: the document the print stage makes into a PDF, and the key that decides
/// whether it is made again. The PDFs themselves, made by WeasyPrint, are checked by the site
/// checks (`Tests/SiteChecks/pdf_check.py`), which install it.
@Suite struct PrintTests {
    static let bulletin = """
        ---
        title: 照片简报
        year: 2021
        number: 2
        date: 2021-06
        serial: 1
        items:
          - wanzhou-shahe-primary/example-practice
          - wanzhou-shahe-primary/example-photos
        ---

        请参阅[本站](../bases/wanzhou-shahe-primary/example-practice.md)和[外站](https://example.org/a)。
        """

    /// The bulletin's document for paper, rendered with the project's theme, as the print stage gets it.
    func printDocument(_ fixture: Fixture, baseURL: String) throws -> (document: PrintDocument, html: String, resources: [String: URL]) {
        try fixture.write("Content/bulletins/2021-2.md", Self.bulletin)
        let folders = fixture.folders
        let listing = ContentTree.list(root: folders.content, displayRoot: "Content")
        let cache = fixture.url("images")
        let images = ImageStage.run(files: listing.files.filter(ImageStage.isRaster).map { ($0, listing.stamps[$0]!) },
                                    contentRoot: folders.content, cache: cache)
        let content = ContentLoader.load(from: folders.content, displayRoot: "Content", listing: listing)
        let (site, diagnostics) = SiteBuilder.build(content, options: BuildOptions(asOf: try PartialDate(parsing: "2023-06-01"), baseURL: baseURL),
                                                    images: images)
        #expect(!diagnostics.hasErrors, "\(diagnostics.errors.map(\.formatted))")
        let (templates, _) = TemplateSet.load(from: folders.templates, displayRoot: "Templates")
        let unwrappedTemplates = try #require(templates)
        let (plan, _) = SitePlanner.plan(PlanInputs(site: try #require(site), assets: unwrappedTemplates.assetPaths), previous: nil, searchCache: nil)
        let outputs = SiteOutputs(plan, templates: unwrappedTemplates, contentRoot: folders.content, imageCache: cache, language: "zh-Hans")
        let made = try #require(outputs.printDocuments().first { $0.document.path == "bulletins/2021/2/jianbao-2021-2.pdf" })
        let html = try made.html.get()
        return (made.document, String(decoding: html, as: UTF8.self), made.resources)
    }

    @Test func theDocumentForPaperShowsPrintVersionsAndAbsoluteAddressesWithoutNavigation() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let (document, html, resources) = try printDocument(fixture, baseURL: "https://portal.example/zt/jiaoyu/")
        #expect(document.source == "Content/bulletins/2021-2.md")
        // Photos: the widest JPEG, read from beside the document, no <picture> a renderer may not know.
        #expect(!html.contains("<picture>"))
        let photos = document.resources.filter { $0.hasPrefix("assets/") }
        #expect(photos.count == 3 && photos.allSatisfy { !$0.contains(".w480.") && !$0.contains(".w960.") && !$0.hasSuffix(".webp") },
                "\(photos)")
        for photo in photos {
            #expect(html.contains("<img src=\"\(photo)\""), "\(photo)")
            #expect(resources[photo].map { FileManager.default.fileExists(atPath: $0.path) } == true, "\(photo) has its file")
        }
        // The stylesheet, by its published name, read from the theme.
        let stylesheet = try #require(document.resources.first)
        #expect(stylesheet.hasPrefix("static/style.") && html.contains("<link rel=\"stylesheet\" href=\"\(stylesheet)\">"))
        #expect(resources[stylesheet]?.lastPathComponent == "style.css")
        // Addresses a reader can type: the site's own absolute, the others as they are.
        #expect(html.contains("href=\"https://portal.example/zt/jiaoyu/bases/wanzhou-shahe-primary/example-practice/\""))
        #expect(html.contains("href=\"https://example.org/a\""))
        #expect(!html.contains("href=\"/zt/jiaoyu/"))
        // The masthead, the numbers and the items; no navigation, toolbar, script or link to itself.
        #expect(html.contains("重庆市家庭教育创新实践基地工作简报") && html.contains("第2期") && html.contains("总第1期") && html.contains("照片简报"))
        #expect(html.contains("示例：配有照片的稿件的写法"))
        #expect(!html.contains("<nav") && !html.contains("<script") && !html.contains("care-toolbar") && !html.contains("jianbao-"))
    }

    @Test func theKeyChangesWithEveryByteTheRendererReads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-print-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let photo = folder.appendingPathComponent("photo.jpg")
        try Data("abcd".utf8).write(to: photo)
        let job = PrintJob(path: "b.pdf", html: Array("<p>简报</p>".utf8), resources: ["assets/photo.jpg": photo])
        let key = try #require(PrintStage.key(of: job, renderer: "weasyprint 1"))
        #expect(key.count == 32 && PrintStage.key(of: job, renderer: "weasyprint 1") == key)
        #expect(PrintStage.key(of: job, renderer: "weasyprint 2") != key)
        var edited = job
        edited.html = Array("<p>简报。</p>".utf8)
        #expect(PrintStage.key(of: edited, renderer: "weasyprint 1") != key)
        var moved = job
        moved.resources = ["assets/other.jpg": photo]
        #expect(PrintStage.key(of: moved, renderer: "weasyprint 1") != key)
        // The same size, another byte: another key.
        try Data("abce".utf8).write(to: photo)
        #expect(PrintStage.key(of: job, renderer: "weasyprint 1") != key)
        try FileManager.default.removeItem(at: photo)
        #expect(PrintStage.key(of: job, renderer: "weasyprint 1") == nil)
    }

    @Test func picturesBecomeImagesOfTheirPrintVersion() {
        let view = PictureView(webpSrcset: "/s/a.w480.h.webp 480w", src: "/s/a.w960.h.jpg", srcset: "/s/a.w960.h.jpg 960w",
                               width: 960, height: 720, sizes: PictureView.sizes, alt: "", loading: "lazy",
                               printSrc: "/s/%E7%85%A7.w1600.h.jpg")
        let html = "<p>前</p>" + PictureMarkup.html(view, altHTML: "课堂 &amp; 家长", titleHTML: "开放日") + "<p>后</p>"
        #expect(html.contains("<source media=\"print\" srcset=\"/s/%E7%85%A7.w1600.h.jpg\">"))
        let (printed, photos) = PictureMarkup.forPrint(html, rootPath: "/s/")
        #expect(printed == "<p>前</p><img src=\"%E7%85%A7.w1600.h.jpg\" width=\"960\" height=\"720\" alt=\"课堂 &amp; 家长\" title=\"开放日\"><p>后</p>")
        #expect(photos == ["照.w1600.h.jpg"])
        #expect(PictureMarkup.forPrint("<p>无图</p>", rootPath: "/").html == "<p>无图</p>")
    }

    @Test func aBuildWithoutPDFsLinksNone() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let report = try fixture.build()
        #expect(report.wroteOutput && report.pdfsRendered == 0)
        #expect(!(try fixture.read("Public/bulletins/2021/1/index.html")).contains("bulletin-pdf"))
        #expect(!FileManager.default.fileExists(atPath: fixture.url(".Public.pdf").path))
    }
}
