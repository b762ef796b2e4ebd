import Foundation
import Testing
@testable import BulletinImages
@testable import BulletinKit
@testable import BulletinModel
@testable import BulletinSupport

/// One mistake repeated throughout a body: the first problems of the kind are listed where they
/// are, one closing line counts the rest, and the cap changes nothing about passing or failing.
@Suite struct RepeatedProblemTests {
    static let writeUp = "Content/bases/wanzhou-shahe-primary/open-day.md"
    static let frontMatter = "---\ntitle: 开放日\ndate: 2021-05-12\nkind: event\n---\n\n"
    /// The line of the body's first line in the file.
    static let firstBodyLine = 7

    /// A body of `count` lines, one problem each, after a Chinese character: the columns are counted in characters.
    func writeBody(_ fixture: Fixture, count: Int, line: (Int) -> String) throws {
        try fixture.write(Self.writeUp, Self.frontMatter + (0..<count).map { "见" + line($0) }.joined(separator: "\n") + "\n")
    }

    func firstLines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { String($0.formatted.split(separator: "\n")[0]) }
    }

    @Test func aThousandBrokenLinksListTheCapAndCountTheRestAndFail() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try writeBody(fixture, count: 1000) { "[附件\($0)](../../assets/missing-\($0).pdf)" }
        let report = try fixture.build()
        let errors = report.diagnostics.sorted.filter { $0.severity == .error }
        #expect(firstLines(errors) == (0..<DiagnosticCap.perKind).map {
            "\(Self.writeUp):\(Self.firstBodyLine + $0):2: error: the link '../../assets/missing-\($0).pdf' points to 'assets/missing-\($0).pdf', which does not exist"
        } + ["\(Self.writeUp):27:2: error: … and 980 more links pointing to files that do not exist"])
        #expect(errors.last?.hint == "only the first 20 of each kind are listed for a file; correct them and check again")
        #expect(!report.wroteOutput)
    }

    @Test func aThousandImagesWithoutTextWarnUpToTheCapAndBuild() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.writeData("Content/assets/photo.png", Data(ImageCodec.testImage(width: 8, height: 8, png: true)))
        try writeBody(fixture, count: 1000) { _ in "![](../../assets/photo.png)" }
        let report = try fixture.build()
        let warnings = report.diagnostics.sorted.filter { $0.location.path == Self.writeUp }
        #expect(firstLines(warnings) == (0..<DiagnosticCap.perKind).map {
            "\(Self.writeUp):\(Self.firstBodyLine + $0):2: warning: the image '../../assets/photo.png' has no alternative text"
        } + ["\(Self.writeUp):27:2: warning: … and 980 more images without alternative text"])
        #expect(report.diagnostics.errors.isEmpty)
        #expect(report.wroteOutput)
    }

    @Test func eachKindHasItsOwnCap() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        // 21 of each: one over the cap. The images lack text and name missing files, two kinds at one place.
        try writeBody(fixture, count: 63) {
            ["[附件\($0)](/srv/\($0).pdf)", "![](../../assets/missing-\($0).png)", "[地址\($0)](ftp://example.org/\($0))"][$0 % 3]
        }
        let report = try fixture.check()
        let found = report.diagnostics.sorted.filter { $0.location.path == Self.writeUp }
        #expect(firstLines(found.filter { $0.message.hasPrefix("…") }) == [
            "\(Self.writeUp):67:2: error: … and 1 more links with an absolute path",
            "\(Self.writeUp):68:2: error: … and 1 more images pointing to files that do not exist",
            "\(Self.writeUp):68:2: warning: … and 1 more images without alternative text",
            "\(Self.writeUp):69:2: warning: … and 1 more links removed for their kind of address",
        ])
        #expect(found.count == 4 * DiagnosticCap.perKind + 4)
    }

    @Test func theCapChangesNoExitStatus() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.writeData("Content/assets/photo.png", Data(ImageCodec.testImage(width: 8, height: 8, png: true)))
        try writeBody(fixture, count: 100) { _ in "![](../../assets/photo.png)" }
        let warned = try CommandLineTests().run(["check", "--as-of", "2023-06-01"], in: fixture.root)
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("\(Self.writeUp):27:2: warning: … and 80 more images without alternative text\n"), "\(warned.stderr)")
        try writeBody(fixture, count: 100) { "[附件\($0)](../../assets/missing-\($0).pdf)" }
        let failed = try CommandLineTests().run(["check", "--as-of", "2023-06-01"], in: fixture.root)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("\(Self.writeUp):27:2: error: … and 80 more links pointing to files that do not exist\n"), "\(failed.stderr)")
    }
}
