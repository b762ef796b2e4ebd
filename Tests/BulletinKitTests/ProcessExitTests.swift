import Foundation
import Testing
@testable import BulletinSupport

/// Programs the build runs (fc-match, the PDF renderer, pandoc, ssh and rsync) are waited for by
/// their termination handler: when the wait returns, the program has ended, its status is known
/// and what it wrote has been read.
@Suite struct ProcessExitTests {
    @Test func aProgramIsWaitedForToItsEnd() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "printf '家校社'; sleep 0.2; printf '协同'; exit 3"]
        let output = Pipe()
        process.standardOutput = output
        var data = Data()
        try process.runUntilExit { data = output.fileHandleForReading.readDataToEndOfFile() }
        #expect(!process.isRunning)
        #expect(process.terminationReason == .exit && process.terminationStatus == 3)
        #expect(String(decoding: data, as: UTF8.self) == "家校社协同")
    }

    @Test func aProgramThatCannotStartIsAnError() {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/nonexistent/program")
        #expect(throws: (any Error).self) { try process.runUntilExit() }
    }
}
