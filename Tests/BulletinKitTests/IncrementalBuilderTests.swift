import Foundation
import Testing
@testable import BulletinKit

@Suite struct IncrementalBuilderTests {
    func builder(_ fixture: Fixture) throws -> IncrementalBuilder {
        var folders = fixture.folders
        folders.output = fixture.url("Preview")
        return IncrementalBuilder(folders: folders, options: BuildOptions(asOf: try PartialDate(parsing: "2023-06-01")))
    }

    @Test func redoesOnlyWhatChanged() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let session = try builder(fixture)
        let first = session.rebuild()
        #expect(first.succeeded)
        #expect(first.filesRead == 14 && first.pagesRendered == 51)

        let idle = session.rebuild()
        #expect(idle.succeeded && idle.filesRead == 0 && idle.bodiesConverted == 0 && idle.pagesRendered == 0 && idle.changedPaths.isEmpty)

        let writeUp = "Content/bases/wanzhou-shahe-primary/example-practice.md"
        try fixture.edit(writeUp, replacing: "## 做法概述", with: "## 做法概述\n\n新增的一段文字。")
        let edited = session.rebuild()
        #expect(edited.filesRead == 1 && edited.bodiesConverted == 1)
        let changed = Set(edited.changedPaths)
        #expect(changed.contains("bases/wanzhou-shahe-primary/example-practice/index.html"))
        #expect(changed.contains("bulletins/2021/1/index.html"), "the bulletin that features it shows its text")
        #expect(!changed.contains("notices/naming-2020/index.html"))
        #expect(!changed.contains("bases/xiushan-library/index.html"))
        #expect(try fixture.read("Preview/bases/wanzhou-shahe-primary/example-practice/index.html").contains("新增的一段文字。"))
    }

    @Test func endsWithTheSameFilesAsAFullBuild() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let session = try builder(fixture)
        _ = session.rebuild()
        try fixture.write("Content/bases/xiushan-library/reading-week.md", "---\ntitle: 读书周\ndate: 2022-04\nkind: event\nmodels: [science-publicity]\n---\n正文。\n")
        try FileManager.default.removeItem(at: fixture.url("Content/bases/bishan-xiguan-village/example-event.md"))
        try fixture.edit("Content/bulletins/2021-1.md", replacing: "  - bishan-xiguan-village/example-event\n", with: "  - xiushan-library/reading-week\n")
        try fixture.edit("Templates/page.mustache", replacing: "<article>", with: "<article class=\"free\">")
        let outcome = session.rebuild()
        #expect(outcome.succeeded, "\(outcome.diagnostics.errors.map(\.formatted))")
        #expect(outcome.pagesRendered == 51, "a template change re-renders every page")
        #expect(!FileManager.default.fileExists(atPath: fixture.url("Preview/bases/bishan-xiguan-village/example-event").path + "/index.html"))

        _ = try fixture.build()
        var full = try fixture.snapshot("Public")
        full.removeValue(forKey: "/" + OutputWriter.markerName)
        #expect(try fixture.snapshot("Preview") == full)
    }

    @Test func errorsLeaveThePreviewAsItWasUntilFixed() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let session = try builder(fixture)
        _ = session.rebuild()
        let before = try fixture.snapshot("Preview")
        let writeUp = "Content/bases/wanzhou-shahe-primary/example-practice.md"
        try fixture.edit(writeUp, replacing: "kind: practice", with: "kind: practise")
        let broken = session.rebuild()
        #expect(!broken.succeeded)
        #expect(broken.diagnostics.errors.map(\.message) == ["unknown kind 'practise'"])
        #expect(try fixture.snapshot("Preview") == before)
        try fixture.edit(writeUp, replacing: "kind: practise", with: "kind: practice")
        let fixed = session.rebuild()
        #expect(fixed.succeeded && fixed.diagnostics.errors.isEmpty)
    }
}
