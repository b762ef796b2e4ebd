import Foundation
#if canImport(Glibc)
import Glibc
import BulletinRender
import BulletinModel
import BulletinLoad
import BulletinSupport
#endif

/// The site a build replaced, kept beside the output folder (`.Public.previous`) for the next build
/// to write into: deleting the old site of 10,000 write-ups and making its 20,000 files and folders
/// anew took longer than building the new one. The next build takes the folder as its staging
/// folder, first removing anything it must not write through (links, special files, files with
/// other names elsewhere), overwrites it, removes what it did not write, and swaps it in as before.
package enum PreviousSite {
    static func folder(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).previous")
    }

    /// What is left in a kept folder made safe to write into: its files, and the folders from which
    /// something was removed, to remove what the build does not write and the folders left empty.
    struct Contents {
        var files = Set<String>()
        var clearedFolders = Set<String>()
    }

    /// Moves the kept folder to `staging` and makes it safe to write into. Nil when there is no
    /// kept folder built by this tool (the caller then makes an empty one).
    static func take(for output: URL, as staging: URL) -> Contents? {
        let kept = folder(for: output)
        var info = stat()
        // A real folder (not a link to one elsewhere) that this tool built.
        guard lstat(kept.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR,
              FileManager.default.fileExists(atPath: kept.appendingPathComponent(OutputWriter.markerName).path),
              rename(kept.path, staging.path) == 0
        else { return nil }
        var contents = Contents()
        guard clear(staging.path, relative: "", into: &contents) else {
            try? FileManager.default.removeItem(at: staging)
            return nil
        }
        return contents
    }

    /// Moves the kept folder to `staging` as it is, when this session left it holding `files`.
    /// Nil when it is not there (the caller then writes every file).
    static func takeAsLeft(for output: URL, as staging: URL, holding files: Set<String>) -> Contents? {
        let kept = folder(for: output)
        if files.isEmpty {
            return FileManager.default.fileExists(atPath: kept.path) ? nil : Contents()
        }
        guard rename(kept.path, staging.path) == 0 else { return nil }
        return Contents(files: files)
    }

    /// Makes the kept folder a copy of the output folder whose files are second names of the
    /// output's (`files`, as the writer wrote them), for a session whose next run will only write
    /// what changed: that run then finds the folder holding every file as it must be. Made under
    /// a staging name, so a run killed meanwhile leaves a folder the next build removes. Returns
    /// whether the kept folder now holds `files`.
    package static func keepLinkedCopy(of output: URL, files: [String]) -> Bool {
        let kept = folder(for: output)
        guard !FileManager.default.fileExists(atPath: kept.path) else { return false }
        let staging = OutputWriter.stagingFolder(for: output)
        let (live, root) = (output.path, staging.path)
        let linked = files.parallelMap { path in (try? FileSystemCalls.link(from: live + "/" + path, to: root + "/" + path)) != nil }
        guard linked.allSatisfy({ $0 }), rename(staging.path, kept.path) == 0 else {
            try? FileManager.default.removeItem(at: staging)
            return false
        }
        return true
    }

    /// Keeps the site just replaced (now at `staging`) for the next build. A kept folder that is in
    /// the way (another build's, made meanwhile) is left as it is, and this one removed.
    static func keep(_ staging: URL, for output: URL) {
        guard FileManager.default.fileExists(atPath: staging.path) else { return }
        if rename(staging.path, folder(for: output).path) != 0 {
            try? FileManager.default.removeItem(at: staging)
        }
    }

    /// Removes the files found in the kept folder that the build did not write, and the folders
    /// that leaves empty.
    static func removeLeftovers(_ found: Contents, keeping written: Set<String>, in staging: URL) {
        let root = staging.path
        var folders = Set<String>()
        func mayBeEmpty(_ folder: String) {
            var folder = folder
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        for path in found.files.subtracting(written) {
            unlink(root + "/" + path)
            mayBeEmpty((path as NSString).deletingLastPathComponent)
        }
        found.clearedFolders.forEach(mayBeEmpty)
        // Deepest first; a folder that still holds files stays.
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            rmdir(root + "/" + folder)
        }
    }

    /// Walks the folder without following links: regular files with a single name are kept and
    /// listed; links, special files and files that are also named elsewhere (a hard-linked copy
    /// of the site, say) are removed, so that writing over a path can only ever change this
    /// folder. Returns false when the folder cannot be walked or cleared.
    private static func clear(_ path: String, relative: String, into contents: inout Contents) -> Bool {
        guard let directory = opendir(path) else { return false }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        var subfolders: [String] = []
        var entries = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            entries += 1
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                subfolders.append(name)
            case S_IFREG where info.st_nlink == 1:
                contents.files.insert(childRelative)
            default:
                guard unlinkat(descriptor, name, 0) == 0 else { return false }
                contents.clearedFolders.insert(relative)
            }
        }
        // An empty folder is one the build may not fill.
        if entries == 0 { contents.clearedFolders.insert(relative) }
        for name in subfolders {
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            guard clear(path + "/" + name, relative: childRelative, into: &contents) else { return false }
        }
        return true
    }
}
