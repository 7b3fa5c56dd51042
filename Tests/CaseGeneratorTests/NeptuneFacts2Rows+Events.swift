/// NEPTUNE-FACTS-2 §6 rows 152-168: event subscriptions and events.
extension NeptuneFacts2Rows {
    static let events = Facts2Family(
        exercisedBy: [
            152: ["CreateEventSubscription/stateful/SubscriptionName/EventSubscription-already-exists"],
            153: ["CreateEventSubscription/invalid/rules/requires/EventCategories-without-SourceType"],
            154: ["CreateEventSubscription/invalid/rules/requires/SourceIds-without-SourceType"],
            155: ["CreateEventSubscription/stateful/SourceIds/DBCluster-not-found"],
            156: [
                "CreateEventSubscription/invalid/rules/vocabularyOf/EventCategories-not-of-SourceType",
                "ModifyEventSubscription/invalid/rules/vocabularyOf/EventCategories-not-of-SourceType",
            ],
            158: ["CreateEventSubscription/invalid/SourceType/unknown-value"],
            160: ["DeleteEventSubscription/stateful/SubscriptionName/EventSubscription-not-found"],
            161: ["ModifyEventSubscription/stateful/SubscriptionName/EventSubscription-not-found"],
            162: ["AddSourceIdentifierToSubscription/stateful/SourceIdentifier/DBCluster-not-found"],
            163: ["AddSourceIdentifierToSubscription/stateful/SubscriptionName/EventSubscription-not-found"],
            164: ["RemoveSourceIdentifierFromSubscription/stateful/SourceIdentifier/not-associated"],
            165: ["DescribeEventSubscriptions/stateful/SubscriptionName/EventSubscription-not-found"],
            166: ["DescribeEvents/invalid/rules/requires/SourceIdentifier-without-SourceType"],
            167: ["DescribeEvents/invalid/SourceType/unknown-value"],
            168: ["DescribeEventCategories/invalid/SourceType/unknown-value"],
        ],
        notExercised: [
            157: """
            a topic ARN that names no topic: whether an SNS topic exists only SNS knows, and the suite can neither \
            make nor look up topics; the spec holds the ARN's form (SNSInvalidTopic, inferred), and the reference \
            server takes every well-formed topic ARN as existing
            """,
            159: """
            a 21st subscription: the spec has no quota item that set-up could fill (20 subscriptions first, on a \
            shared account), and the reference server, shared by concurrent cases, does not count subscriptions per \
            region (as it counts no instances or snapshots)
            """,
        ])
}
