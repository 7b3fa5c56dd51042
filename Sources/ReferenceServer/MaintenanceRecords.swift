/// One maintenance opt-in a resource received (ApplyPendingMaintenanceAction, NEPTUNE-FACTS-2 §3.10).
struct MaintenanceOptIn: Sendable, Equatable {
    /// `immediate` or `next-maintenance`.
    var type: String
    /// The effective date it gives (CurrentApplyDate), ISO 8601.
    var currentApplyDate: String
}

/// What the maintenance operations keep per region: per resource ARN the opt-ins it received and the actions already
/// applied (no longer pending).
struct MaintenanceStore: Sendable {
    /// Resource ARN → action → its opt-in.
    var optIns: [String: [String: MaintenanceOptIn]] = [:]
    /// Resource ARN → the actions applied immediately.
    var applied: [String: Set<String>] = [:]
}
