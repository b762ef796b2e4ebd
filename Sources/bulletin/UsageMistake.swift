import ArgumentParser
import BulletinSupport
import Foundation

/// A command line the argument parser refused, told through the catalogue: the parser's own
/// texts are English only. The parser's error is read by reflection, as the library makes its
/// kinds no public type; the tests of the command line pin every message, so a release of the
/// library that names them otherwise fails there, not in an editor's terminal.
struct UsageMistake {
    var message: Message

    /// The mistake in the arguments that `error` reports, or nil when it reports none that is
    /// read here (help or the version asked for, or a refusal of another kind).
    init?(_ error: Error) {
        let mirror = Mirror(reflecting: error)
        guard String(describing: type(of: error)) == "CommandError",
              let stack = mirror.descendant("commandStack") as? [ParsableCommand.Type], let refusing = stack.last,
              let parserError = mirror.descendant("parserError"),
              let (kind, payload) = Self.enumCase(parserError) else { return nil }
        // `bulletin build`: the commands from the root to the one that refused the arguments,
        // named in every message for its `--help`.
        let command = stack.map { $0._commandName }.joined(separator: " ")
        let fields = Mirror(reflecting: payload).children.map(\.value)
        let arguments = CommandArguments(refusing)
        func told(_ code: MessageCode, _ values: [String: String], suggesting nearest: String? = nil, as hint: MessageCode? = nil) -> Message {
            Message(code, values.merging(["command": command]) { given, _ in given })
                .hinted(nearest.flatMap { nearest in hint.map { Message($0, ["suggestion": nearest]) } })
        }
        switch kind {
        case "unknownOption":
            guard fields.count == 2, let option = Self.written(fields[1]) else { return nil }
            message = told(.cliUnknownOption, ["option": option],
                           suggesting: NearestNames(arguments.longOptionNames).nearest(to: option), as: .cliDidYouMeanOption)
        case "missingValueForOption":
            guard fields.count == 2, let option = Self.written(fields[1]) else { return nil }
            message = told(.cliMissingValue, ["option": option, "usage": arguments.usage(of: option)])
        case "unexpectedValueForOption":
            guard fields.count == 3, let option = Self.written(fields[1]), let value = fields[2] as? String else { return nil }
            message = told(.cliOptionTakesNoValue, ["option": option, "value": value])
        case "unexpectedExtraValues":
            // Pairs of where a value was typed and the value; the first is told.
            guard let pair = Mirror(reflecting: payload).children.first?.value,
                  let first = Mirror(reflecting: pair).children.dropFirst().first?.value as? String else { return nil }
            let subcommands = refusing.configuration.subcommands.map { $0._commandName }
            message = subcommands.isEmpty
                ? told(.cliUnexpectedArgument, ["value": first])
                : told(.cliUnknownCommand, ["name": first, "commands": subcommands.joined(separator: ", ")],
                       suggesting: NearestNames(subcommands).nearest(to: first), as: .cliDidYouMeanCommand)
        case "noValue":
            guard fields.count == 1, let key = Mirror(reflecting: fields[0]).descendant("name") as? String else { return nil }
            message = told(.cliMissingArgument, ["argument": arguments.usage(ofKey: key)])
        case "unableToParseValue":
            guard fields.count == 5, let value = fields[2] as? String,
                  let key = Mirror(reflecting: fields[3]).descendant("name") as? String else { return nil }
            let option = Self.unwrapped(fields[1]).flatMap(Self.written)
            let choices = arguments.choices(ofKey: key)
            var values = ["value": value, "argument": option ?? arguments.usage(ofKey: key)]
            let nearest = NearestNames(choices).nearest(to: value)
            if nearest == nil && !choices.isEmpty {
                values["choices"] = choices.joined(separator: ", ")
                message = told(.cliInvalidValue, values).hinted(Message(.cliExpectedValue))
            } else {
                message = told(.cliInvalidValue, values, suggesting: nearest, as: .cliDidYouMeanValue)
            }
        default:
            return nil
        }
    }

    /// The name of an enum's case and the value it carries.
    private static func enumCase(_ value: Any) -> (String, Any)? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .enum, let child = mirror.children.first, let label = child.label else { return nil }
        return (label, child.value)
    }

    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }

    /// An option's name as typed: `--output`, `-h`.
    private static func written(_ name: Any) -> String? {
        guard let (kind, payload) = enumCase(name) else { return nil }
        switch kind {
        case "long": return (payload as? String).map { "--" + $0 }
        case "longWithSingleDash": return (payload as? String).map { "-" + $0 }
        case "short": return Mirror(reflecting: payload).children.first.map { "-" + String(describing: $0.value) }
        default: return nil
        }
    }
}

/// The options and arguments of one command, as the parser describes them (`_dumpHelp`, its
/// versioned description of a command for manuals and completion scripts).
private struct CommandArguments {
    struct Description: Decodable {
        struct Command: Decodable { var arguments: [Argument]? }
        struct Argument: Decodable {
            struct Name: Decodable { var kind: String; var name: String }
            var kind: String
            var names: [Name]?
            var valueName: String?
            var allValues: [String]?
        }
        var command: Command
    }

    private let arguments: [Description.Argument]

    init(_ command: ParsableCommand.Type) {
        let description = try? JSONDecoder().decode(Description.self, from: Data(command._dumpHelp().utf8))
        arguments = description?.command.arguments ?? []
    }

    /// The long names of the options and flags, as typed: those a slip can be told from (`-x`
    /// is a letter away from every short name).
    var longOptionNames: [String] {
        arguments.flatMap { ($0.names ?? []).filter { $0.kind == "long" }.map(Self.written) }
    }

    /// `--output <output>` for an option, `<file>` for an argument.
    func usage(of option: String) -> String {
        guard let argument = arguments.first(where: { ($0.names ?? []).map(Self.written).contains(option) }),
              let valueName = argument.valueName else { return option }
        return "\(option) <\(valueName)>"
    }

    /// As `usage(of:)`, for the argument of a property: `sshConfig` is `--ssh-config <ssh-config>`.
    func usage(ofKey key: String) -> String {
        guard let argument = argument(ofKey: key) else { return "<\(Self.dashed(key))>" }
        let value = "<\(argument.valueName ?? Self.dashed(key))>"
        guard argument.kind != "positional", let name = argument.names?.first else { return value }
        return Self.written(name) + " " + value
    }

    /// The values an argument takes when they are few and named (`text`, `json`); none otherwise.
    func choices(ofKey key: String) -> [String] {
        argument(ofKey: key)?.allValues ?? []
    }

    /// The parser names a property's value after it, dashed (`asOf` → `as-of`), unless told otherwise.
    private func argument(ofKey key: String) -> Description.Argument? {
        let dashed = Self.dashed(key)
        return arguments.first { $0.valueName == dashed || $0.valueName == key }
    }

    private static func dashed(_ key: String) -> String {
        var result = ""
        for character in key {
            if character.isUppercase, !result.isEmpty { result += "-" }
            result += character.lowercased()
        }
        return result
    }

    private static func written(_ name: Description.Argument.Name) -> String {
        name.kind == "long" ? "--" + name.name : "-" + name.name
    }
}
