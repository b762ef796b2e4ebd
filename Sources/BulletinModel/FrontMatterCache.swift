import Foundation
import BulletinLoad
import BulletinSupport

/// Write-ups' front matter read into typed fields, kept between rebuilds of one session (the
/// preview server): reading 10,000 of them again was about half of a rebuild's model stage. A
/// reading is reused while the file's front matter text and name are as they were; its body is
/// always the current one.
public final class FrontMatterCache: @unchecked Sendable {
    // Guarded by `lock`; read and written from the parallel reading of front matter.
    private var entries: [String: Entry] = [:]
    private let lock = NSLock()

    private struct Entry {
        var text: String
        var displayPath: String
        var reading: Drafts.WriteUpReading
    }

    public init() {}

    /// Front matters read since the cache was made, for tests.
    public private(set) var readings = 0

    func writeUp(_ source: MarkdownSource, read: () -> Drafts.WriteUpReading) -> Drafts.WriteUpReading {
        lock.lock()
        let known = entries[source.relativePath]
        lock.unlock()
        if let known, known.text == source.frontMatterText, known.displayPath == source.displayPath {
            var reading = known.reading
            reading.draft?.source = source
            reading.unread?.source = source
            return reading
        }
        let reading = read()
        lock.lock()
        entries[source.relativePath] = Entry(text: source.frontMatterText, displayPath: source.displayPath, reading: reading)
        readings += 1
        lock.unlock()
        return reading
    }

    /// Forgets files that are gone, so the cache does not grow with every rename. `readCount` is
    /// how many write-ups were just read or taken from it: when it holds no more, none is gone.
    func keepOnly(_ sources: [MarkdownSource], readCount: Int) {
        lock.lock()
        let holdsMore = entries.count > readCount
        lock.unlock()
        guard holdsMore else { return }
        let current = Set(sources.map(\.relativePath))
        lock.lock()
        entries = entries.filter { current.contains($0.key) }
        lock.unlock()
    }
}
