import BulletinLoad
import BulletinSupport

/// A Word document in a base's folder is published as a download as it is. When no page links
/// to it, readers are offered a file without a word about it: most often a write-up a base sent
/// that was dropped in its folder and never turned into one (`bulletin import` does that).
enum UnlinkedDocuments {
    /// A warning at each `.docx` under `bases/` that none of `linked` names.
    static func check(staticFiles: [String], linked: Set<String>, displayPath: (String) -> String) -> [Diagnostic] {
        staticFiles.compactMap { path -> Diagnostic? in
            let parts = path.split(separator: "/", maxSplits: 2)
            guard parts.count == 3, parts[0] == "bases", path.lowercased().hasSuffix(".docx"), !linked.contains(path) else { return nil }
            let link = String(parts[2])
            return .warning(at: SourceLocation(path: displayPath(path)), .docxUnlinked,
                            ["path": displayPath(path), "base": String(parts[1]), "link": link.contains(" ") ? "<\(link)>" : link])
        }
    }
}
