// swift-tools-version: 6.0
import PackageDescription

// mimalloc (Debian: libmimalloc-dev) replaces glibc's malloc in the executables that build sites and time
// stages: a build makes millions of short-lived strings and arrays on two threads, and glibc's allocator was
// a tenth of its instructions (see bench/README.md, "What changed"). The library keeps the system allocator,
// so the tests and the fuzzers (AddressSanitizer brings its own) do too.
let mimalloc: [LinkerSetting] = [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]

let package = Package(
    name: "guidegen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "guidegen", targets: ["guidegen"]),
        .library(name: "GuideGen", targets: ["GuideGen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // The system cmark-gfm (Debian: libcmark-gfm-dev); only Sources/GuideGen/Markdown touches it.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The pipeline: one folder per stage, in order.
        .target(
            name: "GuideGen",
            dependencies: [
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // Thin CLI: argument parsing, printing, exit codes, the preview server.
        .executableTarget(
            name: "guidegen",
            dependencies: [
                "GuideGen",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: mimalloc
        ),
        // Micro-benchmarks of the hot stages (`swift run -c release stage-benchmarks`; see bench/README.md).
        .executableTarget(
            name: "stage-benchmarks",
            dependencies: ["GuideGen"],
            linkerSettings: mimalloc
        ),
        .testTarget(
            name: "GuideGenTests",
            dependencies: ["GuideGen"],
            // Fixtures and goldens are read from the source tree (#filePath) so updates show in review.
            exclude: ["Fixtures", "Flows/Goldens"]
        ),
    ]
)
