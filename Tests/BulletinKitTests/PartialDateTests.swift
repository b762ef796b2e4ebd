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

    /// Dates as editors write them in Chinese documents or with a Chinese input method are still
    /// refused, but the hint gives the form to write, ready to copy.
    @Test(arguments: [("2024年5月12日", "2024-05-12"), ("2024年5月12号", "2024-05-12"), ("２０２４年５月１２日", "2024-05-12"),
                      ("2024年5月", "2024-05"), ("2024年", "2024"), ("2024/5/12", "2024-05-12"), ("2024.05.12", "2024-05-12"),
                      ("2020-5-1", "2020-05-01"), ("２０２４／０５／１２", "2024-05-12")])
    func aDateWrittenAnotherWayIsNamedWithItsForm(_ written: String, _ iso: String) {
        #expect(PartialDate.isoForm(of: written) == iso)
        #expect {
            try PartialDate(parsing: written)
        } throws: { error in
            (error as? PartialDate.ParseError)?.message(field: "date").formatted(in: .chinese)
                == "'date'：日期 '\(written)' 的写法无法识别\n    提示：请写成 \(iso)：日期须写成 YYYY、YYYY-MM 或 YYYY-MM-DD"
        }
    }

    /// Only a date that exists gets a form to copy; other texts keep the general hint.
    @Test func onlyAWholeDateWrittenAnotherWayGetsAForm() {
        #expect(PartialDate.isoForm(of: "2024年13月") == "2024-13")
        #expect(PartialDate.isoForm(of: "2024/5-12") == nil)
        #expect(PartialDate.isoForm(of: "5月12日") == nil)
        #expect(PartialDate.isoForm(of: "二〇二四年五月") == nil)
        #expect(PartialDate.isoForm(of: "2024年5月12") == nil)
        #expect(PartialDate.isoForm(of: "yesterday") == nil)
        #expect(PartialDate.isoForm(of: " 2024年12月1日 ") == "2024-12-01")
        for text in ["2024年13月", "2021年2月29日"] {
            #expect {
                try PartialDate(parsing: text)
            } throws: { error in
                (error as? PartialDate.ParseError)?.message(field: "date").formatted(in: .english) == "'date': '\(text)' is not a date\n"
                    + "    hint: write dates as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2020, 2020-05 or 2020-05-12"
            }
        }
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
