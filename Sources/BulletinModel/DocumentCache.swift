import Foundation
import BulletinLoad
import BulletinSupport

/// Converted Markdown bodies kept between rebuilds of one session, so that a rebuild converts only
/// the bodies that changed. Every entry is dropped when anything a conversion depends on besides
/// the body itself changes: the set of files and pages links resolve against, the root path, or
/// the raw-HTML setting.
public final class DocumentCache: @unchecked Sendable {
    // Guarded by `lock`; read and written from the parallel conversion of bodies.
    private var entries: [String: Entry] = [:]
    private var converter: BodyConverter?
    private let lock = NSLock()

    struct Entry {
        var body: String
        var firstLine: Int
        var displayPath: String
        var document: Document
        var diagnostics: [Diagnostic]
    }

    public init() {}

    /// Number of bodies converted since the cache was made, for progress output and tests.
    public private(set) var conversions = 0

    func prepare(for converter: BodyConverter) {
        lock.lock()
        defer { lock.unlock() }
        if self.converter != converter {
            entries.removeAll()
            self.converter = converter
        }
    }

    func document(for source: MarkdownSource, convert: () -> (Document, [Diagnostic])) -> (Document, [Diagnostic]) {
        lock.lock()
        if let entry = entries[source.relativePath], entry.body == source.body, entry.firstLine == source.bodyFirstLine,
           entry.displayPath == source.displayPath {
            lock.unlock()
            return (entry.document, entry.diagnostics)
        }
        lock.unlock()
        let (document, diagnostics) = convert()
        lock.lock()
        entries[source.relativePath] = Entry(body: source.body, firstLine: source.bodyFirstLine, displayPath: source.displayPath,
                                             document: document, diagnostics: diagnostics)
        conversions += 1
        lock.unlock()
        return (document, diagnostics)
    }
}
