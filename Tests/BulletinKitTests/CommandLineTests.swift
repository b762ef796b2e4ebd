import Foundation
import Testing
@testable import BulletinPrint

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
    /// other variables (`LANG`, `LC_ALL`, `LC_MESSAGES`). The PATH leaves out the PDF renderer, so
    /// that the command runs alike on machines with and without it (the site checks make PDFs).
    func run(_ arguments: [String], in folder: URL, executable: URL? = Self.executable,
             locale: [String: String] = ["LANG": "C.UTF-8"]) throws -> Run {
        let process = Process()
        var environment = ProcessInfo.processInfo.environment
        for name in ["LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"] { environment.removeValue(forKey: name) }
        environment["PATH"] = (environment["PATH"] ?? "").split(separator: ":")
            .filter { access("\($0)/\(PDFRenderer.name)", X_OK) != 0 }.joined(separator: ":")
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
        // On a loaded machine the photos may take over a second, and then their progress comes first.
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("photos: ") }, "\(result.stdout)")
        #expect(lines.last?.hasPrefix("built 42 pages, 81 data files (feed, sitemap, search index) and 21 assets into Public/ in ") == true, "\(result.stdout)")
        #expect(result.stderr.contains("Content/bases.yaml:37:5: warning: the base '重庆外国语学校森林小学' has no district"))
    }

    @Test func aSecondBuildSaysWhatItDid() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        #expect(try run(["build", "--as-of", "2023-06-01"], in: fixture.root).status == 0)
        let unchanged = try run(["build", "--as-of", "2023-06-01"], in: fixture.root)
        #expect(unchanged.stdout.hasPrefix("Public/ is up to date: no input, option or output changed since the last build ("), "\(unchanged.stdout)")
        // The warnings of the content are told again though nothing changed.
        #expect(unchanged.stderr == """
            Content/bases.yaml:37:5: warning: the base '重庆外国语学校森林小学' has no district; it is listed under 区县未注明
                hint: add 'district: …' once the district is confirmed
            Public:1:1: warning: no PDF renderer is installed, so the bulletins are published without their PDF
                hint: install WeasyPrint and the Chinese fonts (on Debian: apt-get install weasyprint fonts-noto-cjk) and build again

            """, "\(unchanged.stderr)")
        // The manifest keeps them as code and arguments: an up-to-date build tells them in the language chosen now.
        let inChinese = try run(["build", "--as-of", "2023-06-01"], in: fixture.root, locale: ["LANG": "zh_CN.UTF-8"])
        #expect(inChinese.stderr == """
            Content/bases.yaml:37:5: 警告：基地“重庆外国语学校森林小学”未注明区县，暂列入“区县未注明”
                提示：区县确认后，请添加 'district: …'
            Public:1:1: 警告：未安装 PDF 生成程序，本次发布的简报不附 PDF 版
                提示：请安装 WeasyPrint 和中文字体（Debian：apt-get install weasyprint fonts-noto-cjk）后重新构建

            """, "\(inChinese.stderr)")
        try fixture.edit("Content/bases/wanzhou-shahe-primary/example-practice.md", replacing: "## 下一步打算", with: "## 下一步打算\n\n补充。")
        let edited = try run(["build", "--as-of", "2023-06-01"], in: fixture.root)
        #expect(edited.status == 0)
        #expect(edited.stdout.hasPrefix("built 42 pages, 81 data files (feed, sitemap, search index) and 21 assets into Public/ in "), "\(edited.stdout)")
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
        #expect(passed.status == 0 && passed.stdout == "检查通过：0 个错误，1 个警告；将生成 42 个页面\n", "\(passed.stdout)")
        let built = try run(["build", "--as-of", "2023-06-01"], in: fixture.root, locale: ["LANG": "zh_CN.UTF-8"])
        #expect(built.stdout.hasPrefix("已生成 42 个页面、81 个数据文件（订阅源、网站地图、搜索索引）和 21 个资源文件，输出到 Public/，用时 "), "\(built.stdout)")
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

    /// libvips is loaded by the build that makes photos, and by no command that makes none: not
    /// by a rebuild whose photos are all in the cache, nor by `check`, `list` or `--version`.
    /// The dynamic loader tells every library it loads (`LD_DEBUG=files`), into a file per process.
    @Test func theImageLibraryIsLoadedOnlyToMakePhotos() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let traces = fixture.root.appendingPathComponent("loader-trace")
        try FileManager.default.createDirectory(at: traces, withIntermediateDirectories: true)
        func loadsImageLibrary(_ arguments: [String]) throws -> (status: Int32, loaded: Bool) {
            for name in try FileManager.default.contentsOfDirectory(atPath: traces.path) {
                try FileManager.default.removeItem(at: traces.appendingPathComponent(name))
            }
            let result = try run(arguments, in: fixture.root,
                                 locale: ["LANG": "C.UTF-8", "LD_DEBUG": "files", "LD_DEBUG_OUTPUT": traces.path + "/trace"])
            let said = try FileManager.default.contentsOfDirectory(atPath: traces.path)
                .map { try String(contentsOf: traces.appendingPathComponent($0), encoding: .utf8) }.joined()
            #expect(said.contains("file="), "the loader wrote its trace")
            return (result.status, said.split(separator: "\n").contains { $0.contains("file=") && $0.contains("libvips.so") })
        }
        let first = try loadsImageLibrary(["build", "--as-of", "2023-06-01"])
        #expect(first.status == 0 && first.loaded, "the first build makes the fixture's three photos")
        let page = fixture.root.appendingPathComponent("Content/pages/about.md")
        try (String(contentsOf: page, encoding: .utf8) + "\n又一段。\n").write(to: page, atomically: true, encoding: .utf8)
        for arguments in [["build", "--as-of", "2023-06-01"], ["check"], ["list", "bases"], ["--version"]] {
            let result = try loadsImageLibrary(arguments)
            #expect(result.status == 0 && !result.loaded, "\(arguments)")
        }
        #expect(try run(["build", "--as-of", "2023-06-01"], in: fixture.root).stdout.contains("up to date"))
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

    /// What the argument parser refuses is told as the other usage errors are: in the chosen
    /// language, naming what was typed, with the nearest valid name and where help is.
    @Test func usageMistakesAreToldInTheChosenLanguage() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let expected: [(arguments: [String], english: String, chinese: String)] = [
            (["build", "--outptu", "x"],
             "error: 'bulletin build' has no option '--outptu'\n    hint: did you mean '--output'? 'bulletin build --help' lists the options\n",
             "错误：'bulletin build' 没有选项 '--outptu'\n    提示：是否应为 '--output'？可用的选项见 'bulletin build --help'\n"),
            (["check", "-x"],
             "error: 'bulletin check' has no option '-x'\n    hint: 'bulletin check --help' lists its options\n",
             "错误：'bulletin check' 没有选项 '-x'\n    提示：可用的选项见 'bulletin check --help'\n"),
            (["build", "--output"],
             "error: the option '--output' needs a value\n    hint: write '--output <output>'; 'bulletin build --help' lists the options\n",
             "错误：选项 '--output' 后面缺少值\n    提示：请写成 '--output <output>'；可用的选项见 'bulletin build --help'\n"),
            (["build", "--drafts=yes"],
             "error: the option '--drafts' takes no value, but was given 'yes'\n    hint: write '--drafts' alone; 'bulletin build --help' lists the options\n",
             "错误：选项 '--drafts' 不带值，却写了 'yes'\n    提示：请只写 '--drafts'；可用的选项见 'bulletin build --help'\n"),
            (["biuld"],
             "error: 'bulletin' has no command 'biuld'\n    hint: did you mean 'build'? 'bulletin --help' lists the commands\n",
             "错误：'bulletin' 没有命令 'biuld'\n    提示：是否应为 'build'？可用的命令见 'bulletin --help'\n"),
            (["new", "page"],
             "error: 'bulletin new' has no command 'page'\n    hint: the commands are writeup, bulletin, notice; 'bulletin new --help' tells what each does\n",
             "错误：'bulletin new' 没有命令 'page'\n    提示：可用的命令：writeup, bulletin, notice；说明见 'bulletin new --help'\n"),
            (["build", "Public"],
             "error: 'bulletin build' takes no argument 'Public'\n    hint: 'bulletin build --help' shows how to call it\n",
             "错误：'bulletin build' 不接受参数 'Public'\n    提示：用法见 'bulletin build --help'\n"),
            (["import"],
             "error: 'bulletin import' needs '<file>'\n    hint: 'bulletin import --help' shows how to call it\n",
             "错误：'bulletin import' 还需要 '<file>'\n    提示：用法见 'bulletin import --help'\n"),
            (["import", "总结.docx"],
             "error: 'bulletin import' needs '--base <base>'\n    hint: 'bulletin import --help' shows how to call it\n",
             "错误：'bulletin import' 还需要 '--base <base>'\n    提示：用法见 'bulletin import --help'\n"),
            (["check", "--format", "xml"],
             "error: 'xml' is not a valid value for '--format'\n    hint: write one of: text, json; 'bulletin check --help' tells what they mean\n",
             "错误：'xml' 不是 '--format' 可用的值\n    提示：可用的值：text, json；说明见 'bulletin check --help'\n"),
            (["list", "basess"],
             "error: 'basess' is not a valid value for '<subject>'\n    hint: did you mean 'bases'? 'bulletin list --help' tells what '<subject>' takes\n",
             "错误：'basess' 不是 '<subject>' 可用的值\n    提示：是否应为 'bases'？'<subject>' 的用法见 'bulletin list --help'\n"),
            (["serve", "--port", "八千"],
             "error: '八千' is not a valid value for '--port'\n    hint: 'bulletin serve --help' tells what it takes\n",
             "错误：'八千' 不是 '--port' 可用的值\n    提示：用法见 'bulletin serve --help'\n"),
        ]
        for (arguments, english, chinese) in expected {
            let inEnglish = try run(arguments, in: fixture.root)
            #expect(inEnglish.status == 2 && inEnglish.stdout.isEmpty && inEnglish.stderr == english, "\(arguments): \(inEnglish.stderr)")
            for (given, locale) in [(arguments, ["LANG": "zh_CN.UTF-8"]), (["--lang", "zh"] + arguments, ["LANG": "C.UTF-8"])] {
                let inChinese = try run(given, in: fixture.root, locale: locale)
                #expect(inChinese.status == 2 && inChinese.stdout.isEmpty && inChinese.stderr == chinese, "\(given): \(inChinese.stderr)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.url("Public").path), "nothing is built")
    }
}

@Suite struct NewCommandTests {
    let cli = CommandLineTests()

    @Test func newFilesAreNotPublishedUntilTheEditorWritesThem() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let writeUp = try cli.run(["new", "writeup", "--base", "xiushan-library", "--kind", "event", "Reading Week 读书周"], in: fixture.root)
        #expect(writeUp.status == 0 && writeUp.stdout == "created Content/bases/xiushan-library/reading-week-du-shu-zhou.md\n")
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
        let check = try cli.run(["check"], in: fixture.root)
        #expect(check.status == 1)
        for path in ["bases/xiushan-library/reading-week-du-shu-zhou.md:12:1", "bulletins/2021-2.md:15:9", "notices/meeting.md:13:1"] {
            #expect(check.stderr.contains("Content/\(path): error: the text 【待填写】 that 'bulletin new' wrote is still here"), "\(check.stderr)")
        }
        #expect(check.stderr.contains("Content/bulletins/2021-2.md:2:1: error: the bulletin lists no write-ups under 'items'"))
        #expect(check.stderr.hasSuffix("check failed: 4 errors, 1 warning\n"), "\(check.stderr)")
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

    @Test func aTitleWithoutAnyNameIsRefusedWhenNoOneCanBeAsked() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let result = try cli.run(["new", "notice", "？！"], in: fixture.root)
        #expect(result.status == 2 && result.stdout.isEmpty)
        #expect(result.stderr == "error: '？！' gives no file name: it has no Chinese characters, letters or digits\n"
                + "    hint: name the file with --slug, using lowercase letters, digits and '-', e.g. --slug 2024-open-day\n")
        let again = try cli.run(["new", "writeup", "--base", "wanzhou-shahe-primary", "--slug", "example-practice", "x"], in: fixture.root)
        #expect(again.status == 2 && again.stderr.contains("exists already and is left as it is"))
    }
}

/// Chinese wherever an editor types a name: titles become pinyin file names, bases are found by
/// their names, kinds by their labels.
@Suite struct ChineseNamesCommandLineTests {
    let cli = CommandLineTests()

    @Test func aChineseTitleNamesTheFileInPinyin() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let first = try cli.run(["new", "writeup", "--base", "万州区沙河小学", "--kind", "活动", "家长开放日"], in: fixture.root)
        #expect(first.status == 0 && first.stderr.isEmpty)
        #expect(first.stdout == "created Content/bases/wanzhou-shahe-primary/jia-zhang-kai-fang-ri.md, a write-up of 万州区沙河小学\n")
        let second = try cli.run(["new", "writeup", "--base", "沙河小学", "家长开放日"], in: fixture.root)
        #expect(second.stdout == "created Content/bases/wanzhou-shahe-primary/jia-zhang-kai-fang-ri-2.md, a write-up of 万州区沙河小学\n")
        let byID = try cli.run(["new", "writeup", "--base", "xiushan-library", "--kind", "年度报告", "--year", "2023", "2023年度报告"],
                               in: fixture.root)
        #expect(byID.stdout == "created Content/bases/xiushan-library/2023-nian-du-bao-gao.md\n")
        let given = try cli.run(["new", "writeup", "--base", "xiushan-library", "--slug", "open-day", "家长开放日"], in: fixture.root)
        #expect(given.stdout == "created Content/bases/xiushan-library/open-day.md\n")
        let notice = try cli.run(["new", "notice", "关于召开年度推进会的通知"], in: fixture.root)
        #expect(notice.stdout == "created Content/notices/guan-yu-zhao-kai-nian-du-tui-jin.md\n")
        #expect(try fixture.read("Content/bases/wanzhou-shahe-primary/jia-zhang-kai-fang-ri.md").contains("\nkind: event\n"))
        #expect(try fixture.read("Content/bases/xiushan-library/2023-nian-du-bao-gao.md").contains("\nkind: report\nyear: 2023\n"))
        // The files are valid and only wait for their text.
        let check = try cli.run(["check"], in: fixture.root)
        let errors = check.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 5 && errors.allSatisfy { $0.contains("the text 【待填写】 that 'bulletin new' wrote is still here") }, "\(check.stderr)")
    }

    @Test func anUnknownBaseNameGetsTheNearestNames() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let unknown = try cli.run(["new", "writeup", "--base", "万州区沙河中学", "家长开放日"], in: fixture.root)
        #expect(unknown.status == 2 && unknown.stdout.isEmpty)
        #expect(unknown.stderr == "error: unknown base '万州区沙河中学'\n    hint: did you mean '万州区沙河小学'?\n")
        let ambiguous = try cli.run(["new", "writeup", "--base", "沙坪坝区", "家长开放日"], in: fixture.root)
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr == "error: '沙坪坝区' names more than one base\n    hint: it could be 沙坪坝区覃家岗街道凤天路社区儿童之家 "
                + "(shapingba-fengtianlu-community), 沙坪坝区康居西城小学校 (shapingba-kangju-xicheng-primary); give the full name or the id\n")
        let kind = try cli.run(["new", "writeup", "--base", "xiushan-library", "--kind", "活", "家长开放日"], in: fixture.root)
        #expect(kind.status == 2 && kind.stderr.contains("'活'"))
        #expect(!FileManager.default.fileExists(atPath: fixture.url("Content/bases/wanzhou-shahe-primary/jia-zhang-kai-fang-ri.md").path))
        #expect(!FileManager.default.fileExists(atPath: fixture.url("Content/bases/xiushan-library/jia-zhang-kai-fang-ri.md").path))
    }

    @Test func listShowsIdsNamesAndNumbers() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let bases = try cli.run(["list", "bases"], in: fixture.root)
        #expect(bases.status == 0 && bases.stderr.isEmpty)
        let lines = bases.stdout.split(separator: "\n")
        #expect(lines.count == 20)
        #expect(lines.first == "wanzhou-shahe-primary                    万州区沙河小学                        万州区                学校")
        #expect(lines.contains("sfls-forest-primary                      重庆外国语学校森林小学                区县未注明            学校"))
        #expect(lines.contains("jiangbei-women-children-centre           江北区妇女儿童活动中心                江北区                妇女儿童中心"))
        #expect(lines.last == "shapingba-kangju-xicheng-primary         沙坪坝区康居西城小学校                沙坪坝区              学校")

        let writeUps = try cli.run(["list", "writeups"], in: fixture.root)
        #expect(writeUps.status == 0 && writeUps.stdout == """
            bishan-xiguan-village/example-event     2021  活动          璧山区七塘镇喜观村          示例：活动稿件的写法（示例）
            wanzhou-shahe-primary/example-photos    2021  活动          万州区沙河小学              示例：配有照片的稿件的写法（示例）
            wanzhou-shahe-primary/example-practice  2021  特色做法      万州区沙河小学              示例：特色做法稿件的写法（示例）
            xiushan-library/example-report          2021  2021年度报告  秀山土家族苗族自治县图书馆  示例：年度工作情况报告的写法（示例）

            """)

        try fixture.write("Content/bulletins/2022-1.md", "---\ntitle: 第1期\nyear: 2022\nnumber: 1\nserial: 1\ndate: 2022-03-08\nitems:\n  - 万州区沙河小学/example-practice\n---\n")
        try fixture.write("Content/bulletins/2022-s1.md", "---\ntitle: 增刊\nyear: 2022\nnumber: 1\nsupplement: true\ndate: 2022-05\nitems: [xiushan-library/example-report]\n---\n")
        try fixture.write("Content/bases/xiushan-library/reading.md", "---\ntitle: 读书周\ndate: 2022-04-23\nkind: 活动\ndraft: true\n---\n")
        let bulletins = try cli.run(["list", "bulletins"], in: fixture.root)
        #expect(bulletins.status == 0 && bulletins.stdout == """
            2021-1   2021年第1期               2021        示例：简报格式说明（示例）  2篇
            2022-1   2022年第1期      总第1期  2022-03-08  第1期                       1篇
            2022-s1  2022年增刊第1期           2022-05     增刊                        1篇

            """)
        #expect(try cli.run(["list", "writeups"], in: fixture.root).stdout.hasSuffix("""
            xiushan-library/reading                 2022-04-23  活动          秀山土家族苗族自治县图书馆  读书周（草稿）

            """))
    }

    @Test func listMarksADraftBulletin() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("Content/bulletins/2022-1.md",
                          "---\ntitle: 第1期\nyear: 2022\nnumber: 1\nserial: 1\ndate: 2022-03\ndraft: true\nitems: []\n---\n")
        let bulletins = try cli.run(["list", "bulletins"], in: fixture.root)
        #expect(bulletins.status == 0)
        #expect(bulletins.stdout.split(separator: "\n").last?.contains("第1期（草稿）") == true, "\(bulletins.stdout)")
    }

    @Test func listTellsWhatKeepsTheContentFromBeingRead() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.edit("Content/bases.yaml", replacing: "    category: school\n", with: "    category: 小学\n")
        let result = try cli.run(["list", "bases"], in: fixture.root)
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Content/bases.yaml:14:15: error: unknown category '小学'\n    hint: did you mean '学校'?"))
        #expect(result.stderr.hasSuffix("list failed: 1 error; fix the content and list again\n"))
        #expect(try cli.run(["list", "models"], in: fixture.root).status == 2)
    }
}
