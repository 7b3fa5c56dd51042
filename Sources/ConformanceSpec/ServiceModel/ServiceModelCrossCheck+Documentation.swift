extension ServiceModelCrossCheck.Walk {
    /// The constraints and default a request member's documentation states against the spec's: each documented
    /// constraint must be one of the spec's (the same kind with the same values; a bound the text leaves out is not
    /// compared), and a documented literal default must be the spec's `default`. Constraints of a list of scalars
    /// apply to its items. A member marked `modelDeparture:` is reported as a departure instead.
    mutating func compareDocumentation(of member: MemberSpec, _ modelMember: ServiceModel.Member, path: String) {
        let documented = model.documentedConstraints(of: modelMember)
        if documented.isEmpty { return }
        if let reason = member.modelDeparture {
            report.departures.append(
                ServiceModelCrossCheck.Departure(operation: operation, path: path, reason: reason))
            return
        }
        var specConstraints = member.constraints
        if case .list(let list) = member.type { specConstraints = list.memberConstraints }
        for fact in documented.constraints {
            report.constraintsCompared += 1
            if !Self.holds(fact.kind, in: specConstraints) {
                let sameKind = specConstraints.filter { $0.keyword == Constraint(kind: fact.kind, error: "").keyword }
                let specSays =
                    sameKind.isEmpty
                    ? "the spec has no \(Constraint(kind: fact.kind, error: "").keyword) constraint"
                    : "the spec says \(sameKind.map { Self.describe($0.kind) }.joined(separator: "; "))"
                problem(
                    path,
                    "the service model's documentation says \"\(fact.sentence)\" (\(Self.describe(fact.kind))); \(specSays)"
                )
            }
        }
        if let (value, sentence) = documented.defaultValue {
            report.constraintsCompared += 1
            if member.defaultValue != value {
                problem(
                    path,
                    "the service model's documentation says \"\(sentence)\"; the spec's default is \(member.defaultValue.map { "'\($0)'" } ?? "absent")"
                )
            }
        }
    }

    /// True when one of `constraints` says what `kind` says.
    static func holds(_ kind: Constraint.Kind, in constraints: [Constraint]) -> Bool {
        constraints.contains { constraint in
            switch (kind, constraint.kind) {
            case (.identifier(let low, let high), .identifier(let specLow, let specHigh)):
                return low == specLow && high == specHigh
            case (.length(let low, let high), .length(let specLow, let specHigh)):
                return (low == nil || low == specLow) && (high == nil || high == specHigh)
            case (.range(let low, let high), .range(let specLow, let specHigh)):
                return (low == nil || low == specLow) && (high == nil || high == specHigh)
            case (.oneOf(let values), .oneOf(let specValues)):
                return Set(values) == Set(specValues)
            case (.notOneOf(let values), .notOneOf(let specValues)):
                return Set(values.map { $0.lowercased() }).isSubset(of: specValues.map { $0.lowercased() })
            default:
                return kind == constraint.kind
            }
        }
    }

    /// A constraint as people read it in a problem message.
    static func describe(_ kind: Constraint.Kind) -> String {
        func bound(_ value: Double?) -> String {
            guard let value else { return "-" }
            return Int(exactly: value).map(String.init) ?? String(value)
        }
        switch kind {
        case .identifier(let low, let high): return "identifier \(low)...\(high)"
        case .length(let low, let high):
            return "length \(low.map(String.init) ?? "-")...\(high.map(String.init) ?? "-")"
        case .range(let low, let high): return "range \(bound(low))...\(bound(high))"
        case .oneOf(let values): return "oneOf [\(values.joined(separator: ", "))]"
        case .notOneOf(let values): return "notOneOf [\(values.joined(separator: ", "))]"
        case .pattern(let regex): return "pattern \(regex)"
        case .forbiddenPrefixes(let prefixes): return "forbiddenPrefixes [\(prefixes.joined(separator: ", "))]"
        case .step(let step): return "step \(bound(step))"
        case .window(let format, let minutes): return "window \(format.rawValue) of at least \(minutes) minutes"
        case .catalogue(let name, _): return "catalogue \(name)"
        }
    }
}
