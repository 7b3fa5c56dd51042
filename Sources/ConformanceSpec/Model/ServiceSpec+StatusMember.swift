extension ServiceSpec {
    /// The member of a resource kind's describe answer that holds its status (`DBCluster.Status`), found through the
    /// lifecycle's `items` path (`DescribeDBClustersResult/DBClusters/DBCluster`) and `status` name.
    public func statusMember(of lifecycle: ResourceLifecycle) -> MemberSpec? {
        guard let status = lifecycle.describe.status,
            let item = answerStructure(of: lifecycle.describe.operation, at: lifecycle.describe.items)
        else { return nil }
        return item.member(named: status)
    }

    /// The structure at `path` of an operation's answer, the path starting at its result wrapper
    /// (`DescribeDBClustersResult/DBClusters/DBCluster`): list members step into their member type.
    public func answerStructure(of operationName: String, at path: String) -> StructureSpec? {
        guard let operation = operation(named: operationName) else { return nil }
        var names = path.split(separator: "/").map(String.init)
        if names.first == operation.resultWrapper { names.removeFirst() }
        var current = TypeSpec.structure(operation.output)
        for name in names {
            switch current {
            case .structure(let structure):
                guard let member = structure.member(named: name) else { return nil }
                current = member.type
            case .list(let list) where list.memberName == name:
                current = list.member
            default:
                return nil
            }
        }
        // A path ending on a list names its members.
        if case .list(let list) = current { current = list.member }
        if case .structure(let structure) = current { return structure }
        return nil
    }
}
