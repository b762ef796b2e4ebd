/// A place in a source file: the path as the user gave it, 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable, Codable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}

/// One problem found in the content or templates, with where it is and what to do about it.
/// What it says is a catalogue message (`code` and `arguments`), rendered in a language where it
/// is shown; `message`, `hint` and `formatted` are the English text. It is `Codable` as code and
/// arguments, so that a manifest keeps it and an up-to-date build shows it in the language chosen then.
public struct Diagnostic: Hashable, Sendable, Error, Codable {
    public enum Severity: String, Sendable, Codable {
        case error
        case warning

        var label: MessageCode {
            switch self {
            case .error: .labelError
            case .warning: .labelWarning
            }
        }
    }

    public var severity: Severity
    public var location: SourceLocation
    /// The stable English code, as `check --format json` prints it.
    public var code: MessageCode
    public var arguments: [String: String]
    /// The message whose text is the hint instead of the code's own (a suggestion, say).
    public var hintCode: MessageCode?

    public init(_ severity: Severity, at location: SourceLocation, _ message: Message) {
        self.severity = severity
        self.location = location
        code = message.code
        arguments = message.arguments
        hintCode = message.hintCode
    }

    /// `hint`, when given, replaces the catalogue's hint of `code` (a "did you mean" suggestion).
    public init(_ severity: Severity, at location: SourceLocation, _ code: MessageCode, _ arguments: [String: String] = [:],
                hint: Message? = nil) {
        self.init(severity, at: location, Message(code, arguments).hinted(hint))
    }

    public static func error(at location: SourceLocation, _ code: MessageCode, _ arguments: [String: String] = [:],
                             hint: Message? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, code, arguments, hint: hint)
    }

    public static func warning(at location: SourceLocation, _ code: MessageCode, _ arguments: [String: String] = [:],
                               hint: Message? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, code, arguments, hint: hint)
    }

    public static func error(at location: SourceLocation, _ message: Message) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(at location: SourceLocation, _ message: Message) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    /// What the diagnostic says, without severity and place.
    public var text: Message { Message(code, arguments, hintCode: hintCode) }

    public var message: String { message(in: .english) }
    public var hint: String? { hint(in: .english) }
    public var formatted: String { formatted(in: .english) }

    public func message(in language: Language) -> String { text.text(in: language) }
    public func hint(in language: Language) -> String? { text.hint(in: language) }

    /// `path:line:column: error: message`, then the hint on its own indented line; in Chinese
    /// `path:line:column: 错误：message` and `    提示：hint`.
    /// Paths, messages and hints hold what editors typed: each is printed as one line, with
    /// every character a terminal would obey written out (`TextCharacters.printable`).
    public func formatted(in language: Language) -> String {
        let path = TextCharacters.printable(location.path)
        var text = "\(path):\(location.line):\(location.column): " + Catalogue.label(severity.label, in: language)
            + TextCharacters.printable(message(in: language))
        if let hint = hint(in: language) {
            text += "\n    " + Catalogue.label(.labelHint, in: language) + TextCharacters.printable(hint)
        }
        return text
    }
}

/// Diagnostics gathered across a stage; stages add to it and the pipeline decides whether to go on.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init(_ items: [Diagnostic] = []) {
        all = items
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    public mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
    }

    public mutating func append(contentsOf items: [Diagnostic]) {
        all.append(contentsOf: items)
    }

    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Stable order for output: by file, then position, then message. Messages are written out
    /// only for diagnostics at one place, which few are.
    public var sorted: [Diagnostic] {
        all.sorted { $0.location != $1.location ? $0.location < $1.location : $0.message < $1.message }
    }
}
