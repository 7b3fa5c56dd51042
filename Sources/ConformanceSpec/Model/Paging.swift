/// How an operation pages its answer (`paging:` in an operation file; botocore's `paginators-1.json` names the
/// same three members): a page holds at most `limit` items of the `items` list, and a `token` in the answer
/// while more remain, which the next request sends back. A token the endpoint never issued is refused with
/// `badTokenError`.
public struct Paging: Sendable, Equatable {
    /// The integer request parameter bounding a page (`MaxRecords`).
    public var limit: String
    /// The request parameter and result member carrying the continuation token (`Marker`).
    public var token: String
    /// The result's list member holding the items (`DBClusters`).
    public var items: String
    /// The member of an item that tells it from the others (`DBClusterIdentifier`), or several joined by `+` when
    /// only together they do (`EngineVersion+DBInstanceClass`).
    public var key: String
    /// The error code a token the endpoint never issued must draw, and whether a source backs it.
    public var badTokenError: String
    public var badTokenInferred: Bool

    public init(
        limit: String, token: String, items: String, key: String, badTokenError: String, badTokenInferred: Bool
    ) {
        self.limit = limit
        self.token = token
        self.items = items
        self.key = key
        self.badTokenError = badTokenError
        self.badTokenInferred = badTokenInferred
    }

    /// The spec items of paging: the walk (`Op#paging`) and the refusal of a token never issued (`Op.Marker#issued`).
    public func items(operation: String) -> (walk: SpecItemID, badToken: SpecItemID) {
        (.rule(operation, "paging"), .constraint(operation, token, "issued"))
    }
}

extension OperationSpec {
    /// The smallest page the operation's limit parameter allows (the lower bound of its range), if it pages and
    /// the spec gives one: the page size of the generator's walk, and what a listed catalogue must outgrow to span
    /// pages.
    public var smallestPage: Int? {
        guard let paging, let limit = parameters.member(named: paging.limit) else { return nil }
        return limit.constraints.lazy.compactMap { constraint -> Int? in
            if case .range(let low?, _) = constraint.kind { Int(low) } else { nil }
        }.first
    }
}
