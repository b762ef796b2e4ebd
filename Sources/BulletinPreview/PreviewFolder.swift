import BulletinSupport
import Foundation

/// The folder of one preview session, in the system's temporary folder: the site is built into
/// `site` inside it, beside what the build keeps (the site it replaced, a build in progress). A
/// session removes its folder when it stops; one killed cannot, so each new session removes the
/// folders of sessions whose process is gone.
enum PreviewFolder {
    static let prefix = "bulletin-preview-"

    static func make(in temporary: URL = FileManager.default.temporaryDirectory) throws -> URL {
        removeAbandoned(in: temporary)
        let folder = temporary.appendingPathComponent("\(prefix)\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Removes the session folders whose process no longer runs. A folder of a running process,
    /// or one whose name does not say which process made it, is left alone.
    static func removeAbandoned(in temporary: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: temporary.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = MakingProcess.number(startingName: name.dropFirst(prefix.count)), MakingProcess.hasEnded(pid) else { continue }
            try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
        }
    }
}
