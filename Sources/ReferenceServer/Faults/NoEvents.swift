import ConformanceSpec

/// Events: the state changes the operations cause record no event, so DescribeEvents lists none.
struct NoEvents: FaultDecorator {
    var summary: String { "records no events: DescribeEvents lists none after a state change" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.scenarios.filter { $0.name == "cluster-events-after-create-stop-start" }.map(\.item.text)
    }

    func recording(event: inout EventRecord) { event.message = "" }
}
