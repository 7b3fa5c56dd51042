import CaseGenerator
import ConformanceRunner
import ConformanceSpec
import ConformanceTestSupport
import QueryProtocol
import ReferenceServer
import Testing

/// The runner does what `resources.yaml` says, not what it knows: change a lifecycle fact in the spec and its
/// state waits and final sweep change with it.
@Suite struct LifecycleDataTests {
    /// A case whose set-up makes a deletion-protected cluster and whose tear-down is empty, so only the final
    /// sweep can remove it.
    static func protectedClusterCase(_ spec: ServiceSpec) throws -> TestCase {
        let cluster = try #require(spec.resources.lifecycle(of: .dbCluster))
        let create = cluster.setup.create.adding(try #require(cluster.deletionProtection).on)
        let describe = cluster.describe
        return TestCase(
            id: "\(describe.operation)/stateful/protected-left-to-the-sweep", operation: describe.operation,
            kind: .stateful, tags: [],
            covers: [], summary: "", setup: [Step(Request(create, id: "nc-sweep-c1"), waitFor: create.waitFor)],
            request: Request(
                operation: describe.operation, parameters: [Parameter(describe.identifier, .scalar("nc-sweep-c1"))]),
            expectation: .anySuccess(source: "test"))
    }

    func run(_ testCase: TestCase, spec: ServiceSpec) async throws -> (RunReport, [String]) {
        let emulator = NeptuneEmulator(spec: Fixtures.spec)
        let options = ConformanceRun.Options(concurrency: 1, stateTimeout: .milliseconds(500))
        let report = try await ReferenceServer.withRunning(emulator: emulator) { url in
            await ConformanceRun(
                spec: spec, endpoint: Endpoint(url: url), goldenDirectory: Fixtures.goldens, options: options
            ).run([testCase]).report
        }
        return (report, await emulator.inventory())
    }

    @Test func theSweepSwitchesDeletionProtectionOffAsTheSpecSays() async throws {
        let (report, inventory) = try await run(try Self.protectedClusterCase(Fixtures.spec), spec: Fixtures.spec)
        #expect(report.results.first?.verdict == .passed, "\(report.results.first?.reason ?? "")")
        #expect(report.leftovers.isEmpty)
        #expect(inventory.isEmpty)
    }

    @Test func withoutTheSwitchOffStepTheSweepReportsTheLeftover() async throws {
        var spec = Fixtures.spec
        let index = try #require(spec.resources.lifecycles.firstIndex { $0.kind == .dbCluster })
        let testCase = try Self.protectedClusterCase(spec)
        spec.resources.lifecycles[index].deletionProtection = nil
        let (report, inventory) = try await run(testCase, spec: spec)
        // Named by kind and identifier, with the case it comes from and the endpoint's refusal of its delete.
        #expect(report.leftovers.count == 1)
        let leftover = try #require(report.leftovers.first)
        #expect(leftover.hasPrefix("DBCluster nc-sweep-c1: made by set-up step 1 (CreateDBCluster) of \(testCase.id)"))
        #expect(leftover.contains("its delete got HTTP 400 InvalidParameterCombination"), "\(leftover)")
        #expect(inventory == ["DBCluster nc-sweep-c1"])
    }

    @Test func stateWaitsReadTheStatusMemberTheSpecNames() async throws {
        var spec = Fixtures.spec
        let index = try #require(spec.resources.lifecycles.firstIndex { $0.kind == .dbCluster })
        spec.resources.lifecycles[index].describe.status = "Phase"
        let (report, _) = try await run(try Self.protectedClusterCase(Fixtures.spec), spec: spec)
        let result = try #require(report.results.first)
        #expect(result.verdict == .errored)
        #expect(
            result.reason?.contains("answer for nc-sweep-c1 has no Phase, so its state cannot be read") == true,
            "\(result.reason ?? "")")
        #expect(report.leftovers.isEmpty)
    }
}
