import Foundation
import Testing
@testable import BulletinKit

/// `bulletin build` after an edit inside write-ups' bodies rewrites only what they reach, and ends
/// where a clean build ends.
@Suite struct BodyEditBuildTests {
    let writeUp = "Content/bases/wanzhou-shahe-primary/example-practice.md"

    func build(_ fixture: Fixture, precompress: Bool = false) throws -> PipelineReport {
        Pipeline.build(fixture.folders, options: BuildOptions(asOf: try PartialDate(parsing: "2023-06-01"), precompress: precompress))
    }

    @Test func aBodyEditRewritesOnlyWhatTheBodyReaches() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try build(fixture)
        let before = try fixture.snapshot()
        try fixture.edit(writeUp, replacing: "## 下一步打算", with: "## 下一步打算\n\n家长课堂每月一次，由班主任主持。")
        let report = try build(fixture)
        #expect(report.wroteOutput && report.editedWriteUps == 1, "\(report.diagnostics.errors.map(\.formatted))")
        #expect(report.diagnostics.all.map(\.message) == ["the base '重庆外国语学校森林小学' has no district; it is listed under 区县未注明"],
                "the last build's warnings are told again")
        let after = try fixture.snapshot()
        let changed = Set(after.keys.filter { after[$0] != before[$0] })
        #expect(changed.contains("/bases/wanzhou-shahe-primary/example-practice/index.html"))
        #expect(changed.contains("/bulletins/2021/1/index.html"), "the bulletin that prints it")
        #expect(changed.contains { $0.hasPrefix("/search/terms-") } && changed.contains { $0.hasPrefix("/search/text-") })
        #expect(!changed.contains("/bases/wanzhou-shahe-primary/index.html"))
        #expect(report.generatedFiles == changed.count)
        #expect(try after == fixture.buildIntoNewFolder())
        #expect(try build(fixture).upToDate, "the manifest describes the folder as it is now")
    }

    @Test func anythingElseIsAFullBuild() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try build(fixture)
        try fixture.edit(writeUp, replacing: "title: ", with: "title: 修订：")
        #expect(try build(fixture).editedWriteUps == 0, "the front matter changed")
        try fixture.edit("Content/bulletins/2021-1.md", replacing: "本期为格式示例", with: "本期为简报的格式示例")
        #expect(try build(fixture).editedWriteUps == 0, "a bulletin is not a write-up")
        try fixture.edit("Templates/page.mustache", replacing: "<article>", with: "<article class=\"free\">")
        try fixture.edit(writeUp, replacing: "## 下一步打算", with: "## 下一步打算\n\n补充。")
        #expect(try build(fixture).editedWriteUps == 0, "a template changed too")
        try fixture.edit(writeUp, replacing: "补充。", with: "再补充。")
        #expect(try build(fixture, precompress: true).editedWriteUps == 0, "another option")
        #expect(try fixture.snapshot() == fixture.buildIntoNewFolder(precompress: true))
    }

    @Test func compressedCopiesFollowTheirPages() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try build(fixture, precompress: true)
        try fixture.edit(writeUp, replacing: "## 下一步打算", with: "## 下一步打算\n\n家长课堂每月一次，由班主任主持。")
        #expect(try build(fixture, precompress: true).editedWriteUps == 1)
        #expect(try fixture.snapshot() == fixture.buildIntoNewFolder(precompress: true))
    }

    @Test func aFileNotAsTheLastBuildLeftItMeansAFullBuild() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try build(fixture)
        try fixture.write("Public/bases/wanzhou-shahe-primary/example-practice/index.html", "edited by hand")
        try fixture.edit(writeUp, replacing: "## 下一步打算", with: "## 下一步打算\n\n补充。")
        #expect(try build(fixture).editedWriteUps == 0)
        #expect(try fixture.snapshot() == fixture.buildIntoNewFolder())

        try fixture.write(".Public.state", "not a state")
        try fixture.edit(writeUp, replacing: "补充。", with: "再补充。")
        #expect(try build(fixture).editedWriteUps == 0, "the state cannot be read")
        try FileManager.default.removeItem(at: fixture.url(".Public.state"))
        try fixture.edit(writeUp, replacing: "再补充。", with: "又补充。")
        #expect(try build(fixture).editedWriteUps == 0, "no state")
        #expect(try fixture.snapshot() == fixture.buildIntoNewFolder())
    }

    @Test func aFolderOfTheOutputThatIsALinkIsNotWrittenThrough() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try build(fixture)
        let manager = FileManager.default
        try manager.moveItem(at: fixture.url("Public/bases/wanzhou-shahe-primary"), to: fixture.url("Elsewhere"))
        try manager.createSymbolicLink(at: fixture.url("Public/bases/wanzhou-shahe-primary"), withDestinationURL: fixture.url("Elsewhere"))
        let elsewhere = try fixture.snapshot("Elsewhere")
        try fixture.edit(writeUp, replacing: "## 下一步打算", with: "## 下一步打算\n\n补充。")
        #expect(try build(fixture).editedWriteUps == 0)
        #expect(try fixture.snapshot("Elsewhere") == elsewhere)
        #expect(try fixture.snapshot() == fixture.buildIntoNewFolder())
    }

    @Test func aContentFolderNamedInChineseWorksTheSame() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        var folders = fixture.folders
        folders.contentDisplay = "内容"
        let options = BuildOptions(asOf: try PartialDate(parsing: "2023-06-01"))
        #expect(Pipeline.build(folders, options: options).wroteOutput)
        try fixture.edit(writeUp, replacing: "## 下一步打算", with: "## 下一步打算\n\n补充。")
        #expect(Pipeline.build(folders, options: options).editedWriteUps == 1)
        #expect(try fixture.snapshot() == fixture.buildIntoNewFolder())
    }

    @Test func aBodyWithAnErrorIsReportedByTheFullBuild() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try build(fixture)
        let published = try fixture.snapshot()
        try fixture.edit(writeUp, replacing: "## 下一步打算", with: "## 下一步打算\n\n见[另一篇](missing.md)。")
        let report = try build(fixture)
        #expect(!report.wroteOutput && report.editedWriteUps == 0)
        #expect(report.diagnostics.errors.count == 1)
        #expect(try fixture.snapshot() == published)
    }

    /// Random edits, additions and deletions, each followed by a build; at checkpoints the output
    /// must equal a clean build of the same content, byte for byte.
    @Test func randomEditsEndWhereACleanBuildEnds() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        #expect(try build(fixture).wroteOutput)
        var generator = SeededGenerator(seed: 20_241_129)
        let bases = ["wanzhou-shahe-primary", "xiushan-library", "dazu-longgang-kindergarten", "yunyang-women-children-centre"]
        var writeUps = [writeUp, "Content/bases/xiushan-library/example-report.md", "Content/bases/bishan-xiguan-village/example-event.md"]
        var quickBuilds = 0
        for step in 1...30 {
            switch Int.random(in: 0..<6, using: &generator) {
            case 0:
                let base = bases.randomElement(using: &generator)!
                let path = "Content/bases/\(base)/step-\(step).md"
                let summary = step % 2 == 0 ? "summary: 第\(step)篇的摘要\n" : ""
                try fixture.write(path, "---\ntitle: 第\(step)篇\ndate: 2022-0\(1 + step % 9)\nkind: \(["practice", "event", "report"][step % 3])\nmodels: [guidance-service]\n\(summary)---\n\n第\(step)步的正文，家校社协同。\n")
                writeUps.append(path)
            case 1 where writeUps.count > 3:
                let path = writeUps.remove(at: Int.random(in: 3..<writeUps.count, using: &generator))
                try FileManager.default.removeItem(at: fixture.url(path))
            case 2:
                let path = writeUps.randomElement(using: &generator)!
                try fixture.write(path, try fixture.read(path).replacingOccurrences(of: "title: ", with: "title: 改"))
            default:
                // A paragraph at the end of a body: the quick path when lists show a summary.
                let path = writeUps.randomElement(using: &generator)!
                try fixture.write(path, try fixture.read(path) + "\n第\(step)步补充的一段，亲子阅读，English words \(step)。\n")
            }
            let report = try build(fixture)
            #expect(report.wroteOutput, "step \(step): \(report.diagnostics.errors.map(\.formatted))")
            if report.editedWriteUps > 0 { quickBuilds += 1 }
            if step % 5 == 0 {
                #expect(try fixture.snapshot() == fixture.buildIntoNewFolder(), "step \(step): the output differs from a clean build")
            }
        }
        #expect(quickBuilds >= 5, "the series exercises the quick path")
    }
}
