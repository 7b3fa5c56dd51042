import ConformanceSpec

/// Preconditions: a restore time outside the source cluster's restorable window is accepted (`restorableTime`).
struct AcceptAnyRestoreTime: FaultDecorator {
    var summary: String { "restores to a time outside the source cluster's restorable window" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.preconditionItems { $1.keyword == "restorableTime" }
    }

    func waives(_ failure: PreconditionFailure, in spec: ServiceSpec) -> Bool {
        failure.condition.keyword == "restorableTime"
    }
}
