import Foundation

/// The known names of one kind (model ids, base ids, the write-ups of a folder), ready for
/// "did you mean" on many unknown names. A short list is searched whole, as `Suggestion.nearest`
/// does. A long one is not: thousands of unknown names among thousands of known ones would cost
/// millions of comparisons. There, a name is weighed against its neighbours in alphabetical order
/// and in the order of the names read backwards: a slip leaves either the part before it or the
/// part after it intact, and names sharing that part sort next to the name.
package struct NearestNames: Sendable {
    /// Up to this many names, every one is compared.
    static let searchedWhole = 60
    /// Neighbours taken on each side of a name, in each of the two orders.
    static let neighbours = 15

    /// In the order given.
    package let names: [String]
    private let known: Set<String>
    /// Made for a long list only, when the first unknown name is looked up: most runs have none,
    /// and sorting the site's 10,000 write-up addresses read backwards took a fifth of the model
    /// stage.
    private let orders: Orders?

    package init(_ names: some Sequence<String>) {
        self.names = Array(names)
        known = Set(self.names)
        orders = self.names.count > Self.searchedWhole ? Orders() : nil
    }

    package func contains(_ name: String) -> Bool { known.contains(name) }

    /// The nearest spelling of `name`, or nil when none is close enough.
    package func nearest(to name: String) -> String? {
        Suggestion.nearest(to: name, in: candidates(for: name))
    }

    /// As `Suggestion.hint`: the nearest spelling, or every name when there are few.
    package func hint(for name: String) -> Message? {
        let cleaned = TextCharacters.removingInvisible(name)
        if cleaned != name, contains(cleaned) {
            return Suggestion.invisibleHint(name, meaning: cleaned)
        }
        // Only a short list is ever shown whole; a long one is not searched a second time.
        return Suggestion.hint(for: name, nearest: nearest(to: name), among: names.count <= Suggestion.listedWhole ? names : [])
    }

    /// The names `name` is compared with: all of them, or its neighbours when they are many.
    package func candidates(for name: String) -> [String] {
        guard let orders else { return names }
        let (sorted, sortedBackwards) = orders.made(from: known)
        let reversed = String(name.reversed())
        let forward = Self.window(sorted, around: Self.insertionPoint(of: name, in: sorted, by: { $0 }))
        let backward = Self.window(sortedBackwards, around: Self.insertionPoint(of: reversed, in: sortedBackwards, by: \.reversed))
        var seen: Set<String> = []
        return (forward + backward.map(\.name)).filter { seen.insert($0).inserted }
    }

    private static func insertionPoint<Element>(of key: String, in list: [Element], by text: (Element) -> String) -> Int {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if text(list[middle]) < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func window<Element>(_ list: [Element], around point: Int) -> ArraySlice<Element> {
        list[max(0, point - neighbours)..<min(list.count, point + neighbours)]
    }
}

/// The names in alphabetical order, and read backwards in alphabetical order, made once by the
/// first lookup of whichever thread gets there first.
private final class Orders: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var orders: (sorted: [String], backwards: [(reversed: String, name: String)])?

    func made(from names: Set<String>) -> (sorted: [String], backwards: [(reversed: String, name: String)]) {
        lock.withLock {
            if let orders { return orders }
            let backwards: [(reversed: String, name: String)] = names.map { (String($0.reversed()), $0) }
            let made = (sorted: names.sorted(), backwards: backwards.sorted { $0.reversed < $1.reversed })
            orders = made
            return made
        }
    }
}
