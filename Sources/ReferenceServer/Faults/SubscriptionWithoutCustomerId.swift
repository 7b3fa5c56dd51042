import ConformanceSpec

/// Answers: `<EventSubscription>` leaves `CustomerAwsId` out (the account the subscription belongs to: the model's
/// EventSubscription.CustomerAwsId; every RDS sample subscription carries it).
struct SubscriptionWithoutCustomerId: FaultDecorator {
    var summary: String { "leaves CustomerAwsId out of EventSubscription answers" }

    func brokenItems(in spec: ServiceSpec) -> [String] {
        [SpecItemID.shapeMember("EventSubscription", "CustomerAwsId", aspect: "presence").text]
    }

    func rendering(result: inout String, of action: String, in spec: ServiceSpec) {
        result = ResultText.removing("CustomerAwsId", inside: "EventSubscription", in: result)
    }
}
