import CCmark
import BulletinSupport

/// Builds the nodes of one paragraph's tables and text, and puts them where the paragraph was.
struct TableBuilder {
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
        var tables: [Int: TableNodes] = [:]

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
                let table = TableNodes(alignments: alignments)
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

        var caption = TableNodes.captionParagraph(before: paragraph)
        for number in segments.indices {
            if let table = tables[number] {
                table.finish(caption: caption)
                _ = cmark_node_insert_before(paragraph, table.root)
                caption = nil
            } else {
                let produced = textBlocks[number] ?? []
                caption = nil
                for (offset, block) in produced.enumerated() {
                    if offset == produced.count - 1, number + 1 < segments.count, TableNodes.isCaption(block) {
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
