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

/// Builds the project's real content into a temporary folder and reads the pages.
@Suite struct BuildTests {
    @Test func everyPageKindOfTheSiteMapIsBuilt() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let report = try fixture.build()
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics.errors.map(\.formatted))")
        #expect(report.wroteOutput)
        for path in ["index.html", "bulletins/index.html", "bulletins/2021/1/index.html", "bases/index.html",
                     "bases/wanzhou-shahe-primary/index.html", "bases/wanzhou-shahe-primary/example-practice/index.html",
                     "models/index.html", "models/home-school-community/index.html", "reports/index.html",
                     "notices/index.html", "notices/naming-2020/index.html", "notices/naming-2020/measures/index.html",
                     "notices/naming-2020/bases-2020/index.html", "about/index.html",
                     "feed.xml", "sitemap.xml", "robots.txt", "404.html"] {
            #expect(FileManager.default.fileExists(atPath: fixture.url("Public/" + path).path), "missing \(path)")
        }
    }

    /// The site chrome is converted once per section and shared by its pages: each page must
    /// still mark its own section, and only it, as the current one.
    @Test func theNavigationMarksEachPagesOwnSection() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let pages = ["index.html": "/", "bulletins/2021/1/index.html": "/bulletins/", "bases/index.html": "/bases/",
                     "bases/wanzhou-shahe-primary/example-practice/index.html": "/bases/", "models/index.html": "/models/",
                     "reports/index.html": "/reports/", "notices/naming-2020/index.html": "/notices/", "about/index.html": "/about/"]
        for (path, section) in pages {
            let page = try fixture.read("Public/" + path)
            #expect(page.components(separatedBy: "aria-current=\"page\"").count == 2, "\(path)")
            #expect(page.contains("<a href=\"\(section)\" aria-current=\"page\">"), "\(path)")
        }
    }

    @Test func allTwentyBasesHaveAPageAndAreNamedOnTheNotice() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let names = ["万州区沙河小学", "渝中区中华路小学校", "大渡口幼儿园", "江北区妇女儿童活动中心", "沙坪坝区覃家岗街道凤天路社区儿童之家",
                     "重庆外国语学校森林小学", "渝北区空港新城小学校", "巴南区花溪街道红光社区", "江津区妇女儿童活动中心",
                     "南川区东城街道灌坝社区家长学校", "大足区龙岗幼儿园", "璧山区七塘镇喜观村", "铜梁区巴川初级中学校",
                     "梁平区西苑小学", "武隆区实验中学", "城口县河鱼乡河鱼社区妇女儿童之家", "丰都县妇女儿童活动中心",
                     "云阳县妇女儿童中心", "秀山土家族苗族自治县图书馆", "沙坪坝区康居西城小学校"]
        let notice = try fixture.read("Public/notices/naming-2020/index.html")
        #expect(notice.contains("特命名重庆市万州区沙河小学等20家单位（机构）（见附件1）为“重庆市家庭教育创新实践基地”，基地有效期为5年（2020—2024年）。"))
        #expect(notice.contains("<time datetime=\"2020\">2020年</time>"))
        let list = try fixture.read("Public/notices/naming-2020/bases-2020/index.html")
        let basePages = try FileManager.default.contentsOfDirectory(atPath: fixture.url("Public/bases").path)
            .filter { !$0.hasSuffix(".html") }
        #expect(basePages.count == 20)
        var previous = notice.startIndex
        for name in names {
            #expect(list.contains(name), "\(name) missing from the list attachment")
            // The notice page shows the list in the notice's order.
            let found = notice.range(of: "\">\(name)</a>", range: previous..<notice.endIndex)
            #expect(found != nil, "\(name) missing or out of order on the notice page")
            previous = found?.upperBound ?? previous
        }
        let measures = try fixture.read("Public/notices/naming-2020/measures/index.html")
        #expect(measures.contains("第十条 本办法由市妇联家庭与儿童工作部、市教委基教处负责解释，自发布之日起实施。"))
        #expect(measures.contains("每年12月底之前由各区县妇联汇总"))
    }

    @Test func statusIsComputedForTheAsOfDay() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build(asOf: "2023-06-01")
        let during = try fixture.read("Public/bases/wanzhou-shahe-primary/index.html")
        #expect(during.contains("<span class=\"status status-valid\">有效</span>"))
        #expect(!during.contains("已期满"))
        _ = try fixture.build(asOf: "2026-11-29")
        let after = try fixture.read("Public/bases/wanzhou-shahe-primary/index.html")
        #expect(after.contains("<span class=\"status status-expired\">已期满</span>"))
        let directory = try fixture.read("Public/bases/index.html")
        #expect(directory.components(separatedBy: "status-expired\">已期满").count - 1 == 40) // by district and by category
    }

    @Test func directoryFollowsTheOfficialDistrictOrderWithTheUnknownDistrictLast() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let page = try fixture.read("Public/bases/index.html")
        let headings = page.components(separatedBy: "<h2 id=\"district-").dropFirst().map { $0.split(separator: "<").first.map { String($0.split(separator: ">").last ?? "") } ?? "" }
        #expect(headings == ["万州区", "渝中区", "大渡口区", "江北区", "沙坪坝区", "渝北区", "巴南区", "江津区", "南川区", "大足区", "璧山区",
                             "铜梁区", "梁平区", "武隆区", "城口县", "丰都县", "云阳县", "秀山土家族苗族自治县", "区县未注明"])
    }

    @Test func reportsMatrixShowsEveryBaseAndYear() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build(asOf: "2026-11-29")
        let page = try fixture.read("Public/reports/index.html")
        for year in 2020...2024 { #expect(page.contains("<th scope=\"col\">\(year)年</th>")) }
        #expect(page.components(separatedBy: "<th scope=\"row\">").count - 1 == 20)
        #expect(page.components(separatedBy: "class=\"report-missing\"").count - 1 == 99)
        // The example report shows the format and does not count as reported.
        #expect(page.components(separatedBy: "class=\"report-example\"").count - 1 == 1)
        #expect(!page.contains("class=\"report-reported\""))
    }

    /// Attachments are listed as government sites list them: 附件N：标题（PDF，120KB）.
    @Test func attachmentsShowTheirTypeAndSize() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.writeData("Content/assets/管理办法.pdf", Data(count: 122_000))
        try fixture.writeData("Content/assets/申报表.docx", Data(count: 2_200_000))
        try fixture.edit("Content/notices/naming-2020.md", replacing: "  - page: naming-2020/measures.md\n",
                         with: "  - page: naming-2020/measures.md\n  - title: 管理办法\n    file: ../assets/管理办法.pdf\n"
                             + "  - title: 申报表\n    file: ../assets/申报表.docx\n")
        _ = try fixture.build()
        let notice = try fixture.read("Public/notices/naming-2020/index.html")
        #expect(notice.contains("<li><a href=\"/assets/%E7%AE%A1%E7%90%86%E5%8A%9E%E6%B3%95.pdf\" download>附件3：管理办法</a>（PDF，120KB）</li>"),
                "\(notice)")
        #expect(notice.contains("<li><a href=\"/assets/%E7%94%B3%E6%8A%A5%E8%A1%A8.docx\" download>附件4：申报表</a>（DOCX，2.1MB）</li>"))
        #expect(notice.contains(">附件1：“重庆市家庭教育创新实践基地”名单</a></li>"), "a list rendered on the site has no file size")
    }

    @Test func examplesCarryAVisibleBanner() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        for path in ["bulletins/2021/1/index.html", "bases/wanzhou-shahe-primary/example-practice/index.html",
                     "bases/xiushan-library/example-report/index.html", "bases/bishan-xiguan-village/example-event/index.html"] {
            #expect(try fixture.read("Public/" + path).contains("<p class=\"example-banner\" role=\"note\"><strong>示例</strong>"), "\(path)")
        }
    }

    /// A pipe table in a write-up is a table on its page and in the bulletin that features it,
    /// named by the 表1 line above it, its links pointing at their pages.
    @Test func aPipeTableInAWriteUpIsATableWhereverTheWriteUpIsShown() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let report = try fixture.build()
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics.errors.map(\.formatted))")
        for path in ["bases/wanzhou-shahe-primary/example-practice/index.html", "bulletins/2021/1/index.html"] {
            let page = try fixture.read("Public/" + path)
            #expect(page.contains("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"表1 〔示例〕每月活动安排\">\n<table>\n"
                + "<caption>表1 〔示例〕每月活动安排</caption>\n<thead>\n<tr>\n<th scope=\"col\" class=\"align-center\">时间</th>\n"
                + "<th scope=\"col\">活动</th>"), "\(path)")
            #expect(page.contains("<td>〔依据<a href=\"/notices/naming-2020/measures/\">管理办法</a>写明内容〕</td>"), "\(path)")
            #expect(page.contains("<td>〔地点 | 时长〕</td>\n</tr>\n</tbody>\n</table>\n</div>"), "\(path)")
            #expect(!page.contains("<p>表1") && !page.contains("| 时间 |"), "\(path)")
        }
    }

    @Test func bulletinShowsTheOfficialParts() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let page = try fixture.read("Public/bulletins/2021/1/index.html")
        #expect(page.contains("<p class=\"bulletin-masthead\">重庆市家庭教育创新实践基地工作简报</p>"))
        // An example shows the layout and is not counted: no 总第N期.
        #expect(page.contains("第1期</p>") && !page.contains("总第"))
        #expect(page.contains("<span class=\"bulletin-editor\">重庆市妇联家庭与儿童工作部　重庆市教委基础教育处</span>"))
        #expect(page.contains("href=\"/bases/wanzhou-shahe-primary/example-practice/\""))
        #expect(!page.contains("bulletin-distribution"))
        // The featured write-ups' own headings sit below the item titles (h2).
        #expect(page.contains("<h3>做法概述</h3>") && !page.contains("<h2>做法概述</h2>"))
        #expect(!page.contains("密级") && !page.contains("内部资料"))
    }

    @Test func pagesAreHTML5InChinese() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let page = try fixture.read("Public/index.html")
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-Hans\">"))
        #expect(page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(page.contains("<meta name=\"SiteName\" content=\"重庆市家庭教育创新实践基地\">"))
        let notice = try fixture.read("Public/notices/naming-2020/index.html")
        #expect(notice.contains("<meta name=\"PubDate\" content=\"2020\">"))
        #expect(notice.contains("<meta name=\"ArticleTitle\" content=\"关于命名重庆市家庭教育创新实践基地的通知\">"))
    }

    @Test func feedSitemapAndRobotsUseTheBaseURL() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build(baseURL: "https://portal.example/zt/jiaoyu/")
        let feed = try fixture.read("Public/feed.xml")
        #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-Hans\">"))
        #expect(feed.contains("<id>https://portal.example/zt/jiaoyu/notices/naming-2020/</id>"))
        let sitemap = try fixture.read("Public/sitemap.xml")
        #expect(sitemap.contains("<loc>https://portal.example/zt/jiaoyu/bases/xiushan-library/</loc>"))
        #expect(!sitemap.contains("404"))
        #expect(try fixture.read("Public/robots.txt").contains("Sitemap: https://portal.example/zt/jiaoyu/sitemap.xml"))
    }

    @Test func everyInternalLinkStartsWithTheSubPath() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build(baseURL: "https://portal.example/zt/jiaoyu/")
        for (path, data) in try fixture.snapshot() where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for attribute in ["href=\"", "src=\""] {
                for part in html.components(separatedBy: attribute).dropFirst() {
                    let url = String(part.prefix { $0 != "\"" })
                    if url.hasPrefix("http") || url.hasPrefix("#") { continue }
                    #expect(url.hasPrefix("/zt/jiaoyu/"), "\(path): \(url)")
                    // The linked file exists in the output.
                    var target = String(url.dropFirst("/zt/jiaoyu/".count).prefix { $0 != "#" })
                    if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
                    #expect(FileManager.default.fileExists(atPath: fixture.url("Public/" + (target.removingPercentEncoding ?? target)).path),
                            "\(path) links to missing \(url)")
                }
            }
        }
    }

    /// A template variable that names no field renders as nothing; empty attributes are its trace.
    @Test func noTemplateVariableRendersEmpty() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        for (path, data) in try fixture.snapshot() where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for attribute in ["href", "src", "content", "colspan", "datetime", "id", "class", "aria-labelledby"] {
                #expect(!html.contains(" \(attribute)=\"\""), "\(path) has an empty \(attribute)")
            }
            #expect(!html.contains("<title></title>") && !html.contains("<h1></h1>"), "\(path)")
        }
    }

    /// Two builds of the same content into two folders, each written anew.
    @Test func twoBuildsAreByteIdentical() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        #expect(try fixture.build().wroteOutput)
        let first = try fixture.snapshot()
        let second = try fixture.buildIntoNewFolder()
        #expect(first.count > 40)
        #expect(first == second)
    }

    @Test func checkWritesNothing() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let report = try fixture.check()
        #expect(!report.diagnostics.hasErrors)
        #expect(report.htmlPages == 42)
        #expect(!FileManager.default.fileExists(atPath: fixture.url("Public").path))
    }

    @Test func theUnknownDistrictIsAWarningNotAGuess() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let report = try fixture.check()
        #expect(report.diagnostics.warnings.map(\.message) == ["the base '重庆外国语学校森林小学' has no district; it is listed under 区县未注明"])
        #expect(try fixture.read("Content/bases.yaml").contains("id: sfls-forest-primary"))
    }
}

@Suite struct SiteOptionTests {
    @Test func rawHTMLOptInIsAWarning() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.edit("Content/site.yaml", replacing: "  unsafe: false", with: "  unsafe: true")
        try fixture.edit("Content/pages/about.md", replacing: "## 本站内容", with: "<div class=\"box\">框</div>\n\n## 本站内容")
        let report = try fixture.build()
        #expect(report.wroteOutput)
        #expect(report.diagnostics.warnings.contains { $0.message == "raw HTML in Markdown is published as written (markdown.unsafe is true)" })
        #expect(try fixture.read("Public/about/index.html").contains("<div class=\"box\">框</div>"))
    }

    @Test func textIsEscapedEvenBeforeACombiningMark() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        // '"' followed by U+0301 is one Character: escaping Character by Character would let it
        // close the attribute the title is written into.
        let title = "开放日\"\u{301} onmouseover=\"alert(1)\" <b>&'"
        try fixture.write("Content/bases/wanzhou-shahe-primary/open-day.md",
                          "---\ntitle: '\(title.replacingOccurrences(of: "'", with: "''"))'\ndate: 2021-05-12\nkind: event\n---\n正文。\n")
        _ = try fixture.build()
        let page = try fixture.read("Public/bases/wanzhou-shahe-primary/open-day/index.html")
        let escaped = "<meta property=\"og:title\" content=\"开放日&quot;\u{301} onmouseover=&quot;alert(1)&quot; &lt;b&gt;&amp;&#39;\">"
        let unescaped = "\"\u{301} onmouseover"
        #expect(page.contains(escaped))
        #expect(!page.contains(unescaped))
        #expect(HTMLEscaping.escape("家校社") == "家校社")
        let feed = try fixture.read("Public/feed.xml")
        #expect(feed.contains("<title>开放日&quot;\u{301} onmouseover=&quot;alert(1)&quot; &lt;b&gt;&amp;&apos;</title>"))
        #expect(!feed.contains(unescaped))
        #expect(XMLText.escape("家校社") == "家校社")
    }

    @Test func rawHTMLIsDroppedByDefault() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.edit("Content/pages/about.md", replacing: "## 本站内容", with: "<script>alert(1)</script>\n\n## 本站内容")
        _ = try fixture.build()
        #expect(try !fixture.read("Public/about/index.html").contains("alert(1)"))
    }

    @Test func aRevokedBaseKeepsItsPagesUnderANotice() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.edit("Content/bases.yaml", replacing: "    category: village\n    batch: \"2020\"\n",
                         with: "    category: village\n    batch: \"2020\"\n    revoked:\n      date: 2022-03\n      reason: 测试用撤销原因\n      notice: naming-2020\n")
        _ = try fixture.build(asOf: "2023-06-01")
        let page = try fixture.read("Public/bases/bishan-xiguan-village/index.html")
        #expect(page.contains("<span class=\"status status-revoked\">已撤销</span>"))
        #expect(page.contains("本基地名称已于2022年3月撤销。原因：测试用撤销原因"))
        let writeUp = try fixture.read("Public/bases/bishan-xiguan-village/example-event/index.html")
        #expect(writeUp.contains("璧山区七塘镇喜观村的基地名称已于2022年3月撤销"))
        // Before the revocation date the base is still valid.
        _ = try fixture.build(asOf: "2022-02-28")
        #expect(try fixture.read("Public/bases/bishan-xiguan-village/index.html").contains("status-valid\">有效"))
    }

    @Test func draftsArePublishedOnlyWhenAskedFor() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("Content/bases/xiushan-library/reading-week.md", "---\ntitle: 草稿\ndate: 2021-04\nkind: event\ndraft: true\n---\n正文\n")
        _ = try fixture.build()
        #expect(!FileManager.default.fileExists(atPath: fixture.url("Public/bases/xiushan-library/reading-week/index.html").path))
        _ = Pipeline.build(fixture.folders, options: BuildOptions(asOf: try PartialDate(parsing: "2023-06-01"), includeDrafts: true))
        #expect(FileManager.default.fileExists(atPath: fixture.url("Public/bases/xiushan-library/reading-week/index.html").path))
    }
}

@Suite struct FooterTests {
    @Test func footerFieldsAppearOnlyWhenSet() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let bare = try fixture.read("Public/index.html")
        #expect(!bare.contains("网站标识码") && !bare.contains("beian.miit.gov.cn") && !bare.contains("承办单位"))
        try fixture.edit("Content/site.yaml", replacing: "footer: {}", with: """
            footer:
              siteCode: "5000000001"
              icp: 渝ICP备00000000号
              publicSecurity: 渝公网安备 00000000000000号
              organizer: 承办示例单位
              contact: 023-00000000
            """)
        _ = try fixture.build()
        let page = try fixture.read("Public/index.html")
        #expect(page.contains("<p>网站标识码：5000000001</p>"))
        #expect(page.contains("<meta name=\"SiteIDCode\" content=\"5000000001\">"))
        #expect(page.contains("<a href=\"https://beian.miit.gov.cn/\">渝ICP备00000000号</a>"))
        #expect(page.contains("渝公网安备 00000000000000号"))
        #expect(page.contains("<p>承办单位：承办示例单位</p>"))
        #expect(page.contains("<p>联系方式：023-00000000</p>"))
    }

    @Test func everyPageCarriesTheElderlyToolbarHiddenUntilItsScriptRuns() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        for (path, data) in try fixture.snapshot() where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(html.contains("<div class=\"care-toolbar\" id=\"care-toolbar\" hidden>"), "\(path)")
            #expect(html.range(of: #"<script src="/static/care\.[0-9a-f]{16}\.js"></script>"#, options: .regularExpression) != nil, "\(path)")
            #expect(html.contains("<a class=\"skip-link\" href=\"#main\">跳到正文</a>"), "\(path)")
            #expect(html.components(separatedBy: "<h1").count == 2, "\(path) must have exactly one h1")
        }
    }
}

@Suite struct PublishingTests {
    @Test func themeFilesCarryAFingerprintThatFollowsTheirContent() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let names = try FileManager.default.contentsOfDirectory(atPath: fixture.url("Public/static").path).sorted()
        #expect(names.count == 3 && names.allSatisfy { $0.range(of: #"^(care|search|style)\.[0-9a-f]{16}\.(css|js)$"#, options: .regularExpression) != nil })
        let style = names.first { $0.hasPrefix("style.") }!
        #expect(try fixture.read("Public/index.html").contains("<link rel=\"stylesheet\" href=\"/static/\(style)\">"))
        try fixture.write("Templates/static/style.css", try fixture.read("Templates/static/style.css") + "\n/* changed */\n")
        _ = try fixture.build()
        let changed = try FileManager.default.contentsOfDirectory(atPath: fixture.url("Public/static").path).first { $0.hasPrefix("style.") }!
        #expect(changed != style)
    }

    @Test func precompressedCopiesAreWrittenOnRequestAndAreIdenticalOnEveryBuild() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let options = BuildOptions(asOf: try PartialDate(parsing: "2023-06-01"), baseURL: Fixture.publishedAddress, precompress: true)
        #expect(Pipeline.build(fixture.folders, options: options).wroteOutput)
        let first = try fixture.snapshot()
        #expect(first["/index.html.gz"] != nil && first["/feed.xml.gz"] != nil && first["/robots.txt.gz"] == nil)
        #expect(try fixture.buildIntoNewFolder(precompress: true) == first, "a second build, into a folder of its own")
    }

    /// A compressed file beside its original in the content folder would meet the copy that
    /// --precompress makes; without that option both are published as they are.
    @Test func aContentFileWhereACompressedCopyGoesIsRefusedOnlyWhenCopiesAreMade() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("Content/assets/extra.css", String(repeating: "p { margin: 0; }\n", count: 100))
        try fixture.write("Content/assets/extra.css.gz", "not really gzip\n")
        let precompressing = Pipeline.build(fixture.folders, options: BuildOptions(asOf: try PartialDate(parsing: "2023-06-01"), baseURL: Fixture.publishedAddress, precompress: true))
        #expect(precompressing.diagnostics.errors.map(\.formatted).contains {
            $0.hasPrefix("Content/assets/extra.css.gz:1:1: error: this file would be published at /assets/extra.css.gz, where --precompress may write the compressed copy of /assets/extra.css")
        })
        #expect(!precompressing.wroteOutput)
        let plain = try fixture.build()
        #expect(!plain.diagnostics.hasErrors && plain.wroteOutput)
        #expect(try fixture.read("Public/assets/extra.css.gz") == "not really gzip\n")
    }
}

@Suite struct UpToDateTests {
    /// The manifest is written by hand and read by the decoder: names with quotes, backslashes,
    /// controls and Chinese come back as they went in.
    @Test func theManifestReadsBackAsItWasWritten() throws {
        let manifest = BuildManifest(tool: "12:3.4:5 \"bulletin\"", options: ["as-of 2023-06-01", "content /tmp/内容\\x"],
                                     inputs: ["content/bases/家校/a.md": "10:1.2:3", "content/a\u{1}b\tc\"d": "", "templates/x": "1:1.1:1"],
                                     digest: "00ff")
        let written = [WrittenFile(path: "bases/家校/a/index.html", stamp: FileStamp(seconds: 1, nanoseconds: 2, size: 3, inode: 4)),
                       WrittenFile(path: "q\"\\\n.html", stamp: nil)]
        let diagnostics = [Diagnostic.warning(at: SourceLocation(path: "Content/bases.yaml", line: 3, column: 5), .yamlFileUnused)]
        let bytes = try #require(manifest.encoded(outputs: written, diagnostics: diagnostics))
        var expected = manifest
        expected.outputs = ["bases/家校/a/index.html": "3:1.2:4", "q\"\\\n.html": ""]
        expected.diagnostics = diagnostics
        #expect(try JSONDecoder().decode(BuildManifest.self, from: Data(bytes)) == expected)
    }

    @Test func anUnchangedSiteIsNotBuiltAgain() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let first = try fixture.build()
        #expect(first.wroteOutput && !first.upToDate)
        let published = try fixture.snapshot()
        let second = try fixture.build()
        // Nothing is built again, but the warnings of the last build are told again.
        #expect(second.upToDate && !second.wroteOutput && second.diagnostics.all == first.diagnostics.all && !first.diagnostics.hasErrors)
        #expect(try fixture.snapshot() == published)
    }

    @Test func anyChangeOfInputOptionOrOutputMeansAFullBuild() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        // The same text written again: a new stamp is enough.
        let path = "Content/pages/about.md"
        try fixture.write(path, try fixture.read(path))
        #expect(try !fixture.build().upToDate)
        #expect(try fixture.build().upToDate)
        #expect(try !fixture.build(asOf: "2024-01-01").upToDate, "another as-of day")
        #expect(try !fixture.build(baseURL: "https://portal.example/zt/jiaoyu/").upToDate, "another address")
        _ = try fixture.build()
        try FileManager.default.removeItem(at: fixture.url("Public/about/index.html"))
        #expect(try !fixture.build().upToDate, "an output file was removed")
        try fixture.write("Public/bases/index.html", "edited by hand")
        let rebuilt = try fixture.build()
        #expect(!rebuilt.upToDate && rebuilt.wroteOutput)
        #expect(try fixture.read("Public/bases/index.html").contains("<!DOCTYPE html>"))
        try fixture.write("Templates/partials/extra.mustache", "")
        #expect(try !fixture.build().upToDate, "a template was added")
    }

    /// A build killed between swapping the new site in and recording it must not leave a record
    /// that disowns the live site's files: every later build would refuse them as not its own.
    /// The record on disk at the swap owns the files of both folders and vouches for neither.
    @Test func theRecordWrittenBeforeTheSwapOwnsBothFolders() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString)/Public")
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let manifest = BuildManifest(tool: "1:1.1:1", options: ["as-of 2023-06-01"], inputs: ["content/a.md": "1:1.1:1"], digest: "0a")
        let live = ["index.html": "10:1.0:1", "removed/index.html": "20:1.0:2"]
        let written = [WrittenFile(path: "index.html", stamp: FileStamp(seconds: 2, nanoseconds: 0, size: 11, inode: 3)),
                       WrittenFile(path: "added/index.html", stamp: FileStamp(seconds: 2, nanoseconds: 0, size: 21, inode: 4))]
        let new = ["index.html": "11:2.0:3", "added/index.html": "21:2.0:4"]

        #expect(!manifest.write(outputs: written, alongside: live, diagnostics: Diagnostics(), for: output), "not exact for the new site")
        let owned = try #require(BuildManifest.recordedOutputs(for: output))
        #expect(owned == ["index.html", "removed/index.html", "added/index.html"])
        for folder in [live, new] {
            #expect(OutputGuard.unbuiltFiles(folder, written: owned, displayPath: "Public", contentDisplay: "Content").isEmpty)
            #expect(!BuildManifest.outputIsUpToDate(folder, with: manifest, previous: BuildManifest.read(for: output)))
        }
        // Once the new site is live, the exact record: the next build of the same inputs has nothing to do.
        #expect(manifest.write(outputs: written, diagnostics: Diagnostics(), for: output))
        #expect(BuildManifest.outputIsUpToDate(new, with: manifest, previous: BuildManifest.read(for: output)))
        // A site with the same files as the live one is exact at once, and written once.
        #expect(manifest.write(outputs: written, alongside: ["index.html": "10:1.0:1"], diagnostics: Diagnostics(), for: output))
        #expect(BuildManifest.outputIsUpToDate(new, with: manifest, previous: BuildManifest.read(for: output)))
    }

    /// The writer hands over the record's files while the live folder still holds the old site.
    @Test func theWriterCallsBeforeSwapWithTheOldSiteStillLive() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)/Public")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let page = { (text: String) -> @Sendable (Int, Bool) -> [OutputFile] in
            { _, _ in [OutputFile(path: "index.html", contents: .bytes(Array(text.utf8)))] }
        }
        try OutputWriter.publish(count: 1, to: output, displayPath: "Public", make: page("old"))
        var seen: (live: String, files: [String])?
        let written = try OutputWriter.publish(count: 1, to: output, displayPath: "Public", make: page("new")) { files in
            seen = ((try? String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)) ?? "", files.map(\.path))
        }
        #expect(seen?.live == "old" && seen?.files == ["index.html"] && written.map(\.path) == ["index.html"])
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "new")
    }

    @Test func aBuildThatRemovesOrAddsPagesLeavesAnExactRecord() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        try FileManager.default.removeItem(at: fixture.url("Content/pages/about.md"))
        #expect(try fixture.build().wroteOutput)
        #expect(try fixture.build().upToDate, "a page removed")
        try fixture.write("Content/pages/contact-hours.md", "---\ntitle: 办公时间\n---\n\n工作日办公。\n")
        #expect(try fixture.build().wroteOutput)
        #expect(try fixture.build().upToDate, "a page added")
    }

    @Test func aFailedBuildKeepsTheLastManifestTrue() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        _ = try fixture.build()
        let path = "Content/pages/about.md"
        let original = try fixture.read(path)
        try fixture.write(path, "---\ntitle: [\n---\n")
        #expect(try !fixture.build().wroteOutput)
        try fixture.write(path, original)
        // The content is back as it was, but its stamp is new: built again, identical to before.
        let published = try fixture.snapshot()
        let rebuilt = try fixture.build()
        #expect(rebuilt.wroteOutput)
        #expect(try fixture.snapshot() == published)
    }
}
