/// The pages a write-up's body reaches: its own page, the bulletins that print it, and the search
/// index. Lists of write-ups, the home page and the feed show its summary or, without one, the
/// start of its text; they stay as they were while that does. These pages show no other
/// write-up than the ones they print, so a site holding only those write-ups plans them the same.
extension SitePlanner {
    /// What the pages that list a write-up show of its body: nothing when it has a summary.
    static func listingFingerprint(_ writeUp: WriteUp) -> UInt64 {
        guard writeUp.summary == nil else { return 0 }
        return FNV1a.hash("\(writeUp.body.excerpt())\u{0}\(writeUp.body.excerpt(200))".utf8)
    }

    /// Whether every page that lists `current` shows it as it showed `previous`, which differs only in its body.
    static func listingsUnchanged(_ current: WriteUp, previous: WriteUp) -> Bool {
        listingFingerprint(current) == listingFingerprint(previous)
    }

    /// The pages that show the bodies of `writeUps` (the search index aside), planned again from
    /// `site`, which holds them already and every write-up the bulletins that print them print;
    /// and their search documents, as the whole site's index has them, for the caller to update
    /// the index files with.
    static func pagesShowingBodies(of writeUps: [WriteUp], in site: Site, assets: [String: String])
        -> (pages: [PlannedPage], searchDocuments: [SearchDocument]) {
        let planner = Planner(site: site, assets: assets)
        var pages = writeUps.map(planner.writeUpPage)
        let references = Set(writeUps.map(\.reference))
        for bulletin in site.bulletins where bulletin.items.contains(where: references.contains) {
            pages.append(planner.bulletinPage(bulletin))
        }
        return (pages, writeUps.map(planner.searchDocument(of:)))
    }
}
