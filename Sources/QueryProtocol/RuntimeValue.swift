/// A request value that only the endpoint can supply, so a case carries a token in its place and the runner
/// fills it in just before sending: `{{LatestRestorableTime:my-cluster}}` becomes that cluster's
/// `LatestRestorableTime` as DescribeDBClusters reports it. A point-in-time restore to a fixed date would
/// be refused by a real endpoint, whose restorable window starts when the source cluster was made.
public enum RuntimeValue: Sendable, Equatable, Hashable {
    /// The `LatestRestorableTime` of the named cluster.
    case latestRestorableTime(cluster: String)
    /// A valid value of the named catalogue of the service (`catalogues.yaml`): an engine version the endpoint
    /// offers, asked of it with the catalogue's query. A made-up version would be refused by the real service.
    case catalogue(name: String)
    /// A member of the named resource's describe answer that only the endpoint knows (its ARN, say).
    case described(member: String, resource: String)

    /// The member of the resource's describe answer that holds the value (`resources.yaml` lists it among
    /// the describe's `runtimeMembers`), or the catalogue's name.
    public var member: String {
        switch self {
        case .latestRestorableTime: "LatestRestorableTime"
        case .catalogue(let name): name
        case .described(let member, _): member
        }
    }

    /// The identifier of the resource whose member it is (empty for a catalogue value).
    public var resource: String {
        switch self {
        case .latestRestorableTime(let cluster): cluster
        case .catalogue: ""
        case .described(_, let resource): resource
        }
    }

    /// The token written into a case's request.
    public var token: String {
        switch self {
        case .latestRestorableTime(let cluster): "{{LatestRestorableTime:\(cluster)}}"
        case .catalogue(let name): "{{catalogue:\(name)}}"
        case .described(let member, let resource): "{{member:\(member):\(resource)}}"
        }
    }

    /// The run-time value a scalar stands for, or nil for ordinary text.
    public init?(token text: String) {
        guard text.hasPrefix("{{"), text.hasSuffix("}}"), let colon = text.firstIndex(of: ":") else { return nil }
        let kind = text[text.index(text.startIndex, offsetBy: 2)..<colon]
        let argument = String(text[text.index(after: colon)..<text.index(text.endIndex, offsetBy: -2)])
        guard !argument.isEmpty, !argument.contains("}") else { return nil }
        switch kind {
        case "LatestRestorableTime": self = .latestRestorableTime(cluster: argument)
        case "catalogue": self = .catalogue(name: argument)
        case "member":
            guard let split = argument.firstIndex(of: ":") else { return nil }
            let member = String(argument[..<split])
            let resource = String(argument[argument.index(after: split)...])
            guard !member.isEmpty, !resource.isEmpty else { return nil }
            self = .described(member: member, resource: resource)
        default: return nil
        }
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
