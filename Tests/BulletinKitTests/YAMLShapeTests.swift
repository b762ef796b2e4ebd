import Foundation
import Testing
import Yams
@testable import BulletinLoad
@testable import BulletinSupport

/// Anchors and aliases are found where YAML puts them, and nowhere else: generated blocks place
/// real ones in every position a node can take, among texts that only look like them (inside
/// quotes, comments, block scalars, the middle of plain text, lines ending in `>`).
@Suite struct YAMLShapeTests {
    /// A block and where its first real anchor or alias starts (the start of the node's
    /// properties, as the parser marks it), if it has one.
    struct Generated {
        var yaml = ""
        var line = 1
        var first: (line: Int, column: Int)?
        var anchors = 0

        mutating func add(_ text: String, anchorAt offset: Int? = nil) {
            if let offset, first == nil {
                first = (line, text.prefix(offset).count + 1)
            }
            yaml += text + "\n"
            line += 1
        }
    }

    static let decoyValues = [
        "家校&社区 5 * 3", "a&b", "text &x more", "x *y", "'it''s &a *b'", "\"*强调* &amp; \\\" *x\"", "value # &a *b",
        "it's 'x' &a", "x >", "x |", "[a, 'b &c', \"*d\"]", "{k: 'v &w'}", "'a' # *c", "5 * 3 >",
    ]

    static let decoyBlocks: [[String]] = [
        ["|", "  &a 起", "  *a 止"],
        [">", "  一行 &x", "  *y"],
        ["|-", "  'quoted' &z", "  ends with >"],
        [">+", "  # not a comment &c", ""],
    ]

    static func generate(seed: UInt64) -> Generated {
        var random = SeededGenerator(seed: seed)
        var block = Generated()
        let fields = Int.random(in: 2 ... 6, using: &random)
        for field in 0 ..< fields {
            let key = "k\(field)"
            let real = Int.random(in: 0 ..< 4, using: &random) == 0
            let name = "n\(block.anchors)"
            if !real {
                if Bool.random(using: &random) {
                    block.add("\(key): \(decoyValues.randomElement(using: &random)!)")
                } else {
                    let lines = decoyBlocks.randomElement(using: &random)!
                    block.add("\(key): \(lines[0])")
                    for line in lines.dropFirst() { block.add(line) }
                }
                continue
            }
            block.anchors += 1
            let prefix = "\(key): "
            switch Int.random(in: 0 ..< 11, using: &random) {
            case 0: block.add(prefix + "&\(name) value", anchorAt: prefix.count)
            case 1: block.add(prefix + "!!str &\(name) value", anchorAt: prefix.count)
            case 2: block.add(prefix + "&\(name) |", anchorAt: prefix.count); block.add("  &text *text")
            case 3: block.add(prefix + "[a, &\(name) b]", anchorAt: prefix.count + 4)
            case 4: block.add(prefix + "['it''s', *\(name)]", anchorAt: prefix.count + 10)
            case 5: block.add(prefix + "{x: &\(name) y}", anchorAt: prefix.count + 4)
            case 6: block.add(prefix + "{&\(name) x: y}", anchorAt: prefix.count + 1)
            case 7: block.add(key + ":"); block.add("  - plain"); block.add("  - &\(name) item", anchorAt: 4)
            case 8: block.add(prefix + "&\(name)", anchorAt: prefix.count); block.add("  sub: v")
            case 9: block.add("? &\(name) \(key)", anchorAt: 2); block.add(": v")
            default: block.add(prefix + "*\(name)", anchorAt: prefix.count)
            }
        }
        return block
    }

    /// Whether the composed nodes hold an anchor or an alias, by the library's own reading.
    static func composedAnchors(_ yaml: String) -> Bool? {
        func holds(_ node: Node) -> Bool {
            switch node {
            case let .scalar(scalar): return scalar.anchor != nil
            case let .sequence(sequence): return sequence.anchor != nil || sequence.contains(where: holds)
            case let .mapping(mapping): return mapping.anchor != nil || mapping.contains { holds($0.key) || holds($0.value) }
            case .alias: return true
            }
        }
        // Nodes hold their anchors weakly: the parser keeps them alive while they are looked at.
        guard let parser = try? Parser(yaml: yaml), let node = try? parser.singleRoot() else { return nil }
        return withExtendedLifetime(parser) { holds(node) }
    }

    @Test func anchorsAreFoundWhereTheParserSeesThemAndNowhereElse() {
        var composed = 0
        for seed in UInt64(1) ... 1500 {
            let block = Self.generate(seed: seed)
            let finding = YAMLShape.first(in: block.yaml)
            if let first = block.first {
                #expect(finding == .anchorOrAlias(line: first.line, column: first.column), "seed \(seed):\n\(block.yaml)")
            } else {
                #expect(finding == nil, "seed \(seed):\n\(block.yaml)")
            }
            // The generator's own claim, checked against the library wherever it composes the
            // block (an alias to an anchor not yet made does not compose).
            if let holds = Self.composedAnchors(block.yaml) {
                composed += 1
                #expect(holds == (block.first != nil), "seed \(seed):\n\(block.yaml)")
            }
        }
        #expect(composed > 500)
    }

    @Test func aBillionLaughsIsRefusedWhereverTheTextBeforeItWouldFoolAScan() throws {
        var bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (name, previous) in zip("bcdefghi", "abcdefgh") {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        for lead in ["note: it's 'x'\n", "note: x >\n", "note: y |\n", "note: a 'b\n"] {
            do {
                _ = try YAMLDocument.parse(lead + bomb + "? *i\n: x\n", path: "b.md")
                Issue.record("expected an error after \(lead)")
            } catch {
                #expect(error.formatted.hasPrefix("b.md:2:4: error: YAML anchors and aliases (&name, *name) are not allowed"))
            }
        }
    }

    @Test func nestingAndSizeHaveAWall() {
        let deep = "a: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n"
        #expect(throws: Diagnostic.self) { try YAMLDocument.parse(deep, path: "d.md") }
        do {
            _ = try YAMLDocument.parse(deep, path: "d.md")
        } catch {
            #expect(error.formatted.hasPrefix("d.md:1:67: error: the YAML is nested more than 64 levels deep"))
        }
        let wide = "a:\n" + String(repeating: "  - 1\n", count: YAMLShape.maximumNodes)
        do {
            _ = try YAMLDocument.parse(wide, path: "w.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.formatted.contains("error: the YAML block has more than 100000 values"))
        }
    }
}
