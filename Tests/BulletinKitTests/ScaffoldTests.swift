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

    /// Titles that, written into the front matter as they are, would be YAML of another meaning
    /// (a comment, an anchor, an alias, a list, a mapping, a tag, a number, nothing) or none at all.
    static let hostileTitles = [
        #"他说:"你好" # 注释"#, "&锚点", "*别名", "- 列表", "[方括号]", "{花括号}", "'单引号'", #""双引号""#, "a: b", "％全角",
        "!标签", "|竖线", ">折叠", "%指令", "@符号", "`反引号", "? 问号", #"反斜杠\n不是换行"#, "制表\t符", "null", "true",
        "2024", "~", "---", "...", "行尾冒号:", "#井号开头",
    ]

    /// The model, read from the content as it is now; there must be no errors.
    func site(_ fixture: Fixture) throws -> Site {
        let (site, diagnostics) = SiteBuilder.build(ContentLoader.load(from: fixture.folders.content, displayRoot: "Content"),
                                                    options: BuildOptions(asOf: today))
        #expect(!diagnostics.hasErrors, "\(diagnostics.errors.map(\.formatted))")
        return try #require(site)
    }

    @Test(arguments: hostileTitles)
    func theTitleTypedIsTheTitleRead(_ title: String) throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let made = [
            try Scaffold.writeUp(in: context(fixture), base: "xiushan-library", kind: .report, title: title, slug: "hostile", today: today),
            try Scaffold.notice(in: context(fixture), title: title, slug: "hostile", today: today),
            try Scaffold.bulletin(in: context(fixture), year: 2026, title: title, today: today),
        ]
        for file in made {
            #expect(file.text.split(separator: "\n").filter { $0.hasPrefix("title: ") }.count == 1, "\(file.text)")
            try Scaffold.write(file, in: context(fixture))
        }
        let site = try site(fixture)
        #expect(site.writeUps.first { $0.reference == "xiushan-library/hostile" }?.title == title)
        #expect(site.notices.first { $0.slug == "hostile" }?.title == title)
        #expect(site.bulletins.first { $0.year == 2026 && $0.number == 1 }?.title == title)
    }

    @Test func theTitleIsQuotedByTheYAMLLibrary() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let file = try Scaffold.notice(in: context(fixture), title: #"他说:"你好" # 注释\"#, slug: "x", today: today)
        #expect(file.text.split(separator: "\n")[1] == #"title: "他说:\"你好\" # 注释\\""#)
    }

    static let titlesOfMoreThanOneLine: [(String, Unicode.Scalar, String)] = [
        ("第一行\n第二行", "\n", "a line break, <U+000A>"), ("a\r\nb", "\r", "a line break, <U+000D>"),
        ("a\u{2028}b", "\u{2028}", "a line break, <U+2028>"), ("响铃\u{07}", "\u{07}", "a control character, <U+0007>"),
        ("a\u{7F}", "\u{7F}", "a control character, <U+007F>"), ("a\u{FFFE}", "\u{FFFE}", "a control character, <U+FFFE>"),
    ]

    @Test(arguments: titlesOfMoreThanOneLine)
    func aTitleIsOneLine(_ title: String, _ character: Unicode.Scalar, _ what: String) throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let refused = Scaffold.Problem.titleNotOneLine(character)
        #expect(throws: refused) { try Scaffold.notice(in: context(fixture), title: title, slug: "x", today: today) }
        #expect(throws: refused) { try Scaffold.bulletin(in: context(fixture), year: 2026, title: title, today: today) }
        #expect(throws: refused) {
            try Scaffold.writeUp(in: context(fixture), base: "xiushan-library", kind: .event, title: title, slug: "x", today: today)
        }
        #expect(refused.description ==
                "the title holds \(what); a title is one line of text\n    hint: type the title on one line, without line breaks or control characters")
    }

    /// The rule is the model's own: a file `new` writes is one `check` accepts.
    @Test func aBulletinYearOrNumberTheModelRefusesIsRefused() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        for year in [99999, 1899, 3000, -1] {
            #expect(throws: Scaffold.Problem.yearOutOfRange(year, allowed: 1900...2999)) {
                try Scaffold.bulletin(in: context(fixture), year: year, title: nil, today: today)
            }
        }
        #expect(Scaffold.Problem.yearOutOfRange(99999, allowed: 1900...2999).description ==
                "a bulletin's year must be from 1900 to 2999, not 99999\n    hint: give the year in four digits, e.g. --year 2025")
        #expect(try Scaffold.bulletin(in: context(fixture), year: 2999, title: nil, today: today).relativePath == "bulletins/2999-1.md")

        try fixture.write("Content/bulletins/2030-9999.md", "---\ntitle: 末期\nyear: 2030\nnumber: 9999\ndate: 2030-12-31\n---\n")
        #expect(throws: Scaffold.Problem.noBulletinNumberLeft(year: 2030, last: 9999)) {
            try Scaffold.bulletin(in: context(fixture), year: 2030, title: nil, today: today)
        }
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
        #expect(throws: Scaffold.Problem.unknownBase("wanzhou-shahe", hint: Message(.didYouMean, ["suggestion": "wanzhou-shahe-primary"]))) {
            try Scaffold.writeUp(in: context(fixture), base: "wanzhou-shahe", kind: .event, title: "x", slug: "x", today: today)
        }
    }
}
