/// Finds the first YAML anchor (`&name`) or alias (`*name`). Content files have no use for them,
/// and an alias used as a mapping key makes the YAML library hash a structure that can grow
/// exponentially (the "billion laughs"), so they are refused before parsing.
enum YAMLAliases {
    /// 1-based line and column of the first anchor or alias, skipping quoted text, comments and
    /// the contents of block scalars (`|`, `>`).
    static func first(in yaml: String) -> (line: Int, column: Int)? {
        var blockIndent: Int?
        var line = 0
        for text in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            let characters = Array(text)
            let indent = characters.prefix { $0 == " " }.count
            if let block = blockIndent {
                if characters.allSatisfy({ $0 == " " }) || indent > block { continue }
                blockIndent = nil
            }
            var index = 0
            var quote: Character?
            var previous: Character = " "
            while index < characters.count {
                let character = characters[index]
                if let open = quote {
                    if character == open {
                        if open == "'" && index + 1 < characters.count && characters[index + 1] == "'" { index += 1 } else { quote = nil }
                    } else if character == "\\" && open == "\"" {
                        index += 1
                    }
                } else if character == "#" && (previous == " " || index == 0) {
                    break
                } else if (character == "\"" || character == "'") && " \t[{,:-?".contains(previous) {
                    quote = character
                } else if (character == "&" || character == "*") && " \t[{,:-?".contains(previous),
                          index + 1 < characters.count, !" \t,[]{}".contains(characters[index + 1]) {
                    return (line, index + 1)
                }
                previous = character
                index += 1
            }
            // A key or item ending in '|' or '>' starts a block scalar: its lines are text.
            let trimmed = text.trimmingTrailingSpaces
            if ["|", ">", "|-", ">-", "|+", ">+"].contains(where: { trimmed.hasSuffix($0) }) {
                blockIndent = indent
            }
        }
        return nil
    }
}
