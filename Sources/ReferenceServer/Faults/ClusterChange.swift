/// A change to one stored cluster, as an operation made it, before the emulator stores it and answers
/// with it (`FaultDecorator.changing(_:)`).
struct ClusterChange: Sendable {
    /// The operation making the change (`FailoverDBCluster`, `ModifyDBCluster`).
    var operation: String
    /// The cluster before the operation.
    var before: ClusterRecord
    /// The cluster as it will be stored and answered.
    var after: ClusterRecord
    /// Store keys under which `after` is stored as well as under its own identifier.
    var alsoStoredUnder: [String] = []
}
