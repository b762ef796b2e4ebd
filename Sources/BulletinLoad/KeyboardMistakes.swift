import BulletinSupport

/// The mistakes a Chinese input method and text pasted from Word or WPS make in YAML, found
/// before the YAML is read: the YAML library reports them as a generic error on another line,
/// or not at all. `first(in:)` gives the first one, at its line and column (in characters).
///
/// Only the start of a line is read as YAML is: the field name, the ':' and the space after it,
/// and the indentation. Values are left alone (`http://`, `10:30`, a colon in a Chinese
/// sentence), and so are comments, the lines of a `|` or `>` block and the continuation lines
/// of a long value. Invisible characters are found everywhere.
enum KeyboardMistakes {
    enum Finding: Equatable {
        /// `title：开放日`: the colon of a Chinese input method.
        case fullWidthColon(key: String, line: Int, column: Int)
        /// `title:开放日`: YAML needs a space after the colon.
        case missingSpace(key: String, line: Int, column: Int)
        /// A full-width, non-breaking or other space where YAML wants an ordinary space at the start of a line.
        case spaceInIndentation(Unicode.Scalar, line: Int, column: Int)
        /// `title:　开放日` or `title: 　开放日`.
        case spaceAfterColon(Unicode.Scalar, key: String, line: Int, column: Int)
        case invisible(Unicode.Scalar, line: Int, column: Int)

        var line: Int {
            switch self {
            case let .fullWidthColon(_, line, _), let .missingSpace(_, line, _), let .spaceInIndentation(_, line, _),
                 let .spaceAfterColon(_, _, line, _), let .invisible(_, line, _):
                line
            }
        }
    }

    /// URL schemes written at the start of a list entry (`- tel:023…`): a value, not a field.
    /// (`file` is a field of ours; `file:///` is left alone for its '/'.)
    private static let schemes: Set<String> = ["http", "https", "mailto", "tel", "ftp", "sms"]

    static func first(in yaml: String) -> Finding? {
        var lineNumber = 0
        /// Lines indented more than this belong to a `|` or `>` block.
        var blockIndent: Int?
        /// Lines indented more than this continue the value of the line before.
        var continuationIndent: Int?
        // Lines split on the bytes: splitting Chinese text into Characters costs far more.
        for text in yaml.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Array(Substring(text).unicodeScalars)
            var found: (scalarIndex: Int, make: (Int) -> Finding)?
            func note(_ index: Int, _ make: @escaping (Int) -> Finding) {
                if found == nil || index < found!.scalarIndex { found = (index, make) }
            }
            if let index = firstInvisible(line) {
                let scalar = line[index]
                note(index) { .invisible(scalar, line: lineNumber, column: $0) }
            }
            var indent = 0
            while indent < line.count, line[indent] == " " { indent += 1 }
            let blank = indent == line.count
            if let block = blockIndent, blank || indent > block {
                // Inside a `|` or `>` block: its text is the value, spaces and colons included.
            } else if let continued = continuationIndent, !blank, indent > continued {
                // The value of the line before goes on.
            } else if !blank {
                blockIndent = nil
                continuationIndent = nil
                readLine(line, indent: indent, lineNumber: lineNumber, note: note, blockIndent: &blockIndent,
                         continuationIndent: &continuationIndent)
            }
            if let found {
                let column = String(String.UnicodeScalarView(line[..<found.scalarIndex])).count + 1
                return found.make(column)
            }
        }
        return nil
    }

    /// The start of a line outside a block: `[- ]name: value`, read as far as YAML needs.
    private static func readLine(_ line: [Unicode.Scalar], indent: Int, lineNumber: Int, note: (Int, @escaping (Int) -> Finding) -> Void,
                                 blockIndent: inout Int?, continuationIndent: inout Int?) {
        func otherSpace(_ index: Int) -> Bool { index < line.count && TextCharacters.isOtherSpace(line[index]) }
        func spaceInIndentation(_ index: Int) {
            let scalar = line[index]
            note(index) { .spaceInIndentation(scalar, line: lineNumber, column: $0) }
        }
        if otherSpace(indent) { return spaceInIndentation(indent) }
        if line[indent] == "#" { return }
        var start = indent
        let isEntry = line[indent] == "-" && (indent + 1 == line.count || line[indent + 1] == " " || otherSpace(indent + 1))
        if isEntry {
            if otherSpace(indent + 1) { return spaceInIndentation(indent + 1) }
            start = indent + 1
            while start < line.count, line[start] == " " { start += 1 }
            if otherSpace(start) { return spaceInIndentation(start) }
            if start == line.count { return }
        }
        var end = start
        func isKeyStart(_ scalar: Unicode.Scalar) -> Bool {
            // A list entry is a value as often as a block of fields: only a name like ours, in
            // lower case, is taken for a field name there.
            isEntry ? ("a" ... "z").contains(scalar) : ("a" ... "z").contains(scalar) || ("A" ... "Z").contains(scalar) || scalar == "_"
        }
        if isKeyStart(line[start]) {
            end += 1
            while end < line.count, ("a" ... "z").contains(line[end]) || ("A" ... "Z").contains(line[end]) || ("0" ... "9").contains(line[end])
                || line[end] == "_" || line[end] == "-" { end += 1 }
        }
        guard end > start else {
            // A value (`- 重庆市妇女联合会`, `- "…"`) or a line of another shape: what follows, deeper, continues it.
            if isEntry, line[start] == "|" || line[start] == ">" { blockIndent = indent } else { continuationIndent = indent }
            return
        }
        // Made only for a finding: nearly every line is a field as it should be.
        func keyText() -> String { String(String.UnicodeScalarView(line[start ..< end])) }
        var afterKey = end
        while afterKey < line.count, line[afterKey] == " " { afterKey += 1 }
        if afterKey < line.count, line[afterKey] == "\u{FF1A}" {
            let key = keyText()
            return note(afterKey) { .fullWidthColon(key: key, line: lineNumber, column: $0) }
        }
        guard end < line.count, line[end] == ":" else {
            continuationIndent = isEntry ? indent : start
            return
        }
        let next = end + 1
        if next == line.count { return }
        if otherSpace(next) {
            let scalar = line[next], key = keyText()
            return note(next) { .spaceAfterColon(scalar, key: key, line: lineNumber, column: $0) }
        }
        if line[next] == " " || line[next] == "\t" {
            var value = next
            while value < line.count, line[value] == " " || line[value] == "\t" { value += 1 }
            if otherSpace(value) {
                let scalar = line[value], key = keyText()
                return note(value) { .spaceAfterColon(scalar, key: key, line: lineNumber, column: $0) }
            }
            if value == line.count || line[value] == "#" { return }
            if line[value] == "|" || line[value] == ">" { blockIndent = start } else { continuationIndent = start }
            return
        }
        // `name:value`: a value for YAML, not a field. Addresses (`http://`, `C:\`) and schemes are left alone.
        continuationIndent = isEntry ? indent : start
        let key = keyText()
        if line[next] == "/" || line[next] == "\\" || schemes.contains(key.lowercased()) { return }
        note(next) { .missingSpace(key: key, line: lineNumber, column: $0) }
    }

    /// The first invisible character of a line; a joiner between two emoji is meant.
    private static func firstInvisible(_ line: [Unicode.Scalar]) -> Int? {
        for index in line.indices where TextCharacters.isInvisible(line[index]) {
            if line[index].value == 0x200D,
               TextCharacters.joinsEmoji(index > 0 ? line[index - 1] : nil, index + 1 < line.count ? line[index + 1] : nil) { continue }
            return index
        }
        return nil
    }
}
