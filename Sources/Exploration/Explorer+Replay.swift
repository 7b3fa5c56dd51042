import ConformanceRunner
import ConformanceSpec
import Foundation

extension Explorer {
    /// Replays `steps` from a clean state: a fresh reference, a fresh embedded target (or the URL target under a new
    /// prefix), the names declared with the kinds `kinds` gives them; cleans up afterwards.
    func replay(_ steps: [ExploreStep], kinds: ExploreWorld, attempt: Int) async -> [StepRecord] {
        var world = ExploreWorld(counter: kinds.counter)
        for step in steps {
            for name in step.names + [step.subject] where world.resource(name) == nil {
                let known = kinds.resource(name)
                world.declare(
                    name, kind: known?.kind ?? step.kind, inSecondRegion: known?.inSecondRegion ?? step.inSecondRegion,
                    related: known?.related ?? [:])
            }
        }
        var session = LockstepSession(
            spec: spec, reference: endpoints.freshReference(), target: endpoints.freshTarget(),
            prefix: options.prefix(0x80 + attempt % 0x80), world: world)
        var records: [StepRecord] = []
        for step in steps { records.append(await session.perform(step)) }
        if !endpoints.targetIsFresh { await session.cleanUp() }
        return records
    }

    /// Shrinks the sequence `done`, whose last step differed as `record` shows, and describes the result. Once
    /// `interrupted` says so (Ctrl-C, the time limit), no further replay is sent: the smallest sequence so far stands.
    func shrink(
        _ done: [ExploreStep], record: StepRecord, signature: String, number: Int, foundAt: Int, kinds: ExploreWorld,
        interrupted: @escaping () -> Bool = { false }
    ) async -> ExploreDifference {
        let attempts = AttemptCounter()
        let budget = endpoints.targetIsFresh ? options.shrinkBudget : min(options.shrinkBudget, 40)
        let shrinker = SequenceShrinker(
            replay: { steps in
                interrupted() ? [] : await replay(steps, kinds: kinds, attempt: attempts.next())
            }, signature: signature, budget: budget)
        let outcome = await shrinker.shrink(done)
        let records = outcome.reproduced ? outcome.records : [record]
        let last = records.last ?? record
        var difference = ExploreDifference(
            number: number, signature: signature, operation: record.step.operation, foundAtStep: foundAt, seenAgain: 0,
            originalLength: done.count, shrunkLength: outcome.steps.count, reproduced: outcome.reproduced,
            replays: outcome.replays, shrinkingCut: interrupted(), findings: last.findings,
            inferred: last.findings.contains { $0.evidence?.level == .inferred },
            steps: records.map(\.summary), replayFile: nil,
            curl: CurlLines(spec: spec, url: endpoints.curlURL, region: endpoints.region).lines(for: records),
            referenceAnswer: last.reference.body ?? last.reference.failure,
            targetAnswer: last.target.body ?? last.target.failure)
        if let replayDirectory {
            let scenario = ReplayFile(spec: spec).scenario(
                named: "explore-\(options.seed)-\(number)", steps: outcome.steps, kinds: kinds,
                outcome: last.reference, summary: "\(record.step.operation) differs: \(signature)")
            let path = (replayDirectory as NSString).appendingPathComponent("explore-\(number).yaml")
            do {
                try FileManager.default.createDirectory(atPath: replayDirectory, withIntermediateDirectories: true)
                try scenario.write(toFile: path, atomically: true, encoding: .utf8)
                difference.replayFile = path
            } catch {
                difference.replayFile = nil
            }
        }
        return difference
    }
}

/// Numbers the replays of a run, so each uses a prefix of its own on a shared target.
final class AttemptCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func next() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }
}

extension ExploreEndpoints {
    /// The URL curl lines send to: the target's, or `$ENDPOINT` for an embedded one (`serve` prints its URL).
    var curlURL: String {
        if case .url(let url) = target { return url }
        return "$ENDPOINT"
    }
}

extension Explorer {
    /// curl command lines that send `records`' requests to the target as it got them.
    public func curlLines(for records: [StepRecord]) -> [String] {
        CurlLines(spec: spec, url: endpoints.curlURL, region: endpoints.region).lines(for: records)
    }

    /// Replays a scenario (an explore replay file, or any of `scenarios.yaml`'s) in lockstep from a clean state.
    public func replay(scenario: Scenario) async -> [StepRecord] {
        let (steps, kinds) = ReplayFile(spec: spec).steps(of: scenario)
        return await replay(steps, kinds: kinds, attempt: 0)
    }
}
