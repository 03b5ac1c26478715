// swift-tools-version: 6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "GeoMention",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "GeoMention", targets: ["GeoMention"]),
        .executable(name: "geomention", targets: ["geomention"]),
        .executable(name: "geomention-bench", targets: ["geomention-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "CMemoryHints"),
        .target(
            name: "GeoMention",
            dependencies: ["CLibXML2", "CMemoryHints"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "geomention",
            dependencies: [
                "GeoMention",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "geomention-bench",
            dependencies: ["GeoMention"],
            path: "Benchmarks/geomention-bench",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "GeoMentionTestSupport",
            path: "Tests/GeoMentionTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GeoMentionTests",
            dependencies: ["GeoMention", "CLibXML2", "GeoMentionTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "geomentionTests",
            dependencies: ["geomention", "CLibXML2", "GeoMentionTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
