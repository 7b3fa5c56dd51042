/// A documented filter of a describe operation (`filters:` in its spec): the name sent in `Filters.Filter.N.Name`
/// and the item members a value may match (an identifier or an ARN, say). The answer lists exactly the items
/// one of whose `matches` members equals one of the filter's values.
public struct FilterSpec: Sendable, Equatable {
    public var name: String
    public var matches: [String]

    public init(name: String, matches: [String]) {
        self.name = name
        self.matches = matches
    }

    /// The spec item the filter's cases exercise (`Op#filter:name`).
    public func item(operation: String) -> SpecItemID { .rule(operation, "filter:\(name)") }
}
