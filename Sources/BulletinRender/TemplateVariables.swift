import Foundation
import BulletinPlan
import Mustache
import BulletinLoad
import BulletinSupport

/// Strict mode: a template variable that names no field of any view data it could be given renders
/// as nothing, silently. This finds such names — typically a misspelling — and reports where they are.
public enum TemplateVariables {
    /// Transforms, which are not fields.
    static let builtIns = Set(TemplateTransform.allCases.map(\.rawValue))

    /// Warnings for every variable segment in `sources` (template file → text) that is not the name
    /// of a field anywhere in `contexts` (a sample of the view data the templates receive).
    public static func check(sources: [(display: String, text: String)], contexts: [Any]) -> [Diagnostic] {
        var fields: Set<String> = []
        for context in contexts { collectFields(of: context, into: &fields, depth: 0) }
        var diagnostics: [Diagnostic] = []
        for source in sources {
            var line = 1
            for lineText in source.text.split(separator: "\n", omittingEmptySubsequences: false) {
                var rest = lineText[...]
                while let open = rest.range(of: "{{") {
                    let afterOpen = rest[open.upperBound...]
                    guard let close = afterOpen.range(of: "}}") else { break }
                    var tag = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                    rest = afterOpen[close.upperBound...]
                    guard let marker = tag.first else { continue }
                    // Comments, partials, blocks, delimiters, and closing tags (their opening tag is checked).
                    if "!><$=/".contains(marker) { continue }
                    if "#^&{".contains(marker) { tag = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces) }
                    if tag.hasSuffix("}") { tag = String(tag.dropLast()) }
                    for name in names(in: tag) where !fields.contains(name) && !builtIns.contains(name) {
                        let column = lineText.distance(from: lineText.startIndex, to: open.lowerBound) + 1
                        diagnostics.append(.warning(at: SourceLocation(path: source.display, line: line, column: column),
                                                    .templateVariableUnknown, ["tag": tag, "name": name],
                                                    hint: Suggestion.hint(for: name, in: fields.sorted())))
                        break
                    }
                }
                line += 1
            }
        }
        return diagnostics
    }

    /// `empty(view.models)` → ["empty", "view", "models"]; "." alone is the current item.
    static func names(in tag: String) -> [String] {
        tag.split(whereSeparator: { "().".contains($0) }).map(String.init).filter { !$0.isEmpty }
    }

    private static func collectFields(of value: Any, into fields: inout Set<String>, depth: Int) {
        guard depth < 12 else { return }
        let mirror = Mirror(reflecting: value)
        for child in mirror.children {
            if let label = child.label, mirror.displayStyle == .struct || mirror.displayStyle == .class {
                fields.insert(label)
            }
            collectFields(of: child.value, into: &fields, depth: depth + 1)
        }
    }
}
