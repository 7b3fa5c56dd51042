import ConformanceSpec

/// Answers: an `<Event>` names a cluster's `SourceType` `cluster`, not `db-cluster` (the model's enum SourceType:
/// db-instance, db-parameter-group, db-security-group, db-snapshot, db-cluster, db-cluster-snapshot); the source types
/// of event subscriptions are left alone.
struct EventSourceTypeShortened: FaultDecorator {
    var summary: String { "lists events with SourceType cluster, not db-cluster" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        [SpecItemID.shapeMember("Event", "SourceType", aspect: "values").text]
    }

    func rendering(result: inout String, of action: String, in spec: ServiceSpec) {
        result = ResultText.mapValues(of: "SourceType", inside: "Event", in: result) {
            $0 == "db-cluster" ? "cluster" : $0
        }
    }
}
