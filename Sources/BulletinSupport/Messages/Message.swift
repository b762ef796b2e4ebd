/// A message to show an editor: which message of the catalogue, and the values of its placeholders.
/// It is rendered in a language only where it is shown, so the same value serves the terminal in
/// Chinese, the preview in the browser and the JSON of `check` (English, with the code).
public struct Message: Hashable, Sendable {
    public var code: MessageCode
    public var arguments: [String: String]
    /// The message whose text is the hint, when it is not the code's own hint (a "did you mean"
    /// suggestion, say); it is filled with the same arguments.
    public var hintCode: MessageCode?

    public init(_ code: MessageCode, _ arguments: [String: String] = [:], hintCode: MessageCode? = nil) {
        self.code = code
        self.arguments = arguments
        self.hintCode = hintCode
    }

    /// This message with `hint` as its hint instead of the catalogue's; with nil, unchanged.
    public func hinted(_ hint: Message?) -> Message {
        guard let hint else { return self }
        var result = self
        result.arguments.merge(hint.arguments) { mine, _ in mine }
        result.hintCode = hint.code
        return result
    }

    public func text(in language: Language) -> String {
        Catalogue.fill(Catalogue.template(code, in: language).message, arguments(in: language))
    }

    public func hint(in language: Language) -> String? {
        if let hintCode {
            return Catalogue.fill(Catalogue.template(hintCode, in: language).message, arguments(in: language))
        }
        return Catalogue.template(code, in: language).hint.map { Catalogue.fill($0, arguments(in: language)) }
    }

    /// The argument `namedCharacter` holds a character as `<U+00A0>`; it is shown with its name
    /// in the language ("non-breaking space <U+00A0>", "不换行空格 <U+00A0>"), so that the
    /// message stays one value, whatever language shows it later.
    public static let namedCharacter = "namedCharacter"

    /// Names to choose from, as one argument: shown joined by "or" in the language
    /// ("'a' or 'b'", "'a' 或 'b'").
    public static func alternatives(_ names: [String]) -> String {
        names.joined(separator: String(alternativeSeparator))
    }

    private static let alternativeSeparator: Character = "\u{1F}"

    private func arguments(in language: Language) -> [String: String] {
        var result = arguments
        if let written = arguments[Self.namedCharacter], written.hasPrefix("<U+"), written.hasSuffix(">"),
           let value = UInt32(written.dropFirst(3).dropLast(), radix: 16), let scalar = Unicode.Scalar(value) {
            result[Self.namedCharacter] = TextCharacters.named(scalar, in: language)
        }
        if language == .chinese, code == .yamlInvalid || code == .yamlInvalidInContext {
            for name in ["problem", "context"] {
                if let phrase = arguments[name], let chinese = YAMLProblems.chinese(phrase) { result[name] = chinese }
            }
        }
        for (name, value) in arguments where value.contains(Self.alternativeSeparator) {
            result[name] = value.split(separator: Self.alternativeSeparator, omittingEmptySubsequences: false)
                .joined(separator: Catalogue.text(.listOr, in: language))
        }
        return result
    }

    /// The message, then the hint on its own indented line (`    hint: …` / `    提示：…`).
    public func formatted(in language: Language) -> String {
        var text = self.text(in: language)
        if let hint = hint(in: language) {
            text += "\n    " + Catalogue.label(.labelHint, in: language) + hint
        }
        return text
    }
}

/// The texts of the messages, one dictionary per language (`Catalogue+English.swift`,
/// `Catalogue+Chinese.swift`), each a template per code with named placeholders:
/// `{name}` is replaced by the argument `name`; `{name|one|other}` by `one` when the argument is
/// "1" and by `other` otherwise (English plurals: "{errors} {errors|error|errors}"). `{{` is kept
/// as it is, so Mustache tags can be quoted.
public enum Catalogue {
    public typealias Template = (message: String, hint: String?)

    public static func entries(for language: Language) -> [MessageCode: Template] {
        switch language {
        case .english: english
        case .chinese: chinese
        }
    }

    /// The template of `code` in `language`; a code missing there (the completeness test keeps
    /// that from happening) falls back to English, then to the code itself.
    public static func template(_ code: MessageCode, in language: Language) -> Template {
        entries(for: language)[code] ?? english[code] ?? (code.rawValue, nil)
    }

    /// A fixed text of the catalogue, such as a label, with nothing to fill in.
    public static func text(_ code: MessageCode, in language: Language) -> String {
        template(code, in: language).message
    }

    /// A label followed by what it labels: "error: " in English, "错误：" in Chinese.
    public static func label(_ code: MessageCode, in language: Language) -> String {
        text(code, in: language) + (language == .chinese ? "：" : ": ")
    }

    public static func fill(_ template: String, _ arguments: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest.index(after: open)
            if after < rest.endIndex, rest[after] == "{" {
                result += "{{"
                rest = rest[rest.index(after: after)...]
                continue
            }
            guard let close = rest[after...].firstIndex(of: "}"),
                  let placeholder = Placeholder(rest[after..<close]),
                  let value = arguments[placeholder.name]
            else {
                result += "{"
                rest = rest[after...]
                continue
            }
            if let forms = placeholder.forms {
                result += value == "1" ? forms.one : forms.other
            } else {
                result += value
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The names of the placeholders of a template.
    public static func placeholders(in template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest.index(after: open)
            if after < rest.endIndex, rest[after] == "{" {
                rest = rest[rest.index(after: after)...]
                continue
            }
            guard let close = rest[after...].firstIndex(of: "}") else { break }
            if let placeholder = Placeholder(rest[after..<close]) { names.insert(placeholder.name) }
            rest = rest[after...]
        }
        return names
    }

    private struct Placeholder {
        var name: String
        var forms: (one: Substring, other: Substring)?

        init?(_ text: Substring) {
            let parts = text.split(separator: "|", omittingEmptySubsequences: false)
            guard let first = parts.first, let head = first.first, head.isASCII, head.isLetter,
                  first.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
            switch parts.count {
            case 1: forms = nil
            case 3: forms = (parts[1], parts[2])
            default: return nil
            }
            name = String(first)
        }
    }
}
