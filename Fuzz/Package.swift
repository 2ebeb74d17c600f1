// swift-tools-version: 6.0
import PackageDescription

// libFuzzer targets for guidegen's parsers and validators; see README.md and run.sh.
//
// Build (run.sh does this):
//   swift build -c release --package-path Fuzz --scratch-path Fuzz/.build \
//     --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// (why each flag is needed: see run.sh)
//
// GUIDEGEN_PACKAGE_PATH points the dependency at another copy of the main package; run.sh uses it to
// build a snapshot of the sources, because others may be editing `..` while a build runs.
let guidegenPath = Context.environment["GUIDEGEN_PACKAGE_PATH"] ?? ".."
let guideGen = Target.Dependency.product(name: "GuideGen", package: "guidegen")

let package = Package(
    name: "GuideGenFuzz",
    dependencies: [
        .package(name: "guidegen", path: guidegenPath)
    ],
    targets: [
        // Invariant checks and fixed inputs shared by the fuzz targets.
        .target(name: "FuzzSupport", dependencies: [guideGen]),
        .executableTarget(name: "FuzzFrontMatter", dependencies: [guideGen, "FuzzSupport"]),
        .executableTarget(name: "FuzzRuleTable", dependencies: [guideGen, "FuzzSupport"]),
        .executableTarget(name: "FuzzFlow", dependencies: [guideGen, "FuzzSupport"]),
        .executableTarget(name: "FuzzClaims", dependencies: [guideGen, "FuzzSupport"]),
        .executableTarget(name: "FuzzMarkdown", dependencies: [guideGen, "FuzzSupport"]),
    ]
)
