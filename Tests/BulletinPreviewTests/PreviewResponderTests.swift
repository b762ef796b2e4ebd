import BulletinKit
import BulletinLoad
import BulletinModel
import BulletinSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BulletinPreview

/// The preview server in process: its responder over a site the build engine made, and the
/// live-reload state it sends to open pages, from the engine's own reports.
@Suite final class PreviewResponderTests {
    let root: URL
    let folders: PipelineFolders

    init() throws {
        let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        root = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-preview-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: project.appendingPathComponent("Tests/Fixture/Content"), to: root.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: project.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        var folders = PipelineFolders(content: root.appendingPathComponent("Content").path,
                                      templates: root.appendingPathComponent("Templates").path,
                                      output: root.appendingPathComponent("preview/site").path)
        folders.outputDisplay = "(preview)"
        self.folders = folders
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    func engine() throws -> BuildEngine {
        BuildEngine(folders: folders, options: BuildOptions(asOf: try PartialDate(parsing: "2023-06-01"), baseURL: "http://127.0.0.1:8000/"))
    }

    func application(_ hub: LiveReloadHub, language: Language = .english) -> some ApplicationProtocol {
        Application(responder: PreviewResponder(root: folders.output, hub: hub, language: language))
    }

    @Test func servesTheSiteWithTheLiveScriptInPagesOnly() async throws {
        #expect(try engine().run(writing: true).succeeded)
        try await application(LiveReloadHub()).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = String(buffer: response.body)
                #expect(page.contains("重庆市家庭教育创新实践基地") && page.contains("<script src=\"/__bulletin/live.js\" defer></script>"))
            }
            try await client.execute(uri: "/robots.txt", method: .get) { response in
                #expect(response.status == .ok && !String(buffer: response.body).contains("live.js"))
            }
            try await client.execute(uri: "/bases/wanzhou-shahe-primary", method: .get) { response in
                #expect(response.status == .movedPermanently && response.headers[.location] == "/bases/wanzhou-shahe-primary/")
            }
            try await client.execute(uri: "/no/such/page/", method: .get) { response in
                #expect(response.status == .notFound && String(buffer: response.body).contains("页面未找到"))
            }
            try await client.execute(uri: "/%2e%2e/%2e%2e/etc/passwd", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/", method: .post) { response in
                #expect(response.status == .methodNotAllowed)
            }
            try await client.execute(uri: "/__bulletin/live.js", method: .get) { response in
                #expect(response.status == .ok && String(buffer: response.body).contains("EventSource"))
            }
        }
    }

    /// With a folder 'evil.example' in the site, '//evil.example' must not become a redirect to
    /// '//evil.example/', which a browser follows to that host.
    @Test func redirectsOnlyToItsOwnPaths() async throws {
        #expect(try engine().run(writing: true).succeeded)
        let lookalike = folders.output.appendingPathComponent("evil.example")
        try FileManager.default.createDirectory(at: lookalike, withIntermediateDirectories: true)
        try Data("<p>x</p>".utf8).write(to: lookalike.appendingPathComponent("index.html"))
        try await application(LiveReloadHub()).test(.router) { client in
            for uri in ["//evil.example", "/\\evil.example", "/%2F%2Fevil.example", "/%5Cevil.example"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound && response.headers[.location] == nil, "\(uri)")
                    #expect(String(buffer: response.body).contains("页面未找到"), "\(uri)")
                }
            }
            try await client.execute(uri: "/bases", method: .get) { response in
                #expect(response.status == .movedPermanently && response.headers[.location] == "/bases/")
            }
        }
    }

    @Test func beforeAnySiteThePageSaysSoAndCarriesTheLiveScript() async throws {
        try await application(LiveReloadHub(), language: .chinese).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("<html lang=\"zh-Hans\">"))
                #expect(String(buffer: response.body).contains("预览尚未生成") && String(buffer: response.body).contains("live.js"))
                // Read on a phone, the error list is at the phone's width, not a desktop page shrunk to it.
                #expect(String(buffer: response.body).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
            }
        }
        try await application(LiveReloadHub()).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(String(buffer: response.body).contains("<html lang=\"en\">"))
                #expect(String(buffer: response.body).contains("The preview has not been built yet.") && String(buffer: response.body).contains("live.js"))
            }
        }
    }

    /// The overlay's fixed texts come from the catalogue, in the server's language.
    @Test func theOverlaySpeaksTheServersLanguage() async throws {
        let chinese = LiveScript.source(in: .chinese)
        #expect(chinese.contains(#"var texts = {"lang":"zh-Hans","title":"内容有错误，预览未更新（{count} 处）","note":"改正下列文件后，本页会自动刷新。","hint":"提示："};"#))
        let english = LiveScript.source(in: .english)
        #expect(english.contains(#"var texts = {"lang":"en","title":"The content has errors; the preview was not updated ({count})","note":"Correct the files below and this page reloads by itself.","hint":"hint: "};"#))
        #expect(!english.contains("/*TEXTS*/"))
        try await application(LiveReloadHub(), language: .chinese).test(.router) { client in
            try await client.execute(uri: LiveScript.path, method: .get) { response in
                #expect(String(buffer: response.body) == chinese)
            }
        }
    }

    struct State: Decodable {
        struct Entry: Decodable {
            var location: String
            var message: String
            var hint: String?
        }
        var version: Int
        var errors: [Entry]
    }

    /// An event's state: `event: state`, then `data: {"version":N,"errors":[…]}`.
    func state(_ event: String?) throws -> State {
        let event = try #require(event)
        let prefix = "event: state\ndata: "
        #expect(event.hasPrefix(prefix) && event.hasSuffix("\n\n"), "\(event)")
        return try JSONDecoder().decode(State.self, from: Data(event.dropFirst(prefix.count).utf8))
    }

    /// Pages reload on a new version and cover themselves with the errors while there are any.
    @Test func openPagesAreToldOfEachChangeAndOfErrorsUntilFixed() async throws {
        let engine = try engine()
        let hub = LiveReloadHub()
        let first = engine.run(writing: true)
        #expect(await hub.publish(first))
        // The first line counts pages as `build` does: the feed, sitemap and search index apart.
        let pages = first.changedPaths.count { $0.hasSuffix(".html") }
        let data = first.generatedFiles - pages
        #expect(pages > 10 && data > 10)
        #expect(RebuildReporter.summary(first, initial: true).text(in: .chinese).hasPrefix("已生成 \(pages) 个页面和 \(data) 个数据文件，用时 "))
        let (id, stream) = await hub.subscribe()
        var events = stream.makeAsyncIterator()
        #expect(await events.next() == "retry: 1000\n\n")
        let initial = try state(await events.next())
        #expect(initial.version == 1 && initial.errors.isEmpty)

        #expect(await hub.publish(engine.run(writing: true)) == false, "nothing changed: open pages are not told")

        let writeUp = folders.content.appendingPathComponent("bases/wanzhou-shahe-primary/example-practice.md")
        let text = try String(contentsOf: writeUp, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "kind: practice", with: "kind: practise").utf8).write(to: writeUp)
        let broken = engine.run(writing: true)
        #expect(!broken.succeeded)
        #expect(await hub.publish(broken))
        let error = try state(await events.next())
        #expect(error.version == 2 && error.errors.map(\.message) == ["unknown kind 'practise'"])
        #expect(error.errors.first?.location.contains("bases/wanzhou-shahe-primary/example-practice.md:") == true)
        // A server started in Chinese sends the same errors in Chinese.
        let chineseHub = LiveReloadHub(language: .chinese)
        await chineseHub.publish(broken)
        let (chineseID, chineseStream) = await chineseHub.subscribe()
        var chineseEvents = chineseStream.makeAsyncIterator()
        _ = await chineseEvents.next()
        let chinese = try state(await chineseEvents.next())
        #expect(chinese.errors.map(\.message) == ["无法识别的类型 'practise'"])
        #expect(chinese.errors.map(\.hint) == ["是否应为 'practice'？可用的值：practice (特色做法), report (年度报告), event (活动)"])
        await chineseHub.finish(chineseID)
        #expect(RebuildReporter.summary(broken, initial: false).text(in: .english).hasPrefix("1 error; the preview shows them until they are fixed ("))
        #expect(RebuildReporter.summary(broken, initial: false).text(in: .chinese).hasPrefix("1 个错误；改正之前，预览页面上会一直显示（"))

        try Data(text.replacingOccurrences(of: "## 做法概述", with: "## 做法概述\n\n补充的一段。").utf8).write(to: writeUp)
        let fixed = engine.run(writing: true)
        #expect(fixed.succeeded && fixed.changedPaths.contains("bases/wanzhou-shahe-primary/example-practice/index.html"))
        #expect(await hub.publish(fixed))
        let cleared = try state(await events.next())
        #expect(cleared.version == 3 && cleared.errors.isEmpty)
        let rebuilt = RebuildReporter.summary(fixed, initial: false)
        #expect(rebuilt.text(in: .english).hasPrefix("rebuilt: 1 changed file, "), "\(rebuilt.text(in: .english))")
        #expect(rebuilt.text(in: .chinese).hasPrefix("已重新生成：1 个文件有改动，"), "\(rebuilt.text(in: .chinese))")
        await hub.finish(id)
    }
}
