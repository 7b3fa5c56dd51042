import Foundation

/// A wall-clock dependency of moto 5.2 that no baseline can hold: creating a cluster also creates an
/// automated snapshot named by the minute (`rds:ID-YYYY-MM-DD-HH-MM`), and moto accepts the invalid
/// identifiers the suite sends. RestoreDBClusterToPointInTime with an invalid identifier that a
/// CreateDBCluster case used within the same minute therefore draws DBClusterSnapshotAlreadyExistsFault
/// (wrong-code), and in another minute is accepted (accepts-invalid). A run judged against a baseline
/// may see exactly those cases change between the two; nothing else may.
enum MotoClockQuirk {
    static let prefix = "RestoreDBClusterToPointInTime/invalid/DBClusterIdentifier/"

    /// True when every new case of the report's baseline outcome is one of those cases, departing now
    /// as the other of the two ways.
    static func explainsEveryNewCase(inReport path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let outcome = json["baseline"] as? [String: Any], let new = outcome["new"] as? [String], !new.isEmpty
        else { return false }
        let changed = outcome["changed"] as? [String: String] ?? [:]
        let flips: Set = [
            "departed before as wrong-code/identifier, now as accepts-invalid/identifier",
            "departed before as accepts-invalid/identifier, now as wrong-code/identifier",
        ]
        return new.allSatisfy { $0.hasPrefix(prefix) && flips.contains(changed[$0] ?? "") }
    }
}
