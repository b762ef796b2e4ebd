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

    @Test func viewsBecomeObjectsAndListsOfTheirValues() throws {
        let view = View(count: 3, share: 0.5, total: 9_000_000_000, ready: true, missing: nil,
                        items: [Item(title: "家校社", note: nil), Item(title: "协同", note: "注")], rows: [["a", "b"], []])
        let data = TemplateData.convert(view)
        #expect(data == [
            "count": 3, "share": "0.5", "total": 9_000_000_000, "ready": true,
            "items": [["title": "家校社"], ["title": "协同", "note": "注"]],
            "rows": [["a", "b"], []],
        ])
    }
}
