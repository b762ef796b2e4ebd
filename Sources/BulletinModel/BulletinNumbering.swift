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
            let what = draft.fields.example ? "an example bulletin" : "a supplement (增刊)"
            diagnostics.append(.error(at: serial.location, "\(what) has no 总第N期",
                                      hint: "remove the line 'serial: \(serial.value)'"))
        }
        let counted = bulletins.filter { isCounted($0.fields) }
            .sorted { ($0.fields.year, $0.fields.number) < ($1.fields.year, $1.fields.number) }
        var previous: (serial: Int, draft: Draft<EntryReaders.BulletinFields>)?
        var owners: [Int: String] = [:]
        for draft in counted {
            let fields = draft.fields
            guard let serial = fields.serial else {
                diagnostics.append(.error(at: fields.location, "missing required field 'serial' (总第N期)",
                                          hint: "add 'serial: \((previous?.serial ?? 0) + 1)': regular issues are numbered one after another over all years"))
                continue
            }
            if let owner = owners[serial.value] {
                diagnostics.append(.error(at: serial.location, "总第\(serial.value)期 is given to \(owner) too",
                                          hint: "each issue has its own number; the next free one follows the highest"))
                continue
            }
            owners[serial.value] = draft.source.displayPath
            if let previous {
                let earlier = "\(previous.draft.fields.year)年第\(previous.draft.fields.number)期"
                if serial.value < previous.serial {
                    diagnostics.append(.error(at: serial.location,
                                              "总第\(serial.value)期 is lower than 总第\(previous.serial)期 of the earlier issue \(earlier) (\(previous.draft.source.displayPath))",
                                              hint: "总第N期 rises with year and number; check 'serial', 'year' and 'number' of both"))
                    continue
                }
                if serial.value > previous.serial + 1 {
                    diagnostics.append(.error(at: serial.location,
                                              "总第\(serial.value)期 follows 总第\(previous.serial)期 (\(earlier)): 总第\(previous.serial + 1)期 is missing",
                                              hint: "number the issues one after another; an issue not ready yet keeps its number with 'draft: true'"))
                }
            }
            previous = (serial.value, draft)
        }
        return diagnostics
    }
}
