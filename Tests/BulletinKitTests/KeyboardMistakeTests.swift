import Foundation
import Testing
@testable import BulletinKit
@testable import BulletinLoad
@testable import BulletinModel
@testable import BulletinSearch
@testable import BulletinSupport

/// What a Chinese input method and text pasted from Word or WPS leave in the content: each is
/// named at the character itself, with what to do; nothing correct is refused.
@Suite struct KeyboardMistakeTests {
    static let newWriteUp = "Content/bases/wanzhou-shahe-primary/open-day.md"
    static let good = "title: 开放日\ndate: 2021-05-12\nkind: event\n"

    static let cases: [BadInputTests.Case] = [
        .init(description: "full-width colon after a field name",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:5:8: error: the field name 'summary' is followed by a full-width colon '：'") { f in
            try f.write(newWriteUp, "---\n\(good)summary：开放日活动\n---\n正文\n")
        },
        .init(description: "full-width colon after a field of a list entry",
              expected: "Content/notices/open-day.md:5:10: error: the field name 'title' is followed by a full-width colon '：'") { f in
            try f.write("Content/notices/open-day.md", "---\ntitle: 开放日通知\ndate: 2021\nattachments:\n  - title：表\n    file: ../assets/表.docx\n---\n正文\n")
        },
        .init(description: "no space after the colon",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:2:7: error: there is no space after 'title:', so the line is not read as a field") { f in
            try f.write(newWriteUp, "---\ntitle:开放日\ndate: 2021-05-12\nkind: event\n---\n正文\n")
        },
        .init(description: "non-breaking space after the colon",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:3:6: error: the ':' after 'date' is followed by a non-breaking space <U+00A0>") { f in
            try f.write(newWriteUp, "---\ntitle: 开放日\ndate:\u{A0}2021-05-12\nkind: event\n---\n正文\n")
        },
        .init(description: "full-width space after the colon and a space",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:2:8: error: the ':' after 'title' is followed by a full-width space <U+3000>") { f in
            try f.write(newWriteUp, "---\ntitle: \u{3000}开放日\ndate: 2021-05-12\nkind: event\n---\n正文\n")
        },
        .init(description: "full-width spaces as indentation",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:6:1: error: the indentation holds a full-width space <U+3000>") { f in
            try f.write(newWriteUp, "---\n\(good)models:\n\u{3000}\u{3000}- guidance-service\n---\n正文\n")
        },
        .init(description: "non-breaking spaces as indentation in bases.yaml",
              expected: "Content/bases.yaml:12:3: error: the indentation holds a non-breaking space <U+00A0>") { f in
            try f.edit("Content/bases.yaml", replacing: "    name: 万州区沙河小学\n", with: "  \u{A0}\u{A0}name: 万州区沙河小学\n")
        },
        .init(description: "zero-width space inside a bulletin's item",
              expected: "Content/bulletins/2021-1.md:9:34: error: the text holds an invisible character, a zero-width space <U+200B>") { f in
            try f.edit("Content/bulletins/2021-1.md", replacing: "  - bishan-xiguan-village/example-event",
                       with: "  - bishan-xiguan-village/example\u{200B}-event")
        },
        .init(description: "byte-order mark inside a title",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:2:10: error: the text holds an invisible character, a byte-order mark <U+FEFF>") { f in
            try f.write(newWriteUp, "---\ntitle: 开放\u{FEFF}日\ndate: 2021-05-12\nkind: event\n---\n正文\n")
        },
        .init(description: "direction mark in site.yaml",
              expected: "Content/site.yaml:1:11: error: the text holds an invisible character, a text-direction mark <U+202E>") { f in
            try f.edit("Content/site.yaml", replacing: "title: 重庆市", with: "title: 重庆市\u{202E}")
        },
        .init(description: "model named with an invisible character made by an escape",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:6:5: error: unknown model 'guidance<U+200B>-service'") { f in
            try f.write(newWriteUp, "---\n\(good)models:\n  - \"guidance\\u200B-service\"\n---\n正文\n")
        },
        .init(description: "folder of a base with an invisible character",
              expected: "Content/bases/wanzhou-shahe-primary\u{200B}/open-day.md:1:1: error: the folder bases/wanzhou-shahe-primary<U+200B>/ names an unknown base 'wanzhou-shahe-primary<U+200B>'") { f in
            try f.write("Content/bases/wanzhou-shahe-primary\u{200B}/open-day.md", "---\n\(good)---\n正文\n")
        },
        .init(description: "image path with spaces",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:7:3: error: the image path '开放日 照片 (1).jpg' holds a space, so it is not read as an image and the page shows the text as written") { f in
            try f.write(newWriteUp, "---\n\(good)---\n\n现场![开放日](开放日 照片 (1).jpg)。\n")
        },
        .init(description: "image on the editor's own computer",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:7:1: error: the image 'C:\\Users\\张\\Desktop\\开放日.jpg' is a path on your own computer") { f in
            try f.write(newWriteUp, "---\n\(good)---\n\n![开放日](C:\\Users\\张\\Desktop\\开放日.jpg)\n")
        },
        .init(description: "link to a shared folder of the office network",
              expected: "Content/notices/naming-2020.md:13:2: error: the link '\\server\\share\\表.docx' is a path on your own computer") { f in
            try f.edit("Content/notices/naming-2020.md", replacing: "\n---\n", with: "\n---\n\n见[表](\\\\server\\share\\表.docx)。\n")
        },
        .init(description: "cover on the editor's own computer",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:5:8: error: the cover image 'C:/Users/张/Pictures/开放日.jpg' is a path on your own computer") { f in
            try f.write(newWriteUp, "---\n\(good)cover: C:/Users/张/Pictures/开放日.jpg\n---\n正文\n")
        },
        .init(description: "link whose path holds an invisible character",
              expected: "Content/bases/wanzhou-shahe-primary/open-day.md:7:2: error: the link '../../assets/方<U+200B>案.pdf' points to 'assets/方<U+200B>案.pdf', which does not exist") { f in
            try f.write("Content/assets/方案.pdf", "%PDF-1.4\n")
            try f.write(newWriteUp, "---\n\(good)---\n\n见[方案](../../assets/方\u{200B}案.pdf)。\n")
        },
    ]

    @Test(arguments: cases)
    func aKeyboardMistakeIsNamedWhereItIs(_ badCase: BadInputTests.Case) throws {
        try BadInputTests().badInputFailsClearlyAndLeavesThePublishedSiteAlone(badCase)
    }

    @Test func hintsSayWhatToDo() throws {
        let expected: [(String, (Fixture) throws -> Void)] = [
            ("write ':' (half-width) after the field name, then a space: 'summary: …'", Self.cases[0].mutate),
            ("write a space between ':' and the value: 'title: …'", Self.cases[2].mutate),
            ("the name holds an invisible character <U+200B>; delete it to get 'guidance-service'", Self.cases[10].mutate),
            ("rename the folder: the name holds an invisible character <U+200B>; delete it to get 'wanzhou-shahe-primary'", Self.cases[11].mutate),
            ("write the path in angle brackets, ![…](<开放日 照片 (1).jpg>), or write each space as %20, or rename the file without spaces",
             Self.cases[12].mutate),
            ("put the file in Content/assets/ and link to it as ../../assets/开放日.jpg", Self.cases[13].mutate),
            ("put the file in Content/assets/ and link to it as ../assets/表.docx", Self.cases[14].mutate),
            ("put the file in Content/assets/ and link to it as ../../assets/开放日.jpg", Self.cases[15].mutate),
            ("the name holds an invisible character <U+200B>; delete it to get 'assets/方案.pdf'", Self.cases[16].mutate),
        ]
        for (hint, mutate) in expected {
            let fixture = try Fixture()
            defer { fixture.remove() }
            try mutate(fixture)
            #expect(try fixture.check().diagnostics.errors.map(\.hint) == [hint])
        }
    }

    /// A cover path copied from Windows, with backslashes between folders: the hint gives it with
    /// slashes, ready to paste, when that names a file of the content folder.
    @Test func aCoverPathWithBackslashesIsGivenWithSlashes() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write(Self.newWriteUp, "---\n\(Self.good)cover: ..\\..\\assets\\example-yard.jpg\ncoverAlt: 院子\n---\n正文\n")
        #expect(try fixture.check().diagnostics.errors.map { $0.formatted(in: .chinese) } == [
            "Content/bases/wanzhou-shahe-primary/open-day.md:5:8: 错误：封面图片 '..\\..\\assets\\example-yard.jpg' 不存在\n"
                + "    提示：路径中的文件夹须用 '/' 分隔，不能用 Windows 的 '\\'：请写成 '../../assets/example-yard.jpg'",
        ])
        try fixture.write(Self.newWriteUp, "---\n\(Self.good)cover: ..\\..\\assets\\no-such.jpg\ncoverAlt: 院子\n---\n正文\n")
        #expect(try fixture.check().diagnostics.errors.map(\.hint) == ["paths are relative to this file; put images and documents in Content/assets/"],
                "a path that names no file with slashes either is not offered")
    }

    /// A model named by its Chinese title, or a word of it, as an editor reads it on the site:
    /// the hint gives the id to write when one title holds the name.
    @Test func aModelNamedByItsTitleIsGivenWithItsID() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write(Self.newWriteUp, "---\n\(Self.good)models: [家长学校, 亲子实践活动, 家]\n---\n正文\n")
        let errors = try fixture.check().diagnostics.errors
        #expect(errors.map { $0.formatted(in: .chinese) }.prefix(2) == [
            "Content/bases/wanzhou-shahe-primary/open-day.md:5:10: 错误：未知的协同育人模式 '家长学校'\n    提示：模式请写 id：'guidance-service'（家庭教育指导服务与家长学校）",
            "Content/bases/wanzhou-shahe-primary/open-day.md:5:16: 错误：未知的协同育人模式 '亲子实践活动'\n    提示：模式请写 id：'parent-child-practice'（亲子实践活动）",
        ])
        // '家' is in several titles: no one id is offered.
        #expect(errors.last?.hint == "expected one of: guidance-service, home-school-community, left-behind-support, parent-child-practice, science-publicity")
    }

    /// Paragraphs pasted from Word: warned about at their lines; code meant as code is not.
    @Test func pastedParagraphsAreWarnedAboutAtTheirLines() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write(Self.newWriteUp, "---\n\(Self.good)---\n\n\t今年五月，学校举办开放日。\n\n　　家长走进课堂。\n第二行。\n　　第三行。\n\n"
                          + "亲子\u{200B}阅读节\n\n```\n    缩进的代码\n```\n\n    let x = 1\n")
        let report = try fixture.check()
        #expect(!report.diagnostics.hasErrors)
        #expect(report.diagnostics.warnings.filter { $0.location.path == Self.newWriteUp }.map(\.formatted) == [
            "Content/bases/wanzhou-shahe-primary/open-day.md:7:1: warning: this paragraph starts with a tab or 4 spaces, so it is shown as code\n"
                + "    hint: remove the indentation: the site indents paragraphs itself",
            "Content/bases/wanzhou-shahe-primary/open-day.md:9:1: warning: this line starts with full-width spaces (U+3000), as a paragraph pasted from Word does\n"
                + "    hint: the page leaves them out and the site indents paragraphs itself; delete them from the text",
            "Content/bases/wanzhou-shahe-primary/open-day.md:11:1: warning: this line starts with full-width spaces (U+3000), as a paragraph pasted from Word does, "
                + "but no blank line comes before it, so the page shows it as part of the paragraph above\n"
                + "    hint: to start a new paragraph here, leave a blank line before this one and delete the spaces",
            "Content/bases/wanzhou-shahe-primary/open-day.md:13:3: warning: the text holds an invisible character, a zero-width space <U+200B>\n"
                + "    hint: delete it: readers do not see it, and search does not find the word it stands in",
        ])
    }

    /// A title typed in full-width quotes, as a Chinese input method gives them, and items numbered
    /// `1．` `2．` on lines of their own: warned about where they are, in Chinese for a Chinese
    /// editor; quotes inside a value, and numbered lines apart, are not.
    @Test func fullWidthQuotesAndJoinedNumberedLinesAreNamed() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write(Self.newWriteUp, "---\ntitle: “亲子阅读月活动”\ndate: 2021-05-12\nkind: event\nsummary: “让每个孩子都出彩。”\n---\n\n"
                          + "活动分为三个环节：\n1．家长故事会；\n2．亲子共读；\n（3）阅读分享。\n\n二、成效\n\n参加人数增加了\n3.5倍。\n")
        let report = try fixture.check()
        #expect(!report.diagnostics.hasErrors)
        let warnings = report.diagnostics.warnings.filter { $0.location.path == Self.newWriteUp }
        #expect(warnings.map(\.formatted) == [
            "Content/bases/wanzhou-shahe-primary/open-day.md:2:8: warning: the value of 'title' is wrapped in full-width quotes “…”, which the page shows with it\n"
                + "    hint: YAML quotes a whole value with half-width quotes: write title: \"亲子阅读月活动\"",
            "Content/bases/wanzhou-shahe-primary/open-day.md:9:1: warning: this line starts with the number '1．' but no blank line comes before it, "
                + "so the page joins it to the line above and the items run together in one paragraph\n"
                + "    hint: to show each item on a line of its own, leave a blank line before this one; for a list, start the items with '1. ', '2. ' "
                + "in half-width characters, with a blank line before the first",
            "Content/bases/wanzhou-shahe-primary/open-day.md:10:1: warning: this line starts with the number '2．' but no blank line comes before it, "
                + "so the page joins it to the line above and the items run together in one paragraph\n"
                + "    hint: to show each item on a line of its own, leave a blank line before this one; for a list, start the items with '1. ', '2. ' "
                + "in half-width characters, with a blank line before the first",
            "Content/bases/wanzhou-shahe-primary/open-day.md:11:1: warning: this line starts with the number '（3）' but no blank line comes before it, "
                + "so the page joins it to the line above and the items run together in one paragraph\n"
                + "    hint: to show each item on a line of its own, leave a blank line before this one; for a list, start the items with '1. ', '2. ' "
                + "in half-width characters, with a blank line before the first",
        ])
        #expect(warnings.first.map { $0.formatted(in: .chinese) }
            == "Content/bases/wanzhou-shahe-primary/open-day.md:2:8: 警告：'title' 的值两端是全角引号 “…”，页面会连这对引号一起显示\n"
                + "    提示：如要用引号括住整个值，YAML 须用半角引号：请写成 title: \"亲子阅读月活动\"")
        #expect(warnings.last.map { $0.formatted(in: .chinese) }
            == "Content/bases/wanzhou-shahe-primary/open-day.md:11:1: 警告：此行以编号“（3）”开头，但前面没有空行，页面会把它接在上一行后面，各项连成一段\n"
                + "    提示：如要各项分行显示，请在这一行前面空一行；如要排成列表，请以半角的 '1. '、'2. ' 开头，第一项前空一行")
        // Warned about, not changed: the page shows what was written.
        #expect(try fixture.build().succeeded)
        let page = try fixture.read("Public/bases/wanzhou-shahe-primary/open-day/index.html")
        #expect(page.contains("<h1>“亲子阅读月活动”</h1>"))
    }

    /// A file saved under its Chinese title is told the name `bulletin new` would have given it.
    @Test func aFileNamedInChineseIsGivenItsNameInPinyin() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("Content/bases/wanzhou-shahe-primary/家长开放日.md", "---\n\(Self.good)---\n正文\n")
        try fixture.write("Content/notices/open day.md", "---\ntitle: 开放日通知\ndate: 2021\n---\n正文\n")
        // A name already taken, by a file or by an earlier hint, is not given again.
        try fixture.write("Content/pages/jia-zhang-hui.md", "---\ntitle: 家长会\n---\n正文\n")
        try fixture.write("Content/pages/家长会.md", "---\ntitle: 家长会\n---\n正文\n")
        try fixture.write("Content/pages/家长汇.md", "---\ntitle: 家长汇\n---\n正文\n")
        let errors = try fixture.check().diagnostics.errors
        #expect(errors.dropFirst(2).compactMap { $0.hint(in: .english)?.components(separatedBy: " (").first } == [
            "rename the file jia-zhang-hui-2.md", "rename the file jia-zhang-hui-3.md",
        ])
        #expect(errors.prefix(2).map(\.formatted) == [
            "Content/bases/wanzhou-shahe-primary/家长开放日.md:1:1: error: the file name '家长开放日' can't be used in an address\n"
                + "    hint: rename the file jia-zhang-kai-fang-ri.md (made from its name, Chinese written in pinyin): addresses take lowercase letters, digits and '-' only",
            "Content/notices/open day.md:1:1: error: the file name 'open day' can't be used in an address\n"
                + "    hint: rename the file open-day.md (made from its name, Chinese written in pinyin): addresses take lowercase letters, digits and '-' only",
        ])
        #expect(errors.first?.formatted(in: .chinese) == "Content/bases/wanzhou-shahe-primary/家长开放日.md:1:1: 错误：文件名 '家长开放日' 不能用于网址\n"
            + "    提示：请将文件重命名为 jia-zhang-kai-fang-ri.md（由原文件名生成，汉字写作拼音）：网址中只能用小写英文字母、数字和 '-'")
    }

    /// A file saved under its Chinese title with a mistake in its front matter is told both at
    /// once: its name, and the mistake, whether its YAML cannot be read or a field is wrong.
    @Test func aMisnamedFileIsToldItsOtherMistakesInTheSameCheck() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("Content/bases/wanzhou-shahe-primary/家长会.md",
                          "---\ntitle: 家长会\ndate: 2021-05-12\nkind: event\nmodels: [guidance-service\n---\n正文\n")
        try fixture.write("Content/bases/wanzhou-shahe-primary/开放日.md", "---\ntitle: 开放日\ndate: 2021-05-12\nkind: lecture\n---\n正文\n")
        // A bulletin naming them by the names they have now is told so too: those names go with the rename.
        try fixture.edit("Content/bulletins/2021-1.md", replacing: "  - bishan-xiguan-village/example-event",
                         with: "  - wanzhou-shahe-primary/家长会\n  - wanzhou-shahe-primary/开放日")
        let errors = try fixture.check().diagnostics.errors.map(\.formatted)
        #expect(errors.contains { $0.hasPrefix("Content/bases/wanzhou-shahe-primary/家长会.md:1:1: error: the file name '家长会'")
            && $0.contains("rename the file jia-zhang-hui.md") })
        #expect(errors.contains { $0.hasPrefix("Content/bases/wanzhou-shahe-primary/家长会.md:5:9: error:") })
        #expect(errors.contains { $0.hasPrefix("Content/bases/wanzhou-shahe-primary/开放日.md:1:1: error: the file name '开放日'")
            && $0.contains("rename the file kai-fang-ri.md") })
        #expect(errors.contains { $0.hasPrefix("Content/bases/wanzhou-shahe-primary/开放日.md:4:7: error:") && $0.contains("lecture") })
        // Each item is told the name it is to write once the file is renamed.
        #expect(errors.contains("Content/bulletins/2021-1.md:9:5: error: unknown write-up 'wanzhou-shahe-primary/家长会'\n"
            + "    hint: this is the write-up in Content/bases/wanzhou-shahe-primary/家长会.md, whose file name can't be an address: "
            + "once the file is renamed as told there, write wanzhou-shahe-primary/jia-zhang-hui"), "\(errors)")
        #expect(errors.contains { $0.hasPrefix("Content/bulletins/2021-1.md:10:5: error: unknown write-up 'wanzhou-shahe-primary/开放日'")
            && $0.hasSuffix("write wanzhou-shahe-primary/kai-fang-ri") })
        #expect(errors.count == 6, "\(errors)")
        // Named by its title, as an editor knows it, it is told the same.
        try fixture.write("Content/bases/wanzhou-shahe-primary/开放日.md", "---\ntitle: 开放日\ndate: 2021-05-12\nkind: event\n---\n正文\n")
        try fixture.edit("Content/bulletins/2021-1.md", replacing: "  - wanzhou-shahe-primary/开放日", with: "  - 《开放日》")
        let byTitle = try fixture.check().diagnostics.errors.first { $0.location.path == "Content/bulletins/2021-1.md" && $0.location.line == 10 }
        #expect(byTitle?.hint(in: .chinese)
            == "这是 Content/bases/wanzhou-shahe-primary/开放日.md 中的稿件，其文件名不能用于网址：按该文件的提示重命名后，请写作 wanzhou-shahe-primary/kai-fang-ri")
    }

    /// A file saved under its Chinese title is told its body's and its references' mistakes with
    /// its name, in one check: a Word list, a link to a file that is not there, an unknown model.
    @Test func aMisnamedFilesBodyAndReferencesAreCheckedInTheSameCheck() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("Content/bases/wanzhou-shahe-primary/亲子课堂.md",
                          "---\ntitle: 亲子课堂\ndate: 2021-05-12\nkind: event\nmodels: [guidance-servce]\n---\n活动安排：\n\n• 家长签到\n• 亲子共读\n\n"
                            + "[活动方案](活动方案.pdf)\n")
        try fixture.write("Content/pages/联系我们.md", "---\ntitle: 联系我们\n---\n• 电话\n")
        let found = try fixture.check().diagnostics.all.filter { $0.location.path.contains("亲子课堂") || $0.location.path.contains("联系我们") }
            .sorted { ($0.location.path, $0.location.line, $0.location.column) < ($1.location.path, $1.location.line, $1.location.column) }
        #expect(found.map { "\($0.location.line):\($0.location.column) \($0.severity) \($0.code)" } == [
            "1:1 error fileNameNotAddress", "5:10 error unknownModel", "9:1 warning bulletLine", "10:1 warning bulletLineJoined",
            "12:1 error linkMissingFile", "1:1 error fileNameNotAddress", "4:1 warning bulletLine",
        ])
        #expect(found[1].formatted == "Content/bases/wanzhou-shahe-primary/亲子课堂.md:5:10: error: unknown model 'guidance-servce'\n"
            + "    hint: did you mean 'guidance-service'?")
        #expect(found[4].formatted == "Content/bases/wanzhou-shahe-primary/亲子课堂.md:12:1: error: the link '活动方案.pdf' points to "
            + "'bases/wanzhou-shahe-primary/活动方案.pdf', which does not exist\n    hint: check the file name, or add the file to Content/assets/")
    }

    /// A list typed with a Chinese input method's comma, and a title with a colon and a space:
    /// each named with what to write, in Chinese for a Chinese editor.
    @Test func chinesePunctuationInListsAndValuesIsNamed() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write(Self.newWriteUp, "---\n\(Self.good)models: [guidance-service，home-school-community]\n---\n正文\n")
        try fixture.write("Content/bases/wanzhou-shahe-primary/lecture.md",
                          "---\ntitle: 家长课堂: 如何陪伴孩子\ndate: 2021-05-12\nkind: event\n---\n正文\n")
        try fixture.edit("Content/bulletins/2021-1.md", replacing: "  - bishan-xiguan-village/example-event",
                         with: "  - bishan-xiguan-village/example-event、wanzhou-shahe-primary/example-practice")
        let errors = try fixture.check().diagnostics.errors
        #expect(errors.map(\.formatted) == [
            "Content/bases/wanzhou-shahe-primary/lecture.md:2:12: error: the value of 'title' holds a colon and a space ': ', "
                + "which YAML reads as the start of another field\n"
                + "    hint: in Chinese text write the full-width colon: title: 家长课堂：如何陪伴孩子; "
                + "to keep the half-width one, quote the whole value: title: \"家长课堂: 如何陪伴孩子\"",
            "Content/bases/wanzhou-shahe-primary/open-day.md:5:10: error: unknown model 'guidance-service，home-school-community'\n"
                + "    hint: the items of a YAML list are separated by half-width commas ',', or put on lines of their own starting with '- '; "
                + "a full-width '，', '、' or '；' is read as part of an item: these are the items guidance-service, home-school-community",
            "Content/bulletins/2021-1.md:9:5: error: unknown write-up 'bishan-xiguan-village/example-event、wanzhou-shahe-primary/example-practice'\n"
                + "    hint: the items of a YAML list are separated by half-width commas ',', or put on lines of their own starting with '- '; "
                + "a full-width '，', '、' or '；' is read as part of an item: these are the items bishan-xiguan-village/example-event, "
                + "wanzhou-shahe-primary/example-practice",
        ])
        #expect(errors.first?.formatted(in: .chinese) == "Content/bases/wanzhou-shahe-primary/lecture.md:2:12: 错误：'title' 的值中有半角冒号加空格 ': '，YAML 会把它读成另一个字段\n"
            + "    提示：中文里的冒号请用全角：title: 家长课堂：如何陪伴孩子；如要保留半角冒号，请给整个值加上引号：title: \"家长课堂: 如何陪伴孩子\"")
        // A second entry indented under the first continues it.
        try fixture.write(Self.newWriteUp, "---\n\(Self.good)models:\n- guidance-service\n  - home-school-community\n---\n正文\n")
        #expect(try fixture.check().diagnostics.errors.first { $0.location.path == Self.newWriteUp }?.formatted
            == "Content/bases/wanzhou-shahe-primary/open-day.md:6:3: error: unknown model 'guidance-service - home-school-community'\n"
                + "    hint: the '-' of the next line is indented otherwise than this item's, so YAML reads both lines as one item: "
                + "line up the items' '-' so that guidance-service, home-school-community are items of their own")
        #expect(errors.dropFirst().first?.hint(in: .chinese)
            == "YAML 列表的各项以半角逗号 ',' 分隔，或各占一行、以 '- ' 开头；全角的 '，' '、' '；' 会被当作项目的一部分：这里应是 guidance-service, home-school-community")
    }

    /// Quotes and indentation that stop the YAML library, named at the line that holds them with
    /// the value to write, instead of the library's English message at the line where it gave up.
    @Test func quotesAndIndentationThatStopYAMLAreNamedAtTheirLine() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let folder = "Content/bases/wanzhou-shahe-primary/"
        let rest = "date: 2021-05-12\nkind: event\n---\n正文\n"
        try fixture.write(folder + "a.md", "---\ntitle: \"家长开放日”\n" + rest)
        try fixture.write(folder + "b.md", "---\ntitle: \"家长开放日\n" + rest)
        try fixture.write(folder + "c.md", "---\ntitle: \"双减\"背景下的家校共育\n" + rest)
        try fixture.write(folder + "d.md", "---\ntitle: 家长课堂\n  date: 2021-05-12\nkind: event\n---\n正文\n")
        // Closed by the input method with another quoted value further on, and with a comment after it.
        try fixture.write(folder + "f.md", "---\ntitle: \"家长开放日” # 标题\nsummary: 落实\"双减\"政策\n" + rest)
        // A Windows path, where a backslash between double quotes would start an escape.
        try fixture.write(folder + "h.md", "---\ntitle: 开放日\nsummary: \"照片在 D:\\活动\\2021”\n" + rest)
        // A list not closed, or closed with an input method's bracket.
        try fixture.write(folder + "i.md", "---\ntitle: 开放日\nmodels: [guidance-service】\n" + rest)
        // Quotes the value keeps: a doubled single quote, an escaped double quote.
        try fixture.write(folder + "j.md", "---\ntitle: '家长''开放日’\n" + rest)
        try fixture.write(folder + "k.md", "---\ntitle: 开放日\nsummary: \"他说\\\"好\\\"”\n" + rest)
        // A list written without its brackets.
        try fixture.write(folder + "g.md", "---\ntitle: 开放日\nmodels: \"guidance-service\", \"home-school-community\"\n" + rest)
        // Valid YAML that looks alike: a quoted value on two lines, a comment after a quoted value.
        try fixture.write(folder + "e.md", "---\ntitle: \"家长\n  开放日\" # 标题\nsummary: '它''s'\n" + rest)
        let errors = try fixture.check().diagnostics.errors
        #expect(errors.map(\.formatted) == [
            "Content/bases/wanzhou-shahe-primary/a.md:2:8: error: the value of 'title' opens with the half-width quote \" but closes with the full-width ”, "
                + "so YAML finds no closing quote\n    hint: make the closing quote half-width too: title: \"家长开放日\"",
            "Content/bases/wanzhou-shahe-primary/b.md:2:8: error: the value of 'title' opens with the quote \", but the line has no closing one\n"
                + "    hint: close the quote at the end of the value: title: \"家长开放日\"",
            "Content/bases/wanzhou-shahe-primary/c.md:2:8: error: the value of 'title' starts with a quoted part and goes on after the closing quote, "
                + "which YAML cannot read\n    hint: write its quotes as Chinese ones: title: “双减”背景下的家校共育; "
                + "or quote the whole value: title: \"\\\"双减\\\"背景下的家校共育\"",
            "Content/bases/wanzhou-shahe-primary/d.md:3:3: error: the line of 'date' is indented 2 more spaces than the field above, "
                + "so YAML reads it as part of the value above\n    hint: delete the extra spaces before 'date' to line it up with the field names above",
            "Content/bases/wanzhou-shahe-primary/f.md:2:8: error: the value of 'title' opens with the half-width quote \" but closes with the full-width ”, "
                + "so YAML finds no closing quote\n    hint: make the closing quote half-width too: title: \"家长开放日\"",
            "Content/bases/wanzhou-shahe-primary/g.md:3:9: error: the value of 'models' looks like items separated by commas, but not between brackets, "
                + "which YAML cannot read\n    hint: write a list between brackets: models: [\"guidance-service\", \"home-school-community\"]",
            "Content/bases/wanzhou-shahe-primary/h.md:3:10: error: the value of 'summary' opens with the half-width quote \" but closes with the full-width ”, "
                + "so YAML finds no closing quote\n    hint: make the closing quote half-width too: summary: '照片在 D:\\活动\\2021'",
            "Content/bases/wanzhou-shahe-primary/i.md:3:9: error: the value of 'models' opens a list with [, but the line has no closing ], "
                + "so YAML reads the lines below as items\n    hint: close the list at the end of the value with a half-width ]: models: [guidance-service]",
            "Content/bases/wanzhou-shahe-primary/j.md:2:8: error: the value of 'title' opens with the half-width quote ' but closes with the full-width ’, "
                + "so YAML finds no closing quote\n    hint: make the closing quote half-width too: title: '家长''开放日'",
            "Content/bases/wanzhou-shahe-primary/k.md:3:10: error: the value of 'summary' opens with the half-width quote \" but closes with the full-width ”, "
                + "so YAML finds no closing quote\n    hint: make the closing quote half-width too: summary: \"他说\\\"好\\\"\"",
        ])
        // The value to write reads back as the text typed.
        var fixed = try YAMLDocument.parse("summary: '照片在 D:\\活动\\2021'\n", path: "h.md").fields()
        #expect(fixed.string("summary") == "照片在 D:\\活动\\2021")
        #expect(errors.dropFirst(2).first?.formatted(in: .chinese) == "Content/bases/wanzhou-shahe-primary/c.md:2:8: 错误：'title' 的值以引号开头，引号结束后还有文字，YAML 无法读取\n"
            + "    提示：请把其中的引号改为中文引号：title: “双减”背景下的家校共育；或给整个值加上引号：title: \"\\\"双减\\\"背景下的家校共育\"")
    }

    /// A zero-width space inside a word does not hide the word from search.
    @Test func aWordWithAnInvisibleCharacterIsFound() throws {
        #expect(SearchTokenizer.indexTerms("亲子\u{200B}阅读节").contains("子阅"))
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write(Self.newWriteUp, "---\n\(Self.good)---\n\n本校举办亲子\u{200B}阅\u{2060}读节。\n")
        #expect(try fixture.build().succeeded)
        let index = SearchIndexReader(site: fixture.url("Public"))
        let paths = try index.documents(matching: "亲子阅读节").map { try index.document($0)[1] }
        #expect(paths == ["bases/wanzhou-shahe-primary/open-day/"])
        let page = try fixture.read("Public/bases/wanzhou-shahe-primary/open-day/index.html")
        #expect(page.contains("本校举办亲子阅读节"), "the description holds no invisible character")
    }

    /// Every file of the tests' content and of the site's own content passes the scan, and so do
    /// the shapes of correct YAML that look like a mistake at first sight.
    @Test func nothingCorrectIsRefused() throws {
        var files: [URL] = []
        for folder in ["Tests/Fixture/Content", "Content"] {
            let root = Fixture.packageRoot.appendingPathComponent(folder)
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let file = enumerator?.nextObject() as? URL {
                if ["md", "yaml"].contains(file.pathExtension) { files.append(file) }
            }
        }
        #expect(files.count > 20)
        for file in files {
            let text = try SourceText.read(file.path, displayPath: file.path)
            let yaml = file.pathExtension == "md" ? try FrontMatterSplit.split(text, path: file.path).yaml : text
            #expect(KeyboardMistakes.first(in: yaml) == nil, "\(file.path)")
        }
        let correct = [
            "baseURL: http://localhost:8000/\ncontact: 电话：023-12345678，时间 10:30",
            "items:\n  - 10:30\n  - tel:023-1234\n  - http://example.org/\n  - QQ：12345",
            "time: '10:30'\nnote: \"a:b\"",
            "intro: |\n  注意：这里\n  note:abc\n  　　首行缩进\nnext: x",
            "summary: 第一行\n  note:abc 续行\ndate: 2021",
            "# 说明：title:开放日\ntitle: 开放日 # 注：\u{3000}",
            "models: [a, b]\nfooter: {}\neditor: 重庆市妇联　重庆市教委",
            "title: 一家 👨\u{200D}👩\u{200D}👧",
            "attachments:\n  - title: 附件\n    file: ../assets/a.pdf\n  - page: x.md",
            "path: C:\\Users\\a.jpg",
        ]
        for yaml in correct {
            #expect(KeyboardMistakes.first(in: yaml) == nil, "\(yaml)")
        }
    }

    /// The fields of a list entry are read as fields; a value that only looks like one is not.
    @Test func aFieldOfAListEntryIsReadAsAField() {
        #expect(KeyboardMistakes.first(in: "attachments:\n  - title: 表\n    file:../assets/a.pdf")
                == .missingSpace(key: "file", line: 3, column: 10))
        #expect(KeyboardMistakes.first(in: "attachments:\n  - page:a.md") == .missingSpace(key: "page", line: 2, column: 10))
        #expect(KeyboardMistakes.first(in: "attachments:\n  - file:///C:/a.pdf") == nil)
        #expect(KeyboardMistakes.first(in: "contact:\n  - mailto:office@example.org") == nil)
    }

    @Test func invisibleCharactersAreShownInQuotedText() {
        #expect(TextCharacters.quoted("dadukou\u{200B}-kindergarten") == "'dadukou<U+200B>-kindergarten'")
        #expect(TextCharacters.quoted("重庆\u{A0}市　妇联") == "'重庆<U+00A0>市　妇联'")
        #expect(TextCharacters.quoted("👨\u{200D}👩") == "'👨\u{200D}👩'")
        #expect(Suggestion.hint(for: "home\u{2060}-school\u{FEFF}", in: ["home-school", "guidance"])?.text(in: .english)
                == "the name holds invisible characters <U+2060>, <U+FEFF>; delete them to get 'home-school'")
    }
}
