import ConformanceSpec

/// Answers: an endpoint not found is answered with HTTP 404, as most not-found errors are, rather than the 400 the
/// model gives DBClusterEndpointNotFoundFault (NEPTUNE-FACTS-2 §3.12 quirk 2).
struct EndpointNotFound404: FaultDecorator {
    var summary: String { "answers DBClusterEndpointNotFoundFault with HTTP 404, not 400" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.errorItems("status") { $0.code == "DBClusterEndpointNotFoundFault" }
    }

    func rendering(error: inout ErrorAnswer) {
        if error.code == "DBClusterEndpointNotFoundFault" { error.status = 404 }
    }
}
