import Testing
@testable import BulletinPublish

/// Targets as editors write them: a folder, scp's `user@host:folder`, and `ssh://` with a port.
@Suite struct PublishTargetTests {
    @Test func aFolderOnThisComputer() throws {
        #expect(try PublishTarget(parsing: "/srv/bulletin") == .folder("/srv/bulletin"))
        #expect(try PublishTarget(parsing: "../site") == .folder("../site"))
        #expect(try PublishTarget(parsing: "./a:b") == .folder("./a:b"))
        #expect(try PublishTarget(parsing: "site") == .folder("site"))
    }

    @Test func aServerAsScpWritesIt() throws {
        #expect(try PublishTarget(parsing: "editor@web1:/srv/bulletin")
            == .server(SSHDestination(user: "editor", host: "web1", port: nil), folder: "/srv/bulletin"))
        #expect(try PublishTarget(parsing: "web1:sites/jiaoyu")
            == .server(SSHDestination(user: nil, host: "web1", port: nil), folder: "sites/jiaoyu"))
        #expect(try PublishTarget(parsing: "web1:~/sites/jiaoyu")
            == .server(SSHDestination(user: nil, host: "web1", port: nil), folder: "sites/jiaoyu"))
        #expect(try PublishTarget(parsing: "[::1]:/srv/bulletin")
            == .server(SSHDestination(user: nil, host: "::1", port: nil), folder: "/srv/bulletin"))
    }

    @Test func aServerWithAPort() throws {
        let target = try PublishTarget(parsing: "ssh://editor@192.0.2.7:2222/srv/bulletin")
        #expect(target == .server(SSHDestination(user: "editor", host: "192.0.2.7", port: 2222), folder: "/srv/bulletin"))
        #expect(target.shown == "ssh://editor@192.0.2.7:2222/srv/bulletin")
        #expect(try PublishTarget(parsing: "ssh://[::1]:22/srv") == .server(SSHDestination(user: nil, host: "::1", port: 22), folder: "/srv"))
        #expect(try PublishTarget(parsing: "ssh://web1/srv") == .server(SSHDestination(user: nil, host: "web1", port: nil), folder: "/srv"))
    }

    @Test(arguments: [
        ("", "publish-target-empty"),
        ("web1:", "publish-target-no-folder"),
        (":/srv", "publish-target-no-host"),
        ("ssh://web1:http/srv", "publish-target-bad-port"),
        ("ssh://web1:70000/srv", "publish-target-bad-port"),
        ("ssh://web1", "publish-target-no-folder"),
        ("-oProxyCommand=x:/srv", "publish-target-unreadable"),
        ("@web1:/srv", "publish-target-unreadable"),
        ("web1:/srv\nrm", "publish-target-control-character"),
    ])
    func targetsThatAreRefused(_ written: String, _ code: String) {
        #expect(throws: PublishFailure.self) { try PublishTarget(parsing: written) }
        do {
            _ = try PublishTarget(parsing: written)
        } catch {
            #expect(error.message.code.rawValue == code, "\(written)")
        }
    }
}
