import BulletinSupport

/// The lines of a pipe table (the syntax of GitHub Flavored Markdown's table extension, which
/// GitHub and Hugo read): a header row, a delimiter row of dashes that gives each column its
/// alignment, then body rows. Works on the bytes of one line, container markers removed;
/// what a cell holds is read as inline Markdown afterwards.
enum PipeTableSyntax {
    enum Alignment: Equatable, Sendable {
        case unset, left, center, right
    }

    /// One cell of a row: its text with `\|` made `|` and spaces trimmed, and for each of its
    /// bytes the offset of the byte it came from in the line.
    struct Cell: Equatable {
        var text: [UInt8]
        var offsets: [Int]
    }

    /// A run of a paragraph's lines: text, or a table made of a header, its alignments and body rows.
    enum Segment: Equatable {
        case text(Range<Int>)
        case table(header: Int, alignments: [Alignment], bodyRows: Range<Int>)
    }

    /// Splits a paragraph's lines into text and tables. A table starts where a line is a delimiter
    /// row with as many cells as the line before it (its header row); lines before the header stay
    /// a paragraph; every following line that has a cell is a body row. A line without any cell
    /// ends the table and starts text again, which may hold another table.
    static func segments(_ lines: [ArraySlice<UInt8>]) -> [Segment] {
        var segments: [Segment] = []
        var textStart = 0
        var index = 1
        while index < lines.count {
            guard let alignments = alignments(lines[index]), index - 1 >= textStart,
                  let header = cells(lines[index - 1]), header.count == alignments.count else {
                index += 1
                continue
            }
            if index - 1 > textStart { segments.append(.text(textStart ..< index - 1)) }
            var end = index + 1
            while end < lines.count, cells(lines[end]) != nil { end += 1 }
            segments.append(.table(header: index - 1, alignments: alignments, bodyRows: index + 1 ..< end))
            textStart = end
            index = end + 1
        }
        if textStart < lines.count, !segments.isEmpty { segments.append(.text(textStart ..< lines.count)) }
        return segments
    }

    /// Why lines that were meant as a table (as far as can be told) are not one: a delimiter row
    /// under a row of pipes with another number of columns, or rows between pipes and no delimiter
    /// row. Indexes are into the lines given.
    enum Miss: Equatable {
        case columnsDiffer(line: Int, header: Int, delimiter: Int)
        case withoutDelimiterRow(line: Int)
        /// Rows whose columns a tab separates, as a table copied from Excel, WPS or Word pastes:
        /// the first of them, how many there are, and the first one's cells.
        case tabSeparated(line: Int, rows: Int, firstRow: [String])
    }

    /// What keeps lines that hold no table from being one, when they look like one.
    static func miss(_ lines: [ArraySlice<UInt8>]) -> Miss? {
        for index in lines.indices.dropFirst() where lines[index].contains(pipe) {
            guard let alignments = alignments(lines[index]), lines[index - 1].contains(pipe),
                  let header = cells(lines[index - 1]), header.count != alignments.count else { continue }
            return .columnsDiffer(line: index, header: header.count, delimiter: alignments.count)
        }
        let framed = lines.filter { $0.first == pipe && $0.last == pipe && $0.count > 2 && (cells($0)?.count ?? 0) >= 2 }
        if framed.count >= 2, let first = lines.firstIndex(where: { $0.first == pipe }) {
            return .withoutDelimiterRow(line: first)
        }
        // The lines' own ends are trimmed: a tab left in one stands between two columns. Word's
        // automatic numbering and bullets paste as a number or bullet, a tab and the text
        // (`一、\t活动主题`, `•\t家访`): no table.
        let tabbed = lines.indices.filter { lines[$0].contains(tab) && !isNumberedLine(lines[$0]) }
        if tabbed.count >= 2, let first = tabbed.first {
            let firstRow = lines[first].split(separator: tab, omittingEmptySubsequences: false).map { cell in
                var trimmed = cell.drop { isSpace($0) }
                while let last = trimmed.last, isSpace(last) { trimmed = trimmed.dropLast() }
                return String(decoding: trimmed, as: UTF8.self)
            }
            // A spreadsheet's header row often starts with an empty cell, over the rows' names:
            // its tab is the paragraph's indentation, trimmed away. The row is as wide as the widest.
            let columns = tabbed.map { lines[$0].count { $0 == tab } + 1 }.max() ?? firstRow.count
            let emptyFirstCells = [String](repeating: "", count: max(0, columns - firstRow.count))
            return .tabSeparated(line: first, rows: tabbed.count, firstRow: emptyFirstCells + firstRow)
        }
        return nil
    }

    /// The cells of a row, or nil when the line has none (a lone `|`). A pipe that a backslash
    /// escapes is part of a cell, inside a code span too; an unescaped one always ends a cell.
    /// One leading and one trailing pipe are optional.
    static func cells(_ line: ArraySlice<UInt8>) -> [Cell]? {
        var cells: [Cell] = []
        var index = line.startIndex
        if index < line.endIndex, line[index] == pipe { index = afterSpaces(line, from: index + 1) }
        while index < line.endIndex {
            var cellEnd = index
            while cellEnd < line.endIndex, line[cellEnd] != pipe {
                let escapes = line[cellEnd] == backslash && cellEnd + 1 < line.endIndex && isASCIIPunctuation(line[cellEnd + 1])
                cellEnd += escapes ? 2 : 1
            }
            cells.append(cell(line, index ..< cellEnd))
            guard cellEnd < line.endIndex else { break }
            index = afterSpaces(line, from: cellEnd + 1)
        }
        return cells.isEmpty ? nil : cells
    }

    /// The alignments of a delimiter row (`| :--- | :---: | ---: |`), or nil when the line is not one.
    static func alignments(_ line: ArraySlice<UInt8>) -> [Alignment]? {
        var alignments: [Alignment] = []
        var index = line.startIndex
        if index < line.endIndex, line[index] == pipe { index += 1 }
        while true {
            index = afterSpaces(line, from: index)
            let left = index < line.endIndex && line[index] == colon
            if left { index += 1 }
            let dashes = index
            while index < line.endIndex, line[index] == dash { index += 1 }
            guard index > dashes else { return nil }
            let right = index < line.endIndex && line[index] == colon
            if right { index += 1 }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .unset)
            index = afterSpaces(line, from: index)
            if index == line.endIndex { return alignments }
            guard line[index] == pipe else { return nil }
            index = afterSpaces(line, from: index + 1)
            if index == line.endIndex { return alignments }
        }
    }

    /// The bytes of `range`, with the backslash of each `\|` dropped and spaces trimmed at both ends.
    private static func cell(_ line: ArraySlice<UInt8>, _ range: Range<Int>) -> Cell {
        var cell = Cell(text: [], offsets: [])
        var index = range.lowerBound
        while index < range.upperBound {
            if line[index] == backslash, index + 1 < range.upperBound, line[index + 1] == pipe { index += 1 }
            cell.text.append(line[index])
            cell.offsets.append(index - line.startIndex)
            index += 1
        }
        let first = cell.text.firstIndex { !isSpace($0) } ?? cell.text.endIndex
        let last = cell.text.lastIndex { !isSpace($0) }.map { $0 + 1 } ?? first
        return Cell(text: Array(cell.text[first ..< max(first, last)]), offsets: Array(cell.offsets[first ..< max(first, last)]))
    }

    private static func afterSpaces(_ line: ArraySlice<UInt8>, from start: Int) -> Int {
        var index = start
        while index < line.endIndex, isSpace(line[index]) { index += 1 }
        return index
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 0x0B || byte == 0x0C || byte == UInt8(ascii: "\r")
    }

    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21 ... 0x2F).contains(byte) || (0x3A ... 0x40).contains(byte) || (0x5B ... 0x60).contains(byte) || (0x7B ... 0x7E).contains(byte)
    }

    /// A line whose text before its first tab is a bullet, or only an item's or a section's number.
    private static func isNumberedLine(_ line: ArraySlice<UInt8>) -> Bool {
        let first = line.prefix { $0 != tab }
        return Array(first).withUnsafeBufferPointer { text in
            CommonMark.bullet(at: text) != nil || CommonMark.itemNumber(at: text).map { $0.utf8.count == first.count } ?? false
        }
    }

    private static let pipe = UInt8(ascii: "|")
    private static let tab = UInt8(ascii: "\t")
    private static let backslash = UInt8(ascii: "\\")
    private static let colon = UInt8(ascii: ":")
    private static let dash = UInt8(ascii: "-")
}
