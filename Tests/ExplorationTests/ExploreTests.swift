import ConformanceRunner
import ConformanceSpec
import ConformanceTargets
import ConformanceTestSupport
import Exploration
import Foundation
import Testing

/// `explore` against the embedded reference server: the same seed draws the same sequences and verdicts, a
/// difference's replay file is a scenario the loader accepts, and the plain server differs from itself nowhere.
@Suite struct ExploreTests {
    static let spec: ServiceSpec = try! SpecLoader(directory: BuiltCLI.packageRoot.appendingPathComponent("Specs"))
        .load()

    /// An explorer of `target` (`embedded`, `embedded:FAULT`) from `seed` for `steps` steps.
    static func explorer(
        _ target: String, seed: UInt64, steps: Int, replays: String? = nil, maxDifferences: Int = 1
    ) async throws -> Explorer {
        var endpoints = try ExploreEndpoints(spec: spec, target: Target(parsing: target), settings: TargetSettings())
        await endpoints.discoverAccounts(given: AccountResources.Given())
        let options = ExploreOptions(seed: seed, steps: steps, sequenceLength: 20, maxDifferences: maxDifferences)
        return Explorer(spec: spec, options: options, endpoints: endpoints, replayDirectory: replays)
    }

    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "explore-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func theSameSeedDrawsTheSameSequencesAndVerdicts() async throws {
        // Two faults, so the run goes on after the first difference and shrinks more than one.
        func run(_ seed: UInt64) async throws -> ExploreReport {
            try await Self.explorer(
                "embedded:forget-tags,snapshot-hard-coded-engine-version", seed: seed, steps: 150, maxDifferences: 5
            ).run(stop: ExploreStop())
        }
        let first = try await run(3)
        let second = try await run(3)
        let other = try await run(4)
        #expect(first.steps == 150)
        #expect(first.differences.count >= 2)
        #expect(first.trail == second.trail)
        #expect(first.differences.map(\.signature) == second.differences.map(\.signature))
        #expect(first.differences.map(\.steps) == second.differences.map(\.steps))
        #expect(first.coverage == second.coverage)
        #expect(first.trail != other.trail)
    }

    @Test func aDifferencesReplayFileIsAScenarioTheLoaderAcceptsAndReproducesIt() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let explorer = try await Self.explorer("embedded:forget-tags", seed: 1, steps: 300, replays: directory)
        let report = await explorer.run(stop: ExploreStop())
        let difference = try #require(report.differences.first)
        let file = try #require(difference.replayFile)
        let scenarios = try ScenarioFile.read(
            try String(contentsOfFile: file, encoding: .utf8), file: file, spec: Self.spec)
        #expect(scenarios.count == 1)
        let records = await explorer.replay(scenario: try #require(scenarios.first))
        #expect(records.count == difference.shrunkLength)
        #expect(records.last?.differs == true)
        #expect(!difference.curl.isEmpty)
    }

    @Test func thePlainReferenceDiffersFromItselfNowhereAndLeavesNothing() async throws {
        let report = try await Self.explorer("embedded", seed: 11, steps: 1500).run(stop: ExploreStop())
        #expect(report.steps == 1500)
        #expect(report.differences.isEmpty, "\(report.differences.map(\.signature))")
        #expect(report.leftovers.isEmpty)
        #expect(report.coverage.count > 100)
        let run = report.runReport(apiVersion: Self.spec.apiVersion)
        #expect(run.results.map(\.id) == ["explore/run"] && run.exitCode == 0)
    }

    @Test func aStopEndsTheRunWithItsReport() async throws {
        let stop = ExploreStop()
        stop.stop()
        let report = try await Self.explorer("embedded", seed: 1, steps: 1000).run(stop: stop)
        #expect(report.endedBy == "interrupted")
        #expect(report.steps == 0)
    }
}
