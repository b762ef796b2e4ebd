/// Names made of '/'-separated parts (file paths, 'base/slug' references), grouped by their folder
/// and by their last part, so that "did you mean" weighs a misspelt name against the names in its
/// folder and the names like it in other folders, not against every name of the site.
package struct SuggestionIndex: Sendable {
    /// In the order given, for the hint that lists them all.
    private let names: [String]
    private var byFolder: [Substring: [String]] = [:]
    private var byLastPart: [Substring: [String]] = [:]

    package init(_ names: some Sequence<String>) {
        self.names = Array(names)
        for name in self.names {
            let (folder, last) = Self.split(name)
            byFolder[folder, default: []].append(name)
            byLastPart[last, default: []].append(name)
        }
    }

    /// The nearest spelling among the names beside `name` and the names with its last part.
    package func nearest(to name: String) -> String? {
        let (folder, last) = Self.split(name)
        return Suggestion.nearest(to: name, in: byFolder[folder, default: []] + byLastPart[last, default: []])
    }

    /// As `Suggestion.hint`: the nearest spelling, or every name when there are few.
    package func hint(for name: String) -> Message? {
        Suggestion.hint(for: name, nearest: nearest(to: name), among: names)
    }

    private static func split(_ name: String) -> (folder: Substring, last: Substring) {
        guard let slash = name.lastIndex(of: "/") else { return ("", name[...]) }
        return (name[..<slash], name[name.index(after: slash)...])
    }
}
