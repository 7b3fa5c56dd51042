extension NeptuneFacts2Rows {
    /// DescribeDBEngineVersions (NEPTUNE-FACTS-2 §2.8).
    static let engineVersions = Facts2Family(
        exercisedBy: [122: ["DescribeDBEngineVersions/invalid/MaxRecords/below-minimum"]],
        notExercised: [
            121:
                "a success with an empty list: valid/full sends an EngineVersion the catalogue lacks and expects success, but a describe's golden lists whatever exists ({{ignore?}}), so the spec cannot hold that the list is empty"
        ])
}
