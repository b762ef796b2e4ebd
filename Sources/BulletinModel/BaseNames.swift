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
    /// The names' syllables, made the first time a name is looked for by its sound: only a
    /// mistake needs them.
    private let sounds = NameSounds()

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

    /// The bases whose names hold what was typed read aloud (at least two syllables): a slip of
    /// the input method, 西关村 for the 喜观村 of 璧山区七塘镇喜观村. Each with the part of its name
    /// that sounds the same; at most three, in bases.yaml's order.
    public func soundingLike(_ written: String) -> [(entry: Entry, part: String)] {
        let wanted = Self.normalized(written)
        guard Syllables.holdsChinese(wanted) else { return [] }
        let heard = sounds.syllables(of: wanted)
        guard heard.count >= Self.shortestPart else { return [] }
        let spoken = sounds.syllables(ofNames: names)
        var found: [(entry: Entry, part: String)] = []
        for (index, syllables) in spoken.enumerated() where syllables.count >= heard.count {
            guard let start = (0...(syllables.count - heard.count)).first(where: { Array(syllables[$0..<($0 + heard.count)]) == heard })
            else { continue }
            let part = String(Array(names[index])[start..<(start + heard.count)])
            if part != wanted { found.append((entries[index], part)) }
            if found.count == 3 { break }
        }
        return found
    }

    /// The hint for a name that sounds like one or more bases' names, each suggested as `shown`.
    public func soundHint(for written: String, shown: (Entry) -> String) -> Message? {
        let found = soundingLike(written)
        guard let first = found.first else { return nil }
        if found.count == 1 {
            return Message(.baseSoundsLike, ["suggestion": shown(first.entry), "written": written, "part": first.part])
        }
        return Message(.didYouMeanOneOf, ["alternatives": Message.alternatives(found.map { "'\(shown($0.entry))'" })])
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
            if let sounding = soundHint(for: written, shown: \.name) { return sounding }
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

/// The syllables of the bases' names, made once, on first use, and of each character met, so
/// that a file naming thousands of unknown bases does not read each character aloud again.
private final class NameSounds: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var names: [[String]]?
    private var characters: [Character: String] = [:]

    func syllables(ofNames names: [String]) -> [[String]] {
        lock.lock()
        defer { lock.unlock() }
        if let made = self.names { return made }
        let made = names.map { $0.map(syllable) }
        self.names = made
        return made
    }

    func syllables(of text: String) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        return text.map(syllable)
    }

    // Called with `lock` held.
    private func syllable(_ character: Character) -> String {
        if let known = characters[character] { return known }
        let syllable = Syllables.of(character)
        characters[character] = syllable
        return syllable
    }
}
