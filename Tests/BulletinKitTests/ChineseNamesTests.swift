import Foundation
import Testing
@testable import BulletinKit
@testable import BulletinLoad
@testable import BulletinModel
@testable import BulletinSupport

/// Editors type Chinese: a base by its name, a kind or a category by the label the site shows.
@Suite struct ChineseNamesTests {
    let asOf = PartialDate(year: 2023, month: 6, day: 1)

    func model(_ fixture: Fixture) -> (Site?, Diagnostics) {
        SiteBuilder.build(ContentLoader.load(from: fixture.folders.content, displayRoot: "Content"), options: BuildOptions(asOf: asOf))
    }

    func errors(_ fixture: Fixture) -> [String] {
        model(fixture).1.errors.map(\.formatted)
    }

    @Test func aKindIsItsCodeOrItsLabel() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        for (label, kind) in [("特色做法", WriteUpKind.practice), ("年度报告", .report), ("活动", .event)] {
            try fixture.write("Content/bases/xiushan-library/\(kind.rawValue)-label.md", "---\ntitle: 标签\ndate: 2021\nkind: \(label)\n---\n")
        }
        let site = try #require(model(fixture).0)
        for kind in WriteUpKind.allCases {
            #expect(site.writeUps.first { $0.reference == "xiushan-library/\(kind.rawValue)-label" }?.kind == kind)
        }
        #expect(WriteUpKind(written: "活动") == .event && WriteUpKind(written: "event") == .event && WriteUpKind(written: "活") == nil)

        try fixture.write("Content/bases/xiushan-library/event-label.md", "---\ntitle: 标签\ndate: 2021\nkind: 活\n---\n")
        #expect(errors(fixture) == ["""
            Content/bases/xiushan-library/event-label.md:4:7: error: unknown kind '活'
                hint: did you mean '活动'? expected one of: practice (特色做法), report (年度报告), event (活动)
            """])
        try fixture.write("Content/bases/xiushan-library/event-label.md", "---\ntitle: 标签\ndate: 2021\nkind: news\n---\n")
        #expect(errors(fixture) == ["""
            Content/bases/xiushan-library/event-label.md:4:7: error: unknown kind 'news'
                hint: expected one of: practice (特色做法), report (年度报告), event (活动)
            """])
    }

    @Test func aCategoryIsItsCodeOrItsLabel() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.edit("Content/bases.yaml", replacing: "    category: school\n", with: "    category: 学校\n")
        try fixture.edit("Content/bases.yaml", replacing: "    category: kindergarten\n", with: "    category: 幼儿园\n")
        try fixture.edit("Content/bases.yaml", replacing: "    category: centre\n", with: "    category: 中心\n")
        try fixture.edit("Content/bases.yaml", replacing: "    category: community\n", with: "    category: 社区\n")
        try fixture.edit("Content/bases.yaml", replacing: "    category: centre\n", with: "    category: 妇女儿童中心\n")
        try fixture.edit("Content/bases.yaml", replacing: "    category: village\n", with: "    category: 村\n")
        try fixture.edit("Content/bases.yaml", replacing: "    category: library\n", with: "    category: 图书馆\n")
        let site = try #require(model(fixture).0)
        let categories = Dictionary(uniqueKeysWithValues: site.bases.map { ($0.id, $0.category) })
        #expect(categories["wanzhou-shahe-primary"] == .school && categories["dadukou-kindergarten"] == .kindergarten)
        #expect(categories["jiangbei-women-children-centre"] == .centre && categories["jiangjin-women-children-centre"] == .centre)
        #expect(categories["shapingba-fengtianlu-community"] == .community && categories["bishan-xiguan-village"] == .village)
        #expect(categories["xiushan-library"] == .library)

        try fixture.edit("Content/bases.yaml", replacing: "    category: 学校\n", with: "    category: 小学\n")
        #expect(errors(fixture) == ["""
            Content/bases.yaml:14:15: error: unknown category '小学'
                hint: did you mean '学校'? expected one of: school (学校), kindergarten (幼儿园), community (社区), village (村), \
            centre (妇女儿童中心, 中心), library (图书馆)
            """])
    }

    /// `base-id/slug` and `基地全称/slug` are the same item: the same page is built.
    @Test func anItemByTheBaseNameBuildsTheSamePage() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let page = "Public/bulletins/2021/1/index.html"
        #expect(try fixture.build().succeeded)
        let byID = try fixture.read(page)
        #expect(byID.contains("示例：特色做法稿件的写法") && byID.contains("示例：活动稿件的写法"))
        try fixture.edit("Content/bulletins/2021-1.md", replacing: "  - wanzhou-shahe-primary/example-practice\n  - bishan-xiguan-village/example-event\n",
                         with: "  - 万州区沙河小学/example-practice\n  - 璧山区七塘镇 喜观村/example-event\n")
        #expect(try fixture.build().succeeded)
        #expect(try fixture.read(page) == byID)
        let site = try #require(model(fixture).0)
        #expect(site.bulletins.first?.items == ["wanzhou-shahe-primary/example-practice", "bishan-xiguan-village/example-event"])
    }

    @Test func anItemByAnUnknownNameGetsTheNearestNames() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.edit("Content/bulletins/2021-1.md", replacing: "  - bishan-xiguan-village/example-event\n",
                         with: "  - 万州区沙河小学/example-practice\n  - 万州区沙河中学/example-practice\n  - 沙河小学/example-practice\n"
                            + "  - 妇女儿童活动中心/x\n  - 万州区沙河小学/example-practise\n  - 西关村/example-event\n")
        #expect(errors(fixture) == [
            "Content/bulletins/2021-1.md:9:5: error: the write-up '万州区沙河小学/example-practice' is listed twice\n    hint: remove one of the lines",
            "Content/bulletins/2021-1.md:10:5: error: unknown write-up '万州区沙河中学/example-practice'\n"
                + "    hint: did you mean '万州区沙河小学/example-practice'?",
            "Content/bulletins/2021-1.md:11:5: error: unknown write-up '沙河小学/example-practice'\n"
                + "    hint: did you mean '万州区沙河小学/example-practice'? a bulletin names a base by its id or its full name",
            "Content/bulletins/2021-1.md:12:5: error: unknown write-up '妇女儿童活动中心/x'\n"
                + "    hint: did you mean '江北区妇女儿童活动中心/x' or '江津区妇女儿童活动中心/x' or '丰都县妇女儿童活动中心/x'?",
            "Content/bulletins/2021-1.md:13:5: error: unknown write-up '万州区沙河小学/example-practise'\n"
                + "    hint: did you mean 'wanzhou-shahe-primary/example-practice'?",
            "Content/bulletins/2021-1.md:14:5: error: unknown write-up '西关村/example-event'\n"
                + "    hint: did you mean '璧山区七塘镇喜观村/example-event'? '西关村' sounds like '喜观村' in it: "
                + "the input method may have picked the wrong characters",
        ])
    }

    /// An editor knows a write-up by its title: an item typed as the title, bare or in 《》, is
    /// told the reference to write.
    @Test func anItemTypedAsATitleGetsItsReference() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.edit("Content/bulletins/2021-1.md", replacing: "  - bishan-xiguan-village/example-event\n",
                         with: "  - 《示例：活动稿件的写法》\n  - 示例：特色做法稿件\n")
        #expect(errors(fixture) == [
            "Content/bulletins/2021-1.md:9:5: error: unknown write-up '《示例：活动稿件的写法》'\n"
                + "    hint: name the write-up titled '示例：活动稿件的写法' by its base's id and its file name: 'bishan-xiguan-village/example-event'",
            "Content/bulletins/2021-1.md:10:5: error: unknown write-up '示例：特色做法稿件'\n"
                + "    hint: expected one of: bishan-xiguan-village/example-event, wanzhou-shahe-primary/example-photos, "
                + "wanzhou-shahe-primary/example-practice, xiushan-library/example-report",
        ])
        let chinese = try fixture.check().diagnostics.errors.first?.formatted(in: .chinese)
        #expect(chinese == "Content/bulletins/2021-1.md:9:5: 错误：未知的稿件 '《示例：活动稿件的写法》'\n"
            + "    提示：标题为“示例：活动稿件的写法”的稿件请写成“基地 id/文件名”：'bishan-xiguan-village/example-event'")
    }

    /// A name typed with characters that sound like the base's (the input method's slip) is
    /// found by its syllables; a name that shares characters, or too little, is not.
    @Test func aBaseNameTypedWithHomophonesIsFoundBySound() {
        let names = BaseNames([BaseNames.Entry(id: "wanzhou-shahe-primary", name: "万州区沙河小学"),
                               BaseNames.Entry(id: "bishan-xiguan-village", name: "璧山区七塘镇喜观村")])
        #expect(names.soundingLike("西关村").map(\.entry.id) == ["bishan-xiguan-village"])
        #expect(names.soundingLike("西关村").map(\.part) == ["喜观村"])
        #expect(names.soundingLike("万州区沙和小学").map(\.part) == ["万州区沙河小学"])
        #expect(names.soundingLike("沙河").isEmpty, "the same characters are a part of the name, not a slip")
        #expect(names.soundingLike("西").isEmpty && names.soundingLike("xiguan").isEmpty && names.soundingLike("沙河中学").isEmpty)
        let scaffold = Scaffold.Problem.unknownBase("西关村", hint: names.hint(for: "西关村", .unknown, listHint: Message(.listBasesHint)))
        #expect(scaffold.formatted(in: .chinese)
            == "未知的基地 '西关村'\n    提示：是否应为 '璧山区七塘镇喜观村'？'西关村' 与其中的 '喜观村' 读音相同，可能是输入法选错了字")
    }
}
