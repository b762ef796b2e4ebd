import Foundation
import BulletinSupport

/// Reads a file as UTF-8 text, the way every content and template file is read:
/// a BOM is dropped, CRLF and CR become LF, and anything that is not text is refused.
package enum SourceText {
    package static func read(_ path: String, displayPath: String, limit: Int = .max) throws(Diagnostic) -> String {
        try decode(readBytes(path, displayPath: displayPath, limit: limit), displayPath: displayPath)
    }

    /// The file's bytes; one larger than `limit` is refused unread.
    static func readBytes(_ path: String, displayPath: String, limit: Int = .max) throws(Diagnostic) -> Data {
        do {
            return try FileSystemCalls.readFile(path, limit: limit)
        } catch {
            switch error {
            case .tooLarge(let size):
                let limit = String(limit / 1_048_576)
                if let size {
                    throw .error(at: SourceLocation(path: displayPath), .fileTooLarge, ["size": String(size / 1_048_576), "limit": limit])
                }
                throw .error(at: SourceLocation(path: displayPath), .fileTooLargeUnknownSize, ["limit": limit])
            case .system(let failure):
                throw .error(at: SourceLocation(path: displayPath), .fileUnreadable, ["reason": failure.reason])
            }
        }
    }

    static func decode(_ data: Data, displayPath: String) throws(Diagnostic) -> String {
        // Byte scans over the buffer itself: scanning Characters of a long Chinese text, or a
        // Data's bytes one by one, cost far more.
        let scanned: Result<String, Diagnostic> = data.withUnsafeBytes { raw in
            let all = raw.bindMemory(to: UInt8.self)
            let hasBOM = all.count >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF
            let bytes = UnsafeBufferPointer(rebasing: all[(hasBOM ? 3 : 0)...])
            return Result { () throws(Diagnostic) -> String in try decodeText(bytes, displayPath: displayPath) }
        }
        return try scanned.get()
    }

    private static func decodeText(_ bytes: UnsafeBufferPointer<UInt8>, displayPath: String) throws(Diagnostic) -> String {
        // Blank stops at the first other byte, which is most often the first; NUL and CR are
        // found by memchr, which looks at many bytes at once.
        let blank = !bytes.contains { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }
        func find(_ byte: UInt8) -> Int? {
            guard let base = bytes.baseAddress, let found = memchr(base, Int32(byte), bytes.count) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        let nul = find(0)
        let hasCR = find(0x0D) != nil
        if blank {
            throw .error(at: SourceLocation(path: displayPath), .fileEmpty)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8Position(in: Array(bytes))
            throw .error(at: SourceLocation(path: displayPath, line: line, column: column),
                         .fileNotUtf8)
        }
        if let nul {
            let (line, column) = TextPosition.of(byteOffset: nul, in: bytes)
            throw .error(at: SourceLocation(path: displayPath, line: line, column: column),
                         .fileHasNul)
        }
        if let offset = TextCharacters.firstForbiddenOffset(in: bytes) {
            let character = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset...]), as: UTF8.self).unicodeScalars.first!
            let (line, column) = TextPosition.of(byteOffset: offset, in: bytes)
            throw .error(at: SourceLocation(path: displayPath, line: line, column: column),
                         .fileControlCharacter, ["character": TextCharacters.visible(character)])
        }
        if hasCR {
            return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    private static func firstInvalidUTF8Position(in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let end = index + length
            guard length > 0, end <= bytes.count,
                  bytes[(index + 1)..<end].allSatisfy({ $0 & 0xC0 == 0x80 }),
                  String(validating: bytes[index..<end], as: UTF8.self) != nil
            else {
                let column = (String(validating: bytes[lineStart..<index], as: UTF8.self)?.count ?? 0) + 1
                return (line, column)
            }
            if byte == 0x0A {
                line += 1
                lineStart = end
            }
            index = end
        }
        return (line, 1)
    }
}
