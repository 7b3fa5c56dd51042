import ConformanceTestSupport
import Foundation
import Testing

/// moto's own Neptune tests (moto 5.2.1's `tests/test_neptune`), run in moto's server mode against `serve`, as a
/// user who moves from moto to `serve` would. Every test passes except the ones listed here, each either an
/// assertion of moto-only behaviour (with the AWS source that contradicts it) or one needing an operation `serve`
/// does not implement yet. A listed moto-only test that starts passing, or an unlisted one that fails, fails this.
@Suite(
    .enabled(
        if: ExternalTool.motoNeptuneTests.runsHere, Comment(rawValue: ExternalTool.motoNeptuneTests.skipReason)))
struct MotoOwnTestsTests {
    /// Test id → why it fails against a conformant Neptune (moto-only behaviour, with the source).
    static let motoOnly: [String: String] = [
        "test_clusters.py::test_create_db_cluster__with_additional_params":
            "sends EngineVersion 1.1.0.1, not an engine version Neptune offers today (NEPTUNE-FACTS-2 §3.1, the engine releases page: the 1.1.0.x releases are past their end of life)",
        "test_clusters.py::test_modify_db_cluster":
            "sends EngineVersion 1.1.0.1, not an engine version Neptune offers today (NEPTUNE-FACTS-2 §3.1)",
        "test_clusters.py::test_delete_db_cluster":
            "deletes without SkipFinalSnapshot or FinalDBSnapshotIdentifier; the API reference (DeleteDBCluster): \"You must specify a FinalDBSnapshotIdentifier parameter if SkipFinalSnapshot is false\", and SkipFinalSnapshot defaults to false",
        "test_clusters.py::test_delete_unknown_db_cluster":
            "the same delete without SkipFinalSnapshot or FinalDBSnapshotIdentifier: the request is refused before the cluster is looked up (InvalidParameterCombination, inferred order)",
        "test_cluster_options.py::test_db_cluster_options":
            "counts the orderable options AWS listed on 2023-02-23 (286, and 12 for engine 1.0.3.0); today's catalogue of engine versions and instance classes (NEPTUNE-FACTS-2 §3.1, §3.4) lists more, and the 1.0.x engines are retired",
        "test_global_clusters.py::test_create_global_cluster_with_additional_params":
            "sends EngineVersion 1.0, not an engine version Neptune offers; the model (CreateGlobalCluster EngineVersion): \"Valid values: 1.2.0.0 or above\" (NEPTUNE-FACTS-2 §2.9, §3.1)",
        "test_clusters.py::test_create_db_cluster_with_instance":
            "expects a cluster made without EngineVersion to run 1.3.2.1, moto's fixed default; a cluster gets the engine version DescribeDBEngineVersions answers as the default (DefaultOnly; Specs/catalogues.yaml, the engine releases page, NEPTUNE-FACTS-2 §3.1: 1.4.6.3 today), and its instance runs its cluster's",
        "test_clusters.py::test_start_db_cluster":
            "expects the status 'started', which is no Neptune cluster status; StartDBCluster answers 'starting' (NEPTUNE-FACTS §statuses, the API reference's DBCluster.Status values)",
    ]

    /// Test id → the operation `serve` does not implement yet (issue #19).
    static let pending: [String: String] = [:]

    @Test func motoOwnNeptuneTestsPassAgainstServeButForMotoOnlyBehaviour() async throws {
        let suite = try ExternalTool.motoNeptuneTests.require()
        let python = try ExternalTool.botocore.require()
        let server = try await ServeProcess.start()
        defer { server.stop() }
        let results = FileManager.default.temporaryDirectory.appendingPathComponent(
            "moto-neptune-\(UUID().uuidString).xml"
        )
        .path
        defer { try? FileManager.default.removeItem(atPath: results) }
        var environment = ProcessInfo.processInfo.environment
        environment["TEST_SERVER_MODE"] = "true"
        environment["TEST_SERVER_MODE_ENDPOINT"] = server.url
        environment["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE"
        environment["AWS_SECRET_ACCESS_KEY"] = "secret"
        let run = try await ProcessResult.run(
            URL(fileURLWithPath: python),
            ["-m", "pytest", "-q", "-p", "no:cacheprovider", "--junitxml", results, suite + "/tests/test_neptune"],
            environment: environment)
        let outcomes = try Self.outcomes(junit: results)
        #expect(outcomes.count >= 15, "pytest ran \(outcomes.count) tests: \(run.stdout.suffix(1500))")
        let failed = Set(outcomes.filter { !$0.value }.keys)
        let unexpected = failed.subtracting(Self.motoOnly.keys).subtracting(Self.pending.keys)
        #expect(
            unexpected.isEmpty,
            "moto's tests that fail against serve: \(unexpected.sorted())\n\(run.stdout.suffix(3000))")
        let nowPassing = Set(Self.motoOnly.keys).subtracting(failed)
        #expect(nowPassing.isEmpty, "listed as moto-only yet passing against serve: \(nowPassing.sorted())")
        print(
            "moto 5.2.1's Neptune tests against serve: \(outcomes.values.filter { $0 }.count) of \(outcomes.count) pass, "
                + "\(failed.intersection(Self.motoOnly.keys).count) assert moto-only behaviour, "
                + "\(failed.intersection(Self.pending.keys).count) need operations not served yet")
    }

    /// `file.py::test` → passed, from pytest's JUnit XML.
    static func outcomes(junit path: String) throws -> [String: Bool] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var outcomes: [String: Bool] = [:]
        for chunk in text.components(separatedBy: "<testcase ").dropFirst() {
            func attribute(_ name: String) -> String? {
                let spaced = " " + chunk
                guard let start = spaced.range(of: " \(name)=\"") else { return nil }
                return String(spaced[start.upperBound...].prefix { $0 != "\"" })
            }
            guard let classname = attribute("classname"), let name = attribute("name") else { continue }
            let file = (classname.split(separator: ".").last.map(String.init) ?? classname) + ".py"
            let head = chunk.components(separatedBy: "</testcase>").first ?? chunk
            outcomes["\(file)::\(name)"] = !(head.contains("<failure") || head.contains("<error"))
        }
        return outcomes
    }
}
