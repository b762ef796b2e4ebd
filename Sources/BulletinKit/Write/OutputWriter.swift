import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file as the writer left it.
public struct WrittenFile: Sendable {
    /// Inside the output folder.
    public var path: String
    public var stamp: FileStamp
}

/// Stage 5: writes the site into a fresh folder beside the output, then swaps it into place,
/// so the output folder is always either the previous site or the new one, complete.
public enum OutputWriter {
    /// Marks a folder as built by this tool: only such a folder is ever replaced.
    public static let markerName = ".bulletin-build"

    /// Publishes the files `make` gives for 0 ..< `count`, each asked for on the core that writes
    /// it: the render stage's pages are made as they are written, and the whole site is never
    /// held at once. Returns the path inside the output folder and the stamp of every file
    /// written, in the order of `make`'s indexes.
    @discardableResult
    public static func publish(count: Int, to output: URL, displayPath: String,
                               make: @Sendable (Int) -> [OutputFile]) throws(Diagnostic) -> [WrittenFile] {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent).tmp-"
        removeAbandonedFolders(beside: output)
        let staging = parent.appendingPathComponent("\(prefix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        var stamps: [WrittenFile] = []
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            // The site the last build replaced is written over, when there is one.
            if let found = PreviousSite.take(for: output, as: staging),
               let written = try? write(count: count, into: staging, make: make) {
                stamps = written
                PreviousSite.removeLeftovers(found, written: written, in: staging)
            } else {
                // No kept site, or something in it stood in the way (a folder where a file goes):
                // the site is written into an empty folder.
                if fileManager.fileExists(atPath: staging.path) { try fileManager.removeItem(at: staging) }
                try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
                stamps = try write(count: count, into: staging, make: make)
            }
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
        // After the swap the staging path holds the previous site, kept for the next build.
        PreviousSite.keep(staging, for: output)
        return stamps
    }

    /// Writes the files below `root`, on all cores, making folders as they are needed.
    /// `replacing` lets a file take the place of an existing one (the preview's folder); a fresh
    /// staging folder has none.
    @discardableResult
    private static func write(count: Int, into root: URL, replacing: Bool = false,
                              make: @Sendable (Int) -> [OutputFile]) throws -> [WrittenFile] {
        let rootPath = root.path
        let results = Array(0 ..< count).parallelMap { index -> Result<[WrittenFile], FileSystemCalls.Failure> in
            Result { () throws(FileSystemCalls.Failure) -> [WrittenFile] in
                var written: [WrittenFile] = []
                for file in make(index) {
                    let destination = rootPath + "/" + file.path
                    func write(_ path: String) throws(FileSystemCalls.Failure) -> FileStamp {
                        switch file.contents {
                        case .bytes(let bytes): return try FileSystemCalls.write(bytes, to: path)
                        case .copy(let source): return try FileSystemCalls.copy(from: source.path, to: path)
                        }
                    }
                    written.append(WrittenFile(path: file.path,
                                               stamp: replacing ? try FileSystemCalls.replace(at: destination, write) : try write(destination)))
                }
                return written
            }
        }
        var stamps: [WrittenFile] = []
        stamps.reserveCapacity(count)
        for result in results {
            switch result {
            case .success(let written): stamps += written
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
        try write(count: files.count, into: folder, replacing: replacing) { [files[$0]] }
    }
}
