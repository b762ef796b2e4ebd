import CCmark
import Foundation
import BulletinSupport

/// The nodes of one table: a region that scrolls, the table, its caption, its head and body.
final class TableNodes {
    let alignments: [PipeTableSyntax.Alignment]
    let root: OpaquePointer
    private let head: OpaquePointer
    private var tableBody: OpaquePointer?
    private var headerCells: [OpaquePointer] = []

    init(alignments: [PipeTableSyntax.Alignment]) {
        self.alignments = alignments
        root = Self.block(enter: "", exit: "</table>\n</div>")
        head = Self.block(enter: "<thead>", exit: "</thead>")
        _ = cmark_node_append_child(root, head)
    }

    func addRow(isHeader: Bool) -> OpaquePointer {
        let row = Self.block(enter: "<tr>", exit: "</tr>")
        if isHeader {
            _ = cmark_node_append_child(head, row)
        } else {
            if tableBody == nil {
                let created = Self.block(enter: "<tbody>", exit: "</tbody>")
                _ = cmark_node_append_child(root, created)
                tableBody = created
            }
            _ = cmark_node_append_child(tableBody!, row)
        }
        return row
    }

    func addCell(to row: OpaquePointer, column: Int, isHeader: Bool) -> OpaquePointer {
        var tag = isHeader ? "<th scope=\"col\"" : "<td"
        switch alignments[column] {
        case .unset: break
        case .left: tag += " class=\"align-left\""
        case .center: tag += " class=\"align-center\""
        case .right: tag += " class=\"align-right\""
        }
        let cell = Self.inline(enter: (column == 0 ? "" : "\n") + tag + ">", exit: isHeader ? "</th>" : "</td>")
        _ = cmark_node_append_child(row, cell)
        if isHeader { headerCells.append(cell) }
        return cell
    }

    /// Opens the region and the table, named by the caption's text, or, without a caption, by the
    /// header cells' text, so that a screen reader announces what the scrolling region holds.
    func finish(caption: OpaquePointer?) {
        let name: String
        if let caption {
            let captionNode = Self.inline(enter: "<caption>", exit: "</caption>")
            while let inline = cmark_node_first_child(caption) {
                cmark_node_unlink(inline)
                _ = cmark_node_append_child(captionNode, inline)
            }
            cmark_node_unlink(caption)
            cmark_node_free(caption)
            _ = cmark_node_prepend_child(root, captionNode)
            name = Self.text(of: captionNode)
        } else {
            name = "表格：" + headerCells.map(Self.text(of:)).joined(separator: "、")
        }
        var enter: [UInt8] = Array("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"".utf8)
        MarkupEscaping.append(name, apostrophe: "&#39;", to: &enter)
        enter.append(contentsOf: "\">\n<table>".utf8)
        _ = cmark_node_set_on_enter(root, String(decoding: enter, as: UTF8.self))
    }

    /// The paragraph before `node`, if it names the table that `node` is to become.
    static func captionParagraph(before node: OpaquePointer) -> OpaquePointer? {
        cmark_node_previous(node).flatMap { isCaption($0) ? $0 : nil }
    }

    /// A paragraph of one line whose text names a table (`表1 2023年活动安排`).
    static func isCaption(_ node: OpaquePointer) -> Bool {
        guard cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH else { return false }
        var child = cmark_node_first_child(node)
        while let inline = child {
            let type = cmark_node_get_type(inline)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK { return false }
            child = cmark_node_next(inline)
        }
        return TableCaption.names(text(of: node))
    }

    /// The text of the text and code nodes below `node`.
    static func text(of node: OpaquePointer) -> String {
        var text: [UInt8] = []
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let inline = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(inline)
            guard type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(inline) else { continue }
            text.append(contentsOf: UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)))
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func block(enter: String, exit: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        _ = cmark_node_set_on_enter(node, enter)
        _ = cmark_node_set_on_exit(node, exit)
        return node
    }

    private static func inline(enter: String, exit: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
        _ = cmark_node_set_on_enter(node, enter)
        _ = cmark_node_set_on_exit(node, exit)
        return node
    }
}
