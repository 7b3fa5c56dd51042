import ConformanceSpec
import QueryProtocol

extension CaseGenerator {
    /// The value valid cases send for `member` of `operation` (its example, a value its constraints allow, a
    /// run-time token), for tools that build requests of their own (`explore`).
    ///
    /// - Parameter counter: numbers the identifiers made up on the way; advanced for each.
    public func validValue(of member: MemberSpec, in operation: OperationSpec, counter: inout Int) -> ParameterValue {
        ValueFactory(prefix: resourcePrefix, resources: spec.resources).valid(
            member, path: member.name, operation: operation, counter: &counter)
    }
}
