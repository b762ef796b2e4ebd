import Foundation
import Testing

/// The `bulletin` executable as editors run it: output format and exit codes (0 ok, 1 content errors, 2 usage).
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable is built beside the test bundle by `swift build` / `swift test`.
    static var executable: URL {
        let productsFolder = Bundle.main.bundleURL.pathExtension == "xctest"
            ? Bundle.main.bundleURL.deletingLastPathComponent()
            : Bundle.main.bundleURL
        return productsFolder.appendingPathComponent("bulletin")
    }

    /// Runs `bulletin`, or another executable given first in `arguments` (`executable: nil`).
    /// The locale is `LANG=C.UTF-8` (English) whatever the tests run under, unless `locale` gives
    /// other variables (`LANG`, `LC_ALL`, `LC_MESSAGES`).
    func run(_ arguments: [String], in folder: URL, executable: URL? = Self.executable,
             locale: [String: String] = ["LANG": "C.UTF-8"]) throws -> Run {
        let process = Process()
        var environment = ProcessInfo.processInfo.environment
        for name in ["LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"] { environment.removeValue(forKey: name) }
        process.environment = environment.merging(locale) { _, given in given }
        process.executableURL = executable ?? URL(fileURLWithPath: arguments[0])
        process.arguments = executable == nil ? Array(arguments.dropFirst()) : arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func theExecutableIsThere() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build it first: swift build")
    }

    @Test func buildPrintsAOneLineSummary() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let result = try run(["build", "--as-of", "2023-06-01"], in: fixture.root)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("built 41 pages, 10 data files (feed, sitemap, search index) and 3 assets into Public/ in ") == true, "\(result.stdout)")
        #expect(result.stderr.contains("Content/bases.yaml:37:5: warning: the base '重庆外国语学校森林小学' has no district"))
    }

    @Test func aSecondBuildSaysWhatItDid() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        #expect(try run(["build", "--as-of", "2023-06-01"], in: fixture.root).status == 0)
        let unchanged = try run(["build", "--as-of", "2023-06-01"], in: fixture.root)
        #expect(unchanged.stdout.hasPrefix("Public/ is up to date: no input, option or output changed since the last build ("), "\(unchanged.stdout)")
        try fixture.edit("Content/bases/wanzhou-shahe-primary/example-practice.md", replacing: "## 下一步打算", with: "## 下一步打算\n\n补充。")
        let edited = try run(["build", "--as-of", "2023-06-01"], in: fixture.root)
        #expect(edited.status == 0)
        #expect(edited.stdout.hasPrefix("built 41 pages, 10 data files (feed, sitemap, search index) and 3 assets into Public/ in "), "\(edited.stdout)")
        #expect(edited.stderr.contains("Content/bases.yaml:37:5: warning: the base '重庆外国语学校森林小学' has no district"),
                "the warnings of the content are told again")
    }

    @Test func contentErrorsExitWithOne() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("Content/bases/wanzhou-shahe-primary/open-day.md", "---\ntitle: 开放日\ndate: 2021-02-30\nkind: event\n---\n")
        let result = try run(["check"], in: fixture.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("""
            Content/bases/wanzhou-shahe-primary/open-day.md:3:7: error: 'date': '2021-02-30' has no day 30; month 2 of 2021 has 28 days
                hint: write dates as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2020, 2020-05 or 2020-05-12
            """))
        #expect(result.stderr.hasSuffix("check failed: 1 error, 1 warning\n"))
        let build = try run(["build"], in: fixture.root)
        #expect(build.status == 1)
        #expect(build.stderr.hasSuffix("build failed with 1 error; Public/ was left as it was\n"))
        #expect(!FileManager.default.fileExists(atPath: fixture.url("Public").path))
    }

    /// A link may spell an escape sequence in percent-encoding; the path it names is printed.
    @Test func whatEditorsTypedCannotCommandTheTerminal() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("Content/bases/wanzhou-shahe-primary/open-day.md",
                          "---\ntitle: 开放日\ndate: 2021\nkind: event\n---\n[报告](x%1B%5D0%3Btitle%07%1B%5B2J.pdf)\n")
        for arguments in [["check"], ["build"], ["build", "--output", "Public\u{1B}[2J"]] {
            let result = try run(arguments, in: fixture.root)
            #expect(result.status == 1)
            #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{07}"), "\(result.stderr)")
            #expect(result.stderr.contains("points to 'bases/wanzhou-shahe-primary/x<U+001B>]0;title<U+0007><U+001B>[2J.pdf'"))
        }
    }

    @Test func checkCanReportJSON() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let result = try run(["check", "--format", "json"], in: fixture.root)
        #expect(result.status == 0)
        let entries = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(entries?.count == 1)
        #expect(entries?.first?["severity"] as? String == "warning")
        #expect(entries?.first?["line"] as? Int == 37)
        #expect(entries?.first?["code"] as? String == "base-without-district")
        // For tools the JSON stays English, with the code, whatever the language.
        let chinese = try run(["check", "--format", "json"], in: fixture.root, locale: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.stdout == result.stdout)
        #expect(result.stdout.contains(#""message" : "the base '重庆外国语学校森林小学' has no district; it is listed under 区县未注明""#), "\(result.stdout)")
    }

    /// A Chinese locale, or `--lang zh`, gives Chinese diagnostics, labels and summaries; `--lang en`
    /// gives English under a Chinese locale.
    @Test func messagesFollowTheLocaleAndLang() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("Content/bases/wanzhou-shahe-primary/open-day.md", "---\ntitle: 开放日\ndate: 2021-02-30\nkind: event\n---\n")
        let chineseError = """
            Content/bases/wanzhou-shahe-primary/open-day.md:3:7: 错误：'date'：'2021-02-30' 中的日期 30 不存在，2021 年 2 月只有 28 天
                提示：日期请写成 YYYY、YYYY-MM 或 YYYY-MM-DD，如 2020、2020-05 或 2020-05-12
            """
        let chineseWarning = "Content/bases.yaml:37:5: 警告：基地“重庆外国语学校森林小学”未注明区县，暂列入“区县未注明”\n    提示：区县确认后，请添加 'district: …'"
        for (arguments, locale) in [(["check"], ["LANG": "zh_CN.UTF-8"]), (["--lang", "zh", "check"], ["LANG": "C"]),
                                    (["check", "--lang=zh"], ["LC_ALL": "C"]), (["check"], ["LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"])] {
            let result = try run(arguments, in: fixture.root, locale: locale)
            #expect(result.status == 1)
            #expect(result.stderr.contains(chineseError), "\(arguments) \(locale): \(result.stderr)")
            #expect(result.stderr.contains(chineseWarning), "\(result.stderr)")
            #expect(result.stderr.hasSuffix("检查未通过：1 个错误，1 个警告\n"), "\(result.stderr)")
        }
        let build = try run(["build"], in: fixture.root, locale: ["LANG": "zh_CN.UTF-8"])
        #expect(build.status == 1 && build.stderr.hasSuffix("构建失败，共 1 个错误；Public/ 保持原样\n"), "\(build.stderr)")

        for (arguments, locale) in [(["check", "--lang", "en"], ["LANG": "zh_CN.UTF-8"]), (["check"], ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"])] {
            let english = try run(arguments, in: fixture.root, locale: locale)
            #expect(english.stderr.contains("open-day.md:3:7: error: 'date': '2021-02-30' has no day 30; month 2 of 2021 has 28 days"), "\(english.stderr)")
            #expect(english.stderr.hasSuffix("check failed: 1 error, 1 warning\n"))
        }

        try FileManager.default.removeItem(at: fixture.url("Content/bases/wanzhou-shahe-primary/open-day.md"))
        let passed = try run(["check", "--as-of", "2023-06-01"], in: fixture.root, locale: ["LANG": "zh_CN.UTF-8"])
        #expect(passed.status == 0 && passed.stdout == "检查通过：0 个错误，1 个警告；将生成 41 个页面\n", "\(passed.stdout)")
        let built = try run(["build", "--as-of", "2023-06-01"], in: fixture.root, locale: ["LANG": "zh_CN.UTF-8"])
        #expect(built.stdout.hasPrefix("已生成 41 个页面、10 个数据文件（订阅源、网站地图、搜索索引）和 3 个资源文件，输出到 Public/，用时 "), "\(built.stdout)")
        #expect(built.stdout.hasSuffix(" 毫秒（状态计算日期 2023-06-01）\n"), "\(built.stdout)")
        let again = try run(["--lang", "zh", "build", "--as-of", "2023-06-01"], in: fixture.root)
        #expect(again.stdout.hasPrefix("Public/ 已是最新：自上次构建以来，输入、选项和输出均无变化（"), "\(again.stdout)")

        let usage = try run(["build", "--as-of", "yesterday"], in: fixture.root, locale: ["LANG": "zh_CN.UTF-8"])
        #expect(usage.status == 2 && usage.stderr == "错误：'--as-of'：'yesterday' 不是日期\n    提示：日期请写成 YYYY、YYYY-MM 或 YYYY-MM-DD，如 2020、2020-05 或 2020-05-12\n",
                "\(usage.stderr)")
        let wrongLanguage = try run(["--lang", "fr", "check"], in: fixture.root)
        #expect(wrongLanguage.status == 2 && wrongLanguage.stderr == "error: --lang must be zh or en, not 'fr'\n    hint: write --lang zh for Chinese or --lang en for English\n")
        #expect(try run(["check", "--lang"], in: fixture.root).status == 2)
    }

    @Test func helpIsInTheChosenLanguage() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let chinese = try run(["build", "--help"], in: fixture.root, locale: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.status == 0)
        #expect(chinese.stdout.contains("生成网站到输出文件夹；只有构建成功时才替换原有内容。"), "\(chinese.stdout)")
        #expect(chinese.stdout.contains("输出文件夹，整体替换。"))
        let root = try run(["--lang", "zh", "--help"], in: fixture.root)
        #expect(root.stdout.contains("把 Content/ 和 Templates/ 生成为家庭教育创新实践基地简报网站，输出到 Public/。"), "\(root.stdout)")
        #expect(root.stdout.contains("--lang"))
        let english = try run(["build", "--help"], in: fixture.root)
        #expect(english.stdout.contains("OVERVIEW: Build the site into the output folder"), "\(english.stdout)")
    }

    @Test func versionIsPrinted() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let result = try run(["--version"], in: fixture.root)
        #expect(result.status == 0 && result.stdout == "0.9.0\n", "\(result.stdout) \(result.stderr)")
    }

    @Test func usageErrorsExitWithTwo() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        #expect(try run(["build", "--as-of", "yesterday"], in: fixture.root).status == 2)
        #expect(try run(["build", "--no-such-option"], in: fixture.root).status == 2)
        #expect(try run(["publish"], in: fixture.root).status == 2)
        #expect(try run(["check", "--format", "xml"], in: fixture.root).status == 2)
        #expect(try run(["--help"], in: fixture.root).status == 0)
    }
}

@Suite struct NewCommandTests {
    let cli = CommandLineTests()

    @Test func newFilesPassCheck() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let writeUp = try cli.run(["new", "writeup", "--base", "xiushan-library", "--kind", "event", "Reading Week 读书周"], in: fixture.root)
        #expect(writeUp.status == 0 && writeUp.stdout == "created Content/bases/xiushan-library/reading-week.md\n")
        let chinese = try cli.run(["new", "writeup", "--base", "xiushan-library", "--kind", "event", "--slug", "open-day", "开放日"],
                                  in: fixture.root, locale: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.status == 0 && chinese.stdout == "已创建 Content/bases/xiushan-library/open-day.md\n", "\(chinese.stdout)")
        let again = try cli.run(["new", "writeup", "--base", "xiushan-library", "--slug", "open-day", "开放日"],
                                in: fixture.root, locale: ["LANG": "zh_CN.UTF-8"])
        #expect(again.status == 2 && again.stderr == "错误：Content/bases/xiushan-library/open-day.md 已存在，未作改动\n    提示：请换一个 --slug，或直接编辑现有文件\n",
                "\(again.stderr)")
        try FileManager.default.removeItem(at: fixture.url("Content/bases/xiushan-library/open-day.md"))
        let bulletin = try cli.run(["new", "bulletin", "--year", "2021"], in: fixture.root)
        #expect(bulletin.stdout == "created Content/bulletins/2021-2.md\n")
        let notice = try cli.run(["new", "notice", "--slug", "meeting", "推进会通知"], in: fixture.root)
        #expect(notice.stdout == "created Content/notices/meeting.md\n")
        #expect(try cli.run(["check"], in: fixture.root).status == 0)
    }

    @Test func aTitleOfTwoLinesIsRefused() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let result = try cli.run(["new", "notice", "--slug", "two-lines", "推进会\n通知"], in: fixture.root)
        #expect(result.status == 2 && result.stdout.isEmpty)
        #expect(result.stderr == "error: the title holds a line break, <U+000A>; a title is one line of text\n"
                + "    hint: type the title on one line, without line breaks or control characters\n")
        #expect(!FileManager.default.fileExists(atPath: fixture.url("Content/notices/two-lines.md").path))
    }

    @Test func aYearCheckWouldRefuseIsRefusedAndNothingIsWritten() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let before = try FileManager.default.contentsOfDirectory(atPath: fixture.url("Content/bulletins").path).sorted()
        let result = try cli.run(["new", "bulletin", "--year", "99999"], in: fixture.root)
        #expect(result.status == 2 && result.stdout.isEmpty)
        #expect(result.stderr == "error: a bulletin's year must be from 1900 to 2999, not 99999\n"
                + "    hint: give the year in four digits, e.g. --year 2025\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.url("Content/bulletins").path).sorted() == before)
    }

    @Test func aChineseTitleWithoutASlugIsRefusedWhenNoOneCanBeAsked() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let result = try cli.run(["new", "notice", "推进会通知"], in: fixture.root)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: '推进会通知' gives no file name in letters and digits\n    hint: name the file with --slug"))
        let again = try cli.run(["new", "writeup", "--base", "wanzhou-shahe-primary", "--slug", "example-practice", "x"], in: fixture.root)
        #expect(again.status == 2 && again.stderr.contains("exists already and is left as it is"))
    }
}
