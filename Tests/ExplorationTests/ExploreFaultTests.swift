import ConformanceSpec
import Exploration
import Foundation
import Testing

/// Each fault of the reference server that only shows across requests is found by `explore` from a fixed seed
/// within a bounded number of steps, shrunk to at most six steps, and its replay file shows it again. Each seed is
/// the one of 1…15 that finds its fault soonest (of 1…10 for the two that need more than 500 steps), so the suite
/// stays cheap (`Benchmarks/README.md`, "explore"); a change to the generator may move them, and
/// `bash Scripts/explore-fault-seeds.sh` finds them again (it prints these rows). Faults a single
/// request shows (a made-up cluster name for `instance-in-missing-cluster`) are `run`'s to find, not these.
@Suite struct ExploreFaultTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var fault: String
        var seed: UInt64
        /// Steps within which the fault is found.
        var steps: Int
        var testDescription: String { "\(fault) (seed \(seed), within \(steps) steps)" }
    }

    static let cases: [Case] = [
        Case(fault: "forget-tags", seed: 3, steps: 15),
        Case(fault: "keep-removed-tags", seed: 4, steps: 20),
        Case(fault: "delete-snapshots-with-cluster", seed: 1, steps: 80),
        Case(fault: "instance-hard-coded-engine-version", seed: 1, steps: 10),
        Case(fault: "snapshot-hard-coded-engine-version", seed: 1, steps: 10),
        Case(fault: "restore-hard-coded-engine-version", seed: 11, steps: 40),
        Case(fault: "delete-cluster-with-instances", seed: 14, steps: 130),
        Case(fault: "rename-keeps-old-name", seed: 4, steps: 190),
        Case(fault: "stop-stopped-cluster", seed: 3, steps: 560),
        Case(fault: "start-available-cluster", seed: 2, steps: 20),
        Case(fault: "accept-duplicate-cluster", seed: 8, steps: 10),
        Case(fault: "delete-protected-cluster", seed: 9, steps: 240),
        Case(fault: "failover-without-replica", seed: 2, steps: 20),
        Case(fault: "failover-keeps-writer", seed: 14, steps: 120),
        Case(fault: "failover-to-writer", seed: 3, steps: 500),
        Case(fault: "add-role-twice", seed: 6, steps: 120),
        Case(fault: "ignore-region", seed: 1, steps: 5),
        Case(fault: "accept-non-member-target", seed: 8, steps: 40),
        Case(fault: "ignore-modified-scaling", seed: 1, steps: 460),
        Case(fault: "keep-deleted-static-member", seed: 8, steps: 1050),
    ]

    @Test(arguments: cases)
    func exploreFindsShrinksAndReplaysIt(_ item: Case) async throws {
        let directory = ExploreTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let explorer = try await ExploreTests.explorer(
            "embedded:\(item.fault)", seed: item.seed, steps: item.steps, replays: directory)
        let report = await explorer.run(stop: ExploreStop())
        let difference = try #require(report.differences.first, "no difference in \(report.steps) steps")
        #expect(difference.reproduced)
        #expect(difference.shrunkLength <= 6, "\(difference.steps)")
        let file = try #require(difference.replayFile)
        let scenario = try #require(
            try ScenarioFile.read(
                try String(contentsOfFile: file, encoding: .utf8), file: file, spec: ExploreTests.spec
            )
            .first)
        let records = await explorer.replay(scenario: scenario)
        #expect(records.last?.differs == true, "the replay of \(file) no longer differs")
        // As the suite's reports read it: the difference failed with its findings, the run as a whole failed.
        let run = report.runReport(apiVersion: ExploreTests.spec.apiVersion)
        let failed = try #require(run.results.first { $0.id.hasPrefix("explore/1/") })
        #expect(failed.verdict == .failed && failed.findings == difference.findings)
        #expect(failed.summary.contains(difference.steps.joined(separator: " -> ")))
        #expect(run.results.last?.id == "explore/run" && run.results.last?.verdict == .failed)
        #expect(run.exitCode == 1)
    }
}
