import ConformanceSpec

/// Identifiers: cluster identifiers and group names are stored as sent, not lower-cased, and answered that way; a
/// look-up that misses tries the stored identifiers case-insensitively, so requests still find them.
struct KeepIdentifierCase: FaultDecorator {
    var summary: String { "stores and answers identifiers without lower-casing them" }

    /// The lower-cased parameters, except those naming DB instances: the hook stores clusters and every kind the
    /// resource engine keeps as sent (instances have their own keys, ARNs included).
    func brokenItems(in spec: ServiceSpec) -> [String] {
        let ownKeys: Set<ResourceKind> = [.dbInstance]
        return spec.operations.flatMap { operation in
            operation.parameters.members.filter { member in
                member.lowercased
                    && !(spec.resources.kind(named: member.name, in: operation).map(ownKeys.contains) ?? false)
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
