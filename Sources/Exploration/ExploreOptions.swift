import Foundation

/// How long and how `explore` explores.
public struct ExploreOptions: Sendable, Equatable {
    public var seed: UInt64
    /// Judged steps in all (not counting clean-up); nil: until `time` or a stop.
    public var steps: Int?
    /// Wall-clock limit; nil: none.
    public var time: Duration?
    /// Steps in one sequence before it is cleaned up and a new one starts.
    public var sequenceLength: Int
    /// Percent of steps drawn to break one precondition.
    public var breakShare: Int
    /// Replays one shrink may use.
    public var shrinkBudget: Int
    /// Distinct differences after which the run stops.
    public var maxDifferences: Int

    public init(
        seed: UInt64 = 1, steps: Int? = 1000, time: Duration? = nil, sequenceLength: Int = 20, breakShare: Int = 15,
        shrinkBudget: Int = 120, maxDifferences: Int = 50
    ) {
        self.seed = seed
        self.steps = steps
        self.time = time
        self.sequenceLength = sequenceLength
        self.breakShare = breakShare
        self.shrinkBudget = shrinkBudget
        self.maxDifferences = maxDifferences
    }

    /// The prefix of every identifier the run makes: `nx` and four hex digits of the seed, then two of the sequence
    /// or replay (`nx3fa2-07`), so the final sweep recognises them all.
    public var root: String {
        var random = SeededRandom(seed: seed)
        let hex = String(random.next() & 0xFFFF, radix: 16)
        return "nx" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    func prefix(_ number: Int) -> String {
        let hex = String(number & 0xFF, radix: 16)
        return root + String(repeating: "0", count: 2 - hex.count) + hex
    }
}

/// A flag Ctrl-C (or a test) sets to end a run at the next step; the run then cleans up and reports.
public final class ExploreStop: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false

    public init() {}

    public func stop() { lock.withLock { stopped = true } }
    public var isStopped: Bool { lock.withLock { stopped } }
}
