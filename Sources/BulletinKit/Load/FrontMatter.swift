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
    public static func split(_ text: String, path: String) throws(Diagnostic) -> FrontMatterSplit {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            throw .error(at: SourceLocation(path: path), "the file does not start with a front matter block",
                         hint: "put '---' on the first line, then fields such as 'title: …', then '---'")
        }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        var lineNumber = 1
        while let line = lines.first {
            lineNumber += 1
            lines = lines.dropFirst()
            let trimmed = line.trimmingTrailingSpaces
            if trimmed == "---" || trimmed == "..." {
                return FrontMatterSplit(
                    yaml: yamlLines.joined(separator: "\n") + "\n",
                    yamlFirstLine: 2,
                    body: lines.joined(separator: "\n"),
                    bodyFirstLine: lineNumber + 1
                )
            }
            yamlLines.append(line)
        }
        throw .error(at: SourceLocation(path: path, line: 1, column: 1), "the front matter block is never closed",
                     hint: "end the front matter with a line holding only '---'")
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
