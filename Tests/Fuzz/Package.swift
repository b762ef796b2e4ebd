// swift-tools-version:6.0
// A libFuzzer target over the front-matter splitter, the YAML-to-model step, the Markdown
// wrapper and the template engine. Built and run by Tests/Fuzz/run, never by the main build: it needs -sanitize=fuzzer.
import PackageDescription

let package = Package(
    name: "bulletin-fuzz",
    dependencies: [.package(name: "bulletin", path: "../..")],
    targets: [
        .executableTarget(
            name: "fuzz-content",
            dependencies: [.product(name: "BulletinStages", package: "bulletin")]
        ),
    ]
)
