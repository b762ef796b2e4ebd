import Foundation
import BulletinLoad
import BulletinSupport

/// A Markdown body after its links were checked and it was converted to HTML (once, however
/// many pages show it).
public struct Document: Sendable, Hashable {
    public var html: String
    /// The text without markup, for descriptions and summaries.
    public var plainText: String
    /// The files of the content folder its links and images name, by path inside the folder:
    /// what tells a document someone links from one left without a word (`UnlinkedDocuments`).
    public var linkedFiles: Set<String> = []
    /// The files of the content folder its images show: a cover the body shows already is not
    /// shown a second time above it.
    public var imageFiles: Set<String> = []

    public static let empty = Document(html: "", plainText: "")

    /// The first `limit` characters of the text, for meta descriptions and list summaries.
    /// Lines are joined with a space. Reads only as far as the limit: bodies are long.
    public func excerpt(_ limit: Int = 120) -> String {
        var excerpt = ""
        var count = 0
        var spaceBefore = false
        for character in plainText {
            if character.isNewline {
                spaceBefore = count > 0
                continue
            }
            if spaceBefore {
                if count == limit { return excerpt + "…" }
                excerpt.append(" ")
                count += 1
                spaceBefore = false
            }
            if count == limit { return excerpt + "…" }
            excerpt.append(character)
            count += 1
        }
        return excerpt
    }

    /// The HTML with every heading one level lower (h2 → h3 …), for a body shown under a heading
    /// of its own, as a write-up inside a bulletin. libcmark writes headings as plain `<hN>` tags,
    /// so one pass over the bytes finds them.
    public func htmlDemotingHeadings() -> String {
        var bytes = Array(html.utf8)
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: "<") {
                let letter = bytes[index + 1] == UInt8(ascii: "/") ? index + 2 : index + 1
                if letter + 2 < bytes.count, bytes[letter] == UInt8(ascii: "h"),
                   (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(bytes[letter + 1]), bytes[letter + 2] == UInt8(ascii: ">") {
                    bytes[letter + 1] += 1
                    index = letter + 3
                    continue
                }
            }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
