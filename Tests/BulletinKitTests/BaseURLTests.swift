import Foundation
import Testing
@testable import BulletinKit
@testable import BulletinModel

/// The base URL is written as it is into robots.txt, the sitemap, the feed and every page: one
/// that could add a line, end a value or publish a password is refused, from site.yaml and from
/// `--base-url` alike, and a published sub-path still works.
@Suite struct BaseURLTests {
    /// site.yaml with its baseURL line replaced by `baseURL: <yaml>`; the value starts at 6:10.
    static func site(_ description: String, _ yaml: String, _ message: String) -> BadInputTests.Case {
        BadInputTests.Case(description: description, expected: "Content/site.yaml:6:10: error: " + message) { f in
            try f.edit("Content/site.yaml", replacing: "baseURL: http://localhost:8000/", with: "baseURL: " + yaml)
        }
    }

    static let cases: [BadInputTests.Case] = [
        site("line break", #""https://portal.example/\nDisallow: /""#,
             "baseURL may not hold a line break or other control character (shown as <U+000A>)"),
        site("CR LF", #""https://portal.example/\r\nDisallow: /""#,
             "baseURL may not hold a line break or other control character (shown as <U+000D>)"),
        site("tab", #""https://portal.example/\tzt/""#,
             "baseURL may not hold a line break or other control character (shown as <U+0009>)"),
        // Characters that are not text are refused by any YAML text, before the address is read.
        site("next line (C1)", #""https://portal.example/\Nzt/""#,
             "the text holds <U+0085>, a control character that a page cannot show"),
        site("delete", #""https://portal.example/\x7Fzt/""#,
             "the text holds <U+007F>, a control character that a page cannot show"),
        site("space", #""https://portal.example/zt jiaoyu/""#,
             "baseURL may not hold a space (shown as <U+0020>)"),
        site("ideographic space", "https://portal.example/zt\u{3000}jiaoyu/",
             "baseURL may not hold a space (shown as <U+3000>)"),
        site("right-to-left override", #""https://portal.example/\u202Ezt/""#,
             "baseURL may not hold an invisible formatting character (shown as <U+202E>)"),
        site("double quote", #"'https://portal.example/"onload="alert(1)'"#,
             "baseURL may not hold quotes, angle brackets or backslashes (found \")"),
        site("apostrophe", #""https://portal.example/'x""#,
             "baseURL may not hold quotes, angle brackets or backslashes (found ')"),
        site("angle bracket", "https://portal.example/<script>/",
             "baseURL may not hold quotes, angle brackets or backslashes (found <)"),
        site("backslash", #"'https://portal.example\zt/'"#,
             "baseURL may not hold quotes, angle brackets or backslashes (found \\)"),
        site("user name and password", "https://editor:secret@portal.example/",
             "baseURL may not hold a user name or password"),
        site("query", "https://portal.example/zt/?q=1",
             "baseURL may not have a query (?…) or fragment (#…)"),
        site("fragment", "'https://portal.example/zt/#x'",
             "baseURL may not have a query (?…) or fragment (#…)"),
        site("javascript: address", "javascript:alert(1)",
             "baseURL 'javascript:alert(1)' is not an absolute http(s) address"),
        site("no scheme", "//portal.example/",
             "baseURL '//portal.example/' is not an absolute http(s) address"),
        site("no host", "http:///zt/",
             "baseURL 'http:///zt/' is not an absolute http(s) address"),
        site("another scheme", "ftp://portal.example/",
             "baseURL 'ftp://portal.example/' is not an absolute http(s) address"),
        site("port that is not a number", "https://portal.example:80a/",
             "baseURL 'https://portal.example:80a/' is not an absolute http(s) address"),
    ]

    @Test(arguments: cases)
    func aBaseURLThatCouldInjectIsRefusedAtItsField(_ badCase: BadInputTests.Case) throws {
        try BadInputTests().badInputFailsClearlyAndLeavesThePublishedSiteAlone(badCase)
    }

    @Test func eachRefusalSaysWhatToDo() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try Self.cases.first { $0.description == "user name and password" }!.mutate(fixture)
        #expect(try fixture.check().diagnostics.errors.map(\.formatted) == ["""
            Content/site.yaml:6:10: error: baseURL may not hold a user name or password
                hint: remove the part up to '@': every reader of the pages, the feed and the sitemap would see it
            """])
    }

    /// A library caller's address (the preview's, a test's) is held to the same rule.
    @Test func theBuildOptionIsCheckedToo() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let report = try fixture.build(baseURL: "https://portal.example/\nDisallow: /")
        #expect(report.diagnostics.errors.map(\.message) == ["--base-url may not hold a line break or other control character (shown as <U+000A>)"])
        #expect(!report.wroteOutput)
    }

    @Test func aPercentEncodedSubPathBuildsAndStaysEncodedInLinks() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.edit("Content/site.yaml", replacing: "baseURL: http://localhost:8000/",
                         with: "baseURL: https://portal.example/zt/%E6%95%99%E8%82%B2")
        let report = try fixture.build()
        #expect(report.succeeded, "\(report.diagnostics.errors.map(\.formatted))")
        #expect(try fixture.read("Public/robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://portal.example/zt/%E6%95%99%E8%82%B2/sitemap.xml\n")
        #expect(try fixture.read("Public/sitemap.xml").contains("<loc>https://portal.example/zt/%E6%95%99%E8%82%B2/bases/xiushan-library/</loc>"))
        #expect(try fixture.read("Public/index.html").contains("<a class=\"site-title\" href=\"/zt/%E6%95%99%E8%82%B2/\">"))
    }

    // MARK: The command line

    @Test(arguments: [
        ("https://portal.example/\nDisallow: /",
         "error: --base-url may not hold a line break or other control character (shown as <U+000A>)\n    hint: write the address on one line, without tabs, e.g. https://portal.example/zt/jiaoyu/\n"),
        ("https://editor:secret@portal.example/",
         "error: --base-url may not hold a user name or password\n    hint: remove the part up to '@': every reader of the pages, the feed and the sitemap would see it\n"),
        ("portal.example/zt/",
         "error: --base-url 'portal.example/zt/' is not an absolute http(s) address\n    hint: write the full published address, e.g. https://portal.example/zt/jiaoyu/\n"),
    ])
    func aHostileOptionIsAUsageErrorAndNothingIsBuilt(_ address: String, _ expected: String) throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        for command in ["build", "check"] {
            let result = try CommandLineTests().run([command, "--base-url", address], in: fixture.root)
            #expect(result.status == 2)
            #expect(result.stderr == expected)
            #expect(result.stdout.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.url("Public").path))
    }

    @Test func aSubPathGivenAsTheOptionBuilds() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let result = try CommandLineTests().run(["build", "--as-of", "2023-06-01", "--base-url", "https://portal.example/zt/jiaoyu/"],
                                                in: fixture.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try fixture.read("Public/robots.txt").hasSuffix("\nSitemap: https://portal.example/zt/jiaoyu/sitemap.xml\n"))
    }
}
