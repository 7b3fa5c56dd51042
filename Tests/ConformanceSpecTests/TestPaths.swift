import ConformanceTestSupport
import Foundation

/// Paths the tests use: the package root, its Specs/, the shared material beside the clone, the built CLI.
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let specs = packageRoot.appendingPathComponent("Specs")
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let seedDocument = shared.appendingPathComponent("seeds/000_3e632a306ddc0832.txt")
    static let facts = shared.appendingPathComponent("NEPTUNE-FACTS.md")
    static var hasSeed: Bool { FileManager.default.fileExists(atPath: seedDocument.path) }
    /// True in CI, where material that may be absent on a laptop must be present.
    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The `neptune-conformance` binary SwiftPM built beside the test bundle.
    static var cli: URL { BuiltCLI.url }

    /// A fresh copy of Specs/ in a temporary directory, for tests that break it on purpose.
    static func specCopy() throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("specs-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: specs, to: target)
        return target
    }
}
