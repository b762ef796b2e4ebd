import BulletinSupport

/// The data a template is rendered with: what a page's view becomes (`Render/TemplateData.swift`).
/// A closed set of cases, so a variable is looked up with one field read per name segment and
/// no dynamic casts.
public enum TemplateValue: Sendable, Equatable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case object(TemplateFields)

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
        var fields = TemplateFields()
        for (name, value) in elements { fields[name] = value }
        self = .object(fields)
    }
}

/// An object's fields, in the order they were set. Found by comparing names: a page's objects
/// have a dozen fields with short names, which compare in a step, where a dictionary hashed every
/// name looked up and every name set (3.7% of a build's instructions). Setting a field looks at
/// those already set, so a view should not hold a dictionary of many entries.
public struct TemplateFields: Sendable, Equatable {
    private var entries: [(name: String, value: TemplateValue)] = []

    public init() {}

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }

    /// Setting a name that is there replaces its value; setting nil removes it.
    public subscript(name: String) -> TemplateValue? {
        get {
            for entry in entries where entry.name == name { return entry.value }
            return nil
        }
        set {
            if let index = entries.firstIndex(where: { $0.name == name }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((name, newValue))
            }
        }
    }

    /// The same names with the same values, in any order, as two dictionaries would be equal.
    public static func == (lhs: TemplateFields, rhs: TemplateFields) -> Bool {
        lhs.count == rhs.count && lhs.entries.allSatisfy { rhs[$0.name] == $0.value }
    }
}
