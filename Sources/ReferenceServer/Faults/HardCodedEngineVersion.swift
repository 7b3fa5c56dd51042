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

    var operations: [String] {
        [describe]
    }

    private var describe: String {
        switch kind {
        case .instance: "DescribeDBInstances"
        case .snapshot: "DescribeDBClusterSnapshots"
        case .restore: "DescribeDBClusters"
        }
    }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        let scenarioItems = spec.scenarios.filter { $0.name == scenario }.map(\.item.text)
        // An instance's EngineVersion sent in a create or modify no longer shows in its answers either.
        return scenarioItems
            + (kind == .instance
                ? ["CreateDBInstance.request.EngineVersion", "ModifyDBInstance.request.EngineVersion"] : [])
    }

    func rendering(result: inout String, of action: String) {
        let answers: Set<String> =
            switch kind {
            case .instance:
                [
                    "CreateDBInstance", "DescribeDBInstances", "ModifyDBInstance", "RebootDBInstance",
                    "DeleteDBInstance",
                ]
            case .snapshot:
                [
                    "CreateDBClusterSnapshot", "DescribeDBClusterSnapshots", "CopyDBClusterSnapshot",
                    "DeleteDBClusterSnapshot",
                ]
            case .restore: []
            }
        guard answers.contains(action) else { return }
        result = ResultText.mapValues(of: "EngineVersion", in: result) { _ in Self.fixed }
    }

    func acting(on request: inout Request, of operation: String) {
        guard kind == .restore, operation == "RestoreDBClusterFromSnapshot", request.value(at: "EngineVersion") == nil
        else { return }
        request.parameters.append(Parameter("EngineVersion", .scalar(Self.fixed)))
    }
}
