import CaseGenerator
import ConformanceSpec
import Foundation
import Testing

/// The invalid-input table of NEPTUNE-FACTS.md (section 5, rows 1-61) against the generated cases: every
/// row is exercised by the cases named here, each of which expects an error code the row gives, or is
/// listed as not exercised with the reason. A spec that drew another code for a documented input, or a
/// generator that stopped making the case, fails here however the reference server behaves.
enum FactsFile {
    /// The project's copy of the facts (Facts/README.md says where it comes from).
    static let url = GeneratorFixtures.root.appendingPathComponent("Facts/NEPTUNE-FACTS.md")
}

@Suite
struct NeptuneFactsTableTests {
    static let facts = FactsFile.url

    /// Row number → the cases that exercise it.
    static let exercisedBy: [Int: [String]] = [
        1: ["CreateDBCluster/invalid/DBClusterIdentifier/missing"],
        2: ["CreateDBCluster/invalid/Engine/missing"],
        3: ["CreateDBCluster/invalid/Engine/unknown-value"],
        4: ["CreateDBCluster/invalid/DBClusterIdentifier/leading-digit"],
        5: ["CreateDBCluster/invalid/DBClusterIdentifier/trailing-hyphen"],
        6: ["CreateDBCluster/invalid/DBClusterIdentifier/double-hyphen"],
        7: ["CreateDBCluster/invalid/DBClusterIdentifier/too-long"],
        8: ["CreateDBCluster/invalid/DBClusterIdentifier/bad-character"],
        9: [
            "CreateDBCluster/stateful/DBClusterIdentifier/DBCluster-already-exists",
            "CreateDBCluster/stateful/DBClusterIdentifier/DBCluster-already-exists-other-case",
        ],
        10: ["CreateDBCluster/invalid/BackupRetentionPeriod/below-minimum"],
        11: ["CreateDBCluster/invalid/BackupRetentionPeriod/above-maximum"],
        12: [
            "CreateDBCluster/invalid/PreferredBackupWindow/hour-25",
            "CreateDBCluster/invalid/PreferredBackupWindow/no-colon",
        ],
        13: ["CreateDBCluster/invalid/PreferredBackupWindow/too-short"],
        14: ["CreateDBCluster/invalid/PreferredMaintenanceWindow/unknown-day"],
        15: ["CreateDBCluster/invalid/PreferredMaintenanceWindow/too-short"],
        16: ["CreateDBCluster/invalid/rules/disjointWindows/overlap"],
        17: [
            "CreateDBCluster/invalid/Port/below-minimum", "CreateDBCluster/invalid/Port/above-maximum",
            "ModifyDBCluster/invalid/Port/below-minimum", "ModifyDBCluster/invalid/Port/above-maximum",
        ],
        18: ["CreateDBCluster/invalid/ServerlessV2ScalingConfiguration.MinCapacity/below-minimum"],
        19: ["CreateDBCluster/invalid/ServerlessV2ScalingConfiguration.MaxCapacity/above-maximum"],
        20: ["CreateDBCluster/invalid/ServerlessV2ScalingConfiguration.MinCapacity/quarter-step"],
        21: ["CreateDBCluster/invalid/ServerlessV2ScalingConfiguration/ordered/inverted"],
        22: ["CreateDBCluster/invalid/ServerlessV2ScalingConfiguration/together/only-MinCapacity"],
        23: ["CreateDBCluster/invalid/Tags.Key/prefix-aws"],
        24: ["CreateDBCluster/stateful/DBClusterParameterGroupName/DBClusterParameterGroup-not-found"],
        25: ["CreateDBCluster/stateful/DBSubnetGroupName/DBSubnetGroup-not-found"],
        26: ["CreateDBCluster/stateful/GlobalClusterIdentifier/GlobalCluster-not-found"],
        27: ["CreateDBCluster/invalid/StorageType/unknown-value"],
        28: ["DeleteDBCluster/stateful/DBClusterIdentifier/DBCluster-not-found"],
        29: ["DeleteDBCluster/stateful/deletion-protection/refused"],
        30: ["DeleteDBCluster/invalid/rules/atLeastOne/none"],
        31: ["DeleteDBCluster/invalid/rules/exclusive/together"],
        32: ["DeleteDBCluster/invalid/FinalDBSnapshotIdentifier/double-hyphen"],
        33: ["DeleteDBCluster/stateful/FinalDBSnapshotIdentifier/DBClusterSnapshot-already-exists"],
        34: ["DeleteDBCluster/stateful/DBClusterIdentifier/has-instances"],
        35: [
            "DescribeDBClusters/stateful/DBClusterIdentifier/DBCluster-not-found",
            "DescribeDBClusters/stateful/renamed-cluster-by-old-name",
        ],
        36: [
            "DescribeDBClusters/invalid/MaxRecords/below-minimum",
            "DescribeDBClusters/invalid/MaxRecords/above-maximum",
        ],
        37: ["DescribeDBClusters/invalid/Filters.Name/unknown-value"],
        38: ["FailoverDBCluster/stateful/DBClusterIdentifier/DBCluster-not-found"],
        39: [
            "FailoverDBCluster/stateful/DBClusterIdentifier/no-reader",
            "FailoverDBCluster/stateful/DBClusterIdentifier/in-state-stopped",
        ],
        40: ["FailoverDBCluster/stateful/TargetDBInstanceIdentifier/is-the-writer"],
        41: ["ModifyDBCluster/stateful/DBClusterIdentifier/DBCluster-not-found"],
        42: [
            "ModifyDBCluster/invalid/NewDBClusterIdentifier/leading-digit",
            "ModifyDBCluster/invalid/NewDBClusterIdentifier/bad-character",
        ],
        43: [
            "ModifyDBCluster/stateful/NewDBClusterIdentifier/DBCluster-already-exists",
            "ModifyDBCluster/stateful/NewDBClusterIdentifier/DBCluster-already-exists-other-case",
        ],
        44: ["ModifyDBCluster/stateful/DBClusterIdentifier/in-state-stopped"],
        45: ["ModifyDBCluster/invalid/rules/requires/DBInstanceParameterGroupName-without-AllowMajorVersionUpgrade"],
        47: [
            "PromoteReadReplicaDBCluster/stateful/DBClusterIdentifier/DBCluster-not-found",
            "PromoteReadReplicaDBCluster/stateful/DBClusterIdentifier/not-a-replica",
        ],
        48: ["RestoreDBClusterFromSnapshot/invalid/SnapshotIdentifier/missing"],
        49: ["RestoreDBClusterFromSnapshot/stateful/SnapshotIdentifier/DBClusterSnapshot-not-found"],
        50: [
            "RestoreDBClusterFromSnapshot/stateful/DBClusterIdentifier/DBCluster-already-exists",
            "RestoreDBClusterToPointInTime/stateful/DBClusterIdentifier/DBCluster-already-exists",
        ],
        51: ["RestoreDBClusterToPointInTime/invalid/SourceDBClusterIdentifier/missing"],
        52: ["RestoreDBClusterToPointInTime/stateful/SourceDBClusterIdentifier/DBCluster-not-found"],
        53: ["RestoreDBClusterToPointInTime/invalid/rules/exclusive/together"],
        54: ["RestoreDBClusterToPointInTime/invalid/rules/forbiddenWhen/RestoreToTime-with-copy-on-write"],
        55: ["RestoreDBClusterToPointInTime/invalid/RestoreType/unknown-value"],
        56: ["RestoreDBClusterToPointInTime/stateful/RestoreToTime/after-latest-restorable"],
        57: ["StartDBCluster/stateful/DBClusterIdentifier/in-state-available"],
        58: ["StopDBCluster/stateful/DBClusterIdentifier/in-state-stopped"],
        59: [
            "StartDBCluster/stateful/DBClusterIdentifier/DBCluster-not-found",
            "StopDBCluster/stateful/DBClusterIdentifier/DBCluster-not-found",
        ],
        60: [
            "StartDBCluster/invalid/DBClusterIdentifier/missing", "StopDBCluster/invalid/DBClusterIdentifier/missing",
        ],
        61: ["QueryProtocol/protocol/unknown-action"],
    ]

    /// Rows no case exercises, and why.
    static let notExercised: [Int: String] = [
        46: "a major EngineVersion is only known from the engine's version history, which the spec does not hold"
    ]

    struct Row: Sendable, CustomTestStringConvertible {
        let number: Int
        let input: String
        let codes: [String]
        var testDescription: String { "row \(number): \(input)" }
    }

    /// The numbered rows of the table, with the error codes each names (the spec's known codes).
    static func rows() throws -> [Row] {
        guard FileManager.default.fileExists(atPath: facts.path) else { return [] }
        let known = Set(GeneratorFixtures.spec.errors.keys)
        return try String(contentsOf: facts, encoding: .utf8).split(separator: "\n").compactMap { line -> Row? in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count >= 5, let number = Int(cells[1]) else { return nil }
            let words = cells[3].split { !$0.isLetter }.map(String.init)
            return Row(number: number, input: cells[2], codes: words.filter { known.contains($0) })
        }
    }

    @Test func everyRowIsExercisedOrExcusedAndNothingElseIsNamed() throws {
        let numbers = try Self.rows().map(\.number)
        #expect(numbers == Array(1...61), "the table's rows changed: \(numbers)")
        let accounted = Set(Self.exercisedBy.keys).union(Self.notExercised.keys)
        #expect(
            Set(numbers) == accounted,
            "rows neither exercised nor excused: \(Set(numbers).subtracting(accounted).sorted()); named but not in the table: \(accounted.subtracting(numbers).sorted())"
        )
        #expect(Set(Self.exercisedBy.keys).isDisjoint(with: Self.notExercised.keys))
    }

    @Test(arguments: try rows())
    func rowIsExercisedWithItsCode(_ row: Row) throws {
        guard let ids = Self.exercisedBy[row.number] else { return }
        #expect(!row.codes.isEmpty, "row \(row.number) names no error code the spec knows")
        for id in ids {
            guard let testCase = GeneratorFixtures.cases.first(where: { $0.id == id }) else {
                Issue.record("row \(row.number): no generated case \(id)")
                continue
            }
            guard case .error(let code, _, _, _) = testCase.expectation else {
                Issue.record("row \(row.number): \(id) expects success")
                continue
            }
            #expect(
                row.codes.contains(code), "row \(row.number) (\(row.input)) says \(row.codes), \(id) expects \(code)")
        }
    }
}
