import Foundation
import Testing
@testable import BulletinPublish

/// Release names, which ones are kept, and the record and listing as the server scripts print them.
@Suite struct ReleaseTests {
    static let noon = Date(timeIntervalSince1970: 1_796_558_400) // 2026-12-06 12:00:00 UTC

    @Test func namesAreTheUTCTimeAndSortAfterEveryRelease() throws {
        #expect(ReleaseName.next(at: Self.noon, after: []).description == "20261206T120000Z")
        let existing = try #require(ReleaseName("20261206T120000Z"))
        #expect(ReleaseName.next(at: Self.noon, after: [existing]).description == "20261206T120000Z-2")
        // A clock set back still names the new release after the newest.
        let later = try #require(ReleaseName("20261207T080000Z-3"))
        #expect(ReleaseName.next(at: Self.noon, after: [existing, later]).description == "20261207T080000Z-4")
        #expect(ReleaseName("20261207T080000Z-10")! > ReleaseName("20261207T080000Z-9")!)
    }

    @Test(arguments: ["", "current", "20261206T120000", "20261206-120000Z", "20261206T120000Z-1", "20261206T120000Z-x", "../x",
                      "2026120６T120000Z"])
    func otherFolderNamesAreNotReleases(_ text: String) {
        #expect(ReleaseName(text) == nil)
    }

    @Test func theNewestAreKeptAndTheServedOneAlways() throws {
        let names = try (1...8).map { try #require(ReleaseName("2026120\($0)T120000Z")) }
        #expect(ReleaseRetention.removable(names, served: names[7], keeping: 5).map(\.description)
            == ["20261201T120000Z", "20261202T120000Z", "20261203T120000Z"])
        // Rolled back to an old one: it stays.
        #expect(ReleaseRetention.removable(names, served: names[0], keeping: 5).map(\.description)
            == ["20261202T120000Z", "20261203T120000Z"])
        #expect(ReleaseRetention.removable(Array(names.prefix(3)), served: names[2], keeping: 5).isEmpty)
    }

    @Test func rollbackGoesToTheNewestOlderThanTheServed() throws {
        let names = try (1...4).map { try #require(ReleaseName("2026120\($0)T120000Z")) }
        #expect(ReleaseRetention.previous(names, served: names[3]) == names[2])
        #expect(ReleaseRetention.previous(names, served: names[2]) == names[1])
        #expect(ReleaseRetention.previous(names, served: names[0]) == nil)
        #expect(ReleaseRetention.previous(names, served: nil) == nil)
    }

    @Test func aRecordReadsBackAndPassesOverLinesItDoesNotKnow() {
        let record = ReleaseRecord(summary: SiteSummary(pages: 120, files: 400, bytes: 9_000_000), sentFiles: 7, version: "0.9.0", at: Self.noon)
        #expect(record.published == "2026-12-06T12:00:00Z")
        #expect(ReleaseRecord(text: record.text + "\nsigned=someone") == record)
    }

    @Test func aListingAsTheServerPrintsIt() throws {
        let printed = """
            current 20261206T120000Z
            release 20261205T090000Z
              published=2026-12-05T09:00:00Z
              pages=10
            release 20261206T120000Z
              published=2026-12-06T12:00:00Z
              pages=11
              sent=3
            release old-copy
              pages=1
            """
        let listing = ReleaseListing(printed: printed)
        #expect(listing.served?.description == "20261206T120000Z")
        #expect(listing.names.map(\.description) == ["20261205T090000Z", "20261206T120000Z"])
        #expect(listing.releases[1].record.pages == 11)
        #expect(listing.releases[1].record.sentFiles == 3)
        #expect(ReleaseListing(printed: "current \n").served == nil)
    }
}
