/// A documented filter of a describe operation (`filters:` in its spec): the name sent in `Filters.Filter.N.Name`
/// and the item members a value may match (an identifier or an ARN, say). The answer lists exactly the items
/// one of whose `matches` members equals one of the filter's values. A filter with a vocabulary (`values:`) takes
/// only those values, compared with the member ignoring case (the answer's `CUSTOM` is the filter's `custom`), and
/// refuses another with `error`.
public struct FilterSpec: Sendable, Equatable {
    public var name: String
    public var matches: [String]
    /// The kind whose resources the values name, by identifier or ARN (`names:`): a value matches a member holding
    /// that resource's stored identifier, however the value writes it.
    public var names: ResourceKind?
    /// The values the filter takes (lower-case), when it takes only some.
    public var values: [String]?
    /// The code a value outside `values` is refused with.
    public var error: String?
    /// True when no source backs `error` (`inferred: true`).
    public var errorInferred = false

    public init(name: String, matches: [String], values: [String]? = nil, error: String? = nil) {
        self.name = name
        self.matches = matches
        self.values = values
        self.error = error
    }

    /// The spec item the filter's cases exercise (`Op#filter:name`).
    public func item(operation: String) -> SpecItemID { .rule(operation, "filter:\(name)") }
}
