import Foundation
import BulletinPlan
import Mustache
import BulletinLoad
import BulletinSupport

/// Content files that would be published where the site writes a file of its own: a page, the
/// feed, a search file, a theme file, or with `--precompress` a compressed copy. Both would be
/// written, by two cores, and which one stayed was a matter of timing; the content file is refused.
package enum OutputClashes {
    package static func diagnostics(_ plan: SitePlan, templates: TemplateSet, precompress: Bool,
                            contentDisplayRoot: String) -> [Diagnostic] {
        let made = Set(plan.pages.map(\.path) + SiteRenderer.themeFiles(templates).map(\.file.path))
        var compressedCopies: [String: String] = [:]
        if precompress {
            for path in made.union(plan.copies) where Precompression.isCompressible(path) {
                compressedCopies[path + ".gz"] = path
            }
        }
        return plan.copies.compactMap { path in
            let at = SourceLocation(path: contentDisplayRoot + "/" + path)
            if made.contains(path) {
                return .error(at: at, "this file would be published at /\(path), which the site makes itself",
                              hint: "rename or move the file: every file of the content folder is published at its own path")
            }
            if let original = compressedCopies[path] {
                return .error(at: at, "this file would be published at /\(path), where --precompress may write the compressed copy of /\(original)",
                              hint: "remove the file: --precompress makes that copy")
            }
            return nil
        }
    }
}
