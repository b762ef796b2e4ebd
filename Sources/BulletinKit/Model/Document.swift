import Foundation

/// A Markdown body after its links were checked and it was converted to HTML (once, however
/// many pages show it).
public struct Document: Sendable, Hashable {
    public var html: String
    /// The text without markup, for descriptions and summaries.
    public var plainText: String

    public static let empty = Document(html: "", plainText: "")

    /// The first `limit` characters of the text, for meta descriptions and list summaries.
    public func excerpt(_ limit: Int = 120) -> String {
        let flat = plainText.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard flat.count > limit else { return flat }
        return String(flat.prefix(limit)) + "…"
    }

    /// The HTML with every heading one level lower (h2 → h3 …), for a body shown under a heading
    /// of its own, as a write-up inside a bulletin. libcmark writes headings as plain `<hN>` tags.
    public func htmlDemotingHeadings() -> String {
        var result = html
        for level in stride(from: 5, through: 1, by: -1) {
            result = result.replacingOccurrences(of: "<h\(level)>", with: "<h\(level + 1)>")
                .replacingOccurrences(of: "</h\(level)>", with: "</h\(level + 1)>")
        }
        return result
    }
}
