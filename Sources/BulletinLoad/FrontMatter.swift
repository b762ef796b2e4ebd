import BulletinSupport

/// A Markdown file split into its YAML front matter and its body, with the line numbers
/// needed to point diagnostics back into the original file.
public struct FrontMatterSplit: Sendable, Equatable {
    /// The YAML between the `---` lines.
    public var yaml: String
    /// Line of the file on which the YAML starts (the line after the opening `---`).
    public var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    public var body: String
    /// Line of the file on which the body starts.
    public var bodyFirstLine: Int

    /// Splits `text` (LF line ends). Every Markdown file must open with a front matter block.
    /// Works on the UTF-8 bytes: splitting a long Chinese body into Characters would cost far more.
    public static func split(_ text: String, path: String) throws(Diagnostic) -> FrontMatterSplit {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex || lineNumber == 0 {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            lineNumber += 1
            let line = text[lineStart..<lineEnd].trimmingTrailingSpaces
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            if lineNumber == 1 {
                guard line == "---" else {
                    throw .error(at: SourceLocation(path: path), .frontMatterMissing)
                }
                yamlStart = next
            } else if line == "---" || line == "..." {
                return FrontMatterSplit(yaml: String(text[yamlStart!..<lineStart]), yamlFirstLine: 2,
                                        body: String(text[next...]), bodyFirstLine: lineNumber + 1)
            }
            if lineEnd == utf8.endIndex { break }
            lineStart = next
        }
        throw .error(at: SourceLocation(path: path, line: 1, column: 1), .frontMatterUnclosed)
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" {
            result = result.dropLast()
        }
        return result
    }
}
