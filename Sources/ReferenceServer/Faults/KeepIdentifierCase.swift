import ConformanceSpec

/// Identifiers: cluster identifiers and parameter group names are stored as sent, not lower-cased, and answered
/// that way; a
/// look-up that misses tries the stored identifiers case-insensitively, so requests still find them.
struct KeepIdentifierCase: FaultDecorator {
    var summary: String { "stores and answers identifiers without lower-casing them" }
    var operations: [String] { ["CreateDBCluster"] }

    func brokenItems(in spec: ServiceSpec) -> [String] { spec.lowercasedItems }

    func storedIdentifier(_ identifier: String, conformant: String) -> String { identifier }

    func lookUp(_ identifier: String, in clusters: [String: ClusterRecord], conformant: ClusterRecord?)
        -> ClusterRecord?
    {
        conformant ?? clusters.values.first { $0.id.lowercased() == identifier.lowercased() }
    }
}
