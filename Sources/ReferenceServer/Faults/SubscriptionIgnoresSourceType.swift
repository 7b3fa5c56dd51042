import ConformanceSpec

/// State changes: CreateEventSubscription and ModifyEventSubscription accept a SourceType but keep none (the
/// subscription covers every source type), and so check no category against it.
struct SubscriptionIgnoresSourceType: FaultDecorator {
    var summary: String { "keeps no SourceType for an event subscription (every source type)" }

    /// The SourceType a subscription's create sends (it no longer shows in its answers), and the rules that judge its
    /// categories by it.
    func brokenItems(in spec: ServiceSpec) -> [String] {
        spec.requestItems(parameter: "SourceType").filter {
            spec.resources.creations(by: SpecItemID($0).operation).contains { $0.kind == .eventSubscription }
        } + spec.ruleItems(keyword: "vocabularyOf")
    }

    var skippedChecks: Set<String> { ["rule:vocabularyOf"] }

    /// A create or modify of a subscription (the requests that name one and send a SourceType) keeps none.
    func acting(on request: inout Request, of operation: String, in spec: ServiceSpec) {
        guard request.value(at: "SubscriptionName") != nil else { return }
        request.parameters.removeAll { $0.name == "SourceType" }
    }
}
