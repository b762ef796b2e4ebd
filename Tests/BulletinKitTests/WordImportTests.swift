import Foundation
import Testing
@testable import BulletinKit
@testable import BulletinLoad
@testable import BulletinModel
@testable import BulletinSupport

/// The rules applied to what pandoc writes for a Word document, on Markdown shaped as pandoc
/// writes it (GitHub-flavoured, unwrapped, no raw HTML): no pandoc is needed here. The import of
/// real .docx files, made with python-docx, is checked in Tests/SiteChecks/import_check.py.
@Suite struct WordImportTests {
    static let levels: [(String, Int?)] = [
        ("一、基本情况", 2), ("十二、其他", 2), ("二.主要做法", 2), ("（一）组织领导", 3), ("(三)经费保障", 3),
        ("1．分层开设课程", 4), ("1\\. 线上线下结合", 4), ("12、总结", 4), ("（1）低年级", nil), ("一是加强领导", nil),
        ("2023年工作", nil), ("10.5万人次参加", nil), ("图1　家长开放日", nil), ("学校成立领导小组", nil),
    ]

    /// 一、 is a section, （一） a part, 1. a point; （1） and numbers in the text are none.
    @Test(arguments: levels)
    func handTypedNumbersGiveHeadingLevels(_ text: String, _ level: Int?) {
        #expect(OfficialNumbers.headingLevel(of: Substring(text)) == level)
    }

    @Test func shortOrBoldNumberedParagraphsBecomeHeadings() {
        let body = ImportedMarkdown(pandoc: """
        沙河小学2023年家庭教育工作总结

        一、基本情况

        **（一）组织领导**

        （二）加强队伍建设。学校组建指导团队，每学期培训两次。

        **1．分层开设课程**

        按照三个学段开设课程，（1）低年级重习惯养成，（2）中年级重学习方法。

        1\\. 线上线下结合，每月一次专题讲座。

        **2．创新方式。**邀请优秀家长分享育儿经验。

        一、基本情况较好，学校领导重视，各项工作有序推进，取得了较为明显的成效，得到了家长的一致认可。

        """).body
        #expect(body == """
        ## 一、基本情况

        ### （一）组织领导

        ### （二）加强队伍建设

        学校组建指导团队，每学期培训两次。

        #### 1．分层开设课程

        按照三个学段开设课程，（1）低年级重习惯养成，（2）中年级重学习方法。

        1\\. 线上线下结合，每月一次专题讲座。

        #### 2．创新方式

        邀请优秀家长分享育儿经验。

        一、基本情况较好，学校领导重视，各项工作有序推进，取得了较为明显的成效，得到了家长的一致认可。

        """)
    }

    @Test func theTitleIsTheFirstLineAndLeavesTheBody() {
        let plain = ImportedMarkdown(pandoc: "**沙河小学家长学校工作总结**\n\n正文。\n")
        #expect(plain.title == "沙河小学家长学校工作总结")
        #expect(plain.body == "正文。\n")
        // A Word heading style; the next heading a level below the page's title.
        let styled = ImportedMarkdown(pandoc: "# 亲子阅读节\n\n## 活动过程\n\n### 签到\n\n正文。\n")
        #expect(styled.title == "亲子阅读节")
        #expect(styled.body == "## 活动过程\n\n### 签到\n\n正文。\n")
        // Under a title typed as a paragraph, Word's level 1 is the first level below it.
        #expect(ImportedMarkdown(pandoc: "亲子阅读节\n\n# 活动过程\n\n正文。\n").body == "## 活动过程\n\n正文。\n")
        // A first paragraph that is a sentence, a heading or a photo is no title.
        #expect(ImportedMarkdown(pandoc: "学校开展了活动。现总结如下。\n").title == nil)
        #expect(ImportedMarkdown(pandoc: "一、基本情况\n\n正文。\n").title == nil)
        #expect(ImportedMarkdown(pandoc: "![](./media/image1.jpg)\n").title == nil)
        #expect(ImportedMarkdown(pandoc: "# 一、活动背景\n\n正文。\n").title == nil)
        // An addressee first: the first Word heading of level 1 is the title.
        let addressed = ImportedMarkdown(pandoc: "各区县妇联：\n\n# 沙河小学工作总结\n\n正文。\n")
        #expect(addressed.title == "沙河小学工作总结")
        #expect(addressed.body == "各区县妇联：\n\n正文。\n")
    }

    @Test func theDateIsTheLastDateLine() {
        let document = ImportedMarkdown(pandoc: "标题\n\n（2023年3月1日）\n\n正文写于2022年12月5日。\n\n万州区沙河小学\n\n２０２３年５月１２日\n")
        #expect(document.date == PartialDate(year: 2023, month: 5, day: 12))
        #expect(ImportedMarkdown(pandoc: "标题\n\n2021年6月\n").date == PartialDate(year: 2021, month: 6))
        #expect(ImportedMarkdown(pandoc: "标题\n\n正文写于2022年12月5日。\n").date == nil)
        #expect(ImportedMarkdown(pandoc: "标题\n\n2023年2月30日\n").date == nil)
    }

    /// Manual line breaks (Shift-Enter) are joined, with no space between Chinese characters;
    /// full-width indents, empty paragraphs and invisible characters go.
    @Test func wordsHabitsAreCleaned() {
        let body = ImportedMarkdown(pandoc: """
        　　学校成立领导小组，校长任组长，  
        分管副校长任副组长。\u{200B}

        　　

        ** **

        Parents met on\\
        Friday.

        """).body
        #expect(body == "学校成立领导小组，校长任组长，分管副校长任副组长。\n\nParents met on Friday.\n")
    }

    @Test func tablesAndWordListsAreKeptAsPandocWroteThem() {
        let table = """
        | 序号 | 活动名称   |
        |------|------------|
        | 1    | 家长开放日 |
        """
        let list = "1.  第一项\n\n    续段。\n\n2.  第二项"
        let body = ImportedMarkdown(pandoc: "标题\n\n\(table)\n\n\(list)\n").body
        #expect(body == "\(table)\n\n\(list)\n")
    }

    @Test func photosAreRenamedAndDescribed() {
        let document = ImportedMarkdown(pandoc: """
        标题

        ![](./media/image1.jpg)

        图1　家长开放日活动现场

        ![签到处](./media/image2.png "签到")

        ![](./media/image3.jpeg)

        正文。

        """, images: ["./media/image1.jpg": "../../assets/t-1.jpg", "./media/image2.png": "../../assets/t-2.png",
                      "./media/image3.jpeg": "../../assets/t-3.jpg"])
        #expect(document.body == """
        ![家长开放日活动现场](../../assets/t-1.jpg)

        图1　家长开放日活动现场

        ![签到处](../../assets/t-2.png "签到")

        ![【待填写】照片说明](../../assets/t-3.jpg)

        正文。

        """)
    }

    /// CommonMark has no footnotes: the mark becomes [1] and the note goes under 注释 at the end.
    @Test func footnotesBecomeNumberedNotes() {
        let body = ImportedMarkdown(pandoc: """
        标题

        依据《家庭教育促进法》[^1]开展工作[^note]。

        [^1]: 自2022年1月1日起施行。

        [^note]: 见附件。

            第二段。

        """).body
        #expect(body == """
        依据《家庭教育促进法》\\[1\\]开展工作\\[2\\]。

        ## 注释

        \\[1\\] 自2022年1月1日起施行。

        \\[2\\] 见附件。

        第二段。

        """)
    }

    /// Anything but a zip archive named .docx is refused before pandoc runs, with what to do.
    @Test func oldAndBrokenDocumentsAreNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-import-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let compound = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 64))
        let cases: [(String, Data, MessageCode)] = [
            ("报告.doc", compound, .importOldWord), ("报告.wps", compound, .importWPS), ("报告.pdf", Data("%PDF-1.7".utf8), .importNotWord),
            ("改名.docx", compound, .importOldFormatNamedDocx), ("坏了.docx", Data("not a zip".utf8), .importBrokenDocx),
        ]
        for (name, bytes, code) in cases {
            let url = folder.appendingPathComponent(name)
            try bytes.write(to: url)
            #expect(throws: WordImport.Problem.document(path: name, Message(code, code == .importNotWord ? ["extension": "pdf"]
                                                                            : code == .importWPS ? ["extension": "wps"] : [:]))) {
                try WordImport.checkFormat(of: url, shownAs: name)
            }
        }
        #expect(throws: WordImport.Problem.document(path: "无.docx", Message(.importFileMissing))) {
            try WordImport.checkFormat(of: folder.appendingPathComponent("无.docx"), shownAs: "无.docx")
        }
        #expect(Message(.importOldWord).formatted(in: .chinese).contains("另存为"))
    }

    /// Photos get the write-up's name and a number, never one a file in assets/ has.
    @Test func photoNamesAreNew() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.writeData("Content/assets/kai-fang-ri-1.jpg", Data([1]))
        let context = ScaffoldContext.read(fixture.url("Content"), displayRoot: "Content")
        let output = Pandoc.Output(markdown: "![](./media/image1.jpeg)\n\n![](./media/image2.png)\n\n![](./media/image1.jpeg)\n",
                                   mediaFolder: fixture.url("media"))
        #expect(WordImport.photoNames(for: output, slug: "kai-fang-ri", in: context)
            == ["./media/image1.jpeg": "kai-fang-ri-2.jpg", "./media/image2.png": "kai-fang-ri-3.png"])
    }

    /// A Word drawing or a TIFF scan is saved, and named as a picture no browser shows.
    @Test func picturesBrowsersDoNotShowAreNamed() {
        let imported = WordImport.Imported(relativePath: "bases/b/t.md", baseID: "b", baseFoundByName: nil,
                                           photos: ["assets/t-1.jpg", "assets/t-2.emf", "assets/t-3.TIFF"], dated: true)
        #expect(imported.picturesNotForWeb(shownIn: "Content") == [
            Message(.importPhotoNotForWeb, ["path": "Content/assets/t-2.emf", "extension": "emf"]),
            Message(.importPhotoNotForWeb, ["path": "Content/assets/t-3.TIFF", "extension": "tiff"]),
        ])
    }

    /// A .docx in a base's folder that no page links to is published without a word: a warning
    /// at the file, gone once a write-up links to it.
    @Test func anUnlinkedWordDocumentInABaseFolderIsAWarning() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.writeData("Content/bases/wanzhou-shahe-primary/工作总结.docx", Data([0x50, 0x4B, 3, 4]))
        let warning = "Content/bases/wanzhou-shahe-primary/工作总结.docx:1:1: warning: no write-up links to this Word document, "
            + "so it is published without a word about it\n    hint: import it as a write-up with "
            + "`bulletin import Content/bases/wanzhou-shahe-primary/工作总结.docx --base wanzhou-shahe-primary`, "
            + "or link it from a write-up: [title](工作总结.docx)"
        #expect(try fixture.check().diagnostics.warnings.map(\.formatted).contains(warning))
        try fixture.write("Content/bases/wanzhou-shahe-primary/zong-jie.md", """
        ---
        title: 工作总结
        date: 2023-05-12
        kind: practice
        ---

        全文见[工作总结](工作总结.docx)。

        """)
        #expect(try !fixture.check().diagnostics.warnings.contains { $0.formatted.contains(".docx:1:1") })
    }
}
