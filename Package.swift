// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "bulletin",
    products: [
        .executable(name: "bulletin", targets: ["bulletin"]),
        .library(name: "BulletinKit", targets: ["BulletinKit"]),
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
        .target(
            name: "BulletinKit",
            dependencies: [
                "CCmark",
                "CZlib",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The preview server: its own target, so the library does not depend on an HTTP stack.
        .target(
            name: "BulletinPreview",
            dependencies: [
                "BulletinKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "bulletin",
            dependencies: [
                "BulletinKit",
                "BulletinPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "BulletinKitTests",
            dependencies: ["BulletinKit"]
        ),
        .testTarget(
            name: "BulletinPreviewTests",
            dependencies: ["BulletinPreview"]
        ),
    ]
)
