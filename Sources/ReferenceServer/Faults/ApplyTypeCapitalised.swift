import ConformanceSpec

/// Answers: a parameter's `ApplyType` says `Static` or `Dynamic`, not `static` or `dynamic` (the RDS words,
/// vocabularies.yaml `ApplyType`; NEPTUNE-FACTS-2 §3.3).
struct ApplyTypeCapitalised: FaultDecorator {
    var summary: String { "answers a parameter's ApplyType capitalised (Static, Dynamic)" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        [SpecItemID.shapeMember("Parameter", "ApplyType", aspect: "values").text]
    }

    func rendering(result: inout String, of action: String, in spec: ServiceSpec) {
        result = ResultText.mapValues(of: "ApplyType", in: result) { $0.capitalized }
    }
}
