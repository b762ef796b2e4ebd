import CCmark
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
                case let .tabSeparated(line, rows, firstRow)?:
                    slips.append(.tableOfTabs(line: lines[line].number, rows: rows, firstRow: firstRow))
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

        /// The bytes of a line (1-based), without its line end; empty past the last line.
        func line(_ number: Int) -> ArraySlice<UInt8> {
            guard number >= 1, number <= starts.count else { return bytes[bytes.endIndex...] }
            let start = starts[number - 1]
            let end = number < starts.count ? starts[number] - 1 : bytes.count
            return bytes[start..<end]
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
