import Foundation
import Yams
import BulletinSupport

/// What an editor typed when the YAML library cannot read a block, found on the lines themselves.
/// The library names the place where it gave up, often lines further on, in English, and says
/// nothing of the cause; these are the causes a Chinese input method and Chinese titles bring,
/// each named at the line it is on with the value to write.
enum YAMLErrorCauses {
    struct Cause: Equatable {
        /// 1-based, in the block.
        var line: Int
        var column: Int
        var code: MessageCode
        var arguments: [String: String]
    }

    static func cause(of error: YamlError, in yaml: String) -> Cause? {
        let mark: Mark
        let problem: String
        var context: YamlError.Context?
        switch error {
        case let .scanner(errorContext, errorProblem, errorMark, _), let .parser(errorContext, errorProblem, errorMark, _):
            (context, problem, mark) = (errorContext, errorProblem, errorMark)
        default:
            return nil
        }
        // Line ends are "\n" only: the loader turns CRLF and CR into LF before any YAML is read.
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        // A quoted value that does not end where it should stops the reading at its own line or
        // later: the first one up to the line the library names is the cause.
        let quotedLine = context?.text == "while scanning a quoted scalar" ? context?.mark.line : nil
        for number in 1...mark.line {
            guard let field = Field(lines[number - 1]), let cause = quoteCause(field, line: number, opensUnclosed: number == quotedLine)
            else { continue }
            return cause
        }
        if context?.text == "while parsing a flow sequence", let cause = bracketCause(at: context?.mark.line ?? 0, in: lines[..<mark.line]) {
            return cause
        }
        guard problem == "mapping values are not allowed in this context", let field = Field(lines[mark.line - 1]) else { return nil }
        if let above = lines[..<(mark.line - 1)].last(where: { !$0.trimmingEnds(.whitespaces).isEmpty }).flatMap(Field.init),
           field.indentation > above.indentation, !above.value.isEmpty, !field.isListItem, !above.isListItem {
            return Cause(line: mark.line, column: field.indentation + 1, code: .yamlIndentedField,
                         arguments: ["key": field.key, "extra": String(field.indentation - above.indentation)])
        }
        guard field.value.contains(": "), let first = field.value.first, !"\"'[{&*!|>%@`#".contains(first) else { return nil }
        return Cause(line: mark.line, column: mark.column, code: .yamlColonInValue,
                     arguments: ["key": field.key, "fullWidth": field.value.replacingOccurrences(of: ": ", with: "："),
                                 "quoted": YAMLQuoting.doubleQuotedForHint(field.value)])
    }

    /// `key: value` on one line, with its indentation and whether it is a list entry's first field.
    private struct Field {
        var indentation: Int
        var isListItem: Bool
        var key: String
        /// Where the value starts, in characters from the start of the line (0-based).
        var valueStart: Int
        var value: String

        init?(_ line: String) {
            var rest = Substring(line)
            indentation = rest.prefix { $0 == " " }.count
            rest = rest.dropFirst(indentation)
            isListItem = rest.hasPrefix("- ")
            if isListItem { rest = rest.dropFirst(2).drop { $0 == " " } }
            guard let separator = rest.range(of: ": ") else { return nil }
            key = String(rest[..<separator.lowerBound])
            guard !key.isEmpty, key.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || "0123456789_-".unicodeScalars.contains($0)) })
            else { return nil }
            let valueText = rest[separator.upperBound...]
            let leading = valueText.prefix { $0 == " " }.count
            valueStart = line.distance(from: line.startIndex, to: valueText.startIndex) + leading
            value = String(valueText.dropFirst(leading)).trimmingEnds(.whitespaces)
        }
    }

    /// A value that opens with a quote and does not close it as YAML must: closed with a Chinese
    /// input method's full-width quote, not closed on its line (`opensUnclosed`: the library says
    /// the quote it could not close opens here), or followed by more text after the closing one.
    private static func quoteCause(_ field: Field, line: Int, opensUnclosed: Bool) -> Cause? {
        guard let open = field.value.first, open == "\"" || open == "'" else { return nil }
        let inner = field.value.dropFirst()
        let at = (line: line, column: field.valueStart + 1)
        guard let close = closingQuote(open, in: inner) else {
            // What the editor meant as a comment is left out of the value to write.
            let content = inner.range(of: " #").map { inner[..<$0.lowerBound] }.map { String($0).trimmingEnds(.whitespaces) } ?? String(inner)
            let fullWidth: Character = open == "\"" ? "\u{201D}" : "\u{2019}"
            if content.last == fullWidth {
                return Cause(line: at.line, column: at.column, code: .yamlQuoteClosedFullWidth,
                             arguments: ["key": field.key, "open": String(open), "close": String(fullWidth),
                                         "fixed": requoted(String(content.dropLast()), quote: open)])
            }
            guard opensUnclosed else { return nil }
            return Cause(line: at.line, column: at.column, code: .yamlQuoteUnclosed,
                         arguments: ["key": field.key, "open": String(open), "fixed": requoted(content, quote: open)])
        }
        let after = String(inner[inner.index(after: close)...]).trimmingEnds(.whitespaces)
        guard !after.isEmpty, !after.hasPrefix("#") else { return nil }
        // `models: "a", "b"`: a list without its brackets.
        if after.hasPrefix(",") {
            return Cause(line: at.line, column: at.column, code: .yamlListWithoutBrackets,
                         arguments: ["key": field.key, "list": "[" + field.value + "]"])
        }
        let chinese = chineseQuotes(field.value, quote: open)
        return Cause(line: at.line, column: at.column, code: .yamlTextAfterQuote,
                     arguments: ["key": field.key, "quoted": YAMLQuoting.doubleQuotedForHint(field.value), "chinese": chinese])
    }

    /// A value between the quote it was opened with, as YAML reads back what was typed. Between
    /// double quotes a backslash starts an escape: a value that does not read so (a Windows path,
    /// `D:\活动`) goes between single quotes. A single-quoted value holds no lone `'`, or it
    /// would have closed there.
    private static func requoted(_ content: String, quote: Character) -> String {
        let doubleQuoted = "\"" + content + "\""
        guard quote == "\"", content.contains("\\"), (try? Yams.load(yaml: doubleQuoted)) == nil else {
            return String(quote) + content + String(quote)
        }
        return content.contains("'") ? YAMLQuoting.doubleQuotedForHint(content) : "'" + content + "'"
    }

    /// A list opened with `[` on the line `number` (1-based) and not closed there, or closed with
    /// an input method's 】 or ］: the library reads the fields below as items until it gives up.
    /// A list written over several lines, with an error inside it, is not this.
    private static func bracketCause(at number: Int, in lines: ArraySlice<String>) -> Cause? {
        guard number >= 1, number <= lines.count, let field = Field(lines[number - 1]), field.value.hasPrefix("["),
              !lines[(number - 1)...].contains(where: { $0.contains("]") }) else { return nil }
        var items = Substring(field.value.dropFirst())
        if let comment = items.range(of: " #") { items = items[..<comment.lowerBound] }
        items = Substring(String(items).trimmingEnds(.whitespaces))
        if let last = items.last, last == "】" || last == "］" { items = items.dropLast() }
        while let last = items.last, last == "," || last == "，" || last == " " { items = items.dropLast() }
        guard !items.isEmpty else { return nil }
        return Cause(line: number, column: field.valueStart + 1, code: .yamlBracketUnclosed,
                     arguments: ["key": field.key, "fixed": "[" + items + "]"])
    }

    /// Where the quote that closes a value ends, after its opening one: `\"` does not close a
    /// double-quoted value, nor `''` a single-quoted one.
    private static func closingQuote(_ quote: Character, in text: Substring) -> Substring.Index? {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if quote == "\"", character == "\\" {
                index = text.index(after: index)
                if index < text.endIndex { index = text.index(after: index) }
                continue
            }
            if character == quote {
                let next = text.index(after: index)
                if quote == "'", next < text.endIndex, text[next] == "'" {
                    index = text.index(after: next)
                    continue
                }
                return index
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// The value with its quotes written as Chinese ones, in pairs: `"双减"背景下` → `“双减”背景下`.
    private static func chineseQuotes(_ value: String, quote: Character) -> String {
        let (open, close): (Character, Character) = quote == "\"" ? ("\u{201C}", "\u{201D}") : ("\u{2018}", "\u{2019}")
        var result = ""
        var opening = true
        for character in value {
            if character == quote {
                result.append(opening ? open : close)
                opening.toggle()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
