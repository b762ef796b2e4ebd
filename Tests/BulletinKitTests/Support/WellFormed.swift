import Foundation
@testable import BulletinSupport
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What makes each kind of output file well-formed, as a reader of that kind (a feed reader, a
/// crawler, a browser, the search script) would find it. Each returns the problems found, none
/// when the file is well-formed.
enum WellFormed {
    /// An XML parser's first error, with where it stopped.
    static func xmlProblems(_ data: Data) -> [String] {
        let parser = XMLParser(data: data)
        guard !parser.parse() else { return [] }
        return ["line \(parser.lineNumber), column \(parser.columnNumber): \(parser.parserError.map { "\($0)" } ?? "unknown error")"]
    }

    static func jsonProblems(_ data: Data) -> [String] {
        do {
            _ = try JSONSerialization.jsonObject(with: data)
            return []
        } catch {
            return ["\(error)"]
        }
    }

    static let robotsFields: Set<Substring> = ["User-agent", "Allow", "Disallow", "Sitemap"]

    /// Only `Field: value` lines of the four fields robots.txt is read for, or blank lines.
    static func robotsProblems(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { number, line in
            if line.isEmpty { return nil }
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, robotsFields.contains(parts[0]), parts[1].hasPrefix(" "), parts[1].count > 1,
                  !parts[1].unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                return "line \(number + 1) is not a known 'Field: value' line: \(line.debugDescription)"
            }
            return nil
        }
    }

    /// Characters that XML 1.0 forbids or HTML makes a parse error of: C0 controls but tab, line
    /// feed and carriage return, DEL and the C1 controls, and the noncharacters.
    static func forbiddenCharacters(_ text: String) -> [String] {
        let found = Set(text.unicodeScalars.filter { character in
            let value = character.value
            return (value < 0x20 && ![0x09, 0x0A, 0x0D].contains(value)) || (0x7F ... 0x9F).contains(value)
                || (0xFDD0 ... 0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
        })
        return found.sorted { $0.value < $1.value }.map(TextCharacters.visible)
    }

    /// Every `<script …>` opening tag, as written.
    static func scriptTags(_ html: String) -> [String] {
        var tags: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<script", options: .caseInsensitive) {
            let end = rest[start.upperBound...].firstIndex(of: ">") ?? rest.endIndex
            tags.append(String(rest[start.lowerBound ..< end]) + ">")
            rest = rest[end...]
        }
        return tags
    }
}
