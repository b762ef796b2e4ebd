import Foundation
import Testing
@testable import BulletinKit
@testable import BulletinModel
@testable import BulletinSupport

/// Bad references and clashes by the thousand, within one file and across many: every one is
/// reported where it is written, each with the hint it would have alone, and the check fails.
/// How long they take is measured by `Tests/Benchmark/references`.
@Suite struct RepeatedReferenceTests {
    static let event = "---\ntitle: 开放日\ndate: 2021-05-12\nkind: event\n"

    func found(_ report: PipelineReport, _ code: MessageCode) -> [Diagnostic] {
        report.diagnostics.sorted.filter { $0.code == code }
    }

    func formatted(_ diagnostics: some Sequence<Diagnostic>) -> [String] {
        diagnostics.map(\.formatted)
    }

    @Test func twentyThousandUnknownModelsInOneListAreEachLocatedWithTheirSuggestion() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let file = "Content/bases/wanzhou-shahe-primary/many-models.md"
        try fixture.write(file, Self.event + "models:\n" + (0..<20_000).map { "  - guidance-servic-\($0)\n" }.joined() + "---\n\n正文。\n")
        let report = try fixture.check()
        let unknown = found(report, .unknownModel)
        #expect(unknown.count == 20_000)
        #expect(formatted(unknown.prefix(2) + unknown.suffix(1)) == [0, 1, 19_999].map {
            "\(file):\(6 + $0):5: error: unknown model 'guidance-servic-\($0)'\n    hint: did you mean 'guidance-service'?"
        })
        #expect(!report.diagnostics.errors.isEmpty)
    }

    @Test func unknownModelsAmongTwentyThousandModelsEachGetTheirNearestName() throws {
        let models = NearestNames((0..<20_000).map { "model-\($0)" })
        #expect(models.nearest(to: "model-1234x") == "model-1234")
        #expect(models.nearest(to: "mdoel-123") == "model-123")
        #expect(models.nearest(to: "model-1234-") == "model-1234")
        #expect(models.nearest(to: "odel-19999") == "model-19999")
        #expect(models.nearest(to: "unrelated-name") == nil)
        #expect(models.hint(for: "model-\u{200B}42") == Suggestion.invisibleHint("model-\u{200B}42", meaning: "model-42"))
        #expect(models.hint(for: "unrelated-name") == nil)
    }

    @Test func twentyThousandUnknownWriteUpsInOneBulletinAreEachLocated() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let file = "Content/bulletins/2021-2.md"
        try fixture.write(file, "---\ntitle: 简报\nyear: 2021\nnumber: 2\ndate: 2021-06\nexample: true\nitems:\n"
                          + (0..<20_000).map { "  - wanzhou-shahe-primary/example-practic\($0)\n" }.joined() + "---\n")
        let report = try fixture.check()
        let unknown = found(report, .unknownWriteUp)
        #expect(unknown.count == 20_000)
        #expect(formatted(unknown.prefix(2) + unknown.suffix(1)) == [0, 1, 19_999].map {
            "\(file):\(8 + $0):5: error: unknown write-up 'wanzhou-shahe-primary/example-practic\($0)'\n"
                + "    hint: did you mean 'wanzhou-shahe-primary/example-practice'?"
        })
    }

    @Test func aWriteUpListedTwentyThousandTimesIsReportedAtEachRepeat() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let file = "Content/bulletins/2021-2.md"
        try fixture.write(file, "---\ntitle: 简报\nyear: 2021\nnumber: 2\ndate: 2021-06\nexample: true\nitems:\n"
                          + String(repeating: "  - wanzhou-shahe-primary/example-practice\n", count: 20_000) + "---\n")
        let report = try fixture.check()
        let twice = found(report, .writeUpListedTwice)
        #expect(twice.count == 19_999)
        #expect(formatted(twice.prefix(1) + twice.suffix(1)) == [9, 20_007].map {
            "\(file):\($0):5: error: the write-up 'wanzhou-shahe-primary/example-practice' is listed twice\n    hint: remove one of the lines"
        })
    }

    /// bases.yaml holds at most 100,000 YAML values: 8,000 bases of five fields each fit.
    @Test func eightThousandBasesWithEveryFieldWrongAreEachLocated() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let entries = (0..<8_000).map {
            "  - id: wanzhou-shahe-primary\n    name: 基地\($0)\n    district: 万州\($0)区\n    category: schoo\($0)\n    batch: \"b\($0)\"\n"
        }
        try fixture.write("Content/bases.yaml", try fixture.read("Content/bases.yaml") + entries.joined())
        let report = try fixture.check()
        let file = "Content/bases.yaml"
        // The fixture's list ends on line 110; each entry takes five lines.
        func line(_ entry: Int, _ field: Int) -> Int { 111 + 5 * entry + field }
        for (code, field, column, first, last) in [
            (MessageCode.baseIdTwice, 0, 9, "the base id 'wanzhou-shahe-primary' is used twice\n    hint: give each base its own id",
             "the base id 'wanzhou-shahe-primary' is used twice\n    hint: give each base its own id"),
            (.districtNotListed, 2, 15, "'万州0区' is not in the district list of site.yaml\n    hint: did you mean '万州区'?",
             "'万州7999区' is not in the district list of site.yaml\n    hint: add it to 'districts' in site.yaml, or correct the name"),
            (.basesUnknownBatch, 4, 12, "unknown batch 'b0'\n    hint: expected one of: 2020", "unknown batch 'b7999'\n    hint: expected one of: 2020"),
        ] {
            let problems = found(report, code)
            #expect(problems.count == 8_000, "\(code)")
            #expect(formatted(problems.prefix(1) + problems.suffix(1)) == [
                "\(file):\(line(0, field)):\(column): error: \(first)", "\(file):\(line(7_999, field)):\(column): error: \(last)",
            ])
        }
        let categories = found(report, .unknownCategory)
        #expect(categories.count == 8_000)
        #expect(categories.last?.location == SourceLocation(path: file, line: line(7_999, 3), column: 15))
    }

    @Test func sevenThousandBatchesOfOneIdNamingUnknownNoticesAreEachLocated() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let batches = (0..<7_000).map {
            "  - id: \"2020\"\n    name: 第\($0)批\n    notice: naming-202\($0)\n    validFrom: 2020\n    validTo: 2024\n"
        }
        try fixture.edit("Content/bases.yaml", replacing: "batches:\n", with: "batches:\n" + batches.joined())
        let report = try fixture.check()
        let file = "Content/bases.yaml"
        let twice = found(report, .batchIdTwice)
        #expect(twice.count == 7_000)
        // The first of the added batches is the first of its id; the fixture's own comes after them.
        #expect(twice.first?.location == SourceLocation(path: file, line: 10, column: 9))
        #expect(twice.last?.location == SourceLocation(path: file, line: 5 + 5 * 7_000, column: 9))
        let notices = found(report, .unknownNotice)
        #expect(notices.count == 6_999)
        #expect(formatted(notices.prefix(1)) == ["\(file):12:13: error: unknown notice 'naming-2021'\n    hint: did you mean 'naming-2020'?"])
        #expect(notices.last?.location == SourceLocation(path: file, line: 7 + 5 * 6_999, column: 13))
    }

    @Test func twoThousandWriteUpsWithBadReferencesAreEachReportedInTheirFile() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        for index in 0..<1_000 {
            try fixture.write("Content/bases/wanzhou-shahe-primary/w-\(index).md",
                              Self.event + "models:\n  - guidance-servic-\(index)\n---\n\n见[稿件](x-\(index).md)。\n")
            try fixture.write("Content/bases/wanzhou-shahe-primar-\(index)/open-day.md", Self.event + "---\n\n正文。\n")
        }
        let report = try fixture.check()
        let models = found(report, .unknownModel)
        #expect(models.count == 1_000)
        #expect(formatted(models.prefix(1)) == [
            "Content/bases/wanzhou-shahe-primary/w-0.md:6:5: error: unknown model 'guidance-servic-0'\n    hint: did you mean 'guidance-service'?"
        ])
        let links = found(report, .linkMissingFile)
        #expect(links.count == 1_000)
        #expect(formatted(links.prefix(1)) == [
            "Content/bases/wanzhou-shahe-primary/w-0.md:9:2: error: the link 'x-0.md' points to 'bases/wanzhou-shahe-primary/x-0.md', which does not exist\n"
                + "    hint: did you mean 'bases/wanzhou-shahe-primary/w-0.md'?"
        ])
        let folders = found(report, .unknownBaseFolder)
        #expect(folders.count == 1_000)
        #expect(formatted(folders.prefix(1)) == [
            "Content/bases/wanzhou-shahe-primar-0/open-day.md:1:1: error: the folder bases/wanzhou-shahe-primar-0/ names an unknown base 'wanzhou-shahe-primar-0'\n"
                + "    hint: rename the folder to 'wanzhou-shahe-primary'"
        ])
    }

    @Test func threeThousandBulletinsAtOneAddressAreEachReportedAndNothingIsWritten() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        for index in 0..<3_000 {
            try fixture.write("Content/bulletins/2021-2-\(index).md",
                              "---\ntitle: 简报\nyear: 2021\nnumber: 2\ndate: 2021-06\nexample: true\nitems:\n  - wanzhou-shahe-primary/example-practice\n---\n")
        }
        let report = try fixture.build()
        let clashes = found(report, .sameAddress)
        #expect(clashes.count == 2_999)
        #expect(formatted(clashes.prefix(1)) == [
            "Content/bulletins/2021-2-1.md:1:1: error: this file and Content/bulletins/2021-2-0.md would both be published at /bulletins/2021/2/\n"
                + "    hint: rename one of them, or give the bulletins different numbers"
        ])
        #expect(!report.wroteOutput)
    }
}
