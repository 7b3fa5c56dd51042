import ConformanceTestSupport
import Foundation
import Testing

/// `neptune-conformance spec lint` and `spec show`, run as a user runs them.
@Suite struct SpecCommandTests {
    @Test func lintPassesOnSpecs() async throws {
        let result = try await ProcessResult.run(TestPaths.cli, ["spec", "lint", "--specs", TestPaths.specs.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("ok: "), "\(result.stdout)")
        #expect(result.stdout.contains(" operations, ") && !result.stdout.hasPrefix("ok: 0 "))
    }

    @Test func lintFailsWithExitTwoAndAReadableMessageOnABrokenCopy() async throws {
        let copy = try SpecsCopy(of: TestPaths.specs)
        defer { copy.remove() }
        try copy.replace("min: 1150", with: "min: low", in: "operations/ModifyDBCluster.yaml")
        let result = try await ProcessResult.run(TestPaths.cli, ["spec", "lint", "--specs", copy.directory.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("operations/ModifyDBCluster.yaml:"))
        #expect(result.stderr.contains("parameters.Port.constraints[0].range.min: expected a number, found 'low'"))
        #expect(result.stdout.isEmpty)
    }

    @Test func showPrintsAnOperation() async throws {
        let result = try await ProcessResult.run(
            TestPaths.cli, ["spec", "show", "stopdbcluster", "--specs", TestPaths.specs.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("StopDBCluster  (POST /  Action=StopDBCluster  Version=2014-10-31)"))
        #expect(
            result.stdout.contains(
                "the cluster DBClusterIdentifier is available -> InvalidDBClusterStateFault (400 Sender)"))
    }

    @Test func showNamesTheOperationsWhenTheNameIsUnknown() async throws {
        let result = try await ProcessResult.run(
            TestPaths.cli, ["spec", "show", "CreateCluster", "--specs", TestPaths.specs.path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("no operation 'CreateCluster' in the spec; try one of: "))
        #expect(result.stderr.contains(" CreateDBCluster,"), "\(result.stderr)")
        #expect(!result.stderr.contains("<subcommand>"), "\(result.stderr)")
    }
}
