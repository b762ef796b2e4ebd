import BulletinLoad
import BulletinSupport

/// Write-ups whose year or date cannot be right. An annual report counts in the reports table
/// for its base and year, so one for a year the base was not named for, after it was revoked,
/// or a second one for the same year is an error; a date after the build day, or a report dated
/// far from its year, is a warning (it may be right, but is more often a typing slip).
enum ReportRules {
    static func check(_ writeUps: [Draft<EntryReaders.WriteUpFields>], bases: [Base], asOf: PartialDate) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let basesByID = Dictionary(bases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var firstReports: [String: String] = [:]
        for draft in writeUps.sorted(by: { $0.source.relativePath < $1.source.relativePath }) {
            let fields = draft.fields
            if !fields.date.starts(onOrBefore: asOf) {
                diagnostics.append(.warning(at: fields.dateLocation, .dateAfterBuildDay, ["date": fields.date.iso, "today": asOf.iso]))
            }
            guard fields.kind == .report, !fields.example, let base = basesByID[fields.baseID.value] else { continue }
            let year = fields.year
            if !base.batch.years.contains(year) {
                diagnostics.append(.error(at: fields.yearLocation, .reportOutsideNaming,
                                          ["year": String(year), "base": base.name, "from": String(base.batch.validFrom),
                                           "to": String(base.batch.validTo)]))
            } else if let revocation = base.revocation, revocation.date.year < year {
                diagnostics.append(.error(at: fields.yearLocation, .reportAfterRevocation,
                                          ["year": String(year), "base": base.name, "revoked": revocation.date.iso]))
            } else if let first = firstReports["\(base.id)/\(year)"] {
                diagnostics.append(.error(at: fields.yearLocation, .reportYearTwice, ["year": String(year), "base": base.name, "first": first]))
            } else {
                firstReports["\(base.id)/\(year)"] = draft.source.displayPath
            }
            if fields.date.year < year || fields.date.year > year + 1 {
                diagnostics.append(.warning(at: fields.yearLocation, .reportDatedFarFromYear, ["year": String(year), "date": fields.date.iso]))
            }
        }
        return diagnostics
    }
}
