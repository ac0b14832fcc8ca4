// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "bilan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bilan", targets: ["bilan"]),
        .library(name: "BilanCore", targets: ["BilanCore"]),
        .library(name: "BilanStore", targets: ["BilanStore"]),
        .library(name: "BilanTUI", targets: ["BilanTUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .target(name: "BilanCore"),
        .target(
            name: "BilanStore",
            dependencies: [
                "BilanCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(name: "BilanTUI", dependencies: ["BilanCore"]),
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        .target(name: "BilanTerminal", dependencies: ["BilanTUI", "CNcurses"]),
        .executableTarget(
            name: "bilan",
            dependencies: [
                "BilanCore", "BilanStore", "BilanTUI", "BilanTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "bilan-bench", dependencies: ["BilanCore", "BilanStore"]),
        .target(name: "BilanTestSupport", dependencies: ["BilanCore"], path: "Tests/BilanTestSupport"),
        .testTarget(name: "BilanCoreTests", dependencies: ["BilanCore", "BilanTestSupport"]),
        .testTarget(name: "BilanStoreTests", dependencies: ["BilanStore", "BilanCore", "BilanTestSupport"]),
        .testTarget(name: "BilanTUITests", dependencies: ["BilanTUI", "BilanCore", "BilanStore", "BilanTestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["bilan", "BilanTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
