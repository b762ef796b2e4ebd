import BulletinLoad
import BulletinSupport

/// 总第N期 runs over all regular issues of all years; supplements (增刊) and examples have none.
/// It is written in each bulletin's file (`serial:`), never computed: a number printed on an
/// issue sent to the offices may not change because another file was added, removed or made an
/// example. `bulletin new bulletin` writes the next one, and the numbers are checked here: given
/// where they belong, each once, rising with year and number, without a gap.
public enum BulletinNumbering {
    /// Newest first.
    static func newestFirst(_ bulletins: [Bulletin]) -> [Bulletin] {
        bulletins.sorted { ($1.date, $1.year, $1.number) < ($0.date, $0.year, $0.number) }
    }

    /// Whether the bulletin is counted: a regular issue that is not an example.
    package static func isCounted(_ fields: EntryReaders.BulletinFields) -> Bool { !fields.supplement && !fields.example }

    /// The problems of the serials of `bulletins`: every bulletin file, drafts included, as a
    /// draft keeps the number it will be published with.
    static func check(_ bulletins: [Draft<EntryReaders.BulletinFields>]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for draft in bulletins where !isCounted(draft.fields) {
            guard let serial = draft.fields.serial else { continue }
            diagnostics.append(.error(at: serial.location, draft.fields.example ? .serialOnExample : .serialOnSupplement,
                                      ["serial": String(serial.value)]))
        }
        let counted = bulletins.filter { isCounted($0.fields) }
            .sorted { ($0.fields.year, $0.fields.number) < ($1.fields.year, $1.fields.number) }
        var previous: (serial: Int, draft: Draft<EntryReaders.BulletinFields>)?
        var owners: [Int: String] = [:]
        for draft in counted {
            let fields = draft.fields
            guard let serial = fields.serial else {
                diagnostics.append(.error(at: fields.location, .serialMissing, ["next": String((previous?.serial ?? 0) + 1)]))
                continue
            }
            if let owner = owners[serial.value] {
                diagnostics.append(.error(at: serial.location, .serialTwice, ["serial": String(serial.value), "owner": owner]))
                continue
            }
            owners[serial.value] = draft.source.displayPath
            if let previous {
                let earlier = ["previous": String(previous.serial), "earlierYear": String(previous.draft.fields.year),
                               "earlierNumber": String(previous.draft.fields.number), "serial": String(serial.value)]
                if serial.value < previous.serial {
                    diagnostics.append(.error(at: serial.location, .serialLowerThanEarlier,
                                              earlier.merging(["earlierFile": previous.draft.source.displayPath]) { $1 }))
                    continue
                }
                if serial.value > previous.serial + 1 {
                    diagnostics.append(.error(at: serial.location, .serialGap,
                                              earlier.merging(["missing": String(previous.serial + 1)]) { $1 }))
                }
            }
            previous = (serial.value, draft)
        }
        return diagnostics
    }
}
