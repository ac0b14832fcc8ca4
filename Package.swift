// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "bilan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bilan", targets: ["bilan"]),
        .executable(name: "bilan-web", targets: ["bilan-web"]),
        .library(name: "BilanCore", targets: ["BilanCore"]),
        .library(name: "BilanStore", targets: ["BilanStore"]),
        .library(name: "BilanTUI", targets: ["BilanTUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // The SSH server (`bilan serve`): NIOSSH, NIO's POSIX transport, Ed25519 keys, logging.
        .package(url: "https://github.com/apple/swift-nio-ssh", exact: "0.15.1"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        .target(name: "BilanCore"),
        .target(
            name: "BilanStore",
            dependencies: [
                "BilanCore", "CBilanSQLite", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // A shim for SQLite's variadic sqlite3_config (libsqlite3-dev's header). DWARF 4: Debian's
        // valgrind (3.19) cannot read the DWARF 5 clang writes by default, and the benchmark's
        // instruction counts come from valgrind.
        .target(
            name: "CBilanSQLite", cSettings: [.unsafeFlags(["-gdwarf-4"])], linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(name: "BilanTUI", dependencies: ["BilanCore"]),
        // libxml2's HTML parser; pkg-config gives SwiftPM the -I path (/usr/include/libxml2).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // Saved web pages: finds a summary's title and text in an HTML page (issue 5).
        // Fetching uses URLSession (FoundationNetworking, over the system's libcurl); see README, "Fetching".
        .target(name: "BilanWeb", dependencies: ["BilanCore", "BilanStore", "CLibXML2"]),
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        .target(name: "BilanTerminal", dependencies: ["BilanTUI", "CNcurses"]),
        // What SSH readers may run (exec word splitting, the allow-list, the browser child's argv and
        // environment, limits): pure Swift, shared by `bilan ssh-entry` and the server.
        .target(name: "BilanSSHPolicy"),
        // fork/exec of the children (browser on a pty, commands on pipes): async-signal-safe, in C.
        .target(name: "CBilanSpawn"),
        .target(
            name: "BilanSSH",
            dependencies: [
                "BilanSSHPolicy", "CBilanSpawn",
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The command tree, shared by `bilan` and `bilan-web`; it never links BilanWeb (libxml2,
        // FoundationNetworking): `bilan-web` installs the web work through `WebHooks`.
        .target(
            name: "BilanCommands",
            dependencies: [
                "BilanCore", "BilanStore", "BilanTUI", "BilanTerminal", "BilanSSHPolicy",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "bilan", dependencies: ["BilanCommands"]),
        // Saved pages and fetching as their own executable: `bilan import page.html` and `bilan fetch`
        // exec it, so that the other commands start without libxml2 and libcurl (see README).
        .executableTarget(name: "bilan-web", dependencies: ["BilanCommands", "BilanWeb"]),
        // The SSH server as its own executable: `bilan serve` prepares the archive and execs it, so
        // that `bilan` itself does not link NIO and BoringSSL (see README, "Serving over SSH").
        .executableTarget(name: "bilan-serve", dependencies: ["BilanSSH"]),
        .executableTarget(
            name: "bilan-bench",
            dependencies: ["BilanCore", "BilanStore", "CBilanSQLite", .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        .target(name: "BilanTestSupport", dependencies: ["BilanCore"], path: "Tests/BilanTestSupport"),
        .testTarget(name: "BilanCoreTests", dependencies: ["BilanCore", "BilanTestSupport"]),
        .testTarget(name: "BilanStoreTests", dependencies: ["BilanStore", "BilanCore", "BilanTestSupport"]),
        .testTarget(name: "BilanTUITests", dependencies: ["BilanTUI", "BilanCore", "BilanStore", "BilanTestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["bilan", "bilan-web", "BilanCommands", "BilanStore", "BilanCore", "BilanTestSupport"]),
        .testTarget(
            name: "BilanWebTests",
            dependencies: [
                "BilanWeb", "BilanStore", "BilanCore", "BilanTestSupport", "bilan", "bilan-web",
                // The local web site the fetch tests read from (127.0.0.1 only).
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]),
        .testTarget(name: "BilanSSHTests", dependencies: ["BilanSSH", "BilanSSHPolicy"]),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzzing (issue 6): `scripts/fuzz TARGET MINUTES` builds these with libFuzzer and AddressSanitizer.
// They are declared only then (BILAN_FUZZ=1), so that `swift build` and `swift test` never see them.
if Context.environment["BILAN_FUZZ"] == "1" {
    let fuzzers: [(String, [Target.Dependency])] = [
        ("fuzz-parser", ["BilanCore"]), ("fuzz-numbers", ["BilanCore"]), ("fuzz-places", ["BilanCore"]),
        ("fuzz-html", ["BilanCore", "BilanWeb"]), ("fuzz-query", ["BilanCore", "BilanStore"]),
        ("fuzz-browser", ["BilanCore", "BilanStore", "BilanTUI"]),
        ("fuzz-words", ["BilanCore", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
    for (name, dependencies) in fuzzers {
        package.targets.append(
            .executableTarget(
                name: name, dependencies: dependencies, path: "Fuzz/\(name)",
                swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
    }
}
