import Foundation
import Testing
@testable import BulletinKit
@testable import BulletinLoad
@testable import BulletinModel
@testable import BulletinSupport
@testable import BulletinWrite
@testable import Mustache

/// Exact messages, in English and in Chinese, as each stage makes them: one or more per target.
@Suite struct BilingualMessageTests {
    @Test func load() throws {
        var fields = try YAMLDocument.parse("title: 开放日\ndate: 2021-13\nkinds: event\n", path: "Content/x.md", firstLine: 2).fields()
        _ = fields.string("kind", required: true)
        _ = fields.date("date")
        let found = fields.finish(known: ["title", "kind", "date"])
        #expect(found.map(\.formatted) == [
            "Content/x.md:2:1: error: missing required field 'kind'\n    hint: add a line 'kind: …' to this block",
            "Content/x.md:3:7: error: 'date': '2021-13' has no month 13\n    hint: write dates as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2020, 2020-05 or 2020-05-12",
            "Content/x.md:4:1: warning: unknown field 'kinds' is ignored\n    hint: did you mean 'kind'?",
        ])
        #expect(found.map { $0.formatted(in: .chinese) } == [
            "Content/x.md:2:1: 错误：缺少必填字段 'kind'\n    提示：请在此处添加一行 'kind: …'",
            "Content/x.md:3:7: 错误：'date'：'2021-13' 中的月份 13 不存在\n    提示：日期请写成 YYYY、YYYY-MM 或 YYYY-MM-DD，如 2020、2020-05 或 2020-05-12",
            "Content/x.md:4:1: 警告：无法识别字段 'kinds'，已忽略\n    提示：是否应为 'kind'？",
        ])
        #expect(found.map(\.code) == [.fieldMissing, .fieldDateNoMonth, .fieldUnknown])
    }

    /// What the YAML library could not read is told in Chinese too, where no cause more precise
    /// was found; a phrase the table does not know is shown as the library wrote it.
    @Test func yamlLibraryProblems() throws {
        func error(_ yaml: String) throws -> Diagnostic {
            do {
                _ = try YAMLDocument.parse(yaml, path: "Content/x.md", firstLine: 2)
            } catch {
                return error
            }
            throw CancellationError()
        }
        let unclosed = try error("title: 开放日\nkind: {event\ndate: 2021\n")
        #expect(unclosed.formatted == "Content/x.md:4:5: error: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping at line 3)\n    hint: check the indentation and the ':' after each field name; quote values that contain ': ' or start with a special character")
        #expect(unclosed.formatted(in: .chinese) == "Content/x.md:4:5: 错误：YAML 格式错误：花括号中找不到应有的 ',' 或 '}'：可能是花括号没有闭合（从第 3 行起读取花括号内容时）\n    提示：请检查缩进和每个字段名后的 ':'；含有 ': ' 或以特殊字符开头的值请加引号")
        let reserved = try error("title: 开放日\nsummary: @家长学校\n")
        #expect(reserved.text.text(in: .chinese).hasPrefix("YAML 格式错误：此处的字符不能作为值的开头（如 @、`、%），请给整个值加引号"))
        let unknown = Diagnostic.error(at: SourceLocation(path: "Content/x.md"), .yamlInvalid, ["problem": "a phrase of a newer library"])
        #expect(unknown.text.text(in: .chinese) == "YAML 格式错误：a phrase of a newer library")
    }

    @Test func model() {
        #expect(throws: BaseURL.Problem.self) { try BaseURL(checking: "ftp://example.org/", name: "baseURL") }
        do {
            _ = try BaseURL(checking: "https://user@example.org/", name: "--base-url")
        } catch {
            #expect(error.text.formatted(in: .english) == """
                --base-url may not hold a user name or password
                    hint: remove the part up to '@': every reader of the pages, the feed and the sitemap would see it
                """)
            #expect(error.text.formatted(in: .chinese) == """
                --base-url 中不能包含用户名或密码
                    提示：请删去 '@' 及其之前的部分：网页、订阅源和网站地图的所有读者都能看到它
                """)
        }
    }

    /// SVG images, web pages and scripts in the content are refused where they are, in either
    /// language, and a body that refers to one is not told again that the file is missing.
    @Test func filesThatCouldRunScriptAreRefused() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("Content/assets/logo.SVG", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")
        try fixture.write("Content/assets/form.html", "<!doctype html><script>alert(1)</script>")
        try fixture.write("Content/pages/counter.mjs", "export {}")
        try fixture.write("Content/pages/logo.md", "---\ntitle: 标志\n---\n![标志](../assets/logo.SVG)\n")
        let errors = try fixture.check().diagnostics.errors
        let shown: [String] = errors.flatMap { [$0.formatted, $0.formatted(in: .chinese)] }
        let expected: [String] = [
            "Content/assets/form.html:1:1: error: '.html' files are not published: a web page or script in the content folder would run in readers' browsers as part of the site\n    hint: write the text as a Markdown page, or offer the document as PDF",
            "Content/assets/form.html:1:1: 错误：不发布 '.html' 文件：内容文件夹中的网页或脚本会作为本网站的一部分在读者的浏览器中运行\n    提示：请把内容写成 Markdown 页面，或以 PDF 格式提供文档",
            "Content/assets/logo.SVG:1:1: error: SVG images are not published: an SVG file can hold a script that would run in readers' browsers as part of the site\n    hint: export it as PNG (or as JPEG for a photo) and refer to that file instead",
            "Content/assets/logo.SVG:1:1: 错误：不发布 SVG 图片：SVG 文件可能含有脚本，会作为本网站的一部分在读者的浏览器中运行\n    提示：请将其导出为 PNG（照片可导出为 JPEG），改为引用导出的文件",
            "Content/pages/counter.mjs:1:1: error: '.mjs' files are not published: a web page or script in the content folder would run in readers' browsers as part of the site\n    hint: write the text as a Markdown page, or offer the document as PDF",
            "Content/pages/counter.mjs:1:1: 错误：不发布 '.mjs' 文件：内容文件夹中的网页或脚本会作为本网站的一部分在读者的浏览器中运行\n    提示：请把内容写成 Markdown 页面，或以 PDF 格式提供文档",
        ]
        #expect(shown == expected)
        #expect(errors.map(\.code) == [.assetActiveRefused, .assetSVGRefused, .assetActiveRefused])
        for refused in ["a.js", "a.htm", "a.xhtml", "a.xml", "a.svgz"] {
            #expect(ContentLoader.loadFile(refused, root: fixture.url("Content"), displayPath: refused).isRefusal, "\(refused)")
        }
    }

    @Test func mustacheAndRender() throws {
        let error = #expect(throws: TemplateSyntaxError.self) { try TemplateParser.parse("{{#s}}x") }
        #expect(error?.text.text(in: .english) == "template syntax error: the section 's' is never closed")
        #expect(error?.text.text(in: .chinese) == "模板语法错误：区块 's' 没有结束")
        #expect(error?.text.hint(in: .chinese) == "请检查每个 {{#section}} 和 {{<parent}} 都有对应的 {{/…}} 结束")
    }

    @Test func write() throws {
        let diagnostic = try #require(OutputGuard.check(output: URL(fileURLWithPath: "/"), displayPath: "/", protected: []))
        #expect(diagnostic.formatted == "/:1:1: error: refusing to use '/' as the output folder: it would replace /\n    hint: name a folder of its own for the site, e.g. --output Public")
        #expect(diagnostic.formatted(in: .chinese) == "/:1:1: 错误：不能使用 '/' 作为输出文件夹：这会替换 /\n    提示：请为网站单独指定一个文件夹，如 --output Public")
    }

    @Test func kit() {
        let problem = Scaffold.Problem.yearOutOfRange(99999, allowed: 1900...2999)
        #expect(problem.formatted(in: .english) == "a bulletin's year must be from 1900 to 2999, not 99999\n    hint: give the year in four digits, e.g. --year 2025")
        #expect(problem.formatted(in: .chinese) == "简报年份应在 1900 至 2999 之间，而不是 99999\n    提示：请用四位数字写年份，如 --year 2025")
    }

    /// The closing line of a capped kind, and English plurals beside Chinese counts.
    @Test func supportAndPlurals() {
        var cap = DiagnosticCap()
        for line in 1...(DiagnosticCap.perKind + 2) {
            cap.add(.moreImagesWithoutAltText) { .warning(at: SourceLocation(path: "p.md", line: line), .imageWithoutAltText, ["url": "a.jpg"]) }
        }
        let last = cap.diagnostics.last!
        #expect(last.formatted == "p.md:21:1: warning: … and 2 more images without alternative text\n    hint: only the first 20 of each kind are listed for a file; correct them and check again")
        #expect(last.formatted(in: .chinese) == "p.md:21:1: 警告：……另有 2 张图片缺少替代文字\n    提示：同一文件中每类问题只列出前 20 处；请改正后再检查")
        let one = Message(.cliCheckFailed, ["errors": "1", "warnings": "2"])
        #expect(one.text(in: .english) == "check failed: 1 error, 2 warnings")
        #expect(one.text(in: .chinese) == "检查未通过：1 个错误，2 个警告")
        let passed = Message(.cliCheckPassed, ["errors": "0", "warnings": "1", "pages": "1"])
        #expect(passed.text(in: .english) == "check passed: 0 errors, 1 warning; 1 page would be built")
    }

    /// What main's checks say, in Chinese too: one message for each of its features.
    @Test func keyboardAndPasteMistakes() throws {
        let colon = #expect(throws: Diagnostic.self) { try YAMLDocument.parse("title：开放日\n", path: "Content/x.md", firstLine: 2) }
        #expect(colon?.formatted == "Content/x.md:2:6: error: the field name 'title' is followed by a full-width colon '：'\n"
            + "    hint: write ':' (half-width) after the field name, then a space: 'title: …'")
        #expect(colon?.formatted(in: .chinese) == "Content/x.md:2:6: 错误：字段名 'title' 后面是全角冒号 '：'\n"
            + "    提示：请在字段名后写半角冒号 ':'，再加一个空格：'title: …'")
        // The name of a character that cannot be seen is the language's own, whenever it is shown.
        let space = #expect(throws: Diagnostic.self) { try YAMLDocument.parse("title:\u{A0}开放日\n", path: "Content/x.md") }
        #expect(space?.message == "the ':' after 'title' is followed by a non-breaking space <U+00A0>")
        #expect(space?.message(in: .chinese) == "'title' 后的 ':' 后面是不换行空格 <U+00A0>")
        let decoded = try JSONDecoder().decode(Diagnostic.self, from: JSONEncoder().encode(try #require(space)))
        #expect(decoded == space && decoded.message(in: .chinese) == "'title' 后的 ':' 后面是不换行空格 <U+00A0>")
    }

    @Test func unfinishedPagesSerialsReportsAndBaseNames() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("Content/bulletins/2021-2.md", OfficialNumberTests.bulletin(year: 2021, number: 2, serial: nil))
        try fixture.edit("Content/bases.yaml", replacing: "    name: 万州区沙河小学\n", with: "    name: 万州区沙河小学\n    revoked: {date: 2022-06, reason: 测试}\n")
        try fixture.write("Content/bases/wanzhou-shahe-primary/r2023.md", OfficialNumberTests.report(year: 2023, date: "2024-01"))
        try fixture.write("Content/bases/wanzhou-shahe-primary/plan.md", "---\ntitle: 计划\ndate: 2022-01\nkind: event\n---\n【待填写】在此撰写正文。\n")
        try fixture.edit("Content/bulletins/2021-1.md", replacing: "  - bishan-xiguan-village/example-event\n", with: "  - 沙河小学/example-practice\n")
        let errors = try fixture.check().diagnostics.errors
        func shown(_ code: MessageCode) -> [String] {
            errors.filter { $0.code == code }.flatMap { [$0.formatted, $0.formatted(in: .chinese)] }
        }
        #expect(shown(.placeholderLeft) == [
            "Content/bases/wanzhou-shahe-primary/plan.md:6:1: error: the text 【待填写】 that 'bulletin new' wrote is still here, so the page is not finished\n"
                + "    hint: write the real text in its place, or mark the file 'draft: true' until it is ready",
            "Content/bases/wanzhou-shahe-primary/plan.md:6:1: 错误：'bulletin new' 写入的 【待填写】 仍未替换，页面尚未完成\n"
                + "    提示：请在此处填写正式内容；尚未完成时可标记 'draft: true'",
        ])
        #expect(shown(.serialMissing) == [
            "Content/bulletins/2021-2.md:2:1: error: missing required field 'serial' (总第N期)\n"
                + "    hint: add 'serial: 1': regular issues are numbered one after another over all years",
            "Content/bulletins/2021-2.md:2:1: 错误：缺少必填字段 'serial'（总第N期）\n    提示：请添加 'serial: 1'：正刊跨年度连续编号",
        ])
        #expect(shown(.reportAfterRevocation) == [
            "Content/bases/wanzhou-shahe-primary/r2023.md:5:7: error: the report is for 2023, after '万州区沙河小学' was revoked (2022-06)\n"
                + "    hint: a revoked base does not report for the years after; check 'year: …'",
            "Content/bases/wanzhou-shahe-primary/r2023.md:5:7: 错误：此报告为 2023 年度，而 '万州区沙河小学' 已于 2022-06 撤销\n"
                + "    提示：基地撤销后的年度无须报告；请核对 'year: …'",
        ])
        #expect(shown(.unknownWriteUp).last == "Content/bulletins/2021-1.md:9:5: 错误：未知的稿件 '沙河小学/example-practice'\n"
            + "    提示：是否应为 '万州区沙河小学/example-practice'？简报中的基地须写 id 或完整名称")
    }

    @Test func bulletinNewAndList() {
        let unknown = Scaffold.Problem.unknownBase("沙河中学", hint: Message(.didYouMeanOneOf, ["alternatives": Message.alternatives(["'万州区沙河小学'", "'武隆区实验中学'"])]))
        #expect(unknown.formatted(in: .english) == "unknown base '沙河中学'\n    hint: did you mean '万州区沙河小学' or '武隆区实验中学'?")
        #expect(unknown.formatted(in: .chinese) == "未知的基地 '沙河中学'\n    提示：是否应为 '万州区沙河小学'或'武隆区实验中学'？")
        let listing = Message(.cliListFailed, ["errors": "1"])
        #expect(listing.text(in: .english) == "list failed: 1 error; fix the content and list again")
        #expect(listing.text(in: .chinese) == "列出失败：1 个错误；请修改内容后再列出")
    }
}

extension LoadedFile {
    var isRefusal: Bool {
        if case .failed(let diagnostic) = self { return [.assetSVGRefused, .assetActiveRefused].contains(diagnostic.code) }
        return false
    }
}
