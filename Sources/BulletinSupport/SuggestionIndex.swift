/// Names made of '/'-separated parts (file paths, 'base/slug' references), grouped by their folder
/// and by their last part, so that "did you mean" weighs a misspelt name against the names in its
/// folder and the names like it in other folders, not against every name of the site.
package struct SuggestionIndex: Sendable {
    /// In the order given, for the hint that lists them all.
    private let names: NearestNames
    private let byFolder: [Substring: NearestNames]
    private let byLastPart: [Substring: NearestNames]

    package init(_ names: some Sequence<String>) {
        let names = Array(names)
        var byFolder: [Substring: [String]] = [:]
        var byLastPart: [Substring: [String]] = [:]
        for name in names {
            let (folder, last) = Self.split(name)
            byFolder[folder, default: []].append(name)
            byLastPart[last, default: []].append(name)
        }
        self.names = NearestNames(names)
        self.byFolder = byFolder.mapValues(NearestNames.init)
        self.byLastPart = byLastPart.mapValues(NearestNames.init)
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

    private static func split(_ name: String) -> (folder: Substring, last: Substring) {
        guard let slash = name.lastIndex(of: "/") else { return ("", name[...]) }
        return (name[..<slash], name[name.index(after: slash)...])
    }
}
