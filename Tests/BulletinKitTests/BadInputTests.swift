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

/// Each kind of editor mistake gives one clear diagnostic with its location, fails the build,
/// and leaves the previously published site byte for byte as it was.
@Suite struct BadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        init(description: String, expected: String, mutate: @escaping @Sendable (Fixture) throws -> Void) {
            self.description = description
            self.expected = expected
            self.mutate = mutate
        }

        var description: String
        /// The diagnostic's first line, exactly.
        var expected: String
        var mutate: @Sendable (Fixture) throws -> Void
    }

    static let writeUp = "Content/bases/wanzhou-shahe-primary/example-practice.md"
    static let newWriteUp = "Content/bases/wanzhou-shahe-primary/open-day.md"
    static let goodFrontMatter = "title: 开放日\ndate: 2021-05-12\nkind: event\n"

    static let cases: [Case] = [
        Case(description: "malformed YAML in front matter",
             expected: "Content/bases/wanzhou-shahe-primary/open-day.md:4:5: error: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping at line 3)") { f in
            try f.write(newWriteUp, "---\ntitle: 开放日\nkind: {event\ndate: 2021\n---\n正文\n")
        },
        Case(description: "a colon and a space inside a value in bases.yaml",
             expected: "Content/bases.yaml:12:14: error: the value of 'name' holds a colon and a space ': ', which YAML reads as the start of another field") { f in
            try f.edit("Content/bases.yaml", replacing: "    name: 万州区沙河小学\n", with: "    name: 万州区: 沙河小学\n")
        },
        Case(description: "a list not closed in bases.yaml",
             expected: "Content/bases.yaml:12:11: error: the value of 'name' opens a list with [, but the line has no closing ], so YAML reads the lines below as items") { f in
            try f.edit("Content/bases.yaml", replacing: "    name: 万州区沙河小学\n", with: "    name: [万州区沙河小学\n")
        },
        Case(description: "missing required field",
             expected: "Content/bases/wanzhou-shahe-primary/open-day.md:2:1: error: missing required field 'kind'") { f in
            try f.write(newWriteUp, "---\ntitle: 开放日\ndate: 2021\n---\n正文\n")
        },
        Case(description: "write-up in the folder of an unknown base",
             expected: "Content/bases/wanzhou-shahe-primry/open-day.md:1:1: error: the folder bases/wanzhou-shahe-primry/ names an unknown base 'wanzhou-shahe-primry'") { f in
            try f.write("Content/bases/wanzhou-shahe-primry/open-day.md", "---\n\(goodFrontMatter)---\n正文\n")
        },
        Case(description: "unknown model",
             expected: "Content/bases/wanzhou-shahe-primary/open-day.md:6:5: error: unknown model 'home-school-comunity'") { f in
            try f.write(newWriteUp, "---\n\(goodFrontMatter)models:\n  - home-school-comunity\n---\n正文\n")
        },
        Case(description: "unknown write-up in a bulletin",
             expected: "Content/bulletins/2021-1.md:9:5: error: unknown write-up 'bishan-xiguan-village/example-evnt'") { f in
            try f.edit("Content/bulletins/2021-1.md", replacing: "  - bishan-xiguan-village/example-event", with: "  - bishan-xiguan-village/example-evnt")
        },
        Case(description: "duplicate base id",
             expected: "Content/bases.yaml:16:9: error: the base id 'wanzhou-shahe-primary' is used twice") { f in
            try f.edit("Content/bases.yaml", replacing: "id: yuzhong-zhonghualu-primary", with: "id: wanzhou-shahe-primary")
        },
        Case(description: "bulletin number used twice in a year",
             expected: "Content/bulletins/2021-1b.md:1:1: error: this file and Content/bulletins/2021-1.md would both be published at /bulletins/2021/1/") { f in
            try f.write("Content/bulletins/2021-1b.md", "---\ntitle: 重复\nyear: 2021\nnumber: 1\nserial: 1\ndate: 2021-03\nitems: [xiushan-library/example-report]\n---\n")
        },
        Case(description: "date that does not exist",
             expected: "Content/bases/wanzhou-shahe-primary/open-day.md:3:7: error: 'date': '2020-13-45' has no month 13") { f in
            try f.write(newWriteUp, "---\ntitle: 开放日\ndate: 2020-13-45\nkind: event\n---\n正文\n")
        },
        Case(description: "file that is not UTF-8",
             expected: "Content/bases/wanzhou-shahe-primary/open-day.md:2:8: error: the file is not valid UTF-8 text") { f in
            try f.writeData(newWriteUp, Data("---\ntitle: ".utf8) + Data([0xBF, 0xAA, 0xB7, 0xC5, 0xC8, 0xD5]) + Data("\ndate: 2021\nkind: event\n---\n".utf8))
        },
        Case(description: "empty file",
             expected: "Content/bases/wanzhou-shahe-primary/open-day.md:1:1: error: the file is empty") { f in
            try f.write(newWriteUp, "")
        },
        Case(description: "front matter never closed",
             expected: "Content/bases/wanzhou-shahe-primary/open-day.md:1:1: error: the front matter block is never closed") { f in
            try f.write(newWriteUp, "---\n\(goodFrontMatter)正文\n")
        },
        Case(description: "template syntax error",
             expected: "Templates/partials/bulletin-article.mustache:21:6: error: template syntax error: a section is closed with a different name than it was opened with") { f in
            try f.edit("Templates/partials/bulletin-article.mustache", replacing: "  {{/view.items}}", with: "  {{/view.item}}")
        },
        Case(description: "unknown partial",
             expected: "Templates/partials/bulletin-article.mustache:2:20: error: unknown partial 'partials/example-baner'") { f in
            try f.edit("Templates/partials/bulletin-article.mustache", replacing: "{{> partials/example-banner}}", with: "{{> partials/example-baner}}")
        },
        Case(description: "cover leaving the content folder",
             expected: "Content/bases/wanzhou-shahe-primary/open-day.md:5:8: error: the cover image '../../../../etc/passwd' leads outside the content folder") { f in
            try f.write(newWriteUp, "---\n\(goodFrontMatter)cover: ../../../../etc/passwd\n---\n正文\n")
        },
        Case(description: "cover that does not exist",
             expected: "Content/bases/wanzhou-shahe-primary/open-day.md:5:8: error: the cover image '../../assets/open-day.jpg' does not exist") { f in
            try f.write(newWriteUp, "---\n\(goodFrontMatter)cover: ../../assets/open-day.jpg\n---\n正文\n")
        },
        Case(description: "attachment leaving the content folder",
             expected: "Content/notices/naming-2020.md:12:11: error: the attachment '../../secret.pdf' leads outside the content folder") { f in
            try f.edit("Content/notices/naming-2020.md", replacing: "  - page: naming-2020/measures.md\n",
                       with: "  - page: naming-2020/measures.md\n  - title: 表\n    file: ../../secret.pdf\n")
        },
        Case(description: "attachment that does not exist",
             expected: "Content/notices/naming-2020.md:12:11: error: the attachment '../assets/表.docx' does not exist") { f in
            try f.edit("Content/notices/naming-2020.md", replacing: "  - page: naming-2020/measures.md\n",
                       with: "  - page: naming-2020/measures.md\n  - title: 表\n    file: ../assets/表.docx\n")
        },
        Case(description: "Markdown link to a missing file",
             expected: "Content/bases/wanzhou-shahe-primary/open-day.md:7:2: error: the link '../../assets/方案.pdf' points to 'assets/方案.pdf', which does not exist") { f in
            try f.write(newWriteUp, "---\n\(goodFrontMatter)---\n\n见[方案](../../assets/方案.pdf)。\n")
        },
        Case(description: "district not in the configured list",
             expected: "Content/bases.yaml:13:15: error: '万洲区' is not in the district list of site.yaml") { f in
            try f.edit("Content/bases.yaml", replacing: "    district: 万州区\n", with: "    district: 万洲区\n")
        },
        Case(description: "unknown category",
             expected: "Content/bases.yaml:14:15: error: unknown category 'shcool'") { f in
            try f.edit("Content/bases.yaml", replacing: "    category: school\n", with: "    category: shcool\n")
        },
        Case(description: "unknown notice named by a batch",
             expected: "Content/bases.yaml:7:13: error: unknown notice 'naming-2021'") { f in
            try f.edit("Content/bases.yaml", replacing: "    notice: naming-2020\n", with: "    notice: naming-2021\n")
        },
        Case(description: "base URL that is not absolute",
             expected: "Content/site.yaml:6:10: error: baseURL 'jiaoyu' is not an absolute http(s) address") { f in
            let site = try f.read("Content/site.yaml")
            let line = site.split(separator: "\n", omittingEmptySubsequences: false).first { $0.hasPrefix("baseURL:") }!
            try f.edit("Content/site.yaml", replacing: String(line), with: "baseURL: jiaoyu")
        },
        Case(description: "bulletin featuring a draft",
             expected: "Content/bulletins/2021-1.md:8:5: error: the write-up 'wanzhou-shahe-primary/example-practice' is a draft (Content/bases/wanzhou-shahe-primary/example-practice.md), so this bulletin cannot be published") { f in
            try f.edit(writeUp, replacing: "example: true\n", with: "example: true\ndraft: true\n")
        },
        Case(description: "templates folder missing",
             expected: "Templates:1:1: error: the templates folder does not exist") { f in
            try FileManager.default.moveItem(at: f.url("Templates"), to: f.url("Theme"))
        },
        Case(description: "wrong type of value",
             expected: "Content/bases/wanzhou-shahe-primary/open-day.md:2:8: error: 'title' must be a single text value, not a list") { f in
            try f.write(newWriteUp, "---\ntitle: [开放日, 活动]\ndate: 2021\nkind: event\n---\n")
        },
        Case(description: "featured write-up whose front matter does not parse",
             expected: "Content/bases/wanzhou-shahe-primary/example-practice.md:4:7: error: the value of 'kind' opens a list with [, but the line has no closing ], so YAML reads the lines below as items") { f in
            try f.edit(writeUp, replacing: "kind: practice", with: "kind: [practice")
        },
        Case(description: "invalid file name",
             expected: "Content/bases/wanzhou-shahe-primary/开放日.md:1:1: error: the file name '开放日' can't be used in an address") { f in
            try f.write("Content/bases/wanzhou-shahe-primary/开放日.md", "---\n\(goodFrontMatter)---\n")
        },
    ]

    @Test(arguments: cases)
    func badInputFailsClearlyAndLeavesThePublishedSiteAlone(_ badCase: Case) throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let good = try fixture.build()
        try #require(good.wroteOutput)
        let published = try fixture.snapshot()

        try badCase.mutate(fixture)
        let report = try fixture.build()
        let errors = report.diagnostics.errors.map { $0.formatted.split(separator: "\n").first.map(String.init) ?? "" }
        #expect(errors == [badCase.expected])
        #expect(report.diagnostics.errors.allSatisfy { $0.hint != nil }, "every error carries a hint")
        #expect(!report.wroteOutput)
        #expect(try fixture.snapshot() == published, "Public/ changed after a failed build")

        let check = try fixture.check()
        #expect(check.diagnostics.errors.map(\.formatted) == report.diagnostics.errors.map(\.formatted))
    }

    @Test func unknownReferencesNameTheNearestSpelling() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.edit("Content/bulletins/2021-1.md", replacing: "  - bishan-xiguan-village/example-event", with: "  - bishan-xiguan-village/example-evnt")
        let report = try fixture.check()
        #expect(report.diagnostics.errors.first?.hint == "did you mean 'bishan-xiguan-village/example-event'?")
    }

    /// A write-up whose front matter has an error is still checked for the models and cover it
    /// names and for its body, so that an editor learns every mistake of the file in one run.
    @Test func oneRunNamesEveryMistakeOfAWriteUp() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write(Self.newWriteUp, "---\ntitle: 开放日\ndate: 2021-05-12\nkind: evnt\nmodels:\n  - home-school-comunity\n"
                                        + "cover: phot.jpg\n---\n\u{3000}\u{3000}正文见[附件](../../assets/plan.pdf)。\n")
        let report = try fixture.check()
        #expect(report.diagnostics.errors.map { $0.formatted.split(separator: "\n").first.map(String.init) ?? "" } == [
            "Content/bases/wanzhou-shahe-primary/open-day.md:4:7: error: unknown kind 'evnt'",
            "Content/bases/wanzhou-shahe-primary/open-day.md:6:5: error: unknown model 'home-school-comunity'",
            "Content/bases/wanzhou-shahe-primary/open-day.md:7:8: error: the cover image 'phot.jpg' does not exist",
            "Content/bases/wanzhou-shahe-primary/open-day.md:9:6: error: the link '../../assets/plan.pdf' points to 'assets/plan.pdf', which does not exist",
        ])
        #expect(report.diagnostics.warnings.map(\.code).contains(.paragraphFullWidthIndent))

        try fixture.write(Self.newWriteUp, "---\ntitle: 开放日\ndate: 2021-05-12\nkind: event\nmodels:\n  - home-school-comunity\n---\n正文\n")
        #expect(try fixture.check().diagnostics.errors.map(\.message) == ["unknown model 'home-school-comunity'"],
                "a model is named once, whether the rest of the front matter can be read or not")
    }

    /// A bulletin whose front matter has an error still has its items checked.
    @Test func oneRunNamesEveryMistakeOfABulletin() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.edit("Content/bulletins/2021-1.md", replacing: "number: 1\n", with: "number: 一\n")
        try fixture.edit("Content/bulletins/2021-1.md", replacing: "  - bishan-xiguan-village/example-event", with: "  - bishan-xiguan-village/example-evnt")
        let errors = try fixture.check().diagnostics.errors
        #expect(errors.map { $0.formatted.split(separator: "\n").first.map(String.init) ?? "" } == [
            "Content/bulletins/2021-1.md:4:9: error: 'number' must be a whole number from 1 to 9999, not '一'",
            "Content/bulletins/2021-1.md:9:5: error: unknown write-up 'bishan-xiguan-village/example-evnt'",
        ])
        #expect(errors.last?.hint == "did you mean 'bishan-xiguan-village/example-event'?")
    }

    @Test func theOutputFolderMayNotOverlapTheContent() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        var folders = fixture.folders
        folders.output = fixture.url("Content")
        let before = try fixture.snapshot("Content")
        let report = Pipeline.build(folders, options: BuildOptions())
        #expect(report.diagnostics.errors.map(\.message) == ["refusing to use 'Public' as the output folder: it overlaps Content/"])
        #expect(try fixture.snapshot("Content") == before)
    }

    @Test func aFolderThatWasNotBuiltHereIsNeverReplaced() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("Public/notes.txt", "an editor's own file")
        let report = try fixture.build()
        #expect(report.diagnostics.errors.map(\.formatted) == ["""
            Public/notes.txt:1:1: error: this file was not written by the last build, so the output folder is not replaced
                hint: to publish it with the site, move it to Content/notes.txt; otherwise move it out of Public/
            """])
        #expect(try fixture.read("Public/notes.txt") == "an editor's own file")
    }

    /// Files put into a built site, even hidden ones and ones beside a copied marker, are the
    /// user's: the build stops and names them, and the next build after they are moved succeeds.
    @Test(arguments: ["bases/notes.txt", "google1234567890.html", ".well-known/security.txt", ".htaccess"])
    func aFilePutIntoABuiltSiteStopsTheBuildAndIsKept(_ path: String) throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        #expect(try fixture.build().succeeded)
        try fixture.write("Public/" + path, "an editor's own file")
        let site = try fixture.snapshot()

        let report = try fixture.build(asOf: "2024-01-01")
        #expect(report.diagnostics.errors.map(\.formatted) == ["""
            Public/\(path):1:1: error: this file was not written by the last build, so the output folder is not replaced
                hint: to publish it with the site, move it to Content/\(path); otherwise move it out of Public/
            """])
        #expect(try fixture.snapshot() == site)

        try FileManager.default.removeItem(at: fixture.url("Public/" + path))
        #expect(try fixture.build(asOf: "2024-01-01").succeeded)
    }

    @Test func aCopiedMarkerDoesNotMakeAFolderABuiltSite() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("Public/.bulletin-build", "built by bulletin\n")
        for index in 1 ... 12 { try fixture.write("Public/photos/\(index).jpg", "a photo") }
        let report = try fixture.build()
        #expect(report.diagnostics.errors.count == 11)
        #expect(report.diagnostics.errors.last?.message == "… and 2 more files that the last build did not write")
        #expect(try fixture.read("Public/photos/12.jpg") == "a photo")
    }
}
