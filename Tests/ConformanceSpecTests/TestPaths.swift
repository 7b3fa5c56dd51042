import ConformanceTestSupport
import Foundation

/// Paths the tests use: the package root, its Specs/, the source material in Facts/, the built CLI.
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let specs = packageRoot.appendingPathComponent("Specs")
    /// The project's copy of its sources (Facts/README.md): the API document, the facts tables, real AWS answers.
    static let factsFolder = packageRoot.appendingPathComponent("Facts")
    static let seedDocument = factsFolder.appendingPathComponent("api-document/neptune-2022-10-26.txt")
    static let facts = factsFolder.appendingPathComponent("NEPTUNE-FACTS.md")
    static let facts2 = factsFolder.appendingPathComponent("NEPTUNE-FACTS-2.md")

    /// The `neptune-conformance` binary SwiftPM built beside the test bundle.
    static var cli: URL { BuiltCLI.url }
}
