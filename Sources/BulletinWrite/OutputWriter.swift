import Foundation
#if canImport(Glibc)
import Glibc
import BulletinRender
import BulletinModel
import BulletinLoad
import BulletinSupport
#endif

/// A file as the writer left it.
public struct WrittenFile: Sendable {
    /// Inside the output folder.
    public var path: String
    /// Nil for a file the folder held already (`.unchanged`): nothing was written to learn it.
    public var stamp: FileStamp?
}

/// Stage 5: writes the site into a folder beside the output, then swaps it into place, so the
/// output folder is always either the previous site or the new one, complete. Every build that
/// writes, full or not, goes this way.
public enum OutputWriter {
    /// Marks a folder as built by this tool: only such a folder is ever replaced.
    public static let markerName = ".bulletin-build"

    /// Publishes the files `make` gives for 0 ..< `count`, each asked for on the core that writes
    /// it: pages are rendered as they are written, and the whole site is never held at once.
    ///
    /// The folder written into is the site the last build replaced (`PreviousSite`), when there is
    /// one. `kept` is what this session knows that folder holds, when it left it there itself:
    /// then `make` is told so, may answer `.unchanged` for a file the folder holds as it must be,
    /// and the folder is taken as it is. Otherwise it is made safe to write into first, and every
    /// file is written. Returns the path and the stamp of every file of the new site, in the
    /// order of `make`'s indexes. `beforeSwap` is given them once the new site is complete and
    /// before it replaces the live one: what must be on disk whichever folder a kill leaves live.
    @discardableResult
    public static func publish(count: Int, to output: URL, displayPath: String, kept: Set<String>? = nil,
                               make: @Sendable (_ index: Int, _ keptIsKnown: Bool) -> [OutputFile],
                               beforeSwap: ([WrittenFile]) -> Void = { _ in }) throws(Diagnostic) -> [WrittenFile] {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        removeAbandonedFolders(beside: output)
        let staging = stagingFolder(for: output)
        var stamps: [WrittenFile] = []
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            if let kept, let found = PreviousSite.takeAsLeft(for: output, as: staging, holding: kept) {
                stamps = try write(count: count, into: staging, known: true, make: make)
                PreviousSite.removeLeftovers(found, keeping: Set(stamps.map(\.path)), in: staging)
            } else if let found = PreviousSite.take(for: output, as: staging),
                      let written = try? write(count: count, into: staging, known: false, make: make) {
                stamps = written
                PreviousSite.removeLeftovers(found, keeping: Set(written.map(\.path)), in: staging)
            } else {
                // No kept site, or something in it stood in the way (a folder where a file goes):
                // the site is written into an empty folder.
                if fileManager.fileExists(atPath: staging.path) { try fileManager.removeItem(at: staging) }
                try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
                stamps = try write(count: count, into: staging, known: false, make: make)
            }
            try Data("built by bulletin; this folder is replaced as a whole by each build\n".utf8)
                .write(to: staging.appendingPathComponent(markerName))
            beforeSwap(stamps)
            try swap(staging, into: output)
        } catch let diagnostic as Diagnostic {
            try? fileManager.removeItem(at: staging)
            throw diagnostic
        } catch {
            try? fileManager.removeItem(at: staging)
            throw .error(at: SourceLocation(path: displayPath), .siteNotWritten, ["reason": error.localizedDescription])
        }
        // After the swap the staging path holds the previous site, kept for the next build.
        PreviousSite.keep(staging, for: output)
        return stamps
    }

    /// Writes the files below `root`, on all cores, making folders as they are needed. In a folder
    /// this session left (`known`), a file may share its data with the live site (`.link`): such
    /// a name is let go before the file is written, never written through.
    private static func write(count: Int, into root: URL, known: Bool,
                              make: @Sendable (Int, Bool) -> [OutputFile]) throws -> [WrittenFile] {
        let rootPath = root.path
        let results = Array(0 ..< count).parallelMapByStretches { index -> Result<[WrittenFile], WriteFailure> in
            Result { () throws(WriteFailure) -> [WrittenFile] in
                var written: [WrittenFile] = []
                for file in make(index, known) {
                    if case .failed(let diagnostic) = file.contents { throw .unmade(diagnostic) }
                    do throws(FileSystemCalls.Failure) {
                        written.append(WrittenFile(path: file.path, stamp: try put(file, at: rootPath + "/" + file.path, known: known)))
                    } catch {
                        throw .system(error)
                    }
                }
                return written
            }
        }
        var stamps: [WrittenFile] = []
        stamps.reserveCapacity(count)
        for result in results {
            switch result {
            case .success(let written): stamps += written
            case .failure(.system(let failure)): throw failure.inside(rootPath)
            case .failure(.unmade(let diagnostic)): throw diagnostic
            }
        }
        return stamps
    }

    /// Writes one file; nil for one the folder holds as it must be.
    private static func put(_ file: OutputFile, at destination: String, known: Bool) throws(FileSystemCalls.Failure) -> FileStamp? {
        switch file.contents {
        case .bytes(let bytes):
            if known { unlink(destination) }
            return try FileSystemCalls.write(bytes, to: destination)
        case .copy(let source):
            if known { unlink(destination) }
            return try FileSystemCalls.copy(from: source.path, to: destination)
        case .link(let source):
            return try FileSystemCalls.link(from: source.path, to: destination)
        case .unchanged, .failed:
            return nil
        }
    }

    private enum WriteFailure: Error {
        case system(FileSystemCalls.Failure)
        case unmade(Diagnostic)
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

    /// A new folder beside the output for this process to fill, named so that, left by a killed
    /// build, the next one removes it (`removeAbandonedFolders`).
    static func stagingFolder(for output: URL) -> URL {
        output.deletingLastPathComponent()
            .appendingPathComponent("\(stagingPrefix(for: output))\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    }

    private static func stagingPrefix(for output: URL) -> String { ".\(output.lastPathComponent).tmp-" }

    /// Removes staging folders, and copies of the manifest being written, left by a build that
    /// was killed: their process is gone. Every build does this first, also one that finds the
    /// output up to date.
    public static func removeAbandonedFolders(beside output: URL) {
        let parent = output.deletingLastPathComponent()
        let prefixes = [stagingPrefix(for: output), BuildManifest.fileName(for: output).lastPathComponent + ".tmp-"]
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names {
            guard let prefix = prefixes.first(where: name.hasPrefix) else { continue }
            let pid = MakingProcess.number(startingName: name.dropFirst(prefix.count))
            if let pid, pid != getpid(), kill(pid, 0) == 0 { continue }
            try? fileManager.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}
