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
public struct Diagnostic: Hashable, Sendable, Error, Codable {
    public enum Severity: String, Sendable, Codable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var hint: String?

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    public static func error(at location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, hint: hint)
    }

    public static func warning(at location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, message, hint: hint)
    }

    /// `path:line:column: error: message`, then the hint on its own indented line.
    /// Paths, messages and hints hold what editors typed: each is printed as one line, with
    /// every character a terminal would obey written out (`TextCharacters.printable`).
    public var formatted: String {
        let path = TextCharacters.printable(location.path)
        var text = "\(path):\(location.line):\(location.column): \(severity.rawValue): \(TextCharacters.printable(message))"
        if let hint {
            text += "\n    hint: \(TextCharacters.printable(hint))"
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

    /// Stable order for output: by file, then position, then message.
    public var sorted: [Diagnostic] {
        all.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }
}
