import Testing
@testable import BulletinKit

@Suite struct TemplateDataTests {
    struct Item: Encodable {
        var title: String
        var note: String?
    }

    struct View: Encodable {
        var count: Int
        var share: Float
        var total: Int64
        var ready: Bool
        var missing: String?
        var items: [Item]
        var rows: [[String]]
    }

    @Test func viewsBecomeDictionariesAndArraysOfTheirValues() throws {
        let view = View(count: 3, share: 0.5, total: 9_000_000_000, ready: true, missing: nil,
                        items: [Item(title: "家校社", note: nil), Item(title: "协同", note: "注")], rows: [["a", "b"], []])
        let data = try #require(TemplateData.convert(view) as? [String: Any])
        #expect(data["count"] as? Int == 3)
        #expect(data["share"] as? Float == 0.5)
        #expect(data["total"] as? Int64 == 9_000_000_000)
        #expect(data["ready"] as? Bool == true)
        #expect(data["missing"] == nil)
        let items = try #require(data["items"] as? [[String: Any]])
        #expect(items.map { $0["title"] as? String } == ["家校社", "协同"])
        #expect(items[0]["note"] == nil && items[1]["note"] as? String == "注")
        #expect(data["rows"] as? [[String]] == [["a", "b"], []])
    }
}
