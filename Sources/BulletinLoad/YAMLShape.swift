import CYaml

/// What the YAML library's own parser sees in a block before anything is composed from it: the
/// first anchor or alias, and whether the nodes are too many or too deep. Content files have no
/// use for anchors and aliases, and the composer hashes every mapping key, so an alias used as a
/// key makes it hash a structure that can grow exponentially (the "billion laughs"); nesting has
/// no limit in the parser and the composer recurses once per level. Reading the parser's events
/// follows YAML's quoting, comment and block-scalar rules exactly, because they are the rules of
/// the parser that composes the block afterwards.
enum YAMLShape {
    /// More nodes than any front matter or registry of the programme needs by a wide margin; a
    /// larger count is a generated or hostile file.
    static let maximumNodes = 100_000
    /// Front matter is two or three levels deep; the composer recurses once per level.
    static let maximumDepth = 64

    enum Finding: Equatable {
        case anchorOrAlias(line: Int, column: Int)
        case tooManyNodes(line: Int, column: Int)
        case tooDeep(line: Int, column: Int)
    }

    /// The first finding, with its 1-based line and column (in characters), or nil when the block
    /// has none. A syntax error also ends the reading with nil: the composer reports it, and it
    /// composes nothing past it.
    static func first(in yaml: String) -> Finding? {
        var yaml = yaml
        return yaml.withUTF8 { bytes -> Finding? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var nodes = 0
            var depth = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                let column = Int(event.start_mark.column) + 1
                var anchor: UnsafeMutablePointer<yaml_char_t>?
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_ALIAS_EVENT:
                    return .anchorOrAlias(line: line, column: column)
                case YAML_SCALAR_EVENT:
                    anchor = event.data.scalar.anchor
                    nodes += 1
                case YAML_SEQUENCE_START_EVENT:
                    anchor = event.data.sequence_start.anchor
                    nodes += 1
                    depth += 1
                case YAML_MAPPING_START_EVENT:
                    anchor = event.data.mapping_start.anchor
                    nodes += 1
                    depth += 1
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                default:
                    break
                }
                if anchor != nil { return .anchorOrAlias(line: line, column: column) }
                if nodes > maximumNodes { return .tooManyNodes(line: line, column: column) }
                if depth > maximumDepth { return .tooDeep(line: line, column: column) }
            }
        }
    }
}
