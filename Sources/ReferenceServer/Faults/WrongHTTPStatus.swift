import ConformanceSpec

/// Answers: every error the spec gives HTTP 404 is answered with 400.
struct WrongHTTPStatus: FaultDecorator {
    var summary: String { "answers every 404 error with HTTP 400" }

    func brokenItems(in spec: ServiceSpec) -> [String] { spec.errorItems("status") { $0.httpStatus == 404 } }

    func rendering(error: inout ErrorAnswer) {
        if error.status == 404 { error.status = 400 }
    }
}
