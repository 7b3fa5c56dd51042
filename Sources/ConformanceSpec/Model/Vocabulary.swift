/// The values a status, type or enumeration member may take (`Specs/vocabularies.yaml`), with where they come from.
public struct Vocabulary: Sendable, Hashable {
    /// The vocabulary's name in `vocabularies.yaml` (`ClusterStatus`).
    public var name: String
    /// Every value the member may hold, compared case-sensitively.
    public var values: [String]
    public var evidence: Evidence

    public init(name: String, values: [String], evidence: Evidence) {
        self.name = name
        self.values = values
        self.evidence = evidence
    }

    /// Whether `value` is one of the vocabulary's values (case matters: `Available` is not `available`).
    public func contains(_ value: String) -> Bool { values.contains(value) }
}
