import ConformanceSpec

/// Answers: MissingParameter (a missing required parameter, or the protocol's missing `Version`) is an HTML
/// page with HTTP 500: its status, type and code are all gone.
struct HTML500OnMissingParameter: FaultDecorator {
    var summary: String { "answers a missing required parameter with an HTML page and HTTP 500" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        ["code", "status", "type"].flatMap { aspect in spec.errorItems(aspect) { $0.code == "MissingParameter" } }
    }

    func rendering(error: inout ErrorAnswer) {
        guard error.code == "MissingParameter" else { return }
        error.form = .htmlPage
        error.status = 500
    }
}
