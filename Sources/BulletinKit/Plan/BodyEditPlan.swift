/// The pages a write-up's body reaches: its own page, the bulletins that print it, and the search
/// index. Lists of write-ups, the home page and the feed show its summary or, without one, the
/// start of its text; they stay as they were while that does.
extension SitePlanner {
    /// Whether every page that lists `current` shows it as it showed `previous`, which differs only in its body.
    static func listingsUnchanged(_ current: WriteUp, previous: WriteUp) -> Bool {
        current.summary != nil
            || (current.body.excerpt() == previous.body.excerpt() && current.body.excerpt(200) == previous.body.excerpt(200))
    }

    /// The pages that show the bodies of `writeUps`, planned again from `site`, which holds them
    /// already; the search index is updated in place. Nil when it cannot be (its shards would
    /// change): the site is then planned whole.
    static func pagesShowingBodies(of writeUps: [WriteUp], in site: Site, assets: [String: String],
                                          searchCache: SearchIndexCache) -> [PlannedPage]? {
        let planner = Planner(site: site, assets: assets, searchCache: searchCache)
        guard let searchFiles = searchCache.replace(writeUps.map(planner.searchDocument(of:))) else { return nil }
        var pages = writeUps.map(planner.writeUpPage)
        let references = Set(writeUps.map(\.reference))
        for bulletin in site.bulletins where bulletin.items.contains(where: references.contains) {
            pages.append(planner.bulletinPage(bulletin))
        }
        return pages + searchFiles.map { PlannedPage(path: $0.path, content: .bytes($0.bytes)) }
    }
}
