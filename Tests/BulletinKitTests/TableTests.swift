import Testing
@testable import BulletinModel
@testable import BulletinSupport

/// Pipe tables, read as GitHub Flavored Markdown's table extension reads them (its specification's
/// examples are stated here as facts), and written as accessible HTML: a region that scrolls on a
/// phone, named and reachable with the keyboard; header cells with their scope; a caption when the
/// paragraph before names the table.
@Suite struct TableTests {
    func render(_ markdown: String, rawHTML: Bool = false) -> (String, [Diagnostic]) {
        let converter = BodyConverter(paths: ContentPaths(staticFiles: ["assets/a.pdf"], pages: ["bases/x/other.md": "bases/x/other/"]),
                                      rootPath: "/zt/", allowRawHTML: rawHTML)
        let (document, diagnostics) = converter.convert(markdown, sourcePath: "bases/x/w.md", displayPath: "Content/bases/x/w.md", firstLine: 5)
        return (document.html, diagnostics)
    }

    func html(_ markdown: String) -> String { render(markdown).0 }

    /// The table without its region, for the examples that are about cells.
    func table(_ markdown: String) -> String {
        let html = html(markdown)
        guard let start = html.range(of: "<table>"), let end = html.range(of: "</table>") else { return html }
        return String(html[start.lowerBound ..< end.upperBound])
    }

    @Test func aHeaderRowADelimiterRowAndBodyRowsMakeATable() {
        #expect(html("| foo | bar |\n| --- | --- |\n| baz | bim |\n") == """
            <div class="table-scroll" role="region" tabindex="0" aria-label="表格：foo、bar">
            <table>
            <thead>
            <tr>
            <th scope="col">foo</th>
            <th scope="col">bar</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>baz</td>
            <td>bim</td>
            </tr>
            </tbody>
            </table>
            </div>

            """)
    }

    @Test func outerPipesAreOptionalAndTheDelimiterRowGivesEachColumnItsAlignment() {
        #expect(table("| abc | defghi |\n:-: | -----------:\nbar | baz\n") == """
            <table>
            <thead>
            <tr>
            <th scope="col" class="align-center">abc</th>
            <th scope="col" class="align-right">defghi</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td class="align-center">bar</td>
            <td class="align-right">baz</td>
            </tr>
            </tbody>
            </table>
            """)
        #expect(table("a | b | c\n:-- | --- | --:\n").contains("<th scope=\"col\" class=\"align-left\">a</th>\n<th scope=\"col\">b</th>\n"))
    }

    @Test func anEscapedPipeStaysInItsCellInsideCodeAndEmphasisToo() {
        #expect(table("| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |\n") == """
            <table>
            <thead>
            <tr>
            <th scope="col">f|oo</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>b <code>|</code> az</td>
            </tr>
            <tr>
            <td>b <strong>|</strong> im</td>
            </tr>
            </tbody>
            </table>
            """)
    }

    /// GFM splits a row before it reads code spans, so an unescaped pipe between backticks ends a cell.
    @Test func anUnescapedPipeInsideBackticksEndsTheCell() {
        #expect(table("| a | b |\n| - | - |\n| `x|y` |\n").contains("<td>`x</td>\n<td>y`</td>"))
        #expect(table("| a |\n| - |\n| `\\\\|` |\n").contains("<td>`\\</td>"), "a backslash that is itself escaped does not escape the pipe")
    }

    @Test func cellsHoldInlineMarkdown() {
        let (html, diagnostics) = render("| 活动 | 材料 |\n| --- | --- |\n| *家长*课堂 | [办法](../../assets/a.pdf)、[稿件](other.md) |\n"
            + "| `代码` | **重点** <https://www.cqwomen.org.cn/> |\n")
        #expect(diagnostics.isEmpty)
        #expect(html.contains("<td><em>家长</em>课堂</td>\n<td><a href=\"/zt/assets/a.pdf\">办法</a>、<a href=\"/zt/bases/x/other/\">稿件</a></td>"))
        #expect(html.contains("<td><code>代码</code></td>\n<td><strong>重点</strong> <a href=\"https://www.cqwomen.org.cn/\">https://www.cqwomen.org.cn/</a></td>"))
    }

    @Test func aCellIsInlineTextEvenWhenItLooksLikeABlock() {
        let html = table("| a | b | c | d |\n| - | - | - | - |\n| # 标题 | 1. 第一 | > 引 | [x]: /y |\n")
        #expect(html.contains("<td># 标题</td>\n<td>1. 第一</td>\n<td>&gt; 引</td>\n<td>[x]: /y</td>"))
        #expect(table("| a |\n| - |\n| - 项 |\n").contains("<td>- 项</td>"))
        #expect(table("| a |\n| - |\n| ``` |\n").contains("<td>```</td>"))
    }

    @Test func aCellLinkFindsTheBodysReferenceDefinitions() {
        let (html, diagnostics) = render("| 文件 |\n| --- |\n| [管理办法][1] |\n\n[1]: ../../assets/a.pdf\n")
        #expect(diagnostics.isEmpty)
        #expect(html.contains("<td><a href=\"/zt/assets/a.pdf\">管理办法</a></td>"))
    }

    @Test func shortRowsArePaddedAndLongRowsCut() {
        #expect(table("| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |\n") == """
            <table>
            <thead>
            <tr>
            <th scope="col">abc</th>
            <th scope="col">def</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>bar</td>
            <td></td>
            </tr>
            <tr>
            <td>bar</td>
            <td>baz</td>
            </tr>
            </tbody>
            </table>
            """)
    }

    @Test func aHeaderAndDelimiterOfDifferentWidthsAreNoTable() {
        #expect(html("| abc | def |\n| --- |\n| bar |\n") == "<p>| abc | def |\n| --- |\n| bar |</p>\n")
    }

    @Test func aTableWithoutBodyRowsHasNoTbody() {
        #expect(table("| abc | def |\n| --- | --- |\n") == """
            <table>
            <thead>
            <tr>
            <th scope="col">abc</th>
            <th scope="col">def</th>
            </tr>
            </thead>
            </table>
            """)
    }

    @Test func theTableEndsAtABlankLineOrAnotherBlock() {
        let quoted = html("| abc | def |\n| --- | --- |\n| bar | baz |\n> bar\n")
        #expect(quoted.hasSuffix("</tbody>\n</table>\n</div>\n<blockquote>\n<p>bar</p>\n</blockquote>\n"))
        let lineAfter = html("| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar\n")
        #expect(lineAfter.contains("<tr>\n<td>bar</td>\n<td></td>\n</tr>\n</tbody>\n</table>\n</div>\n<p>bar</p>\n"))
    }

    /// As in GFM, the header row is the line just above the delimiter row: the lines before it stay a paragraph.
    @Test func linesJustAboveTheHeaderRowStayAParagraph() {
        let html = html("活动安排如下，\n请各基地遵照执行。\n| 时间 | 地点 |\n| --- | --- |\n| 周六 | 操场 |\n")
        #expect(html.hasPrefix("<p>活动安排如下，请各基地遵照执行。</p>\n<div class=\"table-scroll\""))
        #expect(html.contains("<td>周六</td>"))
    }

    @Test func aTableWorksInAListItemAndABlockQuote() {
        let listed = html("1. 第一项：\n\n   | 时间 | 地点 |\n   | --- | --- |\n   | 周六 | 操场 |\n2. 第二项\n")
        #expect(listed.contains("<li>\n<p>第一项：</p>\n<div class=\"table-scroll\""))
        #expect(listed.contains("<td>周六</td>\n<td>操场</td>\n</tr>\n</tbody>\n</table>\n</div>\n</li>"))
        let quoted = html("> | 时间 | 地点 |\n> | :-- | --: |\n> | 周六 | 操场 |\n")
        #expect(quoted.hasPrefix("<blockquote>\n<div class=\"table-scroll\""))
        #expect(quoted.contains("<td class=\"align-left\">周六</td>\n<td class=\"align-right\">操场</td>"))
        let nested = html("- > | a | b |\n  > | - | - |\n  > | 1 | 2 |\n")
        #expect(nested.contains("<li>\n<blockquote>\n<div class=\"table-scroll\""))
        #expect(nested.contains("<td>1</td>\n<td>2</td>"))
    }

    @Test func theParagraphThatNamesATableBecomesItsCaptionAndNamesTheRegion() {
        let separate = html("表1 2023年活动安排\n\n| 时间 | 地点 |\n| --- | --- |\n| 周六 | 操场 |\n")
        #expect(separate.hasPrefix("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"表1 2023年活动安排\">\n"
            + "<table>\n<caption>表1 2023年活动安排</caption>\n<thead>"))
        let joined = html("**表 2：各基地“家长课堂”安排**\n| 时间 | 地点 |\n| --- | --- |\n")
        #expect(joined.hasPrefix("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"表 2：各基地“家长课堂”安排\">\n"
            + "<table>\n<caption><strong>表 2：各基地“家长课堂”安排</strong></caption>\n"))
        let sentence = html("表1列出了各基地的安排：\n\n| 时间 |\n| --- |\n")
        #expect(sentence.hasPrefix("<p>表1列出了各基地的安排：</p>\n<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"表格：时间\">"))
    }

    @Test func captionRule() {
        for named in ["表1 2023年活动安排", "表 2：活动安排", "表一　活动安排", "附表3、基地名单", "表2-1 分区统计", "表１．经费", "表4"] {
            #expect(TableCaption.names(named), "\(named)")
        }
        for unnamed in ["表1列出了各基地的安排", "表2显示：", "表格如下", "表3 各基地安排如下：", "见表1。", "表",
                        "表1 " + String(repeating: "很长的标题", count: 10)] {
            #expect(!TableCaption.names(unnamed), "\(unnamed)")
        }
    }

    @Test func theRegionsNameIsEscaped() {
        #expect(html("表1 \"A\" & `<B>`\n\n| a |\n| - |\n").contains("aria-label=\"表1 &quot;A&quot; &amp; &lt;B&gt;\">"))
    }

    @Test func aLinkInACellIsReportedWhereItIsWritten() {
        let (_, diagnostics) = render("前言\n\n| 文件 | 说明 |\n| --- | --- |\n| 管理 | 见[办法](../../assets/b.pdf) |\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.line == 9)
        #expect(diagnostics.first?.location.column == 9)
    }

    @Test func cellsAreSearchedButTheTableMarkupIsNot() {
        let converter = BodyConverter(paths: ContentPaths(staticFiles: [], pages: [:]), rootPath: "/", allowRawHTML: false)
        let (document, _) = converter.convert("表1 安排\n\n| 时间 | 地点 |\n| --- | --- |\n| 周六 | 操场 |\n", sourcePath: "a.md", displayPath: "a.md", firstLine: 1)
        #expect(document.excerpt() == "表1 安排 时间 地点 周六 操场")
    }

    @Test func withoutADelimiterRowPipesAreText() {
        #expect(html("| a | b |\n| c | d |\n") == "<p>| a | b |\n| c | d |</p>\n")
        #expect(html("a | b\n") == "<p>a | b</p>\n")
    }

    /// A table shown as text is a mistake an editor cannot see in the file: `check` names the line.
    @Test func linesThatLookLikeATableButAreNoneAreWarnedAbout() {
        let (_, differ) = render("说明：\n| 时间 | 地点 |\n| --- |\n| 周六 | 操场 |\n")
        #expect(differ.map(\.code) == [.tableColumnsDiffer])
        #expect(differ.first?.location.line == 7)
        #expect(differ.first?.arguments == ["header": "2", "delimiter": "1"])
        #expect(differ.first?.message(in: .chinese) == "这几行像是表格，但分隔行有 1 列，上面的表头有 2 列，会显示为普通文字")
        let (_, missing) = render("前言\n\n| 时间 | 地点 |\n| 周六 | 操场 |\n")
        #expect(missing.map(\.code) == [.tableWithoutDelimiterRow])
        #expect(missing.first?.location.line == 7)
        for text in ["甲 | 乙\n丙 | 丁\n", "| 单独一行 |\n说明文字\n", "a\n:--\n", "| a | b |\n| - | - |\n", "A|B 两行\n|C|\n"] {
            #expect(render(text).1.isEmpty, "\(text.debugDescription)")
        }
    }

    /// The guide's example (docs/编辑手册.md, 四、加一个表格) reads as the guide says.
    @Test func theEditorsGuideExample() {
        let html = html("表1 2023年活动安排\n\n| 时间 | 活动 | 地点 | 人数 |\n| :---: | --- | --- | ---: |\n"
            + "| 3月 | 家长课堂 | 学校报告厅 | 120 |\n| 5月 | 亲子阅读 | 社区图书室 | 45 |\n")
        #expect(html.contains("<caption>表1 2023年活动安排</caption>"))
        #expect(html.contains("<td class=\"align-center\">5月</td>\n<td>亲子阅读</td>\n<td>社区图书室</td>\n<td class=\"align-right\">45</td>"))
    }

    /// Text made of table syntax in every arrangement, in containers too: libcmark's tree is
    /// rewritten without a crash, and every element opened is closed.
    @Test func anyMixOfTableSyntaxGivesWellFormedHTML() {
        let pieces = ["|", "|", "| ", "\\|", "\\", "`", "-", "--", ":", " ", "\n", "\n", "a", "表1 ", "*", "> ", "- ", "1. ",
                      "[x](other.md)", "[x]", "\n[x]: /y\n", "#", "\t", "  ", "<b>", "&#1;", "\u{3000}", "![图](a.jpg)", "\r\n",
                      "\n| - | - |\n", "\n---|:-:\n", "\n|:-|\n"]
        var state: UInt64 = 0x2545F4914F6CDD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var tables = 0
        for _ in 0 ..< 3000 {
            var markdown = ""
            for _ in 0 ..< 1 + next(60) { markdown += pieces[next(pieces.count)] }
            let output = html(markdown)
            if output.contains("<table>") { tables += 1 }
            for tag in ["table", "thead", "tbody", "tr", "th", "td", "caption", "div", "blockquote", "li"] {
                let opened = output.components(separatedBy: "<\(tag)>").count + output.components(separatedBy: "<\(tag) ").count - 2
                let closed = output.components(separatedBy: "</\(tag)>").count - 1
                #expect(opened == closed, "<\(tag)> in \(markdown.debugDescription) → \(output.debugDescription)")
            }
        }
        #expect(tables >= 300, "the mix makes tables often enough to test them: \(tables) of 3000")
    }

    @Test func delimiterRows() {
        func alignments(_ line: String) -> [PipeTableSyntax.Alignment]? { PipeTableSyntax.alignments(ArraySlice(Array(line.utf8))) }
        #expect(alignments("| --- | :-- | --: | :-: |") == [.unset, .left, .right, .center])
        #expect(alignments("---|---") == [.unset, .unset])
        #expect(alignments("| - |  ") == [.unset])
        #expect(alignments("| : |") == nil)
        #expect(alignments("| -- x |") == nil)
        #expect(alignments("| --- || --- |") == nil)
    }

    @Test func rowsSplitOnUnescapedPipes() {
        func cells(_ line: String) -> [String]? {
            PipeTableSyntax.cells(ArraySlice(Array(line.utf8)))?.map { String(decoding: $0.text, as: UTF8.self) }
        }
        #expect(cells("| a | b |") == ["a", "b"])
        #expect(cells("a|b") == ["a", "b"])
        #expect(cells("| a \\| b |") == ["a | b"])
        #expect(cells("|| b") == ["", "b"])
        #expect(cells("|") == nil)
        #expect(cells("| 甲 |  乙  ") == ["甲", "乙"])
    }
}
