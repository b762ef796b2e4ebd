// Debug builds are built for testing, so the stages' internal parts are reachable.
@testable import BulletinLoad
@testable import BulletinModel
@testable import BulletinPlan
@testable import Mustache
import Foundation

/// The site every fuzzed write-up is modelled into: the tests' frozen site.yaml and bases.yaml.
private let fixedFiles: [(String, LoadedFile)] = {
    let content = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Tests/Fixture/Content")
    return ["site.yaml", "bases.yaml", "models/home-school-community.md", "bulletins/2021-1.md",
            "bases/wanzhou-shahe-primary/example-practice.md", "bases/bishan-xiguan-village/example-event.md"].map {
        ($0, ContentLoader.loadFile($0, root: content, displayPath: "Content/" + $0))
    }
}()

private let converter = BodyConverter(paths: ContentPaths(staticFiles: ["assets/a.pdf"], pages: ["bases/x/y.md": "bases/x/y/"]),
                                      rootPath: "/", allowRawHTML: false)

/// The first byte picks what the rest is fed to. Properties that must hold for every input:
/// no crash or hang, and no script or unsafe address ever reaches converted HTML.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let bytes = Data(bytes: start, count: count)
    let selector = bytes.first! % 4
    let payload = bytes.dropFirst()
    switch selector {
    case 0:
        // Front matter splitter and YAML parser, through the loader's own step.
        _ = ContentLoader.parse(Data(payload), relativePath: "notices/fuzz.md", displayPath: "fuzz.md")
    case 1:
        // The YAML-to-model step: a write-up (or bulletin) among the real site's files.
        let path = payload.first.map { $0 % 2 == 0 } == true ? "bases/xiushan-library/fuzz.md" : "bulletins/2022-1.md"
        let file = ContentLoader.parse(Data(payload), relativePath: path, displayPath: path)
        let content = ContentLoader.assemble(fixedFiles + [(path, file)], root: URL(fileURLWithPath: "/nonexistent"),
                                             displayRoot: "Content", listingDiagnostics: [])
        let (site, _) = SiteBuilder.build(content, options: BuildOptions(asOf: PartialDate(year: 2023, month: 6, day: 1)))
        if let site { _ = SitePlanner.plan(PlanInputs(site: site, assets: [:])) }
    case 3:
        // The template engine: any text parses or is refused with a located error, and what
        // parses renders, as a page and as a partial that includes itself.
        let text = String(decoding: payload, as: UTF8.self)
        guard let nodes = try? TemplateParser.parse(text) else { return 0 }
        let value: TemplateValue = ["a": true, "b": ["x", "y"], "c": ["d": "<&>"], "n": 2, "e": []]
        _ = try? TemplateRenderer.render("main", with: value, templates: ["main": nodes, "partials/p": nodes, "layout": nodes])
    default:
        // The Markdown wrapper with link checking.
        let text = String(decoding: payload, as: UTF8.self)
        let (document, _) = converter.convert(text, sourcePath: "bases/x/fuzz.md", displayPath: "fuzz.md", firstLine: 1)
        let html = document.html.lowercased()
        for forbidden in ["<script", "<iframe", "javascript:", "vbscript:", " onerror=", " onclick=", "src=\"data:", "href=\"data:"] where html.contains(forbidden) {
            fatalError("unsafe HTML reached the output: \(forbidden)")
        }
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                             _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry point under this name; it hands over to libFuzzer's driver.
@_cdecl("fuzz_content_main")
public func fuzzContentMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzz(data, size) }
}
