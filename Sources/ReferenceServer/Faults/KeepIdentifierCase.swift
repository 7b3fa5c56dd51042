import ConformanceSpec

/// Identifiers: cluster identifiers and group names are stored as sent, not lower-cased, and answered that way; a
/// look-up that misses tries the stored identifiers case-insensitively, so requests still find them.
struct KeepIdentifierCase: FaultDecorator {
    var summary: String { "stores and answers identifiers without lower-casing them" }

    /// Every lower-cased parameter: the hook stores clusters and every kind the resource engine keeps as sent.
    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.operations.flatMap { operation in
            operation.parameters.members.filter(\.lowercased).map {
                SpecItemID.constraint(operation.name, $0.name, "lowercased").text
            }
        }
    }

    func storedIdentifier(_ identifier: String, conformant: String) -> String { identifier }

    func lookUp(_ identifier: String, in clusters: [String: ClusterRecord], conformant: ClusterRecord?)
        -> ClusterRecord?
    {
        conformant ?? clusters.values.first { $0.id.lowercased() == identifier.lowercased() }
    }
}
