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

@Suite struct TemplateEngineTests {
    /// Renders the template `main` of `templates` (name → Mustache text) with `value`.
    func render(_ templates: [String: String], _ value: TemplateValue = [:]) throws -> String {
        let parsed = try templates.mapValues { try TemplateParser.parse($0) }
        return String(decoding: try TemplateRenderer.render("main", with: value, templates: parsed), as: UTF8.self)
    }

    func render(_ text: String, _ value: TemplateValue = [:]) throws -> String {
        try render(["main": text], value)
    }

    @Test func variablesAreEscapedUnlessTripleOrAmpersand() throws {
        #expect(try render("{{a}}|{{{a}}}|{{& a }}", ["a": "<b>\"x\"&'y'"]) == "&lt;b&gt;&quot;x&quot;&amp;&#39;y&#39;|<b>\"x\"&'y'|<b>\"x\"&'y'")
        #expect(try render("{{n}} {{f}} {{g}} [{{missing}}]", ["n": 3, "f": true, "g": false]) == "3 true false []")
        #expect(try render("{{list}}{{object}}", ["list": ["a"], "object": ["b": "c"]]) == "")
    }

    @Test func fieldsBehaveAsADictionary() throws {
        var fields = TemplateFields()
        fields["a"] = "1"
        fields["b"] = "2"
        fields["a"] = "3"
        #expect(fields.count == 2 && fields["a"] == "3" && fields["c"] == nil)
        var reordered = TemplateFields()
        reordered["b"] = "2"
        reordered["a"] = "3"
        #expect(fields == reordered)
        reordered["b"] = nil
        #expect(reordered.count == 1 && fields != reordered)
        #expect(try render("{{a}}", ["a": "x", "a": "y"]) == "y")
    }

    @Test func namesAreLookedUpFromTheInnermostSectionOutwards() throws {
        let value: TemplateValue = ["title": "站点", "outer": ["inner": ["name": "内"]], "a": ["b": ["x": 1]], "b": ["c": "外"]]
        #expect(try render("{{#outer}}{{inner.name}}·{{title}}{{/outer}}", value) == "内·站点")
        // Only the first segment searches outwards: `a.b` has no `c`, and the outer `b.c` is not used.
        #expect(try render("{{#a}}[{{b.c}}]{{/a}}", value) == "[]")
        #expect(try render("{{#outer}}[{{.title}}]{{#inner}}{{.name}}{{/inner}}{{/outer}}", value) == "[]内")
        #expect(try render("{{#items}}[{{.}}]{{/items}}", ["items": ["甲", "乙"]]) == "[甲][乙]")
    }

    @Test func sectionsRenderByTheKindOfTheirValue() throws {
        let value: TemplateValue = ["items": [["n": 1], ["n": 2]], "none": [], "yes": true, "no": false, "text": "", "object": ["n": 9], "n": 0]
        #expect(try render("{{#items}}{{n}}{{/items}}|{{#none}}x{{/none}}|{{#yes}}{{n}}{{/yes}}|{{#no}}x{{/no}}|{{#missing}}x{{/missing}}", value)
            == "12||0||")
        #expect(try render("{{#text}}[{{.}}]{{/text}}{{#object}}{{n}}{{/object}}", value) == "[]9")
        #expect(try render("{{^none}}a{{/none}}{{^no}}b{{/no}}{{^missing}}c{{/missing}}{{^items}}x{{/items}}{{^yes}}x{{/yes}}{{^object}}x{{/object}}", value)
            == "abc")
    }

    @Test func standaloneTagLinesLeaveNoTrace() throws {
        #expect(try render("a\n  {{#s}}\n  b\n  {{/s}}\nc\n", ["s": true]) == "a\n  b\nc\n")
        #expect(try render("a\r\n {{! note }} \r\nb", [:]) == "a\r\nb")
        #expect(try render(" {{#s}}b{{/s}} \n", ["s": true]) == " b \n")
        #expect(try render("{{#s}}\nx\n{{/s}}", ["s": true]) == "x\n")
        #expect(try render("[{{^s}}\n{{/s}}]", ["s": false]) == "[\n]")
    }

    @Test func standalonePartialsIndentEachLineTheyRender() throws {
        let templates = ["main": "<ul>\n  {{> item}}\n</ul>\n", "item": "<li>\n{{name}}\n</li>\n"]
        #expect(try render(templates, ["name": "家"]) == "<ul>\n  <li>\n  家\n  </li>\n</ul>\n")
        // Lines inside an interpolated value are the value's own, and keep no indentation.
        #expect(try render(["main": "  {{> p}}\n", "p": "{{{v}}}\nend\n"], ["v": "a\nb"]) == "  a\nb\n  end\n")
        // An inline partial is not indented.
        #expect(try render(["main": "x {{> p}}\n", "p": "a\nb\n"], [:]) == "x a\nb\n\n")
        #expect(try render(["main": "[{{> missing}}]"], [:]) == "[]")
    }

    @Test func inheritedTemplatesFillTheBlocksOfTheirParent() throws {
        let templates = [
            "layout": "<title>{{$title}}默认{{/title}}</title>\n{{$body}}{{/body}}\n",
            "middle": "{{<layout}}{{$body}}中间{{/body}}{{$title}}中{{/title}}{{/layout}}",
            "main": "{{<middle}}\n{{! a comment }}\n{{$body}}\n正文{{n}}\n{{/body}}\n{{/middle}}\n",
        ]
        #expect(try render(templates, ["n": 1]) == "<title>中</title>\n正文1\n\n")
        #expect(try render(["main": "{{<layout}}{{/layout}}", "layout": templates["layout"]!], [:]) == "<title>默认</title>\n\n")
    }

    @Test func delimitersCanBeChanged() throws {
        #expect(try render("{{=<% %>=}}<% a %> {{a}}<%={{ }}=%>{{a}}", ["a": "x"]) == "x {{a}}x")
    }

    @Test func transformsApplyInsideOut() throws {
        let value: TemplateValue = ["items": ["a", "b", "c"], "none": [], "word": "Abc def", "n": 4]
        #expect(try render("{{count(items)}} {{#empty(none)}}none{{/empty(none)}}{{^empty(items)}}some{{/empty(items)}} {{first(items)}}{{last(items)}}", value)
            == "3 nonesome ac")
        #expect(try render("{{#items}}{{index()}}{{#first()}}F{{/first()}}{{#last()}}L{{/last()}}{{plusone(index())}},{{/items}}", value)
            == "0F1,12,2L3,")
        #expect(try render("{{uppercased(word)}} {{lowercased(word)}} {{capitalized(word)}} {{#even(n)}}even{{/even(n)}}", value)
            == "ABC DEF abc def Abc Def even")
        #expect(try render("{{capitalized(.)}}", "home-school") == "Home-School")
        #expect(try render("[{{count(word)}}][{{index()}}]", value) == "[][]")
    }

    @Test func aClosingTagDecidesWhereTheFollowingTextStarts() throws {
        // The comment is not alone on its line: the closing tag before it was not standalone.
        #expect(try render("{{#t}}\nA{{/t}}{{!c}}\nB", ["t": true]) == "A\nB")
        #expect(try render("x{{#t}}\n{{/t}}\n  {{!c}}\nB", ["t": true]) == "x\nB")
        #expect(try render("a\n  ", [:]) == "a\n  ")
    }

    @Test func listItemsInAnIndentedPartialAreIndentedEach() throws {
        let templates = ["main": "  {{> p}}\n", "p": "{{#items}}\n{{.}}\n{{/items}}\n"]
        #expect(try render(templates, ["items": ["a", "b"]]) == "  a\n  b\n")
        // A standalone partial that renders nothing leaves nothing, not its indentation.
        #expect(try render(["main": "  {{> missing}}\nx"], [:]) == "x")
        // A parent named by its path is closed by its path.
        #expect(try render(["main": "{{<partials/base}}{{$b}}子{{/b}}{{/partials/base}}", "partials/base": "[{{$b}}{{/b}}]"], [:]) == "[子]")
    }

    @Test func selfIncludingPartialsAndDeepNestingEndWithoutExhaustingTheStack() throws {
        // Twice per level would be 2^200 steps; the number of expansions is bounded too.
        #expect(throws: TemplateRenderer.RenderLimit(kind: .depth, template: "loop")) {
            try render(["main": "{{> loop}}", "loop": "{{> loop}}{{> loop}}x"])
        }
        var fanOut = ["main": "{{> p0}}", "p8": "x"]
        for level in 0 ..< 8 { fanOut["p\(level)"] = String(repeating: "{{> p\(level + 1)}}", count: 10) }
        #expect(throws: TemplateRenderer.RenderLimit(kind: .expansions, template: "p7")) { try render(fanOut) }
        // A partial that includes itself stops at the depth limit instead of recursing forever.
        #expect(throws: TemplateRenderer.RenderLimit(kind: .depth, template: "loop")) {
            try render(["main": "{{> loop}}", "loop": "x{{> loop}}"])
        }
        // A large text written by each of a few levels stops at the size limit, early.
        let large = String(repeating: "长", count: 1 << 20)
        let started = Date()
        #expect(throws: TemplateRenderer.RenderLimit(kind: .size, template: "loop")) {
            try render(["main": "{{> loop}}", "loop": "{{text}}{{> loop}}{{> loop}}"], ["text": .text(large)])
        }
        #expect(Date().timeIntervalSince(started) < 5)
        // Recursion that data ends is fine (the specification's own recursive partial).
        #expect(try render(["main": "{{> node}}", "node": "{{n}}({{#kids}}{{> node}}{{/kids}})"],
                           ["n": 1, "kids": [["n": 2, "kids": [["n": 3, "kids": []]]]]]) == "1(2(3()))")
        let nested = String(repeating: "{{#a}}", count: TemplateParser.maximumDepth + 1) + String(repeating: "{{/a}}", count: TemplateParser.maximumDepth + 1)
        let tooDeep = #expect(throws: TemplateSyntaxError.self) { try TemplateParser.parse(nested) }
        #expect(tooDeep.map { [$0.line, $0.column] } == [1, 1 + 6 * TemplateParser.maximumDepth])
        #expect(tooDeep?.message == "template syntax error: sections are nested more than \(TemplateParser.maximumDepth) deep")
        let allowed = String(repeating: "{{#a}}", count: TemplateParser.maximumDepth) + "y" + String(repeating: "{{/a}}", count: TemplateParser.maximumDepth)
        #expect(try render(allowed, ["a": true]) == "y")
    }

    @Test func syntaxErrorsSayWhereAndWhy() {
        let cases: [(String, Int, Int, String)] = [
            ("a\n  {{#s}}x{{/t}}", 2, 13, "a section is closed with a different name than it was opened with"),
            ("x\n{{#s}}\nx", 2, 1, "the section 's' is never closed"),
            ("{{/s}}", 1, 4, "'s' closes a section that was never opened"),
            ("{{a", 1, 4, "a tag is not finished ('}}' missing)"),
            ("{{ 标题 }}", 1, 4, "unexpected '标' in a tag: names are ASCII letters, digits and .-_?"),
            ("{{foo(a)}}", 1, 3, "unknown transform 'foo' (known: empty, count, first, last, reversed, index, lowercased, uppercased, capitalized, equalzero, plusone, minusone, even, odd)"),
            ("{{count(a}}", 1, 3, "the brackets of 'count(a' do not match"),
            ("{{<layout}}{{a}}{{/layout}}", 1, 12, "only block definitions ({{$name}}) may stand inside {{<parent}}"),
            ("{{%PRAGMA}}", 1, 1, "pragmas ({{%…}}) are not supported"),
            ("{{! open", 1, 1, "a comment is never closed"),
            ("{{=<% %>}}", 1, 1, "invalid set-delimiter tag: write it as {{=<% %>=}}"),
            ("{{{a}}", 1, 1, "a '{{{' tag is not closed by '}}}'"),
            ("{{>*name}}", 1, 1, "dynamic partial names ({{>*name}}) are not supported"),
        ]
        for (text, line, column, message) in cases {
            let error = #expect(throws: TemplateSyntaxError.self, "\(text)") { try TemplateParser.parse(text) }
            #expect(error.map { [$0.line, $0.column] } == [line, column], "\(text)")
            // The catalogue's text, as a diagnostic shows it.
            #expect(error?.message == "template syntax error: " + message, "\(text)")
        }
    }
}
