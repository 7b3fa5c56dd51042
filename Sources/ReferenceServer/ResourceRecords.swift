import QueryProtocol

/// A cluster as the emulator keeps it: its DBCluster members (except the computed ones) and its state.
struct ClusterRecord: Sendable {
    /// The stored identifier (lower-cased unless a fault says otherwise).
    var id: String
    /// DBCluster members by name, rendered through the spec's DBCluster shape.
    var attributes: [String: ParameterValue]
    var status: String
    /// The state the cluster reaches when the transition delay has passed (nil: it disappears).
    var pending: PendingTransition?
    /// Instance identifiers, the writer first.
    var instances: [String] = []
    var replicationSource: String?
    var sequence: Int

    var deletionProtection: Bool {
        if case .scalar(let text)? = attributes["DeletionProtection"] { return text.lowercased() == "true" }
        return false
    }
}

/// A change under way: the status it settles in, and when.
struct PendingTransition: Sendable, Equatable {
    /// nil when the resource is removed.
    var target: String?
    var at: ContinuousClock.Instant
}
