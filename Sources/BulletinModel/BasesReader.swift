import BulletinLoad
import BulletinSupport

/// Reads bases.yaml: the naming batches and the base registry.
enum BasesReader {
    struct Result {
        var batches: [Batch] = []
        var bases: [Base] = []
        /// Notice slugs named by batches and revocations, checked once notices are known.
        var noticeReferences: [Located<String>] = []
        /// Every id written in the file, including those of bases with errors, so that their
        /// write-ups are not reported a second time as belonging to an unknown base.
        var declaredIDs: Set<String> = []
        var diagnostics: [Diagnostic] = []
    }

    static func read(_ document: YAMLDocument, districts: [String]) -> Result {
        var result = Result()
        var fields: FieldReader
        do { fields = try document.fields() } catch { return Result(diagnostics: [error]) }
        var batchesByID: [String: Batch] = [:]

        for var entry in fields.list("batches", required: true) {
            let id = entry.located("id", required: true)
            let name = entry.string("name", required: true)
            let notice = entry.located("notice")
            let from = entry.int("validFrom", required: true, range: 1900...2999)
            let to = entry.int("validTo", required: true, range: 1900...2999)
            if let from, let to, to < from {
                entry.report(.error(at: entry.location(ofField: "validTo"), .batchYearsReversed, ["to": String(to), "from": String(from)]))
            }
            if let id, batchesByID[id.value] != nil {
                entry.report(.error(at: id.location, .batchIdTwice, ["id": TextCharacters.shown(id.value)]))
            }
            result.diagnostics += entry.finish(known: [])
            if let notice { result.noticeReferences.append(notice) }
            if let id, let name, let from, let to {
                let batch = Batch(id: id.value, name: name, noticeSlug: notice?.value, validFrom: from, validTo: max(from, to))
                result.batches.append(batch)
                if batchesByID[id.value] == nil { batchesByID[id.value] = batch }
            }
        }
        let batchIDs = NearestNames(result.batches.map(\.id))
        let listedDistricts = NearestNames(districts)

        var ids: Set<String> = []
        for var entry in fields.list("bases", required: true) {
            let id = entry.located("id", required: true)
            let name = entry.string("name", required: true)
            let district = entry.located("district")
            let category = entry.located("category", required: true)
            let batchID = entry.located("batch", required: true)
            let address = entry.string("address")
            let intro = entry.string("intro")
            var revocation: Revocation?
            if var revoked = entry.fields("revoked") {
                let date = revoked.date("date", required: true)
                let reason = revoked.string("reason", required: true)
                let notice = revoked.located("notice")
                if let notice { result.noticeReferences.append(notice) }
                result.diagnostics += revoked.finish(known: [])
                if let date, let reason {
                    revocation = Revocation(date: date, reason: reason, noticeSlug: notice?.value)
                }
            }
            if let id {
                result.declaredIDs.insert(id.value)
                if !Slug.isValid(id.value) {
                    entry.report(.error(at: id.location, .baseIdNotAddress, ["id": TextCharacters.shown(id.value)]))
                } else if !ids.insert(id.value).inserted {
                    entry.report(.error(at: id.location, .baseIdTwice, ["id": TextCharacters.shown(id.value)]))
                }
            }
            if let district, !listedDistricts.contains(district.value) {
                entry.report(.error(at: district.location, .districtNotListed, ["district": TextCharacters.shown(district.value)],
                                    hint: listedDistricts.hint(for: district.value)))
            }
            let parsedCategory = category.flatMap { BaseCategory(written: $0.value) }
            if let category, parsedCategory == nil {
                entry.report(.error(at: category.location, .unknownCategory, ["category": TextCharacters.shown(category.value)],
                                    hint: BaseCategory.hint(for: category.value)))
            }
            let batch = batchID.flatMap { batchesByID[$0.value] }
            if let batchID, batch == nil {
                entry.report(.error(at: batchID.location, .basesUnknownBatch, ["batch": TextCharacters.shown(batchID.value)],
                                    hint: batchIDs.hint(for: batchID.value)))
            }
            if let name, district == nil {
                entry.report(.warning(at: entry.location, .baseWithoutDistrict, ["name": TextCharacters.shown(name)]))
            }
            result.diagnostics += entry.finish(known: [])
            if let id, let name, let parsedCategory, let batch {
                result.bases.append(Base(id: id.value, name: name, district: district?.value, category: parsedCategory,
                                         batch: batch, address: address, intro: intro, revocation: revocation,
                                         order: result.bases.count))
            }
        }
        result.diagnostics = fields.finish(known: []) + result.diagnostics
        return result
    }
}
