import ConformanceRunner
import ConformanceSpec
import ConformanceTestSupport
import Foundation
import Testing

/// A user's package may have `Specs/` and `Golden/` folders of its own: the suite reads this package's,
/// whatever the working directory, unless a directory is given.
@Suite struct ResourceLocationTests {
    /// A directory laid out like a user's package, with a broken `Specs/service.yaml` and a wrong golden for
    /// a case that passes with the right one.
    static func userPackage() throws -> String {
        let root = RunCommandTests.temporaryDirectory()
        let manager = FileManager.default
        try manager.createDirectory(atPath: "\(root)/Specs/operations", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: "\(root)/Golden/CreateDBCluster/valid", withIntermediateDirectories: true)
        try "// swift-tools-version:6.0\nimport PackageDescription\nlet package = Package(name: \"users-emulator\")\n"
            .write(toFile: "\(root)/Package.swift", atomically: true, encoding: .utf8)
        try "service: [this is not the spec\n".write(
            toFile: "\(root)/Specs/service.yaml", atomically: true, encoding: .utf8)
        try "<UsersOwnGolden/>\n".write(
            toFile: "\(root)/Golden/CreateDBCluster/valid/minimal.xml", atomically: true, encoding: .utf8)
        return root
    }

    /// The built CLI started in the user's package: every case passes against the embedded server, so neither
    /// the broken spec nor the wrong golden was read.
    @Test func aRunInAUsersPackageReadsThisPackagesSpecsAndGoldens() async throws {
        let package = try Self.userPackage()
        var environment = ProcessInfo.processInfo.environment
        environment[SpecLocation.environmentVariable] = nil
        let result = try await ProcessResult.run(
            URL(fileURLWithPath: "/bin/sh"),
            [
                "-c", "cd \"$1\" && shift && exec \"$@\"", "sh", package, BuiltCLI.url.path, "run", "--quiet",
                "--report-dir", "reports",
            ],
            environment: environment)
        #expect(result.status == 0, "\(result.stdout.suffix(2000))\n\(result.stderr.suffix(1000))")
        let report = try JSONDecoder().decode(
            RunReport.self, from: Data(contentsOf: URL(fileURLWithPath: "\(package)/reports/report.json")))
        #expect(report.results.count == Fixtures.cases.count)
        #expect(report.count(.passed) == Fixtures.cases.count)
        #expect(report.results.contains { $0.id == "CreateDBCluster/valid/minimal" && $0.verdict == .passed })
    }

    @Test func theDefaultsAreThisPackagesFoldersAndAGivenDirectoryWins() throws {
        let root = BuiltCLI.packageRoot
        #expect(GoldenLocation.directory() == root.appendingPathComponent("Golden").path)
        #expect(GoldenLocation.directory("/elsewhere/Golden") == "/elsewhere/Golden")
        #expect(SpecLocation.defaultDirectory(environment: [:]).path == root.appendingPathComponent("Specs").path)
        #expect(
            SpecLocation.defaultDirectory(environment: [SpecLocation.environmentVariable: "/elsewhere/Specs"]).path
                == "/elsewhere/Specs")
        let suite = try ConformanceSuite()
        #expect(suite.goldenDirectory == root.appendingPathComponent("Golden").path)
        #expect(suite.cases.count == Fixtures.cases.count)
        let given = try ConformanceSuite(goldenDirectory: "/elsewhere/Golden")
        #expect(given.goldenDirectory == "/elsewhere/Golden")
    }
}
