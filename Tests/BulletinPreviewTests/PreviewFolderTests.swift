import Foundation
import Testing
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
}
