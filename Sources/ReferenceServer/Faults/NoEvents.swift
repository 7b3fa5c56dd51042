import ConformanceSpec

/// Events: the state changes the operations cause record no event, so DescribeEvents lists none.
struct NoEvents: FaultDecorator {
    var summary: String { "records no events: DescribeEvents lists none after a state change" }
    var operations: [String] { ["DescribeEvents"] }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        ["DescribeEvents#scenario-cluster-events-after-create-stop-start"]
    }

    func recording(event: inout EventRecord) { event.message = "" }
}
