/// A request value that only the endpoint can supply, so a case carries a token in its place and the runner
/// fills it in just before sending: `{{LatestRestorableTime:my-cluster}}` becomes that cluster's
/// `LatestRestorableTime` as DescribeDBClusters reports it. A point-in-time restore to a fixed date would
/// be refused by a real endpoint, whose restorable window starts when the source cluster was made.
public enum RuntimeValue: Sendable, Equatable, Hashable {
    /// The `LatestRestorableTime` of the named cluster.
    case latestRestorableTime(cluster: String)

    /// The member of the resource's describe answer that holds the value (`resources.yaml` lists it among
    /// the describe's `runtimeMembers`).
    public var member: String {
        switch self {
        case .latestRestorableTime: "LatestRestorableTime"
        }
    }

    /// The identifier of the resource whose member it is.
    public var resource: String {
        switch self {
        case .latestRestorableTime(let cluster): cluster
        }
    }

    /// The token written into a case's request.
    public var token: String {
        switch self {
        case .latestRestorableTime(let cluster): "{{LatestRestorableTime:\(cluster)}}"
        }
    }

    /// The run-time value a scalar stands for, or nil for ordinary text.
    public init?(token text: String) {
        guard text.hasPrefix("{{LatestRestorableTime:"), text.hasSuffix("}}") else { return nil }
        let cluster = text.dropFirst("{{LatestRestorableTime:".count).dropLast(2)
        guard !cluster.isEmpty, !cluster.contains("}") else { return nil }
        self = .latestRestorableTime(cluster: String(cluster))
    }
}

extension Request {
    /// The run-time values the request's scalars stand for, in the order they appear.
    public var runtimeValues: [RuntimeValue] {
        var found: [RuntimeValue] = []
        func walk(_ value: ParameterValue) {
            switch value {
            case .scalar(let text):
                if let runtime = RuntimeValue(token: text), !found.contains(runtime) { found.append(runtime) }
            case .list(let items): for item in items { walk(item) }
            case .structure(let members): for member in members { walk(member.value) }
            }
        }
        for parameter in parameters { walk(parameter.value) }
        return found
    }

    /// The request with every token of `values` replaced by its text.
    public func filling(_ values: [RuntimeValue: String]) -> Request {
        func fill(_ value: ParameterValue) -> ParameterValue {
            switch value {
            case .scalar(let text): RuntimeValue(token: text).flatMap { values[$0] }.map(ParameterValue.scalar) ?? value
            case .list(let items): .list(items.map(fill))
            case .structure(let members): .structure(members.map { Parameter($0.name, fill($0.value)) })
            }
        }
        return Request(operation: operation, parameters: parameters.map { Parameter($0.name, fill($0.value)) })
    }
}
