// swift-tools-version:6.0
import Foundation
import PackageDescription

/// `make install` links `tillit` as one static-pie binary (TILLIT_STATIC_PIE=1; why: see the
/// Makefile). Only `tillit`: `tillit-room` needs libqrencode, which Debian ships only as a
/// shared library. `swift build`, `swift run` and `swift test` link as usual.
let staticPIE: [LinkerSetting] = ProcessInfo.processInfo.environment["TILLIT_STATIC_PIE"] == "1"
    ? [.unsafeFlags(["-use-ld=lld", "-Xclang-linker", "-static-pie", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"])]
    : []

// Linux only: the terminal, the room's child process and the store call Glibc directly.
let package = Package(
    name: "tillit",
    products: [
        .executable(name: "tillit", targets: ["tillit"]),
        .executable(name: "tillit-room", targets: ["tillit-room"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // Only the voting room (`tillit-room`) links the web server; `tillit` itself never does.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Already in the graph through Hummingbird; named for the room's connection guard (HTTP parts).
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.34.1"),
        // SHA-256 for the fingerprint of confirmed minutes (Hummingbird already builds it for the room).
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        // Already in the graph through Hummingbird; named because the room imports NIOCore and Logging itself.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNCurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // prctl(PR_SET_DUMPABLE), which Swift cannot call directly (it is variadic in C).
        .systemLibrary(name: "CProcessPrivacy"),
        // HTML escaping by Unicode scalar, shared by tillit's pages and the room's phone page (which links no TillitCore).
        .target(name: "WebText"),
        // The talk as values: sessions, the engine, decks, export and trends as functions, the words.
        // No files, no system calls, no queues: what reads and writes lives in TillitStore.
        .target(name: "TillitCore", dependencies: ["WebText", .product(name: "Yams", package: "Yams")]),
        // Every file tillit touches: talks, locks, settings, deck files, exports (0600, no links followed).
        .target(name: "TillitStore", dependencies: ["TillitCore"]),
        // Core size 0 and not dumpable, for both executables (the room must not depend on the store).
        .target(name: "ProcessPrivacy", dependencies: ["CProcessPrivacy"]),
        // The JSON lines tillit and tillit-room speak over a pipe; Foundation only, no networking.
        .target(name: "RoomProtocol"),
        .target(name: "QRMatrix", dependencies: ["CQRencode"]),
        .target(
            name: "RoomServer",
            dependencies: ["RoomProtocol", "QRMatrix", "WebText", .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "Logging", package: "swift-log"),
                           // HMAC for the per-card form value a phone's page carries.
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        .executableTarget(name: "tillit-room", dependencies: ["RoomServer", "ProcessPrivacy"]),
        // The two front ends, side by side: the screen (TillitUI) and plain lines (TillitPlain).
        .target(name: "TillitUI", dependencies: ["TillitCore"]),
        .target(name: "TillitPlain", dependencies: ["TillitCore"]),
        // The minutes' fingerprint (SHA-256). Crypto only, no networking; TillitCore stays without it.
        .target(name: "MinutesSeal", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "TillitTerminal", dependencies: ["CNCurses", "TillitUI"]),
        .executableTarget(name: "tillit-bench", dependencies: ["TillitCore", "TillitStore"], path: "Benchmarks/StoreBench"),
        .executableTarget(
            name: "tillit",
            dependencies: [
                "TillitCore", "TillitStore", "TillitUI", "TillitPlain", "TillitTerminal", "RoomProtocol", "MinutesSeal",
                "ProcessPrivacy",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: staticPIE
        ),
        // Crash drills, stress writers and key benchmarks for the tests and scripts/bench; never installed.
        .executableTarget(
            name: "tillit-devtools",
            dependencies: [
                "TillitCore", "TillitStore", "TillitUI", "TillitTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The model and, beside it, the store and plain mode that sit on it (they share fixtures).
        .testTarget(name: "TillitCoreTests", dependencies: ["TillitCore", "MinutesSeal", "TillitStore", "TillitPlain", "WebText",
                                                            .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "TillitUITests", dependencies: ["TillitUI", "QRMatrix"]),
        .testTarget(name: "TillitTerminalTests", dependencies: ["TillitTerminal"]),
        // What tillit takes from the room: its validator, without a room or a network.
        .testTarget(name: "RoomProtocolTests", dependencies: ["RoomProtocol"]),
        .testTarget(
            name: "RoomServerTests",
            dependencies: ["RoomServer", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        // Depends on the executables so `swift test` builds the binaries the tests drive.
        .testTarget(name: "EndToEndTests", dependencies: ["tillit", "tillit-devtools", "tillit-room", "TillitCore", "TillitStore"]),
    ]
)
