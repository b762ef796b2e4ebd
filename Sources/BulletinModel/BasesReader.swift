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

        for var entry in fields.list("batches", required: true) {
            let id = entry.located("id", required: true)
            let name = entry.string("name", required: true)
            let notice = entry.located("notice")
            let from = entry.int("validFrom", required: true, range: 1900...2999)
            let to = entry.int("validTo", required: true, range: 1900...2999)
            if let from, let to, to < from {
                entry.report(.error(at: entry.location(ofField: "validTo"), "validTo (\(to)) is before validFrom (\(from))",
                                    hint: "a naming valid for 2020—2024 has validFrom: 2020 and validTo: 2024"))
            }
            if let id, result.batches.contains(where: { $0.id == id.value }) {
                entry.report(.error(at: id.location, "the batch id '\(id.value)' is used twice", hint: "give each batch its own id"))
            }
            result.diagnostics += entry.finish(known: [])
            if let notice { result.noticeReferences.append(notice) }
            if let id, let name, let from, let to {
                result.batches.append(Batch(id: id.value, name: name, noticeSlug: notice?.value, validFrom: from, validTo: max(from, to)))
            }
        }

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
                    entry.report(.error(at: id.location, "the base id '\(id.value)' can't be used in an address",
                                        hint: "use lowercase ASCII letters, digits and '-', e.g. wanzhou-shahe-primary"))
                } else if !ids.insert(id.value).inserted {
                    entry.report(.error(at: id.location, "the base id '\(id.value)' is used twice", hint: "give each base its own id"))
                }
            }
            if let district, !districts.contains(district.value) {
                entry.report(.error(at: district.location, "'\(district.value)' is not in the district list of site.yaml",
                                    hint: Suggestion.englishHint(for: district.value, in: districts) ?? "add it to 'districts' in site.yaml, or correct the name"))
            }
            let parsedCategory = category.flatMap { BaseCategory(rawValue: $0.value) }
            if let category, parsedCategory == nil {
                entry.report(.error(at: category.location, "unknown category '\(category.value)'",
                                    hint: Suggestion.englishHint(for: category.value, in: BaseCategory.allCases.map(\.rawValue)) ?? "see README.md for the categories"))
            }
            let batch = batchID.flatMap { ref in result.batches.first { $0.id == ref.value } }
            if let batchID, batch == nil {
                entry.report(.error(at: batchID.location, "unknown batch '\(batchID.value)'",
                                    hint: Suggestion.englishHint(for: batchID.value, in: result.batches.map(\.id)) ?? "declare the batch under 'batches:' first"))
            }
            if let name, district == nil {
                entry.report(.warning(at: entry.location, "the base '\(name)' has no district; it is listed under 区县未注明",
                                      hint: "add 'district: …' once the district is confirmed"))
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

/// The rule for ids and file names that become parts of addresses.
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.utf8.first, first.isASCIILowercase || first.isASCIIDigit else { return false }
        return text.utf8.allSatisfy { $0.isASCIILowercase || $0.isASCIIDigit || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }
}
