/// One tag of a resource.
struct TagRecord: Sendable, Equatable {
    var key: String
    var value: String
}

/// What the tag operations keep per region: the tags of every resource by its canonical ARN.
struct TagStore: Sendable {
    var tags: [String: [TagRecord]] = [:]
}
