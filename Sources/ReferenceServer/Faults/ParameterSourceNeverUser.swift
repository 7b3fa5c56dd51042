import ConformanceSpec

/// Parameters: a parameter the account changed is still answered as an engine default (`Source` never `user`), so
/// asking for the user parameters of a group finds the changed one with the wrong source.
struct ParameterSourceNeverUser: FaultDecorator {
    var summary: String { "answers a changed parameter with Source engine-default, never user" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.scenarios.filter { $0.name == "changed-parameter-is-a-user-parameter" }.map(\.item.text)
    }

    func rendering(result: inout String, of action: String, in spec: ServiceSpec) {
        result = ResultText.mapValues(of: "Source", inside: "Parameter", in: result) {
            $0 == "user" ? "engine-default" : $0
        }
    }
}
