import Foundation

/// What a built folder holds, counted from the folder itself so that a publication of a site that
/// was already built (`Public/ is up to date`) records the same figures as one that built it.
public struct SiteSummary: Sendable, Hashable {
    /// HTML pages, their compressed copies not counted.
    public var pages = 0
    public var files = 0
    public var bytes = 0

    public init(pages: Int = 0, files: Int = 0, bytes: Int = 0) {
        self.pages = pages
        self.files = files
        self.bytes = bytes
    }

    public static func measure(_ folder: URL) -> SiteSummary {
        var summary = SiteSummary()
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey]
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else { return summary }
        for case let file as URL in walker {
            guard let values = try? file.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            summary.files += 1
            summary.bytes += values.fileSize ?? 0
            if file.pathExtension == "html" { summary.pages += 1 }
        }
        return summary
    }
}
