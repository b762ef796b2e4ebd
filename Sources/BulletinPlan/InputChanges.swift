import BulletinModel
import BulletinSearch
import BulletinLoad
import BulletinSupport

/// What differs between the inputs of the last plan and this one, asked of each output's recorded
/// inputs: an output whose recorded inputs are all as they were is planned as it was.
struct InputChanges {
    private let previous: PlanInputs
    private let current: PlanInputs
    /// Kinds whose entries came, went or moved.
    private var members: Set<EntryKind> = []
    /// Entries that differ in any field (or exist on one side only), each with both values.
    private var entries: [EntryKey: (previous: FieldReader?, current: FieldReader?)] = [:]
    /// Shared lookups whose own recorded inputs changed.
    private(set) var lookups: Set<LookupKind> = []
    /// Each field compared once, however many outputs read it.
    private let compared = ComparedFields()

    init(from previous: PlanInputs, previousKeys: EntryKeys, to current: PlanInputs, currentKeys: EntryKeys) {
        self.previous = previous
        self.current = current
        entries[EntryKey(kind: .facts, id: "")] = ({ previous[keyPath: $0] }, { current[keyPath: $0] })
        compare(.base, previous.site.bases, current.site.bases, previousKeys, currentKeys)
        compare(.writeUp, previous.site.writeUps, current.site.writeUps, previousKeys, currentKeys)
        compare(.bulletin, previous.site.bulletins, current.site.bulletins, previousKeys, currentKeys)
        compare(.notice, previous.site.notices, current.site.notices, previousKeys, currentKeys)
        compare(.model, previous.site.models, current.site.models, previousKeys, currentKeys)
        compare(.page, previous.site.pages, current.site.pages, previousKeys, currentKeys)
    }

    private mutating func compare<Entry: Equatable>(_ kind: EntryKind, _ before: [Entry], _ after: [Entry],
                                                    _ previousKeys: EntryKeys, _ currentKeys: EntryKeys) {
        let beforeIDs = previousKeys[kind], afterIDs = currentKeys[kind]
        if beforeIDs != afterIDs { members.insert(kind) }
        var placeBefore: [String: Int] = [:]
        placeBefore.reserveCapacity(beforeIDs.count)
        for (index, id) in beforeIDs.enumerated() { placeBefore[id] = index }
        for (index, id) in afterIDs.enumerated() {
            if let old = placeBefore.removeValue(forKey: id) {
                if before[old] != after[index] { entries[EntryKey(kind: kind, id: id)] = (reader(before[old]), reader(after[index])) }
            } else {
                entries[EntryKey(kind: kind, id: id)] = (nil, reader(after[index]))
            }
        }
        for (id, old) in placeBefore { entries[EntryKey(kind: kind, id: id)] = (reader(before[old]), nil) }
    }

    /// Counts a shared lookup as changed (one made from other outputs, such as the search documents).
    mutating func lookupChanged(_ kind: LookupKind) {
        lookups.insert(kind)
    }

    /// Records which shared lookups changed, given what each read last time.
    mutating func settle(lookups previousLookups: [LookupKind: RecordedInputs]) {
        for kind in LookupKind.allCases where kind != .searchDocuments {
            if let recorded = previousLookups[kind], !touches(recorded) { continue }
            lookups.insert(kind)
        }
    }

    /// Whether any of `recorded` differs now.
    func touches(_ recorded: RecordedInputs) -> Bool {
        if !members.isDisjoint(with: recorded.members) || !lookups.isDisjoint(with: recorded.lookups) { return true }
        if entries.count <= recorded.fields.count {
            for (key, values) in entries {
                if let paths = recorded.fields[key], paths.contains(where: { differs(key, $0, values) }) { return true }
            }
        } else {
            for (key, paths) in recorded.fields {
                if let values = entries[key], paths.contains(where: { differs(key, $0, values) }) { return true }
            }
        }
        return false
    }

    private func differs(_ key: EntryKey, _ field: FieldPath, _ values: (previous: FieldReader?, current: FieldReader?)) -> Bool {
        compared.result(for: key, ObjectIdentifier(field.path)) { differs(field, values) }
    }

    /// A field that is not `Hashable` counts as changed: it cannot be compared.
    private func differs(_ field: FieldPath, _ values: (previous: FieldReader?, current: FieldReader?)) -> Bool {
        guard let before = values.previous, let after = values.current,
              let old = before(field.path) as? AnyHashable, let new = after(field.path) as? AnyHashable
        else { return true }
        return old != new
    }

    private typealias FieldReader = (AnyKeyPath) -> Any?

    private func reader<Entry>(_ entry: Entry) -> FieldReader { { entry[keyPath: $0] } }
}

/// The fields compared so far in one plan, by entry and key path. Planning asks from one thread.
private final class ComparedFields: @unchecked Sendable {
    private struct Field: Hashable {
        var key: EntryKey
        var path: ObjectIdentifier
    }

    private var results: [Field: Bool] = [:]

    func result(for key: EntryKey, _ path: ObjectIdentifier, compare: () -> Bool) -> Bool {
        let field = Field(key: key, path: path)
        if let known = results[field] { return known }
        let differs = compare()
        results[field] = differs
        return differs
    }
}
