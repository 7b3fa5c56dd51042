import ConformanceSpec

/// How a set-up step's wait for a state ends when it does not end well, worded so triage can tell the two apart: a
/// status outside the kind's vocabulary (`unknown-state/<kind>`, said at the first answer that shows it) and a
/// state never reached (`stuck-state/<kind>`, said at `--state-timeout`).
enum StateWait {
    static let unknownMarker = " answered a status outside its vocabulary: "
    static let stuckMarker = " is stuck: it did not reach "

    /// The statuses a kind's status member may hold, when the spec gives them.
    static func vocabulary(_ member: MemberSpec) -> [String]? {
        if let vocabulary = member.vocabulary { return vocabulary.values }
        for constraint in member.constraints {
            if case .oneOf(let values) = constraint.kind { return values }
        }
        return nil
    }

    static func unknownStatus(label: String, kind: String, id: String, status: String, known: [String]) -> String {
        "\(label): \(kind) \(id)\(unknownMarker)'\(status)' (its statuses: \(known.joined(separator: ", ")))"
    }

    static func stuck(label: String, kind: String, id: String, state: String, within: Duration, last: String)
        -> String
    {
        "\(label): \(kind) \(id)\(stuckMarker)\(state) within \(within) (last seen: \(last); --state-timeout)"
    }

    /// The kind a wait's failure names, and whether it was stuck (else: an unknown status); nil for other reasons.
    static func failure(in reason: String) -> (kind: String, stuck: Bool)? {
        let stuck = reason.contains(stuckMarker)
        guard stuck || reason.contains(unknownMarker), let colon = reason.range(of: "): ") else { return nil }
        let kind = reason[colon.upperBound...].prefix { $0 != " " }
        return kind.isEmpty ? nil : (String(kind), stuck)
    }
}
