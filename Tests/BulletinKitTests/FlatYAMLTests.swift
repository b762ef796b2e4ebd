import Foundation
import Testing
import Yams
@testable import BulletinKit
@testable import BulletinLoad
@testable import BulletinModel
@testable import BulletinPlan
@testable import BulletinRender
@testable import BulletinSearch
@testable import BulletinSupport
@testable import BulletinWrite
@testable import Mustache

/// The fast reading of flat front matter must give exactly what the YAML library gives, or
/// nothing (and the library reads the block).
@Suite struct FlatYAMLTests {
    /// Every difference between two nodes: value, tag, style and mark, all the way down.
    func differences(_ fast: Node, _ library: Node, at path: String = "") -> [String] {
        func describe(_ node: Node) -> String {
            switch node {
            case let .scalar(scalar): return "scalar '\(scalar.string)' tag \(scalar.tag)) style \(scalar.style) mark \(String(describing: scalar.mark))"
            case let .mapping(mapping): return "mapping of \(mapping.count) tag \(mapping.tag)) style \(mapping.style) mark \(String(describing: mapping.mark))"
            case let .sequence(sequence): return "sequence of \(sequence.count) tag \(sequence.tag)) style \(sequence.style) mark \(String(describing: sequence.mark))"
            case .alias: return "alias"
            }
        }
        guard describe(fast) == describe(library) else { return ["\(path): \(describe(fast)) ≠ \(describe(library))"] }
        switch (fast, library) {
        case let (.mapping(a), .mapping(b)):
            return zip(a, b).enumerated().flatMap { index, pair in
                differences(pair.0.key, pair.1.key, at: "\(path)/key\(index)") + differences(pair.0.value, pair.1.value, at: "\(path)/\(pair.0.key.string ?? "")")
            }
        case let (.sequence(a), .sequence(b)):
            return zip(a, b).enumerated().flatMap { index, pair in differences(pair.0, pair.1, at: "\(path)/\(index)") }
        default:
            return []
        }
    }

    /// Nil from the fast reading, or no difference from the library's.
    func check(_ yaml: String) throws -> Bool {
        guard let fast = FlatYAML.compose(yaml) else { return false }
        let library = try #require(try Yams.compose(yaml: yaml, .default, .default, .utf8))
        let found = differences(fast, library)
        #expect(found.isEmpty, "\(yaml): \(found)")
        return true
    }

    @Test func everyFrontMatterOfTheShippedContentReadsAsTheLibraryReadsIt() throws {
        let content = Fixture.packageRoot.appendingPathComponent("Tests/Fixture/Content")
        let files = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" }
        #expect(files.count > 10)
        var fastlyRead = 0
        for file in files {
            let split = try FrontMatterSplit.split(try String(contentsOf: file, encoding: .utf8), path: file.path)
            if try check(split.yaml) { fastlyRead += 1 }
        }
        // Most are flat; the notices' attachment lists are not.
        #expect(fastlyRead * 2 > files.count, "\(fastlyRead) of \(files.count)")
    }

    @Test func flatFieldsAndWordListsAreReadFast() throws {
        let accepted = [
            "title: 家庭教育宣传周：定期举办留守儿童关爱（6514）\ndate: 2021-10-24\nkind: event\nmodels: [guidance-service, home-school-community]\nsummary: 定期举办志愿服务，形成了常态化机制。\n",
            "title:   多个空格\nmodels: []\nyear: 2022\ndraft: true\nexample: yes\n",
            "\n\ntitle: a:b 与 \"引号\" 和 'x' 及#号\nmodels: [ a ,b_c,d.e/f ]\ncover: ../../assets/a b.jpg\nnote: ~\n",
            "number: 3\nvalue: 1.5e3\nempty_list: []\nname-with-dash: Ünïcödé ½ ∞\n",
            String(repeating: "k", count: 1024) + ": a\n",
            "title: \"家庭教育：宣传周 #1\"\nsummary: '定期举办: \"志愿\"服务'\nyear: \"2022\"\nempty: \"\"\nnone: ''\n",
        ]
        for yaml in accepted {
            #expect(try check(yaml), "\(yaml)")
        }
    }

    @Test func anythingElseIsLeftToTheLibrary() throws {
        let refused = [
            "", "\n", "# a comment\ntitle: a\n", "title: a # comment\n",
            "title: a: b\n", "title: a:\n", "title:\n", "title: \n", "title:a\n", " title: a\n", "title: a \n",
            "title: - a\n", "title: [a, 'b']\n", "title: [a, [b]]\n", "title: [a,]\n", "title: [a] x\n", "title: [a\n",
            "models:\n  - a\n", "title: a\ntitle: b\n", "title: |\n  a\n", "title: >\n  a\n", "title: &x a\n", "title: *x\n",
            "title: !!str a\n", "title: {a: b}\n", "title: @a\n", "title: `a`\n", "title: %a\n", "title: a\r\n", "title: a\tb\n",
            "title: a\u{2028}b\n", "title: a\u{85}b\n", "title: \u{FEFF}a\n", "title: a\u{1}\n", "---\ntitle: a\n", "title: a\n...\n",
            "title: \"a\\\"b\"\n", "title: \"a\\nb\"\n", "title: 'it''s'\n", "title: \"a\" \n", "title: \"a\" # c\n", "title: \"a\n",
            "title: \"a\tb\"\n", "title: \"\u{2028}\"\n",
            String(repeating: "k", count: 1025) + ": a\n", "1: a\n", "title: ?a\n", "title: !a\n", "title: |a\n", "title: >a\n", "title: ,a\n", "title: {a\n", "title: ]a\n",
        ]
        for yaml in refused {
            #expect(FlatYAML.compose(yaml) == nil, "\(yaml.debugDescription)")
        }
    }

    /// Random lines from pieces that are hard for a plain scalar: the fast reading either refuses
    /// or agrees with the library.
    @Test func randomLinesAgreeOrAreRefused() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "题", " ", ":", ": ", "#", " #", "-", "[", "]", ",", "'", "\"", "\"", "'", "\\", "~", "1", ".", "/", "*", "&", "!", "|", ">", "%", "@", "?", "{", "}", "\\", "é"]
        var agreed = 0
        for _ in 0 ..< 3000 {
            var yaml = ""
            for field in 0 ..< Int.random(in: 1 ... 3, using: &generator) {
                var value = ""
                for _ in 0 ..< Int.random(in: 1 ... 6, using: &generator) { value += pieces.randomElement(using: &generator)! }
                yaml += "f\(field): \(value)\n"
            }
            if (try? Yams.compose(yaml: yaml, .default, .default, .utf8)) == nil {
                #expect(FlatYAML.compose(yaml) == nil, "\(yaml.debugDescription) is not YAML, but was read")
                continue
            }
            if try check(yaml) { agreed += 1 }
        }
        #expect(agreed > 200)
    }
}
