import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Stage 5: writes the site into a fresh folder beside the output, then swaps it into place,
/// so the output folder is always either the previous site or the new one, complete.
public enum OutputWriter {
    /// Marks a folder as built by this tool: only such a folder is ever replaced.
    public static let markerName = ".bulletin-build"

    /// Returns the stamp of every file written, by path inside the output folder.
    @discardableResult
    public static func publish(_ files: [OutputFile], to output: URL, displayPath: String) throws(Diagnostic) -> [String: FileStamp] {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent).tmp-"
        removeAbandonedFolders(beside: output)
        let staging = parent.appendingPathComponent("\(prefix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        var stamps: [String: FileStamp] = [:]
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
            stamps = try write(files, into: staging)
            try Data("built by bulletin; this folder is replaced as a whole by each build\n".utf8)
                .write(to: staging.appendingPathComponent(markerName))
            try swap(staging, into: output)
        } catch let diagnostic as Diagnostic {
            try? fileManager.removeItem(at: staging)
            throw diagnostic
        } catch {
            try? fileManager.removeItem(at: staging)
            throw .error(at: SourceLocation(path: displayPath), "cannot write the site: \(error.localizedDescription)",
                         hint: "check that the folder's parent exists and is writable; the previous site was left as it was")
        }
        // After the swap the staging path holds the previous site.
        try? fileManager.removeItem(at: staging)
        return stamps
    }

    /// Writes the files below `root`. `replacing` lets a file take the place of an existing one
    /// (the preview's folder); a fresh staging folder has none. Folders are made first, in order;
    /// then the files are written on all cores.
    @discardableResult
    private static func write(_ files: [OutputFile], into root: URL, replacing: Bool = false) throws -> [String: FileStamp] {
        let rootPath = root.path
        let folders = Set(files.map { file in
            let path = rootPath + "/" + file.path
            return String(path[..<path.lastIndex(of: "/")!])
        }).sorted()
        do {
            try FileSystemCalls.makeFolders(folders)
        } catch {
            throw error.inside(rootPath)
        }
        let results = files.parallelMap { file -> Result<FileStamp, FileSystemCalls.Failure> in
            let destination = rootPath + "/" + file.path
            func make(_ path: String) throws(FileSystemCalls.Failure) -> FileStamp {
                switch file.contents {
                case .data(let data): return try FileSystemCalls.write(data, to: path)
                case .copy(let source): return try FileSystemCalls.copy(from: source.path, to: path)
                }
            }
            return Result { () throws(FileSystemCalls.Failure) -> FileStamp in
                replacing ? try FileSystemCalls.replace(at: destination, make) : try make(destination)
            }
        }
        var stamps: [String: FileStamp] = [:]
        stamps.reserveCapacity(files.count)
        for (file, result) in zip(files, results) {
            switch result {
            case .success(let stamp): stamps[file.path] = stamp
            case .failure(let failure): throw failure.inside(rootPath)
            }
        }
        return stamps
    }

    /// Exchanges the two folders in one step where the kernel allows it (renameat2), so there is no
    /// moment without a site; otherwise moves the old one aside first.
    private static func swap(_ staging: URL, into output: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return
        }
        if exchange(staging.path, output.path) { return }
        let aside = staging.appendingPathExtension("old")
        try fileManager.moveItem(at: output, to: aside)
        try fileManager.moveItem(at: staging, to: output)
        try fileManager.moveItem(at: aside, to: staging)
    }

    /// renameat2(RENAME_EXCHANGE): glibc has it since 2.28, but Swift's Glibc module does not
    /// export it, so it is looked up at run time.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        #if canImport(Glibc)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 2
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }

    /// Removes staging folders left by a build that was killed: their process is gone. Every build
    /// does this first, also one that finds the output up to date.
    public static func removeAbandonedFolders(beside output: URL) {
        let parent = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent).tmp-"
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            let pid = name.dropFirst(prefix.count).split(separator: "-").first.flatMap { Int32($0) }
            if let pid, pid != getpid(), kill(pid, 0) == 0 { continue }
            try? fileManager.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}

extension OutputWriter {
    /// Writes changed files into a folder in place and removes the ones no longer produced. For the
    /// preview's private folder only: a published folder is always replaced as a whole.
    /// `replacing` writes each file beside its place and renames it there, so that a reader of the
    /// folder never sees a half-written file.
    public static func update(_ files: [OutputFile], removing stale: [String], in folder: URL, replacing: Bool = true) throws {
        for path in stale {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(path))
        }
        try write(files, into: folder, replacing: replacing)
    }
}
