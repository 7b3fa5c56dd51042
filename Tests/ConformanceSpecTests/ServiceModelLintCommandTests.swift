import ConformanceSpec
import ConformanceTestSupport
import Foundation
import Testing

/// `neptune-conformance spec lint --model`, run as a user runs it: against botocore's real model (where python3
/// has botocore; CI installs it), on a spoiled copy of Specs/, and on model files that are not models.
@Suite struct ServiceModelLintCommandTests {
    static func lint(_ arguments: [String], environment: [String: String]? = nil) async throws -> ProcessResult {
        try await ProcessResult.run(TestPaths.cli, ["spec", "lint"] + arguments, environment: environment)
    }

    @Test(.enabled(if: ExternalTool.botocore.runsHere, Comment(rawValue: ExternalTool.botocore.skipReason)))
    func theRealModelAgreesWithEveryOperation() async throws {
        _ = try ExternalTool.botocore.require()
        let spec = try SpecLoader(directory: TestPaths.specs).load()
        let result = try await Self.lint(["--specs", TestPaths.specs.path, "--model", "auto"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("service-2.json"), "\(result.stdout)")
        #expect(
            result.stdout.contains("agrees: \(spec.operations.count) operations checked, "), "\(result.stdout)")
        let counts = try #require(
            result.stdout.firstMatch(of: /(\d+) members, (\d+) documented constraints and defaults compared/))
        #expect((Int(counts.1) ?? 0) > 500 && (Int(counts.2) ?? 0) > 50, "\(result.stdout)")
    }

    @Test(.enabled(if: ExternalTool.botocore.runsHere, Comment(rawValue: ExternalTool.botocore.skipReason)))
    func aSpoiledCopyExitsTwoNamingEachChange() async throws {
        _ = try ExternalTool.botocore.require()
        let copy = try SpecsCopy(of: TestPaths.specs)
        defer { copy.remove() }
        func edit(_ file: String, _ old: String, _ new: String) throws {
            try copy.replace(old, with: new, in: "operations/\(file)")
        }
        try edit("CreateDBCluster.yaml", "CopyTagsToSnapshot: {type: boolean}", "CopyTagsToSnapshot: {type: string}")
        try edit(
            "CreateDBCluster.yaml", "DBClusterIdentifier:\n    type: string\n    required: true",
            "DBClusterIdentifier:\n    type: string\n    required: false")
        try edit("CreateDBCluster.yaml", "{range: {min: 1, max: 35,", "{range: {min: 1, max: 30,")
        let result = try await Self.lint(["--specs", copy.directory.path, "--model", "auto"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: the spec departs from the service model ("), "\(result.stderr)")
        for expected in [
            "CreateDBCluster request.CopyTagsToSnapshot: type string in the spec, boolean in the service model",
            "CreateDBCluster request.DBClusterIdentifier: the service model marks it required; the spec does not",
            "CreateDBCluster request.BackupRetentionPeriod: the service model's documentation says \"Must be a value from 1 to 35",
        ] {
            #expect(result.stderr.contains("  " + expected), "missing: \(expected)\n\(result.stderr)")
        }
        #expect(result.stderr.contains("in 3 place(s):"), "\(result.stderr)")
    }

    @Test(arguments: [
        ("{\"metadata\": {\"apiVersion\": ", "not JSON (truncated or malformed, 28 bytes)"),
        ("<html>not a model</html>", "not JSON (truncated or malformed, 24 bytes)"),
        ("{\"metadata\": {}, \"shapes\": {}, \"operations\": {}}", "at metadata: missing key 'apiVersion'"),
    ])
    func aModelFileThatIsNotAModelIsAClearError(_ text: String, _ expected: String) async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ml-model-\(UUID().uuidString).json")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await Self.lint(["--specs", TestPaths.specs.path, "--model", file.path])
        #expect(result.status == 2)
        #expect(
            result.stderr == "error: the service model cannot be read: \(file.path): \(expected)\n", "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func aMissingModelFileIsAClearError() async throws {
        let result = try await Self.lint(["--specs", TestPaths.specs.path, "--model", "/nonexistent/service-2.json"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: the service model cannot be read: /nonexistent/service-2.json: cannot read the file\n")
    }

    @Test func autoWithoutBotocoreSaysSo() async throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("ml-nopython-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = empty.path  // no python3 on PATH
        let result = try await Self.lint(
            ["--specs", TestPaths.specs.path, "--model", "auto"], environment: environment)
        #expect(result.status == 2)
        #expect(result.stderr.contains("python3 cannot import botocore (pip install botocore)"), "\(result.stderr)")
        #expect(result.stderr.contains("give --model PATH"))
    }
}
