import Foundation
import BulletinSupport

/// Finds a base from what an editor typed: its id, as always, or its Chinese name.
///
/// A file keeps a base by its id or by its full name only. Part of a name is accepted where it
/// is resolved once, on the command line: in a file, a part that is unique today could name two
/// bases once another one is added to bases.yaml, and a bulletin that built would stop building.
public struct BaseNames: Sendable {
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var name: String

        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }

        /// `万州区沙河小学 (wanzhou-shahe-primary)`
        public var described: String { "\(name) (\(id))" }
    }

    public enum Match: Sendable, Equatable {
        case id(String)
        /// Found by its full name, or by part of it.
        case name(Entry)
        /// More than one base has this name, or this part of a name.
        case ambiguous([Entry])
        case unknown
    }

    public let entries: [Entry]
    private let ids: Set<String>
    /// The entries' names as they are compared, in the same order.
    private let names: [String]

    public init(_ entries: [Entry]) {
        self.entries = entries
        ids = Set(entries.map(\.id))
        names = entries.map { Self.normalized($0.name) }
    }

    /// Names are compared without spaces and with full-width letters and digits as half-width,
    /// as an input method may type them.
    static func normalized(_ text: String) -> String {
        String(text.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace })
    }

    /// The shortest part of a name that is looked for: one character names too many bases.
    static let shortestPart = 2

    public func match(_ written: String, allowingPart: Bool) -> Match {
        if ids.contains(written) { return .id(written) }
        let wanted = Self.normalized(written)
        guard !wanted.isEmpty else { return .unknown }
        let named = entries.indices.filter { names[$0] == wanted }.map { entries[$0] }
        if named.count == 1 { return .name(named[0]) }
        if named.count > 1 { return .ambiguous(named) }
        guard allowingPart, wanted.count >= Self.shortestPart else { return .unknown }
        let containing = entries.indices.filter { names[$0].contains(wanted) }.map { entries[$0] }
        switch containing.count {
        case 0: return .unknown
        case 1: return .name(containing[0])
        default: return .ambiguous(containing)
        }
    }

    /// The bases whose names share the longest run of characters with what was typed (at least
    /// two), at most three, in bases.yaml's order: "沙河小学校" → 万州区沙河小学.
    public func nearest(to written: String) -> [Entry] {
        let wanted = Array(Self.normalized(written))
        guard wanted.count >= Self.shortestPart else { return [] }
        let scored = entries.indices.map { (entries[$0], Self.longestCommonRun(wanted, Array(names[$0]))) }
        guard let best = scored.map(\.1).max(), best >= Self.shortestPart else { return [] }
        return Array(scored.filter { $0.1 == best }.map(\.0).prefix(3))
    }

    /// What an unknown or ambiguous base is told. Ids suggest ids, as before; anything else
    /// suggests names.
    public func hint(for written: String, _ match: Match, listHint: Message) -> Message {
        switch match {
        case .ambiguous(let found):
            let shown = found.prefix(5).map(\.described).joined(separator: ", ")
            if found.count > 5 { return Message(.baseCouldBeMore, ["candidates": shown, "more": String(found.count - 5)]) }
            return Message(.baseCouldBe, ["candidates": shown])
        default:
            if written.unicodeScalars.allSatisfy(\.isASCII) {
                return Suggestion.hint(for: written, in: entries.map(\.id)) ?? listHint
            }
            let near = nearest(to: written)
            guard !near.isEmpty else { return listHint }
            return Message(.didYouMeanOneOf, ["alternatives": Message.alternatives(near.map { "'\($0.name)'" })])
        }
    }

    static func longestCommonRun(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        var best = 0
        for i in 1...a.count {
            for j in 1...b.count {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : 0
                best = max(best, current[j])
            }
            swap(&previous, &current)
        }
        return best
    }
}
