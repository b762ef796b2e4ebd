import Foundation
import BulletinLoad
import BulletinSupport

/// Paths inside the content folder: resolving a path written in one file against that file,
/// refusing any that leave the folder, and mapping files to their public URLs.
public struct ContentPaths: Sendable, Equatable {
    /// Every static file, by relative path.
    public var staticFiles: Set<String>
    /// Markdown files that become pages, by relative path → URL path relative to the site root.
    public var pages: [String: String]
    /// The size in bytes of each static file that is a document (PDF, Word, Excel, archives…),
    /// shown beside links to it. Only documents: a photo replaced by a larger one changes no page.
    public var documentSizes: [String: Int]

    public init(staticFiles: Set<String>, pages: [String: String], documentSizes: [String: Int] = [:]) {
        self.staticFiles = staticFiles
        self.pages = pages
        self.documentSizes = documentSizes
    }

    /// `PDF，120KB` for a document of the content folder (by relative path, fragment allowed), nil otherwise.
    public func documentDetails(_ path: String) -> String? {
        let file = path.utf8.firstIndex(of: UInt8(ascii: "#")).map { String(path[..<$0]) } ?? path
        return documentSizes[file].flatMap { DocumentDetails.text(path: file, bytes: $0) }
    }

    public enum Resolution: Equatable {
        /// A path relative to the site root (no leading '/'), with any '#fragment' kept.
        case sitePath(String)
        case outsideContent
        case absolutePath
        case missing(candidate: String)
    }

    /// Resolves `written` (as typed in `sourcePath`'s file) to a file of the content folder.
    public func resolve(_ written: String, from sourcePath: String) -> Resolution {
        // On bytes: '#', '?', '%' and '/' are ASCII, and Foundation's string methods cost more
        // than the rest of converting a body.
        var path = written
        var fragment = ""
        if let hash = path.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(path[hash...])
            path = String(path[..<hash])
        }
        if let query = path.utf8.firstIndex(of: UInt8(ascii: "?")) {
            path = String(path[..<query])
        }
        if path.utf8.contains(UInt8(ascii: "%")) { path = path.removingPercentEncoding ?? path }
        if path.hasPrefix("/") { return .absolutePath }
        guard let normalized = Self.normalize(path, relativeTo: Self.folder(of: sourcePath)) else {
            return .outsideContent
        }
        if let page = pages[normalized] { return .sitePath(page + fragment) }
        if staticFiles.contains(normalized) { return .sitePath(normalized + fragment) }
        return .missing(candidate: normalized)
    }

    /// The folder a content file is in, as its relative paths start from ("" at the top).
    static func folder(of sourcePath: String) -> String {
        sourcePath.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(sourcePath[..<$0]) } ?? ""
    }

    /// Joins and removes '.' and '..'; nil when the result would leave the content folder.
    public static func normalize(_ path: String, relativeTo folder: String) -> String? {
        // On the bytes in place, part by part: this runs for every link of the site, and splitting
        // both paths into arrays of parts to join them again costs 14,000 instructions a link.
        var joined: [UInt8] = []
        joined.reserveCapacity(folder.utf8.count + path.utf8.count + 1)
        // Where each part kept so far starts, with the '/' before it.
        var partStarts: [Int] = []
        func keep(_ part: UnsafeBufferPointer<UInt8>) {
            partStarts.append(joined.count)
            if !joined.isEmpty { joined.append(UInt8(ascii: "/")) }
            joined.append(contentsOf: part)
        }
        var (folder, path) = (folder, path)
        folder.withUTF8 { bytes in
            forEachPart(of: bytes) { part in
                keep(part)
                return true
            }
        }
        let inside = path.withUTF8 { bytes in
            forEachPart(of: bytes) { part in
                if part.count == 1 && part[0] == UInt8(ascii: ".") { return true }
                if part.count == 2 && part[0] == UInt8(ascii: ".") && part[1] == UInt8(ascii: ".") {
                    guard let start = partStarts.popLast() else { return false }
                    joined.removeSubrange(start...)
                    return true
                }
                keep(part)
                return true
            }
        }
        guard inside, !partStarts.isEmpty else { return nil }
        return String(decoding: joined, as: UTF8.self)
    }

    /// `body` of each part of a path between slashes, empty ones left out, until it returns false.
    /// Returns whether it went through them all.
    @discardableResult
    private static func forEachPart(of bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "/") { end += 1 }
            if start < end, !body(UnsafeBufferPointer(rebasing: bytes[start..<end])) { return false }
            start = end + 1
        }
        return true
    }

    /// All paths a reference could have meant, for "did you mean".
    public var allTargets: [String] { Array(staticFiles) + Array(pages.keys) }
}
