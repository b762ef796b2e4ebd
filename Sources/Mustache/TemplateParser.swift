import BulletinSupport

/// A template that cannot be parsed: where, and why, in words a theme maintainer can act on.
package struct TemplateSyntaxError: Error, Equatable {
    package var line: Int
    package var column: Int
    /// Why, from the message catalogue; its English text is `message`.
    package var text: Message

    package var message: String { text.text(in: .english) }
}

/// Mustache text → nodes, once per template. Follows the Mustache specification: sections,
/// inverted sections, comments, partials, set delimiters, and inheritance (`{{<parent}}` with
/// `{{$block}}`); a line holding only a standalone tag (anything but a variable) and white space
/// is left out of the output. A block is re-indented as the specification's inheritance cases have
/// it: its own indentation is taken off where it is written, its tag's added where it is expanded.
/// Names are ASCII letters, digits and `.-_?`, optionally wrapped in transforms (`empty(view.models)`).
package struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0

    package static func parse(_ text: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        var parser = TemplateParser(bytes: Array(text.utf8))
        var definitions: [String: [TemplateNode]] = [:]
        return try parser.parseNodes(Scope(), definitions: &definitions).nodes
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// What a run of nodes is parsed under; a section's nodes get a copy.
    private struct Scope {
        /// The name the closing tag must repeat, and where its section was opened.
        var closing: (name: String, at: Int)?
        var atLineStart = true
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)
        /// Directly inside `{{<parent}}`, where only block definitions count.
        var parentTopLevel = false
        /// The intrinsic indentation of the enclosing blocks, taken off the start of every line: a
        /// block's text sits where its tag puts it, not where its source was indented.
        var dropIndent = 0
        /// How many sections, blocks and parents enclose these nodes.
        var depth = 0
    }

    /// Deeper nesting is refused: parsing it would only exhaust the stack.
    static let maximumDepth = 100

    private enum TextEnd {
        case newline(length: Int)
        case tag
        case end
    }

    /// The nodes up to the closing tag of `initial`'s section (or the end), and whether that
    /// closing tag stood alone on its line, which decides where the text after it starts.
    private mutating func parseNodes(_ initial: Scope, definitions: inout [String: [TemplateNode]]) throws(TemplateSyntaxError)
        -> (nodes: [TemplateNode], closedStandalone: Bool)
    {
        if initial.depth > Self.maximumDepth, let closing = initial.closing {
            throw error(at: closing.at, .templateNestedTooDeep, ["limit": String(Self.maximumDepth)])
        }
        var nodes: [TemplateNode] = []
        var scope = initial
        var whitespaceBefore: ArraySlice<UInt8> = []
        while position < bytes.count {
            var freshWhitespace = false
            if scope.atLineStart {
                whitespaceBefore = readSpacesAndTabs().dropFirst(scope.dropIndent)
                freshWhitespace = true
            }
            let (run, end) = readText(until: scope.open)
            if case let .newline(length) = end {
                nodes.append(.text(Array(whitespaceBefore + run + bytes[position ..< position + length])))
                position += length
                scope.atLineStart = true
                continue
            }
            if !run.isEmpty {
                nodes.append(.text(Array(whitespaceBefore + run)))
                whitespaceBefore = []
                scope.atLineStart = false
            }
            guard case .tag = end else {
                // White space that ends the text is kept.
                if run.isEmpty, freshWhitespace, !whitespaceBefore.isEmpty { nodes.append(.text(Array(whitespaceBefore))) }
                break
            }
            let tagStart = position - scope.open.count
            guard position < bytes.count else { throw error(at: tagStart, .templateTagUnfinished, ["close": text(scope.close)]) }
            func flushWhitespace() {
                if !whitespaceBefore.isEmpty { nodes.append(.text(Array(whitespaceBefore))) }
                whitespaceBefore = []
            }
            var standalone = false
            let sigil = bytes[position]
            if scope.parentTopLevel, !"!$=/".utf8.contains(sigil) {
                throw error(at: tagStart, .templateOnlyBlocksInParent)
            }
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                position += 1
                let name = try readName(scope)
                // A standalone tag's white space is its own, even when the closing tag is not alone on its line.
                if isStandalone(scope) {
                    standalone = true
                    whitespaceBefore = []
                } else {
                    flushWhitespace()
                }
                let (children, closedStandalone) = try parseSection(name.written, openedAt: tagStart, standalone: standalone,
                                                                    in: scope, definitions: &definitions)
                nodes.append(.section(name, children, inverted: sigil == UInt8(ascii: "^")))
                standalone = closedStandalone

            case UInt8(ascii: "/"):
                position += 1
                let nameStart = position
                let name = try readName(scope, allowingSlash: true)
                guard let closing = scope.closing else {
                    throw error(at: nameStart, .templateCloseUnopened, ["name": name.written])
                }
                guard name.written == closing.name else {
                    throw error(at: nameStart, .templateCloseMismatch)
                }
                let closedStandalone = isStandalone(scope)
                if !closedStandalone { flushWhitespace() }
                return (nodes, closedStandalone)

            case UInt8(ascii: "!"):
                position += 1
                guard let closeAt = find(scope.close, from: position) else { throw error(at: tagStart, .templateCommentUnclosed) }
                position = closeAt + scope.close.count
                standalone = isStandalone(scope)

            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                flushWhitespace()
                position += 1
                let name = try readName(scope)
                if sigil == UInt8(ascii: "{") {
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else {
                        throw error(at: tagStart, .templateTripleUnclosed)
                    }
                    position += 1
                }
                nodes.append(.variable(name, escaped: false))

            case UInt8(ascii: ">"):
                position += 1
                let name = try readPartialName(scope, tagStart: tagStart)
                let indentation = Array(whitespaceBefore)
                standalone = isStandalone(scope)
                // A standalone partial's white space becomes its indentation, first line included.
                if standalone { whitespaceBefore = [] } else { flushWhitespace() }
                nodes.append(.partial(name, indentation: standalone ? indentation : [], overrides: [:]))

            case UInt8(ascii: "<"):
                position += 1
                let name = try readPartialName(scope, tagStart: tagStart)
                var inner = scope
                inner.depth += 1
                inner.closing = (name, tagStart)
                inner.parentTopLevel = true
                var overrides: [String: [TemplateNode]] = [:]
                standalone = try parseNodes(inner, definitions: &overrides).closedStandalone
                // The pair stands for one partial tag: when it is alone on its line, its white space
                // indents the parent, as a standalone `{{> name}}`'s does.
                let alone = standalone && scope.atLineStart
                let indentation = alone ? Array(whitespaceBefore) : []
                if alone { whitespaceBefore = [] } else { flushWhitespace() }
                nodes.append(.partial(name, indentation: indentation, overrides: overrides))

            case UInt8(ascii: "$"):
                position += 1
                let name = try readName(scope)
                guard name.transforms.isEmpty, name.start == .stack, name.segments.count == 1 else {
                    throw error(at: tagStart, .templateBlockNamePlain)
                }
                // Inside a parent nothing but blocks counts, so only what follows a definition's tag decides.
                standalone = scope.parentTopLevel ? skipBlankRestOfLine() : isStandalone(scope)
                // When the tag stands alone, the block's first line gives its intrinsic indentation: taken
                // off each of its lines, defaults and overrides alike, and put back where the block is
                // expanded, so an override fits the parent however its own source was indented. Otherwise
                // a block first on its line is indented by the white space before its tag.
                let intrinsic = standalone ? indentationAhead(dropping: scope.dropIndent) : nil
                let indentation = intrinsic ?? Array(whitespaceBefore)
                if scope.parentTopLevel || intrinsic != nil { whitespaceBefore = [] } else { flushWhitespace() }
                let (children, closedStandalone) = try parseSection(name.written, openedAt: tagStart, standalone: standalone,
                                                                    dropping: intrinsic?.count ?? 0, in: scope, definitions: &definitions)
                standalone = closedStandalone
                if scope.parentTopLevel {
                    definitions[name.written] = children
                } else {
                    nodes.append(.block(name.written, defaults: children, indentation: indentation))
                }

            case UInt8(ascii: "="):
                position += 1
                let (open, close) = try readDelimiters(scope, tagStart: tagStart)
                scope.open = open
                scope.close = close
                standalone = isStandalone(scope)

            case UInt8(ascii: "%"):
                throw error(at: tagStart, .templatePragmaUnsupported)

            default:
                flushWhitespace()
                nodes.append(.variable(try readName(scope), escaped: true))
            }
            // Inside a parent, tags do not end what stands alone on a line: only text does.
            scope.atLineStart = standalone || (scope.parentTopLevel && scope.atLineStart)
        }
        if let closing = scope.closing {
            throw error(at: closing.at, .templateSectionUnclosed, ["name": closing.name])
        }
        return (nodes, true)
    }

    /// The nodes of a section or block opened by a tag at `openedAt`, up to its closing tag.
    private mutating func parseSection(_ name: String, openedAt: Int, standalone: Bool, dropping indent: Int = 0, in scope: Scope,
                                       definitions: inout [String: [TemplateNode]]) throws(TemplateSyntaxError)
        -> (nodes: [TemplateNode], closedStandalone: Bool)
    {
        var inner = scope
        inner.depth += 1
        inner.closing = (name, openedAt)
        inner.parentTopLevel = false
        inner.atLineStart = standalone
        inner.dropIndent += indent
        return try parseNodes(inner, definitions: &definitions)
    }

    // MARK: Reading

    private mutating func readSpacesAndTabs() -> ArraySlice<UInt8> {
        let start = position
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") { position += 1 }
        return bytes[start ..< position]
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[position]) {
            position += 1
        }
    }

    /// Text up to a line end (left in place), a tag's opening delimiter (passed) or the end.
    private mutating func readText(until open: [UInt8]) -> (ArraySlice<UInt8>, TextEnd) {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") { return (bytes[start ..< position], .newline(length: 1)) }
            if byte == UInt8(ascii: "\r"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\n") {
                return (bytes[start ..< position], .newline(length: 2))
            }
            if byte == open[0], matches(open, at: position) {
                let text = bytes[start ..< position]
                position += open.count
                return (text, .tag)
            }
            position += 1
        }
        return (bytes[start ..< position], .end)
    }

    /// A standalone tag is alone on its line: the rest of the line, white space and its line end, is skipped.
    private mutating func isStandalone(_ scope: Scope) -> Bool {
        scope.atLineStart && skipBlankRestOfLine()
    }

    /// Whether only white space follows on this line; if so, it and the line end are skipped.
    private mutating func skipBlankRestOfLine() -> Bool {
        var end = position
        while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
        if end == bytes.count {
            position = end
            return true
        }
        if bytes[end] == UInt8(ascii: "\n") {
            position = end + 1
            return true
        }
        if bytes[end] == UInt8(ascii: "\r"), end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: "\n") {
            position = end + 2
            return true
        }
        return false
    }

    /// The spaces and tabs that start the line at `position`, less the first `dropped`; left in place.
    private func indentationAhead(dropping dropped: Int) -> [UInt8] {
        var end = position
        while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
        return Array(bytes[min(position + dropped, end) ..< end])
    }

    private func matches(_ delimiter: [UInt8], at offset: Int) -> Bool {
        offset + delimiter.count <= bytes.count && bytes[offset ..< offset + delimiter.count].elementsEqual(delimiter)
    }

    private func find(_ delimiter: [UInt8], from offset: Int) -> Int? {
        var offset = offset
        while offset + delimiter.count <= bytes.count {
            if matches(delimiter, at: offset) { return offset }
            offset += 1
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a") ... UInt8(ascii: "z"), UInt8(ascii: "A") ... UInt8(ascii: "Z"), UInt8(ascii: "0") ... UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"):
            return true
        default:
            return false
        }
    }

    /// Reads the rest of the tag, up to and with its closing delimiter.
    private mutating func readTagEnd(_ scope: Scope) throws(TemplateSyntaxError) {
        skipWhitespace()
        guard matches(scope.close, at: position) else {
            if position >= bytes.count { throw error(at: position, .templateTagUnfinished, ["close": text(scope.close)]) }
            throw error(at: position, .templateUnexpectedCharacter, ["character": characterAt(position)])
        }
        position += scope.close.count
    }

    /// `allowingSlash` for closing tags, which may close a parent named by its path (`{{/partials/base}}`).
    private mutating func readName(_ scope: Scope, allowingSlash: Bool = false) throws(TemplateSyntaxError) -> TemplateName {
        skipWhitespace()
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) || bytes[position] == UInt8(ascii: "(")
            || bytes[position] == UInt8(ascii: ")") || (allowingSlash && bytes[position] == UInt8(ascii: "/")) { position += 1 }
        let written = text(bytes[start ..< position])
        try readTagEnd(scope)
        return try name(written, at: start)
    }

    /// `a(b(name))` → transforms b then a, applied to `name`.
    private func name(_ written: String, at offset: Int) throws(TemplateSyntaxError) -> TemplateName {
        var parts = written.split(separator: "(", omittingEmptySubsequences: false).map(String.init)
        var variable = parts.removeLast()
        var transforms: [TemplateTransform] = []
        if !parts.isEmpty {
            let closers = variable.reversed().prefix(while: { $0 == ")" }).count
            guard closers == parts.count else { throw error(at: offset, .templateBracketsMismatch, ["tag": written]) }
            variable.removeLast(closers)
            for part in parts.reversed() {
                guard let transform = TemplateTransform(rawValue: part) else {
                    throw error(at: offset, .templateUnknownTransform,
                                ["transform": String(part), "known": TemplateTransform.allCases.map(\.rawValue).joined(separator: ", ")])
                }
                transforms.append(transform)
            }
        }
        guard !variable.contains("(") && !variable.contains(")") else { throw error(at: offset, .templateBracketsMismatch, ["tag": written]) }
        let segments = variable.split(separator: ".").map(String.init)
        if variable.isEmpty {
            guard !transforms.isEmpty else { throw error(at: offset, .templateTagWithoutName) }
            return TemplateName(start: .sequence, segments: [], transforms: transforms, written: written)
        }
        return TemplateName(start: variable.hasPrefix(".") ? .top : .stack, segments: segments, transforms: transforms, written: written)
    }

    private mutating func readPartialName(_ scope: Scope, tagStart: Int) throws(TemplateSyntaxError) -> String {
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "*") {
            throw error(at: tagStart, .templateDynamicPartial)
        }
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) || bytes[position] == UInt8(ascii: "/") { position += 1 }
        let name = text(bytes[start ..< position])
        try readTagEnd(scope)
        guard !name.isEmpty else { throw error(at: tagStart, .templatePartialWithoutName) }
        return name
    }

    /// `{{=<% %>=}}`: two delimiters separated by white space.
    private mutating func readDelimiters(_ scope: Scope, tagStart: Int) throws(TemplateSyntaxError) -> ([UInt8], [UInt8]) {
        let invalid = error(at: tagStart, .templateInvalidDelimiters)
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") }
        skipWhitespace()
        let openStart = position
        while position < bytes.count, !isSpace(bytes[position]) { position += 1 }
        let open = Array(bytes[openStart ..< position])
        skipWhitespace()
        let closeStart = position
        while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: "=") { position += 1 }
        let close = Array(bytes[closeStart ..< position])
        skipWhitespace()
        guard !open.isEmpty, !close.isEmpty, position < bytes.count, bytes[position] == UInt8(ascii: "=") else { throw invalid }
        position += 1
        guard matches(scope.close, at: position) else { throw invalid }
        position += scope.close.count
        return (open, close)
    }

    // MARK: Messages

    private func text<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        String(decoding: Array(bytes), as: UTF8.self)
    }

    private func characterAt(_ offset: Int) -> String {
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return text(bytes[offset ..< end])
    }

    /// Lines count from 1; columns count characters from 1.
    private func error(at offset: Int, _ code: MessageCode, _ arguments: [String: String] = [:]) -> TemplateSyntaxError {
        let offset = min(offset, bytes.count)
        var lineStart = 0
        var line = 1
        for index in 0 ..< offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return TemplateSyntaxError(line: line, column: text(bytes[lineStart ..< offset]).count + 1,
                                   text: Message(code, arguments))
    }
}
