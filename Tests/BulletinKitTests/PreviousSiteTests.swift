import Foundation
import Testing
@testable import BulletinKit
@testable import BulletinLoad
@testable import BulletinModel
@testable import BulletinPlan
@testable import BulletinRender
@testable import BulletinSearch
@testable import BulletinSupport
@testable import BulletinWrite
@testable import Mustache

/// A build writes over the site the last build replaced, kept beside the output folder.
@Suite struct PreviousSiteTests {
    func builtTwice(_ fixture: Fixture) throws -> URL {
        _ = try fixture.build()
        try fixture.write("Content/pages/about.md", try fixture.read("Content/pages/about.md") + "\n补充说明。\n")
        #expect(try fixture.build().wroteOutput)
        let previous = PreviousSite.folder(for: fixture.url("Public"))
        #expect(FileManager.default.fileExists(atPath: previous.appendingPathComponent("about/index.html").path))
        return previous
    }

    @Test func aRebuildOverThePreviousSiteEndsLikeACleanBuild() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try builtTwice(fixture)
        // The previous site has the page of a write-up that is now removed, and a file of someone else's.
        try fixture.write(".Public.previous/notes.txt", "left by hand")
        try FileManager.default.removeItem(at: fixture.url("Content/bases/bishan-xiguan-village/example-event.md"))
        try fixture.edit("Content/bulletins/2021-1.md", replacing: "  - bishan-xiguan-village/example-event\n", with: "")
        #expect(try fixture.build().wroteOutput)
        #expect(!FileManager.default.fileExists(atPath: fixture.url("Public/bases/bishan-xiguan-village/example-event").path))
        #expect(!FileManager.default.fileExists(atPath: fixture.url("Public/notes.txt").path))

        #expect(try fixture.snapshot("Public") == fixture.buildIntoNewFolder())
    }

    @Test func writingOverThePreviousSiteChangesNothingOutsideIt() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let previous = try builtTwice(fixture)
        try fixture.write("outside.txt", "outside")
        try fixture.write("linked.txt", "linked")
        let manager = FileManager.default
        // A link to a file outside, a second name of a file outside, and a link to a folder outside.
        try manager.removeItem(at: previous.appendingPathComponent("about/index.html"))
        try manager.createSymbolicLink(at: previous.appendingPathComponent("about/index.html"), withDestinationURL: fixture.url("outside.txt"))
        try manager.removeItem(at: previous.appendingPathComponent("robots.txt"))
        try manager.linkItem(at: fixture.url("linked.txt"), to: previous.appendingPathComponent("robots.txt"))
        try manager.removeItem(at: previous.appendingPathComponent("models"))
        try manager.createDirectory(at: fixture.url("Elsewhere"), withIntermediateDirectories: true)
        try manager.createSymbolicLink(at: previous.appendingPathComponent("models"), withDestinationURL: fixture.url("Elsewhere"))
        // Folders the build does not fill: one that holds only a link, one that is empty.
        try manager.createDirectory(at: previous.appendingPathComponent("only-a-link/inside"), withIntermediateDirectories: true)
        try manager.createSymbolicLink(at: previous.appendingPathComponent("only-a-link/inside/link"), withDestinationURL: fixture.url("outside.txt"))
        try manager.createDirectory(at: previous.appendingPathComponent("empty"), withIntermediateDirectories: true)

        try fixture.write("Content/pages/about.md", try fixture.read("Content/pages/about.md") + "\n再补充一句。\n")
        #expect(try fixture.build().wroteOutput)
        #expect(try fixture.read("outside.txt") == "outside" && fixture.read("linked.txt") == "linked")
        #expect(try manager.contentsOfDirectory(atPath: fixture.url("Elsewhere").path).isEmpty)
        #expect(try fixture.read("Public/about/index.html").contains("再补充一句。"))
        #expect(try fixture.read("Public/robots.txt").hasPrefix("User-agent"))
        #expect(try manager.attributesOfItem(atPath: fixture.url("Public/models").path)[.type] as? FileAttributeType == .typeDirectory)
        #expect(!manager.fileExists(atPath: fixture.url("Public/only-a-link").path) && !manager.fileExists(atPath: fixture.url("Public/empty").path))
    }

    @Test func aKeptFolderThatIsALinkIsNotWrittenThrough() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let previous = try builtTwice(fixture)
        let manager = FileManager.default
        try manager.moveItem(at: previous, to: fixture.url("Elsewhere"))
        try manager.createSymbolicLink(at: previous, withDestinationURL: fixture.url("Elsewhere"))
        let before = try fixture.snapshot("Elsewhere")
        try fixture.write("Content/pages/about.md", try fixture.read("Content/pages/about.md") + "\n再补充一句。\n")
        #expect(try fixture.build().wroteOutput)
        #expect(try fixture.snapshot("Elsewhere") == before)
        #expect(try fixture.read("Public/about/index.html").contains("再补充一句。"))
    }

    @Test func aFolderWhereAFileGoesIsReplacedByAFreshFolder() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let previous = try builtTwice(fixture)
        try FileManager.default.removeItem(at: previous.appendingPathComponent("robots.txt"))
        try fixture.write(".Public.previous/robots.txt/index.html", "in the way")
        try fixture.write("Content/pages/about.md", try fixture.read("Content/pages/about.md") + "\n再补充一句。\n")
        let report = try fixture.build()
        #expect(report.wroteOutput, "\(report.diagnostics.errors.map(\.formatted))")
        #expect(try fixture.read("Public/robots.txt").hasPrefix("User-agent"))
        #expect(try fixture.snapshot("Public") == fixture.buildIntoNewFolder())
    }
}
