import Foundation

/// Names made of '/'-separated parts (file paths, 'base/slug' references), grouped by their folder
/// and by their last part, so that "did you mean" weighs a misspelt name against the names in its
/// folder and the names like it in other folders, not against every name of the site.
package struct SuggestionIndex: Sendable {
    private let groups: Groups

    package init(_ names: some Sequence<String>) {
        groups = Groups(Array(names))
    }

    private var names: NearestNames { groups.made.names }
    private var byFolder: [Substring: NearestNames] { groups.made.byFolder }
    private var byLastPart: [Substring: NearestNames] { groups.made.byLastPart }

    /// The names grouped for looking up, made the first time a name is not found: a build with
    /// no broken reference never needs them, and grouping the pages of a large site took a
    /// hundredth of a second on one core while the other waited.
    private final class Groups: @unchecked Sendable {
        typealias Made = (names: NearestNames, byFolder: [Substring: NearestNames], byLastPart: [Substring: NearestNames])
        private let given: [String]
        // Guarded by `lock`: suggestions are asked for on several cores at once.
        private var grouped: Made?
        private let lock = NSLock()

        init(_ given: [String]) {
            self.given = given
        }

        var made: Made {
            lock.lock()
            defer { lock.unlock() }
            if let grouped { return grouped }
            var byFolder: [Substring: [String]] = [:]
            var byLastPart: [Substring: [String]] = [:]
            for name in given {
                let (folder, last) = SuggestionIndex.split(name)
                byFolder[folder, default: []].append(name)
                byLastPart[last, default: []].append(name)
            }
            let made = (NearestNames(given), byFolder.mapValues(NearestNames.init), byLastPart.mapValues(NearestNames.init))
            grouped = made
            return made
        }
    }

    /// The nearest spelling among the names beside `name` and the names with its last part.
    package func nearest(to name: String) -> String? {
        let (folder, last) = Self.split(name)
        return Suggestion.nearest(to: name, in: (byFolder[folder]?.candidates(for: name) ?? [])
                                      + (byLastPart[last]?.candidates(for: name) ?? []))
    }

    /// As `Suggestion.hint`: the nearest spelling, or every name when there are few.
    package func hint(for name: String) -> Message? {
        let cleaned = TextCharacters.removingInvisible(name)
        if cleaned != name, names.contains(cleaned) {
            return Suggestion.invisibleHint(name, meaning: cleaned)
        }
        return Suggestion.hint(for: name, nearest: nearest(to: name), among: names.names.count <= Suggestion.listedWhole ? names.names : [])
    }

    fileprivate static func split(_ name: String) -> (folder: Substring, last: Substring) {
        guard let slash = name.lastIndex(of: "/") else { return ("", name[...]) }
        return (name[..<slash], name[name.index(after: slash)...])
    }
}
