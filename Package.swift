// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "neptune-conformance",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "neptune-conformance", targets: ["neptune-conformance"]),
        .library(name: "ConformanceSpec", targets: ["ConformanceSpec"]),
        .library(name: "XMLCompare", targets: ["XMLCompare"]),
        .library(name: "CaseGenerator", targets: ["CaseGenerator"]),
        .library(name: "QueryProtocol", targets: ["QueryProtocol"]),
        .library(name: "ReferenceServer", targets: ["ReferenceServer"]),
        .library(name: "Transport", targets: ["Transport"]),
        .library(name: "EmulatorTransport", targets: ["EmulatorTransport"]),
        .library(name: "ConformanceRunner", targets: ["ConformanceRunner"]),
        .library(name: "ComplianceReport", targets: ["ComplianceReport"]),
        .library(name: "ConformanceTargets", targets: ["ConformanceTargets"]),
        .library(name: "Weather", targets: ["Weather"]),
        .library(name: "Exploration", targets: ["Exploration"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        // Without its default traits: no swift-configuration (the reference server reads no configuration files), a
        // tenth less to compile on a fresh machine.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(
            name: "ConformanceSpec",
            dependencies: ["CZlib", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "XMLCompare",
            dependencies: ["CLibXML2", "ConformanceSpec"]
        ),
        .target(
            name: "QueryProtocol",
            dependencies: ["ConformanceSpec"]
        ),
        .target(
            name: "CaseGenerator",
            dependencies: ["ConformanceSpec", "QueryProtocol"]
        ),
        .target(
            name: "ReferenceServer",
            dependencies: [
                "ConformanceSpec", "QueryProtocol", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Transport",
            dependencies: [
                .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .target(
            name: "Weather",
            dependencies: [
                "Transport", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .target(
            name: "EmulatorTransport",
            dependencies: ["Transport", "ReferenceServer"]
        ),
        .target(
            name: "ConformanceRunner",
            dependencies: ["ConformanceSpec", "QueryProtocol", "XMLCompare", "CaseGenerator", "Transport"]
        ),
        .target(
            name: "ConformanceTargets",
            dependencies: [
                "ConformanceSpec", "QueryProtocol", "CaseGenerator", "ReferenceServer", "ConformanceRunner",
                "Transport",
            ]
        ),
        .target(
            name: "Exploration",
            dependencies: [
                "ConformanceSpec", "QueryProtocol", "XMLCompare", "CaseGenerator", "ReferenceServer",
                "EmulatorTransport", "Transport", "ConformanceRunner", "ConformanceTargets",
            ]
        ),
        .target(
            name: "ComplianceReport",
            dependencies: ["ConformanceRunner", "CaseGenerator", "QueryProtocol"]
        ),
        .executableTarget(
            name: "neptune-conformance",
            dependencies: [
                "ConformanceSpec",
                "XMLCompare",
                "CaseGenerator",
                "QueryProtocol",
                "ReferenceServer",
                "Transport",
                "ConformanceRunner",
                "ComplianceReport",
                "ConformanceTargets",
                "Weather",
                "Exploration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "conformance-benchmarks",
            dependencies: [
                "XMLCompare", "ConformanceSpec", "CaseGenerator", "QueryProtocol", "ReferenceServer", "Transport",
                "ConformanceRunner",
                "ConformanceTargets", "ComplianceReport",
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/ConformanceBenchmarks"
        ),
        .target(
            name: "ConformanceTestSupport",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
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
            dependencies: [
                "CaseGenerator", "ConformanceSpec", "QueryProtocol", "ConformanceTestSupport", "neptune-conformance",
            ]
        ),
        .testTarget(
            name: "QueryProtocolTests",
            dependencies: ["QueryProtocol", "ConformanceSpec", "CaseGenerator", "ConformanceTestSupport"]
        ),
        .testTarget(
            name: "ReferenceServerTests",
            dependencies: [
                "ReferenceServer", "EmulatorTransport", "Transport", "ConformanceRunner", "CaseGenerator",
                "QueryProtocol", "ConformanceSpec", "XMLCompare",
                "ConformanceTestSupport",
            ]
        ),
        .testTarget(
            name: "TransportTests",
            dependencies: [
                "Transport", "ConformanceTestSupport",
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "ExplorationTests",
            dependencies: [
                "Exploration", "ConformanceSpec", "ConformanceTargets", "ConformanceRunner", "ReferenceServer",
                "ConformanceTestSupport", "neptune-conformance",
            ]
        ),
        .testTarget(
            name: "WeatherTests",
            dependencies: ["Weather", "Transport", "ConformanceTestSupport"]
        ),
        .testTarget(
            name: "EmulatorTransportTests",
            dependencies: [
                "EmulatorTransport", "Transport", "ReferenceServer", "ConformanceSpec", "ConformanceTestSupport",
            ]
        ),
        .testTarget(
            name: "ConformanceRunnerTests",
            dependencies: [
                "ConformanceRunner", "ComplianceReport", "ReferenceServer", "EmulatorTransport", "Transport",
                "CaseGenerator", "QueryProtocol",
                "ConformanceSpec", "ConformanceTestSupport", "ConformanceTargets", "neptune-conformance",
                "conformance-benchmarks",
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
