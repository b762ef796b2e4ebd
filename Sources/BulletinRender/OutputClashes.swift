import Foundation
import BulletinPlan
import Mustache
import BulletinLoad
import BulletinSupport

/// Content files that would be published where the site writes a file of its own: a page, the
/// feed, a search file, a theme file, or with `--precompress` a compressed copy. Both would be
/// written, by two cores, and which one stayed was a matter of timing; the content file is refused.
package enum OutputClashes {
    /// `contentPages` gives the address of every Markdown file that becomes a page, by its path
    /// in the content folder.
    package static func diagnostics(_ plan: SitePlan, templates: TemplateSet, precompress: Bool, contentPages: [String: String],
                                    contentDisplayRoot: String) -> [Diagnostic] {
        pageClashes(plan, contentPages: contentPages, contentDisplayRoot: contentDisplayRoot)
            + fileClashes(plan, templates: templates, precompress: precompress, contentDisplayRoot: contentDisplayRoot)
    }

    /// Markdown files whose page takes an address the site gives a page of its own (an attachment
    /// page named like a batch's list of bases): the sitemap and the search index would list the
    /// address twice, and one page would silently replace the other.
    private static func pageClashes(_ plan: SitePlan, contentPages: [String: String], contentDisplayRoot: String) -> [Diagnostic] {
        var claims: [String: Int] = [:]
        for page in plan.pages { claims[page.path, default: 0] += 1 }
        guard claims.values.contains(where: { $0 > 1 }) else { return [] }
        let templates = Dictionary(plan.pages.compactMap { page -> (String, String)? in
            if case let .template(name, _) = page.content { return (page.path, name) }
            return nil
        }, uniquingKeysWith: { first, _ in first })
        return contentPages.sorted { $0.key < $1.key }.compactMap { relative, address in
            let file = address + "index.html"
            guard let count = claims[file], count > 1 else { return nil }
            let at = SourceLocation(path: contentDisplayRoot + "/" + relative)
            if let template = templates[file] {
                return .error(at: at, .pageAddressTakenByTemplate, ["address": address, "template": template])
            }
            return .error(at: at, .pageAddressTaken, ["address": address])
        }
    }

    private static func fileClashes(_ plan: SitePlan, templates: TemplateSet, precompress: Bool,
                                    contentDisplayRoot: String) -> [Diagnostic] {
        let made = Set(plan.pages.map { $0.path } + SiteRenderer.themeFiles(templates).map(\.file.path))
        var compressedCopies: [String: String] = [:]
        if precompress {
            for path in made.union(plan.copies) where Precompression.isCompressible(path) {
                compressedCopies[path + ".gz"] = path
            }
        }
        return plan.copies.compactMap { path in
            let at = SourceLocation(path: contentDisplayRoot + "/" + path)
            if made.contains(path) {
                return .error(at: at, .fileAddressTaken, ["path": path])
            }
            if let original = compressedCopies[path] {
                return .error(at: at, .fileAddressPrecompressed, ["path": path, "original": original])
            }
            return nil
        }
    }
}
