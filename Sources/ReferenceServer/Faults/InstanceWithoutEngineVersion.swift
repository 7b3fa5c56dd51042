import ConformanceSpec

/// Answers: `<DBInstance>` leaves `EngineVersion` out (every instance runs an engine version; shapes.yaml
/// DBInstance.EngineVersion `presence: always`).
struct InstanceWithoutEngineVersion: FaultDecorator {
    var summary: String { "leaves EngineVersion out of DBInstance answers" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        [SpecItemID.shapeMember("DBInstance", "EngineVersion", aspect: "presence").text]
    }

    func rendering(result: inout String, of action: String, in spec: ServiceSpec) {
        result = ResultText.removing("EngineVersion", inside: "DBInstance", in: result)
    }
}
