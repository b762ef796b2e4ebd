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

/// A session of the build engine, as the preview runs it: each run after the first skips what did
/// not change, and ends with what a clean build makes.
final class Session {
    let engine: BuildEngine
    init(_ engine: BuildEngine) { self.engine = engine }
    func rebuild() -> PipelineReport { engine.run(writing: true) }
}

@Suite struct BuildEngineTests {
    func builder(_ fixture: Fixture) throws -> Session {
        var folders = fixture.folders
        folders.output = fixture.url("Preview")
        return Session(BuildEngine(folders: folders, options: BuildOptions(asOf: try PartialDate(parsing: "2023-06-01"))))
    }

    @Test func redoesOnlyWhatChanged() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let session = try builder(fixture)
        let first = session.rebuild()
        #expect(first.succeeded)
        #expect(first.filesRead == 18 && first.pagesRendered == 123)
        // The folder the next run fills is made at once, sharing the site's files.
        var kept = try fixture.snapshot(".Preview.previous")
        kept["/" + OutputWriter.markerName] = try fixture.snapshot("Preview")["/" + OutputWriter.markerName]
        #expect(kept == (try fixture.snapshot("Preview")))

        let idle = session.rebuild()
        #expect(idle.succeeded && idle.filesRead == 0 && idle.bodiesConverted == 0 && idle.pagesRendered == 0 && idle.changedPaths.isEmpty)
        #expect(idle.nothingChanged)
        try fixture.write("Content/bases/xiushan-library/.example-report.md.swp", "an editor's own file")
        let hidden = session.rebuild()
        #expect(hidden.succeeded && hidden.nothingChanged && hidden.diagnostics.all == first.diagnostics.all)

        let writeUp = "Content/bases/wanzhou-shahe-primary/example-practice.md"
        try fixture.edit(writeUp, replacing: "## 做法概述", with: "## 做法概述\n\n新增的一段文字。")
        let edited = session.rebuild()
        #expect(edited.filesRead == 1 && edited.bodiesConverted == 1 && edited.frontMattersRead == 0)
        let changed = Set(edited.changedPaths)
        #expect(changed.contains("bases/wanzhou-shahe-primary/example-practice/index.html"))
        #expect(changed.contains("bulletins/2021/1/index.html"), "the bulletin that features it shows its text")
        #expect(!changed.contains("notices/naming-2020/index.html"))
        #expect(!changed.contains("bases/xiushan-library/index.html"))
        #expect(try fixture.read("Preview/bases/wanzhou-shahe-primary/example-practice/index.html").contains("新增的一段文字。"))

        try fixture.edit(writeUp, replacing: "新增的一段文字。", with: "又改的一段文字。")
        try fixture.edit(writeUp, replacing: "title: ", with: "title: 修订：")
        let retitled = session.rebuild()
        #expect(retitled.frontMattersRead == 1 && retitled.bodiesConverted == 1)
        let page = try fixture.read("Preview/bases/wanzhou-shahe-primary/example-practice/index.html")
        #expect(page.contains("又改的一段文字。") && page.contains("修订："))
    }

    /// A notice's attachment and a body's link show a document's size; replacing the document
    /// with a larger one shows the new size on both pages, and on no other.
    @Test func aReplacedDocumentShowsItsNewSize() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.writeData("Content/assets/办法.pdf", Data(count: 2048))
        try fixture.edit("Content/notices/naming-2020.md", replacing: "  - page: naming-2020/measures.md\n",
                         with: "  - page: naming-2020/measures.md\n  - title: 管理办法\n    file: ../assets/办法.pdf\n")
        let writeUp = "Content/bases/wanzhou-shahe-primary/example-practice.md"
        try fixture.edit(writeUp, replacing: "## 做法概述", with: "见[办法](../../assets/办法.pdf)。\n\n## 做法概述")
        let session = try builder(fixture)
        #expect(session.rebuild().succeeded)
        let notice = "notices/naming-2020/index.html", practice = "bases/wanzhou-shahe-primary/example-practice/index.html"
        #expect(try fixture.read("Preview/" + notice).contains("附件3：管理办法</a>（PDF，2KB）</li>"))
        #expect(try fixture.read("Preview/" + practice).contains("办法</a>（PDF，2KB）。</p>"))

        try fixture.writeData("Content/assets/办法.pdf", Data(count: 3 * 1_048_576))
        let replaced = session.rebuild()
        #expect(replaced.succeeded)
        #expect(try fixture.read("Preview/" + notice).contains("附件3：管理办法</a>（PDF，3.0MB）</li>"))
        #expect(try fixture.read("Preview/" + practice).contains("办法</a>（PDF，3.0MB）。</p>"))
        let changed = Set(replaced.changedPaths)
        #expect(changed.contains(notice) && changed.contains(practice) && !changed.contains("bases/xiushan-library/index.html"))
        #expect(try fixture.snapshot("Preview") == fixture.cleanBuild())
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
        #expect(outcome.pagesRendered == 121, "a template change re-renders every page")
        #expect(!FileManager.default.fileExists(atPath: fixture.url("Preview/bases/bishan-xiguan-village/example-event").path + "/index.html"))

        #expect(try fixture.snapshot("Preview") == fixture.cleanBuild())
    }

    @Test func bodyEditsPlanOnlyThePagesThatShowThem() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let session = try builder(fixture)
        _ = session.rebuild()
        let writeUp = "Content/bases/wanzhou-shahe-primary/example-practice.md"
        try fixture.edit(writeUp, replacing: "## 做法概述", with: "## 做法概述\n\n家长课堂每月一次，由班主任主持。")
        let edited = session.rebuild()
        #expect(edited.succeeded && edited.bodiesConverted == 1 && edited.frontMattersRead == 0)
        #expect(edited.recipesPlanned < 12, "only the outputs that read the write-up are planned again")
        let changed = Set(edited.changedPaths)
        #expect(changed.contains("bases/wanzhou-shahe-primary/example-practice/index.html"))
        #expect(changed.contains("bulletins/2021/1/index.html"), "the bulletin that features it prints its text")
        #expect(changed.contains { $0.hasPrefix("search/terms-") } && changed.contains { $0.hasPrefix("search/d/") })
        #expect(!changed.contains("bases/wanzhou-shahe-primary/index.html"), "the base's page shows the summary, which is unchanged")
        #expect(try fixture.snapshot("Preview") == fixture.cleanBuild())

        // Without a summary, lists show the start of the text: changing it reaches them.
        try fixture.edit(writeUp, replacing: "summary: 格式示例，说明一篇特色做法稿件应包含哪些内容，不是本基地的真实工作情况。\n", with: "")
        #expect(session.rebuild().frontMattersRead == 1, "the front matter changed")
        try fixture.edit(writeUp, replacing: "本篇是供编辑参考的格式示例", with: "本篇是供编辑参考的示例")
        let startChanged = session.rebuild()
        #expect(startChanged.succeeded)
        #expect(Set(startChanged.changedPaths).contains("bases/wanzhou-shahe-primary/index.html"))
        try fixture.edit(writeUp, replacing: "## 下一步打算", with: "## 下一步打算\n\n每学期评选一次优秀家长。")
        let further = session.rebuild()
        #expect(!Set(further.changedPaths).contains("bases/wanzhou-shahe-primary/index.html"), "further down, the text is not in lists")
        #expect(try fixture.snapshot("Preview") == fixture.cleanBuild())

        // A body whose conversion reports something goes through the whole model, which reports it.
        try fixture.edit(writeUp, replacing: "## 做法概述", with: "## 做法概述\n\n见[另一篇](missing.md)。")
        let broken = session.rebuild()
        #expect(!broken.succeeded)
        #expect(broken.diagnostics.errors.count == 1)
    }

    /// Files copied as they are (an editor's photo, the theme's stylesheet under its fingerprinted
    /// name) come, change and go like pages, compressed copies included.
    @Test func copiedFilesAndCompressedCopiesFollowEveryChange() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        var folders = fixture.folders
        folders.output = fixture.url("Preview")
        let options = BuildOptions(asOf: try PartialDate(parsing: "2023-06-01"), baseURL: Fixture.publishedAddress, precompress: true)
        let session = Session(BuildEngine(folders: folders, options: options))
        #expect(session.rebuild().succeeded)
        try fixture.write("Content/assets/plan.txt", String(repeating: "家校社协同育人工作计划。\n", count: 100))
        try fixture.edit("Content/pages/about.md", replacing: "---\n\n", with: "---\n\n见[工作计划](../assets/plan.txt)。\n\n")
        #expect(session.rebuild().succeeded)
        #expect(try fixture.snapshot("Preview") == fixture.buildIntoNewFolder(precompress: true))

        try fixture.write("Content/assets/plan.txt", String(repeating: "修订后的工作计划。\n", count: 120))
        try fixture.write("Templates/static/style.css", try fixture.read("Templates/static/style.css") + "\n.free { margin: 0; }\n")
        let restyled = session.rebuild()
        #expect(restyled.succeeded)
        #expect(restyled.changedPaths.contains("assets/plan.txt") && restyled.changedPaths.contains { $0.hasPrefix("static/style.") })
        #expect(try fixture.snapshot("Preview") == fixture.buildIntoNewFolder(precompress: true))

        try FileManager.default.removeItem(at: fixture.url("Content/assets/plan.txt"))
        try fixture.edit("Content/pages/about.md", replacing: "见[工作计划](../assets/plan.txt)。\n\n", with: "")
        #expect(session.rebuild().succeeded)
        #expect(try fixture.snapshot("Preview") == fixture.buildIntoNewFolder(precompress: true))
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

@Suite struct IncrementalIdentityTests {
    /// A series of random edits, additions and deletions, each followed by an incremental rebuild;
    /// at checkpoints the preview must equal a clean build of the same content, byte for byte.
    @Test func randomEditsEndWhereACleanBuildEnds() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        var folders = fixture.folders
        folders.output = fixture.url("Preview")
        let options = BuildOptions(asOf: try PartialDate(parsing: "2023-06-01"))
        let session = Session(BuildEngine(folders: folders, options: options))
        #expect(session.rebuild().succeeded)

        var generator = SeededGenerator(seed: 20_201_224)
        let bases = ["wanzhou-shahe-primary", "xiushan-library", "dazu-longgang-kindergarten", "yunyang-women-children-centre"]
        let models = ["guidance-service", "parent-child-practice", "left-behind-support", "home-school-community", "science-publicity"]
        var added: [String] = []
        var partialPlans = 0
        let examples = ["Content/bases/wanzhou-shahe-primary/example-practice.md", "Content/bases/xiushan-library/example-report.md"]
        for step in 1...30 {
            switch Int.random(in: 0..<5, using: &generator) {
            case 0, 1:
                let base = bases.randomElement(using: &generator)!
                let path = "Content/bases/\(base)/step-\(step).md"
                let model = models.randomElement(using: &generator)!
                let summary = step % 2 == 0 ? "summary: 第\(step)篇的摘要\n" : ""
                try fixture.write(path, "---\ntitle: 第\(step)篇\ndate: 2022-0\(1 + step % 9)\nkind: \(["practice", "event", "report"][step % 3])\n\(step % 3 == 2 ? "example: true\n" : "")models: [\(model)]\n\(summary)---\n\n第\(step)步的正文，家校社协同。\n")
                added.append(path)
            case 4:
                // A paragraph added at the end of a body: the quick path when the lists show a summary.
                let path = (added + examples).randomElement(using: &generator)!
                try fixture.write(path, try fixture.read(path) + "\n第\(step)步补充的一段，亲子阅读。\n")
            case 2 where !added.isEmpty:
                let path = added.remove(at: Int.random(in: 0..<added.count, using: &generator))
                try FileManager.default.removeItem(at: fixture.url(path))
            default:
                let path = added.randomElement(using: &generator) ?? "Content/pages/about.md"
                try fixture.write(path, try fixture.read(path).replacingOccurrences(of: "正文", with: "修改后的正文"))
            }
            let outcome = session.rebuild()
            #expect(outcome.succeeded, "step \(step): \(outcome.diagnostics.errors.map(\.formatted))")
            if outcome.recipesPlanned < 20 { partialPlans += 1 }
            if step % 6 == 0 {
                #expect(try fixture.snapshot("Preview") == fixture.cleanBuild(), "step \(step): the preview differs from a clean build")
            }
        }
        #expect(partialPlans > 0, "the series has edits that plan few outputs again")
    }
}

/// A small deterministic random number generator (SplitMix64), so a failing series can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
