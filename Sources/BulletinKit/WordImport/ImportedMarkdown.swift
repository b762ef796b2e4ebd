import Foundation
import BulletinLoad
import BulletinModel
import BulletinSupport

/// A write-up's body made from the Markdown pandoc writes for a Word document (GitHub-flavoured,
/// unwrapped, no raw HTML), with what the front matter takes from it.
///
/// Besides the heading rule (`OfficialHeadings`):
/// - the title is the first paragraph when it reads as one (a Word heading, or a line of at most
///   `longestTitle` characters with no full stop or colon, that is not numbered), else the first
///   heading of Word's level 1; it leaves the body;
/// - the date is the last paragraph that is nothing but a date (`2023年5月12日`, `2023年5月`), the
///   line under a signature; it stays in the body;
/// - Word's manual line breaks are joined (with no space between Chinese characters), spaces and
///   full-width indent spaces around paragraphs and empty paragraphs are removed, and so are
///   invisible characters;
/// - a photo without a description takes the caption under it (a short line starting with 图,
///   as 图1　家长开放日); with neither it gets the placeholder, so that it is described before
///   the write-up is published;
/// - footnotes (which CommonMark does not have) become [1] in the text and numbered notes under a
///   注释 heading at the end.
public struct ImportedMarkdown: Sendable, Equatable {
    public var title: String?
    public var date: PartialDate?
    public var body: String

    static let longestTitle = 60

    /// `images` maps the image paths pandoc wrote to the paths the write-up links to.
    public init(pandoc markdown: String, images: [String: String] = [:]) {
        var blocks = Self.blocks(of: markdown)
        title = Self.takeTitle(from: &blocks)
        date = blocks.reversed().lazy.compactMap { block -> PartialDate? in
            guard case .paragraph(let text) = block else { return nil }
            return Self.dateLine(text)
        }.first
        body = Self.write(blocks, images: images)
    }

    enum Block: Equatable {
        case paragraph(String)
        case heading(level: Int, text: String)
        /// Tables, lists, quotes: kept as pandoc wrote them.
        case verbatim(String)
        case footnote(label: String, text: String)
    }

    /// Pandoc's output split at blank lines; an indented block continues the one before it (a
    /// list item's or a footnote's next paragraph).
    static func blocks(of markdown: String) -> [Block] {
        var blocks: [Block] = []
        let chunks = TextCharacters.removingInvisible(markdown).replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
        for chunk in chunks {
            let text = chunk.trimmingCharacters(in: .newlines)
            guard !text.isEmpty else { continue }
            if text.hasPrefix("    ") || text.hasPrefix("\t"), let last = blocks.last {
                switch last {
                case .footnote(let label, let note):
                    blocks[blocks.count - 1] = .footnote(label: label, text: note + "\n\n" + joinLines(text.trimmed))
                    continue
                case .verbatim(let kept):
                    blocks[blocks.count - 1] = .verbatim(kept + "\n\n" + text)
                    continue
                default:
                    break
                }
            }
            blocks.append(block(text))
        }
        return blocks
    }

    private static func block(_ text: String) -> Block {
        if let heading = atxHeading(text) { return heading }
        if text.hasPrefix("[^"), let close = text.range(of: "]: ") {
            let label = String(text[text.index(text.startIndex, offsetBy: 2) ..< close.lowerBound])
            return .footnote(label: label, text: joinLines(String(text[close.upperBound...])).trimmed)
        }
        if isVerbatim(text) { return .verbatim(text) }
        return .paragraph(joinLines(text).trimmed)
    }

    private static func atxHeading(_ text: String) -> Block? {
        let marks = text.prefix { $0 == "#" }.count
        guard (1...6).contains(marks), text.dropFirst(marks).first == " ", !text.contains("\n") else { return nil }
        return .heading(level: marks, text: String(text.dropFirst(marks)).trimmed)
    }

    /// Tables, lists, quotes and code: what pandoc writes line by line.
    private static func isVerbatim(_ text: String) -> Bool {
        let first = text.prefix { $0 != "\n" }
        if first.hasPrefix("|") || first.hasPrefix(">") || first.hasPrefix("```") || first.hasPrefix("-   ")
            || first.hasPrefix("*   ") || first.hasPrefix("+   ") { return true }
        // Word's own numbered lists: pandoc writes `1.  ` (two spaces); a number typed by hand is
        // escaped (`1\.`) and stays a paragraph.
        let digits = first.prefix { $0.isASCII && $0.isNumber }
        let after = first.dropFirst(digits.count)
        return !digits.isEmpty && (after.hasPrefix(".  ") || after.hasPrefix(")  "))
    }

    /// Joins the lines of a paragraph that Word's manual line breaks (Shift-Enter) made: pandoc
    /// ends them with two spaces or a backslash. Between Chinese characters no space is left.
    static func joinLines(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var line = String(line)
            if line.hasSuffix("\\") { line.removeLast() }
            return line.trimmed
        }.filter { !$0.isEmpty }
        guard var joined = lines.first else { return "" }
        for line in lines.dropFirst() {
            if let last = joined.last, let next = line.first, !(isWide(last) || isWide(next)) { joined += " " }
            joined += line
        }
        return joined
    }

    /// Chinese characters and full-width punctuation: no space is written beside them.
    private static func isWide(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return scalar.value >= 0x2E80 && !(0xAC00...0xD7AF).contains(scalar.value)
    }

    /// The title: a Word heading first in the document, or a first line that reads as a title;
    /// else the first heading of Word's level 1 (after an addressee line, say).
    private static func takeTitle(from blocks: inout [Block]) -> String? {
        guard let index = blocks.firstIndex(where: { $0 != .paragraph("") }) else { return nil }
        switch blocks[index] {
        case .heading(_, let text) where OfficialNumbers.headingLevel(of: Substring(plainText(text))) == nil:
            blocks.remove(at: index)
            return plainText(text)
        case .paragraph(let text):
            let plain = plainText(text)
            if !plain.isEmpty, plain.count <= longestTitle, !text.hasPrefix("!["),
               OfficialNumbers.headingLevel(of: Substring(plain)) == nil, dateLine(text) == nil,
               !plain.contains(where: { "。！？；!?;：:".contains($0) }) {
                blocks.remove(at: index)
                return plain
            }
        default:
            break
        }
        guard let heading = blocks.firstIndex(where: {
                  if case .heading(1, let text) = $0 { OfficialNumbers.headingLevel(of: Substring(plainText(text))) == nil } else { false }
              }),
              case .heading(_, let text) = blocks[heading] else { return nil }
        blocks.remove(at: heading)
        return plainText(text)
    }

    /// Markdown emphasis and escapes taken off, for the title in the front matter.
    static func plainText(_ markdown: String) -> String {
        var text = markdown.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "\\", with: "")
        if text.hasPrefix("*"), text.hasSuffix("*"), text.count > 1 { text = String(text.dropFirst().dropLast()) }
        return text.trimmed
    }

    /// A paragraph that is only a date: `2023年5月12日`, `（2023年5月）`, with full-width digits too.
    static func dateLine(_ text: String) -> PartialDate? {
        var plain = plainText(text).precomposedStringWithCompatibilityMapping
        if plain.hasPrefix("("), plain.hasSuffix(")") { plain = String(plain.dropFirst().dropLast()) }
        plain = plain.replacingOccurrences(of: " ", with: "")
        guard let match = plain.wholeMatch(of: /(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?/) else { return nil }
        let written = match.3.map { "\(match.1)-\(pad(match.2))-\(pad($0))" } ?? "\(match.1)-\(pad(match.2))"
        return try? PartialDate(parsing: written)
    }

    private static func pad(_ number: Substring) -> String { number.count == 1 ? "0" + number : String(number) }

    private static func write(_ blocks: [Block], images: [String: String]) -> String {
        var written: [String] = []
        var notes: [(label: String, text: String)] = []
        var labels: [String: Int] = [:]
        // Word's heading levels, the highest at level 2, below the page's title.
        let highest = blocks.compactMap { if case .heading(let level, _) = $0 { level } else { nil } }.min() ?? 1
        for (index, block) in blocks.enumerated() {
            switch block {
            case .paragraph(let text):
                guard !isEmptyParagraph(text) else { continue }
                let caption = index + 1 < blocks.count ? self.caption(blocks[index + 1]) : nil
                let text = describingImages(text, images: images, caption: caption)
                if let (level, heading, rest) = OfficialHeadings.split(text) {
                    written.append(String(repeating: "#", count: level) + " " + heading)
                    if !rest.isEmpty { written.append(rest) }
                } else {
                    written.append(text)
                }
            case .heading(let level, let text):
                let plain = plainText(text)
                let numbered = OfficialNumbers.headingLevel(of: Substring(plain))
                written.append(String(repeating: "#", count: numbered ?? min(level - highest + 2, 6)) + " " + plain)
            case .verbatim(let text):
                written.append(describingImages(text, images: images, caption: nil))
            case .footnote(let label, let text):
                notes.append((label, text))
                labels[label] = notes.count
            }
        }
        if !notes.isEmpty {
            written.append("## 注释")
            for (number, note) in notes.enumerated() { written.append("\\[\(number + 1)\\] " + note.text) }
        }
        var body = written.joined(separator: "\n\n") + "\n"
        for (label, number) in labels { body = body.replacingOccurrences(of: "[^\(label)]", with: "\\[\(number)\\]") }
        return body
    }

    private static func isEmptyParagraph(_ text: String) -> Bool {
        text.allSatisfy { $0.isImportSpace || $0 == "*" || $0 == "\\" || $0 == "_" }
    }

    /// A caption under a photo: a short line starting with 图 (图1　家长开放日) or ▲.
    private static func caption(_ block: Block) -> String? {
        guard case .paragraph(let text) = block else { return nil }
        let plain = plainText(text)
        guard plain.count <= longestTitle, plain.hasPrefix("图") || plain.hasPrefix("▲") else { return nil }
        var words = Substring(plain).drop { $0 == "图" || $0 == "▲" || $0.isNumber || $0.isImportSpace || $0 == "：" || $0 == ":" }
        if words.isEmpty { words = Substring(plain) }
        return String(words).trimmed
    }

    /// Points each image at its new path and gives one without a description the caption, or the
    /// placeholder.
    private static func describingImages(_ text: String, images: [String: String], caption: String?) -> String {
        guard text.contains("![") else { return text }
        return text.replacing(WordImport.image) { match in
            let alt = match.1.isEmpty ? (caption ?? Placeholders.marker + "照片说明") : String(match.1)
            let path = images[String(match.2)] ?? String(match.2)
            return "![\(alt)](\(path)\(match.3 ?? ""))"
        }
    }
}
