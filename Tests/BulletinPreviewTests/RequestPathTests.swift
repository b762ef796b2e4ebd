import Foundation
import Testing
@testable import BulletinPreview

/// A class, so that each test's folder is removed when the test is done with it.
@Suite final class RequestPathTests {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("bases/a"), withIntermediateDirectories: true)
        try Data("<p>a</p>".utf8).write(to: root.appendingPathComponent("bases/a/index.html"))
        try Data("x".utf8).write(to: root.appendingPathComponent("index.html"))
        try Data("marker".utf8).write(to: root.appendingPathComponent(".bulletin-build"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("escape"), withDestinationURL: URL(fileURLWithPath: "/etc"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("passwd.html"), withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    @Test func servesFilesAndFolders() {
        #expect(RequestPath.resolve("/", in: root) == .file(root.resolvingSymlinksInPath().appendingPathComponent("index.html")))
        #expect(RequestPath.resolve("/bases/a/", in: root) == .file(root.resolvingSymlinksInPath().appendingPathComponent("bases/a/index.html")))
        #expect(RequestPath.resolve("/bases/a", in: root) == .redirect("/bases/a/"))
        #expect(RequestPath.resolve("/bases/b/", in: root) == .notFound)
    }

    @Test(arguments: ["/../etc/passwd", "/bases/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/%2E%2E/etc/passwd",
                      "/bases/%2e%2e/%2e%2e/etc/passwd", "/..%2fetc/passwd", "/a\\..\\b", "/%00", "/./index.html"])
    func refusesTraversal(_ path: String) {
        #expect(RequestPath.resolve(path, in: root) == .badRequest)
    }

    /// A browser reads '//host' and '/\host' as another server: such a path is no file here, and a
    /// folder of that name is never redirected to.
    @Test(arguments: ["//evil.example", "//evil.example/", "/\\evil.example", "/%2F%2Fevil.example", "/%2f%2fevil.example",
                      "/%2Fevil.example", "/%2F/evil.example", "/%5Cevil.example", "/%5cevil.example", "/%5C%5Cevil.example",
                      "/bases\\a", "/bases%5Ca"])
    func pathsNamingAnotherServerAreNotFound(_ path: String) throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("evil.example"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent("evil.example/index.html"))
        #expect(RequestPath.resolve(path, in: root) == .notFound)
    }

    @Test func aRedirectIsAlwaysOnePathOfThisServer() {
        #expect(RequestPath.resolve("/bases%2Fa", in: root) == .redirect("/bases/a/"))
        #expect(RequestPath.resolve("/bases//a", in: root) == .redirect("/bases/a/"))
        #expect(RequestPath.resolve("%2F", in: root) == .redirect("/"))
    }

    @Test func linksOutOfTheFolderAndHiddenFilesAreNotFound() {
        #expect(RequestPath.resolve("/escape/passwd", in: root) == .notFound)
        #expect(RequestPath.resolve("/passwd.html", in: root) == .notFound)
        #expect(RequestPath.resolve("/.bulletin-build", in: root) == .notFound)
        #expect(RequestPath.resolve("//etc/passwd", in: root) == .notFound)
    }

    @Test func contentTypesCarryUTF8() {
        #expect(RequestPath.contentType(for: URL(fileURLWithPath: "/x/index.html")) == "text/html; charset=utf-8")
        #expect(RequestPath.contentType(for: URL(fileURLWithPath: "/static/style.css")) == "text/css; charset=utf-8")
        #expect(RequestPath.contentType(for: URL(fileURLWithPath: "/static/care.js")) == "text/javascript; charset=utf-8")
        #expect(RequestPath.contentType(for: URL(fileURLWithPath: "/feed.xml")) == "application/atom+xml; charset=utf-8")
        #expect(RequestPath.contentType(for: URL(fileURLWithPath: "/sitemap.xml")) == "application/xml; charset=utf-8")
        #expect(RequestPath.contentType(for: URL(fileURLWithPath: "/search/index.json")) == "application/json; charset=utf-8")
    }

    @Test func theLiveScriptGoesIntoPagesOnly() {
        #expect(LiveScript.inject(into: "<html><body><p>x</p></body></html>") ==
                "<html><body><p>x</p><script src=\"/__bulletin/live.js\" defer></script></body></html>")
    }
}
