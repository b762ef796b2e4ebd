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

@Suite struct MarkdownTests {
    func converter(rawHTML: Bool = false) -> BodyConverter {
        BodyConverter(paths: ContentPaths(staticFiles: ["assets/a.pdf", "assets/图 片.jpg"],
                                          pages: ["bases/x/other.md": "bases/x/other/"]),
                      rootPath: "/zt/jiaoyu/", allowRawHTML: rawHTML)
    }

    func convert(_ markdown: String, rawHTML: Bool = false) -> (String, [Diagnostic]) {
        let (document, diagnostics) = converter(rawHTML: rawHTML).convert(markdown, sourcePath: "bases/x/w.md",
                                                                          displayPath: "Content/bases/x/w.md", firstLine: 5)
        return (document.html, diagnostics)
    }

    @Test func excerptJoinsLinesAndStopsAtTheLimit() {
        let document = Document(html: "", plainText: "\n家校社\n\n协同育人\n")
        #expect(document.excerpt() == "家校社 协同育人")
        #expect(document.excerpt(8) == "家校社 协同育人")
        #expect(document.excerpt(7) == "家校社 协同育…")
        #expect(document.excerpt(3) == "家校社…")
        #expect(document.excerpt(4) == "家校社 …")
        #expect(Document(html: "", plainText: "\n\n").excerpt() == "")
    }

    /// A link to a document of the content folder says what a tap downloads, as government sites
    /// do; links to pages, photos and other sites, and images, say nothing more.
    @Test func linksToDocumentsShowTheirTypeAndSize() {
        let converter = BodyConverter(paths: ContentPaths(staticFiles: ["assets/办法.pdf", "assets/名单.xlsx", "assets/表.DOCX", "assets/a.jpg"],
                                                          pages: ["bases/x/other.md": "bases/x/other/"],
                                                          documentSizes: ["assets/办法.pdf": 122_000, "assets/名单.xlsx": 1_572_864,
                                                                          "assets/表.DOCX": 10]),
                                      rootPath: "/", allowRawHTML: false)
        let markdown = "见[管理办法](../../assets/办法.pdf)、[名单](../../assets/名单.xlsx#p2)和[申报表](../../assets/表.DOCX)。\n\n"
            + "[照片](../../assets/a.jpg) [稿件](other.md) [官网](https://www.cqwomen.org.cn/a.pdf) ![图](../../assets/a.jpg)\n"
        let (document, diagnostics) = converter.convert(markdown, sourcePath: "bases/x/w.md", displayPath: "Content/bases/x/w.md", firstLine: 5)
        #expect(diagnostics.isEmpty)
        #expect(document.html == "<p>见<a href=\"/assets/%E5%8A%9E%E6%B3%95.pdf\">管理办法</a>（PDF，120KB）、"
            + "<a href=\"/assets/%E5%90%8D%E5%8D%95.xlsx#p2\">名单</a>（XLSX，1.5MB）和<a href=\"/assets/%E8%A1%A8.DOCX\">申报表</a>（DOCX，1KB）。</p>\n"
            + "<p><a href=\"/assets/a.jpg\">照片</a> <a href=\"/bases/x/other/\">稿件</a> <a href=\"https://www.cqwomen.org.cn/a.pdf\">官网</a> "
            + "<img src=\"/assets/a.jpg\" alt=\"图\" /></p>\n")
        #expect(!document.plainText.contains("PDF"), "the details are shown, not searched or quoted in descriptions")
    }

    /// A photo's words describe it for readers who cannot see it: the page keeps them on the
    /// image, and the text quoted in summaries, descriptions and search leaves them out.
    @Test func anImagesWordsAreNoPartOfThePlainText() {
        let markdown = "家长走进课堂。\n\n![示意图：家长与孩子在操场上](https://example.org/a.jpg)\n\n"
            + "学生表演节目，[![`二维码`图](../../assets/a.pdf)](https://example.org/)扫码观看。\n"
        let (document, _) = converter().convert(markdown, sourcePath: "bases/x/w.md", displayPath: "Content/bases/x/w.md", firstLine: 5)
        #expect(document.html.contains("alt=\"示意图：家长与孩子在操场上\"") && document.html.contains("alt=\"二维码图\""))
        #expect(document.plainText == "家长走进课堂。\n\n学生表演节目，扫码观看。\n")
        #expect(document.excerpt() == "家长走进课堂。 学生表演节目，扫码观看。")
    }

    @Test func documentSizesAreInKBRoundedUpUnder1MBAndInMBWithOneDecimalAbove() {
        #expect(DocumentDetails.size(0) == "1KB")
        #expect(DocumentDetails.size(1024) == "1KB")
        #expect(DocumentDetails.size(1025) == "2KB")
        #expect(DocumentDetails.size(122_880) == "120KB")
        #expect(DocumentDetails.size(1_048_575) == "1024KB")
        #expect(DocumentDetails.size(1_048_576) == "1.0MB")
        #expect(DocumentDetails.size(1_572_864) == "1.5MB")
        #expect(DocumentDetails.size(12_900_000) == "12.3MB")
        #expect(DocumentDetails.text(path: "assets/a.Pdf", bytes: 5000) == "PDF，5KB")
        #expect(DocumentDetails.text(path: "assets/a.png", bytes: 5000) == nil)
    }

    /// A code block scrolls inside its own box on a phone, so it takes the keyboard focus to be scrolled.
    @Test func codeBlocksCanBeScrolledWithTheKeyboard() {
        #expect(convert("```\n2021    〔基地名称〕\n```\n").0 == "<pre tabindex=\"0\"><code>2021    〔基地名称〕\n</code></pre>\n")
        #expect(convert("```text\n<pre><code>\n```\n").0
            == "<pre tabindex=\"0\"><code class=\"language-text\">&lt;pre&gt;&lt;code&gt;\n</code></pre>\n")
    }

    @Test func rendersCommonMark() {
        let (html, diagnostics) = convert("## 小标题\n\n家校社**协同**育人。\n")
        #expect(html == "<h2>小标题</h2>\n<p>家校社<strong>协同</strong>育人。</p>\n")
        #expect(diagnostics.isEmpty)
    }

    @Test func rawHTMLAndScriptsNeverReachThePageInSafeMode() {
        let (html, _) = convert("<script>alert(1)</script>\n\n<p onclick=\"x()\">a</p>\n\n[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) ![z](data:image/png;base64,AAAA) [v](vbscript:x)\n")
        #expect(!html.contains("<script"))
        #expect(!html.contains("onclick"))
        #expect(!html.lowercased().contains("javascript:"))
        #expect(!html.contains("data:"))
        #expect(!html.contains("vbscript:"))
    }

    @Test func unsafeDestinationsAreReportedWhereTheyAre() {
        let (_, diagnostics) = convert("第一段。\n\n[点这里](javascript:alert(1))\n")
        #expect(diagnostics.map(\.formatted) == [
            "Content/bases/x/w.md:7:1: warning: the link to a 'javascript:' address was removed\n    hint: only http, https, mailto and tel addresses are published",
        ])
    }

    @Test func rawHTMLPassesOnlyWhenTheSiteOptsIn() {
        let (html, _) = convert("<div class=\"box\">框</div>\n", rawHTML: true)
        #expect(html.contains("<div class=\"box\">框</div>"))
        let (scrubbed, _) = convert("[x](javascript:alert(1))\n", rawHTML: true)
        #expect(!scrubbed.contains("javascript:"))
    }

    @Test func relativeLinksPointAtTheirPublicAddresses() {
        let (html, diagnostics) = convert("[文件](../../assets/a.pdf) [另一篇](other.md#part) ![图](../../assets/图%20片.jpg) [外部](https://example.org/)\n")
        #expect(diagnostics.isEmpty)
        #expect(html.contains("href=\"/zt/jiaoyu/assets/a.pdf\""))
        #expect(html.contains("href=\"/zt/jiaoyu/bases/x/other/#part\""))
        #expect(html.contains("src=\"/zt/jiaoyu/assets/%E5%9B%BE%20%E7%89%87.jpg\""))
        #expect(html.contains("href=\"https://example.org/\""))
    }

    @Test func brokenAndEscapingLinksAreErrors() {
        let (_, diagnostics) = convert("[a](../../assets/b.pdf)\n\n[b](../../../etc/passwd)\n\n[c](/assets/a.pdf)\n")
        #expect(diagnostics.map(\.formatted) == [
            "Content/bases/x/w.md:5:1: error: the link '../../assets/b.pdf' points to 'assets/b.pdf', which does not exist\n    hint: did you mean 'assets/a.pdf'?",
            "Content/bases/x/w.md:7:1: error: the link '../../../etc/passwd' leads outside the content folder\n    hint: put the file in Content/assets/ and link to it from there",
            "Content/bases/x/w.md:9:1: error: the link '/assets/a.pdf' is an absolute path\n    hint: write the path relative to this file, e.g. ../../assets/photo.jpg, so the site works under any address",
        ])
    }

    @Test func aMissingFileIsComparedWithTheFilesBesideItAndThoseOfItsName() {
        let (_, diagnostics) = convert("[a](../../asset/a.pdf) [b](../../assets/b.pdf) [c](../y/other.md)\n")
        #expect(diagnostics.map(\.hint) == ["did you mean 'assets/a.pdf'?", "did you mean 'assets/a.pdf'?", "did you mean 'bases/x/other.md'?"])
    }

    @Test func aWrappedChineseLineGetsNoSpace() {
        let (html, _) = convert("家校社协同\n育人模式。\nEnglish\nwords 和\n中文\n")
        // Only breaks between two Chinese characters go; Latin words keep their space.
        #expect(html == "<p>家校社协同育人模式。\nEnglish\nwords 和中文</p>\n")
    }

    /// Word starts a paragraph with full-width spaces; the style sheet indents a paragraph's first
    /// line already, so they go (and spaces mixed into them), still with a warning. Full-width
    /// spaces anywhere else are text as written.
    @Test func aPastedFullWidthIndentIsDroppedAtTheStartOfAParagraph() {
        let (one, warnings) = convert("\u{3000}家长走进课堂。\n")
        #expect(one == "<p>家长走进课堂。</p>\n")
        #expect(warnings.map(\.formatted) == [
            "Content/bases/x/w.md:5:1: warning: this line starts with full-width spaces (U+3000), as a paragraph pasted from Word does\n"
                + "    hint: the page leaves them out and the site indents paragraphs itself; delete them from the text",
        ])
        #expect(convert("\u{3000}\u{3000}家长走进课堂。\n\n\u{3000} \u{3000}\t学生表演节目。\n").0
            == "<p>家长走进课堂。</p>\n<p>学生表演节目。</p>\n")
        #expect(convert("\u{3000}\u{3000}**重点**工作\n").0 == "<p><strong>重点</strong>工作</p>\n")
        #expect(convert("> \u{3000}\u{3000}引文\n\n- \u{3000}条目\n").0 == "<blockquote>\n<p>引文</p>\n</blockquote>\n<ul>\n<li>条目</li>\n</ul>\n")
        let (document, _) = converter().convert("\u{3000}\u{3000}家长走进课堂。\n", sourcePath: "bases/x/w.md",
                                                displayPath: "Content/bases/x/w.md", firstLine: 5)
        #expect(document.plainText == "家长走进课堂。\n", "descriptions and search start with the text")

        #expect(convert("家长\u{3000}\u{3000}走进课堂。\n").0 == "<p>家长\u{3000}\u{3000}走进课堂。</p>\n")
        // Word's paragraphs pasted as lines with no blank line between them are one paragraph in
        // Markdown: the warning says so, and the indent goes, or it would gape inside the sentence.
        let (joined, lineWarnings) = convert("\u{3000}\u{3000}第一段\n\u{3000}\u{3000}第二段\n")
        #expect(joined == "<p>第一段第二段</p>\n")
        #expect(lineWarnings.map(\.formatted) == [
            "Content/bases/x/w.md:5:1: warning: this line starts with full-width spaces (U+3000), as a paragraph pasted from Word does\n"
                + "    hint: the page leaves them out and the site indents paragraphs itself; delete them from the text",
            "Content/bases/x/w.md:6:1: warning: this line starts with full-width spaces (U+3000), as a paragraph pasted from Word does, "
                + "but no blank line comes before it, so the page shows it as part of the paragraph above\n"
                + "    hint: to start a new paragraph here, leave a blank line before this one and delete the spaces",
        ])
        // An editor reads it in Chinese: the line is named, not the paragraph, which starts above.
        #expect(lineWarnings.map { $0.formatted(in: .chinese) }.last
            == "Content/bases/x/w.md:6:1: 警告：此行以全角空格（U+3000）开头，像是从 Word 粘贴来的一段，但前面没有空行，页面会把它接在上一段后面\n"
                + "    提示：如要在此另起一段，请在这一行前面空一行，并删去这些空格")
        #expect(convert("第一行\n\u{3000}第二行\n").1.map(\.code) == [.paragraphJoinedByFullWidthIndent])
        #expect(convert("第一行\\\n\u{3000}第二行\n").0 == "<p>第一行<br />\n第二行</p>\n")
        #expect(convert("```\n\u{3000}\u{3000}缩进的代码\n```\n").0
            == "<pre tabindex=\"0\"><code>\u{3000}\u{3000}缩进的代码\n</code></pre>\n")
        #expect(convert("`\u{3000}\u{3000}代码`\n").0 == "<p><code>\u{3000}\u{3000}代码</code></p>\n")
        #expect(convert("## \u{3000}小标题\n").0 == "<h2>\u{3000}小标题</h2>\n")
        #expect(convert("第一段\n\n\u{3000}\u{3000}\n\n第二段\n").0 == "<p>第一段</p>\n<p>第二段</p>\n")
    }

    /// How Chinese text numbers items at the start of a line, and what only looks like it.
    @Test func itemNumbersAreRecognised() {
        func number(_ text: String) -> String? {
            Array(text.utf8).withUnsafeBufferPointer { CommonMark.itemNumber(at: $0) }
        }
        let numbered = ["1．家长", "2、亲子", "12.分享", "3) 表演", "４．阅读", "（3）阅读", "(12)总结", "（二）成效", "二、成效", "十一、附录", "②活动"]
        #expect(numbered.map(number) == ["1．", "2、", "12.", "3)", "４．", "（3）", "(12)", "（二）", "二、", "十一、", "②"])
        let unnumbered = ["3.5倍", "2024年", "100．", "一是", "（注）", "(a)", "十分", "1", "", "第二、", "一、二年级"]
        #expect(unnumbered.map(number) == Array(repeating: nil, count: unnumbered.count))
        // Only a line that Markdown joins to the one above: not a paragraph's first, nor one after a hard break.
        #expect(convert("1．家长故事会；\n\n2．亲子共读；\n").1.isEmpty)
        #expect(convert("环节：\\\n2．亲子共读；\n").1.isEmpty)
        #expect(convert("环节：\n2．亲子共读；\n").1.map(\.code) == [.numberedLineJoined])
        // 一、 and （一） head the sections of an official document: the hint says how to write a heading.
        let sections = convert("现通知如下。\n一、活动主题\n家校社协同。\n（一）加强组织领导。\n").1
        #expect(sections.map(\.formatted) == [
            "Content/bases/x/w.md:6:1: warning: this line starts with '一、' as a heading of an official document does, "
                + "but no blank line comes before it, so the page joins it to the line above\n"
                + "    hint: for a heading, leave a blank line before this one and write '## 一、…'; to start a new paragraph only, leave the blank line",
            "Content/bases/x/w.md:8:1: warning: this line starts with '（一）' as a heading of an official document does, "
                + "but no blank line comes before it, so the page joins it to the line above\n"
                + "    hint: for a heading, leave a blank line before this one and write '### （一）…'; to start a new paragraph only, leave the blank line",
        ])
        #expect(sections.first?.formatted(in: .chinese) == "Content/bases/x/w.md:6:1: 警告：此行以“一、”开头，像是公文中的标题，但前面没有空行，页面会把它接在上一行后面\n"
            + "    提示：如是标题，请在这一行前面空一行，并写成 '## 一、……'；如只要另起一段，空一行即可")
        #expect(convert("环节：\n1. 家长故事会\n2. 亲子共读\n").0 == "<p>环节：</p>\n<ol>\n<li>家长故事会</li>\n<li>亲子共读</li>\n</ol>\n")
    }

    /// A table copied from a spreadsheet or Word pastes as lines of cells between tabs, which
    /// Markdown runs together: the warning gives the table's first row as a pipe table.
    @Test func aTablePastedWithTabsIsNamed() {
        let (html, warnings) = convert("各班参与情况如下：\n\n班级\t家长人数\t共读绘本\n大一班\t28\t56\n大二班\t30\t\n")
        #expect(html.contains("<p>班级\t家长人数\t共读绘本大一班\t28\t56"), "shown as written, not guessed at")
        #expect(warnings.map(\.formatted) == [
            "Content/bases/x/w.md:7:1: warning: these 3 lines look like a table pasted from Excel, WPS or Word, its columns separated by tabs, "
                + "and the page runs them together as one paragraph\n"
                + "    hint: write it as a Markdown table: the header row | 班级 | 家长人数 | 共读绘本 |, under it | --- | --- | --- |, "
                + "then one line per row with '|' between the columns",
        ])
        #expect(warnings.first?.formatted(in: .chinese)
            == "Content/bases/x/w.md:7:1: 警告：这 3 行像是从 Excel、WPS 或 Word 粘贴来的表格（各列以制表符分隔），页面会把它们连成一段文字\n"
                + "    提示：请改写成 Markdown 表格：第一行写表头 | 班级 | 家长人数 | 共读绘本 |，下一行写 | --- | --- | --- |，其后每行一行数据，各列之间用 '|' 分隔")
        // A spreadsheet's empty top-left cell: the header row keeps a column for the rows' names.
        let spreadsheet = convert("各月参与人数：\n\t3月\t4月\n大一班\t28\t30\n大二班\t26\t31\n").1
        #expect(spreadsheet.first?.formatted.contains("the header row |  | 3月 | 4月 |, under it | --- | --- | --- |") == true)
        // After a blank line, the header row's leading tab makes it code: named as such, beside the rows below it.
        #expect(convert("各月参与人数：\n\n\t3月\t4月\n大一班\t28\t30\n大二班\t26\t31\n").1.map(\.code) == [.tableOfTabs, .paragraphShownAsCode])
        // Word's automatic numbering pastes as a number, a tab and the text: no table.
        #expect(convert("现通知如下：\n一、\t活动主题\n二、\t活动时间\n").1.map(\.code) == [.headingLineJoined, .headingLineJoined])
        // One line with a tab is no table; nor is a paragraph indented with tabs.
        #expect(convert("班级\t家长人数\n").1.isEmpty)
        #expect(convert("第一行\n\t第二行\n").1.isEmpty)
    }

    /// A bulleted list pasted from Word or WPS keeps its bullets as text (Word's own as U+F0B7,
    /// which browsers cannot show), and its lines run together: each is named, none as a table.
    @Test func bulletsPastedFromWordAreNamed() {
        let (html, warnings) = convert("活动安排：\n• 家长讲座\n• 亲子阅读\n\n主要做法：\n\u{F0B7}\t家访\n\u{F0B7}\t家长会\n\n● 开放日\n")
        #expect(html.contains("<p>● 开放日</p>"), "shown as typed")
        #expect(warnings.map(\.code) == [.bulletLineJoined, .bulletLineJoined, .bulletLineJoined, .bulletLineJoined, .bulletLine])
        #expect(warnings.first?.formatted == "Content/bases/x/w.md:6:1: warning: this line starts with the bullet •, as a list pasted from Word or WPS does, "
            + "but Markdown does not read it as a list and joins it to the line above\n"
            + "    hint: write each item on a line of its own starting with '- ' (a hyphen and a space) in place of •, with a blank line before the list")
        #expect(warnings.dropFirst(2).first?.formatted(in: .chinese) == "Content/bases/x/w.md:10:1: 警告：此行以项目符号 <U+F0B7> 开头，像是从 Word 或 WPS 粘贴来的列表，"
            + "但 Markdown 不会把它当作列表，还会把它接在上一行后面\n    提示：请把每一项各写一行，以 '- '（减号加空格）代替 <U+F0B7> 开头，并在列表前空一行")
        for written in ["★重点提示：按时到校。", "□是 □否", "- 家长讲座\n- 亲子阅读", "家访•入户"] {
            #expect(convert(written + "\n").1.isEmpty, "\(written)")
        }
    }

    /// A Chinese input method types `！`, `【】` or `［］` and `（）` where a link or image needs
    /// `!`, `[]` and `()`: Markdown leaves it as text. Named at its column, with the link to write.
    @Test func aLinkTypedFullWidthIsNamed() {
        let (html, warnings) = convert("现场照片：！[家长会现场]（a.pdf）\n\n详见[通知]（../other.md）。\n\n【活动照片】(https://example.org/a.jpg)\n"
            + "\n联系方式见［联系我们］（/contact/）\n")
        #expect(html.contains("<p>现场照片：！[家长会现场]（a.pdf）</p>"), "shown as typed, not guessed at")
        #expect(warnings.map(\.formatted) == [
            "Content/bases/x/w.md:5:6: warning: ！[家长会现场]（a.pdf） looks like a link or image typed with full-width punctuation, "
                + "which Markdown does not read, so the page shows it as typed\n    hint: type its brackets and exclamation mark half-width: ![家长会现场](a.pdf)",
            "Content/bases/x/w.md:7:3: warning: [通知]（../other.md） looks like a link or image typed with full-width punctuation, "
                + "which Markdown does not read, so the page shows it as typed\n    hint: type its brackets and exclamation mark half-width: [通知](../other.md)",
            "Content/bases/x/w.md:9:1: warning: 【活动照片】(https://example.org/a.jpg) looks like a link or image typed with full-width punctuation, "
                + "which Markdown does not read, so the page shows it as typed\n    hint: typed half-width, [活动照片](https://example.org/a.jpg) links to the photo; "
                + "to show the photo on the page, type ![活动照片](https://example.org/a.jpg)",
            "Content/bases/x/w.md:11:6: warning: ［联系我们］（/contact/） looks like a link or image typed with full-width punctuation, "
                + "which Markdown does not read, so the page shows it as typed\n    hint: type its brackets and exclamation mark half-width: [联系我们](/contact/)",
        ])
        #expect(warnings.first?.formatted(in: .chinese) == "Content/bases/x/w.md:5:6: 警告：！[家长会现场]（a.pdf） 像是用全角符号输入的链接或图片，"
            + "Markdown 无法识别，页面会原样显示这些字符\n    提示：请把其中的括号和感叹号改为半角：![家长会现场](a.pdf)")
        #expect(warnings.dropFirst(2).first?.hint(in: .chinese)
            == "改为半角后，[活动照片](https://example.org/a.jpg) 是指向这张照片的链接；如要在页面上显示照片，请写成 ![活动照片](https://example.org/a.jpg)")
        // Brackets and parentheses of Chinese text that hold no address.
        for written in ["【通知】（2021年）", "【待填写】", "[重要]（见下文）", "【图1】（单位：人）", "见附件[1]（第3页）。", "![说明](a.pdf)", "[通知](../other.md)",
                        "【招生对象】（小学/初中）", "[注]（单位：人/次）", "【来源】（www.moe.gov.cn）", "［注］（单位：人）", "［图2］"] {
            #expect(convert(written + "\n").1.filter { $0.code == .linkTypedFullWidth }.isEmpty, "\(written)")
        }
    }

    /// CommonMark does not open or close bold where `**` stands between Chinese punctuation and a
    /// Chinese character: the page shows the asterisks, or bolds other words. Warned about, with
    /// the way to write it; bold written so is left alone.
    @Test func boldNextToChinesePunctuationIsNamed() {
        let (shown, literal) = convert("**工作目标：**到2025年。\n\n请注意**（一）**的内容。\n")
        #expect(shown == "<p>**工作目标：**到2025年。</p>\n<p>请注意**（一）**的内容。</p>\n")
        let warning = "warning: the '**' on this line stands between punctuation and a Chinese character, where Markdown "
            + "does not read it as bold, so the page shows the asterisks\n"
            + "    hint: move the ** outside the punctuation, next to a Chinese character: write **重点**：后文 for **重点：**后文, "
            + "and “**双减**”政策 for **“双减”**政策"
        #expect(literal.map(\.formatted) == ["Content/bases/x/w.md:5:1: " + warning, "Content/bases/x/w.md:7:1: " + warning])
        let (mispaired, nested) = convert("**“双减”**政策下的**家校共育**。\n")
        #expect(mispaired == "<p><strong>“双减”<strong>政策下的</strong>家校共育</strong>。</p>\n")
        #expect(nested.map(\.code) == [.emphasisMispaired])
        #expect(nested.first?.formatted(in: .chinese) == "Content/bases/x/w.md:5:1: 警告：这一行有加粗套在另一处加粗里：某个 ** 紧挨着标点和汉字，"
            + "被 Markdown 与另一个 ** 配成了一对，加粗的范围与所写的不同\n"
            + "    提示：请把 ** 移到标点的外侧，让它紧挨着汉字：如把 **重点：**后文 写成 **重点**：后文，把 **“双减”**政策 写成 “**双减**”政策")
        // Masked names, footnote marks and escaped asterisks are asterisks meant as they are.
        for written in ["**重点**：后文", "“**双减**”政策下的**家校共育**。", "他说：**重要**的事", "5 * 3 = 15", "*注：数据截至6月*", "（**重要**）",
                        "获奖学生：王**、李**、张*。", "截至6月*。", "请注意\\*\\*（一）的内容。", "工作目标：\\*\\*到2025年。"] {
            #expect(convert(written + "\n").1.isEmpty, "\(written)")
        }
    }

    @Test func imagesWithoutAlternativeTextAreAWarning() {
        let (html, diagnostics) = convert("活动现场：\n\n![](../../assets/a.pdf)\n\n![会场](../../assets/a.pdf)\n")
        #expect(diagnostics.map(\.formatted) == [
            "Content/bases/x/w.md:7:1: warning: the image '../../assets/a.pdf' has no alternative text\n    hint: describe the picture between the brackets, e.g. ![家长课堂现场](photo.jpg), for readers who cannot see it",
        ])
        #expect(html.contains("alt=\"会场\""))
    }

    @Test func deepNestingDoesNotCrash() {
        let (html, _) = convert(String(repeating: ">", count: 10_000) + " 深\n")
        #expect(html.contains("深"))
    }
}
