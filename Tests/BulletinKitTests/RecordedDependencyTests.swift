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

/// What an output reads is recorded while it is planned, not listed anywhere: a page that starts
/// reading a field is planned again when that field changes, and only then.
@Suite struct RecordedDependencyTests {
    func inputs(_ fixture: Fixture) throws -> PlanInputs {
        let content = ContentLoader.load(from: fixture.folders.content, displayRoot: "Content")
        let (site, diagnostics) = SiteBuilder.build(content, options: BuildOptions(asOf: try PartialDate(parsing: "2023-06-01")))
        #expect(!diagnostics.hasErrors)
        return PlanInputs(site: try #require(site), assets: [:])
    }

    /// The site's own outputs and one more, which reads the given field of the write-up
    /// `reference` only: a planner variant no list of dependencies knows about.
    func recipes(reading field: @escaping @Sendable (Tracked<WriteUp>) -> String, of reference: String)
        -> (Site, EntryKeys) -> [PageRecipe] {
        { site, keys in
            let place = site.writeUps.firstIndex { $0.reference == reference }!
            return SitePlanner.recipes(site, keys) + [PageRecipe(id: "test reader") { planner in
                [PlannedPage(path: "reader.txt", content: .text(field(planner.site.writeUp(at: place))))]
            }]
        }
    }

    func replanned(_ plan: SitePlan, _ path: String) -> Bool {
        plan.replanned[plan.pages.firstIndex { $0.path == path }!]
    }

    @Test func aNewReaderOfABodyIsPlannedAgainWhenTheBodyChanges() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let reference = "wanzhou-shahe-primary/example-practice"
        let readsBody = recipes(reading: { $0.body.plainText }, of: reference)
        let readsTitle = recipes(reading: { $0.title }, of: reference)
        let before = try inputs(fixture)
        let (_, bodyRecord) = SitePlanner.plan(before, previous: nil, searchCache: nil, recipes: readsBody)
        let (_, titleRecord) = SitePlanner.plan(before, previous: nil, searchCache: nil, recipes: readsTitle)

        try fixture.edit("Content/bases/\(reference).md", replacing: "## 做法概述", with: "## 做法概述\n\n新写的一段。")
        let after = try inputs(fixture)
        let (incremental, _) = SitePlanner.plan(after, previous: bodyRecord, searchCache: nil, recipes: readsBody)
        let (fresh, _) = SitePlanner.plan(after, previous: nil, searchCache: nil, recipes: readsBody)
        let bodyReader = replanned(incremental, "reader.txt")
        #expect(bodyReader)
        #expect(incremental.pages.map(\.path) == fresh.pages.map(\.path))
        let same = zip(incremental.pages, fresh.pages).allSatisfy { $0.content == $1.content }
        #expect(same, "the same plan as a fresh one")
        let page = try #require(incremental.pages.first { $0.path == "reader.txt" })
        let readsTheNewBody = page.content == .text(after.site.writeUps.first { $0.reference == reference }!.body.plainText)
        #expect(readsTheNewBody)
        let notices = replanned(incremental, "notices/index.html"), otherBase = replanned(incremental, "bases/xiushan-library/index.html")
        #expect(!notices, "the notices read nothing of write-ups")
        #expect(!otherBase, "another base's page")

        let (titleOnly, _) = SitePlanner.plan(after, previous: titleRecord, searchCache: nil, recipes: readsTitle)
        let titleReader = replanned(titleOnly, "reader.txt")
        #expect(!titleReader, "a reader of the title is not planned again for the body")
        let planned = incremental.recipesPlanned
        #expect(planned < 12)
    }

    @Test func aRemovedEntryAndAnOrderChangeReachTheListsThatShowThem() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let before = try inputs(fixture)
        let (_, record) = SitePlanner.plan(before)
        try FileManager.default.removeItem(at: fixture.url("Content/bases/bishan-xiguan-village/example-event.md"))
        try fixture.edit("Content/bulletins/2021-1.md", replacing: "  - bishan-xiguan-village/example-event\n", with: "")
        let after = try inputs(fixture)
        let (incremental, _) = SitePlanner.plan(after, previous: record)
        let (fresh, _) = SitePlanner.plan(after)
        #expect(incremental.pages.map(\.path) == fresh.pages.map(\.path))
        let same = zip(incremental.pages, fresh.pages).allSatisfy { $0.content == $1.content }
        #expect(same)
        let listsReplanned = replanned(incremental, "index.html") && replanned(incremental, "bases/bishan-xiguan-village/index.html")
        #expect(listsReplanned)
        let noticeReplanned = replanned(incremental, "notices/naming-2020/index.html")
        #expect(!noticeReplanned, "the notice reads nothing of write-ups or bulletins")
    }

    /// A build that plans once records nothing: it makes the same pages, and no record.
    @Test func aPlanWithoutARecordMakesTheSamePages() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let inputs = try inputs(fixture)
        let (recorded, record) = SitePlanner.plan(inputs)
        let (unrecorded, none) = SitePlanner.plan(inputs, recording: false)
        #expect(record != nil && none == nil)
        #expect(recorded.pages.map(\.path) == unrecorded.pages.map(\.path))
        let same = zip(recorded.pages, unrecorded.pages).allSatisfy { $0.content == $1.content }
        #expect(same && !recorded.pages.isEmpty)
    }
}
