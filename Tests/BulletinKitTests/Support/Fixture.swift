import Foundation
@testable import BulletinKit

/// A throw-away copy of the project's real Content/ and Templates/ in a temporary folder,
/// for tests that edit content and build it.
struct Fixture {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["Content", "Templates"] {
            try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent(folder),
                                             to: root.appendingPathComponent(folder))
        }
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

    /// The files of a clean build of the content as it is now, without the marker of a published
    /// folder: what a preview folder must hold.
    func cleanBuild() throws -> [String: Data] {
        try? FileManager.default.removeItem(at: url("Public"))
        try? FileManager.default.removeItem(at: BuildManifest.fileName(for: url("Public")))
        try? FileManager.default.removeItem(at: PreviousSite.folder(for: url("Public")))
        _ = try build()
        var clean = try snapshot("Public")
        clean.removeValue(forKey: "/" + OutputWriter.markerName)
        return clean
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
