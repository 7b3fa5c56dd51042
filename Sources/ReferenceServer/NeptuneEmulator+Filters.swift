import ConformanceSpec

/// How a describe applies the request's `Filters` (`Request.filters`): each filter the operation's spec declares
/// (`filters:`) keeps the items
/// one of whose `matches` members equals one of its values (the identifier member, and every member of a filter with a
/// vocabulary, compared ignoring case; a filter whose values name resources, `names:`, by their stored identifiers). A filter the spec does not declare narrows nothing here; names and values were
/// judged before (`ContractEvaluator`), if the spec judges them.
extension NeptuneEmulator {
    /// True when an item with these answer members passes every declared filter of the request.
    static func passes(
        _ members: [String: ParameterValue], filters: [(String, [String])], of operation: OperationSpec,
        identifierMember: String?, storedKey: (ResourceKind, String) -> String = { $1 }
    ) -> Bool {
        filters.allSatisfy { name, values in
            guard let declared = operation.filters.first(where: { $0.name == name }) else { return true }
            return declared.matches.contains { member in
                guard case .scalar(let text)? = members[member] else { return false }
                // Values that name resources of a kind (`names:`), by identifier or ARN: their stored identifiers.
                if let kind = declared.names { return values.contains { storedKey(kind, $0) == text } }
                return member == identifierMember || declared.values != nil
                    ? values.contains { $0.lowercased() == text.lowercased() } : values.contains(text)
            }
        }
    }
}
