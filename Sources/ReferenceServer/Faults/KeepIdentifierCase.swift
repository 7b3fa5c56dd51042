import ConformanceSpec

/// Identifiers: cluster identifiers and parameter group names are stored as sent, not lower-cased, and answered
/// that way; a
/// look-up that misses tries the stored identifiers case-insensitively, so requests still find them.
struct KeepIdentifierCase: FaultDecorator {
    var summary: String { "stores and answers identifiers without lower-casing them" }
    var operations: [String] { ["CreateDBCluster"] }

    /// The lower-cased parameters that name a cluster (the hooks store and find clusters only).
    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.operations.flatMap { operation in
            operation.parameters.members.filter {
                $0.lowercased && spec.resources.kind(named: $0.name, in: operation) == .dbCluster
            }.map { SpecItemID.constraint(operation.name, $0.name, "lowercased").text }
        }
    }

    func storedIdentifier(_ identifier: String, conformant: String) -> String { identifier }

    func lookUp(_ identifier: String, in clusters: [String: ClusterRecord], conformant: ClusterRecord?)
        -> ClusterRecord?
    {
        conformant ?? clusters.values.first { $0.id.lowercased() == identifier.lowercased() }
    }
}
