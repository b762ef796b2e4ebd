import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import BulletinKit
@testable import BulletinLoad

/// Text that is accepted but means something to HTML, XML or Mustache (characters that are not
/// text are refused where they are typed: `HostileInputTests`), put into
/// every text field that reaches a page, the feed, the sitemap, robots.txt or the search index:
/// every file the build writes is still well-formed for its type, and the text shows as text.
@Suite struct HostileOutputTests {
    /// Markup, CDATA and comment ends, entities, template tags, bidirectional override, a family
    /// emoji (one character of seven scalars) and Chinese punctuation.
    static let markup = "<script>alert(1)</script> ]]> &amp; & \"双\" 'single' -- <!-- {{mustache}} {{{triple}}} \u{202E}反向 👨‍👩‍👧‍👦 「引号」、《书名》。"
    /// How `markup` reads in a page once escaped.
    static let escapedMarkup = "&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp;amp; &amp; &quot;双&quot; &#39;single&#39; -- &lt;!-- {{mustache}} {{{triple}}} \u{202E}反向 👨‍👩‍👧‍👦 「引号」、《书名》。"
    static let longLine = String(repeating: "很长的一行 <b>&amp;</b> ", count: 600)
    static let text = markup + " 尾"

    static let body = """
        \(text)

        `<script>alert(1)</script> ]]> --> <!--`

            <![CDATA[ ]]> </script> {{mustache}}

        [链接 "q" & <x>](https://example.org/?a=1&b=2 "标题 \\"q\\" 'a' <x> &amp;")

        <script>alert(2)</script>

        <!-- \(markup) -->

        \(longLine)

        """

    static let baseURL = "https://portal.example/zt/jiaoyu/"

    @Test func everyFileOfAHostileBuildIsWellFormedForItsType() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        #expect(try fixture.build(baseURL: Self.baseURL).succeeded)
        let themeScripts = Set(try fixture.snapshot().filter { $0.key.hasSuffix(".html") }
            .flatMap { WellFormed.scriptTags(String(decoding: $0.value, as: UTF8.self)) })

        try putHostileTextEverywhere(fixture)
        let report = try fixture.build(baseURL: Self.baseURL)
        #expect(report.succeeded, "\(report.diagnostics.errors.map(\.formatted))")
        let files = try fixture.snapshot()
        #expect(files["/bases/wanzhou-shahe-primary/hostile/index.html"] != nil, "the hostile write-up was built")

        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let text = String(decoding: data, as: UTF8.self)
            switch (path as NSString).pathExtension {
            case "xml":
                #expect(WellFormed.xmlProblems(data) == [], "\(path)")
                #expect(WellFormed.forbiddenCharacters(text) == [], "\(path)")
                #expect(text.components(separatedBy: "<loc>").dropFirst().allSatisfy { $0.hasPrefix(Self.baseURL) }, "\(path)")
            case "json":
                #expect(WellFormed.jsonProblems(data) == [], "\(path)")
            case "txt":
                #expect(WellFormed.robotsProblems(text) == [], "\(path)")
                #expect(text.contains("\nSitemap: \(Self.baseURL)sitemap.xml\n"), "\(path)")
            case "html":
                #expect(WellFormed.forbiddenCharacters(text) == [], "\(path)")
                #expect(Set(WellFormed.scriptTags(text)).subtracting(themeScripts) == [], "\(path)")
                #expect(!text.contains("<script>alert"), "\(path)")
                #expect(text.contains(Self.escapedMarkup), "\(path): the site title, escaped")
            default:
                break
            }
        }
        let writeUp = String(decoding: files["/bases/wanzhou-shahe-primary/hostile/index.html"] ?? Data(), as: UTF8.self)
        #expect(writeUp.components(separatedBy: Self.escapedMarkup).count > 4, "title, summary and body, escaped")
        #expect(try feedTitles(files["/feed.xml"] ?? Data()).contains { $0.hasPrefix(Self.markup + " ") },
                "the feed gives a reader the title as it was written")
    }

    /// The `<title>` texts of a feed, as a feed reader decodes them.
    private func feedTitles(_ data: Data) throws -> [String] {
        final class Titles: NSObject, XMLParserDelegate {
            var titles: [String] = []
            var current: String?
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                if name == "title" { current = "" }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == "title", let current { titles.append(current) }
                current = nil
            }
        }
        let parser = XMLParser(data: data)
        let titles = Titles()
        parser.delegate = titles
        _ = parser.parse()
        return titles.titles
    }

    /// Every text field a reader sees, in site.yaml, bases.yaml and a file of each kind.
    private func putHostileTextEverywhere(_ f: Fixture) throws {
        let text = try YAMLQuoting.doubleQuoted(Self.text)
        let long = try YAMLQuoting.doubleQuoted(Self.text + Self.longLine)
        let site = "Content/site.yaml"
        try f.edit(site, replacing: "title: 重庆市家庭教育创新实践基地\n", with: "title: \(try YAMLQuoting.doubleQuoted(Self.markup))\n")
        let description = try f.read(site).split(separator: "\n").first { $0.hasPrefix("description: ") }!
        try f.edit(site, replacing: String(description), with: "description: \(long)")
        try f.edit(site, replacing: "  - 重庆市妇女联合会\n", with: "  - \(text)\n")
        try f.edit(site, replacing: "  masthead: 重庆市家庭教育创新实践基地工作简报\n", with: "  masthead: \(text)\n")
        try f.edit(site, replacing: "  editor: 重庆市妇联家庭与儿童工作部　重庆市教委基础教育处\n", with: "  editor: \(text)\n")
        try f.edit(site, replacing: "footer: {}\n", with: "footer:\n" + ["siteCode", "icp", "publicSecurity", "host", "organizer", "contact"]
            .map { "  \($0): \(text)\n" }.joined())

        let bases = "Content/bases.yaml"
        try f.edit(bases, replacing: "    name: 2020年命名\n", with: "    name: \(text)\n")
        try f.edit(bases, replacing: "    name: 万州区沙河小学\n", with: "    name: \(text)\n    address: \(text)\n    intro: \(long)\n")
        try f.edit(bases, replacing: "    name: 渝中区中华路小学校\n", with: "    name: 渝中区中华路小学校\n    revoked:\n      date: 2022-03\n      reason: \(text)\n")

        try f.write("Content/bases/wanzhou-shahe-primary/hostile.md", """
            ---
            title: \(text)
            date: 2022-05-01
            kind: event
            models:
              - guidance-service
            summary: \(long)
            ---
            \(Self.body)
            """)
        try f.write("Content/bulletins/2022-1.md", """
            ---
            title: \(text)
            year: 2022
            number: 1
            serial: 1
            date: 2022-06
            editor: \(text)
            items:
              - wanzhou-shahe-primary/hostile
            distribution:
              报: \(text)
              送: \(text)
              发: \(text)
            ---
            \(Self.body)
            """)
        try f.write("Content/assets/hostile.pdf", "%PDF-1.4\n")
        try f.write("Content/notices/hostile.md", """
            ---
            title: \(text)
            date: 2022-04
            number: \(text)
            issuers:
              - \(text)
            attachments:
              - title: \(text)
                file: ../assets/hostile.pdf
            ---
            \(Self.body)
            """)
        try f.write("Content/models/hostile.md", "---\ntitle: \(text)\norder: 9\n---\n\(Self.body)")
        try f.write("Content/pages/hostile.md", "---\ntitle: \(text)\n---\n\(Self.body)")
    }
}
