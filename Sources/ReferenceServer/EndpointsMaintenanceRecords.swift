/// A custom endpoint of a DB cluster as the emulator keeps it (NEPTUNE-FACTS-2 §2.10, §3.8).
struct EndpointRecord: Sendable {
    /// The stored identifier (lower-cased).
    var id: String
    /// The stored identifier of the cluster it belongs to.
    var cluster: String
    /// `READER` or `ANY` (the request's EndpointType; Neptune refuses `WRITER`).
    var customType: String
    /// Instance identifiers (lower-cased): a static list or an exclusion list, never both.
    var staticMembers: [String] = []
    var excludedMembers: [String] = []
    var status = "creating"
    /// The state the endpoint reaches when the transition delay has passed (nil: it disappears).
    var pending: PendingTransition?
    /// `DBClusterEndpointResourceIdentifier`: system-generated, the same for the endpoint's whole life.
    var resourceIdentifier: String
    var sequence: Int
}

/// One maintenance opt-in a resource received (ApplyPendingMaintenanceAction, NEPTUNE-FACTS-2 §3.10).
struct MaintenanceOptIn: Sendable, Equatable {
    /// `immediate` or `next-maintenance`.
    var type: String
    /// The effective date it gives (CurrentApplyDate), ISO 8601.
    var currentApplyDate: String
}

/// What the endpoint and maintenance operations keep per region: the custom endpoints by stored identifier, and per
/// resource ARN the opt-ins it received and the actions already applied (no longer pending).
struct EndpointsMaintenanceStore: Sendable {
    var endpoints: [String: EndpointRecord] = [:]
    /// Resource ARN → action → its opt-in.
    var optIns: [String: [String: MaintenanceOptIn]] = [:]
    /// Resource ARN → the actions applied immediately.
    var applied: [String: Set<String>] = [:]
}
