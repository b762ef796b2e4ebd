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
}
