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

    static let fileNames: [(String, String?)] = [
        ("家长开放日", "jia-zhang-kai-fang-ri"),
        ("2023年度报告", "2023-nian-du-bao-gao"),
        ("“双减”背景下的家校共育", "shuang-jian-bei-jing-xia-de-jia-xiao"),
        ("重庆市沙坪坝区康居西城小学校2024年秋季家长学校开学典礼暨家庭教育专题讲座", "chong-qing-shi-sha-ping-ba-qu-kang"),
        ("Parent School Spring Semester Opening Ceremony and Lecture", "parent-school-spring-semester-opening-ceremony"),
        ("PTA家长会", "pta-jia-zhang-hui"),
        ("2024 Open Day 开放日", "2024-open-day-kai-fang-ri"),
        ("Parent School: Week 3!", "parent-school-week-3"),
        ("２０２４年ＰＴＡ　Café", "2024-nian-pta-cafe"),
        (String(repeating: "a", count: 60) + " 家长", String(repeating: "a", count: 48)),
        ("！！……", nil),
    ]

    /// Chinese in pinyin, read in context (家长 is jia-zhang, 重庆 chong-qing), Latin words kept;
    /// at most eight words and 48 characters, cut between words.
    @Test(arguments: fileNames)
    func fileNamesComeFromTheTitleInPinyin(_ title: String, _ name: String?) {
        #expect(Slug.made(from: title) == name)
    }

    @Test func aNameFromTheTitleIsMadeUniqueAndNeverOverwrites() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        var made: [String] = []
        for _ in 1...3 {
            let file = try Scaffold.writeUp(in: context(fixture), base: "xiushan-library", kind: .event, title: "家长开放日", slug: nil, today: today)
            try Scaffold.write(file, in: context(fixture))
            made.append(file.relativePath)
        }
        #expect(made == ["bases/xiushan-library/jia-zhang-kai-fang-ri.md", "bases/xiushan-library/jia-zhang-kai-fang-ri-2.md",
                         "bases/xiushan-library/jia-zhang-kai-fang-ri-3.md"])
        // The fixture's own file is passed over, and so is a notice's folder of attachment pages.
        try fixture.write("Content/bases/wanzhou-shahe-primary/shi-li.md", "---\ntitle: 示例\ndate: 2021\nkind: event\n---\n")
        #expect(try Scaffold.writeUp(in: context(fixture), base: "wanzhou-shahe-primary", kind: .practice, title: "示例", slug: nil,
                                     today: today).relativePath == "bases/wanzhou-shahe-primary/shi-li-2.md")
        try FileManager.default.createDirectory(at: fixture.url("Content/notices/tui-jin-hui"), withIntermediateDirectories: true)
        #expect(try Scaffold.notice(in: context(fixture), title: "推进会", slug: nil, today: today).relativePath == "notices/tui-jin-hui-2.md")
        // A name given is used as it is, and refused when taken.
        #expect(throws: Scaffold.Problem.exists("Content/bases/xiushan-library/jia-zhang-kai-fang-ri.md")) {
            try Scaffold.writeUp(in: context(fixture), base: "xiushan-library", kind: .event, title: "家长开放日",
                                 slug: "jia-zhang-kai-fang-ri", today: today)
        }
        #expect(try fixture.check().diagnostics.errors.allSatisfy { $0.message.contains(Placeholders.marker) })
    }

    /// At the prompt a Chinese name is turned into pinyin like a title; what can't be used is
    /// told and asked again, and the end of input ends with the title's own problem.
    @Test func theNameTypedAtThePromptIsConvertedAndARefusalAsksAgain() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        var answers = ["", "  ", "！！", "example-practice", "Open Day", "家长 会"]
        var refusals: [String] = []
        func make(_ answers: inout [String]) throws(Scaffold.Problem) -> Scaffold.NewFile {
            try Scaffold.askingForName(title: "！", ask: { answers.isEmpty ? nil : answers.removeFirst() },
                                       refused: { refusals.append($0.description) }) { typed throws(Scaffold.Problem) in
                try Scaffold.writeUp(in: context(fixture), base: "wanzhou-shahe-primary", kind: .practice, title: "！",
                                     slug: nil, typedName: typed, today: today)
            }
        }
        #expect(try make(&answers).relativePath == "bases/wanzhou-shahe-primary/open-day.md")
        #expect(refusals == [
            "'！！' gives no file name: it has no Chinese characters, letters or digits\n"
                + "    hint: type the name in Chinese, or in lowercase letters, digits and '-', e.g. 2024-open-day",
            "Content/bases/wanzhou-shahe-primary/example-practice.md exists already and is left as it is\n"
                + "    hint: choose another --slug, or edit the existing file",
        ])
        #expect(answers == ["家长 会"])
        #expect(try make(&answers).relativePath == "bases/wanzhou-shahe-primary/jia-zhang-hui.md")
        #expect(throws: Scaffold.Problem.needsSlug(title: "！")) { try make(&answers) }
        #expect(Scaffold.fileNamePrompt.chinese.hasPrefix("标题里没有能用作文件名的文字。请输入文件名（可以输入中文"))
    }

    @Test func aBaseIsFoundByItsChineseName() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        for written in ["万州区沙河小学", "万州区 沙河小学", "沙河小学", "wanzhou-shahe-primary"] {
            let file = try Scaffold.writeUp(in: context(fixture), base: written, kind: .event, title: "家长开放日", slug: nil, today: today)
            #expect(file.relativePath == "bases/wanzhou-shahe-primary/jia-zhang-kai-fang-ri.md")
            #expect(file.baseFoundByName == (written.hasPrefix("wanzhou") ? nil : "万州区沙河小学"))
        }
        // The problems are compared as the editor reads them: hints are catalogue messages.
        func refusal(_ base: String) -> String? {
            do {
                _ = try Scaffold.writeUp(in: context(fixture), base: base, kind: .event, title: "x", slug: "x", today: today)
                return nil
            } catch {
                return error.description
            }
        }
        #expect(refusal("万州区沙河中学") == "unknown base '万州区沙河中学'\n    hint: did you mean '万州区沙河小学'?")
        #expect(refusal("沙河中学") == "unknown base '沙河中学'\n    hint: did you mean '万州区沙河小学' or '铜梁区巴川初级中学校' or '武隆区实验中学'?")
        #expect(refusal("北京") == "unknown base '北京'\n    hint: `bulletin list bases` shows the id and name of every base")
        #expect(refusal("妇女儿童活动中心") == "'妇女儿童活动中心' names more than one base\n    hint: it could be 江北区妇女儿童活动中心 (jiangbei-women-children-centre), "
            + "江津区妇女儿童活动中心 (jiangjin-women-children-centre), 丰都县妇女儿童活动中心 (fengdu-women-children-centre); give the full name or the id")
        // One character names too many bases to be a part worth looking for.
        #expect(refusal("村") == "unknown base '村'\n    hint: `bulletin list bases` shows the id and name of every base")
    }

    /// What `new` writes, with every place it leaves to the editor filled in.
    func filledIn(_ file: Scaffold.NewFile) -> Scaffold.NewFile {
        var file = file
        file.text = file.text.replacingOccurrences(of: Placeholders.marker, with: "已填写：")
            .replacingOccurrences(of: "items: []", with: "items: [xiushan-library/example-report]")
        return file
    }

    @Test(arguments: WriteUpKind.allCases)
    func aNewWriteUpIsPublishedOnlyOnceItsTextIsWritten(_ kind: WriteUpKind) throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let file = try Scaffold.writeUp(in: context(fixture), base: "dazu-longgang-kindergarten", kind: kind,
                                        title: "家长开放日: \"亲子\" 阅读", slug: "open-day", year: kind == .report ? 2023 : nil, today: today)
        #expect(file.relativePath == "bases/dazu-longgang-kindergarten/open-day.md")
        try Scaffold.write(file, in: context(fixture))
        let bodyLine = kind == .report ? 13 : 12
        #expect(try fixture.check().diagnostics.errors.map(\.formatted) == ["""
            Content/bases/dazu-longgang-kindergarten/open-day.md:\(bodyLine):1: error: the text 【待填写】 that 'bulletin new' wrote is still here, so the page is not finished
                hint: write the real text in its place, or mark the file 'draft: true' until it is ready
            """])
        try fixture.edit("Content/" + file.relativePath, replacing: "【待填写】在此撰写正文。", with: "开放日当天，家长走进课堂。")
        let report = try fixture.check()
        #expect(report.diagnostics.errors.isEmpty, "\(report.diagnostics.errors.map(\.formatted))")
        _ = try fixture.build()
        let page = try fixture.read("Public/bases/dazu-longgang-kindergarten/open-day/index.html")
        // A report on 2023 entered in 2026 is dated the year after its own.
        #expect(page.contains("家长开放日: &quot;亲子&quot; 阅读") && page.contains(kind == .report ? "2024年" : "2026年11月29日"))
    }

    @Test func anUnfinishedDraftIsNotAnError() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let file = try Scaffold.writeUp(in: context(fixture), base: "dazu-longgang-kindergarten", kind: .event,
                                        title: "开放日", slug: "open-day", today: today)
        try Scaffold.write(file, in: context(fixture))
        try fixture.edit("Content/" + file.relativePath, replacing: "kind: event\n", with: "kind: event\ndraft: true\n")
        #expect(try fixture.check().diagnostics.errors.isEmpty)
    }

    @Test func aReportNeedsTheYearItIsAbout() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        #expect(throws: Scaffold.Problem.reportNeedsYear(suggested: 2025)) {
            try Scaffold.writeUp(in: context(fixture), base: "xiushan-library", kind: .report, title: "年度报告", slug: "r", today: today)
        }
        #expect(throws: Scaffold.Problem.reportYearOutOfRange(2027, today: 2026)) {
            try Scaffold.writeUp(in: context(fixture), base: "xiushan-library", kind: .report, title: "年度报告", slug: "r", year: 2027, today: today)
        }
        let thisYear = try Scaffold.writeUp(in: context(fixture), base: "xiushan-library", kind: .report, title: "年度报告", slug: "r",
                                            year: 2025, today: today)
        #expect(thisYear.text.contains("date: 2026-11-29\nkind: report\nyear: 2025\n"))
    }

    @Test func theNextBulletinNumberAndSerialAreComputed() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let second = try Scaffold.bulletin(in: context(fixture), year: 2021, title: nil, today: today)
        #expect(second.relativePath == "bulletins/2021-2.md")
        // The example bulletin is not counted: the first real issue is 总第1期.
        #expect(second.text.contains("\nserial: 1   # 总第N期，发出后不再改动\n"))
        try Scaffold.write(second, in: context(fixture))
        let third = try Scaffold.bulletin(in: context(fixture), year: 2021, title: nil, today: today)
        #expect(third.relativePath == "bulletins/2021-3.md" && third.text.contains("\nserial: 2 "))
        #expect(try Scaffold.bulletin(in: context(fixture), year: 2026, title: "专题", today: today).relativePath == "bulletins/2026-1.md")
        #expect(try fixture.check().diagnostics.sorted.filter { $0.severity == .error }.map(\.formatted) == ["""
            Content/bulletins/2021-2.md:2:1: error: the bulletin lists no write-ups under 'items'
                hint: add the write-ups it prints, one per line as '- base-id/file-name', or mark it 'draft: true' until it is ready
            """, """
            Content/bulletins/2021-2.md:15:9: error: the text 【待填写】 that 'bulletin new' wrote is still here, so the page is not finished
                hint: write the real text in its place, or mark the file 'draft: true' until it is ready
            """])
        try Scaffold.write(filledIn(third), in: context(fixture))
        try FileManager.default.removeItem(at: fixture.url("Content/bulletins/2021-2.md"))
        try Scaffold.write(filledIn(second), in: context(fixture))
        #expect(try fixture.check().diagnostics.errors.isEmpty)
    }

    /// An editor turns an optional field on by deleting the '# ' before it: what is left is
    /// valid, and what still waits for the editor's text is marked, never published as it is.
    @Test func optionalLinesCanBeTurnedOnByDeletingTheirMark() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let files = [
            try Scaffold.writeUp(in: context(fixture), base: "xiushan-library", kind: .event, title: "开放日", slug: "open-day", today: today),
            try Scaffold.bulletin(in: context(fixture), year: 2021, title: nil, today: today),
            try Scaffold.notice(in: context(fixture), title: "通知", slug: "n", today: today),
        ]
        for var file in files {
            let optional = ["# models:", "# summary:", "# cover:", "# distribution:", "#   报:", "#   送:", "#   发:", "# number:", "# attachments:",
                            "#   - title:", "#     file:"]
            file.text = file.text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                optional.contains { line.hasPrefix($0) } ? String(line.dropFirst(2)) : String(line)
            }.joined(separator: "\n").replacingOccurrences(of: "photo.jpg", with: "missing.jpg")
            try Scaffold.write(file, in: context(fixture))
        }
        let errors = try fixture.check().diagnostics.errors
        let kinds = Set(errors.map(\.code))
        #expect(kinds.isSubset(of: [.placeholderLeft, .bulletinWithoutItems, .coverMissing, .attachmentFileMissing]), "\(errors.map(\.formatted))")
        #expect(errors.contains { $0.location.path.hasSuffix("open-day.md") && $0.location.line == 7 }, "the summary waits for its text")
    }

    @Test func aNewNoticeNamesTheOrganisersAndIsPublishedOnceWritten() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let notice = try Scaffold.notice(in: context(fixture), title: "2025 Annual Meeting 年度推进会", slug: nil, today: today)
        #expect(notice.relativePath == "notices/2025-annual-meeting-nian-du-tui-jin-hui.md")
        #expect(notice.text.contains("issuers:\n  - \"重庆市妇女联合会\"\n  - \"重庆市教育委员会\""))
        try Scaffold.write(notice, in: context(fixture))
        #expect(try fixture.check().diagnostics.errors.map(\.message) == ["the text 【待填写】 that 'bulletin new' wrote is still here, so the page is not finished"])
        try FileManager.default.removeItem(at: fixture.url("Content/" + notice.relativePath))
        try Scaffold.write(filledIn(notice), in: context(fixture))
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
            try Scaffold.writeUp(in: context(fixture), base: "xiushan-library", kind: .report, title: title, slug: "hostile", year: 2023,
                                 today: today),
            try Scaffold.notice(in: context(fixture), title: title, slug: "hostile", today: today),
            try Scaffold.bulletin(in: context(fixture), year: 2026, title: title, today: today),
        ]
        for file in made {
            #expect(file.text.split(separator: "\n").filter { $0.hasPrefix("title: ") }.count == 1, "\(file.text)")
            try Scaffold.write(filledIn(file), in: context(fixture))
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
        #expect(throws: Scaffold.Problem.needsSlug(title: "？！")) {
            try Scaffold.notice(in: context(fixture), title: "？！", slug: nil, today: today)
        }
        #expect(throws: Scaffold.Problem.invalidSlug("Open Day")) {
            try Scaffold.notice(in: context(fixture), title: "x", slug: "Open Day", today: today)
        }
        #expect(throws: Scaffold.Problem.unknownBase("wanzhou-shahe", hint: Message(.didYouMean, ["suggestion": "wanzhou-shahe-primary"]))) {
            try Scaffold.writeUp(in: context(fixture), base: "wanzhou-shahe", kind: .event, title: "x", slug: "x", today: today)
        }
    }
}
