extension DocumentedConstraints {
    /// The documented constraints and default compared with a spec member's: each documented constraint must be
    /// one of the spec's (the same kind with the same values; a bound the text leaves out is not compared), and a
    /// literal documented default must be the spec's `default`. Constraints of a list of scalars apply to its
    /// items. `source` names the text in messages ("the service model's documentation", "the API document").
    /// - Returns: how many facts were compared and a message for each that the spec does not hold.
    public func differences(from member: MemberSpec, source: String) -> (compared: Int, messages: [String]) {
        var specConstraints = member.constraints
        if case .list(let list) = member.type { specConstraints = list.memberConstraints }
        var compared = 0
        var messages: [String] = []
        for fact in constraints {
            compared += 1
            if Self.holds(fact.kind, in: specConstraints) { continue }
            let keyword = Constraint(kind: fact.kind, error: "").keyword
            let sameKind = specConstraints.filter { $0.keyword == keyword }
            let specSays =
                sameKind.isEmpty
                ? "the spec has no \(keyword) constraint"
                : "the spec says \(sameKind.map { Self.describe($0.kind) }.joined(separator: "; "))"
            messages.append("\(source) says \"\(fact.sentence)\" (\(Self.describe(fact.kind))); \(specSays)")
        }
        if let (value, sentence) = defaultValue {
            compared += 1
            if member.defaultValue != value {
                messages.append(
                    "\(source) says \"\(sentence)\"; the spec's default is \(member.defaultValue.map { "'\($0)'" } ?? "absent")"
                )
            }
        }
        return (compared, messages)
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
