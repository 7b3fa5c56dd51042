import ConformanceSpec
import ConformanceTestSupport
import Foundation
import ReferenceServer
import Testing

/// DB instances on the resource engine, what generated cases cannot hold: `creating` then available, the
/// documented filters (`db-cluster-id` by identifier in any case or by the cluster's ARN, `engine`), the cluster's
/// members following a rename and a delete, a class change waiting for the window unless applied at once, and the
/// 16-instance cluster quota. The clock is manual: nothing here depends on the machine's speed.
@Suite struct InstanceEngineTests {
    static let send = ClusterEndpointTests.send
    static let filter = ClusterEndpointTests.filter
    static let clusterArn = "arn:aws:rds:us-east-1:123456789012:cluster:"

    static func identifiers(_ body: String) -> [String] {
        IndexedStoreTests.values("DBInstanceIdentifier", in: body)
    }

    @Test func instancesAreCreatingThenAvailableAndTheFiltersSelectByClusterAndEngine() async throws {
        let (emulator, advance) = await ClusterEndpointTests.twoClusters()
        let made = await Self.send(
            emulator, "CreateDBInstance",
            [
                ("DBInstanceIdentifier", "New-One"), ("DBClusterIdentifier", "c2"), ("DBInstanceClass", "db.r5.large"),
                ("Engine", "neptune"),
            ])
        #expect(made.body.contains("<DBInstanceStatus>creating</DBInstanceStatus>"), "\(made.body)")
        #expect(made.body.contains("<DBInstanceArn>arn:aws:rds:us-east-1:123456789012:db:new-one</DBInstanceArn>"))
        advance(.seconds(5))
        let settled = await Self.send(emulator, "DescribeDBInstances", [("DBInstanceIdentifier", "NEW-ONE")])
        #expect(settled.body.contains("<DBInstanceStatus>available</DBInstanceStatus>"), "\(settled.body)")

        let byName = await Self.send(emulator, "DescribeDBInstances", Self.filter("db-cluster-id", "C1"))
        #expect(Self.identifiers(byName.body) == ["i1", "i2"], "\(byName.body)")
        let byArn = await Self.send(
            emulator, "DescribeDBInstances", Self.filter("db-cluster-id", Self.clusterArn + "c2"))
        #expect(Self.identifiers(byArn.body) == ["j1", "new-one"], "\(byArn.body)")
        let engine = await Self.send(emulator, "DescribeDBInstances", Self.filter("engine", "neptune"))
        #expect(Self.identifiers(engine.body) == ["i1", "i2", "j1", "new-one"], "\(engine.body)")
        let other = await Self.send(emulator, "DescribeDBInstances", Self.filter("engine", "aurora-mysql"))
        #expect(other.status == 200 && Self.identifiers(other.body).isEmpty, "\(other.body)")
    }

    @Test func aRenameAndADeleteFollowTheClustersMembers() async throws {
        let (emulator, advance) = await ClusterEndpointTests.twoClusters()
        let renamed = await Self.send(
            emulator, "ModifyDBInstance",
            [("DBInstanceIdentifier", "i1"), ("NewDBInstanceIdentifier", "Writer-1"), ("ApplyImmediately", "true")])
        #expect(renamed.body.contains("<DBInstanceStatus>modifying</DBInstanceStatus>"), "\(renamed.body)")
        #expect(renamed.body.contains("<DBInstanceArn>arn:aws:rds:us-east-1:123456789012:db:writer-1</DBInstanceArn>"))
        advance(.seconds(5))
        let cluster = await Self.send(emulator, "DescribeDBClusters", [("DBClusterIdentifier", "c1")])
        #expect(Self.identifiers(cluster.body) == ["writer-1", "i2"], "the writer keeps its place: \(cluster.body)")
        let old = await Self.send(emulator, "DescribeDBInstances", [("DBInstanceIdentifier", "i1")])
        #expect(old.body.contains("DBInstanceNotFound"), "\(old.body)")

        let deleted = await Self.send(
            emulator, "DeleteDBInstance", [("DBInstanceIdentifier", "writer-1"), ("SkipFinalSnapshot", "true")])
        #expect(deleted.body.contains("<DBInstanceStatus>deleting</DBInstanceStatus>"), "\(deleted.body)")
        let during = await Self.send(emulator, "DescribeDBClusters", [("DBClusterIdentifier", "c1")])
        #expect(Self.identifiers(during.body) == ["writer-1", "i2"], "still a member while deleting")
        advance(.seconds(5))
        let after = await Self.send(emulator, "DescribeDBClusters", [("DBClusterIdentifier", "c1")])
        #expect(Self.identifiers(after.body) == ["i2"], "\(after.body)")
        let gone = await Self.send(emulator, "DescribeDBInstances", [("DBInstanceIdentifier", "writer-1")])
        #expect(gone.body.contains("DBInstanceNotFound"), "\(gone.body)")
    }

    @Test func aClassChangeWaitsForTheWindowUnlessAppliedAtOnce() async throws {
        let (emulator, advance) = await ClusterEndpointTests.twoClusters()
        let waiting = await Self.send(
            emulator, "ModifyDBInstance", [("DBInstanceIdentifier", "i2"), ("DBInstanceClass", "db.r5.xlarge")])
        #expect(waiting.body.contains("<DBInstanceClass>db.r5.large</DBInstanceClass>"), "\(waiting.body)")
        #expect(
            waiting.body.contains(
                "<PendingModifiedValues><DBInstanceClass>db.r5.xlarge</DBInstanceClass></PendingModifiedValues>"),
            "\(waiting.body)")
        advance(.seconds(5))
        let now = await Self.send(
            emulator, "ModifyDBInstance",
            [("DBInstanceIdentifier", "j1"), ("DBInstanceClass", "db.r5.2xlarge"), ("ApplyImmediately", "true")])
        #expect(now.body.contains("<DBInstanceClass>db.r5.2xlarge</DBInstanceClass>"), "\(now.body)")
        #expect(!now.body.contains("PendingModifiedValues"), "\(now.body)")
    }

    @Test func aClusterTakesSixteenInstances() async throws {
        let (emulator, _) = await ClusterEndpointTests.twoClusters()
        for number in 2...16 {
            let added = await Self.send(
                emulator, "CreateDBInstance",
                [
                    ("DBInstanceIdentifier", "j\(number)"), ("DBClusterIdentifier", "c2"),
                    ("DBInstanceClass", "db.r5.large"), ("Engine", "neptune"),
                ])
            #expect(added.status == 200, "\(added.body)")
        }
        let refused = await Self.send(
            emulator, "CreateDBInstance",
            [
                ("DBInstanceIdentifier", "j17"), ("DBClusterIdentifier", "c2"), ("DBInstanceClass", "db.r5.large"),
                ("Engine", "neptune"),
            ])
        #expect(refused.body.contains("<Code>InstanceQuotaExceeded</Code>"), "\(refused.body)")
        let listed = await Self.send(emulator, "DescribeDBInstances", Self.filter("db-cluster-id", "c2"))
        #expect(Self.identifiers(listed.body).count == 16, "\(listed.body)")
    }
}
