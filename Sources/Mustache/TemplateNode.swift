import Foundation
import BulletinSupport

/// A parsed template: what the parser makes of a Mustache file and the renderer walks.
package indirect enum TemplateNode: Sendable {
    /// Text as it is, one piece per line (an indented partial indents each line that renders).
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as it is).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{> name}}`, or `{{< name}}…{{/name}}` with the blocks it overrides. A standalone tag
    /// indents every line of the partial by the white space before it.
    case partial(String, indentation: [UInt8], overrides: [String: [TemplateNode]])
    /// `{{$name}}default{{/name}}` in a template that others inherit: replaced by their override.
    /// Every line of what fills it is indented by its tag's indentation (the parser says which).
    case block(String, defaults: [TemplateNode], indentation: [UInt8])
}

/// A variable as a tag names it: `view.base.title`, `.`, `.title`, `empty(view.models)`, `index()`.
package struct TemplateName: Sendable, Equatable {
    enum Start: Sendable, Equatable {
        /// The first segment is looked up from the innermost section outwards.
        case stack
        /// `.` or `.name`: the innermost section's value only.
        case top
        /// No name, only transforms (`index()`): the position in the list being iterated.
        case sequence
    }

    var start: Start
    var segments: [String]
    /// In the order they apply: `a(b(name))` applies `b`, then `a`.
    var transforms: [TemplateTransform]
    /// As written, without white space: names the section a closing tag must match.
    var written: String
}

/// The functions a tag may apply to a value, as `count(view.items)`.
package enum TemplateTransform: String, Sendable, CaseIterable {
    case empty, count, first, last, reversed, index
    case lowercased, uppercased, capitalized
    case equalzero, plusone, minusone, even, odd

    /// The result, or nothing when the transform does not apply to this kind of value.
    func apply(to value: TemplateValue) -> TemplateValue? {
        switch (self, value) {
        case let (.empty, .text(text)): return .flag(text.isEmpty)
        case let (.empty, .list(items)): return .flag(items.isEmpty)
        case let (.empty, .object(fields)): return .flag(fields.isEmpty)
        case let (.count, .list(items)): return .number(items.count)
        case let (.count, .object(fields)): return .number(fields.count)
        case let (.first, .list(items)): return items.first
        case let (.last, .list(items)): return items.last
        case let (.reversed, .list(items)): return .list(items.reversed())
        case let (.reversed, .text(text)): return .text(String(text.reversed()))
        case let (.lowercased, .text(text)): return .text(text.lowercased())
        case let (.uppercased, .text(text)): return .text(text.uppercased())
        case let (.capitalized, .text(text)): return .text(text.capitalized)
        case let (.equalzero, .number(number)): return .flag(number == 0)
        case let (.plusone, .number(number)): return .number(number &+ 1)
        case let (.minusone, .number(number)): return .number(number &- 1)
        case let (.even, .number(number)): return .flag(number & 1 == 0)
        case let (.odd, .number(number)): return .flag(number & 1 == 1)
        default: return nil
        }
    }

    /// For `first()`, `last()`, `index()`, `even()` and `odd()` inside a list section.
    func apply(to position: SequencePosition) -> TemplateValue? {
        switch self {
        case .first: return .flag(position.index == 0)
        case .last: return .flag(position.isLast)
        case .index: return .number(position.index)
        case .even: return .flag(position.index & 1 == 0)
        case .odd: return .flag(position.index & 1 == 1)
        default: return nil
        }
    }
}

/// Where a list section is in its list.
struct SequencePosition: Sendable {
    var index: Int
    var isLast: Bool
}
