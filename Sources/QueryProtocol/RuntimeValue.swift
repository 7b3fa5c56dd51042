/// A request value that only the endpoint can supply, so a case carries a token in its place and the runner
/// fills it in just before sending: `{{LatestRestorableTime:my-cluster}}` becomes that cluster's
/// `LatestRestorableTime` as DescribeDBClusters reports it. A point-in-time restore to a fixed date would
/// be refused by a real endpoint, whose restorable window starts when the source cluster was made.
///
/// `{{DBClusterArn:my-cluster}}` asks the same way for any member the spec lists among a describe's
/// `runtimeMembers`; text after the token is appended to the value (`{{DBClusterArn:my-cluster}}x` is the ARN
/// of a cluster `my-clusterx`, which does not exist: an ARN of the endpoint's own region and account).
public enum RuntimeValue: Sendable, Equatable, Hashable {
    /// The `LatestRestorableTime` of the named cluster.
    case latestRestorableTime(cluster: String)
    /// A valid value of the named catalogue of the service (`catalogues.yaml`): an engine version the endpoint
    /// offers, asked of it with the catalogue's query. A made-up version would be refused by the real service.
    case catalogue(name: String)
    /// The member of the named resource's describe answer, followed by `suffix`.
    case describedMember(member: String, resource: String, suffix: String)
    /// A resource of the account the run targets that the suite cannot make itself (`{{account:SubnetId.1}}`, a
    /// role or topic ARN): found on the target before the cases run, or given as a run option.
    case account(name: String)

    /// The member of the resource's describe answer that holds the value (`resources.yaml` lists it among
    /// the describe's `runtimeMembers`), or the catalogue's name.
    public var member: String {
        switch self {
        case .latestRestorableTime: "LatestRestorableTime"
        case .catalogue(let name): name
        case .describedMember(let member, _, _): member
        case .account(let name): name
        }
    }

    /// The identifier of the resource whose member it is (empty for a catalogue value).
    public var resource: String {
        switch self {
        case .latestRestorableTime(let cluster): cluster
        case .catalogue, .account: ""
        case .describedMember(_, let resource, _): resource
        }
    }

    /// The token written into a case's request.
    public var token: String {
        switch self {
        case .latestRestorableTime(let cluster): "{{LatestRestorableTime:\(cluster)}}"
        case .catalogue(let name): "{{catalogue:\(name)}}"
        case .describedMember(let member, let resource, let suffix): "{{\(member):\(resource)}}\(suffix)"
        case .account(let name): "{{account:\(name)}}"
        }
    }

    /// Text appended to the endpoint's value.
    public var suffix: String {
        if case .describedMember(_, _, let suffix) = self { return suffix }
        return ""
    }

    /// The run-time value a scalar stands for, or nil for ordinary text: a token of the one grammar
    /// (`RuntimeToken`) the scalar starts with, naming its resource by identifier; text after a member token is its
    /// suffix, and no other token takes one.
    public init?(token text: String) {
        guard let (token, rest) = RuntimeToken.leading(Substring(text)), case .text(let argument) = token.argument
        else { return nil }
        switch token.head {
        case .catalogue where rest.isEmpty: self = .catalogue(name: argument)
        case .account where rest.isEmpty: self = .account(name: argument)
        case .member("LatestRestorableTime") where rest.isEmpty: self = .latestRestorableTime(cluster: argument)
        case .member(let member) where !rest.contains("{") && !rest.contains("}"):
            self = .describedMember(member: member, resource: argument, suffix: String(rest))
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
            case .scalar(let text):
                RuntimeValue(token: text).flatMap { runtime in values[runtime].map { $0 + runtime.suffix } }
                    .map(ParameterValue.scalar) ?? value
            case .list(let items): .list(items.map(fill))
            case .structure(let members): .structure(members.map { Parameter($0.name, fill($0.value)) })
            }
        }
        return Request(operation: operation, parameters: parameters.map { Parameter($0.name, fill($0.value)) })
    }
}
