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

/// A DB instance: its DBInstance members (except the computed ones) and its state.
struct InstanceRecord: Sendable {
    /// The stored identifier (lower-cased).
    var id: String
    /// The cluster it belongs to.
    var cluster: String
    var instanceClass: String
    var status: String
    /// The DB parameter group the instance uses (stored name), when the create named one.
    var parameterGroup: String?
    var pending: PendingTransition?
    /// DBInstance members by name, rendered through the spec's DBInstance shape.
    var attributes: [String: ParameterValue] = [:]
    /// Changes waiting for the maintenance window (PendingModifiedValues members).
    var pendingValues: [Parameter] = []
    var sequence = 0

    var deletionProtection: Bool { attributes["DeletionProtection"] == .scalar("true") }

    /// The stored (lower-cased) name of the DB subnet group its DBSubnetGroup member shows.
    var subnetGroup: String? {
        guard case .structure(let members)? = attributes["DBSubnetGroup"],
            case .scalar(let name)? = members.first(where: { $0.name == "DBSubnetGroupName" })?.value
        else { return nil }
        return name.lowercased()
    }
}

/// A cluster snapshot: the cluster's members it keeps (for restores), its state, type and who may restore it.
struct PendingTransition: Sendable, Equatable {
    /// nil when the resource is removed.
    var target: String?
    var at: ContinuousClock.Instant
}
