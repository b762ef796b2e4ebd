import Foundation
import BulletinSupport

/// The faces the print stylesheet sets bulletins in (Noto Serif CJK SC, regular and bold, from
/// Debian's fonts-noto-cjk), given to the renderer cut down to the characters of one document,
/// under the name the stylesheet asks for first on paper, "Noto Serif CJK SC Print" (under the
/// installed font's own name, fontconfig may pick the installed font instead).
/// WeasyPrint 57 subsets a font keeping every glyph number below the highest it uses, and the
/// Chinese glyphs of a CJK font come last among its 65,000: it spent 2 to 3 s of processor time
/// per face and document here. fontTools (WeasyPrint's own dependency) cuts the face to the
/// document's characters first in 0.4 s, after which WeasyPrint has a few hundred glyphs to subset.
/// Without fontconfig, fontTools or the faces, the renderer finds the fonts itself, only slower.
struct PrintFonts: Sendable {
    struct Face: Sendable {
        var family: String
        var weight: Int
        var file: String
        var index: Int
    }

    var faces: [Face]
    /// The Python that runs the renderer, which has fontTools.
    var python: String
    /// What a PDF depends on of the fonts: each face's file, by its stamp.
    var identity: String

    static let family = "Noto Serif CJK SC"
    static let printFamily = "Noto Serif CJK SC Print"

    /// The faces as fontconfig finds them, when they are the family asked for.
    static func find(renderer: PDFRenderer) -> PrintFonts? {
        guard let python = interpreter(of: renderer.executable) else { return nil }
        var faces: [Face] = []
        for (style, weight) in [("regular", 400), ("bold", 700)] {
            guard let found = run("fc-match", ["-f", "%{family}|%{file}|%{index}", "\(family):style=\(style.capitalized)"]),
                  case let parts = found.split(separator: "|", omittingEmptySubsequences: false), parts.count == 3,
                  parts[0].split(separator: ",").contains(where: { $0 == family }), let index = Int(parts[2]) else { return nil }
            faces.append(Face(family: family, weight: weight, file: String(parts[1]), index: index))
        }
        let identity = faces.map { "\($0.file):\($0.index):\(FileStamp(URL(fileURLWithPath: $0.file)).size):\(FileStamp(URL(fileURLWithPath: $0.file)).seconds)" }
            .joined(separator: " ")
        return PrintFonts(faces: faces, python: python, identity: identity)
    }

    /// Cuts every face down to `characters` into `folder`, side by side, and returns the
    /// `@font-face` rules that name them (addresses relative to the document); nil when one failed.
    func subset(to characters: String, in folder: URL) -> String? {
        let text = folder.appendingPathComponent("characters.txt")
        guard (try? Data(characters.utf8).write(to: text)) != nil else { return nil }
        let made = faces.parallelMap { face -> String? in
            let name = "font-\(face.weight).otf"
            let arguments = ["-m", "fontTools.subset", face.file, "--font-number=\(face.index)", "--text-file=\(text.path)",
                             "--output-file=\(folder.appendingPathComponent(name).path)", "--layout-features=*", "--name-IDs=*"]
            guard Self.run(python, arguments) != nil else { return nil }
            return "@font-face { font-family: \"\(Self.printFamily)\"; font-weight: \(face.weight); src: url(\"\(name)\"); }"
        }
        guard made.allSatisfy({ $0 != nil }) else { return nil }
        return made.compactMap { $0 }.joined(separator: "\n")
    }

    /// The interpreter named by a script's `#!` line, when it is a Python.
    private static func interpreter(of script: URL) -> String? {
        guard let handle = try? FileHandle(forReadingFrom: script), let head = try? handle.read(upToCount: 128) else { return nil }
        try? handle.close()
        guard let line = String(decoding: head, as: UTF8.self).split(separator: "\n").first, line.hasPrefix("#!") else { return nil }
        let program = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
        return program.hasPrefix("/") && program.contains("python") && !program.contains(" ") ? program : nil
    }

    /// Runs a program (by path, or found on the PATH) and returns its output, or nil when it failed.
    private static func run(_ program: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/env")
        process.arguments = program.hasPrefix("/") ? arguments : [program] + arguments
        process.environment = PDFRenderer.environment
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let output = Pipe()
        process.standardOutput = output
        var data = Data()
        guard (try? process.runUntilExit(meanwhile: { data = output.fileHandleForReading.readDataToEndOfFile() })) != nil else { return nil }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
