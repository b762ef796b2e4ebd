import CZlib
import Foundation
import BulletinPlan
import Mustache
import BulletinLoad
import BulletinSupport

/// gzip (RFC 1952) through zlib. The header carries no name and no time, so the same input always
/// gives the same bytes and two builds stay identical.
enum Gzip {
    static func compress(_ input: Data, level: Int32 = 9) -> Data {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return Data() }
        defer { deflateEnd(&stream) }
        var output = Data(count: Int(deflateBound(&stream, UInt(input.count))) + 32)
        let written: Int = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(target.count)
                return deflate(&stream, Z_FINISH) == Z_STREAM_END ? Int(stream.total_out) : -1
            }
        }
        guard written >= 0 else { return Data() }
        output.count = written
        return output
    }
}

/// Writes `name.gz` beside every text file worth compressing, for servers that send precompressed
/// files as they are (nginx `gzip_static`).
public enum Precompression {
    static let extensions: Set<String> = ["html", "css", "js", "xml", "json", "txt", "svg"]
    /// Smaller files gain nothing from compression.
    static let minimumSize = 512

    /// Whether a file at `path` is of a kind that gets a compressed copy (when it gains from it).
    static func isCompressible(_ path: String) -> Bool {
        extensions.contains(path.fileExtension.lowercased())
    }

    /// The file's `.gz` sibling, when its kind compresses and the result is smaller.
    public static func compressed(_ file: OutputFile) -> OutputFile? {
        guard isCompressible(file.path) else { return nil }
        let data: Data
        switch file.contents {
        case .bytes(let bytes): data = Data(bytes)
        case .copy(let source): data = (try? FileSystemCalls.readFile(source.path)) ?? Data()
        case .link, .unchanged, .failed: return nil
        }
        guard data.count >= minimumSize else { return nil }
        let gzipped = Gzip.compress(data)
        guard !gzipped.isEmpty, gzipped.count < data.count else { return nil }
        return OutputFile(path: file.path + ".gz", contents: .bytes(Array(gzipped)))
    }
}
