import BulletinModel
import BulletinSearch
import BulletinLoad
import BulletinSupport

/// What planning reads: the site, and where the theme's static files are published.
public struct PlanInputs: Sendable {
    public var site: Site
    /// Theme file → published (fingerprinted) path.
    public var assets: [String: String]

    public init(site: Site, assets: [String: String]) {
        self.site = site
        self.assets = assets
    }
}

/// The kinds of entries planning reads one by one. `facts` is the one entry of site-wide facts
/// (`PlanInputs` itself: the configuration, the as-of day, the theme's files…).
enum EntryKind: Int, Sendable, CaseIterable {
    case facts, base, writeUp, bulletin, notice, model, page
}

/// An entry by its kind and the id that stays the same from one build to the next.
struct EntryKey: Hashable, Sendable {
    var kind: EntryKind
    var id: String
}

/// The ids of every entry of a site, by kind and place.
struct EntryKeys: Sendable, Equatable {
    private var ids: [[String]]

    init(_ site: Site) {
        ids = Array(repeating: [], count: EntryKind.allCases.count)
        ids[EntryKind.facts.rawValue] = [""]
        ids[EntryKind.base.rawValue] = site.bases.map(\.id)
        ids[EntryKind.writeUp.rawValue] = site.writeUps.indices.map {
            WriteUp.reference(baseID: site.writeUps.field(at: $0, \.baseID), slug: site.writeUps.field(at: $0, \.slug))
        }
        ids[EntryKind.bulletin.rawValue] = site.bulletins.map(Self.id(of:))
        ids[EntryKind.notice.rawValue] = site.notices.map(\.slug)
        ids[EntryKind.model.rawValue] = site.models.map(\.id)
        ids[EntryKind.page.rawValue] = site.pages.map(\.slug)
    }

    static func id(of bulletin: Bulletin) -> String { "\(bulletin.year)/\(bulletin.pathComponent)" }

    subscript(kind: EntryKind) -> [String] { ids[kind.rawValue] }

    func key(_ kind: EntryKind, at index: Int) -> EntryKey { EntryKey(kind: kind, id: ids[kind.rawValue][index]) }
}

/// What one planned output was made from, recorded while it was planned: fields of entries (by
/// key path, so any field read anywhere in planning is recorded), which entries of a kind there
/// are and in what order, and the shared lookups it used.
struct RecordedInputs: Sendable {
    var fields: [EntryKey: [FieldPath]] = [:]
    var members: Set<EntryKind> = []
    var lookups: Set<LookupKind> = []
}

/// A key path read from an entry. Key paths are compared by identity while recording (a literal
/// is one object), which only decides how often a path is listed, never whether it is.
struct FieldPath: @unchecked Sendable {
    let path: AnyKeyPath
}

/// Collects the reads of one planned output. Each output is planned on one thread, with its own.
/// One that is not `recording` collects nothing, for a plan that keeps no record.
final class DependencyRecorder {
    private let recording: Bool
    private var fields: [(kind: EntryKind, index: Int, path: AnyKeyPath)] = []
    private var members: Set<EntryKind> = []
    private var lookups: Set<LookupKind> = []

    init(recording: Bool = true) {
        self.recording = recording
    }

    func field(_ kind: EntryKind, _ index: Int, _ path: AnyKeyPath) {
        if recording { fields.append((kind, index, path)) }
    }

    func members(_ kind: EntryKind) {
        if recording { members.insert(kind) }
    }

    func lookup(_ kind: LookupKind) {
        if recording { lookups.insert(kind) }
    }

    /// The reads sorted by entry and path, so that an entry's reads lie together and a repeated read
    /// next to the first: a page reads the same field many times, and hashing every read into a
    /// set, then every entry's id into the result, cost a third of planning.
    func finish(_ keys: EntryKeys) -> RecordedInputs {
        var recorded = RecordedInputs(members: members, lookups: lookups)
        let reads = fields.sorted { ($0.kind.rawValue, $0.index, ObjectIdentifier($0.path)) < ($1.kind.rawValue, $1.index, ObjectIdentifier($1.path)) }
        var start = 0
        while start < reads.count {
            let (kind, index) = (reads[start].kind, reads[start].index)
            var paths = [FieldPath(path: reads[start].path)]
            var next = start + 1
            while next < reads.count, reads[next].kind == kind, reads[next].index == index {
                if reads[next].path !== reads[next - 1].path { paths.append(FieldPath(path: reads[next].path)) }
                next += 1
            }
            recorded.fields[keys.key(kind, at: index)] = paths
            start = next
        }
        return recorded
    }
}

/// An entry as planning reads it: every field read through it is recorded. It holds the list the
/// entry is in and its place, not a copy of the entry: copying an entry retains each of its fields.
@dynamicMemberLookup
struct Tracked<Entry> {
    private let entries: [Entry]
    private let kind: EntryKind
    private let index: Int
    private let recorder: DependencyRecorder

    init(_ entries: [Entry], at index: Int, kind: EntryKind, recorder: DependencyRecorder) {
        self.entries = entries
        self.kind = kind
        self.index = index
        self.recorder = recorder
    }

    subscript<Value>(dynamicMember path: KeyPath<Entry, Value>) -> Value {
        recorder.field(kind, index, path)
        return entries.field(at: index, path)
    }

    /// The whole entry, for functions of the model that take one: every field counts as read.
    var whole: Entry {
        recorder.field(kind, index, \Entry.self)
        return entries[index]
    }
}

extension Tracked where Entry == WriteUp {
    /// From the two stored fields it is made of: a computed field read through a key path copies
    /// the whole entry, body and all, and planning reads this one several times a page.
    var reference: String { WriteUp.reference(baseID: self.baseID, slug: self.slug) }
}

/// The entries of one kind, in the site's order: reading the list records which entries there
/// are; each element records its own fields.
struct TrackedList<Entry>: RandomAccessCollection {
    private let entries: [Entry]
    private let kind: EntryKind
    private let recorder: DependencyRecorder

    init(_ entries: [Entry], kind: EntryKind, recorder: DependencyRecorder) {
        self.entries = entries
        self.kind = kind
        self.recorder = recorder
        recorder.members(kind)
    }

    var startIndex: Int { entries.startIndex }
    var endIndex: Int { entries.endIndex }

    subscript(position: Int) -> Tracked<Entry> {
        Tracked(entries, at: position, kind: kind, recorder: recorder)
    }
}
