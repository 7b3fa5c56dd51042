import ConformanceSpec

/// Preconditions: a subnet group whose subnets lie in one availability zone is accepted (the `spansZones`
/// preconditions of CreateDBSubnetGroup and ModifyDBSubnetGroup).
struct AcceptOneZoneSubnetGroup: FaultDecorator {
    var summary: String { "accepts a subnet group whose subnets cover one availability zone" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.preconditionItems { if case .spansZones = $1.kind { true } else { false } }
    }

    func waives(_ failure: PreconditionFailure, in spec: ServiceSpec) -> Bool {
        if case .spansZones = failure.condition.kind { true } else { false }
    }
}
