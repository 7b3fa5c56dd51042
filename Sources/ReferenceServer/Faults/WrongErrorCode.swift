import ConformanceSpec

/// Answers: DBClusterNotFoundFault goes on the wire as `DBClusterNotFound`.
struct WrongErrorCode: FaultDecorator {
    var summary: String { "answers DBClusterNotFound instead of DBClusterNotFoundFault" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.errorItems("code") { $0.code == "DBClusterNotFoundFault" }
    }

    func rendering(error: inout ErrorAnswer) {
        if error.code == "DBClusterNotFoundFault" { error.wireCode = "DBClusterNotFound" }
    }
}
