import CCmark
import Foundation
import BulletinSupport

/// Pipe tables on libcmark's syntax tree. CommonMark has no tables, so libcmark reads one as a
/// paragraph; a paragraph whose lines hold a header row and a delimiter row is replaced by the
/// table's HTML, as GitHub Flavored Markdown's table extension reads it. The cells are split on
/// the paragraph's text as written, then each is read as inline Markdown by libcmark together
/// with the body's link reference definitions, and put in the tree where the paragraph was, so
/// that links in cells are checked and rewritten like any other.
extension CommonMark {
    /// Where nodes read again from a table's text stand in the body: libcmark numbers them by the
    /// text it was given and cannot be told otherwise.
    struct Positions {
        private var moved: [OpaquePointer: (line: Int, column: Int)] = [:]

        func line(_ node: OpaquePointer) -> Int { moved[node]?.line ?? Int(cmark_node_get_start_line(node)) }
        func column(_ node: OpaquePointer) -> Int { moved[node]?.column ?? Int(cmark_node_get_start_column(node)) }

        /// Sets or (nil) forgets where `node` stands. A node freed after it was recorded may have its
        /// address given to one read later, which is recorded or forgotten in its turn.
        mutating func record(_ node: OpaquePointer, _ position: (line: Int, column: Int)?) { moved[node] = position }
    }

    /// Replaces every paragraph that holds a pipe table by the table, and the paragraph just before
    /// a table that names it (`表1 …`) by the table's caption. Returns where the nodes read again
    /// stand, and the paragraphs that look like a table but are none, as slips.
    static func makeTables(in root: OpaquePointer, markdown: String, options: Int32) -> (Positions, [Slip]) {
        var positions = Positions()
        var slips: [Slip] = []
        var candidates: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH,
                  cmark_node_get_end_line(node) > cmark_node_get_start_line(node) else { continue }
            candidates.append(node)
        }
        cmark_iter_free(iterator)
        guard !candidates.isEmpty else { return (positions, slips) }
        let body = BodyLines(markdown)
        for paragraph in candidates {
            let lines = body.lines(of: paragraph)
            let contents = lines.map { body.bytes[$0.content] }
            let segments = PipeTableSyntax.segments(contents)
            guard !segments.isEmpty else {
                switch PipeTableSyntax.miss(contents) {
                case let .columnsDiffer(line, header, delimiter)?:
                    slips.append(.tableColumnsDiffer(line: lines[line].number, header: header, delimiter: delimiter))
                case let .withoutDelimiterRow(line)?:
                    slips.append(.tableWithoutDelimiterRow(line: lines[line].number))
                case nil:
                    break
                }
                continue
            }
            TableBuilder(body: body, lines: lines, options: options)
                .replace(paragraph, by: segments, positions: &positions)
        }
        return (positions, slips)
    }

    /// The body's bytes and where each line starts.
    struct BodyLines {
        struct Line {
            /// 1-based line number in the body.
            var number: Int
            /// Offset of the line's first byte in the body.
            var start: Int
            /// The bytes of the paragraph's text on the line: containers' markers, indentation and
            /// trailing spaces left out.
            var content: Range<Int>
        }

        let bytes: [UInt8]
        private let starts: [Int]

        init(_ markdown: String) {
            bytes = Array(markdown.utf8)
            var starts = [0]
            for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
            self.starts = starts
        }

        /// The lines of a paragraph as written. The first starts where libcmark says the paragraph
        /// does; a later one after the markers of the block quotes and the indentation of the list
        /// items around it, or where a lazy continuation line leaves them out.
        func lines(of paragraph: OpaquePointer) -> [Line] {
            var containers: [cmark_node_type] = []
            var parent = cmark_node_parent(paragraph)
            while let node = parent {
                containers.insert(cmark_node_get_type(node), at: 0)
                parent = cmark_node_parent(node)
            }
            let first = Int(cmark_node_get_start_line(paragraph))
            let last = min(Int(cmark_node_get_end_line(paragraph)), starts.count)
            guard first >= 1, first <= last else { return [] }
            return (first ... last).map { number in
                let start = starts[number - 1]
                let end = number < starts.count ? starts[number] - 1 : bytes.count
                var index = start
                if number == first {
                    index = min(end, start + max(0, Int(cmark_node_get_start_column(paragraph)) - 1))
                } else {
                    containerLoop: for container in containers {
                        switch container {
                        case CMARK_NODE_BLOCK_QUOTE:
                            var spaces = 0
                            while index < end, bytes[index] == UInt8(ascii: " "), spaces < 3 { index += 1; spaces += 1 }
                            guard index < end, bytes[index] == UInt8(ascii: ">") else { break containerLoop }
                            index += 1
                            if index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
                        case CMARK_NODE_ITEM:
                            while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
                        default:
                            continue
                        }
                    }
                }
                while index < end, PipeTableSyntax.isSpace(bytes[index]) { index += 1 }
                var contentEnd = end
                while contentEnd > index, PipeTableSyntax.isSpace(bytes[contentEnd - 1]) { contentEnd -= 1 }
                return Line(number: number, start: start, content: index ..< contentEnd)
            }
        }
    }
}

/// Builds the nodes of one paragraph's tables and text, and puts them where the paragraph was.
private struct TableBuilder {
    let body: CommonMark.BodyLines
    let lines: [CommonMark.BodyLines.Line]
    let options: Int32

    /// A run of text given to libcmark to read: a line of a paragraph, or a cell. For each byte,
    /// the body line and column it came from.
    struct FragmentLine {
        var bytes: [UInt8]
        var line: Int
        var columns: [Int]
    }

    /// A part of the fragment, from its first line: the text of a segment, whose blocks are put
    /// back as they are, or a cell, which gets the inline content of its paragraph.
    struct Part {
        var segment: Int
        var cell: OpaquePointer?
        var firstLine: Int
    }

    func replace(_ paragraph: OpaquePointer, by segments: [PipeTableSyntax.Segment], positions: inout CommonMark.Positions) {
        var fragment: [FragmentLine?] = []
        var parts: [Part] = []
        var textBlocks: [Int: [OpaquePointer]] = [:]
        var tables: [Int: Table] = [:]

        for (number, segment) in segments.enumerated() {
            switch segment {
            case .text(let range):
                parts.append(Part(segment: number, firstLine: fragment.count + 1))
                for line in lines[range] {
                    fragment.append(FragmentLine(bytes: Array(body.bytes[line.content]), line: line.number,
                                                 columns: line.content.map { $0 - line.start + 1 }))
                }
                fragment.append(nil)
            case let .table(header, alignments, bodyRows):
                let table = Table(alignments: alignments)
                for (rowIndex, lineIndex) in ([header] + Array(bodyRows)).enumerated() {
                    let line = lines[lineIndex]
                    let cells = PipeTableSyntax.cells(body.bytes[line.content]) ?? []
                    let row = table.addRow(isHeader: rowIndex == 0)
                    for column in 0 ..< alignments.count {
                        let cellNode = table.addCell(to: row, column: column, isHeader: rowIndex == 0)
                        guard column < cells.count, !cells[column].text.isEmpty else { continue }
                        let offset = line.content.lowerBound - line.start + 1
                        var cell = FragmentLine(bytes: cells[column].text, line: line.number,
                                                columns: cells[column].offsets.map { $0 + offset })
                        if !readsAsOneParagraph(cell.bytes) {
                            cell = escapedBlockStart(cell)
                        }
                        parts.append(Part(segment: number, cell: cellNode, firstLine: fragment.count + 1))
                        fragment.append(cell)
                        fragment.append(nil)
                    }
                }
                tables[number] = table
            }
        }

        // The body follows the fragment, so that `[文件][1]` in a cell finds the body's link
        // reference definition; the body's own blocks, after the fragment's lines, are left out.
        var text: [UInt8] = []
        for line in fragment {
            text.append(contentsOf: line?.bytes ?? [])
            text.append(UInt8(ascii: "\n"))
        }
        text.append(UInt8(ascii: "\n"))
        text.append(contentsOf: body.bytes)
        let parsed = text.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, buffer.count, options)
            }
        }
        guard let parsed else {
            tables.values.forEach { cmark_node_free($0.root) }
            return
        }
        defer { cmark_node_free(parsed) }

        var blocks: [OpaquePointer] = []
        var child = cmark_node_first_child(parsed)
        while let node = child {
            blocks.append(node)
            child = cmark_node_next(node)
        }
        var index = 0
        for block in blocks {
            let line = Int(cmark_node_get_start_line(block))
            guard line >= 1, line <= fragment.count, !parts.isEmpty else { break }
            while index + 1 < parts.count, parts[index + 1].firstLine <= line { index += 1 }
            record(block, fragment: fragment, positions: &positions)
            cmark_node_unlink(block)
            guard let cellNode = parts[index].cell else {
                textBlocks[parts[index].segment, default: []].append(block)
                continue
            }
            if cmark_node_get_type(block) == CMARK_NODE_PARAGRAPH {
                while let inline = cmark_node_first_child(block) {
                    cmark_node_unlink(inline)
                    _ = cmark_node_append_child(cellNode, inline)
                }
            }
            cmark_node_free(block)
        }

        var caption = Table.captionParagraph(before: paragraph)
        for number in segments.indices {
            if let table = tables[number] {
                table.finish(caption: caption)
                _ = cmark_node_insert_before(paragraph, table.root)
                caption = nil
            } else {
                let produced = textBlocks[number] ?? []
                caption = nil
                for (offset, block) in produced.enumerated() {
                    if offset == produced.count - 1, number + 1 < segments.count, Table.isCaption(block) {
                        caption = block
                    }
                    _ = cmark_node_insert_before(paragraph, block)
                }
            }
        }
        cmark_node_unlink(paragraph)
        cmark_node_free(paragraph)
    }

    /// Gives each node of `block` the body line and column of the text it was read from.
    private func record(_ block: OpaquePointer, fragment: [FragmentLine?], positions: inout CommonMark.Positions) {
        let iterator = cmark_iter_new(block)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let line = Int(cmark_node_get_start_line(node))
            guard line >= 1, line <= fragment.count, let source = fragment[line - 1], !source.columns.isEmpty else {
                positions.record(node, nil)
                continue
            }
            let column = Int(cmark_node_get_start_column(node))
            let mapped = column >= 1 && column <= source.columns.count ? source.columns[column - 1] : source.columns[source.columns.count - 1] + 1
            positions.record(node, (source.line, mapped))
        }
    }

    /// Whether libcmark reads `bytes` on a line of their own as one paragraph: a cell holds inline
    /// Markdown only, so `# 标题`, `- 项`, `1. 项`, `> 引文` or a fence in a cell are its text.
    private func readsAsOneParagraph(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, PipeTableSyntax.isASCIIPunctuation(first) || first.isASCIIDigit else { return true }
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, buffer.count, options)
            }
        }
        guard let parsed else { return false }
        defer { cmark_node_free(parsed) }
        guard let only = cmark_node_first_child(parsed) else { return false }
        return cmark_node_get_type(only) == CMARK_NODE_PARAGRAPH && cmark_node_next(only) == nil
    }

    /// The cell with a backslash before what starts a block: its first character, or the `.` or
    /// `)` after the digits of an ordered list's number.
    private func escapedBlockStart(_ cell: FragmentLine) -> FragmentLine {
        var index = 0
        while index < cell.bytes.count, cell.bytes[index].isASCIIDigit { index += 1 }
        if index == cell.bytes.count { return cell }
        var escaped = cell
        escaped.bytes.insert(UInt8(ascii: "\\"), at: index)
        escaped.columns.insert(cell.columns[index], at: index)
        return escaped
    }
}

/// The nodes of one table: a region that scrolls, the table, its caption, its head and body.
private final class Table {
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
