import Foundation
import BulletinSupport

/// Lists the files of a folder tree, refusing anything that would lead outside it.
package enum ContentTree {
    package struct Listing {
        package var files: [String] = []
        package var diagnostics: [Diagnostic] = []
        /// Modification time and size of each file, to tell which changed since the last listing.
        package var stamps: [String: FileStamp] = [:]
    }

    /// Relative paths of all regular files under `root`, sorted (anything else that is not a folder
    /// is an error); hidden files are skipped
    /// (editors' and operating systems' own files such as .DS_Store or .gitkeep).
    /// `hidden` lists hidden files too, for a folder whose every file matters (the output).
    package static func list(root: URL, displayRoot: String, role: String = "content", hidden: Bool = false) -> Listing {
        var listing = Listing()
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            listing.diagnostics.append(.error(at: SourceLocation(path: displayRoot), 
                                              role == "templates" ? .templatesFolderMissing : role == "output" ? .outputFolderMissing
                                                  : .contentFolderMissing))
            return listing
        }
        let realRoot = root.resolvingSymlinksInPath().standardizedFileURL.path
        walk(folder: root.path, relative: "", realRoot: realRoot, displayRoot: displayRoot, hidden: hidden, into: &listing)
        listing.files.sort()
        return listing
    }

    private static func walk(folder: String, relative: String, realRoot: String, displayRoot: String, hidden: Bool,
                             into listing: inout Listing) {
        let display = relative.isEmpty ? displayRoot : displayRoot + "/" + relative
        guard let directory = opendir(folder) else {
            listing.diagnostics.append(.error(at: SourceLocation(path: display), .folderUnreadable))
            return
        }
        // Entries are looked at through the open folder (a path would be walked from the root again
        // for each of them), which is closed before going down: one folder open at a time.
        let descriptor = dirfd(directory)
        let entries = entryNames(of: directory).sorted(by: { $0.name < $1.name }).filter { hidden || !$0.name.hasPrefix(".") }.map { name, isUTF8 in
            (name: name, kind: kind(of: name, isUTF8: isUTF8, in: descriptor, path: folder + "/" + name, realRoot: realRoot))
        }
        closedir(directory)
        // Folders side by side (a base's write-ups, the search index's parts) are listed on all
        // cores, then taken in order as if listed one after the other.
        let folders = entries.indices.filter { if case .folder = entries[$0].kind { true } else { false } }
        let sublistings = Dictionary(uniqueKeysWithValues: zip(folders, folders.parallelMap { index in
            var sublisting = Listing()
            let name = entries[index].name
            walk(folder: folder + "/" + name, relative: relative.isEmpty ? name : relative + "/" + name, realRoot: realRoot,
                 displayRoot: displayRoot, hidden: hidden, into: &sublisting)
            return sublisting
        }))
        for (index, (name, kind)) in entries.enumerated() {
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            let childDisplay = displayRoot + "/" + childRelative
            switch kind {
            case .file(let stamp):
                listing.files.append(childRelative)
                listing.stamps[childRelative] = stamp
            case .folder:
                let sublisting = sublistings[index]!
                listing.files += sublisting.files
                listing.stamps.merge(sublisting.stamps) { first, _ in first }
                listing.diagnostics += sublisting.diagnostics
            case .gone:
                break
            case let .refused(message):
                listing.diagnostics.append(.error(at: SourceLocation(path: childDisplay), message))
            }
        }
    }

    private enum EntryKind {
        case file(FileStamp)
        case folder
        /// Removed since the folder was read: simply not part of this listing.
        case gone
        case refused(Message)
    }

    private static func kind(of name: String, isUTF8: Bool, in descriptor: Int32, path: String, realRoot: String) -> EntryKind {
        guard isUTF8 else {
            return .refused(Message(.fileNameNotUtf8))
        }
        if let found = TextCharacters.firstForbidden(in: name) {
            return .refused(Message(.fileNameControlCharacter, ["character": TextCharacters.visible(found.scalar)]))
        }
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            if errno == ENOENT { return .gone }
            return .refused(Message(.fileDetailsUnreadable, ["reason": String(cString: strerror(errno))]))
        }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            // Resolving costs a stat per path component, so only links are resolved.
            let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
            guard real == realRoot || real.hasPrefix(realRoot + "/") else {
                return .refused(Message(.linkOutsideContentFolder))
            }
            guard stat(path, &info) == 0 else {
                return .refused(Message(.linkBroken))
            }
            // A link to its own folder or one above it would be walked into again and again.
            let container = URL(fileURLWithPath: path).deletingLastPathComponent().resolvingSymlinksInPath().standardizedFileURL.path
            if (info.st_mode & S_IFMT) == S_IFDIR, container == real || container.hasPrefix(real + "/") {
                return .refused(Message(.linkLoop))
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file(FileStamp(info))
        default:
            // Never opened: a named pipe waits for a writer, and a device never ends.
            return .refused(Message(specialKind(info.st_mode)))
        }
    }

    private static func specialKind(_ mode: mode_t) -> MessageCode {
        switch mode & S_IFMT {
        case S_IFIFO: return .notARegularFilePipe
        case S_IFSOCK: return .notARegularFileSocket
        case S_IFCHR, S_IFBLK: return .notARegularFileDevice
        default: return .notARegularFile
        }
    }

    /// The names in an open folder (without `.` and `..`). A name that is not UTF-8 comes
    /// repaired, and marked: it names no file as it is.
    private static func entryNames(of directory: OpaquePointer) -> [(name: String, isUTF8: Bool)] {
        var names: [(String, Bool)] = []
        while let entry = readdir(directory) {
            let (name, isUTF8) = withUnsafeBytes(of: entry.pointee.d_name) { raw -> (String, Bool) in
                let characters = raw.bindMemory(to: CChar.self).baseAddress!
                if let valid = String(validatingCString: characters) { return (valid, true) }
                return (String(cString: characters), false)
            }
            if name != "." && name != ".." { names.append((name, isUTF8)) }
        }
        return names
    }
}

/// The stamps of every file below a folder: two snapshots differ when any file was changed,
/// added or removed. Hidden files are left out, as the loaders leave them out.
public enum FolderSnapshot {
    public static func take(_ folder: URL) -> [String: FileStamp] {
        ContentTree.list(root: folder, displayRoot: "").stamps
    }
}

