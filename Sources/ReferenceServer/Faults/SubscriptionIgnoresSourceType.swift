import ConformanceSpec

/// State changes: CreateEventSubscription and ModifyEventSubscription accept a SourceType but keep none (the
/// subscription covers every source type), and so check no category against it.
struct SubscriptionIgnoresSourceType: FaultDecorator {
    var summary: String { "keeps no SourceType for an event subscription (every source type)" }
    var operations: [String] { ["CreateEventSubscription", "ModifyEventSubscription"] }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        [
            "CreateEventSubscription.request.SourceType", "CreateEventSubscription#vocabularyOf",
            "ModifyEventSubscription#vocabularyOf",
        ]
    }

    var skippedChecks: Set<String> { ["rule:vocabularyOf"] }

    /// A create or modify of a subscription (the requests that name one and send a SourceType) keeps none.
    func acting(on request: inout Request, of operation: String) {
        guard request.value(at: "SubscriptionName") != nil else { return }
        request.parameters.removeAll { $0.name == "SourceType" }
    }
}
