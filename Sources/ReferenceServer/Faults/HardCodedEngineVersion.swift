import ConformanceSpec

/// Engine versions: one kind of resource answers a fixed engine version instead of the one that follows from its
/// cluster (an emulator that hard-codes `1.2.0.0`, as this one did for snapshots): an instance, a snapshot, or a
/// cluster restored from a snapshot without `EngineVersion`.
struct HardCodedEngineVersion: FaultDecorator {
    enum Kind {
        /// Instances answer the fixed version, whatever their cluster runs.
        case instance
        /// Snapshots answer it, whatever their cluster ran.
        case snapshot
        /// A restore without `EngineVersion` makes a cluster of the fixed version, not of the snapshot's.
        case restore
    }

    let kind: Kind
    static let fixed = "1.2.0.0"

    var summary: String {
        switch kind {
        case .instance: "answers a fixed engine version for every instance, not its cluster's"
        case .snapshot: "answers a fixed engine version for every snapshot, not its cluster's"
        case .restore: "restores to a cluster of a fixed engine version, not the snapshot's"
        }
    }

    var scenario: String {
        switch kind {
        case .instance: "instance-runs-its-clusters-engine-version"
        case .snapshot: "snapshot-records-its-clusters-engine-version"
        case .restore: "restored-cluster-runs-the-snapshots-engine-version"
        }
    }

    /// The element of the answers that carry the fixed version: a DB instance's or a cluster snapshot's (a restore
    /// changes the request instead).
    var answerElement: String? {
        switch kind {
        case .instance: "DBInstance"
        case .snapshot: "DBClusterSnapshot"
        case .restore: nil
        }
    }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        let scenarioItems = spec.scenarios.filter { $0.name == scenario }.map(\.item.text)
        guard kind == .instance else { return scenarioItems }
        // An instance's EngineVersion sent in a create or modify (the DB instance operations that take it, as
        // resources.yaml names them) no longer shows in its answers either.
        return scenarioItems
            + spec.requestItems(parameter: "EngineVersion").filter {
                spec.resources.subject(of: SpecItemID($0).operation)?.lifecycle.kind == .dbInstance
            }
    }

    func rendering(result: inout String, of action: String, in spec: ServiceSpec) {
        guard let answerElement else { return }
        result = ResultText.mapValues(of: "EngineVersion", inside: answerElement, in: result) { _ in Self.fixed }
    }

    /// A restore from a snapshot (an operation that creates a DB cluster and names a DB cluster snapshot, as
    /// resources.yaml says) without `EngineVersion` is given the fixed one.
    func acting(on request: inout Request, of operation: String, in spec: ServiceSpec) {
        let resources = spec.resources
        guard kind == .restore, request.value(at: "EngineVersion") == nil,
            resources.creations(by: operation).contains(where: { $0.kind == .dbCluster }),
            resources.lifecycle(of: .dbClusterSnapshot)?.references.contains(where: { $0.operation == operation })
                == true
        else { return }
        request.parameters.append(Parameter("EngineVersion", .scalar(Self.fixed)))
    }
}
