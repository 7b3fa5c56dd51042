import Foundation

/// What the emulator holds in one region: every kind's resources, their tags, the event log and the creation counter.
/// Regions share nothing, as on the real service (global clusters are kept once for every region, outside).
struct RegionStore: Sendable {
    var clusters = ClusterStore()
    /// Beside each cluster snapshot the engine keeps: its cluster's members and who may restore it.
    var snapshotOrigins: [String: SnapshotOrigin] = [:]
    var parameterValues = ParameterValuesStore()
    var sequence = 0
    var tagStore = TagStore()
    var maintenance = MaintenanceStore()
    var events = EventsStore()
    var specResources = SpecResourceStore()
}
