import BulletinSupport
import Foundation

/// The version `bulletin --version` prints; defined here only.
enum BulletinVersion {
    static let current = "0.9.0"
}

/// The language of everything the command prints, help texts included, chosen once before the
/// arguments are parsed: `--lang` (anywhere before `--`), else the locale (`LC_ALL`,
/// `LC_MESSAGES`, `LANG`). It is computed once from the arguments and the environment and never
/// changes; commands read it as a value.
struct Startup: Sendable {
    var language: Language
    /// The arguments without `--lang` and its value, for the parser.
    var arguments: [String]
    /// A `--lang` value that names neither language (a usage error), or "" when the value is missing.
    var refusedLanguage: String?

    static func read(arguments: [String], environment: [String: String]) -> Startup {
        var rest: [String] = []
        var given: String?
        var refused: String?
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" {
                rest += arguments[index...]
                break
            }
            if argument == "--lang" {
                let next = arguments.index(after: index)
                if next < arguments.endIndex {
                    given = arguments[next]
                    index = arguments.index(after: next)
                } else {
                    given = ""
                    index = next
                }
                continue
            }
            if argument.hasPrefix("--lang=") {
                given = String(argument.dropFirst("--lang=".count))
            } else {
                rest.append(argument)
            }
            index = arguments.index(after: index)
        }
        if let given, Language(option: given) == nil { refused = given }
        return Startup(language: Language.choose(option: given, environment: environment), arguments: rest, refusedLanguage: refused)
    }

    static let current = read(arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
}

/// The language chosen at start-up.
var language: Language { Startup.current.language }

/// A text of the catalogue in the chosen language (help texts, summaries).
func say(_ code: MessageCode, _ arguments: [String: String] = [:]) -> String {
    Message(code, arguments).text(in: language)
}

/// A problem with how the command was called: `error: …` and its hint, in the chosen language.
func usageProblem(_ message: Message) -> String {
    Catalogue.label(.labelError, in: language) + message.formatted(in: language)
}
