import Foundation
import BulletinModel

/// Names of new files: made from the title by `Slug.made(from:)`, and never an existing file's.
extension Scaffold {
    /// `name`, or the first of `name-2`, `name-3`, … that no file or folder in `folder` has yet.
    static func unused(_ name: String, in folder: String, of content: ScaffoldContext) -> String {
        let folderURL = content.root.appendingPathComponent(folder)
        func taken(_ candidate: String) -> Bool {
            FileManager.default.fileExists(atPath: folderURL.appendingPathComponent(candidate + ".md").path)
                || FileManager.default.fileExists(atPath: folderURL.appendingPathComponent(candidate).path)
        }
        return Slug.firstFree(name, taken: taken)
    }

    /// The file name: `--slug` as given; else a name typed at the prompt, as it is when it is
    /// one already, else made like one from the title; else one from the title. A name made here
    /// never names an existing file; one given does, and is refused when the file is written.
    static func chooseSlug(_ given: String?, typed: String?, title: String, in folder: String,
                           of content: ScaffoldContext) throws(Problem) -> String {
        if let given {
            guard Slug.isValid(given) else { throw .invalidSlug(given) }
            return given
        }
        if let typed {
            if Slug.isValid(typed) { return typed }
            guard let made = Slug.made(from: typed) else { throw .unusableFileName(typed) }
            return unused(made, in: folder, of: content)
        }
        guard let made = Slug.made(from: title) else { throw .needsSlug(title: title) }
        return unused(made, in: folder, of: content)
    }
}
