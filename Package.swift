// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "neptune-conformance",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "neptune-conformance", targets: ["neptune-conformance"]),
        .library(name: "ConformanceSpec", targets: ["ConformanceSpec"]),
        .library(name: "XMLCompare", targets: ["XMLCompare"]),
        .library(name: "CaseGenerator", targets: ["CaseGenerator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(
            name: "ConformanceSpec",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "XMLCompare",
            dependencies: ["CLibXML2", "ConformanceSpec"]
        ),
        .target(
            name: "CaseGenerator",
            dependencies: ["ConformanceSpec"]
        ),
        .executableTarget(
            name: "neptune-conformance",
            dependencies: [
                "ConformanceSpec",
                "XMLCompare",
                "CaseGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "conformance-benchmarks",
            dependencies: ["XMLCompare", "ConformanceSpec", "CaseGenerator"],
            path: "Benchmarks/ConformanceBenchmarks"
        ),
        .target(
            name: "ConformanceTestSupport",
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "ConformanceSpecTests",
            dependencies: ["ConformanceSpec", "ConformanceTestSupport", "neptune-conformance"]
        ),
        .testTarget(
            name: "XMLCompareTests",
            dependencies: ["XMLCompare", "ConformanceSpec", "ConformanceTestSupport", "neptune-conformance"]
        ),
        .testTarget(
            name: "CaseGeneratorTests",
            dependencies: ["CaseGenerator", "ConformanceSpec", "ConformanceTestSupport", "neptune-conformance"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
