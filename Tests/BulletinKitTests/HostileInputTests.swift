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

/// Hostile and broken input beyond the everyday mistakes: each gives its exact diagnostic, fails
/// the build, and leaves the published site byte for byte as it was; or, where the input is
/// accepted (a BOM, CRLF line ends, unsafe Markdown), builds without letting anything unsafe through.
@Suite struct HostileInputTests {
    static let newWriteUp = "Content/bases/wanzhou-shahe-primary/open-day.md"
    static let good = "title: 开放日\ndate: 2021-05-12\nkind: event\n"

    static let cases: [BadInputTests.Case] = [
        .init(description: "tab indentation in front matter",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:6:1: error: a tab is used for indentation; YAML allows only spaces") { f in
            try f.write(newWriteUp, "---\n\(good)models:\n\t- guidance-service\n---\n")
        },
        .init(description: "duplicate key",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:2:1: error: the field 'title' is given twice") { f in
            try f.write(newWriteUp, "---\n\(good)title: 又一个标题\n---\n")
        },
        .init(description: "anchor and alias",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:5:10: error: YAML anchors and aliases (&name, *name) are not allowed") { f in
            try f.write(newWriteUp, "---\n\(good)summary: &s 摘要\n---\n")
        },
        .init(description: "billion laughs",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:2:4: error: YAML anchors and aliases (&name, *name) are not allowed") { f in
            var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
            for (name, previous) in zip("bcdefghi", "abcdefgh") {
                yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            }
            try f.write(newWriteUp, "---\n" + yaml + "? *i\n: x\n\(good)---\n")
        },
        .init(description: "list where text belongs",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:3:7: error: 'date' must be a single text value, not a list") { f in
            try f.write(newWriteUp, "---\ntitle: 开放日\ndate: [2021]\nkind: event\n---\n")
        },
        .init(description: "NUL byte",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:6:3: error: the file contains a NUL byte, so it is not text") { f in
            try f.writeData(newWriteUp, Data("---\n\(good)---\n正文\u{0}".utf8))
        },
        .init(description: "50 MB file",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:1:1: error: the file is too large (50 MB); text files may have at most 8 MB") { f in
            try f.writeData(newWriteUp, Data("---\n\(good)---\n".utf8) + Data(repeating: UInt8(ascii: "a"), count: 50 * 1_048_576))
        },
        .init(description: "named pipe as an asset",
              expected: "Content/assets/pipe.pdf:1:1: error: this is not a regular file but a named pipe (FIFO); only files and folders are read") { f in
            try f.makePipe("Content/assets/pipe.pdf")
        },
        .init(description: "named pipe as a write-up",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:1:1: error: this is not a regular file but a named pipe (FIFO); only files and folders are read") { f in
            try f.makePipe(newWriteUp)
        },
        .init(description: "named pipe in the templates",
              expected: "Templates/static/pipe.css:1:1: error: this is not a regular file but a named pipe (FIFO); only files and folders are read") { f in
            try f.makePipe("Templates/static/pipe.css")
        },
        .init(description: "attachment page at the address of a batch's list of bases",
              expected: "Content/notices/naming-2020/bases-2020.md:1:1: error: this page would be published at /notices/naming-2020/bases-2020/, where the site makes a page of its own (from the template 'attachment')") { f in
            try f.write("Content/notices/naming-2020/bases-2020.md", "---\ntitle: 名单\n---\n正文\n")
            try f.edit("Content/notices/naming-2020.md", replacing: "  - page: naming-2020/measures.md\n",
                       with: "  - page: naming-2020/measures.md\n  - page: naming-2020/bases-2020.md\n")
        },
        .init(description: "vertical tab pasted from Word into a body",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:6:4: error: the file holds <U+000B>, a control character that a page cannot show") { f in
            try f.write(newWriteUp, "---\n\(good)---\n正文x\u{0B}y\n")
        },
        .init(description: "control character made by a YAML escape",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:2:8: error: the text holds <U+0001>, a control character that a page cannot show") { f in
            try f.write(newWriteUp, "---\ntitle: \"开放\\x01日\"\ndate: 2021\nkind: event\n---\n")
        },
        .init(description: "noncharacter made by a YAML escape in bases.yaml",
              expected: "Content/bases.yaml:12:11: error: the text holds <U+FFFF>, a control character that a page cannot show") { f in
            try f.edit("Content/bases.yaml", replacing: "    name: 万州区沙河小学\n", with: "    name: \"万州区沙河小学\\uFFFF\"\n")
        },
        .init(description: "file name with a control character",
              expected: "Content/assets/a<U+0001>.pdf:1:1: error: the file name holds <U+0001>, a control character") { f in
            try f.write("Content/assets/a\u{01}.pdf", "pdf")
        },
        .init(description: "partial that includes itself without end",
              expected: "Templates/partials/footer.mustache:1:1: error: rendering /index.html stopped: partials, blocks and sections are nested more than 200 deep") { f in
            try f.write("Templates/partials/footer.mustache", "<footer>{{> partials/footer}}</footer>\n")
        },
        .init(description: "character reference naming a control character",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:7:3: error: the character reference '&#x1B;' makes <U+001B>, a control character that a page cannot show") { f in
            try f.write(newWriteUp, "---\n\(good)---\n代码 `&#x1B;` 可以\n清屏&#x1B;[2J\n")
        },
        .init(description: "file name with a space",
              expected: "Content/bases/wanzhou-shahe-primary/open day.md:1:1: error: the file name 'open day' can't be used in an address") { f in
            try f.write("Content/bases/wanzhou-shahe-primary/open day.md", "---\n\(good)---\n")
        },
        .init(description: "two files at one address",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:1:1: error: this file and Content/bases/wanzhou-shahe-primary/open-day.markdown would both be published at /bases/wanzhou-shahe-primary/open-day/") { f in
            try f.write(newWriteUp, "---\n\(good)---\n")
            try f.write("Content/bases/wanzhou-shahe-primary/open-day.markdown", "---\n\(good)---\n")
        },
        .init(description: "link to a file outside the content folder",
              expected: "Content/assets/passwd:1:1: error: this link points outside the content folder") { f in
            try FileManager.default.createSymbolicLink(at: f.url("Content/assets/passwd"), withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
        },
        .init(description: "link to a folder that contains it",
              expected: "Content/assets/loop:1:1: error: this link leads back to a folder that contains it") { f in
            try FileManager.default.createSymbolicLink(atPath: f.url("Content/assets/loop").path, withDestinationPath: ".")
        },
        .init(description: "content file where the site makes a file",
              expected: "Content/robots.txt:1:1: error: this file would be published at /robots.txt, which the site makes itself") { f in
            try f.write("Content/robots.txt", "User-agent: *\n")
        },
        .init(description: "web page where the site makes a page",
              expected: "Content/about/index.html:1:1: error: '.html' files are not published: a web page or script in the content folder would run in readers' browsers as part of the site") { f in
            try f.write("Content/about/index.html", "<p>另一个关于页</p>\n")
        },
        .init(description: "absolute cover path",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:5:8: error: the cover image '/etc/passwd' is an absolute path") { f in
            try f.write(newWriteUp, "---\n\(good)cover: /etc/passwd\n---\n")
        },
        .init(description: "Markdown image leaving the content folder",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:7:1: error: the image '../../../../../etc/passwd' leads outside the content folder") { f in
            try f.write(newWriteUp, "---\n\(good)---\n\n![图](../../../../../etc/passwd)\n")
        },
        .init(description: "file name that is not UTF-8",
              expected: "Content/pages/\u{FFFD}.md:1:1: error: the file name is not UTF-8 text") { f in
            // Byte 0xFF cannot start a UTF-8 sequence; a Swift string cannot hold it, so the name is made in C.
            let name = Array((f.url("Content/pages").path + "/").utf8CString.dropLast()) + [CChar(bitPattern: 0xFF)] + Array(".md".utf8CString)
            let descriptor = open(name, O_CREAT | O_WRONLY, 0o644)
            #expect(descriptor >= 0)
            close(descriptor)
        },
        .init(description: "attachment with an absolute path",
              expected: "Content/notices/naming-2020.md:12:11: error: the attachment '/srv/secret.pdf' is an absolute path") { f in
            try f.edit("Content/notices/naming-2020.md", replacing: "  - page: naming-2020/measures.md\n",
                       with: "  - page: naming-2020/measures.md\n  - title: 表\n    file: /srv/secret.pdf\n")
        },
    ]

    @Test(arguments: cases)
    func hostileInputFailsClearlyAndLeavesThePublishedSiteAlone(_ badCase: BadInputTests.Case) throws {
        try BadInputTests().badInputFailsClearlyAndLeavesThePublishedSiteAlone(badCase)
    }

    @Test func aBillionLaughsIsRefusedQuickly() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try Self.cases.first { $0.description == "billion laughs" }!.mutate(fixture)
        let start = Date()
        _ = try fixture.check()
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func byteOrderMarksAndCRLFAreAcceptedAndChangeNothing() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let before = try fixture.read("Public/bases/wanzhou-shahe-primary/example-practice/index.html")
        let path = "Content/bases/wanzhou-shahe-primary/example-practice.md"
        let text = try fixture.read(path)
        try fixture.writeData(path, Data([0xEF, 0xBB, 0xBF]) + Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let report = try fixture.build()
        #expect(report.wroteOutput && report.diagnostics.errors.isEmpty)
        #expect(try fixture.read("Public/bases/wanzhou-shahe-primary/example-practice/index.html") == before)
    }

    @Test func unsafeMarkdownNeverReachesAPage() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let nasty = """
            <script>alert(1)</script>

            <iframe src="https://evil.example/"></iframe>

            <img src=x onerror="alert(1)"> <a href="#" onclick="alert(1)">x</a>

            [a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](vbscript:msgbox) [d](data:text/html;base64,PHNjcmlwdD4=)
            ![e](data:image/svg+xml;base64,PHN2Zz4=) [f](  javascript:alert(1)) <javascript:alert(1)>

            """
        try fixture.write(Self.newWriteUp, "---\n\(Self.good)---\n\n" + nasty + String(repeating: "- ", count: 10_000) + "深\n\n"
                          + String(repeating: "> ", count: 10_000) + "深\n\n" + String(repeating: "长", count: 350_000) + "\n")
        let start = Date()
        let report = try fixture.build()
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(report.wroteOutput, "\(report.diagnostics.errors.map(\.formatted))")
        let page = try fixture.read("Public/bases/wanzhou-shahe-primary/open-day/index.html").lowercased()
        // The words may stand in the text (an autolink's label, the description); never as markup or an address.
        for forbidden in ["<script>alert", "<iframe", "onerror=\"", "onclick=\"", "href=\"javascript", "href=\"vbscript",
                          "href=\"data:", "src=\"data:", "src=\"javascript"] {
            #expect(!page.contains(forbidden), "\(forbidden) reached the page")
        }
        #expect(report.diagnostics.warnings.filter { $0.message.contains("was removed") }.count >= 5)
    }

    @Test func aVariableThatNamesNoFieldIsAWarningInStrictMode() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.edit("Templates/page.mustache", replacing: "{{view.title}}", with: "{{view.titel}}")
        let relaxed = Pipeline.check(fixture.folders, options: BuildOptions(asOf: try PartialDate(parsing: "2023-06-01")))
        #expect(!relaxed.diagnostics.all.contains { $0.location.path.hasSuffix("page.mustache") })
        let strict = Pipeline.check(fixture.folders, options: BuildOptions(asOf: try PartialDate(parsing: "2023-06-01"), strict: true))
        #expect(strict.diagnostics.warnings.filter { $0.location.path.hasSuffix(".mustache") }.map(\.formatted) == [
            "Templates/page.mustache:4:7: warning: the variable 'view.titel' names no field of the page's data ('titel'); it renders as nothing\n    hint: did you mean 'title'?",
        ])
        #expect(!strict.diagnostics.hasErrors)
    }

    @Test(arguments: ["/", "~", ".", "Content", "Templates", "Content/assets"])
    func theOutputMayNotBeAFolderOfValue(_ output: String) throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let before = try fixture.snapshot("Content")
        let result = try CommandLineTests().run(["build", "--output", output == "~" ? NSHomeDirectory() : output], in: fixture.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: refusing to use"), "\(result.stderr)")
        #expect(try fixture.snapshot("Content") == before)
    }
}

@Suite struct UnreadableFolderTests {
    /// Permissions do not stop root, so as root the check runs as the unprivileged user 'nobody'.
    @Test func anUnreadableFolderIsAnErrorThatNamesIt() throws {
        let result = try checkWithout(mode: 0o000, on: "Content/bases/xiushan-library")
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/bases/xiushan-library:1:1: error: cannot read the folder\n    hint: check its permissions"), "\(result.stderr)")
    }

    /// Names can be listed but not looked up: the files are reported, not left out.
    @Test func aFolderWhoseFilesCannotBeLookedUpIsAnError() throws {
        let result = try checkWithout(mode: 0o644, on: "Content/notices")
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/notices/naming-2020.md:1:1: error: cannot read the file's details: Permission denied\n    hint: check the permissions of its folder"), "\(result.stderr)")
    }

    /// Runs `bulletin check` on the real content with `folder` set to `mode`, as a user that permissions stop.
    private func checkWithout(mode: mode_t, on folder: String) throws -> CommandLineTests.Run {
        let fixture = try Fixture()
        defer {
            chmod(fixture.url(folder).path, 0o755)
            fixture.remove()
        }
        for folder in [fixture.root, fixture.url("Content"), fixture.url("Templates")] { chmod(folder.path, 0o755) }
        chmod(fixture.url(folder).path, mode)
        // The unprivileged user may not reach the build folder (a checkout under /root): run a copy.
        let binary = fixture.url("bulletin").path
        // Copied with descriptors closed on exec: a copy whose descriptor a test running beside
        // this one inherits cannot be executed ("Text file busy") until that process execs too.
        try FileSystemCalls.copy(from: CommandLineTests.executable.path, to: binary)
        chmod(binary, 0o755)
        let arguments = getuid() == 0
            ? ["/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", binary, "check"]
            : [binary, "check"]
        var result = try CommandLineTests().run(arguments, in: fixture.root, executable: nil)
        for _ in 0 ..< 3 where result.status == 126 && result.stderr.contains("Text file busy") {
            usleep(200_000)
            result = try CommandLineTests().run(arguments, in: fixture.root, executable: nil)
        }
        return result
    }
}
