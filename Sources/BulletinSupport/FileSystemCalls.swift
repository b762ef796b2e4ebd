import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The file-system calls made once per file, made directly. Foundation's `Data.write` syncs each
/// file to disk (fsync): on 10,000 pages that was most of the write stage, and a site is rebuilt
/// from its sources, so losing it to a power cut costs one build, not data. Its URLs and file
/// attributes were a tenth of loading.
package enum FileSystemCalls {
    package struct Failure: Error, CustomStringConvertible, LocalizedError {
        var path: String
        var code: Int32

        package init(path: String, code: Int32) {
            self.path = path
            self.code = code
        }
        package var description: String { "\(path): \(reason)" }
        package var errorDescription: String? { description }
        package var reason: String {
            code == Self.notARegularFile ? "it is not a regular file but a named pipe, a device or a socket" : String(cString: strerror(code))
        }
        /// Not an errno value: what `openRegularFile` finds at a name that is neither file nor folder.
        package static let notARegularFile: Int32 = -1

        /// The same failure, its path told from inside `folder`.
        package func inside(_ folder: String) -> Failure {
            var failure = self
            if path.hasPrefix(folder + "/") { failure.path = String(path.dropFirst(folder.count + 1)) }
            return failure
        }
    }

    /// Creates the file (or writes over it) and writes all of `bytes`; returns the file's stamp.
    /// Missing folders on the way are made.
    @discardableResult
    package static func write<Bytes: Collection<UInt8>>(_ bytes: Bytes, to path: String) throws(Failure) -> FileStamp {
        let descriptor = try create(path)
        var failure: Failure?
        let written: Bool? = bytes.withContiguousStorageIfAvailable { buffer in
            failure = writeAll(buffer, to: descriptor, path: path)
            return true
        }
        if written == nil {
            failure = Array(bytes).withUnsafeBufferPointer { writeAll($0, to: descriptor, path: path) }
        }
        return try finish(descriptor, path: path, length: bytes.count, after: failure)
    }

    /// Cuts a file just written to its length (a file written over may have been longer), closes
    /// it and returns its stamp, or throws the first failure: the one met while writing, or in
    /// cutting, reading the stamp or closing.
    private static func finish(_ descriptor: Int32, path: String, length: Int, after failure: Failure?) throws(Failure) -> FileStamp {
        var failure = failure
        var info = stat()
        if failure == nil, fstat(descriptor, &info) != 0 { failure = Failure(path: path, code: errno) }
        if failure == nil, Int(info.st_size) != length {
            if ftruncate(descriptor, off_t(length)) != 0 || fstat(descriptor, &info) != 0 { failure = Failure(path: path, code: errno) }
        }
        if close(descriptor) != 0, failure == nil { failure = Failure(path: path, code: errno) }
        if let failure { throw failure }
        return FileStamp(info)
    }

    private static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32, path: String) -> Failure? {
        var offset = 0
        while offset < buffer.count {
            let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                return Failure(path: path, code: errno)
            }
            offset += count
        }
        return nil
    }

    /// Opens the file for writing, created or as it is: writing over a file's blocks and then
    /// cutting it to length costs less than emptying it first (which frees its blocks) and
    /// filling it again. A missing folder is made when the file cannot be created for its lack:
    /// the first file of each folder pays one failed open, and folders are made on the cores that
    /// write, not one by one beforehand.
    private static func create(_ path: String) throws(Failure) -> Int32 {
        // Never through a link: a file written over must be the folder's own.
        let flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC
        var descriptor = open(path, flags, 0o644)
        if descriptor < 0, errno == ENOENT, let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            try makeFolder(String(path[..<slash]))
            descriptor = open(path, flags, 0o644)
        }
        guard descriptor >= 0 else { throw Failure(path: path, code: errno) }
        return descriptor
    }

    /// Makes the folder and any missing parents; one that exists, perhaps just made by another
    /// thread, is fine.
    static func makeFolder(_ path: String) throws(Failure) {
        if path.isEmpty || path == "/" { return }
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { throw Failure(path: path, code: errno) }
        try makeFolder(String(path[..<slash]))
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw Failure(path: path, code: errno) }
    }

    /// Copies a file in pieces (assets may be large, and several are copied at once); returns the
    /// copy's stamp. The copy is readable by all, as a published file must be.
    @discardableResult
    package static func copy(from source: String, to path: String) throws(Failure) -> FileStamp {
        let input = try openRegularFile(source)
        defer { close(input) }
        let output = try create(path)
        var failure: Failure?
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        var length = 0
        while failure == nil {
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                failure = Failure(path: source, code: errno)
            } else if count == 0 {
                break
            } else {
                failure = chunk.withUnsafeBufferPointer { writeAll(UnsafeBufferPointer(rebasing: $0[..<count]), to: output, path: path) }
                length += count
            }
        }
        return try finish(output, path: path, length: length, after: failure)
    }

    /// Gives `path` a second name for the file at `source` (copies it where that cannot be done),
    /// after letting go of what was at `path`. Missing folders on the way are made.
    @discardableResult
    package static func link(from source: String, to path: String) throws(Failure) -> FileStamp {
        unlink(path)
        var result = Glibc.link(source, path)
        if result != 0, errno == ENOENT, let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            try makeFolder(String(path[..<slash]))
            result = Glibc.link(source, path)
        }
        guard result == 0 else { return try copy(from: source, to: path) }
        var info = stat()
        guard lstat(path, &info) == 0 else { throw Failure(path: path, code: errno) }
        return FileStamp(info)
    }

    /// Where a file is made beside its place before it is renamed over it.
    static func temporaryPath(for path: String) -> String {
        path + ".tmp-\(getpid())"
    }

    /// Makes the file beside its place with `make`, then renames it over the old one: a reader sees
    /// the old file or the new one.
    @discardableResult
    static func replace(at path: String, _ make: (String) throws(Failure) -> FileStamp) throws(Failure) -> FileStamp {
        let temporary = temporaryPath(for: path)
        let stamp: FileStamp
        do {
            stamp = try make(temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw Failure(path: path, code: code)
        }
        return stamp
    }

    /// `replace` with a file of these bytes.
    @discardableResult
    package static func replace(at path: String, with bytes: [UInt8]) throws(Failure) -> FileStamp {
        try replace(at: path) { temporary throws(Failure) in try write(bytes, to: temporary) }
    }

    /// What is at `relative` inside the folder `root`, looked at without following links.
    enum Entry: Equatable {
        case file(FileStamp)
        case missing
        /// Something other than folders on the way, or other than a file at the end: a link, say.
        case other
    }

    static func entry(_ relative: String, in root: String) -> Entry {
        var info = stat()
        guard lstat(root, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return .other }
        var path = root
        let components = relative.split(separator: "/", omittingEmptySubsequences: false)
        for (index, component) in components.enumerated() {
            guard !component.isEmpty, component != ".", component != ".." else { return .other }
            path += "/" + component
            guard lstat(path, &info) == 0 else { return errno == ENOENT ? .missing : .other }
            let isLast = index == components.count - 1
            guard info.st_mode & S_IFMT == (isLast ? S_IFREG : S_IFDIR) else { return .other }
        }
        return .file(FileStamp(info))
    }

    package enum ReadFailure: Error {
        /// With the size the file reported, or nil when it was found larger while being read.
        case tooLarge(size: Int?)
        case system(Failure)
    }

    /// Opens a file for reading only when it is a regular file. Without waiting: opening a named
    /// pipe for reading waits for a writer, and a device never ends, so the kind is learnt from
    /// the open file itself (a name checked before opening can be replaced in between).
    package static func openRegularFile(_ path: String) throws(Failure) -> Int32 {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw Failure(path: path, code: errno) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw Failure(path: path, code: code)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw Failure(path: path, code: info.st_mode & S_IFMT == S_IFDIR ? EISDIR : Failure.notARegularFile)
        }
        return descriptor
    }

    /// The whole file, refused once more than `limit` bytes were read: the size a file reports
    /// is where reading starts, never what is trusted.
    package static func readFile(_ path: String, limit: Int = .max) throws(ReadFailure) -> Data {
        let descriptor: Int32
        do {
            descriptor = try openRegularFile(path)
        } catch {
            throw .system(error)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .system(Failure(path: path, code: errno)) }
        let reported = max(0, Int(info.st_size))
        if reported > limit { throw .tooLarge(size: reported) }
        // One byte more than the size, so the end is found without growing; a file that grew
        // since fstat is still read to its end, or to the limit.
        var data = Data(count: reported + 1)
        var filled = 0
        while true {
            if filled == data.count { data.count += max(4096, data.count / 2) }
            let count = data.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system(Failure(path: path, code: errno))
            }
            if count == 0 { break }
            filled += count
            if filled > limit { throw .tooLarge(size: nil) }
        }
        data.count = filled
        return data
    }
}
