import ConformanceSpec
import ConformanceTestSupport
import Foundation
import ReferenceServer
import Testing

/// Cluster snapshots are the resource engine's records with a little behaviour (`KindBehaviour+ClusterSnapshots`):
/// a copy is `copying` (resources.yaml's own transition for it) and names its source, progress follows the status,
/// SnapshotType `public` and `shared` select by who may restore, and a cluster's final snapshot is available at once
/// and restores by ARN.
@Suite struct ClusterSnapshotEngineTests {
    static func send(_ emulator: NeptuneEmulator, _ action: String, _ pairs: [(String, String)]) async -> (
        status: Int, body: String
    ) {
        let answer = await emulator.handle(body: SubnetsTagsRolesTests.form(action, pairs))
        return (answer.status, answer.body)
    }

    static func identifiers(_ body: String) -> [String] {
        body.components(separatedBy: "<DBClusterSnapshotIdentifier>").dropFirst().map {
            String($0.prefix { $0 != "<" })
        }
    }

    @Test func aCopyIsCopyingThenAvailableAndTypesSelectByWhoMayRestore() async throws {
        let (clock, advance) = EmulatorClock.manual()
        var configuration = NeptuneEmulator.Configuration(transitionDelay: .seconds(5))
        configuration.clock = clock
        let emulator = NeptuneEmulator(spec: SubnetsTagsRolesTests.spec, configuration: configuration)
        _ = await Self.send(emulator, "CreateDBCluster", [("DBClusterIdentifier", "c"), ("Engine", "neptune")])
        advance(.seconds(5))
        let taken = await Self.send(
            emulator, "CreateDBClusterSnapshot", [("DBClusterIdentifier", "C"), ("DBClusterSnapshotIdentifier", "S1")])
        #expect(taken.status == 200 && taken.body.contains("<Status>creating</Status>"), "\(taken.body)")
        #expect(taken.body.contains("<PercentProgress>0</PercentProgress>"))
        #expect(taken.body.contains("<DBClusterIdentifier>c</DBClusterIdentifier>"))
        #expect(taken.body.contains("<SnapshotType>manual</SnapshotType>"))
        advance(.seconds(5))
        let arn = "arn:aws:rds:us-east-1:123456789012:cluster-snapshot:s1"
        let copied = await Self.send(
            emulator, "CopyDBClusterSnapshot",
            [("SourceDBClusterSnapshotIdentifier", arn), ("TargetDBClusterSnapshotIdentifier", "S2")])
        #expect(copied.status == 200 && copied.body.contains("<Status>copying</Status>"), "\(copied.body)")
        #expect(copied.body.contains("<SourceDBClusterSnapshotArn>\(arn)</SourceDBClusterSnapshotArn>"))
        #expect(copied.body.contains("<DBClusterIdentifier>c</DBClusterIdentifier>"))
        advance(.seconds(5))
        let ready = await Self.send(emulator, "DescribeDBClusterSnapshots", [("DBClusterSnapshotIdentifier", "s2")])
        #expect(ready.body.contains("<Status>available</Status>") && ready.body.contains("<PercentProgress>100<"))

        let shared = await Self.send(
            emulator, "ModifyDBClusterSnapshotAttribute",
            [
                ("DBClusterSnapshotIdentifier", "s2"), ("AttributeName", "restore"),
                ("ValuesToAdd.AttributeValue.1", "all"),
            ])
        #expect(shared.status == 200, "\(shared.body)")
        let publicOnes = await Self.send(emulator, "DescribeDBClusterSnapshots", [("SnapshotType", "public")])
        #expect(Self.identifiers(publicOnes.body) == ["s2"], "\(publicOnes.body)")
        let sharedOnes = await Self.send(emulator, "DescribeDBClusterSnapshots", [("SnapshotType", "shared")])
        #expect(Self.identifiers(sharedOnes.body).isEmpty)
        let manual = await Self.send(
            emulator, "DescribeDBClusterSnapshots", [("SnapshotType", "manual"), ("DBClusterIdentifier", "C")])
        #expect(Self.identifiers(manual.body) == ["s1", "s2"], "\(manual.body)")
    }

    @Test func aFinalSnapshotIsAvailableAtOnceAndRestoresByARN() async throws {
        let emulator = NeptuneEmulator(spec: SubnetsTagsRolesTests.spec)
        _ = await Self.send(
            emulator, "CreateDBCluster", [("DBClusterIdentifier", "old"), ("Engine", "neptune"), ("Port", "8200")])
        _ = await Self.send(emulator, "DescribeDBClusters", [])
        let deleted = await Self.send(
            emulator, "DeleteDBCluster", [("DBClusterIdentifier", "old"), ("FinalDBSnapshotIdentifier", "Last")])
        #expect(deleted.status == 200, "\(deleted.body)")
        let last = await Self.send(emulator, "DescribeDBClusterSnapshots", [("DBClusterSnapshotIdentifier", "last")])
        #expect(last.body.contains("<Status>available</Status>") && last.body.contains("<Port>8200</Port>"))
        #expect(last.body.contains("<DBClusterSnapshotArn>arn:aws:rds:us-east-1:123456789012:cluster-snapshot:last<"))
        let restored = await Self.send(
            emulator, "RestoreDBClusterFromSnapshot",
            [
                ("DBClusterIdentifier", "again"), ("Engine", "neptune"),
                ("SnapshotIdentifier", "arn:aws:rds:us-east-1:123456789012:cluster-snapshot:last"),
            ])
        #expect(restored.status == 200 && restored.body.contains("<Port>8200</Port>"), "\(restored.body)")
    }
}
