import Foundation
@testable import BulletinKit
@testable import BulletinLoad
@testable import BulletinModel
@testable import BulletinPlan
@testable import BulletinRender
@testable import BulletinSearch
@testable import BulletinSupport
@testable import BulletinWrite
@testable import Mustache

/// A throw-away copy of the tests' own content (`Tests/Fixture/Content`, frozen: editors changing
/// the site's Content/ break no test) and the project's theme (Templates/) in a temporary folder,
/// for tests that edit content and build it.
struct Fixture {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("Tests/Fixture/Content"),
                                         to: root.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("Templates"),
                                         to: root.appendingPathComponent("Templates"))
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    var folders: PipelineFolders {
        var folders = PipelineFolders()
        folders.content = root.appendingPathComponent("Content")
        folders.templates = root.appendingPathComponent("Templates")
        folders.output = root.appendingPathComponent("Public")
        return folders
    }

    func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }

    func write(_ relative: String, _ text: String) throws {
        try FileManager.default.createDirectory(at: url(relative).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url(relative))
    }

    func writeData(_ relative: String, _ data: Data) throws {
        try data.write(to: url(relative))
    }

    /// Replaces the first occurrence of `old` in a file; fails if it is not there.
    /// An address a site is published at (a build for publishing refuses the fixture's localhost).
    static let publishedAddress = "https://jtjy.cqwomen.cn/"

    /// A named pipe, which waits for a writer when it is opened for reading.
    func makePipe(_ relative: String) throws {
        let url = url(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard mkfifo(url.path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    func edit(_ relative: String, replacing old: String, with new: String) throws {
        let text = try read(relative)
        guard let range = text.range(of: old) else { throw FixtureError.textNotFound(old, relative) }
        try write(relative, text.replacingCharacters(in: range, with: new))
    }

    func build(asOf: String = "2023-06-01", baseURL: String? = nil) throws -> PipelineReport {
        Pipeline.build(folders, options: BuildOptions(asOf: try PartialDate(parsing: asOf), baseURL: baseURL))
    }

    func check() throws -> PipelineReport {
        Pipeline.check(folders, options: BuildOptions(asOf: try PartialDate(parsing: "2023-06-01")))
    }

    /// What a build of the content as it is now writes into a folder of its own (`Clean/`), made
    /// afresh: what a published folder must hold after any series of builds.
    func buildIntoNewFolder(precompress: Bool = false) throws -> [String: Data] {
        var clean = folders
        clean.output = url("Clean")
        for leftover in [clean.output, BuildManifest.fileName(for: clean.output), PreviousSite.folder(for: clean.output)] {
            try? FileManager.default.removeItem(at: leftover)
        }
        _ = Pipeline.build(clean, options: BuildOptions(asOf: try PartialDate(parsing: "2023-06-01"), baseURL: precompress ? Fixture.publishedAddress : nil, precompress: precompress))
        return try snapshot("Clean")
    }

    /// The files of a clean build of the content as it is now: what a preview folder must hold.
    func cleanBuild() throws -> [String: Data] {
        try buildIntoNewFolder()
    }

    /// Every file of the output folder with its bytes, to compare two builds or prove a folder unchanged.
    func snapshot(_ relative: String = "Public") throws -> [String: Data] {
        let base = url(relative)
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return result }
        for case let file as URL in enumerator {
            guard (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            result[String(file.path.dropFirst(base.path.count))] = try Data(contentsOf: file)
        }
        return result
    }
}

enum FixtureError: Error {
    case textNotFound(String, String)
}
