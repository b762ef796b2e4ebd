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
        if target == "/" || target == home || target == cwd {
            return .error(at: at, .outputWouldReplace, ["folder": displayPath, "target": target])
        }
        for input in inputs {
            let inputPath = input.standardizedFileURL.resolvingSymlinksInPath().path
            if inputPath == target || inputPath.hasPrefix(target + "/") || target.hasPrefix(inputPath + "/") {
                return .error(at: at, .outputOverlapsInput, ["folder": displayPath, "input": input.lastPathComponent])
            }
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), !isDirectory.boolValue {
            return .error(at: at, .outputNotFolder, ["folder": displayPath])
        }
        return nil
    }

    /// At most this many files are named one by one; a folder of someone else's holds thousands.
    static let namedFiles = 10

    /// The files of the output folder (`outputStamps`, as listed now) that the last build did not
    /// write, by the record it left (`written`; nil when it left none): the build would move them
    /// out with the old site and delete them a build later, so it stops and names them. A marker
    /// file proves nothing, as it can be copied; the record lists every file by name.
    public static func unbuiltFiles(_ outputStamps: [String: String], written: Set<String>?, displayPath: String,
                                    contentDisplay: String) -> [Diagnostic] {
        let unbuilt = outputStamps.keys.filter { !(written?.contains($0) ?? false) }.sorted()
        var diagnostics = unbuilt.prefix(namedFiles).map { path in
            Diagnostic.error(at: SourceLocation(path: displayPath + "/" + path),
                             .outputFileNotBuilt, ["content": contentDisplay, "path": path, "folder": displayPath])
        }
        if unbuilt.count > namedFiles {
            diagnostics.append(.error(at: SourceLocation(path: displayPath),
                                      .outputMoreFilesNotBuilt, ["count": String(unbuilt.count - namedFiles)]))
        }
        return diagnostics
    }
}
