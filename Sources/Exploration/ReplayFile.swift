import ConformanceSpec
import XMLCompare

/// A minimal sequence as a scenario of `Specs/scenarios.yaml`'s format: every resource the steps name under `fresh`
/// (with its kind and region), every step but the last under `calls`, the last as the `request`, and what the
/// reference answered it as `expect`. `ScenarioFile` reads it back; `explore --replay` replays it.
public struct ReplayFile: Sendable {
    public let spec: ServiceSpec

    public init(spec: ServiceSpec) { self.spec = spec }

    /// The YAML text of one scenario named `name`.
    public func scenario(
        named name: String, steps: [ExploreStep], kinds: ExploreWorld, outcome: SideAnswer, summary: String
    ) -> String {
        var lines = [
            "# A sequence `neptune-conformance explore` found and shrank; replay it with",
            "# `neptune-conformance explore --endpoint TARGET --replay THIS-FILE`, or copy the scenario into",
            "# Specs/scenarios.yaml (with a golden) to keep it.",
            "scenarios:",
            "  \(name):",
            "    summary: \(Self.quoted(summary))",
        ]
        var names: [String] = []
        for step in steps {
            for item in [step.subject] + step.names where !names.contains(item) { names.append(item) }
        }
        if !names.isEmpty {
            lines.append("    fresh:")
            for item in names {
                let known = kinds.resource(item)
                let kind = (known?.kind ?? steps.first { $0.subject == item }?.kind ?? .dbCluster).rawValue
                let second = known?.inSecondRegion ?? false
                lines.append("      \(item): " + (second ? "{kind: \(kind), region: second}" : kind))
            }
        }
        if steps.count > 1 {
            lines.append("    calls:")
            for step in steps.dropLast() { lines += call(step, indent: "      - ", rest: "        ") }
        }
        if let last = steps.last {
            lines.append("    request:")
            lines += call(last, indent: "      ", rest: "      ")
        }
        if let code = outcome.tree.flatMap(ErrorCodeReader.code), spec.errors[code] != nil {
            lines.append("    expect: {error: \(code)}")
        } else {
            lines.append("    expect: success")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func call(_ step: ExploreStep, indent: String, rest: String) -> [String] {
        var lines = [indent + "operation: \(step.operation)"]
        if !step.request.parameters.isEmpty {
            let members = step.request.parameters.map { "\($0.name): \(Self.yaml($0.value))" }
            lines.append(rest + "parameters: {" + members.joined(separator: ", ") + "}")
        }
        if step.inSecondRegion { lines.append(rest + "region: second") }
        return lines
    }

    static func yaml(_ value: ParameterValue) -> String {
        switch value {
        case .scalar(let text): quoted(text)
        case .list(let items): "[" + items.map(yaml).joined(separator: ", ") + "]"
        case .structure(let members):
            "{" + members.map { "\($0.name): \(yaml($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    /// The steps of a scenario read back: its `make` resources made through their kinds' set-up creates, then its
    /// calls and its request. The second value gives every name its kind and region.
    public func steps(of scenario: Scenario) -> (steps: [ExploreStep], kinds: ExploreWorld) {
        var world = ExploreWorld()
        var steps: [ExploreStep] = []
        for made in scenario.make {
            world.declare(made.name, kind: made.kind, inSecondRegion: made.inSecondRegion, related: made.related)
            guard let create = spec.resources.lifecycle(of: made.kind)?.setup.create else { continue }
            let related = made.related.mapValues { "{{\($0)}}" }
            steps.append(
                ExploreStep(
                    request: Request(
                        operation: create.operation,
                        parameters: create.requestValues(id: "{{\(made.name)}}", related: related)),
                    inSecondRegion: made.inSecondRegion, role: .create, kind: made.kind, subject: made.name,
                    creates: [made.name: made.kind]))
        }
        for fresh in scenario.fresh {
            world.declare(fresh.name, kind: fresh.kind, inSecondRegion: fresh.inSecondRegion, related: [:])
        }
        for call in scenario.calls + [scenario.request] {
            var step = ExploreStep(
                request: call.request, inSecondRegion: call.inSecondRegion, role: .action, kind: .dbCluster, subject: ""
            )
            let first = step.names.first ?? ""
            step.subject = first
            step.kind = world.resource(first)?.kind ?? .dbCluster
            if spec.resources.creates(call.request.operation) { step.role = .create }
            if spec.resources.deletion(by: call.request.operation) != nil { step.role = .delete }
            if spec.resources.subject(of: call.request.operation) == nil { step.role = .tagging }
            steps.append(step)
        }
        return (steps, world)
    }
}
