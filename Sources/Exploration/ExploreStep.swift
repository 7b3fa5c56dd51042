import ConformanceSpec

/// One request of an explored sequence, written with the sequence's own resource names: `{{c1}}` is the identifier
/// of the sequence's resource `c1` (the run's prefix added when sent), `{{DBClusterArn:{{c1}}}}` a member of its
/// describe answer that each target is asked for, `{{account:SubnetId.1}}` a resource of each target's account. The
/// same step goes to the target and to the reference; each fills the tokens in from its own answers.
public struct ExploreStep: Sendable, Equatable {
    /// What the step does to the resource it acts on (for coverage and for the world's bookkeeping).
    public enum Role: String, Sendable, Codable {
        case create, describe, modify, delete, action, tagging
    }

    public var request: Request
    /// Sent signed for the run's second region.
    public var inSecondRegion: Bool
    public var role: Role
    /// The kind and name of the resource the step acts on (a create's new one).
    public var kind: ResourceKind
    public var subject: String
    /// Parameters besides the ones the operation needs, which shrinking may take away.
    public var optional: [String]
    /// Resources the step names that it creates: the subject of a create, a rename's new name.
    public var creates: [String: ResourceKind]
    /// The precondition keyword the step was drawn to break, if any (`state`, `notDeletionProtected`, ...).
    public var breaks: String?

    public init(
        request: Request, inSecondRegion: Bool = false, role: Role, kind: ResourceKind, subject: String,
        optional: [String] = [], creates: [String: ResourceKind] = [:], breaks: String? = nil
    ) {
        self.request = request
        self.inSecondRegion = inSecondRegion
        self.role = role
        self.kind = kind
        self.subject = subject
        self.optional = optional
        self.creates = creates
        self.breaks = breaks
    }

    public var operation: String { request.operation }

    /// The step without the optional parameter `name`.
    public func dropping(_ name: String) -> ExploreStep {
        var copy = self
        copy.request.parameters.removeAll { $0.name == name }
        copy.optional.removeAll { $0 == name }
        return copy
    }

    /// The sequence's resource names the step mentions, in order.
    public var names: [String] {
        var found: [String] = []
        func walk(_ value: ParameterValue) {
            switch value {
            case .scalar(let text):
                for name in Scenario.references(in: text) where !found.contains(name) { found.append(name) }
            case .list(let items): items.forEach(walk)
            case .structure(let members): for member in members { walk(member.value) }
            }
        }
        for parameter in request.parameters { walk(parameter.value) }
        return found
    }

    /// One line for people: the operation, the subject, the region and the precondition it breaks.
    public var summary: String {
        let region = inSecondRegion ? " (second region)" : ""
        let broken = breaks.map { " [breaks \($0)]" } ?? ""
        return "\(operation) \(subject)\(region)\(broken)"
    }
}
