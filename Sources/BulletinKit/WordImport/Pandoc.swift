import Foundation

/// pandoc, which reads Word's format (styles, lists, tables, footnotes, pictures) as no code
/// written here should: it is run as a program from the machine's PATH, as Debian installs it.
enum Pandoc {
    struct Output {
        var markdown: String
        /// The folder pandoc extracted the pictures into (`media/` below it).
        var mediaFolder: URL
    }

    enum Failure: Error {
        case missing
        /// pandoc could not read the file; its own words, first line.
        case unreadable(String)
        /// The temporary folder pandoc works in could not be written.
        case workFolderUnwritable(String)
    }

    /// The pandoc program on PATH.
    static func executable(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> URL? {
        for folder in (path ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("pandoc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// GitHub-flavoured Markdown (pipe tables, footnotes), unwrapped, without raw HTML (a site in
    /// safe mode would drop it), tables made simple enough for pipe tables and the title kept (`PandocFilter`), pictures extracted into `workFolder`, where pandoc runs, so that it names them `./media/…`.
    static func markdown(of document: URL, workFolder: URL) throws(Failure) -> Output {
        guard let program = executable() else { throw .missing }
        let outputFile = workFolder.appendingPathComponent("document.md")
        let errorFile = workFolder.appendingPathComponent("pandoc-errors.txt")
        let filter = workFolder.appendingPathComponent("word-filter.lua")
        do {
            try Data(PandocFilter.lua.utf8).write(to: filter)
        } catch {
            throw .workFolderUnwritable(error.localizedDescription)
        }
        let process = Process()
        process.executableURL = program
        process.arguments = ["--from", "docx", "--to", "gfm-raw_html", "--wrap=none",
                             "--lua-filter=" + filter.path, "--extract-media=.", "--output", outputFile.path, "--", document.path]
        process.currentDirectoryURL = workFolder
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil),
              let errors = FileHandle(forWritingAtPath: errorFile.path) else { throw .workFolderUnwritable(errorFile.path) }
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.runUntilExit()
        } catch {
            throw .missing
        }
        try? errors.close()
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: outputFile.path) else {
            let said = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
            throw .unreadable(said.split(separator: "\n").first.map(String.init) ?? "")
        }
        return Output(markdown: String(decoding: data, as: UTF8.self), mediaFolder: workFolder.appendingPathComponent("media"))
    }
}
