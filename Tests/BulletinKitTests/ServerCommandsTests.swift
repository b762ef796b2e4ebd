import Foundation
import Testing
@testable import BulletinPublish
import BulletinSupport

/// The commands that would run for each kind of target, and how their output and failures are read.
@Suite struct ServerCommandsTests {
    static let release = ReleaseName("20261206T120000Z")!
    static let served = ReleaseName("20261205T090000Z")!

    @Test func aFolderRunsTheScriptsWithShAndCopiesWithRsync() {
        let commands = ServerCommands(target: .folder("/srv/bulletin"))
        #expect(commands.script("echo", ["a b"]) == ["sh", "-c", "echo", "bulletin-publish", "/srv/bulletin", "a b"])
        let upload = commands.upload(URL(fileURLWithPath: "/home/editor/Public"), into: Self.release, linkingFrom: Self.served)
        #expect(upload.first == "rsync")
        #expect(upload.contains("--checksum"))
        #expect(upload.contains("--link-dest=../20261205T090000Z"))
        #expect(!upload.contains { $0.hasPrefix("--rsh") || $0 == "--times" || $0 == "-a" })
        #expect(upload.suffix(2) == ["/home/editor/Public/", "/srv/bulletin/releases/.partial-20261206T120000Z/"])
    }

    @Test func theFirstUploadLinksFromNothing() {
        let upload = ServerCommands(target: .folder("/srv/bulletin")).upload(URL(fileURLWithPath: "/p"), into: Self.release, linkingFrom: nil)
        #expect(!upload.contains { $0.hasPrefix("--link-dest") })
    }

    @Test func aServerIsReachedThroughSshThatNeverAsks() throws {
        let target = try PublishTarget(parsing: "ssh://editor@web1:2222/srv/it's here")
        let commands = ServerCommands(target: target, sshConfig: "/tmp/test config")
        let script = commands.script("echo \"$1\"", [Self.release.description])
        #expect(Array(script.prefix(5)) == ["ssh", "-F", "/tmp/test config", "-p", "2222"])
        #expect(script.contains("BatchMode=yes"))
        #expect(script[script.count - 2] == "editor@web1")
        // One line for the login shell, every word quoted for it.
        #expect(script.last == #"'sh' '-c' 'echo "$1"' 'bulletin-publish' '/srv/it'\''s here' '20261206T120000Z'"#)
        let upload = commands.upload(URL(fileURLWithPath: "/p"), into: Self.release, linkingFrom: Self.served)
        #expect(upload.contains("--rsh='ssh' '-F' '/tmp/test config' '-p' '2222' '-o' 'BatchMode=yes' '-o' 'ConnectTimeout=20' '-o' 'ServerAliveInterval=10' '-o' 'ServerAliveCountMax=3' '-o' 'ControlMaster=no'"))
        #expect(upload.last == "editor@web1:/srv/it's here/releases/.partial-20261206T120000Z/")
    }

    @Test func anIPv6ServerIsBracketedForRsyncOnly() throws {
        let commands = ServerCommands(target: try PublishTarget(parsing: "[::1]:/srv"))
        #expect(commands.script("true")[commands.script("true").count - 2] == "::1")
        #expect(commands.upload(URL(fileURLWithPath: "/p"), into: Self.release, linkingFrom: nil).last == "[::1]:/srv/releases/.partial-20261206T120000Z/")
    }

    @Test func everyServerScriptIsPOSIXShell() throws {
        for script in [ServerScripts.prepare, ServerScripts.finish, ServerScripts.rollback, ServerScripts.list, ServerScripts.abandon] {
            let check = CommandRun.run(["sh", "-n", "-c", script])
            #expect(check.status == 0, "\(check.errors)\n\(script)")
        }
    }

    @Test func rsyncProgressAndStatistics() throws {
        let line: Substring = "      1,234,567  45%    1.20MB/s    0:00:03 (xfr#12, to-chk=34/100)"
        let progress = try #require(UploadProgress(line: line))
        #expect(progress == UploadProgress(line: "1234567 45% 1MB/s 0:00:03 (xfr#12, to-chk=34/100)"))
        #expect(progress.percent == 45 && progress.bytes == 1_234_567 && progress.filesSent == 12)
        #expect(UploadProgress(line: "Number of files: 1,234 (reg: 1,000, dir: 234)") == nil)
        let statistics = """
            Number of files: 1,234 (reg: 1,000, dir: 234)
            Number of created files: 1,234 (reg: 1,000, dir: 234)
            Number of regular files transferred: 1,017
            Total bytes sent: 2,345,678
            """
        #expect(UploadProgress.filesSent(statistics: statistics) == 1017)
        #expect(UploadProgress.bytesSent(statistics: statistics) == 2_345_678)
    }

    @Test(arguments: [
        (255, "ssh: Could not resolve hostname nowhere.invalid: Name or service not known", FailureReading.Step.prepare, "publish-host-unknown"),
        (255, "ssh: connect to host 127.0.0.1 port 1: Connection refused", .prepare, "publish-host-unreachable"),
        (255, "editor@web1: Permission denied (publickey,password).", .prepare, "publish-authentication-refused"),
        (255, "Host key verification failed.", .prepare, "publish-host-key-refused"),
        (70, "", .prepare, "publish-server-has-no-rsync"),
        (71, "", .prepare, "publish-permission-denied"),
        (72, "", .prepare, "publish-current-not-a-link"),
        (11, "rsync: [receiver] write failed on \"/srv/x\": No space left on device (28)", .upload, "publish-disk-full"),
        (23, "rsync: [Receiver] mkdir \"/srv/x\" failed: Permission denied (13)", .upload, "publish-permission-denied"),
        (12, "rsync: connection unexpectedly closed (0 bytes received so far) [sender]", .upload, "publish-connection-lost"),
        (255, "Connection to web1 closed by remote host.", .finish, "publish-connection-lost-while-switching"),
        (73, "", .finish, "publish-disk-full"),
        (5, "something else", .upload, "publish-upload-failed"),
    ])
    func failuresAreReadFromStatusAndWords(_ status: Int32, _ stderr: String, _ step: FailureReading.Step, _ code: String) throws {
        let target = try PublishTarget(parsing: "editor@web1:/srv/bulletin")
        #expect(FailureReading.failure(step: step, status: status, stderr: stderr, target: target).message.code.rawValue == code)
    }
}

extension ServerCommandsTests {
    /// rsync's receiver stops on a full disk and the sender then sees a broken pipe: the disk is named.
    @Test func aFullDiskIsNamedBeforeTheBrokenPipeItCauses() throws {
        let stderr = """
            rsync: [receiver] write failed on "/srv/bulletin/releases/.partial-x/a.pdf": No space left on device (28)
            rsync: [sender] write error: Broken pipe (32)
            rsync error: error in file IO (code 11) at receiver.c(381) [receiver=3.2.7]
            """
        let target = try PublishTarget(parsing: "web:/srv/bulletin")
        #expect(FailureReading.failure(step: .upload, status: 11, stderr: stderr, target: target).message.code == .publishDiskFull)
    }
}
