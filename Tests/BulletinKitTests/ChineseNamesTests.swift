import Foundation
import Testing
@testable import BulletinKit
@testable import BulletinLoad
@testable import BulletinModel
@testable import BulletinSupport

/// Editors type Chinese: a kind or a category by the label the site shows.
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
}
