import CaseGenerator
import ConformanceRunner
import ConformanceSpec
import ConformanceTestSupport
import Foundation
import Testing

/// `run --plan`: what a run would create, from the spec alone, before anything is sent.
@Suite struct RunPlanTests {
    @Test func thePlanCountsWhatTheCasesCreate() throws {
        let spec = Fixtures.spec
        let cases = Fixtures.cases
        let plan = RunPlan(spec: spec, cases: cases, concurrency: 4)
        // Counted independently: every set-up step that creates, and every create request expecting a success.
        var expected: [String: Int] = [:]
        for testCase in cases {
            var requests = testCase.setup.map(\.request)
            if case .success = testCase.expectation { requests.append(testCase.request) }
            if case .anySuccess = testCase.expectation { requests.append(testCase.request) }
            for request in requests {
                for (kind, parameter) in spec.resources.creations(by: request.operation)
                where request.value(at: parameter) != nil {
                    expected[kind.rawValue, default: 0] += 1
                }
            }
        }
        #expect(Dictionary(uniqueKeysWithValues: plan.created.map { ($0.kind, $0.count) }) == expected)
        #expect(plan.created.count >= 2)
        #expect(plan.lines.first?.hasPrefix("Plan: \(plan.creatingCases) of \(cases.count) cases") == true)
        #expect(plan.lines.contains { $0.contains("instance-hours of db.r5.large") })
        let serial = RunPlan(spec: spec, cases: cases, concurrency: 1)
        #expect(serial.minutes >= plan.minutes * 3, "one at a time takes longer: \(serial.minutes) vs \(plan.minutes)")
    }

    @Test func aReadOnlySelectionCreatesNothing() throws {
        let cases = Fixtures.cases.filter { $0.setup.isEmpty && $0.kind == .invalid }
        let plan = RunPlan(spec: Fixtures.spec, cases: cases, concurrency: 2)
        #expect(plan.created.isEmpty)
        #expect(plan.lines == ["Plan: 0 of \(cases.count) cases create resources on the endpoint:", "  nothing"])
    }

    /// `--plan` sends nothing: against a port where nothing listens it prints the plan and exits 0.
    @Test func planSendsNothing() async throws {
        let result = try await ProcessResult.run(
            BuiltCLI.url, ["run", "--plan", "--endpoint", "http://127.0.0.1:9", "--operation", "StopDBCluster"])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("Plan: ") && result.stdout.contains("DBCluster"))
        #expect(!result.stdout.contains("Running"))
    }

    /// Before anything is created on a remote endpoint the plan is printed (here the run then stops: no credentials).
    @Test func aRemoteEndpointShowsThePlanFirst() async throws {
        let result = try await ProcessResult.run(
            BuiltCLI.url,
            [
                "run", "--endpoint", "https://rds.us-east-1.amazonaws.com", "--allow-real-endpoint", "--operation",
                "StopDBCluster",
            ], environment: ["HOME": RunCommandTests.temporaryDirectory(), "PATH": "/usr/bin:/bin"])
        #expect(result.stdout.contains("Plan: "), "\(result.stdout)\n\(result.stderr)")
        #expect(result.status == 2)
        #expect(!result.stdout.contains("Running"))
    }
}
