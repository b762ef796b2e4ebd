import CCmark
import Foundation
import BulletinLoad
import BulletinSupport

/// The one place that calls libcmark (with `CommonMark+Tables.swift`). Parses CommonMark and pipe
/// tables, lets the caller inspect and rewrite every link and image destination, and renders HTML.
public enum CommonMark {
    /// A link or image destination found in the text, at its position in the Markdown body.
    public struct Destination {
        public var url: String
        public var isImage: Bool
        /// Line and column inside the body (1-based).
        public var line: Int
        public var column: Int
        /// For images: whether it has alternative text.
        public var hasText: Bool
    }

    /// What to publish for a destination: another address (nil: as written), and text to add
    /// after the link (nil: none), such as a document's type and size.
    public struct Rewrite {
        public var url: String?
        public var after: String?

        public init(url: String? = nil, after: String? = nil) {
            self.url = url
            self.after = after
        }
    }

    public struct Output {
        public var html: String
        public var plainText: String
        /// Text that Markdown read otherwise than its editor meant, in the order found.
        public var slips: [Slip] = []
    }

    /// Text pasted from Word or typed with a Chinese input method that Markdown reads as
    /// something else. Lines and byte columns are inside the body (1-based).
    public enum Slip: Equatable {
        /// An indented code block whose first line is Chinese text: a paragraph indented with a tab or four spaces.
        case proseAsCode(line: Int)
        /// A line of a paragraph starting with a full-width space (U+3000): those spaces are left
        /// out of the page. `joinsLineAbove`: it is not the paragraph's first line, so what Word
        /// had as a paragraph of its own is shown as part of the one above.
        case fullWidthIndent(line: Int, joinsLineAbove: Bool)
        /// A line of a paragraph, not its first, starting with a number as Chinese text numbers
        /// items (`2．`, `2、`, `（2）`, `二、`, `②`): Markdown joins it to the line above, and the
        /// items the editor put on lines of their own run together.
        case numberedLineJoined(line: Int, number: String)
        /// A line of a paragraph starting with a bullet (`•`, `●`, Word's U+F0B7): a list pasted
        /// from Word, which Markdown reads as text. `joinsLineAbove`: not the paragraph's first line.
        case bulletLine(line: Int, bullet: Unicode.Scalar, joinsLineAbove: Bool)
        /// `![…](path with spaces)` left as text: a destination with a space is not a link.
        case unreadLink(line: Int, column: Int, destination: String, isImage: Bool)
        /// Lines of a table whose delimiter row (at `line`) has another number of columns than its header row.
        case tableColumnsDiffer(line: Int, header: Int, delimiter: Int)
        /// Rows between pipes, from `line`, with no delimiter row under the first.
        case tableWithoutDelimiterRow(line: Int)
        /// `**` or `*` left on the page as text because it stands between Chinese punctuation and a
        /// Chinese character (`**重点：**后文`): CommonMark's rules for where emphasis may open and
        /// close were made for text with spaces between words.
        case emphasisLeftAsText(line: Int)
        /// Bold inside bold: a `**` next to Chinese punctuation was paired with another than the
        /// editor's (`**“双减”**政策下的**家校共育**`), so the bold covers other words.
        case emphasisMispaired(line: Int)
        /// Lines of a paragraph, from `line`, whose columns tabs separate: a table pasted from a
        /// spreadsheet or Word, run together as one paragraph.
        case tableOfTabs(line: Int, rows: Int, firstRow: [String])
        /// A link or image typed with a Chinese input method's punctuation (`！[说明]（../a.jpg）`),
        /// left as text: as typed, and as Markdown reads it. `column` is in bytes.
        case linkTypedFullWidth(line: Int, column: Int, typed: String, fixed: String, linksPhoto: Bool)
    }

    /// Converts `markdown` to HTML. `rewrite` returns the destination to use instead (or nil to keep
    /// it) and any text to add after the link.
    /// Raw HTML is dropped unless `allowRawHTML`; libcmark also blanks `javascript:`, `vbscript:`,
    /// `file:` and most `data:` destinations in that mode.
    public static func render(_ markdown: String, allowRawHTML: Bool,
                              rewrite: (Destination) -> Rewrite) -> Output {
        let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        guard let root = markdown.withCString({ cmark_parse_document($0, strlen($0), options) }) else {
            return Output(html: "", plainText: "")
        }
        defer { cmark_node_free(root) }
        let (positions, tableSlips) = makeTables(in: root, markdown: markdown, options: options)

        // Gathered as bytes and made text once: a body has dozens of text nodes.
        var plain: [UInt8] = []
        var slips = tableSlips
        // Made at the first check that needs the lines as written, once: a line found by counting
        // from the top for each check took time that grew with the lines times the checks.
        var source: BodyLines?
        var softBreaksToDrop: [OpaquePointer] = []
        var emptiedParagraphs: [OpaquePointer] = []
        var textAfter: [(node: OpaquePointer, text: String)] = []
        // An image's words describe it to readers who cannot see it: quoted in a list's summary or
        // a search snippet, they read as a sentence of the text that is not there.
        var imageDepth = 0
        var strongDepth = 0
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            switch (event, type) {
            case (CMARK_EVENT_ENTER, CMARK_NODE_LINK), (CMARK_EVENT_ENTER, CMARK_NODE_IMAGE):
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let destination = Destination(url: url, isImage: type == CMARK_NODE_IMAGE,
                                              line: positions.line(node), column: positions.column(node),
                                              hasText: cmark_node_first_child(node) != nil)
                let rewritten = rewrite(destination)
                if let replacement = rewritten.url {
                    _ = cmark_node_set_url(node, replacement)
                }
                if let after = rewritten.after { textAfter.append((node, after)) }
                if type == CMARK_NODE_IMAGE { imageDepth += 1 }
            case (CMARK_EVENT_EXIT, CMARK_NODE_IMAGE):
                imageDepth -= 1
            case (CMARK_EVENT_ENTER, CMARK_NODE_STRONG):
                if strongDepth > 0 { slips.append(.emphasisMispaired(line: positions.line(node))) }
                strongDepth += 1
            case (CMARK_EVENT_EXIT, CMARK_NODE_STRONG):
                strongDepth -= 1
            case (CMARK_EVENT_ENTER, CMARK_NODE_TEXT), (CMARK_EVENT_ENTER, CMARK_NODE_CODE):
                if let literal = cmark_node_get_literal(node) {
                    let length = strlen(literal)
                    let kept: [UInt8]? = literal.withMemoryRebound(to: UInt8.self, capacity: length) {
                        let text = UnsafeBufferPointer(start: $0, count: length)
                        guard type == CMARK_NODE_TEXT else {
                            if imageDepth == 0 { plain.append(contentsOf: text) }
                            return nil
                        }
                        findSlips(inText: node, text, at: positions, into: &slips)
                        if text.contains(UInt8(ascii: "*")), let neighbours = emphasisLeftAsText(node, text) {
                            // Escaped (`\*\*`), the asterisks are what was meant, and libcmark's text is the
                            // same: only the line as written tells them apart.
                            source = source ?? BodyLines(markdown)
                            let written = Array("\(neighbours.before)**\(neighbours.after)".utf8)
                            let line = positions.line(node)
                            if source!.line(line).firstRange(of: written) != nil {
                                slips.append(.emphasisLeftAsText(line: line))
                            }
                        }
                        let indent = startsLine(node) ? fullWidthIndentLength(text) : 0
                        if imageDepth == 0 { plain.append(contentsOf: text[indent...]) }
                        return indent > 0 ? Array(text[indent...]) : nil
                    }
                    // The paragraph's first line is indented by the site's style sheet; kept, a
                    // pasted indent would double it.
                    if let kept {
                        _ = cmark_node_set_literal(node, String(decoding: kept, as: UTF8.self))
                        if kept.isEmpty, cmark_node_next(node) == nil, let paragraph = cmark_node_parent(node) {
                            emptiedParagraphs.append(paragraph)
                        }
                    }
                }
            case (CMARK_EVENT_ENTER, CMARK_NODE_CODE_BLOCK):
                // Chinese prose, or a row of a spreadsheet pasted with its empty first cell (`\t3月\t4月`).
                if let literal = cmark_node_get_literal(node).map({ String(cString: $0).unicodeScalars }), let first = literal.first,
                   isWide(first) || first == "\u{201C}" || first == "\u{2018}" || (literal.contains("\t") && literal.contains(where: \.isHan)) {
                    source = source ?? BodyLines(markdown)
                    let line = positions.line(node)
                    if !isFenced(line: line, column: positions.column(node), in: source!) {
                        slips.append(.proseAsCode(line: line))
                    }
                }
            case (CMARK_EVENT_EXIT, CMARK_NODE_PARAGRAPH), (CMARK_EVENT_EXIT, CMARK_NODE_HEADING), (CMARK_EVENT_EXIT, CMARK_NODE_ITEM):
                plain.append(UInt8(ascii: "\n"))
            case (CMARK_EVENT_EXIT, CMARK_NODE_CUSTOM_INLINE), (CMARK_EVENT_EXIT, CMARK_NODE_CUSTOM_BLOCK):
                // A table's caption or cell, a row or the table: text apart, as lines are.
                plain.append(UInt8(ascii: "\n"))
            case (CMARK_EVENT_ENTER, CMARK_NODE_SOFTBREAK):
                if joinsChineseText(node) { softBreaksToDrop.append(node) } else { plain.append(UInt8(ascii: " ")) }
            default:
                break
            }
        }
        // Browsers show a line break in the source as a space, which Chinese text must not have
        // where an editor wrapped a long line; libcmark has no option for it. A line of nothing
        // but full-width spaces, which Word leaves between paragraphs, is no paragraph.
        for node in softBreaksToDrop + emptiedParagraphs {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        // Added once the walk is over, so that the text is shown but is no part of the plain text.
        for (node, text) in textAfter {
            if let added = cmark_node_new(CMARK_NODE_TEXT) {
                _ = cmark_node_set_literal(added, text)
                if cmark_node_insert_after(node, added) == 0 { cmark_node_free(added) }
            }
        }
        // Invisible characters are no part of the text a reader sees: not of a description, not of a search term.
        let invisibles = plain.withUnsafeBufferPointer { TextCharacters.invisibles(in: $0) }
        for found in invisibles.reversed() {
            plain.removeSubrange(found.offset ..< found.offset + 3)
        }
        let plainText = String(decoding: plain, as: UTF8.self)
        guard let rendered = cmark_render_html(root, options) else {
            return Output(html: "", plainText: plainText, slips: slips)
        }
        defer { free(rendered) }
        var html = String(cString: rendered)
        // A code block scrolls sideways inside its own box on a phone: it takes the keyboard focus,
        // so that it can be scrolled without a mouse (WCAG 2.1.1). libcmark writes no attributes;
        // in safe mode '<pre><code' can only come from a code block, as text is escaped.
        html = html.replacingExactly("<pre><code", with: "<pre tabindex=\"0\"><code")
        return Output(html: html, plainText: plainText, slips: slips)
    }

    /// A text node at the start of a paragraph's line that starts with a full-width space, and
    /// link syntax left as text because its destination holds a space or it was typed full-width.
    private static func findSlips(inText node: OpaquePointer, _ text: UnsafeBufferPointer<UInt8>, at positions: Positions,
                                  into slips: inout [Slip]) {
        let line = positions.line(node)
        if let link = linkTypedFullWidth(text) {
            slips.append(.linkTypedFullWidth(line: line, column: positions.column(node) + link.offset, typed: link.typed, fixed: link.fixed,
                                             linksPhoto: link.linksPhoto))
        }
        if text.count >= 3, text[0] == 0xE3, text[1] == 0x80, text[2] == 0x80 {
            if startsLine(node) { slips.append(.fullWidthIndent(line: line, joinsLineAbove: cmark_node_previous(node) != nil)) }
        } else if let bullet = bullet(at: text), startsLine(node) {
            slips.append(.bulletLine(line: line, bullet: bullet, joinsLineAbove: cmark_node_previous(node) != nil))
        } else if let previous = cmark_node_previous(node), cmark_node_get_type(previous) == CMARK_NODE_SOFTBREAK,
                  let number = itemNumber(at: text) {
            slips.append(.numberedLineJoined(line: line, number: number))
        }
        // `[`, then `](`, then a destination up to its closing parenthesis (nested pairs allowed).
        // Each `]` found by memchr, which looks at many bytes at once: most texts hold none.
        var index = 0
        while index + 1 < text.count {
            guard let found = memchr(text.baseAddress! + index, Int32(UInt8(ascii: "]")), text.count - 1 - index) else { break }
            index = text.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            guard text[index + 1] == UInt8(ascii: "(") else {
                index += 1
                continue
            }
            let close = index
            index += 2
            guard let open = text[..<close].lastIndex(of: UInt8(ascii: "[")) else { continue }
            var depth = 0
            var end = index
            while end < text.count {
                if text[end] == UInt8(ascii: "(") { depth += 1 }
                if text[end] == UInt8(ascii: ")") {
                    if depth == 0 { break }
                    depth -= 1
                }
                end += 1
            }
            guard end < text.count else { break }
            let destination = String(decoding: UnsafeBufferPointer(rebasing: text[index ..< end]), as: UTF8.self)
            index = end + 1
            guard destination.unicodeScalars.contains(where: { $0 == " " || $0 == "\u{3000}" }) else { continue }
            let isImage = open > 0 && text[open - 1] == UInt8(ascii: "!")
            slips.append(.unreadLink(line: line, column: positions.column(node) + open - (isImage ? 1 : 0),
                                     destination: destination, isImage: isImage))
        }
    }

    /// The first `**` in a text node that libcmark left as text where it was meant to close bold
    /// after Chinese punctuation (`：**到`, `）**的`) or to open it before an opening bracket or
    /// quote (`意**（`). Its neighbours may be in the text nodes beside it. A masked name (`王**、`)
    /// and a footnote's `*` are neither, and are left alone.
    /// Returns the characters on either side of it.
    private static func emphasisLeftAsText(_ node: OpaquePointer, _ text: UnsafeBufferPointer<UInt8>)
        -> (before: Unicode.Scalar, after: Unicode.Scalar)? {
        let scalars = Array(String(decoding: text, as: UTF8.self).unicodeScalars)
        func neighbour(_ sibling: OpaquePointer?, last: Bool) -> Unicode.Scalar? {
            guard let sibling, cmark_node_get_type(sibling) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(sibling) else { return nil }
            let scalars = String(cString: literal).unicodeScalars
            return last ? scalars.last : scalars.first
        }
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "*" else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, scalars[end] == "*" { end += 1 }
            let before = index > 0 ? scalars[index - 1] : neighbour(cmark_node_previous(node), last: true)
            let after = end < scalars.count ? scalars[end] : neighbour(cmark_node_next(node), last: false)
            if end - index == 2, let before, let after,
               (isChinesePunctuation(before) && !isOpeningPunctuation(before) && after.isHan)
                || (before.isHan && isOpeningPunctuation(after)) {
                return (before, after)
            }
            index = end
        }
        return nil
    }

    /// Whether a text node starts a line of a paragraph: its first, or one after a line break.
    /// Where it does, a full-width indent is warned about and left out of the page alike.
    private static func startsLine(_ node: OpaquePointer) -> Bool {
        if let previous = cmark_node_previous(node) {
            return [CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK].contains(cmark_node_get_type(previous))
        }
        return cmark_node_parent(node).map { cmark_node_get_type($0) == CMARK_NODE_PARAGRAPH } == true
    }

    /// The bytes of the indent Word leaves at the start of a paragraph: full-width spaces (U+3000)
    /// from the first byte on, with any spaces and tabs mixed in. 0 when the text starts otherwise.
    static func fullWidthIndentLength(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        while index < text.count {
            if text[index] == UInt8(ascii: " ") || text[index] == UInt8(ascii: "\t") {
                guard index > 0 else { return 0 }
                index += 1
            } else if index + 2 < text.count, text[index] == 0xE3, text[index + 1] == 0x80, text[index + 2] == 0x80 {
                index += 3
            } else {
                break
            }
        }
        return index
    }

    /// Whether the code block starting at `line`, `column` (bytes) opens with a fence of ``` or ~~~.
    private static func isFenced(line: Int, column: Int, in source: BodyLines) -> Bool {
        let text = source.line(line)
        var index = text.startIndex + max(0, column - 1)
        while index < text.endIndex, text[index] == UInt8(ascii: " ") { index += 1 }
        guard index + 2 < text.endIndex else { return false }
        let mark = text[index]
        return (mark == UInt8(ascii: "`") || mark == UInt8(ascii: "~")) && text[index + 1] == mark && text[index + 2] == mark
    }

    /// Whether a soft line break stands between two Chinese (wide) characters.
    private static func joinsChineseText(_ softBreak: OpaquePointer) -> Bool {
        guard let before = cmark_node_previous(softBreak), let after = cmark_node_next(softBreak),
              cmark_node_get_type(before) == CMARK_NODE_TEXT, cmark_node_get_type(after) == CMARK_NODE_TEXT,
              let left = cmark_node_get_literal(before).map({ String(cString: $0) })?.unicodeScalars.last,
              let right = cmark_node_get_literal(after).map({ String(cString: $0) })?.unicodeScalars.first
        else { return false }
        return isWide(left) && isWide(right)
    }

    /// CJK ideographs, kana, Hangul and full-width punctuation: text that is written without spaces.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x303F, 0x3040...0x30FF, 0x3100...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }
}
