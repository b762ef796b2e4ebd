import Foundation
import Testing
@testable import BulletinKit
@testable import BulletinLoad
@testable import BulletinModel
@testable import BulletinPlan
@testable import BulletinRender
@testable import BulletinSearch
@testable import BulletinSupport
@testable import BulletinWrite
@testable import Mustache

/// The Mustache specification's own cases (`Tests/Fixture/MustacheSpec`: the name, data, template,
/// partials and expected output of each case of the specification's comments, delimiters,
/// interpolation, inverted, partials, sections and inheritance files, at mustache/spec 9cb20c3),
/// rendered by the project's engine. Lambdas and dynamic names are not supported and not run.
@Suite struct MustacheSpecificationTests {
    struct Case: Decodable {
        var name: String
        var data: JSON
        var template: String
        var partials: [String: String]?
        var expected: String
    }

    /// Any JSON value, decoded as the specification writes its data.
    enum JSON: Decodable {
        case null, flag(Bool), integer(Int), decimal(Double), text(String), list([JSON]), object([String: JSON])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let flag = try? container.decode(Bool.self) { self = .flag(flag) }
            else if let integer = try? container.decode(Int.self) { self = .integer(integer) }
            else if let decimal = try? container.decode(Double.self) { self = .decimal(decimal) }
            else if let text = try? container.decode(String.self) { self = .text(text) }
            else if let list = try? container.decode([JSON].self) { self = .list(list) }
            else { self = .object(try container.decode([String: JSON].self)) }
        }

        /// The engine's data has no null (a missing field is one) and no decimals (they are printed
        /// as JSON writes them).
        var value: TemplateValue? {
            switch self {
            case .null: return nil
            case let .flag(flag): return .flag(flag)
            case let .integer(integer): return .number(integer)
            case let .decimal(decimal): return .text(String(decimal))
            case let .text(text): return .text(text)
            case let .list(list): return .list(list.compactMap(\.value))
            case let .object(object):
                var fields = TemplateFields()
                for (name, value) in object.sorted(by: { $0.key < $1.key }) { fields[name] = value.value }
                return .object(fields)
            }
        }
    }

    static let files = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "inheritance"]

    static func cases(_ file: String) throws -> [Case] {
        let url = Fixture.packageRoot.appendingPathComponent("Tests/Fixture/MustacheSpec/\(file).json")
        return try JSONDecoder().decode([Case].self, from: Data(contentsOf: url))
    }

    @Test(arguments: files) func everyCaseOfTheSpecificationRendersAsExpected(_ file: String) throws {
        let cases = try Self.cases(file)
        #expect(!cases.isEmpty)
        for test in cases {
            var templates = (test.partials ?? [:]).mapValues { $0 }
            let main = "spec main template"
            templates[main] = test.template
            let parsed = try templates.mapValues { try TemplateParser.parse($0) }
            let output = String(decoding: try TemplateRenderer.render(main, with: test.data.value ?? [:], templates: parsed), as: UTF8.self)
            #expect(output == test.expected, "\(file): \(test.name)")
        }
    }
}
