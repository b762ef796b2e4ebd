/// The data a template is rendered with: what a page's view becomes (`Render/TemplateData.swift`).
/// A closed set of cases, so a variable is looked up with one dictionary read per name segment
/// and no dynamic casts.
public enum TemplateValue: Sendable, Equatable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// The field `name` of an object; nothing for other values.
    func field(_ name: String) -> TemplateValue? {
        if case let .object(fields) = self { return fields[name] }
        return nil
    }

    /// What `{{name}}` prints. Lists and objects have no text of their own and print nothing.
    var printed: String? {
        switch self {
        case let .text(text): return text
        case let .number(number): return String(number)
        case let .flag(flag): return flag ? "true" : "false"
        case .list, .object: return nil
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .flag(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
