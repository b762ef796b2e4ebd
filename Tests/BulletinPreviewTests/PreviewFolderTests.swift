import Foundation
import Testing
@testable import BulletinKit
@testable import BulletinPreview

/// A class, so that the test's folder is removed when the test is done with it.
@Suite final class PreviewFolderTests {
    let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-preview-folders-\(UUID().uuidString)")

    deinit {
        try? FileManager.default.removeItem(at: temporary)
    }

    @Test func aKilledSessionsFolderIsRemovedByTheNextAndARunningOnesIsKept() throws {
        // A process that has ended: its number names no process until it is reused.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let abandoned = temporary.appendingPathComponent("bulletin-preview-\(ended.processIdentifier)-0000abcd/site")
        let running = temporary.appendingPathComponent("bulletin-preview-\(getpid())-1111abcd/site")
        let unrelated = temporary.appendingPathComponent("bulletin-preview-notes/site")
        for folder in [abandoned, running, unrelated] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }

        let made = try PreviewFolder.make(in: temporary)

        #expect(!FileManager.default.fileExists(atPath: abandoned.deletingLastPathComponent().path))
        #expect(FileManager.default.fileExists(atPath: running.path))
        #expect(FileManager.default.fileExists(atPath: unrelated.path))
        #expect(FileManager.default.fileExists(atPath: made.path))
        #expect(made.lastPathComponent.hasPrefix("bulletin-preview-\(getpid())-"))
    }

    /// A session builds into its own folder, but keeps its photos where `build` does, so that
    /// neither makes a photo the other made; in a folder it cannot write to, it keeps its own.
    @Test func aSessionSharesThePhotoCacheOfBuild() throws {
        let project = temporary.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        var folders = PipelineFolders()
        folders.output = project.appendingPathComponent("Public")
        let site = temporary.appendingPathComponent("bulletin-preview-1-abcd/site")
        let preview = PreviewServer.previewFolders(folders, site: site)
        #expect(preview.output == site && preview.outputDisplay == "(preview)")
        #expect(preview.imageCache?.path == project.appendingPathComponent(".Public.images").path)

        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: project.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: project.path) }
        // root may write anywhere: the rule is then not put to the test.
        if access(project.path, W_OK) != 0 { #expect(PreviewServer.previewFolders(folders, site: site).imageCache == nil) }
    }
}
