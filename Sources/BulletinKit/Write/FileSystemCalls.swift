import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The few file-system calls the writer makes for every output file, made directly. Foundation's
/// `Data.write` syncs each file to disk (fsync): on 10,000 pages that was most of the write stage,
/// and a site is rebuilt from its sources, so losing it to a power cut costs one build, not data.
enum FileSystemCalls {
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var call: String
        var code: Int32
        var description: String { "\(call) \(path): \(String(cString: strerror(code)))" }
    }

    /// Creates the file (or truncates it) and writes all of `bytes`.
    static func write<Bytes: Collection<UInt8>>(_ bytes: Bytes, to path: String) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, call: "open", code: errno) }
        var failure: Failure?
        let written: Bool? = bytes.withContiguousStorageIfAvailable { buffer in
            failure = writeAll(buffer, to: descriptor, path: path)
            return true
        }
        if written == nil {
            failure = Array(bytes).withUnsafeBufferPointer { writeAll($0, to: descriptor, path: path) }
        }
        if close(descriptor) != 0, failure == nil { failure = Failure(path: path, call: "close", code: errno) }
        if let failure { throw failure }
    }

    private static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32, path: String) -> Failure? {
        var offset = 0
        while offset < buffer.count {
            let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                return Failure(path: path, call: "write", code: errno)
            }
            offset += count
        }
        return nil
    }

    /// Writes beside the destination, then renames over it: a reader sees the old file or the new one.
    static func replace<Bytes: Collection<UInt8>>(_ bytes: Bytes, at path: String) throws(Failure) {
        let temporary = path + ".tmp-\(getpid())"
        do {
            try write(bytes, to: temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw Failure(path: path, call: "rename", code: code)
        }
    }

    static func readFile(_ path: String) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(path: path, call: "open", code: errno) }
        defer { close(descriptor) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, call: "read", code: errno)
            }
            if count == 0 { return result }
            result += chunk[..<count]
        }
    }

    /// Makes each folder, parents first; folders that exist already are fine.
    static func makeFolders(_ paths: some Sequence<String>) throws(Failure) {
        var made = Set<String>()
        for path in paths {
            try makeFolder(path, made: &made)
        }
    }

    private static func makeFolder(_ path: String, made: inout Set<String>) throws(Failure) {
        if path.isEmpty || path == "/" || made.contains(path) { return }
        if mkdir(path, 0o755) == 0 || errno == EEXIST {
            made.insert(path)
            return
        }
        guard errno == ENOENT else { throw Failure(path: path, call: "mkdir", code: errno) }
        let parent = (path as NSString).deletingLastPathComponent
        try makeFolder(parent, made: &made)
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw Failure(path: path, call: "mkdir", code: errno) }
        made.insert(path)
    }
}
