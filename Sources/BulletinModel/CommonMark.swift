import CCmark
import Foundation
import BulletinLoad
import BulletinSupport

/// The one place that calls libcmark. Parses CommonMark, lets the caller inspect and rewrite
/// every link and image destination, and renders HTML.
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

    public struct Output {
        public var html: String
        public var plainText: String
    }

    /// Converts `markdown` to HTML. `rewrite` returns the destination to use instead, or nil to keep it.
    /// Raw HTML is dropped unless `allowRawHTML`; libcmark also blanks `javascript:`, `vbscript:`,
    /// `file:` and most `data:` destinations in that mode.
    public static func render(_ markdown: String, allowRawHTML: Bool,
                              rewrite: (Destination) -> String?) -> Output {
        let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        guard let root = markdown.withCString({ cmark_parse_document($0, strlen($0), options) }) else {
            return Output(html: "", plainText: "")
        }
        defer { cmark_node_free(root) }

        // Gathered as bytes and made text once: a body has dozens of text nodes.
        var plain: [UInt8] = []
        var softBreaksToDrop: [OpaquePointer] = []
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
                                              line: Int(cmark_node_get_start_line(node)),
                                              column: Int(cmark_node_get_start_column(node)),
                                              hasText: cmark_node_first_child(node) != nil)
                if let replacement = rewrite(destination) {
                    _ = cmark_node_set_url(node, replacement)
                }
            case (CMARK_EVENT_ENTER, CMARK_NODE_TEXT), (CMARK_EVENT_ENTER, CMARK_NODE_CODE):
                if let literal = cmark_node_get_literal(node) {
                    let length = strlen(literal)
                    literal.withMemoryRebound(to: UInt8.self, capacity: length) {
                        plain.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
                    }
                }
            case (CMARK_EVENT_EXIT, CMARK_NODE_PARAGRAPH), (CMARK_EVENT_EXIT, CMARK_NODE_HEADING), (CMARK_EVENT_EXIT, CMARK_NODE_ITEM):
                plain.append(UInt8(ascii: "\n"))
            case (CMARK_EVENT_ENTER, CMARK_NODE_SOFTBREAK):
                if joinsChineseText(node) { softBreaksToDrop.append(node) } else { plain.append(UInt8(ascii: " ")) }
            default:
                break
            }
        }
        // Browsers show a line break in the source as a space, which Chinese text must not have
        // where an editor wrapped a long line; libcmark has no option for it.
        for node in softBreaksToDrop {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        let plainText = String(decoding: plain, as: UTF8.self)
        guard let rendered = cmark_render_html(root, options) else {
            return Output(html: "", plainText: plainText)
        }
        defer { free(rendered) }
        return Output(html: String(cString: rendered), plainText: plainText)
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
