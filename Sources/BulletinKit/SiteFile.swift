import Foundation
import BulletinModel
import BulletinLoad
import BulletinSupport

/// site.yaml read alone, checked as a build checks it: for commands that need the site's settings
/// without reading the rest of the content (`bulletin publish --list` reads where to look).
public enum SiteFile {
    public static func read(content: URL, displayRoot: String) -> (SiteConfig?, Diagnostics) {
        let displayPath = displayRoot.hasSuffix("/") ? displayRoot + "site.yaml" : displayRoot + "/site.yaml"
        guard let data = FileManager.default.contents(atPath: content.appendingPathComponent("site.yaml").path) else {
            return (nil, Diagnostics([.error(at: SourceLocation(path: displayPath), .requiredFileMissing, ["file": "site.yaml"])]))
        }
        switch ContentLoader.parse(data, relativePath: "site.yaml", displayPath: displayPath) {
        case .yaml(let document):
            let (config, diagnostics) = SiteConfigReader.read(document)
            return (config, Diagnostics(diagnostics))
        case .failed(let diagnostic):
            return (nil, Diagnostics([diagnostic]))
        default:
            return (nil, Diagnostics())
        }
    }
}
