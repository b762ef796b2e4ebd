import Foundation
import Testing
@testable import BulletinSupport

/// `fileExtension` claims to give what Foundation's `pathExtension` gives for a path without a
/// trailing slash: checked against it on the names editors and the build use.
@Suite struct FileExtensionTests {
    @Test(arguments: ["bases/x/open-day.md", "notices/a/.md", "assets/photo.", "assets/a.tar.gz", "a.b/c", ".hidden",
                      "x/..md", "site.YAML", "assets/b..pdf", "assets/ 方案.docx", "照片.JPG", "assets/a.m d", "readme", ""])
    func givesWhatFoundationGives(_ path: String) {
        #expect(path.fileExtension == (path as NSString).pathExtension)
    }

    @Test func examples() {
        #expect("bases/x/open-day.md".fileExtension == "md")
        #expect("assets/.hidden".fileExtension == "")
        #expect("照片.JPG".fileExtension == "JPG")
    }
}
