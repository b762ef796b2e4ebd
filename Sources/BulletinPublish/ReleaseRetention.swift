/// Which releases a publication removes: all but the newest `keeping`, and never the one served.
/// The ones kept are what `--rollback` can go back to.
public enum ReleaseRetention {
    public static let defaultKept = 5

    public static func removable(_ releases: [ReleaseName], served: ReleaseName?, keeping: Int) -> [ReleaseName] {
        let newestFirst = releases.sorted(by: >)
        return newestFirst.dropFirst(max(keeping, 1)).filter { $0 != served }.sorted()
    }

    /// The release `--rollback` switches to: the newest one older than the served one.
    public static func previous(_ releases: [ReleaseName], served: ReleaseName?) -> ReleaseName? {
        guard let served else { return nil }
        return releases.filter { $0 < served }.max()
    }
}
