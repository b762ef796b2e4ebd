import Foundation
import Testing
@testable import BulletinKit
@testable import BulletinLoad
@testable import BulletinModel
@testable import BulletinSupport

/// 总第N期 is written in each regular bulletin and proved unique, rising and without a gap; annual
/// reports are checked against their base's years; nothing unfinished is published.
@Suite struct OfficialNumberTests {
    static func bulletin(year: Int, number: Int, serial: Int?, draft: Bool = false, example: Bool = false,
                         items: String = "[xiushan-library/example-report]") -> String {
        var text = "---\ntitle: 第\(number)期\nyear: \(year)\nnumber: \(number)\ndate: \(year)-0\(number)\n"
        if let serial { text += "serial: \(serial)\n" }
        if draft { text += "draft: true\n" }
        if example { text += "example: true\n" }
        return text + "items: \(items)\n---\n正文\n"
    }

    func errors(_ fixture: Fixture) throws -> [String] {
        try fixture.check().diagnostics.errors.map(\.formatted).map { String($0.split(separator: "\n")[0]) }
    }

    @Test func serialsArePrintedAsWrittenAndAnExampleHasNone() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("Content/bulletins/2022-1.md", Self.bulletin(year: 2022, number: 1, serial: 7))
        try fixture.write("Content/bulletins/2022-2.md", Self.bulletin(year: 2022, number: 2, serial: 8))
        #expect(try fixture.build().succeeded)
        #expect(try fixture.read("Public/bulletins/2022/2/index.html").contains("总第8期"))
        #expect(!(try fixture.read("Public/bulletins/2021/1/index.html")).contains("总第"), "the example is not counted")
    }

    @Test func anOlderIssueAddedLaterCannotRenumberThePublishedOnes() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("Content/bulletins/2022-1.md", Self.bulletin(year: 2022, number: 1, serial: 1))
        try fixture.write("Content/bulletins/2022-2.md", Self.bulletin(year: 2022, number: 2, serial: 2))
        #expect(try fixture.build().succeeded)
        let published = try fixture.snapshot()
        try fixture.write("Content/bulletins/2021-2.md", Self.bulletin(year: 2021, number: 2, serial: nil))
        #expect(try errors(fixture) == ["Content/bulletins/2021-2.md:2:1: error: missing required field 'serial' (总第N期)"])
        try fixture.write("Content/bulletins/2021-2.md", Self.bulletin(year: 2021, number: 2, serial: 3))
        #expect(try errors(fixture) == [
            "Content/bulletins/2022-1.md:6:9: error: 总第1期 is lower than 总第3期 of the earlier issue 2021年第2期 (Content/bulletins/2021-2.md)",
            "Content/bulletins/2022-2.md:6:9: error: 总第2期 is lower than 总第3期 of the earlier issue 2021年第2期 (Content/bulletins/2021-2.md)",
        ])
        #expect(try fixture.build().succeeded == false)
        #expect(try fixture.snapshot() == published)
    }

    @Test func serialsAreUniqueAndWithoutGaps() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("Content/bulletins/2022-1.md", Self.bulletin(year: 2022, number: 1, serial: 1))
        try fixture.write("Content/bulletins/2022-2.md", Self.bulletin(year: 2022, number: 2, serial: 1))
        try fixture.write("Content/bulletins/2022-3.md", Self.bulletin(year: 2022, number: 3, serial: 3))
        #expect(try errors(fixture) == [
            "Content/bulletins/2022-2.md:6:9: error: 总第1期 is given to Content/bulletins/2022-1.md too",
            "Content/bulletins/2022-3.md:6:9: error: 总第3期 follows 总第1期 (2022年第1期): 总第2期 is missing",
        ])
    }

    @Test func examplesAndSupplementsHaveNoSerial() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.edit("Content/bulletins/2021-1.md", replacing: "example: true\n", with: "example: true\nserial: 1\n")
        #expect(try errors(fixture) == ["Content/bulletins/2021-1.md:7:9: error: an example bulletin has no 总第N期"])
    }

    @Test func aDraftBulletinKeepsItsNumberAndMayListDraftWriteUps() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("Content/bases/xiushan-library/plan.md", "---\ntitle: 计划\ndate: 2022\nkind: event\ndraft: true\n---\n正文\n")
        try fixture.write("Content/bulletins/2022-1.md", Self.bulletin(year: 2022, number: 1, serial: 1))
        try fixture.write("Content/bulletins/2022-2.md", Self.bulletin(year: 2022, number: 2, serial: 2, draft: true,
                                                                       items: "[xiushan-library/plan]"))
        try fixture.write("Content/bulletins/2022-3.md", Self.bulletin(year: 2022, number: 3, serial: 3))
        #expect(try fixture.build().succeeded)
        #expect(!FileManager.default.fileExists(atPath: fixture.url("Public/bulletins/2022/2").path))
        #expect(try fixture.read("Public/bulletins/2022/3/index.html").contains("总第3期"))
        try fixture.write("Content/bulletins/2022-2.md", Self.bulletin(year: 2022, number: 2, serial: 2, items: "[xiushan-library/plan]"))
        #expect(try errors(fixture) == [
            "Content/bulletins/2022-2.md:7:9: error: the write-up 'xiushan-library/plan' is a draft (Content/bases/xiushan-library/plan.md), so this bulletin cannot be published",
        ])
    }

    static func report(year: Int, date: String) -> String {
        "---\ntitle: 年度报告\ndate: \(date)\nkind: report\nyear: \(year)\n---\n正文\n"
    }

    @Test func reportsThatCannotBeRightAreNamed() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        // Valid 2020—2024.
        try fixture.write("Content/bases/dazu-longgang-kindergarten/r2019.md", Self.report(year: 2019, date: "2020-01"))
        try fixture.write("Content/bases/dazu-longgang-kindergarten/r2022.md", Self.report(year: 2022, date: "2023-01"))
        try fixture.write("Content/bases/dazu-longgang-kindergarten/r2022b.md", Self.report(year: 2022, date: "2023-02"))
        #expect(try errors(fixture) == [
            "Content/bases/dazu-longgang-kindergarten/r2019.md:5:7: error: the report is for 2019, but '大足区龙岗幼儿园' is a base for 2020—2024 only",
            "Content/bases/dazu-longgang-kindergarten/r2022b.md:5:7: error: '大足区龙岗幼儿园' has a report for 2022 already: Content/bases/dazu-longgang-kindergarten/r2022.md",
        ])
    }

    @Test func aReportAfterRevocationIsAnErrorAndAFutureDateAWarning() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.edit("Content/bases.yaml", replacing: "    name: 万州区沙河小学\n", with: "    name: 万州区沙河小学\n    revoked: {date: 2022-06, reason: 测试}\n")
        try fixture.write("Content/bases/wanzhou-shahe-primary/r2023.md", Self.report(year: 2023, date: "2024-01"))
        try fixture.write("Content/bases/wanzhou-shahe-primary/later.md", "---\ntitle: 活动\ndate: 2030-01-01\nkind: event\n---\n正文\n")
        let report = try fixture.check()
        #expect(report.diagnostics.errors.map(\.message) == ["the report is for 2023, after '万州区沙河小学' was revoked (2022-06)"])
        #expect(report.diagnostics.warnings.map(\.formatted).contains("""
            Content/bases/wanzhou-shahe-primary/later.md:3:7: warning: the date 2030-01-01 is after the build day 2023-06-01
                hint: check the date: a page is dated when it was written
            """))
    }

    @Test func aBuildForPublishingRefusesAnAddressOfThisComputer() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        var options = BuildOptions(asOf: PartialDate(year: 2023, month: 6, day: 1))
        options.precompress = true
        let report = Pipeline.build(fixture.folders, options: options)
        #expect(report.diagnostics.errors.map(\.formatted) == ["""
            Content/site.yaml:6:10: error: the site is built for publishing (bulletin publish or --precompress) with the address http://localhost:8000/, which only works on this computer or is an example
                hint: set 'baseURL' in site.yaml to the site's published address (with its sub-path), or give it with --base-url
            """])
        for address in ["http://127.0.0.2/", "https://[::1]/", "https://bulletin.example.org/zt/", "http://site.test/"] {
            options.baseURL = address
            #expect(Pipeline.build(fixture.folders, options: options).diagnostics.hasErrors, "\(address)")
        }
        options.baseURL = "https://jyj.cq.gov.cn/zt/jiaoyu/"
        #expect(Pipeline.build(fixture.folders, options: options).succeeded)
    }
}
