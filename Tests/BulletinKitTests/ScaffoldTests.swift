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

@Suite struct ScaffoldTests {
    let today = PartialDate(year: 2026, month: 11, day: 29)

    func context(_ fixture: Fixture) -> ScaffoldContext {
        ScaffoldContext.read(fixture.url("Content"), displayRoot: "Content")
    }

    @Test func slugsComeFromASCIIWords() {
        #expect(Scaffold.slug(from: "2024 Open Day 开放日") == "2024-open-day")
        #expect(Scaffold.slug(from: "Parent School: Week 3!") == "parent-school-week-3")
        #expect(Scaffold.slug(from: "家长开放日") == nil)
    }

    @Test(arguments: WriteUpKind.allCases)
    func aNewWriteUpPassesCheckAtOnce(_ kind: WriteUpKind) throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let file = try Scaffold.writeUp(in: context(fixture), base: "dazu-longgang-kindergarten", kind: kind,
                                        title: "家长开放日: \"亲子\" 阅读", slug: "open-day", today: today)
        #expect(file.relativePath == "bases/dazu-longgang-kindergarten/open-day.md")
        try Scaffold.write(file, in: context(fixture))
        let report = try fixture.check()
        #expect(report.diagnostics.errors.isEmpty, "\(report.diagnostics.errors.map(\.formatted))")
        _ = try fixture.build()
        let page = try fixture.read("Public/bases/dazu-longgang-kindergarten/open-day/index.html")
        #expect(page.contains("家长开放日: &quot;亲子&quot; 阅读") && page.contains("2026年11月29日"))
    }

    @Test func theNextBulletinNumberIsComputed() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let second = try Scaffold.bulletin(in: context(fixture), year: 2021, title: nil, today: today)
        #expect(second.relativePath == "bulletins/2021-2.md")
        try Scaffold.write(second, in: context(fixture))
        #expect(try Scaffold.bulletin(in: context(fixture), year: 2021, title: nil, today: today).relativePath == "bulletins/2021-3.md")
        #expect(try Scaffold.bulletin(in: context(fixture), year: 2026, title: "专题", today: today).relativePath == "bulletins/2026-1.md")
        let report = try fixture.check()
        #expect(report.diagnostics.errors.isEmpty, "\(report.diagnostics.errors.map(\.formatted))")
    }

    @Test func aNewNoticeNamesTheOrganisersAndPassesCheck() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let notice = try Scaffold.notice(in: context(fixture), title: "2025 Annual Meeting 年度推进会", slug: nil, today: today)
        #expect(notice.relativePath == "notices/2025-annual-meeting.md")
        #expect(notice.text.contains("issuers:\n  - \"重庆市妇女联合会\"\n  - \"重庆市教育委员会\""))
        try Scaffold.write(notice, in: context(fixture))
        #expect(try fixture.check().diagnostics.errors.isEmpty)
    }

    @Test func refusesToOverwriteOrGuess() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        #expect(throws: Scaffold.Problem.exists("Content/bases/wanzhou-shahe-primary/example-practice.md")) {
            try Scaffold.writeUp(in: context(fixture), base: "wanzhou-shahe-primary", kind: .practice, title: "x",
                                 slug: "example-practice", today: today)
        }
        #expect(throws: Scaffold.Problem.needsSlug(title: "家长开放日")) {
            try Scaffold.notice(in: context(fixture), title: "家长开放日", slug: nil, today: today)
        }
        #expect(throws: Scaffold.Problem.invalidSlug("Open Day")) {
            try Scaffold.notice(in: context(fixture), title: "x", slug: "Open Day", today: today)
        }
        #expect(throws: Scaffold.Problem.unknownBase("wanzhou-shahe", hint: "did you mean 'wanzhou-shahe-primary'?")) {
            try Scaffold.writeUp(in: context(fixture), base: "wanzhou-shahe", kind: .event, title: "x", slug: "x", today: today)
        }
    }
}
