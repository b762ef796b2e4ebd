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

@Suite struct PartialDateTests {
    @Test func rendersOnlyTheKnownParts() throws {
        #expect(try PartialDate(parsing: "2020").chinese == "2020年")
        #expect(try PartialDate(parsing: "2020-05").chinese == "2020年5月")
        #expect(try PartialDate(parsing: "2020-05-12").chinese == "2020年5月12日")
        #expect(try PartialDate(parsing: "2020-05").iso == "2020-05")
    }

    @Test(arguments: ["2020-13-45", "2020-13", "2021-02-29", "2020-04-31", "20-05-01", "2020/05/01", "2020-5-1", "", "二〇二〇", "2020-00"])
    func rejectsDatesThatDoNotExist(_ text: String) {
        #expect(throws: PartialDate.ParseError.self) { try PartialDate(parsing: text) }
    }

    @Test func acceptsLeapDays() throws {
        #expect(try PartialDate(parsing: "2020-02-29").day == 29)
        #expect(try PartialDate(parsing: "2000-02-29").day == 29)
    }

    @Test func lessPreciseDatesSortFirstWithinTheirPeriod() throws {
        let dates = try ["2021-01-05", "2020", "2020-12", "2020-01-01", "2020-01"].map(PartialDate.init(parsing:))
        #expect(dates.sorted().map(\.iso) == ["2020", "2020-01", "2020-01-01", "2020-12", "2021-01-05"])
    }

    @Test func comparesByFirstPossibleDay() throws {
        #expect(try PartialDate(parsing: "2023").starts(onOrBefore: PartialDate(parsing: "2023-01-01")))
        #expect(try !PartialDate(parsing: "2023-06").starts(onOrBefore: PartialDate(parsing: "2023-05-31")))
    }
}
