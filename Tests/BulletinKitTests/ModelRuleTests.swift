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

/// Statuses, report matrix, bulletin numbering and district grouping: computed in Swift, never typed.
@Suite struct ModelRuleTests {
    let batch = Batch(id: "2020", name: "2020年命名", noticeSlug: nil, validFrom: 2020, validTo: 2024)

    func base(_ id: String, district: String? = nil, revoked: String? = nil) throws -> Base {
        Base(id: id, name: id, district: district, category: .school, batch: batch, address: nil, intro: nil,
             revocation: try revoked.map { Revocation(date: try PartialDate(parsing: $0), reason: "r", noticeSlug: nil) }, order: 0)
    }

    func day(_ text: String) throws -> PartialDate { try PartialDate(parsing: text) }

    @Test func statusFollowsTheValidityYears() throws {
        let school = try base("a")
        #expect(BaseStatus.of(school, asOf: try day("2019-12-31")) == .notYetValid)
        #expect(BaseStatus.of(school, asOf: try day("2020-01-01")) == .valid)
        #expect(BaseStatus.of(school, asOf: try day("2023-06-01")) == .valid)
        #expect(BaseStatus.of(school, asOf: try day("2024-12-31")) == .valid)
        #expect(BaseStatus.of(school, asOf: try day("2025-01-01")) == .expired)
        #expect(BaseStatus.of(school, asOf: try day("2026-11-29")) == .expired)
    }

    @Test func revocationTakesEffectOnItsDate() throws {
        let revoked = try base("a", revoked: "2022-03-15")
        #expect(BaseStatus.of(revoked, asOf: try day("2022-03-14")) == .valid)
        #expect(BaseStatus.of(revoked, asOf: try day("2022-03-15")) == .revoked)
        #expect(BaseStatus.of(revoked, asOf: try day("2026-11-29")) == .revoked)
        #expect(BaseStatus.of(revoked, asOf: try day("2022-03-15")).chinese == "已撤销")
    }

    func report(_ base: String, year: Int, example: Bool = false) throws -> WriteUp {
        WriteUp(baseID: base, slug: "r\(year)\(example)", title: "t", date: try day("\(year + 1)-01"), kind: .report, year: year,
                modelIDs: [], summary: nil, cover: nil, draft: false, example: example, body: .empty, sourcePath: "x")
    }

    @Test func reportMatrixCoversEveryValidYear() throws {
        let school = try base("a")
        let writeUps = [try report("a", year: 2020), try report("a", year: 2022, example: true), try report("b", year: 2021)]
        let cells = AnnualReports.cells(for: school, writeUps: writeUps, asOf: try day("2023-06-01"))
        #expect(cells.map(\.year) == [2020, 2021, 2022, 2023, 2024])
        #expect(cells.map(\.state) == [.reported, .missing, .example, .notDue, .notDue])
        #expect(cells[0].report == "a/r2020false")
    }

    @Test func yearsAfterRevocationAreNotDue() throws {
        let revoked = try base("a", revoked: "2021-07")
        let cells = AnnualReports.cells(for: revoked, writeUps: [], asOf: try day("2026-11-29"))
        #expect(cells.map(\.state) == [.missing, .missing, .revoked, .revoked, .revoked])
    }

    @Test func districtsFollowTheConfiguredOrderWithUnknownLast() throws {
        let order = ["万州区", "渝中区", "沙坪坝区"]
        let bases = [try base("x", district: "沙坪坝区"), try base("y"), try base("z", district: "万州区"), try base("w", district: "沙坪坝区")]
        let groups = DistrictGrouping.group(bases, order: order)
        #expect(groups.map(\.district) == ["万州区", "沙坪坝区", nil])
        #expect(groups[1].bases.map(\.id) == ["x", "w"])
        #expect(groups[2].bases.map(\.id) == ["y"])
    }

    @Test func suggestsTheNearestSpelling() {
        #expect(Suggestion.nearest(to: "wanzhou-shahe-primry", in: ["wanzhou-shahe-primary", "dadukou-kindergarten"]) == "wanzhou-shahe-primary")
        #expect(Suggestion.nearest(to: "completely-different", in: ["wanzhou-shahe-primary"]) == nil)
        #expect(Suggestion.nearest(to: "万洲区", in: ["万州区", "渝中区"]) == "万州区")
        #expect(Suggestion.nearest(to: "wanzhou-shahe", in: ["wanzhou-shahe-primary", "dadukou-kindergarten"]) == "wanzhou-shahe-primary")
    }
}
