/// What successful operations record in a region's event log (`Specs/events.yaml`): the reference server's event
/// log and DescribeEvents, and the categories subscriptions match, come from it.
public struct EventCatalogue: Sendable, Equatable {
    /// What one successful operation records.
    public struct Emission: Sendable, Equatable {
        /// The event's source type (`db-cluster`), one of the `SourceType` vocabulary.
        public var sourceType: String
        /// The request parameter naming the event's source.
        public var parameter: String
        /// The resource type in the source's ARN (`cluster`, `db`, `cluster-snapshot`, `pg`).
        public var arnType: String
        public var categories: [String]
        public var message: String
        public var evidence: Evidence

        public init(
            sourceType: String, parameter: String, arnType: String, categories: [String], message: String,
            evidence: Evidence
        ) {
            self.sourceType = sourceType
            self.parameter = parameter
            self.arnType = arnType
            self.categories = categories
            self.message = message
            self.evidence = evidence
        }
    }

    /// By operation name.
    public var emissions: [String: Emission]
    /// How far back the log reaches.
    public var horizonDays: Int
    /// DescribeEvents' window when the request gives none.
    public var defaultDurationMinutes: Int
    /// The service's limit of subscriptions per region (documented, not enforced by the reference server).
    public var subscriptionsPerRegion: Int

    public init(
        emissions: [String: Emission] = [:], horizonDays: Int = 14, defaultDurationMinutes: Int = 60,
        subscriptionsPerRegion: Int = 20
    ) {
        self.emissions = emissions
        self.horizonDays = horizonDays
        self.defaultDurationMinutes = defaultDurationMinutes
        self.subscriptionsPerRegion = subscriptionsPerRegion
    }
}
