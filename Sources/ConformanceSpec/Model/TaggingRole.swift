/// What an operation that names a resource by ARN does to its tags, read from the operation's spec rather than its
/// name: it has no resource of its own (`resources.yaml` makes it no kind's create, describe, modify, delete or action)
/// and a `namesResource` precondition; a list of tag structures (`Key`, `Value`) in its output lists the tags, one
/// among its parameters adds them, and a list of texts among its parameters names the keys it removes.
public enum TaggingRole: Sendable, Equatable {
    /// Adds tags, replacing the value of a key already there: `tags` is the parameter holding them.
    case add(resource: String, tags: String)
    /// Lists the resource's tags in the output member `tags`.
    case list(resource: String, tags: String)
    /// Removes the tags whose keys the parameter `keys` lists.
    case remove(resource: String, keys: String)

    /// The parameter naming the resource by ARN.
    public var resource: String {
        switch self {
        case .add(let resource, _), .list(let resource, _), .remove(let resource, _): resource
        }
    }
}

extension ServiceSpec {
    /// The tagging role of `operation`, or nil when it is no tagging operation.
    public func taggingRole(of operation: OperationSpec) -> TaggingRole? {
        guard !operation.unsupported, resources.subject(of: operation.name) == nil,
            let resource = operation.preconditions.first(where: {
                if case .namesResource = $0.kind { true } else { false }
            })?.parameter
        else { return nil }
        func listsTags(_ member: MemberSpec) -> Bool {
            guard case .list(let list) = member.type, case .structure(let tag) = list.member else { return false }
            return tag.member(named: "Key") != nil && tag.member(named: "Value") != nil
        }
        if let listed = operation.output.members.first(where: listsTags) {
            return .list(resource: resource, tags: listed.name)
        }
        if let given = operation.parameters.members.first(where: listsTags) {
            return .add(resource: resource, tags: given.name)
        }
        let keys = operation.parameters.members.first {
            if case .list(let list) = $0.type, case .string = list.member { true } else { false }
        }
        return keys.map { .remove(resource: resource, keys: $0.name) }
    }
}
