import ConformanceRunner
import ConformanceSpec
import Foundation

/// Runs `explore`: sequence after sequence of drawn steps sent in lockstep to the target and the reference; a new
/// difference ends its sequence and is shrunk to a minimal replay; each sequence deletes what it made; at the end a
/// sweep looks for anything of the run left on the target.
public struct Explorer: Sendable {
    public let spec: ServiceSpec
    public let options: ExploreOptions
    public var endpoints: ExploreEndpoints
    /// Where replay files go (nil: none written).
    public var replayDirectory: String?

    public init(spec: ServiceSpec, options: ExploreOptions, endpoints: ExploreEndpoints, replayDirectory: String? = nil)
    {
        self.spec = spec
        self.options = options
        self.endpoints = endpoints
        self.replayDirectory = replayDirectory
    }

    /// Explores until the step or time limit, `maxDifferences`, or `stop`; `progress` receives lines for people.
    public func run(stop: ExploreStop, progress: @Sendable (String) -> Void = { _ in }) async -> ExploreReport {
        let clock = ContinuousClock()
        let started = clock.now
        let generator = StepGenerator(spec: spec, breakShare: options.breakShare)
        var reached: [ExploreTriple: Int] = [:]
        var taken: Set<String> = []
        var trail = TrailDigest()
        var differences: [ExploreDifference] = []
        var signatures: [String: Int] = [:]
        var steps = 0
        var sequences = 0
        var counter = 0
        var endedBy = "steps"
        let target = endpoints.freshTarget()
        func timeUp() -> Bool { options.time.map { clock.now - started >= $0 } ?? false }
        func stepsUp() -> Bool { options.steps.map { steps >= $0 } ?? false }
        outer: while true {
            if stop.isStopped {
                endedBy = "interrupted"
                break
            }
            if stepsUp() {
                endedBy = "steps"
                break
            }
            if timeUp() {
                endedBy = "time"
                break
            }
            if differences.count >= options.maxDifferences {
                endedBy = "differences"
                break
            }
            sequences += 1
            var random = SeededRandom(seed: options.seed &* 0x2545_F491_4F6C_DD1D &+ UInt64(sequences))
            var session = LockstepSession(
                spec: spec, reference: endpoints.freshReference(), target: target,
                prefix: options.prefix(sequences), world: ExploreWorld(counter: counter))
            var done: [ExploreStep] = []
            let focus = generator.focus(random: &random)
            for _ in 0..<options.sequenceLength {
                if stop.isStopped || stepsUp() || timeUp() { break }
                var world = session.world
                guard let step = generator.next(world: &world, reached: taken, focus: focus, random: &random) else {
                    break
                }
                let triple = Self.triple(of: step, in: session.world)
                taken.insert(ExploreMove.key(triple, breaks: step.breaks))
                session.world = world
                let record = await session.perform(step)
                trail.add(record.summary)
                done.append(step)
                steps += 1
                reached[triple, default: 0] += 1
                guard record.differs else { continue }
                let signature = DifferenceSignature.of(record)
                if let known = signatures[signature] {
                    differences[known].seenAgain += 1
                    continue
                }
                signatures[signature] = differences.count
                progress("step \(steps): \(step.operation) differs; shrinking \(done.count) steps")
                let difference = await shrink(
                    done, record: record, signature: signature, number: differences.count + 1, foundAt: steps,
                    kinds: session.world, interrupted: { stop.isStopped || timeUp() })
                progress(
                    "  difference \(difference.number): \(difference.signature) (\(difference.shrunkLength) steps)")
                differences.append(difference)
                break
            }
            counter = session.world.counter
            await session.cleanUp()
            if stop.isStopped {
                endedBy = "interrupted"
                break outer
            }
        }
        let leftovers = await FinalSweep(spec: spec, root: options.root).sweep(target) + endpoints.cleanUpAccount()
        let seconds =
            Double((clock.now - started).components.seconds)
            + Double((clock.now - started).components.attoseconds) / 1e18
        return ExploreReport(
            target: endpoints.target.description, seed: options.seed, steps: steps, sequences: sequences,
            seconds: seconds, stepsPerSecond: seconds > 0 ? Double(steps) / seconds : 0, endedBy: endedBy,
            differences: differences,
            coverage: reached.sorted { $0.key < $1.key }.map {
                ExploreReport.TripleCount(triple: $0.key, steps: $0.value)
            },
            leftovers: leftovers,
            notes: [
                "sequences of up to \(options.sequenceLength) steps, about \(options.breakShare) % of steps drawn to break "
                    + "one precondition; identifiers start with \(options.root)",
                "the reference server in memory settles a passing state by the next request, so "
                    + "the states reached are settled ones",
            ], trail: trail.hex)
    }

    /// The triple a step reaches: its kind, the state its subject is in before it, its operation.
    static func triple(of step: ExploreStep, in world: ExploreWorld) -> ExploreTriple {
        let state: String
        if let subject = world.resource(step.subject) {
            state = subject.alive ? subject.state : (step.role == .create ? "absent" : "deleted")
        } else {
            state = "absent"
        }
        return ExploreTriple(kind: step.kind.rawValue, state: state, operation: step.operation)
    }
}
