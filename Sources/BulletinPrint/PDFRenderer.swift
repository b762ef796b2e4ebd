import Foundation
import BulletinSupport

/// The program that lays HTML out on pages and writes a PDF: WeasyPrint (Debian `weasyprint`),
/// found on the PATH. It follows the stylesheet's print rules (`@page` size, margins and margin
/// boxes for page numbers), and embeds the subset of each font a document uses.
public struct PDFRenderer: Sendable {
    public var executable: URL
    /// What a PDF depends on besides its input: the program, by its path and its file's stamp
    /// (installing another version replaces the file).
    public var identity: String

    public static let name = "weasyprint"

    /// The environment of the renderer and of fontTools: fontTools stamps each font it writes with
    /// the time unless SOURCE_DATE_EPOCH fixes it, and two builds of the same input must make the
    /// same bytes.
    static var environment: [String: String] {
        ProcessInfo.processInfo.environment.merging(["SOURCE_DATE_EPOCH": "0"]) { _, fixed in fixed }
    }

    /// The renderer on `PATH`, or nil when none is installed.
    public static func find(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> PDFRenderer? {
        for folder in (path ?? "/usr/bin:/bin").split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            guard access(candidate.path, X_OK) == 0 else { continue }
            let file = candidate.resolvingSymlinksInPath()
            return PDFRenderer(executable: candidate, identity: "\(name) \(file.path) \(FileStamp(file).description)")
        }
        return nil
    }

    /// Renders the HTML file `html` (its relative addresses read beside it) into `pdf`. Returns
    /// nil when it did, and otherwise what the renderer said last.
    func render(_ html: URL, to pdf: URL) -> String? {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--quiet", "--media-type", "print", html.path, pdf.path]
        process.environment = Self.environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        var said = Data()
        do {
            try process.runUntilExit { said = errors.fileHandleForReading.readDataToEndOfFile() }
        } catch {
            return error.localizedDescription
        }
        if process.terminationReason == .exit, process.terminationStatus == 0, access(pdf.path, F_OK) == 0 { return nil }
        let lines = String(decoding: said, as: UTF8.self).split(whereSeparator: \.isNewline)
        return lines.last.map(String.init) ?? "\(Self.name) exit status \(process.terminationStatus)"
    }
}

extension FileStamp {
    fileprivate var description: String { "\(size):\(seconds).\(nanoseconds):\(inode)" }
}
