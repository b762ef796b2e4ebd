import Foundation
import BulletinRender
import BulletinModel
import BulletinLoad
import BulletinSupport

/// Refuses output folders whose replacement would destroy something that is not a built site.
public enum OutputGuard {
    public static func check(output: URL, displayPath: String, protected inputs: [URL]) -> Diagnostic? {
        let target = output.standardizedFileURL.resolvingSymlinksInPath().path
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.resolvingSymlinksInPath().path
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.resolvingSymlinksInPath().path
        let at = SourceLocation(path: displayPath)
        let hint = "name a folder of its own for the site, e.g. --output Public"
        if target == "/" || target == home || target == cwd {
            return .error(at: at, "refusing to use '\(displayPath)' as the output folder: it would replace \(target)", hint: hint)
        }
        for input in inputs {
            let inputPath = input.standardizedFileURL.resolvingSymlinksInPath().path
            if inputPath == target || inputPath.hasPrefix(target + "/") || target.hasPrefix(inputPath + "/") {
                return .error(at: at, "refusing to use '\(displayPath)' as the output folder: it overlaps \(input.lastPathComponent)/", hint: hint)
            }
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                return .error(at: at, "'\(displayPath)' exists and is not a folder", hint: hint)
            }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
            if !entries.isEmpty && !entries.contains(OutputWriter.markerName) {
                return .error(at: at, "'\(displayPath)' holds files that this tool did not build, so it is not replaced",
                              hint: "move those files away, or choose an empty or new folder for the site")
            }
        }
        return nil
    }
}
