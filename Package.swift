// swift-tools-version:6.0
import PackageDescription
import Foundation

/// What pkg-config says of an installed library (empty when it cannot be asked). libvips is
/// compiled against but not linked (Sources/CVips/vips.c loads it), and a system-library target
/// would link it: its headers' flags and its folder are asked for here instead.
func pkgConfig(_ arguments: [String]) -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["pkg-config"] + arguments
    let output = Pipe()
    process.standardOutput = output
    guard (try? process.run()) != nil else { return [] }
    let bytes = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return [] }
    return String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isWhitespace).map(String.init)
}

let vipsLibraryFolder = pkgConfig(["--variable=libdir", "vips"]).first

let package = Package(
    name: "bulletin",
    products: [
        .executable(name: "bulletin", targets: ["bulletin"]),
        .library(name: "BulletinKit", targets: ["BulletinKit"]),
        // The stages one by one, for the fuzzer (Tests/Fuzz), which drives them directly.
        .library(name: "BulletinStages", targets: ["BulletinLoad", "BulletinModel", "BulletinPlan", "Mustache"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // libcmark from Debian's libcmark-dev; nothing but Markdown/CommonMark.swift touches it.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // zlib from Debian's zlib1g-dev, for the precompressed .gz files a web server sends as they are.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // libvips from Debian's libvips-dev, loaded when a photo is made; nothing but
        // BulletinImages/ImageCodec.swift calls it.
        .target(
            name: "CVips",
            cSettings: [.unsafeFlags(pkgConfig(["--cflags", "vips"]))]
                + (vipsLibraryFolder.map { [.define("BULLETIN_VIPS_LIBDIR", to: "\"\($0)\"")] } ?? []),
            linkerSettings: [.linkedLibrary("dl")]
        ),
        // The stages, each a target of its own so that the compiler keeps the direction one way:
        // load → model → plan → render → write, with search and the template engine beside them.
        // What crosses targets is `package`; what the command line and the preview use is `public`.
        .target(name: "BulletinSupport"),
        .target(name: "BulletinLoad", dependencies: ["BulletinSupport", .product(name: "Yams", package: "Yams")]),
        .target(name: "BulletinImages", dependencies: ["BulletinSupport", "CVips"]),
        .target(name: "BulletinModel", dependencies: ["BulletinLoad", "BulletinImages", "BulletinSupport", "CCmark"]),
        .target(name: "BulletinSearch", dependencies: ["BulletinSupport"]),
        // PDFs of pages made for paper, by a renderer run as a program (WeasyPrint).
        .target(name: "BulletinPrint", dependencies: ["BulletinSupport"]),
        .target(name: "Mustache", dependencies: ["BulletinSupport"]),
        .target(name: "BulletinPlan", dependencies: ["BulletinModel", "BulletinImages", "BulletinSearch", "BulletinLoad", "BulletinSupport"]),
        .target(name: "BulletinRender", dependencies: ["BulletinPlan", "BulletinImages", "Mustache", "BulletinLoad", "BulletinSupport", "CZlib"]),
        .target(name: "BulletinWrite", dependencies: ["BulletinRender", "BulletinModel", "BulletinLoad", "BulletinSupport"]),
        // The one orchestration of the stages, and the scaffolding of new files.
        .target(
            name: "BulletinKit",
            dependencies: ["BulletinWrite", "BulletinRender", "BulletinPlan", "BulletinSearch", "BulletinModel", "BulletinImages",
                           "BulletinPrint", "BulletinLoad", "BulletinSupport"]
        ),
        // Sending a built site to the web server as releases switched by one rename, over rsync
        // and OpenSSH: its own target, beside the stages, which know nothing of servers.
        .target(name: "BulletinPublish", dependencies: ["BulletinSupport"]),
        // The preview server: its own target, so the library does not depend on an HTTP stack.
        .target(
            name: "BulletinPreview",
            dependencies: [
                "BulletinKit", "BulletinModel", "BulletinLoad", "BulletinSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "bulletin",
            dependencies: [
                "BulletinKit", "BulletinModel", "BulletinLoad", "BulletinSupport",
                "BulletinPreview", "BulletinPublish",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc (Debian's libmimalloc-dev) as the whole program's malloc: with glibc's, a
            // full build of 10,000 write-ups took 9 to 12% longer (README, "How it works").
            // Linked, not called: named before libc, it is the malloc every library binds to.
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "BulletinKitTests",
            dependencies: ["BulletinKit", "BulletinWrite", "BulletinRender", "BulletinPlan", "Mustache", "BulletinSearch", "BulletinPublish",
                           "BulletinModel", "BulletinImages", "BulletinPrint", "BulletinLoad", "BulletinSupport", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(
            name: "BulletinPreviewTests",
            dependencies: ["BulletinPreview", "BulletinKit", "BulletinModel", "BulletinLoad", "BulletinSupport",
                           .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
    ]
)
