/// What a walk over every page of a paged answer must find: the case's request is sent, then sent again with
/// each page's token until a page has none. Every page holds at most `limit` items, a token comes exactly while
/// more remain (a page with a token is followed by a non-empty one), every id of `includes` comes exactly once
/// (with no `includes`, no item comes twice) and none of `excludes` comes at all.
public struct PageWalk: Sendable, Equatable, Codable {
    /// The most items a page may hold (the request's limit parameter), if the request sets one.
    public var limit: Int?
    /// The request parameter and result member carrying the token (`Marker`).
    public var token: String
    /// The result's list member holding the items (`DBClusters`).
    public var items: String
    /// The member of an item that tells it from the others (`DBClusterIdentifier`), or several joined by `+`
    /// (`EngineVersion+DBInstanceClass`): an item's id is their values joined by `+`.
    public var key: String
    /// Ids that must be listed exactly once (the resources the set-up made), compared without case.
    public var includes: [String]
    /// Ids that must not be listed (resources a filter leaves out).
    public var excludes: [String]

    public init(limit: Int?, token: String, items: String, key: String, includes: [String], excludes: [String] = []) {
        self.limit = limit
        self.token = token
        self.items = items
        self.key = key
        self.includes = includes
        self.excludes = excludes
    }
}
