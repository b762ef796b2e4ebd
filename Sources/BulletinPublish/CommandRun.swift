import BulletinSupport
import Foundation

/// One command run to its end: its standard output passed on line by line as it comes (rsync's
/// progress lines end with a carriage return), its error output kept for reading the failure.
/// Commands run in the C locale, so that what ssh and rsync say can be read (`FailureReading`).
struct CommandRun {
    var status: Int32
    var output: String
    var errors: String

    static func run(_ words: [String], eachLine: (Substring) -> Void = { _ in }) -> CommandRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = words
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        var outputText = ""
        var errorText: Concurrent<String>?
        do {
            try process.runUntilExit {
                errorText = Concurrent { String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
                var pending = Data()
                let reader = output.fileHandleForReading
                while true {
                    let chunk = reader.availableData
                    if chunk.isEmpty { break }
                    pending.append(chunk)
                    while let end = pending.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                        let line = String(decoding: pending[pending.startIndex..<end], as: UTF8.self)
                        pending.removeSubrange(pending.startIndex...end)
                        outputText += line + "\n"
                        eachLine(Substring(line))
                    }
                }
                if !pending.isEmpty {
                    let line = String(decoding: pending, as: UTF8.self)
                    outputText += line
                    eachLine(Substring(line))
                }
            }
        } catch {
            return CommandRun(status: 127, output: "", errors: "\(words[0]): \(error.localizedDescription)")
        }
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return CommandRun(status: status, output: outputText, errors: errorText?.value ?? "")
    }

    /// Whether `name` is a command on this computer's PATH.
    static func isInstalled(_ name: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }
}
