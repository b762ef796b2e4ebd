import Foundation
import Testing
@testable import BulletinKit
@testable import BulletinLoad
@testable import BulletinModel
@testable import BulletinPlan
@testable import BulletinRender
@testable import BulletinSearch
@testable import BulletinSupport
@testable import BulletinWrite
@testable import Mustache

@Suite struct LoadTests {
    @Test func splitsFrontMatterAndKnowsWhereTheBodyStarts() throws {
        let split = try FrontMatterSplit.split("---\ntitle: 标题\ndate: 2020\n---\n正文\n", path: "a.md")
        #expect(split.yaml == "title: 标题\ndate: 2020\n")
        #expect(split.body == "正文\n")
        #expect(split.bodyFirstLine == 5)
    }

    @Test func anUnclosedFrontMatterIsAnError() {
        #expect(throws: Diagnostic.self) { try FrontMatterSplit.split("---\ntitle: x\n正文\n", path: "a.md") }
        do {
            _ = try FrontMatterSplit.split("---\ntitle: x\n", path: "a.md")
        } catch {
            #expect(error.formatted.hasPrefix("a.md:1:1: error: the front matter block is never closed"))
        }
    }

    @Test func aFileWithoutFrontMatterIsAnError() {
        #expect(throws: Diagnostic.self) { try FrontMatterSplit.split("# 标题\n", path: "a.md") }
    }

    @Test func yamlErrorsPointIntoTheFile() {
        do {
            _ = try YAMLDocument.parse("title: a\ndate: {2020\n", path: "n.md", firstLine: 2)
            Issue.record("expected an error")
        } catch {
            #expect(error.location.path == "n.md")
            #expect(error.location.line >= 3)
            #expect(error.message.hasPrefix("invalid YAML"))
        }
    }

    @Test func tabsAreReportedOnTheirLine() {
        do {
            _ = try YAMLDocument.parse("title: a\nbases:\n\t- x\n", path: "b.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.formatted.hasPrefix("b.yaml:3:1: error: a tab is used for indentation"))
        }
    }

    @Test func duplicateKeysAreAnError() {
        do {
            _ = try YAMLDocument.parse("title: a\ntitle: b\n", path: "d.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "the field 'title' is given twice")
        }
    }

    @Test(arguments: [
        ("a: &x 1\nb: *x\n", 1, 4),
        ("list:\n  - *ref\n", 2, 5),
        ("? *i\n: x\n", 1, 3),
        ("m: {k: *v}\n", 1, 8),
    ])
    func anchorsAndAliasesAreRefused(_ yaml: String, _ line: Int, _ column: Int) {
        do {
            _ = try YAMLDocument.parse(yaml, path: "a.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.formatted.hasPrefix("a.yaml:\(line):\(column): error: YAML anchors and aliases (&name, *name) are not allowed"))
        }
    }

    @Test(arguments: ["title: 家校&社区 5 * 3\n", "title: \"*强调* &amp;\"\n", "title: '&x'\n", "summary: |\n  *强调*\n  &x\nkind: event\n",
                      "title: a # *comment\n", "items:\n  - a&b\n"])
    func ampersandsAndStarsInTextAreFine(_ yaml: String) throws {
        _ = try YAMLDocument.parse(yaml, path: "a.yaml")
    }

    @Test func textMustBeUTF8() {
        let gbk = Data([0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0xD6, 0xD0, 0xCE, 0xC4, 0x0A])
        do {
            _ = try SourceText.decode(gbk, displayPath: "g.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.formatted.hasPrefix("g.md:1:8: error: the file is not valid UTF-8 text"))
        }
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let text = try SourceText.decode(Data([0xEF, 0xBB, 0xBF] + Array("a\r\nb\r\n".utf8)), displayPath: "x")
        #expect(text == "a\nb\n")
    }

    @Test func emptyFilesAreAnError() {
        #expect(throws: Diagnostic.self) { try SourceText.decode(Data(" \n\n".utf8), displayPath: "e.md") }
    }
}

@Suite struct ReadLimitTests {
    @Test func aFileIsMeasuredByWhatIsReadNotByTheSizeItReports() throws {
        // Files under /proc report a size of 0 and hold more.
        #expect(FileManager.default.fileExists(atPath: "/proc/self/maps"))
        do {
            _ = try FileSystemCalls.readFile("/proc/self/maps", limit: 16)
            Issue.record("expected the limit to stop the reading")
        } catch {
            guard case .tooLarge(size: nil) = error else {
                Issue.record("expected a file found too large while read, got \(error)")
                return
            }
        }
        #expect(try FileSystemCalls.readFile("/proc/self/maps", limit: 1 << 20).count > 16)
    }

    @Test func onlyRegularFilesAreOpened() {
        #expect(throws: FileSystemCalls.Failure.self) { try FileSystemCalls.openRegularFile("/dev/zero") }
        do {
            _ = try FileSystemCalls.openRegularFile("/dev/zero")
        } catch {
            #expect(error.reason == "it is not a regular file but a named pipe, a device or a socket")
        }
    }
}
