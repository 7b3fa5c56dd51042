import ConformanceRunner
import ConformanceSpec

/// One step as both sides answered it, with the target's departures from the reference.
public struct StepRecord: Sendable {
    public var step: ExploreStep
    public var reference: SideAnswer
    public var target: SideAnswer
    public var findings: [Finding]

    /// Findings that are not warnings.
    public var differs: Bool { findings.contains { !$0.warning } }

    /// The step and what the reference answered: `operation subject (second region) -> 200` or `-> Code (400)`.
    public var summary: String {
        let region = step.inSecondRegion ? " (second region)" : ""
        let code = reference.tree.flatMap(ErrorCodeReader.code)
        let answer =
            reference.failure.map { "not sent: \($0)" }
            ?? (code.map { "\($0) (\(reference.status ?? 0))" } ?? "\(reference.status ?? 0)")
        return "\(step.operation) \(step.subject)\(region) -> \(answer)\(differs ? "  [differs]" : "")"
    }
}

/// One sequence in flight: the target and a fresh reference, the names of the sequence (with the prefix its
/// identifiers carry), the world as the reference shows it, and each side's map of made-up identifiers.
struct LockstepSession {
    let spec: ServiceSpec
    let reference: ExploreSide
    let target: ExploreSide
    let prefix: String
    var world: ExploreWorld
    var names = AnswerNormaliser()

    init(spec: ServiceSpec, reference: ExploreSide, target: ExploreSide, prefix: String, world: ExploreWorld) {
        self.spec = spec
        self.reference = reference
        self.target = target
        self.prefix = prefix
        self.world = world
        // Each endpoint's own account resources stand for each other from the start.
        for (index, region) in reference.regions.enumerated() {
            names.scope = index == 0 ? "first:" : "second:"
            for name in AccountResources.names {
                guard let mine = target.account.value(name, region: target.regions[index]),
                    let theirs = reference.account.value(name, region: region)
                else { continue }
                names.preset(mine, as: theirs)
            }
        }
    }

    /// Sends `step` to the target and to the reference, judges the target's answer, and updates the world.
    mutating func perform(_ step: ExploreStep) async -> StepRecord {
        for (name, kind) in step.creates.sorted(by: { $0.key < $1.key }) where world.resource(name) == nil {
            world.declare(name, kind: kind, inSecondRegion: step.inSecondRegion, related: [:])
        }
        for name in step.names where world.resource(name) == nil {
            world.declare(name, kind: step.kind, inSecondRegion: step.inSecondRegion, related: [:])
        }
        let targetAnswer = await target.send(step, prefix: prefix)
        let referenceAnswer = await reference.send(step, prefix: prefix)
        let findings = LockstepJudge(spec: spec).judge(
            step, reference: referenceAnswer, target: targetAnswer, names: &names)
        await WorldObserver(spec: spec, prefix: prefix).refresh(&world, after: step, reference: reference)
        return StepRecord(step: step, reference: referenceAnswer, target: targetAnswer, findings: findings)
    }

    /// Deletes every resource the sequence named from the target (deletion protection switched off where a delete
    /// is refused, members before what they belong to: `resources.yaml` order).
    func cleanUp() async {
        await SequenceCleaner(spec: spec).clean(world.resources, on: target, prefix: prefix)
    }
}
