import ConformanceRunner
import Foundation

/// What an `explore` run found: its settings, how far it went, each distinct difference with its minimal sequence,
/// the (kind, state, operation) triples it reached, and what the final sweep found left on the target.
public struct ExploreReport: Sendable, Codable, Equatable {
    public var target: String
    public var seed: UInt64
    public var steps: Int
    public var sequences: Int
    public var seconds: Double
    public var stepsPerSecond: Double
    /// Why the run ended: `steps`, `time`, `interrupted`, `differences`, or `replay`.
    public var endedBy: String
    public var differences: [ExploreDifference]
    /// Every reached triple with the number of steps that reached it.
    public var coverage: [TripleCount]
    /// Resources of the run the final sweep found on the target and could not delete.
    public var leftovers: [String]
    public var notes: [String]
    /// A digest of every step sent and whether it differed (FNV-1a, hex): equal for runs that drew the same
    /// sequences and reached the same verdicts.
    public var trail: String

    public struct TripleCount: Sendable, Codable, Equatable {
        public var triple: ExploreTriple
        public var steps: Int
    }

    public var exitCode: Int32 { differences.isEmpty ? 0 : 1 }
}

/// One distinct difference: where it was first found, the minimal sequence that shows it, and the findings of its
/// last step (with the evidence of what the reference answered).
public struct ExploreDifference: Sendable, Codable, Equatable {
    public var number: Int
    public var signature: String
    public var operation: String
    /// The run's step count when it was first found.
    public var foundAtStep: Int
    /// Times it was seen again in later steps.
    public var seenAgain: Int
    public var originalLength: Int
    public var shrunkLength: Int
    /// False when replaying the sequence from a clean state did not show it again; the sequence is then unshrunk.
    public var reproduced: Bool
    public var replays: Int
    /// True when Ctrl-C or the time limit cut shrinking short (the sequence is the smallest found until then).
    public var shrinkingCut: Bool
    public var findings: [Finding]
    /// True when what the reference answered rests on an inferred expectation.
    public var inferred: Bool
    public var steps: [String]
    public var replayFile: String?
    public var curl: [String]
    public var referenceAnswer: String?
    public var targetAnswer: String?
}
