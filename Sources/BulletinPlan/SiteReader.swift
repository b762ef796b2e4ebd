import BulletinModel
import BulletinSearch
import BulletinLoad
import BulletinSupport

/// The site as planning reads it: every read is recorded for the output being planned.
struct SiteReader {
    let inputs: PlanInputs
    let recorder: DependencyRecorder

    func fact<Value>(_ path: KeyPath<PlanInputs, Value>) -> Value {
        recorder.field(.facts, 0, path)
        return field(of: inputs, path)
    }

    var config: SiteConfig { fact(\.site.config) }
    var asOf: PartialDate { fact(\.site.asOf) }
    var staticFiles: [String] { fact(\.site.staticFiles) }
    var assets: [String: String] { fact(\.assets) }

    var bases: TrackedList<Base> { TrackedList(inputs.site.bases, kind: .base, recorder: recorder) }
    var writeUps: TrackedList<WriteUp> { TrackedList(inputs.site.writeUps, kind: .writeUp, recorder: recorder) }
    var bulletins: TrackedList<Bulletin> { TrackedList(inputs.site.bulletins, kind: .bulletin, recorder: recorder) }
    var notices: TrackedList<Notice> { TrackedList(inputs.site.notices, kind: .notice, recorder: recorder) }
    var models: TrackedList<CollaborationModel> { TrackedList(inputs.site.models, kind: .model, recorder: recorder) }
    var pages: TrackedList<FreePage> { TrackedList(inputs.site.pages, kind: .page, recorder: recorder) }

    /// One entry, by its place in this site: whether others came or went is not read.
    func base(at index: Int) -> Tracked<Base> { Tracked(inputs.site.bases, at: index, kind: .base, recorder: recorder) }
    func writeUp(at index: Int) -> Tracked<WriteUp> { Tracked(inputs.site.writeUps, at: index, kind: .writeUp, recorder: recorder) }
    func bulletin(at index: Int) -> Tracked<Bulletin> { Tracked(inputs.site.bulletins, at: index, kind: .bulletin, recorder: recorder) }
    func notice(at index: Int) -> Tracked<Notice> { Tracked(inputs.site.notices, at: index, kind: .notice, recorder: recorder) }
    func model(at index: Int) -> Tracked<CollaborationModel> { Tracked(inputs.site.models, at: index, kind: .model, recorder: recorder) }
    func page(at index: Int) -> Tracked<FreePage> { Tracked(inputs.site.pages, at: index, kind: .page, recorder: recorder) }

    func status(of base: Tracked<Base>) -> BaseStatus { BaseStatus.of(base.whole, asOf: asOf) }
}

/// Lookups shared by every output of a plan, each made once with what it read recorded: an output
/// that uses one depends on what the lookup read.
enum LookupKind: Int, Sendable, CaseIterable {
    case basesByID, writeUpsByBase, writeUpByReference, modelsByID, bulletinsByItem, noticesBySlug
    /// Every search document: made of the documents' own recipes, not read from the site.
    case searchDocuments
}

struct PlannerLookups: Sendable {
    private(set) var basesByID: [String: Int] = [:]
    /// Places in the site's write-ups (newest first), by base.
    private(set) var writeUpsByBase: [String: [Int]] = [:]
    private(set) var writeUpByReference: [String: Int] = [:]
    private(set) var modelsByID: [String: Int] = [:]
    /// The bulletins that print each write-up, by `base-id/slug`.
    private(set) var bulletinsByItem: [String: [Int]] = [:]
    private(set) var noticesBySlug: [String: Int] = [:]
    /// What each lookup read.
    private(set) var inputs: [LookupKind: RecordedInputs] = [:]

    /// Each lookup made anew, or taken from `previous` when it is not among `changed`.
    init(_ planInputs: PlanInputs, keys: EntryKeys, reusing previous: PlannerLookups? = nil, unless changed: Set<LookupKind> = [],
         recording: Bool = true) {
        func made<Value>(_ kind: LookupKind, _ last: Value?, _ make: (SiteReader) -> Value) -> Value {
            if let last, !changed.contains(kind), let recorded = previous?.inputs[kind] {
                inputs[kind] = recorded
                return last
            }
            let recorder = DependencyRecorder(recording: recording)
            let value = make(SiteReader(inputs: planInputs, recorder: recorder))
            inputs[kind] = recorder.finish(keys)
            return value
        }
        basesByID = made(.basesByID, previous?.basesByID) { site in Self.places(site.bases) { $0.id } }
        writeUpsByBase = made(.writeUpsByBase, previous?.writeUpsByBase) { site in
            let writeUps = site.writeUps
            return Dictionary(grouping: writeUps.indices) { writeUps[$0].baseID }
        }
        writeUpByReference = made(.writeUpByReference, previous?.writeUpByReference) { site in Self.places(site.writeUps) { $0.reference } }
        modelsByID = made(.modelsByID, previous?.modelsByID) { site in Self.places(site.models) { $0.id } }
        bulletinsByItem = made(.bulletinsByItem, previous?.bulletinsByItem) { site in
            var places: [String: [Int]] = [:]
            for (index, bulletin) in site.bulletins.enumerated() {
                for item in bulletin.items { places[item, default: []].append(index) }
            }
            return places
        }
        noticesBySlug = made(.noticesBySlug, previous?.noticesBySlug) { site in Self.places(site.notices) { $0.slug } }
    }

    /// The first place of each key.
    private static func places<Entry>(_ list: TrackedList<Entry>, by key: (Tracked<Entry>) -> String) -> [String: Int] {
        Dictionary(list.indices.map { (key(list[$0]), $0) }, uniquingKeysWith: { first, _ in first })
    }
}
